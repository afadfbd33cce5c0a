/**
 * `npm run bench:screening [-- --citizens 600000 --seed 42 --rounds 3 --reload]`
 *
 * Generates (or reuses) a synthetic municipality, loads it through the
 * product's own import, screens it in full through the product's own code
 * path (SQL compiled from the rule data, the evaluator's explanations, the
 * stored results), runs the equivalent hand-written SQL on the same data in
 * the same process, and times re-screening single citizens. Uses
 * DATABASE_URL (PostgreSQL) when set, otherwise PGlite in a temporary
 * directory. Last line:
 *   screening: <citizens> citizens, <records> records, <seconds> s, ratio <x> vs hand-written SQL
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from '../packages/server/src/db/kysely';
import {
  ageThresholdBirthDate,
  FLEKSJOB_INTERVENTION_CODE,
  FLEKSLOENTILSKUD_BENEFIT_CODE,
  FOERTIDSPENSION_BENEFIT_CODE,
  MANDATORY_BENEFIT_CODES,
  MANDATORY_SOCIAL_INTERVENTION_CODES,
  MUNICIPAL_PLAN_CODES,
  pensionThresholds,
  PSYCHIATRIC_PLAN_CODE,
} from '@helhed/core';
import { startAuditChain } from '../packages/server/src/audit/audit-log';
import { progressBar, systemAccess } from '../packages/server/src/cli/system-access';
import { openDatabase } from '../packages/server/src/db/database';
import { migrateToLatest } from '../packages/server/src/db/migrate';
import type { DB } from '../packages/server/src/db/schema';
import { asSystem } from '../packages/server/src/db/transactions';
import { runImport } from '../packages/server/src/imports/run-import';
import { screen, useBatchStatementSettings } from '../packages/server/src/screening/screen';
import { generateToDirectory } from './generator/generate';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : fallback;
};
const CITIZENS = Number(opt('citizens', process.env.DATABASE_URL ? '600000' : '60000'));
const SEED = Number(opt('seed', '42'));
const RELOAD = args.includes('--reload');
const ROUNDS = Number(opt('rounds', '3'));
const ON_DATE = '2026-11-23';
const CODE = 'BENCH';
const SINGLE_SAMPLES = 200;

const log = (...m: unknown[]) => console.error(...m);
// names this run's PostgreSQL connections, so their CPU time can be read (see cpuSeconds)
const APP_NAME = `helhed-bench-${process.pid}`;
process.env.PGAPPNAME = APP_NAME;
const seconds = (ms: number) => (ms / 1000).toFixed(2);

async function main() {
  const dir = path.join('bench', 'data', `m${CITIZENS}-s${SEED}`);
  const gen = await generateToDirectory({ citizens: CITIZENS, seed: SEED, out: dir });
  log(`data: ${dir} (${gen.skipped ? 'reused' : 'generated'}): ${gen.manifest.counts.citizens} citizens, ${gen.manifest.counts.records} records`);

  const pgliteDir = process.env.DATABASE_URL ? null : await mkdtemp(path.join(tmpdir(), 'helhed-bench-'));
  const database = await openDatabase({
    databaseUrl: process.env.DATABASE_URL || null,
    dataDir: pgliteDir ?? '',
    dbSchema: `helhed_bench_${CITIZENS}`,
  });
  const db = database.db;
  try {
    await migrateToLatest(db);
    const loaded = await municipalityLoaded(db, gen.manifest.counts.records);
    if (!loaded || RELOAD) {
      await createMunicipality(db);
      const a = await systemAccess(db, CODE);
      for (const [feed, file] of [['citizens', 'citizens.csv'], ['sector_records', 'records.csv']] as const) {
        const t = Date.now();
        const r = await runImport(a, feed, 'csv', createReadStream(path.join(dir, file)), file);
        if (r.status !== 'committed') throw new Error(`import of ${file} rejected: ${JSON.stringify(r.errors.slice(0, 5))}`);
        log(`load: ${feed}: ${r.inserted} rows in ${seconds(Date.now() - t)} s (product import)`);
      }
      await sql`analyze`.execute(db);
    } else log('load: reusing the loaded municipality (--reload to load again)');

    const a = await systemAccess(db, CODE, 'target_group_screening');
    const municipalityId = a.ctx.principal.municipalityId;
    const counts = await asSystem(db, async (tx) => {
      const c = await tx.selectFrom('citizen').select((eb) => eb.fn.countAll<number>().as('n')).where('municipality_id', '=', municipalityId).executeTakeFirstOrThrow();
      const r = await tx.selectFrom('sector_record').select((eb) => eb.fn.countAll<number>().as('n')).where('municipality_id', '=', municipalityId).executeTakeFirstOrThrow();
      return { citizens: Number(c.n), records: Number(r.n) };
    });

    // Each measured screening starts from no stored results: the full first-time work.
    // The bench schema holds only this municipality: truncate, so no round inherits the dead rows of the last.
    const clear = () => asSystem(db, async (tx) => {
      await sql`truncate screening_result`.execute(tx);
    });

    const productCpu: number[] = [];
    const baselineCpu: number[] = [];
    const productTimes: number[] = [];
    // the hand-written SQL runs twice a round: with the product's statement settings and with the server's defaults;
    // the ratio is taken against the faster of the two medians
    const baselineTimes: number[] = [];
    const baselineDefaultTimes: number[] = [];
    let summary = null as Awaited<ReturnType<typeof screen>> | null;
    let baselineCount = 0;
    const timings: Record<string, number> = {};
    for (let round = 0; round < ROUNDS; round++) {
      await clear();
      let cpu = await cpuSeconds(db);
      let t = performance.now();
      summary = await screen(a, { kind: 'municipality' }, { onDate: ON_DATE, onProgress: round === 0 ? progressBar('screening') : undefined, timings });
      productTimes.push(performance.now() - t);
      productCpu.push((await cpuSeconds(db)) - cpu);
      cpu = await cpuSeconds(db);
      t = performance.now();
      baselineCount = await handWritten(db, municipalityId, true);
      baselineTimes.push(performance.now() - t);
      baselineCpu.push((await cpuSeconds(db)) - cpu);
      t = performance.now();
      await handWritten(db, municipalityId, false);
      baselineDefaultTimes.push(performance.now() - t);
      log(`round ${round + 1}: product ${seconds(productTimes.at(-1)!)} s, hand-written SQL ${seconds(baselineTimes.at(-1)!)} s (server defaults: ${seconds(baselineDefaultTimes.at(-1)!)} s)`);
    }
    const product = median(productTimes);
    const baseline = Math.min(median(baselineTimes), median(baselineDefaultTimes));
    if (summary!.mandatory + summary!.optional !== baselineCount) {
      throw new Error(`product found ${summary!.mandatory + summary!.optional} candidates, hand-written SQL ${baselineCount}`);
    }
    if (productCpu.every((x) => x > 0)) {
      log(`CPU time (this process + its PostgreSQL backends; unaffected by waiting for a core): product ${median(productCpu).toFixed(2)} s, hand-written SQL ${median(baselineCpu).toFixed(2)} s, ratio ${(median(productCpu) / median(baselineCpu)).toFixed(2)}`);
    }
    log(`product time per phase over ${productTimes.length} rounds: ${Object.entries(timings).map(([k, v]) => `${k} ${seconds(v / productTimes.length)} s`).join(', ')}`);
    log(`candidates: ${summary!.mandatory} mandatory, ${summary!.optional} optional (${((100 * summary!.mandatory) / counts.citizens).toFixed(2)} % mandatory)`);

    // Re-screening one citizen after a new record: the incremental path.
    const sample = await asSystem(db, async (tx) =>
      (await sql<{ id: string }>`select id from citizen where municipality_id = ${municipalityId} order by md5(id::text) limit ${SINGLE_SAMPLES}`.execute(tx)).rows.map((r) => r.id),
    );
    const single: number[] = [];
    for (const id of sample) {
      const t = performance.now();
      await screen(a, { kind: 'citizens', ids: [id] }, { onDate: ON_DATE });
      single.push(performance.now() - t);
    }
    single.sort((x, y) => x - y);
    log(`re-screening one citizen: median ${median(single).toFixed(2)} ms, p95 ${single[Math.floor(single.length * 0.95)]!.toFixed(2)} ms (${single.length} citizens)`);
    log(`engine: ${database.kind}; product median ${seconds(product)} s, hand-written median ${seconds(median(baselineTimes))} s with the product's settings, ${seconds(median(baselineDefaultTimes))} s with the server's defaults, over ${productTimes.length} rounds`);
    console.log(`screening: ${counts.citizens} citizens, ${counts.records} records, ${seconds(product)} s, ratio ${(product / baseline).toFixed(2)} vs hand-written SQL`);
  } finally {
    await database.close();
    if (pgliteDir) await rm(pgliteDir, { recursive: true, force: true });
  }
}

/** A code list as SQL values; the lists are shared with the rule data (the routes are written by hand below). */
const list = (codes: readonly string[]) => sql.join(codes.map((c) => sql`${c}`));

