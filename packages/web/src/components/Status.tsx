/** Loading text and error alerts (the API's Danish problem detail, in role="alert"). */
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
  return (
    <div className="alert alert-error" role="alert">
      <p>{error.detail}</p>
      {error.errors.length > 0 && (
        <ul>
          {error.errors.map((e) => (
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
