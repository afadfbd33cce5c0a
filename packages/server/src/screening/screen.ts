import { compactResult, dutyDate, evaluateTargetGroup, todayInCopenhagen, type CompactResult, type LocalDate, type RuleSet, type TargetGroupResult } from '@helhed/core';
import { sql } from 'kysely';
import type { Access } from '../access/access';
import type { Tx } from '../db/transactions';
import { screeningStatement, storeEvaluated, type EvaluatedRow, type JudgedRow, type ScreeningPlan } from './compile-sql';
import { loadFactsUnderRules, loadRecords, ruleSetContext } from './facts';

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

/** How many stored results, and how many citizens with relevant records whatever their group, the evaluator checks against the SQL per run (each). */
export const VERIFY_SAMPLE = 100;
/** A few citizens (re-screening after new records) are screened in one transaction with the request. */
export const INLINE_LIMIT = 2000;

/**
 * Screens citizens against the target-group rules (SPEC C2): the whole
 * municipality as a batch, or some citizens at once when their records
 * change. A whole municipality: one statement compiled from the rule data
 * judges every citizen with a relevant record (and every former candidate),
 * builds each explanation and stores the results that differ from the
 * citizen's latest one, so history shows changes (compile-sql.ts); the pure
 * evaluator then judges a random sample of the same citizens and must
 * agree — a disagreement is a bug and rolls the run back. A few citizens:
 * the evaluator judges them and the same store part of the statement keeps
 * what changed, with fingerprints computed the same way in the database.
 *
 * Progress: a municipality run is recorded first (running, 0 done) and
 * marked done with its counts; the statement itself is one step (seconds
 * for 600 000 citizens), so progress moves from 0 to all.
 */
