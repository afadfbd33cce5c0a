import type { Complaint } from '../../clients/complaints';
import { useSubmission } from '../../useSubmission';

/** One step on a complaint (POST → the complaint as it is now): the answer is handed on. */
export function useStep(onDone: (c: Complaint) => void, fallback: string) {
  const { busy, error, run, refuse } = useSubmission(fallback);
  return { busy, error, refuse, run: (call: () => Promise<Complaint>) => run(async () => onDone(await call())) };
}
