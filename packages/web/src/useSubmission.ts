import { useState } from 'react';
import { ApiError, asApiError } from './api';

type FieldProblem = { path: string; message: string };

/**
 * A form's one call to the server: busy while it runs, and the server's Danish
 * problem (or `fallback` when the server never answered) for the error summary
 * and the fields. `refuse` is the form's own check before any call is made.
 */
export function useSubmission(fallback: string) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  /** Runs `call`; true when it succeeded. */
  const run = async (call: () => Promise<void>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await call();
      return true;
    } catch (e) {
      setError(asApiError(e, fallback));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const refuse = (problem: string | ApiError, errors: FieldProblem[] = []) => setError(problem instanceof ApiError ? problem : new ApiError(400, 'Mangler', problem, errors));
  return { busy, error, run, refuse, clear: () => setError(null) };
}