/**
 * The same screening written by hand for this rule set (hovedlov-2022 with
 * the municipality's duty date passed), doing the same work as the product:
 * one aggregate over the active records with the record ids behind every
 * criterion, the same age limits, and each candidate stored with its
 * classification, the reasons and a copy of the records relied on.
 */
async function handWritten(db: Kysely<DB>, municipalityId: string, productSettings: boolean): Promise<number> {
  const adult = ageThresholdBirthDate(ON_DATE, 18);
  const age25 = ageThresholdBirthDate(ON_DATE, 25);
  const pension = pensionThresholds(ON_DATE);
  const pensionGate = sql.join(
    pension.map((b) => sql`not (c.birth_date >= ${b.bornFrom ?? '0001-01-01'}::date and c.birth_date < ${b.bornBefore ?? '9999-12-31'}::date and c.birth_date <= ${b.latestBirthDate}::date)`),
    sql` and `,
  );
  return asSystem(db, async (tx) => {
    if (productSettings) await useBatchStatementSettings(tx);
    // Durable like the product's results: a logged table with a key, emptied each round.
    await sql`create table if not exists hand_results (municipality_id uuid, citizen_id uuid, classification text, explanation jsonb, primary key (municipality_id, citizen_id))`.execute(tx);
    await sql`truncate hand_results`.execute(tx);
    const r = await sql`
      with f as (
        select r.citizen_id,
          array_agg(r.id) filter (where r.kind = 'plan' and r.code = 'min_plan') as min_plan,
          array_agg(r.id) filter (where r.kind = 'benefit' and r.code in (${list(MANDATORY_BENEFIT_CODES)})) as benefit,
          array_agg(r.id) filter (where r.kind = 'intervention' and r.code in (${list(MANDATORY_SOCIAL_INTERVENTION_CODES)})) as social,
          array_agg(r.id) filter (where r.kind = 'plan' and r.code in (${list(MUNICIPAL_PLAN_CODES)})) as municipal_plans,
          array_agg(r.id) filter (where r.kind = 'plan' and r.code = ${PSYCHIATRIC_PLAN_CODE} and r.sector = 'health') as psychiatric,
          array_agg(r.id) filter (where r.kind = 'intervention' and r.code = ${FLEKSJOB_INTERVENTION_CODE}) as fleksjob,
          array_agg(r.id) filter (where r.kind = 'benefit' and r.code = ${FLEKSLOENTILSKUD_BENEFIT_CODE}) as fleksloen,
          array_agg(r.id) filter (where r.kind = 'benefit' and r.code = ${FOERTIDSPENSION_BENEFIT_CODE}) as pension
        from sector_record r
        where r.municipality_id = ${municipalityId}
          and r.start_date <= ${ON_DATE}::date and (r.end_date is null or r.end_date >= ${ON_DATE}::date)
        group by r.citizen_id
      ),
      classified as (
        select f.*, c.birth_date <= ${age25}::date as age25,
          (c.birth_date <= ${age25}::date and f.min_plan is not null and f.benefit is not null and f.social is not null) as mandatory
        from f join citizen c on c.municipality_id = ${municipalityId} and c.id = f.citizen_id
        where c.birth_date <= ${adult}::date and ${pensionGate}
      )
      insert into hand_results
      select ${municipalityId}::uuid, k.citizen_id, case when k.mandatory then 'mandatory' else 'optional' end,
        jsonb_build_object(
          'mandatory', jsonb_build_object('age25', k.age25, 'min_plan', k.min_plan, 'benefit', k.benefit, 'social', k.social),
          'under25', jsonb_build_object('municipal_plans', k.municipal_plans, 'social', k.social),
          'plans', k.municipal_plans, 'psychiatric', k.psychiatric, 'fleksjob', k.fleksjob, 'fleksloen', k.fleksloen, 'pension', k.pension,
          'records', (select jsonb_agg(jsonb_build_object('id', s.id, 'kind', s.kind, 'sector', s.sector, 'code', s.code, 'title', s.title,
                        'legalBasis', s.legal_basis, 'start', s.start_date, 'end', s.end_date, 'sourceSystem', s.source_system))
                      from sector_record s
                      where s.municipality_id = ${municipalityId} and s.citizen_id = k.citizen_id
                        and s.id = any(coalesce(k.min_plan, '{}') || coalesce(k.benefit, '{}') || coalesce(k.social, '{}') || coalesce(k.municipal_plans, '{}')
                          || coalesce(k.psychiatric, '{}') || coalesce(k.fleksjob, '{}') || coalesce(k.fleksloen, '{}') || coalesce(k.pension, '{}'))))
      from classified k
      where k.mandatory
        or (not k.age25 and k.municipal_plans is not null and k.social is not null)
        or cardinality(k.municipal_plans) >= 2
        or (k.psychiatric is not null and k.municipal_plans is not null)
        or k.fleksjob is not null or k.fleksloen is not null or k.pension is not null
    `.execute(tx);
    return Number(r.numAffectedRows ?? 0);
  });
}

