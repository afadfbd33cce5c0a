import { RULE_SETS } from '@helhed/core';
import { openDatabase } from '../packages/server/src/db/database';
import { inMunicipality } from '../packages/server/src/db/transactions';
import { screeningStatement } from '../packages/server/src/screening/compile-sql';
import { planFor } from '../packages/server/src/screening/screen';

const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL!, dataDir: '', dbSchema: 'helhed_bench_600000' });
const m = (await database.db.selectFrom('municipality').select('id').where('code', '=', 'BENCH').executeTakeFirstOrThrow()).id;
const plan = planFor(RULE_SETS['hovedlov-2022'], '2026-11-23', '2026-01-01');
await inMunicipality(database.db, m, async (tx) => {
  await tx.deleteFrom('target_group_status').execute();
  const c = screeningStatement(plan, { runId: crypto.randomUUID(), now: new Date(), sampleSize: 100 }).compile(tx);
  const r = await tx.executeQuery({ ...c, sql: `explain (analyze, buffers) ${c.sql}` });
  console.log((r.rows as any[]).map((x) => x['QUERY PLAN']).join('\n'));
  throw new Error('rollback');
}).catch((e) => console.error(String(e)));
await database.close();
