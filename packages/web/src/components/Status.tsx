/** Loading text and error alerts (the API's Danish problem detail, in role="alert"). */
import type { Ref } from 'react';
import type { ApiError } from '../api';

export function Loading({ what = 'Henter' }: { what?: string }) {
  return (
    <p className="loading" role="status">
      {what} …
    </p>
  );
}

export function ErrorAlert({ error }: { error: ApiError | null }) {
  if (!error) return null;
  // field messages the detail already says are not repeated
  const extra = error.errors.filter((e) => !error.detail.includes(e.message));
  return (
    <div className="alert alert-error" role="alert">
      <p>{error.detail}</p>
      {extra.length > 0 && (
        <ul>
          {extra.map((e) => (
            <li key={e.path + e.message}>{e.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Empty({ children }: { children: string }) {
  return <p className="empty">{children}</p>;
}

/**
 * A live region that is always in the page, so a success message put into it is read out.
 * With `ref` it can take focus (after a form that closes when it is done).
 */
export function Notice({ message, ref }: { message: string | null; ref?: Ref<HTMLDivElement> }) {
  return (
    <div role="status" ref={ref} tabIndex={ref ? -1 : undefined}>
      {message && <p className="alert alert-success">{message}</p>}
    </div>
  );
}
