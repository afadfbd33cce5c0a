import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import {
  compactResult,
  evaluateTargetGroup,
  todayInCopenhagen,
  type LocalDate,
  type RuleSet,
  type TargetGroupResult,
} from '@helhed/core';
import type { Access } from '../access/access';
import type { Tx } from '../db/transactions';
import { candidateQuery, type CitizenFilter } from './compile-sql';
import { loadFacts, ruleSetContext, type Fact } from './facts';

export interface ScreeningOptions {
  onDate?: LocalDate;
  /** screen under this rule set instead of the one in force (comparisons, trials) */
  ruleSetId?: RuleSet['id'];
  onProgress?: (done: number, total: number) => void;
  /** called once the run is recorded, before the work: background jobs answer with the id here */
  onStarted?: (runId: string) => void;
  /** milliseconds per phase, added up (benchmarks) */
  timings?: Record<string, number>;
}

export interface ScreeningSummary {
  runId: string;
  ruleSetId: string;
  evaluatedOn: LocalDate;
  citizens: number;
  mandatory: number;
  optional: number;
  /** results that differ from the citizen's previous one (stored as history) */
  changed: number;
}

/** Candidates are explained and stored in chunks, one transaction each, so progress shows and other work interleaves. */
export const SCREENING_CHUNK = 2000;
const CHUNK = SCREENING_CHUNK;

/**
 * Screens citizens against the target-group rules (SPEC C2): the whole
 * municipality as a batch, or some citizens at once when their records
 * change. First one set-based query, compiled from the rule data, finds the
 * candidates; then the pure evaluator explains each candidate (and each
 * citizen who stops being one) and must agree with the SQL. A result is
 * stored only when it differs from the citizen's previous one, so history
 * shows changes. Progress counts citizens whose result is settled.
 */
