import { sql } from 'kysely';
import { daysBetween, evaluateTargetGroup, PHASE_LABELS, type CasePhase, isRuleSetId, storedResult, todayInCopenhagen, type CompactResult, type LocalDate, type TargetGroupResult } from '@helhed/core';
import { loadFactsUnderRules, ruleSetContext, type Fact } from '../screening/facts';
import type { Access } from '../access/access';
import type { Tx } from '../db/transactions';
import { ProblemError } from '../errors';

/** The target-group assessment is a procedural decision, not an appealable decision (SPEC C2). */
export const ASSESSMENT_NOTICE =
  'Målgruppevurderingen er en processuel beslutning og ikke en afgørelse. Der kan derfor ikke klages over den, og der gives ingen klagevejledning.';

export interface ScreeningResultDto {
  id: string;
  classification: 'mandatory' | 'optional' | 'none';
  ruleSetId: string;
  evaluatedOn: string;
  evaluatedAt: string;
  mandatoryFrom: string | null;
  summary: string;
  explanation: Record<string, unknown>;
}

/**
 * A citizen's target-group picture: the result by today's rules and records
 * (evaluated now, with reasons — also for citizens outside the group), and the
 * stored history, newest first, each with the rule-set version it was made under.
 */
export async function screeningHistory(
  a: Access,
  citizenId: string,
): Promise<{ citizenName: string; current: TargetGroupResult & { records: Fact[] }; items: ScreeningResultDto[]; latestAssessment: LatestAssessment | null; openCase: OpenCaseRef | null }> {
  return a.gateway.run(a.ctx, { action: 'screening.read', subject: { citizenId }, resourceType: 'screening_result', resourceId: citizenId }, async (g) => {
    const rows = await g.tx.selectFrom('screening_result').selectAll().where('citizen_id', '=', citizenId).orderBy('evaluated_at', 'desc').orderBy('seq', 'desc').execute();
    const onDate = todayInCopenhagen(a.ctx.now());
    const under = await loadFactsUnderRules(g.tx, [citizenId], onDate);
    const { ruleSet, dutyFrom } = under;
    const facts = under.facts.get(citizenId)!;
    const current = evaluateTargetGroup({ birthDate: facts.birthDate, records: facts.records }, ruleSet, onDate, { dutyFrom });
    const citizen = await g.tx.selectFrom('citizen').select('name').where('id', '=', citizenId).executeTakeFirstOrThrow();
    return {
      citizenName: citizen.name,
      latestAssessment: await readLatestAssessment(g.tx, citizenId, rows[0]?.evaluated_at ?? null),
      openCase: g.caseId ? await readOpenCaseRef(g.tx, g.caseId) : null,
      current: { ...current, records: facts.records },
      items: rows.map((r) => ({
        id: r.id,
        classification: r.classification,
        ruleSetId: r.rule_set_id,
        evaluatedOn: r.evaluated_on,
        evaluatedAt: r.evaluated_at.toISOString(),
        mandatoryFrom: r.mandatory_from,
        ...readStored(r, facts.birthDate),
      })),
    };
  });
}

interface LatestAssessment {
  id: string;
  outcome: 'offer' | 'not_offered';
  assessedAt: string;
  assessedBy: string;
  current: boolean;
}

