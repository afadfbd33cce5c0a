import { useState } from 'react';
import { ApiError } from '../../api';
import type { Complaint } from '../../clients/complaints';

/** One step on a complaint (POST → the complaint as it is now): busy, the server's Danish error, and the answer handed on. */
export function useStep(onDone: (c: Complaint) => void, fallback: string) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = async (call: () => Promise<Complaint>) => {
    setBusy(true);
    setError(null);
    try {
      onDone(await call());
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'Fejl', fallback));
    } finally {
      setBusy(false);
    }
  };
  const refuse = (detail: string) => setError(new ApiError(400, 'Ugyldigt input', detail));
  return { busy, error, run, refuse };
}
