import { useCallback, useEffect, useState } from 'react';
import { ApiError, request } from './api';

export type Resource<T> = { data: T | null; error: ApiError | null; loading: boolean; reload: () => void };

/**
 * GET a path when it changes (null: nothing to fetch); stale answers are dropped. `purpose`: why (for the audit log).
 * `revision`: fetch again when it changes (after an edit elsewhere on the page).
 */
export function useResource<T>(path: string | null, purpose?: string, revision = 0): Resource<T> {
  const [state, setState] = useState<{ data: T | null; error: ApiError | null; loading: boolean }>({
    data: null,
    error: null,
    loading: path !== null,
  });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    if (path === null) {
      setState({ data: null, error: null, loading: false });
      return;
    }
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    request<T>('GET', path, { signal: controller.signal, ...(purpose ? { purpose } : {}) }).then(
      (data) => setState({ data, error: null, loading: false }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const e = error instanceof ApiError ? error : new ApiError(0, 'Fejl', 'Der opstod en uventet fejl. Prøv igen.');
        setState({ data: null, error: e, loading: false });
      },
    );
    return () => controller.abort();
  }, [path, purpose, generation, revision]);

  return { ...state, reload };
}

/**
 * A resource whose API may not exist yet (plan, calendar, decisions … are
 * being built): 404 means "not available", shown as such, never as an error.
 */
export function useOptionalResource<T>(path: string | null, revision = 0): Resource<T> & { unavailable: boolean } {
  const r = useResource<T>(path, undefined, revision);
  const unavailable = r.error?.status === 404;
  return { ...r, error: unavailable ? null : r.error, unavailable };
}
