import type { Kysely } from 'kysely';
import { systemAccessFor } from '../access/system-access';
import type { DB } from '../db/schema';
import { markInterruptedImports } from '../imports/run-import';
import { markInterruptedRuns } from './jobs';

/**
 * At start: imports and screening runs that were going when the process
 * stopped applied nothing (imports) or stopped between slices (runs); mark
 * them failed so nobody waits for them. Assumes one server process per
 * database, as `npm start` runs it.
 */
export async function markInterruptedWork(db: Kysely<DB>): Promise<{ imports: number; runs: number }> {
  const municipalities = await db.selectFrom('municipality').select(['id', 'name']).execute();
  const total = { imports: 0, runs: 0 };
  for (const m of municipalities) {
    const a = systemAccessFor(db, m.id, 'Opstart');
    total.imports += await markInterruptedImports(a);
    total.runs += await markInterruptedRuns(a);
  }
  return total;
}