export async function screen(a: Access, scope: { kind: 'municipality' } | { kind: 'citizens'; ids: string[] }, opts: ScreeningOptions = {}): Promise<ScreeningSummary> {
  const now = a.ctx.now();
  const onDate = opts.onDate ?? todayInCopenhagen(now);
  const runId = crypto.randomUUID();
  const filter: CitizenFilter = scope.kind === 'citizens' ? { kind: 'ids', ids: scope.ids } : { kind: 'all' };
  const audited = (step: Record<string, unknown>) => ({
    action: 'screening.run' as const,
    subject: { search: { screening: runId, scope: scope.kind, ...step }, resolve: async () => null },
    resourceType: 'screening_run',
    resourceId: runId,
  });

  // Starting a run is itself checked and audited; so is the query over everyone's records.
  const found = await a.gateway.run(a.ctx, audited({ step: 'candidates' }), async ({ tx }) => {
    const { ruleSet, dutyFrom } = await ruleSetContext(tx, onDate, opts.ruleSetId);
    const total =
      scope.kind === 'citizens'
        ? scope.ids.length
        : Number((await tx.selectFrom('citizen').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const inline = scope.kind === 'citizens' && scope.ids.length <= CHUNK;
    const run = {
      municipality_id: a.ctx.principal.municipalityId,
      id: runId,
      scope: scope.kind,
      rule_set_id: ruleSet.id,
      evaluated_on: onDate,
      status: 'running' as const,
      citizens_total: total,
      started_at: now,
      started_by: a.ctx.principal.id,
    };
    // A long run is recorded first so its progress can be followed; a short one once, when done.
    if (!inline) await tx.insertInto('screening_run').values(run).execute();
    const t0 = performance.now();
    const candidates = await candidateQuery(ruleSet.targetGroup, onDate, filter).execute(tx);
    time(opts.timings, 'candidates', t0);
    // Citizens who were candidates before and may not be now: their leaving is history too.
    let previousQuery = tx.selectFrom('target_group_status').select(['citizen_id', 'fingerprint']).where('classification', '!=', 'none');
    if (scope.kind === 'citizens') previousQuery = previousQuery.where('citizen_id', 'in', scope.ids.length ? scope.ids : [NO_ID]);
    const previous = await previousQuery.execute();
    // A few citizens (re-screening after new records): everything in this one transaction.
    if (inline) {
      const sqlClass = new Map(candidates.rows.map((r) => [r.citizen_id, r.classification]));
      const ids = [...new Set([...sqlClass.keys(), ...previous.map((p) => p.citizen_id)])].sort();
      const counts = ids.length
        ? await explainAndStore(tx, { ruleSet, onDate, dutyFrom, runId, now, ids, sqlClass, previous: new Map(previous.map((p) => [p.citizen_id, p.fingerprint])), timings: opts.timings })
        : { mandatory: 0, optional: 0, changed: 0 };
      await tx
        .insertInto('screening_run')
        .values({ ...run, status: 'done', citizens_done: total, ...counts, finished_at: a.ctx.now() })
        .execute();
      return { ruleSet, dutyFrom, total, candidates: candidates.rows, previous, inline: counts };
    }
    return { ruleSet, dutyFrom, total, candidates: candidates.rows, previous, inline: null };
  });
  opts.onStarted?.(runId);
  if (found.inline) {
    opts.onProgress?.(found.total, found.total);
    return { runId, ruleSetId: found.ruleSet.id, evaluatedOn: onDate, citizens: found.total, ...found.inline };
  }

  const sqlClass = new Map(found.candidates.map((r) => [r.citizen_id, r.classification]));
  const ids = [...new Set([...sqlClass.keys(), ...found.previous.map((p) => p.citizen_id)])].sort();
  const previous = new Map(found.previous.map((p) => [p.citizen_id, p.fingerprint]));
  const summary: ScreeningSummary = { runId, ruleSetId: found.ruleSet.id, evaluatedOn: onDate, citizens: found.total, mandatory: 0, optional: 0, changed: 0 };
  let done = found.total - ids.length;
  const progress = async () => {
    opts.onProgress?.(done, found.total);
    if (scope.kind === 'municipality') {
      await a.gateway.administrative(a.ctx, (tx) =>
        tx.updateTable('screening_run').set({ citizens_done: done, mandatory: summary.mandatory, optional: summary.optional, changed: summary.changed }).where('id', '=', runId).execute(),
      );
    }
  };
  try {
    await progress();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      const counts = await a.gateway.run(a.ctx, audited({ step: 'explain', citizens: chunk.length }), (g) =>
        explainAndStore(g.tx, { ruleSet: found.ruleSet, onDate, dutyFrom: found.dutyFrom, runId, now, ids: chunk, sqlClass, previous, timings: opts.timings }),
      );
      summary.mandatory += counts.mandatory;
      summary.optional += counts.optional;
      summary.changed += counts.changed;
      done += chunk.length;
      await progress();
    }
    await a.gateway.administrative(a.ctx, (tx) =>
      tx
        .updateTable('screening_run')
        .set({ status: 'done', citizens_done: found.total, mandatory: summary.mandatory, optional: summary.optional, changed: summary.changed, finished_at: a.ctx.now() })
        .where('id', '=', runId)
        .execute(),
    );
    return summary;
  } catch (error) {
    await a.gateway.administrative(a.ctx, (tx) =>
      tx.updateTable('screening_run').set({ status: 'failed', finished_at: a.ctx.now(), error: String((error as Error).message ?? error).slice(0, 500) }).where('id', '=', runId).execute(),
    );
    throw error;
  }
}

const NO_ID = '00000000-0000-0000-0000-000000000000';

interface ChunkContext {
  ruleSet: RuleSet;
  onDate: LocalDate;
  dutyFrom: LocalDate | undefined;
  runId: string;
  now: Date;
  ids: string[];
  sqlClass: Map<string, 'mandatory' | 'optional'>;
  previous: Map<string, string>;
  timings: Record<string, number> | undefined;
}

function time(timings: Record<string, number> | undefined, phase: string, since: number) {
  if (timings) timings[phase] = (timings[phase] ?? 0) + performance.now() - since;
}

async function explainAndStore(tx: Tx, s: ChunkContext) {
  const counts = { mandatory: 0, optional: 0, changed: 0 };
  let t = performance.now();
  const facts = await loadFacts(tx, s.ids);
  time(s.timings, 'load records', t);
  t = performance.now();
  const results: { citizenId: string; result: TargetGroupResult; fingerprint: string; records: Record<string, Fact> }[] = [];
  for (const id of s.ids) {
    const f = facts.get(id)!;
    const result = evaluateTargetGroup({ birthDate: f.birthDate, records: f.records }, s.ruleSet, s.onDate, { dutyFrom: s.dutyFrom });
    assertAgreement(id, s.sqlClass.get(id), result);
    if (result.classification === 'mandatory') counts.mandatory++;
    if (result.classification === 'optional') counts.optional++;
    const fingerprint = fingerprintOf(result);
    if (s.previous.get(id) === fingerprint) continue;
    if (!s.previous.has(id) && result.classification === 'none') continue;
    results.push({ citizenId: id, result, fingerprint, records: Object.fromEntries(f.records.map((r) => [r.id, r])) });
  }
  time(s.timings, 'evaluate', t);
  t = performance.now();
  counts.changed = results.length;
  // One statement per chunk: the rows travel as one JSON parameter and both
  // tables are written from it (far fewer parameters to bind than row by row).
  const rows = results.map((r) => ({
    id: crypto.randomUUID(),
    citizen_id: r.citizenId,
    classification: r.result.classification,
    mandatory_from: r.result.mandatoryFrom,
    summary: r.result.summary,
    explanation: { ...compactResult(r.result), records: usedRecords(r.result, r.records) },
    fingerprint: r.fingerprint,
  }));
  time(s.timings, 'store: build rows', t);
  t = performance.now();
  const payload = JSON.stringify(rows);
  time(s.timings, 'store: serialize', t);
  t = performance.now();
  if (rows.length > 0) {
    await sql`
      with input as (
        select * from jsonb_to_recordset(${payload}::jsonb)
          as x(id uuid, citizen_id uuid, classification text, mandatory_from date, summary text, explanation jsonb, fingerprint text)
      ),
      stored as (
        insert into screening_result (municipality_id, id, citizen_id, run_id, rule_set_id, evaluated_on, evaluated_at, classification, mandatory_from, summary, explanation, fingerprint)
        select current_setting('helhed.municipality_id')::uuid, id, citizen_id, ${s.runId}::uuid, ${s.ruleSet.id}, ${s.onDate}::date, ${s.now},
          classification, mandatory_from, summary, explanation, fingerprint
        from input
      )
      insert into target_group_status (municipality_id, citizen_id, result_id, classification, rule_set_id, fingerprint, candidate_since)
      select current_setting('helhed.municipality_id')::uuid, citizen_id, id, classification, ${s.ruleSet.id}, fingerprint,
        case when classification = 'none' then null else ${s.now}::timestamptz end
      from input
      on conflict (municipality_id, citizen_id) do update set
        result_id = excluded.result_id, classification = excluded.classification, rule_set_id = excluded.rule_set_id,
        fingerprint = excluded.fingerprint,
        -- a citizen who stays a candidate keeps their place in the queue
        candidate_since = case when excluded.classification = 'none' then null
          else coalesce(target_group_status.candidate_since, excluded.candidate_since) end
    `.execute(tx);
  }
  time(s.timings, 'store: sql', t);
  return counts;
}

/** The SQL compiled from the rules and the evaluator must agree; a disagreement is a bug, never a silent result. */
function assertAgreement(citizenId: string, fromSql: 'mandatory' | 'optional' | undefined, result: TargetGroupResult) {
  const met = result.routes.filter((r) => r.met);
  const gatesOk = result.gates.every((g) => g.met);
  const evaluator = !gatesOk || met.length === 0 ? undefined : met.some((r) => r.group === 'mandatory') ? 'mandatory' : 'optional';
  if (evaluator !== fromSql) {
    throw new Error(`target-group rules disagree for citizen ${citizenId}: SQL ${fromSql ?? 'none'}, evaluator ${evaluator ?? 'none'}`);
  }
}

/** Same classification under the same rule set for the same records and reasons = the same fingerprint. */
function fingerprintOf(result: TargetGroupResult): string {
  const compact = compactResult(result);
  const basis = [result.classification, result.ruleSetId, result.mandatoryFrom, compact.gates.map((g) => g.met), compact.routes];
  return createHash('sha256').update(JSON.stringify(basis)).digest('hex').slice(0, 32);
}

function usedRecords(result: TargetGroupResult, records: Record<string, Fact>) {
  const used = new Set(result.routes.flatMap((r) => r.criteria.flatMap((c) => c.recordIds)));
  return [...used].flatMap((id) => (records[id] ? [records[id]] : []));
}
