/** A labelled form field with its hint and its own error message, tied to the input for screen readers. */
import { useId, type ReactNode } from 'react';
import type { ApiError } from '../api';

export type FieldA11y = { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string };

export function Field({
  label,
  hint,
  problem,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  problem?: string | null;
  children: (a11y: FieldA11y) => ReactNode;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, problem ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {problem && (
        <p className="field-error" id={`${id}-error`}>
          {problem}
        </p>
      )}
      {children({ id, ...(problem ? { 'aria-invalid': true } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) })}
    </div>
  );
}

/** The server's message for one field ('body.reason'), or for anything under it ('body.subGoals.0'). */
export function problemAt(error: ApiError | null, path: string): string | null {
  if (!error) return null;
  const hit = error.errors.find((e) => e.path === path || e.path.startsWith(`${path}.`));
  return hit?.message ?? null;
}
