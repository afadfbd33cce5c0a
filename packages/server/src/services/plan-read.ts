/**
 * Plain reads of the plan, its progression, due follow-ups and the
 * household, taking the caller's transaction. They do no access checks:
 * the gateway-wrapped services (plan.ts, family.ts) and the citizen overview
 * call them inside `gateway.run`.
 */
import { sql } from 'kysely';
import {
  achievementOf,
  ACHIEVEMENT_LABELS,
  ageOn,
  byPriority,
  daysBetween,
  FFB_DOMAIN_LABELS,
  FOLLOW_UP_RESULT_LABELS,
  getRuleSet,
  GOAL_TYPE_LABELS,
  isActiveOn,
  isFollowUpDue,
  nextFollowUpOf,
  planInPlainDanish,
  type api,
  type FollowUpEntry,
  type LocalDate,
  type PlanContent,
  type RuleSetId,
} from '@helhed/core';
import type { z } from 'zod';
import type { Tx } from '../db/transactions';
import { sectorRecordFact } from '../screening/facts';

type PlanDto = z.infer<typeof api.Plan>;
type FollowUpRow = Awaited<ReturnType<typeof loadFollowUps>>[number];

export async function loadFollowUps(tx: Tx, planId: string) {
  return tx.selectFrom('plan_follow_up').selectAll().where('plan_id', '=', planId).orderBy('recorded_on').orderBy('seq').execute();
}

export const entryOf = (r: FollowUpRow): FollowUpEntry => ({
  recordedOn: r.recorded_on,
  progression: r.progression,
  result: r.result,
  nextFollowUpOn: r.next_follow_up_on,
});

function progressOf(goal: { followUpDate: LocalDate | null }, rows: FollowUpRow[], onDate: LocalDate) {
  const entries = rows.map(entryOf);
  const achievement = achievementOf(entries);
  const next = nextFollowUpOf(goal, entries);
  return {
    progression: rows.at(-1)?.progression ?? null,
    achievement,
    achievementLabel: ACHIEVEMENT_LABELS[achievement],
    nextFollowUpOn: next,
    followUpDue: isFollowUpDue(next, onDate),
    followUps: rows.map((r) => ({
      id: r.id,
      recordedOn: r.recorded_on,
      progression: r.progression,
      result: r.result,
      resultLabel: FOLLOW_UP_RESULT_LABELS[r.result],
      note: r.note,
      nextFollowUpOn: r.next_follow_up_on,
      recordedBy: r.recorded_by_name,
    })),
  };
}

/** The case's plan as it stands (its current version) with goals, linked interventions and progression; null when there is none. */
export async function readPlan(tx: Tx, caseId: string, onDate: LocalDate): Promise<PlanDto | null> {
  const plan = await tx.selectFrom('plan').selectAll().where('case_id', '=', caseId).executeTakeFirst();
  if (!plan) return null;
  const [current, interventions, followUps, kase] = await Promise.all([
    tx.selectFrom('plan_version').selectAll().where('plan_id', '=', plan.id).where('version', '=', plan.version).executeTakeFirstOrThrow(),
    tx.selectFrom('intervention').select(['id', 'title', 'sector', 'legal_basis', 'status', 'start_date', 'end_date']).where('case_id', '=', caseId).execute(),
    loadFollowUps(tx, plan.id),
    tx.selectFrom('holistic_case').select('citizen_id').where('id', '=', caseId).executeTakeFirstOrThrow(),
  ]);
  const content = plan.content as unknown as PlanContent;
  const records = await tx
    .selectFrom('sector_record')
    .select(['id', 'kind', 'sector', 'code', 'title', 'legal_basis', 'start_date', 'end_date', 'source_system'])
    .where('citizen_id', '=', kase.citizen_id)
    .where('kind', '=', 'plan')
    .execute();
  const activePlanCodes = new Set(records.map(sectorRecordFact).filter((r) => isActiveOn(r, onDate)).map((r) => r.code));
  const byId = new Map(interventions.map((i) => [i.id, i]));
  const entriesOf = (goalId: string) => followUps.filter((f) => f.goal_id === goalId);
  const subGoals = byPriority(content.subGoals).map((g) => ({
    id: g.id,
    title: g.title,
    citizenWords: g.citizenWords,
    domain: g.domain,
    domainLabel: FFB_DOMAIN_LABELS[g.domain],
    goalType: g.goalType,
    goalTypeLabel: GOAL_TYPE_LABELS[g.goalType],
    priority: g.priority,
    targetDate: g.targetDate,
    followUpDate: g.followUpDate,
    interventions: g.interventionIds.flatMap((id) => {
      const i = byId.get(id);
      return i ? [{ id: i.id, title: i.title, sector: i.sector, legalBasis: i.legal_basis, status: i.status }] : [];
    }),
    progress: progressOf(g, entriesOf(g.id), onDate),
  }));
  const overallProgress = progressOf(content.overallGoal, entriesOf(content.overallGoal.id), onDate);
  return {
    id: plan.id,
    caseId,
    version: plan.version,
    ruleSetId: plan.rule_set_id,
    replaces: getRuleSet(plan.rule_set_id as RuleSetId).plan.replaces.map((p) => ({ ...p, citizenHasIt: activePlanCodes.has(p.code) })),
    startDate: content.startDate,
    overallGoal: { ...content.overallGoal, progress: overallProgress },
    subGoals,
    changedAt: current.changed_at.toISOString(),
    changedBy: current.changed_by_name,
    reason: current.reason,
    plainDanish: planInPlainDanish({
      content,
      version: plan.version,
      interventions: new Map(interventions.map((i) => [i.id, { title: i.title, startDate: i.start_date, endDate: i.end_date }])),
      progression: new Map(subGoals.map((g) => [g.id, g.progress.progression])),
    }),
  };
}

