/** Det Fælles Designsystem's components as React markup (dkfds v11 classes; no dkfds JS needed). */
import { useId, useState, type ReactNode } from 'react';
import type { ApiError } from '../api';
import iconSprite from 'dkfds-dist/img/all-svg-icons.svg?url';
import { Link } from '../router';
import { withMember } from '../sets';

/** A dkfds icon from the design system's sprite; decorative unless labelled. */
export function Icon({ name, className, label }: { name: string; className?: string; label?: string }) {
  return (
    <svg className={`icon-svg${className ? ` ${className}` : ''}`} focusable="false" {...(label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true })}>
      <use href={`${iconSprite}#${name}`} />
    </svg>
  );
}

const ALERT_ICON: Record<string, [string, string]> = { info: ['info', 'Information'], success: ['success', 'Succes'], warning: ['warning', 'Advarsel'], error: ['error', 'Fejl'] };

type Variant = 'info' | 'success' | 'warning' | 'error';

/** dkfds alert; warnings and errors are announced (role="alert"), others are polite status messages. */
export function Alert({ variant, heading, children }: { variant: Variant; heading?: string; children: ReactNode }) {
  return (
    <div className={`alert alert-${variant}`} role={variant === 'warning' || variant === 'error' ? 'alert' : 'status'}>
      <Icon name={ALERT_ICON[variant]![0]} className="alert-icon" label={ALERT_ICON[variant]![1]} />
      <div className="alert-body">
        {heading && <h2 className="alert-heading">{heading}</h2>}
        <div className="alert-text">{children}</div>
      </div>
    </div>
  );
}

export function ProblemAlert({ error }: { error: ApiError | null }) {
  if (!error) return null;
  // field messages the detail already says are not repeated
  const extra = error.errors.filter((e) => !error.detail.includes(e.message));
  return (
    <Alert variant="error">
      <p>{error.detail}</p>
      {extra.length > 0 && (
        <ul>
          {extra.map((e) => (
            <li key={e.path + e.message}>{e.message}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

export function Loading({ what = 'Henter' }: { what?: string }) {
  return <p role="status">{what} …</p>;
}

/** dkfds accordion: a heading with a button that shows or hides its content. */
export function Accordion({ items, headingLevel = 3 }: { items: { title: string; content: ReactNode }[]; headingLevel?: 2 | 3 | 4 }) {
  const base = useId();
  const [open, setOpen] = useState<Set<number>>(new Set());
  const H = `h${headingLevel}` as 'h2' | 'h3' | 'h4';
  return (
    <ul className="accordion">
      {items.map((item, i) => {
        const expanded = open.has(i);
        const id = `${base}-${i}`;
        return (
          <li key={item.title}>
            <H>
              <button
                type="button"
                className="accordion-button"
                aria-expanded={expanded}
                aria-controls={id}
                onClick={() => setOpen((s) => withMember(s, i, !s.has(i)))}
              >
                <span className="accordion-title">{item.title}</span>
              </button>
            </H>
            <div id={id} className="accordion-content" aria-hidden={!expanded}>
              {item.content}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

export function BackLink() {
  return (
    <Link className="back-link" href="/borger">
      <Icon name="chevron-left" />
      Tilbage til Min plan
    </Link>
  );
}