/** The latest individual assessment; `current` as the work queue judges it: made since the latest screening result. */
async function readLatestAssessment(tx: Tx, citizenId: string, latestResultAt: Date | null): Promise<LatestAssessment | null> {
  const row = await tx
    .selectFrom('target_group_assessment as t')
    .innerJoin('employee as e', 'e.id', 't.assessed_by')
    .select(['t.id', 't.outcome', 't.assessed_at', 'e.name'])
    .where('t.citizen_id', '=', citizenId)
    .orderBy('t.assessed_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  const current = latestResultAt === null || row.assessed_at.getTime() >= latestResultAt.getTime();
  return { id: row.id, outcome: row.outcome, assessedAt: row.assessed_at.toISOString(), assessedBy: row.name, current };
}

interface OpenCaseRef {
  id: string;
  phaseLabel: string;
  coordinatorName: string | null;
  teamName: string | null;
}

/** The citizen's open case, named enough for the caseworker to go there or know whom to ask. */
async function readOpenCaseRef(tx: Tx, caseId: string): Promise<OpenCaseRef> {
  const row = await tx
    .selectFrom('holistic_case as k')
    .leftJoin('employee as e', 'e.id', 'k.coordinator_employee_id')
    .leftJoin('team as t', 't.id', 'k.coordinator_team_id')
    .select(['k.id', 'k.phase', 'e.name as coordinator_name', 't.name as team_name'])
    .where('k.id', '=', caseId)
    .executeTakeFirstOrThrow();
  return { id: row.id, phaseLabel: PHASE_LABELS[row.phase as CasePhase], coordinatorName: row.coordinator_name, teamName: row.team_name };
}

export interface QueueItem {
  citizenId: string;
  name: string;
  birthDate: string;
  classification: 'mandatory' | 'optional';
  summary: string;
  candidateSince: string;
  waitingDays: number;
  resultId: string;
}

/** A candidate (status `s`, its result `r`) not yet assessed since that result and without an open case. */
const awaitingAssessment = sql<boolean>`s.classification in ('mandatory', 'optional')
  and not exists (select 1 from holistic_case k where k.citizen_id = s.citizen_id and k.closed_at is null)
  and not exists (select 1 from target_group_assessment t where t.citizen_id = s.citizen_id and t.assessed_at >= r.evaluated_at)`;

/** How many candidates wait for the individual assessment (counts only: no one is named). */
export async function countAwaitingAssessment(tx: Tx): Promise<{ candidates: number; mandatory: number }> {
  const { rows } = await sql<{ candidates: number; mandatory: number }>`
    select count(*)::int as candidates, (count(*) filter (where s.classification = 'mandatory'))::int as mandatory
    from target_group_status s
    join screening_result r on r.id = s.result_id
    where ${awaitingAssessment}
  `.execute(tx);
  return { candidates: Number(rows[0]?.candidates ?? 0), mandatory: Number(rows[0]?.mandatory ?? 0) };
}

/**
 * The coordinating caseworkers' work queue: candidates not yet assessed since
 * their latest result and without an open case — mandatory before optional,
 * then those who have waited longest.
 */
export async function workQueue(a: Access, limit = 200): Promise<{ items: QueueItem[] }> {
  return a.gateway.run(a.ctx, { action: 'screening.read', subject: { search: { workQueue: true }, resolve: async () => null }, resourceType: 'target_group_queue' }, async (g) => {
    const { rows } = await sql<{
      citizen_id: string;
      name: string;
      birth_date: string;
      classification: 'mandatory' | 'optional';
      summary: string | null;
      explanation: Record<string, unknown>;
      rule_set_id: string;
      evaluated_on: string;
      mandatory_from: string | null;
      candidate_since: Date;
      result_id: string;
    }>`
      select s.citizen_id, c.name, c.birth_date, s.classification, r.summary, r.explanation::jsonb - 'records' as explanation, r.rule_set_id,
        r.evaluated_on, r.mandatory_from, s.candidate_since, s.result_id
      from target_group_status s
      join citizen c on c.id = s.citizen_id
      join screening_result r on r.id = s.result_id
      where ${awaitingAssessment}
      order by case s.classification when 'mandatory' then 0 else 1 end, s.candidate_since, s.citizen_id
      limit ${limit}
    `.execute(g.tx);
    const today = todayInCopenhagen(a.ctx.now());
    return {
      items: rows.map((r) => ({
        citizenId: r.citizen_id,
        name: r.name,
        birthDate: r.birth_date,
        classification: r.classification,
        summary: readStored(r, r.birth_date).summary,
        candidateSince: r.candidate_since.toISOString(),
        waitingDays: daysBetween(todayInCopenhagen(r.candidate_since), today),
        resultId: r.result_id,
      })),
    };
  });
}

export interface AssessmentInput {
  coordinationNeed: boolean;
  developmentPotential: boolean;
  reasoning: string;
}

export async function recordAssessment(a: Access, citizenId: string, input: AssessmentInput) {
  if (a.ctx.principal.kind !== 'employee') throw new ProblemError(403, 'forbidden', 'Adgang nægtet', 'Kun medarbejdere kan vurdere målgruppen.');
  const assessor = a.ctx.principal.id;
  return a.gateway.run(a.ctx, { action: 'target_group.assess', subject: { citizenId }, resourceType: 'target_group_assessment' }, async (g) => {
    const latest = await g.tx.selectFrom('target_group_status').select(['result_id', 'rule_set_id']).where('citizen_id', '=', citizenId).executeTakeFirst();
    const ruleSetId = latest?.rule_set_id ?? (await ruleSetContext(g.tx, todayInCopenhagen(a.ctx.now()))).ruleSet.id;
    const id = crypto.randomUUID();
    const outcome = input.coordinationNeed && input.developmentPotential ? ('offer' as const) : ('not_offered' as const);
    const assessedAt = a.ctx.now();
    await g.tx
      .insertInto('target_group_assessment')
      .values({
        municipality_id: a.ctx.principal.municipalityId,
        id,
        citizen_id: citizenId,
        screening_result_id: latest?.result_id ?? null,
        coordination_need: input.coordinationNeed,
        development_potential: input.developmentPotential,
        reasoning: input.reasoning,
        outcome,
        assessed_by: assessor,
        assessed_at: assessedAt,
        rule_set_id: ruleSetId,
      })
      .execute();
    g.setResourceId(id);
    return {
      id,
      citizenId,
      outcome,
      coordinationNeed: input.coordinationNeed,
      developmentPotential: input.developmentPotential,
      reasoning: input.reasoning,
      ruleSetId,
      assessedAt: assessedAt.toISOString(),
      screeningResultId: latest?.result_id ?? null,
      kind: 'procedural_decision' as const,
      appealable: false as const,
      complaintGuidance: null,
      notice: ASSESSMENT_NOTICE,
    };
  });
}

/** How much of the mandatory group has been offered the effort (aggregate: no citizen named). */
export async function phaseIn(a: Access) {
  return a.gateway.administrative(a.ctx, (tx) => readPhaseIn(tx));
}

/** The phase-in counts per group, from each citizen's latest screening result (also read by the indicators). */
export async function readPhaseIn(tx: Tx) {
  const { rows } = await sql<{ classification: string; candidates: number; assessed: number; offered: number; with_case: number; consented: number }>`
    select s.classification,
      count(*)::int as candidates,
      count(*) filter (where exists (select 1 from target_group_assessment t where t.citizen_id = s.citizen_id))::int as assessed,
      count(*) filter (where exists (select 1 from target_group_assessment t where t.citizen_id = s.citizen_id and t.outcome = 'offer'))::int as offered,
      count(*) filter (where exists (select 1 from holistic_case k where k.citizen_id = s.citizen_id))::int as with_case,
      count(*) filter (where exists (
        select 1 from consent c where c.citizen_id = s.citizen_id and c.scope = 'holistic_effort' and c.action = 'given'))::int as consented
    from target_group_status s
    where s.classification in ('mandatory', 'optional')
    group by s.classification
  `.execute(tx);
  const of = (c: string) => rows.find((r) => r.classification === c) ?? { candidates: 0, assessed: 0, offered: 0, with_case: 0, consented: 0 };
  const shape = (c: string) => {
    const r = of(c);
    return {
      candidates: r.candidates,
      assessed: r.assessed,
      offered: r.offered,
      withCase: r.with_case,
      consented: r.consented,
      offeredShare: r.candidates ? Math.round((1000 * Math.max(r.offered, r.with_case)) / r.candidates) / 10 : 0,
    };
  };
  return { mandatory: shape('mandatory'), optional: shape('optional') };
}

/**
 * A stored result for people: labels and sources from its rule set, gate
 * labels from the birth date, the summary derived when the row has none
 * (results stored by the screening statement).
 */
export function readStored(
  r: { explanation: Record<string, unknown>; rule_set_id: string; classification: 'mandatory' | 'optional' | 'none'; mandatory_from: string | null; evaluated_on: LocalDate; summary: string | null },
  birthDate: LocalDate,
): { summary: string; explanation: Record<string, unknown> } {
  const { records, ...rest } = r.explanation;
  if (!isRuleSetId(r.rule_set_id) || (rest.v !== 1 && rest.v !== 2)) return { summary: r.summary ?? '', explanation: r.explanation };
  const result = storedResult(
    { compact: rest as unknown as CompactResult, ruleSetId: r.rule_set_id, classification: r.classification, mandatoryFrom: r.mandatory_from, evaluatedOn: r.evaluated_on },
    birthDate,
  );
  return { summary: r.summary ?? result.summary, explanation: { gates: result.gates, routes: result.routes, ...(records ? { records } : {}) } };
}