/**
 * Goals whose next follow-up is on or before `onDate`, oldest first: for one
 * case, for the cases an employee coordinates (personally or by team), or
 * for the whole municipality (no filter).
 */
export async function listDueFollowUps(
  tx: Tx,
  filter: { onDate: LocalDate; caseId?: string; caseIds?: readonly string[]; coordinator?: { employeeId: string; teamIds: readonly string[] } },
): Promise<z.infer<typeof api.DueFollowUp>[]> {
  if (filter.caseIds?.length === 0) return [];
  let q = tx
    .selectFrom('plan_goal')
    .innerJoin('holistic_case', 'holistic_case.id', 'plan_goal.case_id')
    .innerJoin('citizen', 'citizen.id', 'holistic_case.citizen_id')
    .select(['plan_goal.case_id', 'plan_goal.goal_id', 'plan_goal.title', 'plan_goal.next_follow_up_on', 'citizen.id as citizen_id', 'citizen.name as citizen_name'])
    .where('plan_goal.next_follow_up_on', '<=', filter.onDate)
    .where('holistic_case.closed_at', 'is', null);
  if (filter.caseId) q = q.where('plan_goal.case_id', '=', filter.caseId);
  if (filter.caseIds) q = q.where('plan_goal.case_id', 'in', [...filter.caseIds]);
  const c = filter.coordinator;
  if (c) {
    q = q.where((eb) =>
      eb.or([
        eb('holistic_case.coordinator_employee_id', '=', c.employeeId),
        ...(c.teamIds.length ? [eb('holistic_case.coordinator_team_id', 'in', [...c.teamIds])] : []),
      ]),
    );
  }
  const rows = await q.orderBy('plan_goal.next_follow_up_on').orderBy('citizen.name').execute();
  return rows.map((r) => ({
    caseId: r.case_id,
    citizenId: r.citizen_id,
    citizenName: r.citizen_name,
    goalId: r.goal_id,
    goalTitle: r.title,
    nextFollowUpOn: r.next_follow_up_on!,
    daysOverdue: daysBetween(r.next_follow_up_on!, filter.onDate),
  }));
}

/** The citizen's household and family: same household, children and parents (also in other households). */
export async function readHouseholdMembers(tx: Tx, citizenId: string, onDate: LocalDate): Promise<z.infer<typeof api.FamilyMember>[]> {
  // One statement (it is on every overview): children and parents win over "same household".
  const { rows: people } = await sql<{ id: string; name: string; birth_date: LocalDate; relation: 'child' | 'parent' | 'household'; same_household: boolean; case_id: string | null }>`
    with self as (select household_id from citizen where id = ${citizenId}),
    related as (
      select child_citizen_id as id, 'child' as relation from family_relation where parent_citizen_id = ${citizenId}
      union all
      select parent_citizen_id, 'parent' from family_relation where child_citizen_id = ${citizenId}
      union all
      select c.id, 'household' from citizen c, self where c.household_id = self.household_id and c.id <> ${citizenId}
    )
    select distinct on (p.id) p.id, p.name, p.birth_date, r.relation,
      coalesce(p.household_id = (select household_id from self), false) as same_household, k.id as case_id
    from related r
    join citizen p on p.id = r.id
    left join holistic_case k on k.citizen_id = p.id and k.closed_at is null
    order by p.id, r.relation = 'household'
  `.execute(tx);
  const order = { parent: 0, household: 1, child: 2 } as const;
  return people
    .map((p) => ({
      citizenId: p.id,
      name: p.name,
      age: ageOn(p.birth_date, onDate),
      relation: p.relation,
      sameHousehold: p.same_household,
      hasCase: p.case_id !== null,
    }))
    .sort((a, b) => order[a.relation] - order[b.relation] || b.age - a.age || a.name.localeCompare(b.name, 'da'));
}