export async function screen(a: Access, scope: { kind: 'municipality' } | { kind: 'citizens'; ids: string[] }, opts: ScreeningOptions = {}): Promise<ScreeningSummary> {
  const now = a.ctx.now();
  const onDate = opts.onDate ?? todayInCopenhagen(now);
  const runId = crypto.randomUUID();
  const audited = (step: Record<string, unknown>) => ({
    action: 'screening.run' as const,
    subject: { search: { screening: runId, scope: scope.kind, ...step }, resolve: async () => null },
    resourceType: 'screening_run',
    resourceId: runId,
  });
  const startedBy = a.ctx.principal.id;

  if (scope.kind === 'citizens') {
    if (scope.ids.length > INLINE_LIMIT) throw new RangeError(`at most ${INLINE_LIMIT} citizens at once`);
    const counts = await a.gateway.run(a.ctx, audited({ step: 'citizens', citizens: scope.ids.length }), async ({ tx }) => {
      let t = performance.now();
      const { facts, ruleSet, dutyFrom } = await loadFactsUnderRules(tx, scope.ids, onDate, opts.ruleSetId);
      const plan = planFor(ruleSet, onDate, dutyFrom);
      const evaluated = [...facts].map(([id, f]) => evaluatedRow(id, evaluateTargetGroup(f, plan.ruleSet, onDate, { dutyFrom: plan.dutyFrom })));
      time(opts.timings, 'evaluate', t);
      t = performance.now();
      const record = { scope: scope.kind, citizens: scope.ids.length, startedBy };
      const { rows } = await storeEvaluated(plan, evaluated, { runId, now, record }).execute(tx);
      time(opts.timings, 'store', t);
      return { ruleSetId: plan.ruleSet.id, ...rows[0]! };
    });
    opts.onStarted?.(runId);
    opts.onProgress?.(scope.ids.length, scope.ids.length);
    return { runId, evaluatedOn: onDate, citizens: scope.ids.length, ...counts };
  }

  // A long run is recorded first, so it can be followed while it works.
  let t = performance.now();
  const started = await a.gateway.run(a.ctx, audited({ step: 'start' }), async ({ tx }) => {
    const plan = await screeningPlan(tx, onDate, opts.ruleSetId);
    await tx
      .insertInto('screening_run')
      .values({
        municipality_id: a.ctx.principal.municipalityId,
        id: runId,
        scope: scope.kind,
        rule_set_id: plan.ruleSet.id,
        evaluated_on: onDate,
        status: 'running',
        started_at: now,
        started_by: startedBy,
      })
      .execute();
    return { plan };
  });
  time(opts.timings, 'start', t);
  opts.onStarted?.(runId);
  // The municipality's size, counted on another connection while the statement works: a count
  // of every citizen takes a tenth of a second at 600 000 (on PGlite the two take turns).
  const counted = a.gateway.administrative(a.ctx, async (tx) => {
    const total = Number((await tx.selectFrom('citizen').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    await tx.updateTable('screening_run').set({ citizens_total: total }).where('id', '=', runId).execute();
    opts.onProgress?.(0, total);
    return total;
  });
  try {
    const [row, total] = await Promise.all([
      a.gateway.run(a.ctx, audited({ step: 'screen' }), ({ tx }) => runStatement(tx, started.plan, { runId, now, sampleSize: VERIFY_SAMPLE }, opts.timings)),
      counted,
    ]);
    const summary: ScreeningSummary = {
      runId,
      ruleSetId: started.plan.ruleSet.id,
      evaluatedOn: onDate,
      citizens: total,
      mandatory: row.mandatory,
      optional: row.optional,
      changed: row.changed,
    };
    t = performance.now();
    await a.gateway.administrative(a.ctx, (tx) =>
      tx
        .updateTable('screening_run')
        .set({ status: 'done', citizens_done: total, mandatory: row.mandatory, optional: row.optional, changed: row.changed, finished_at: a.ctx.now() })
        .where('id', '=', runId)
        .execute(),
    );
    time(opts.timings, 'finish', t);
    opts.onProgress?.(total, total);
    return summary;
  } catch (error) {
    await a.gateway.administrative(a.ctx, (tx) =>
      tx.updateTable('screening_run').set({ status: 'failed', finished_at: a.ctx.now(), error: String((error as Error).message ?? error).slice(0, 500) }).where('id', '=', runId).execute(),
    );
    throw error;
  }
}

async function screeningPlan(tx: Tx, onDate: LocalDate, ruleSetId: RuleSet['id'] | undefined): Promise<ScreeningPlan> {
  const { ruleSet, dutyFrom } = await ruleSetContext(tx, onDate, ruleSetId);
  return planFor(ruleSet, onDate, dutyFrom);
}

export function planFor(ruleSet: RuleSet, onDate: LocalDate, dutyFrom: LocalDate | undefined): ScreeningPlan {
  const duty = dutyDate(ruleSet, { dutyFrom });
  const dutyApplies = duty !== null && duty <= onDate;
  return { ruleSet, onDate, dutyApplies, dutyAhead: dutyApplies ? null : duty, dutyFrom };
}

/**
 * Settings for the one big screening statement, for its transaction only.
 * JIT off: the planner's cost estimate (inflated by the per-candidate record
 * copy) triggers LLVM compilation, which took 1.9 s of a 5 s statement at
 * 600 000 citizens and saved nothing. More work memory: the sort of the
 * relevant records and the hash of the citizens then stay in memory instead
 * of spilling to disk.
 */
export async function useBatchStatementSettings(tx: Tx): Promise<void> {
  await sql`select set_config('jit', 'off', true), set_config('work_mem', '64MB', true)`.execute(tx);
}

async function runStatement(tx: Tx, plan: ScreeningPlan, run: Parameters<typeof screeningStatement>[1], timings?: Record<string, number>) {
  await useBatchStatementSettings(tx);
  let t = performance.now();
  const { rows } = await screeningStatement(plan, run).execute(tx);
  time(timings, 'statement', t);
  t = performance.now();
  const row = rows[0]!;
  await verifyWithEvaluator(tx, plan, row.sample);
  time(timings, 'evaluator check', t);
  return row;
}

function time(timings: Record<string, number> | undefined, phase: string, since: number) {
  if (timings) timings[phase] = (timings[phase] ?? 0) + performance.now() - since;
}

/**
 * The SQL compiled from the rules and the pure evaluator must judge alike —
 * group, duty date, and every gate, route and criterion with the same
 * records. A disagreement is a bug, never a silent result: it throws (and
 * the transaction with the stored results rolls back).
 */
export async function verifyWithEvaluator(tx: Tx, plan: ScreeningPlan, judged: readonly JudgedRow[]): Promise<void> {
  if (judged.length === 0) return;
  const records = await loadRecords(tx, judged.map((j) => j.citizen_id));
  for (const j of judged) {
    const result = evaluateTargetGroup({ birthDate: j.birth_date, records: records.get(j.citizen_id) ?? [] }, plan.ruleSet, plan.onDate, { dutyFrom: plan.dutyFrom });
    const expected = JSON.stringify([result.classification, result.mandatoryFrom, normalised(compactResult(result))]);
    const actual = JSON.stringify([j.classification, j.mandatory_from, normalised(j.compact as unknown as CompactResult)]);
    if (expected !== actual) throw new Error(`target-group rules disagree for citizen ${j.citizen_id}: SQL ${actual}, evaluator ${expected}`);
  }
}

function evaluatedRow(citizenId: string, result: TargetGroupResult): EvaluatedRow {
  const compact = compactResult(result);
  return {
    citizen_id: citizenId,
    classification: result.classification,
    mandatory_from: result.mandatoryFrom,
    compact: JSON.stringify(compact),
    used_ids: [...new Set(compact.routes.flatMap(([, , criteria]) => criteria.flatMap(([, , ids]) => ids)))],
  };
}

function normalised(c: CompactResult) {
  return { gates: c.gates, routes: c.routes.map(([id, met, criteria]) => [id, met, criteria.map(([cid, cmet, ids]) => [cid, cmet, [...ids].sort()])]) };
}
