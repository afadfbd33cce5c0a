import type { Kysely } from 'kysely';
import { AccessGateway } from '../access/gateway';
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
  const gateway = new AccessGateway(db);
  const municipalities = await db.selectFrom('municipality').select(['id', 'name']).execute();
  const total = { imports: 0, runs: 0 };
  for (const m of municipalities) {
    const a = { gateway, ctx: { principal: { kind: 'system' as const, id: null, name: 'Opstart', municipalityId: m.id }, purpose: 'system' as const, breakGlassReason: null, now: () => new Date() } };
    total.imports += await markInterruptedImports(a);
    total.runs += await markInterruptedRuns(a);
  }
  return total;
}