async function municipalityLoaded(db: Kysely<DB>, expectedRecords: number): Promise<boolean> {
  const m = await db.selectFrom('municipality').select('id').where('code', '=', CODE).executeTakeFirst();
  if (!m) return false;
  const n = await db.selectFrom('sector_record').select((eb) => eb.fn.countAll<number>().as('n')).where('municipality_id', '=', m.id).executeTakeFirstOrThrow();
  return Number(n.n) === expectedRecords;
}

async function createMunicipality(db: Kysely<DB>) {
  await asSystem(db, async (tx) => {
    const old = await tx.selectFrom('municipality').select('id').where('code', '=', CODE).executeTakeFirst();
    if (old) throw new Error('a partly loaded bench municipality exists; drop the schema helhed_bench_* (PostgreSQL) and run again');
    const id = crypto.randomUUID();
    await tx.insertInto('municipality').values({ id, code: CODE, name: 'Benchmarkkommune', cvr: '00000000' }).execute();
    await startAuditChain(tx, id);
    await tx.insertInto('municipality_rule_set').values({ municipality_id: id, from_date: '2018-07-01', rule_set_id: 'hovedlov-2022', duty_from: '2026-01-01' }).execute();
  });
}

/**
 * CPU seconds used so far by this process and by the PostgreSQL backends of
 * its connections (read from /proc: the server runs on this machine). On a
 * shared machine wall time includes waiting for a core; CPU time does not.
 * 0 when the backends' /proc entries cannot be read (PGlite, a remote server).
 */
async function cpuSeconds(db: Kysely<DB>): Promise<number> {
  if (!process.env.DATABASE_URL) return 0;
  const { rows } = await sql<{ pid: number }>`select pid from pg_stat_activity where application_name = ${APP_NAME}`.execute(db);
  let ticks = 0;
  for (const { pid } of rows) {
    try {
      const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      return 0;
    }
  }
  const own = process.cpuUsage();
  return ticks / 100 + (own.user + own.system) / 1e6;
}

function median(values: number[]): number {
  const s = [...values].sort((x, y) => x - y);
  return s[Math.floor(s.length / 2)]!;
}

await main();
