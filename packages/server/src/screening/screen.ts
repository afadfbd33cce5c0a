import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import {
  evaluateTargetGroup,
  todayInCopenhagen,
  type LocalDate,
  type RuleSet,
  type SectorFact,
  type TargetGroupResult,
} from '@helhed/core';
import type { Access } from '../access/access';
import type { Tx } from '../db/transactions';
import { candidateQuery, type CitizenFilter } from './compile-sql';
import { loadFacts, ruleSetContext } from './facts';

export interface ScreeningOptions {
  onDate?: LocalDate;
  /** screen under this rule set instead of the one in force (comparisons, trials) */
  ruleSetId?: RuleSet['id'];
  onProgress?: (done: number, total: number) => void;
  /** called once the run is recorded, before the work: background jobs answer with the id here */
  onStarted?: (runId: string) => void;
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

/** Citizens are screened in slices of the id space, one transaction each, so progress shows and other work interleaves. */
const SLICES = 16;

/**
 * Screens citizens against the target-group rules (SPEC C2): the whole
 * municipality as a batch, or some citizens at once when their records
 * change. SQL compiled from the rule data finds the candidates set-wise; the
 * pure evaluator then explains each candidate (and each citizen who stops
 * being one) and must agree with the SQL. A result is stored only when it
 * differs from the citizen's previous one, so history shows changes.
 */
export async function screen(a: Access, scope: { kind: 'municipality' } | { kind: 'citizens'; ids: string[] }, opts: ScreeningOptions = {}): Promise<ScreeningSummary> {
  const now = a.ctx.now();
  const onDate = opts.onDate ?? todayInCopenhagen(now);
  const runId = crypto.randomUUID();
  // Starting a run is itself checked and audited: who screened, when, for what.
  const { ruleSet, dutyFrom, slices } = await a.gateway.run(
    a.ctx,
    { action: 'screening.run', subject: { search: { screening: runId, scope: scope.kind }, resolve: async () => null }, resourceType: 'screening_run', resourceId: runId },
    async ({ tx }) => {
    const { ruleSet, dutyFrom } = await ruleSetContext(tx, onDate, opts.ruleSetId);
    const slices = scope.kind === 'citizens' ? [{ filter: { kind: 'ids', ids: scope.ids } as CitizenFilter, size: scope.ids.length }] : await idSlices(tx);
    await tx
      .insertInto('screening_run')
      .values({
        municipality_id: a.ctx.principal.municipalityId,
        id: runId,
        scope: scope.kind,
        rule_set_id: ruleSet.id,
        evaluated_on: onDate,
        status: 'running',
        citizens_total: slices.reduce((n, s) => n + s.size, 0),
        started_at: now,
        started_by: a.ctx.principal.id,
      })
      .execute();
    return { ruleSet, dutyFrom, slices };
  },
  );

  opts.onStarted?.(runId);
  const total = slices.reduce((n, s) => n + s.size, 0);
  const summary: ScreeningSummary = { runId, ruleSetId: ruleSet.id, evaluatedOn: onDate, citizens: total, mandatory: 0, optional: 0, changed: 0 };
  let done = 0;
  try {
    for (const slice of slices) {
      const counts = await a.gateway.run(
        a.ctx,
        {
          action: 'screening.run',
          subject: { search: { screening: runId, ruleSet: ruleSet.id, ...(slice.filter.kind === 'range' ? { from: slice.filter.from } : { citizens: slice.size }) }, resolve: async () => null },
          resourceType: 'screening_run',
          resourceId: runId,
        },
        (g) => screenSlice(g.tx, a, { ruleSet, onDate, dutyFrom, runId, filter: slice.filter, now }),
      );
      summary.mandatory += counts.mandatory;
      summary.optional += counts.optional;
      summary.changed += counts.changed;
      done += slice.size;
      opts.onProgress?.(done, total);
      if (scope.kind === 'municipality') {
        await a.gateway.administrative(a.ctx, (tx) =>
          tx.updateTable('screening_run').set({ citizens_done: done, mandatory: summary.mandatory, optional: summary.optional, changed: summary.changed }).where('id', '=', runId).execute(),
        );
      }
    }
    await a.gateway.administrative(a.ctx, (tx) =>
      tx
        .updateTable('screening_run')
        .set({ status: 'done', citizens_done: total, mandatory: summary.mandatory, optional: summary.optional, changed: summary.changed, finished_at: a.ctx.now() })
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

async function idSlices(tx: Tx): Promise<{ filter: CitizenFilter; size: number }[]> {
  const { rows } = await sql<{ slice: number; n: number }>`
    select get_byte(uuid_send(id), 0) / ${256 / SLICES} as slice, count(*)::int as n from citizen group by 1
  `.execute(tx);
  const sizes = new Map(rows.map((r) => [Number(r.slice), Number(r.n)]));
  return Array.from({ length: SLICES }, (_, i) => ({
    filter: { kind: 'range', from: boundary(i), to: i + 1 === SLICES ? 'ffffffff-ffff-ffff-ffff-ffffffffffff' : boundary(i + 1) } as CitizenFilter,
    size: sizes.get(i) ?? 0,
  }));
}

function boundary(i: number): string {
  const hex = (i * (256 / SLICES)).toString(16).padStart(2, '0');
  return `${hex}000000-0000-0000-0000-000000000000`;
}

interface SliceContext {
  ruleSet: RuleSet;
  onDate: LocalDate;
  dutyFrom: LocalDate | undefined;
  runId: string;
  filter: CitizenFilter;
  now: Date;
}

async function screenSlice(tx: Tx, a: Access, s: SliceContext) {
  const candidates = await candidateQuery(s.ruleSet.targetGroup, s.onDate, s.filter).execute(tx);
  const sqlClass = new Map(candidates.rows.map((r) => [r.citizen_id, r.classification]));
  // Citizens who were candidates before and may not be now: their leaving is history too.
  let previousQuery = tx.selectFrom('target_group_status').select(['citizen_id', 'fingerprint']);
  if (s.filter.kind === 'ids') previousQuery = previousQuery.where('citizen_id', 'in', s.filter.ids.length ? s.filter.ids : ['00000000-0000-0000-0000-000000000000']);
  else if (s.filter.kind === 'range') previousQuery = previousQuery.where('citizen_id', '>=', s.filter.from).where('citizen_id', '<', s.filter.to);
  const previous = new Map((await previousQuery.execute()).map((r) => [r.citizen_id, r.fingerprint]));
  const ids = [...new Set([...sqlClass.keys(), ...previous.keys()])];
  const counts = { mandatory: 0, optional: 0, changed: 0 };
  if (ids.length === 0) return counts;

  const facts = await loadFacts(tx, ids);
  const results: { citizenId: string; result: TargetGroupResult; fingerprint: string; records: Record<string, SectorFact & { sourceSystem: string }> }[] = [];
  for (const id of ids) {
    const f = facts.get(id)!;
    const result = evaluateTargetGroup({ birthDate: f.birthDate, records: f.records }, s.ruleSet, s.onDate, { dutyFrom: s.dutyFrom });
    assertAgreement(id, sqlClass.get(id), result);
    if (result.classification === 'mandatory') counts.mandatory++;
    if (result.classification === 'optional') counts.optional++;
    const fingerprint = fingerprintOf(result);
    if (previous.get(id) === fingerprint) continue;
    if (!previous.has(id) && result.classification === 'none') continue;
    results.push({ citizenId: id, result, fingerprint, records: Object.fromEntries(f.records.map((r) => [r.id, r])) });
  }
  counts.changed = results.length;
  const m = a.ctx.principal.municipalityId;
  for (let i = 0; i < results.length; i += 500) {
    const batch = results.slice(i, i + 500).map((r) => ({ ...r, resultId: crypto.randomUUID() }));
    await tx
      .insertInto('screening_result')
      .values(
        batch.map((r) => ({
          municipality_id: m,
          id: r.resultId,
          citizen_id: r.citizenId,
          run_id: s.runId,
          rule_set_id: s.ruleSet.id,
          evaluated_on: s.onDate,
          evaluated_at: s.now,
          classification: r.result.classification,
          mandatory_from: r.result.mandatoryFrom,
          summary: r.result.summary,
          explanation: JSON.stringify({ ...r.result, records: usedRecords(r.result, r.records) }),
          fingerprint: r.fingerprint,
        })),
      )
      .execute();
    await tx
      .insertInto('target_group_status')
      .values(
        batch.map((r) => ({
          municipality_id: m,
          citizen_id: r.citizenId,
          result_id: r.resultId,
          classification: r.result.classification,
          rule_set_id: s.ruleSet.id,
          fingerprint: r.fingerprint,
          candidate_since: r.result.classification === 'none' ? null : s.now,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['municipality_id', 'citizen_id']).doUpdateSet({
          result_id: (eb) => eb.ref('excluded.result_id'),
          classification: (eb) => eb.ref('excluded.classification'),
          rule_set_id: (eb) => eb.ref('excluded.rule_set_id'),
          fingerprint: (eb) => eb.ref('excluded.fingerprint'),
          // A citizen who stays a candidate keeps their place in the queue.
          candidate_since: sql`case when excluded.classification = 'none' then null else coalesce(target_group_status.candidate_since, excluded.candidate_since) end`,
        }),
      )
      .execute();
  }
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
  const basis = {
    c: result.classification,
    r: result.ruleSetId,
    m: result.mandatoryFrom,
    routes: result.routes.map((r) => [r.routeId, r.met, r.criteria.map((c) => [c.criterionId, c.met, [...c.recordIds].sort()])]),
    gates: result.gates.map((g) => [g.criterionId, g.met]),
  };
  return createHash('sha256').update(JSON.stringify(basis)).digest('hex').slice(0, 32);
}

function usedRecords(result: TargetGroupResult, records: Record<string, SectorFact & { sourceSystem: string }>) {
  const used = new Set(result.routes.flatMap((r) => r.criteria.flatMap((c) => c.recordIds)));
  return [...used].flatMap((id) => (records[id] ? [records[id]] : []));
}
