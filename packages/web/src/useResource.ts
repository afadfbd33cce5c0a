import { useCallback, useEffect, useState } from 'react';
import { ApiError, get } from './api';

export type Resource<T> = { data: T | null; error: ApiError | null; loading: boolean; reload: () => void };

/** GET a path when it changes (null: nothing to fetch); stale answers are dropped. */
export function useResource<T>(path: string | null): Resource<T> {
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
    get<T>(path, controller.signal).then(
      (data) => setState({ data, error: null, loading: false }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const e = error instanceof ApiError ? error : new ApiError(0, 'Fejl', 'Der opstod en uventet fejl. Prøv igen.');
        setState({ data: null, error: e, loading: false });
      },
    );
    return () => controller.abort();
  }, [path, generation]);

  return { ...state, reload };
}
