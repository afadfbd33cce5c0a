import type { Access } from '../access/access';
import { screen, INLINE_LIMIT, type ScreeningOptions, type ScreeningSummary } from './screen';

/** Above this many changed citizens an import re-screens the municipality instead of citizen by citizen. */
export const INCREMENTAL_LIMIT = 10_000;

/**
 * Runs a full screening in the background of this process and resolves as
 * soon as the run is recorded, with its id; progress is read from the
 * screening_run row. A run cut off by a stopped process is marked failed at
 * the next start (`markInterruptedRuns`).
 */
export function startScreeningJob(a: Access, opts: Omit<ScreeningOptions, 'onStarted'> = {}, log: (error: unknown) => void = () => {}): Promise<{ runId: string; done: Promise<ScreeningSummary> }> {
  return new Promise((resolve, reject) => {
    let started = false;
    const done = screen(a, { kind: 'municipality' }, {
      ...opts,
      onStarted: (runId) => {
        started = true;
        resolve({ runId, done });
      },
    });
    done.catch((error) => {
      if (!started) reject(error);
      else log(error);
    });
  });
}

/** After an import: re-screen the citizens whose records changed, at once. */
export async function rescreenChanged(a: Access, citizenIds: string[], log: (error: unknown) => void = () => {}): Promise<{ mode: 'none' | 'citizens' | 'municipality'; runIds: string[] }> {
  if (citizenIds.length === 0) return { mode: 'none', runIds: [] };
  if (citizenIds.length > INCREMENTAL_LIMIT) {
    const { runId } = await startScreeningJob(a, {}, log);
    return { mode: 'municipality', runIds: [runId] };
  }
  const runIds: string[] = [];
  for (let i = 0; i < citizenIds.length; i += INLINE_LIMIT) {
    runIds.push((await screen(a, { kind: 'citizens', ids: citizenIds.slice(i, i + INLINE_LIMIT) })).runId);
  }
  return { mode: 'citizens', runIds };
}

/** Runs that were going when the process stopped are over; say so. */
export async function markInterruptedRuns(a: Access): Promise<number> {
  return a.gateway.administrative(a.ctx, async (tx) => {
    const r = await tx
      .updateTable('screening_run')
      .set({ status: 'failed', finished_at: a.ctx.now(), error: 'Kørslen blev afbrudt (processen stoppede). Start en ny screening.' })
      .where('status', 'in', ['queued', 'running'])
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  });
}
