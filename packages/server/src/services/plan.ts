import {
  consentStateAt,
  hasActiveConsent,
  describeChangeDa,
  diffPlans,
  nextFollowUpOf,
  planToFhirBundle,
  achievementOf,
  todayInCopenhagen,
  validatePlan,
  type Achievement,
  type FhirBundle,
  type api,
  type PlanContent,
} from '@helhed/core';
import type { z } from 'zod';
import type { Access } from '../access/access';
import { loadConsentRecords } from '../access/consent-records';
import type { Tx } from '../db/transactions';
import { conflict, invalid, notFound, ProblemError } from '../errors';
import { ruleSetContext } from '../screening/facts';
import { recordCaseEvent } from './case-events';
import { raiseFamilyObligation } from './family';
import { entryOf, listDueFollowUps, loadFollowUps, readPlan } from './plan-read';

type PlanDto = z.infer<typeof api.Plan>;

const stale = () => conflict('Planen er ændret af en anden, siden du hentede den. Hent den nyeste version, og gentag din ændring.', 'stale-version');

export async function getPlan(a: Access, caseId: string): Promise<PlanDto> {
  return a.gateway.run(a.ctx, { action: 'plan.read', subject: { caseId }, resourceType: 'plan', resourceId: caseId }, async (g) => {
    const plan = await readPlan(g.tx, caseId, todayInCopenhagen(a.ctx.now()));
    if (!plan) throw notFound('Planen');
    return plan;
  });
}

/**
 * A change of the plan is a new immutable version (who, when, why). Only the
 * version the client read may be changed: a stale edit is refused with 409
 * and changes nothing. The first version is saved with `version: 0`.
 */
export async function savePlan(a: Access, caseId: string, body: z.infer<typeof api.SavePlanBody>): Promise<PlanDto> {
  return a.gateway.run(a.ctx, { action: 'plan.write', subject: { caseId }, resourceType: 'plan', resourceId: caseId }, async (g) => {
    const tx = g.tx;
    const now = a.ctx.now();
    const today = todayInCopenhagen(now);
    const existing = await tx.selectFrom('plan').selectAll().where('case_id', '=', caseId).executeTakeFirst();
    if ((existing?.version ?? 0) !== body.version) throw stale();
    // The consent to the holistic effort is the gate (SPEC C3): no plan under the main law without it.
    if (!hasActiveConsent(await loadConsentRecords(tx, g.citizenId!), 'holistic_effort', null, now.toISOString())) {
      throw new ProblemError(409, 'no-holistic-consent', 'Samtykke mangler', 'Borgeren har ikke givet samtykke til den helhedsorienterede indsats, så der kan ikke lægges en plan.');
    }
    const previous = existing ? (existing.content as unknown as PlanContent) : null;
    const previousGoalIds = new Set(previous ? [previous.overallGoal.id, ...previous.subGoals.map((s) => s.id)] : []);
    const newGoalIds = new Set<string>();
    const fresh = () => {
      const id = crypto.randomUUID();
      newGoalIds.add(id);
      return id;
    };
    const content: PlanContent = {
      startDate: body.startDate,
      overallGoal: { id: previous?.overallGoal.id ?? fresh(), ...body.overallGoal },
      subGoals: body.subGoals.map(({ id, ...g }) => ({ ...g, id: id ?? fresh() })),
    };
    const interventions = await tx.selectFrom('intervention').select('id').where('case_id', '=', caseId).execute();
    const problems = validatePlan(content, { caseInterventionIds: new Set(interventions.map((i) => i.id)), previousGoalIds, newGoalIds });
    if (problems.length) throw invalid('Planen kan ikke gemmes. Ret de markerede felter.', problems, 'invalid-plan');

    const { ruleSet } = await ruleSetContext(tx, today);
    const json = JSON.stringify(content);
    let planId: string;
    let version: number;
    if (existing) {
      const updated = await tx
        .updateTable('plan')
        .set({ version: existing.version + 1, content: json, rule_set_id: ruleSet.id, updated_at: now })
        .where('id', '=', existing.id)
        .where('version', '=', body.version)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw stale();
      planId = existing.id;
      version = existing.version + 1;
    } else {
      planId = crypto.randomUUID();
      version = 1;
      const inserted = await tx
        .insertInto('plan')
        .values({ municipality_id: a.ctx.principal.municipalityId, id: planId, case_id: caseId, version, rule_set_id: ruleSet.id, content: json, created_at: now, updated_at: now })
        .onConflict((oc) => oc.columns(['municipality_id', 'case_id']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) throw stale();
    }
    const p = a.ctx.principal;
    await tx
      .insertInto('plan_version')
      .values({
        municipality_id: p.municipalityId,
        plan_id: planId,
        version,
        content: json,
        reason: body.reason,
        rule_set_id: ruleSet.id,
        changed_at: now,
        changed_by_kind: p.kind,
        changed_by_id: p.id,
        changed_by_name: p.name,
      })
      .execute();
    await syncGoals(tx, p.municipalityId, planId, caseId, content);
    await recordCaseEvent(tx, a.ctx, caseId, 'plan_version_created', { planId, version, reason: body.reason, ruleSetId: ruleSet.id });
    if (version === 1 && g.citizenId) await raiseFamilyObligation(tx, a.ctx, caseId, g.citizenId, today);
    g.setResourceId(planId);
    return (await readPlan(tx, caseId, today))!;
  });
}

/** Keeps plan_goal (the current goals and their next follow-up) in step with the current version. */
async function syncGoals(tx: Tx, municipalityId: string, planId: string, caseId: string, content: PlanContent): Promise<void> {
  const followUps = await loadFollowUps(tx, planId);
  await tx.deleteFrom('plan_goal').where('plan_id', '=', planId).execute();
  const goals = [{ ...content.overallGoal, title: content.overallGoal.citizenWords, overall: true }, ...content.subGoals.map((s) => ({ ...s, overall: false }))];
  await tx
    .insertInto('plan_goal')
    .values(
      goals.map((goal) => {
        const rows = followUps.filter((f) => f.goal_id === goal.id);
        return {
          municipality_id: municipalityId,
          plan_id: planId,
          goal_id: goal.id,
          case_id: caseId,
          title: goal.title.slice(0, 500),
          overall: goal.overall,
          next_follow_up_on: nextFollowUpOf(goal, rows.map(entryOf)),
          progression: rows.at(-1)?.progression ?? null,
        };
      }),
    )
    .execute();
}

async function currentPlan(tx: Tx, caseId: string) {
  const plan = await tx.selectFrom('plan').selectAll().where('case_id', '=', caseId).executeTakeFirst();
  if (!plan) throw notFound('Planen');
  return plan;
}

async function versionRows(tx: Tx, planId: string) {
  return tx.selectFrom('plan_version').selectAll().where('plan_id', '=', planId).orderBy('version').execute();
}

async function interventionTitles(tx: Tx, caseId: string): Promise<(id: string) => string> {
  const rows = await tx.selectFrom('intervention').select(['id', 'title']).where('case_id', '=', caseId).execute();
  const titles = new Map(rows.map((r) => [r.id, r.title]));
  return (id) => titles.get(id) ?? 'ukendt indsats';
}

type VersionRow = Awaited<ReturnType<typeof versionRows>>[number];

/** Version i of `rows` with who, when, why and, in Danish, what changed from the version before. */
function versionSummary(rows: VersionRow[], i: number, title: (id: string) => string): z.infer<typeof api.PlanVersionSummary> {
  const r = rows[i]!;
  const changes = i === 0 ? ['Planen er lagt.'] : diffPlans(rows[i - 1]!.content as unknown as PlanContent, r.content as unknown as PlanContent).map((c) => describeChangeDa(c, title));
  return { version: r.version, changedAt: r.changed_at.toISOString(), changedBy: r.changed_by_name, reason: r.reason, ruleSetId: r.rule_set_id, changes };
}

export async function listPlanVersions(a: Access, caseId: string): Promise<{ items: z.infer<typeof api.PlanVersionSummary>[] }> {
  return a.gateway.run(a.ctx, { action: 'plan.read', subject: { caseId }, resourceType: 'plan_version', resourceId: caseId }, async (g) => {
    await currentPlan(g.tx, caseId);
    return { items: (await planHistory(g.tx, caseId)).map(({ content: _content, ...summary }) => summary) };
  });
}

/** Every version of the case's plan, oldest first: who, when, why, what changed, and the content; [] without a plan. */
export async function planHistory(tx: Tx, caseId: string): Promise<z.infer<typeof api.PlanVersion>[]> {
  const plan = await tx.selectFrom('plan').select('id').where('case_id', '=', caseId).executeTakeFirst();
  if (!plan) return [];
  const rows = await versionRows(tx, plan.id);
  const title = await interventionTitles(tx, caseId);
  return rows.map((r, i) => ({ ...versionSummary(rows, i, title), content: r.content as unknown as Record<string, unknown> }));
}

export async function getPlanVersion(a: Access, caseId: string, version: number): Promise<z.infer<typeof api.PlanVersion>> {
  return a.gateway.run(a.ctx, { action: 'plan.read', subject: { caseId }, resourceType: 'plan_version', resourceId: `${caseId}/${version}` }, async (g) => {
    const plan = await currentPlan(g.tx, caseId);
    const rows = await versionRows(g.tx, plan.id);
    const i = rows.findIndex((r) => r.version === version);
    if (i < 0) throw notFound('Planversionen');
    const title = await interventionTitles(g.tx, caseId);
    return { ...versionSummary(rows, i, title), content: rows[i]!.content as unknown as Record<string, unknown> };
  });
}

export async function diffPlanVersions(a: Access, caseId: string, from: number, to: number): Promise<z.infer<typeof api.PlanDiff>> {
  return a.gateway.run(a.ctx, { action: 'plan.read', subject: { caseId }, resourceType: 'plan_version', resourceId: `${caseId}/${from}..${to}` }, async (g) => {
    const plan = await currentPlan(g.tx, caseId);
    const rows = await versionRows(g.tx, plan.id);
    const a1 = rows.find((r) => r.version === from);
    const b1 = rows.find((r) => r.version === to);
    if (!a1 || !b1) throw notFound('Planversionen');
    const title = await interventionTitles(g.tx, caseId);
    const changes = diffPlans(a1.content as unknown as PlanContent, b1.content as unknown as PlanContent);
    return { from, to, changes: changes.map((c) => ({ kind: c.kind, text: describeChangeDa(c, title), ...('goalId' in c ? { goalId: c.goalId } : {}) })) };
  });
}

/** A dated follow-up of one goal: progression on the scale, the FFB result, a note and the next date. Not a plan version. */
export async function recordFollowUp(a: Access, caseId: string, body: z.infer<typeof api.RecordFollowUpBody>): Promise<PlanDto> {
  return a.gateway.run(a.ctx, { action: 'plan.follow_up', subject: { caseId }, resourceType: 'plan_follow_up' }, async (g) => {
    const tx = g.tx;
    const now = a.ctx.now();
    const today = todayInCopenhagen(now);
    const plan = await currentPlan(tx, caseId);
    const goal = await tx.selectFrom('plan_goal').select(['goal_id']).where('plan_id', '=', plan.id).where('goal_id', '=', body.goalId).executeTakeFirst();
    const recordedOn = body.recordedOn ?? today;
    const errors = [];
    if (!goal) errors.push({ path: 'body.goalId', code: 'unknown-goal', message: 'Målet findes ikke i planens gældende version.' });
    if (recordedOn > today) errors.push({ path: 'body.recordedOn', code: 'in-future', message: 'Opfølgningen kan ikke dateres i fremtiden.' });
    if (body.result !== 'end' && body.nextFollowUpOn === null) {
      errors.push({ path: 'body.nextFollowUpOn', code: 'required', message: 'Angiv næste opfølgning, når målet ikke afsluttes.' });
    }
    if (body.nextFollowUpOn !== null && body.nextFollowUpOn <= recordedOn) {
      errors.push({ path: 'body.nextFollowUpOn', code: 'not-after-follow-up', message: 'Næste opfølgning skal ligge efter denne.' });
    }
    if (errors.length) throw invalid('Opfølgningen kan ikke gemmes. Ret de markerede felter.', errors, 'invalid-follow-up');
    const p = a.ctx.principal;
    const id = crypto.randomUUID();
    await tx
      .insertInto('plan_follow_up')
      .values({
        municipality_id: p.municipalityId,
        id,
        plan_id: plan.id,
        case_id: caseId,
        goal_id: body.goalId,
        recorded_on: recordedOn,
        progression: body.progression,
        result: body.result,
        note: body.note,
        next_follow_up_on: body.nextFollowUpOn,
        recorded_at: now,
        recorded_by_kind: p.kind,
        recorded_by_id: p.id,
        recorded_by_name: p.name,
      })
      .execute();
    await syncGoals(tx, p.municipalityId, plan.id, caseId, plan.content as unknown as PlanContent);
    await recordCaseEvent(tx, a.ctx, caseId, 'plan_follow_up_recorded', { goalId: body.goalId, progression: body.progression, result: body.result });
    g.setResourceId(id);
    return (await readPlan(tx, caseId, today))!;
  });
}

/** The employee's goals due for follow-up across the cases they coordinate (personally or by team). */
export async function myDueFollowUps(a: Access): Promise<{ items: z.infer<typeof api.DueFollowUp>[] }> {
  const me = a.ctx.principal;
  return a.gateway.run(a.ctx, { action: 'caseload.read', subject: { search: { dueFollowUpsOf: me.id }, resolve: async () => null }, resourceType: 'plan_follow_up' }, async (g) => ({
    items: await listDueFollowUps(g.tx, {
      onDate: todayInCopenhagen(a.ctx.now()),
      coordinator: { employeeId: me.id ?? '', teamIds: me.kind === 'employee' ? me.teamIds : [] },
    }),
  }));
}

/** FHIR R4 Bundle (collection) of the case's plan: Patient, CarePlan, Goals, Consents (SPEC §10). */
export async function exportPlanFhir(a: Access, caseId: string): Promise<FhirBundle> {
  return a.gateway.run(a.ctx, { action: 'plan.export', subject: { caseId }, resourceType: 'fhir_bundle', resourceId: caseId }, async (g) => {
    const tx = g.tx;
    const now = a.ctx.now();
    const plan = await currentPlan(tx, caseId);
    const citizen = await tx.selectFrom('citizen').select(['id', 'name', 'cpr', 'birth_date', 'sex']).where('id', '=', g.citizenId!).executeTakeFirstOrThrow();
    const [interventions, followUps, created, consents] = await Promise.all([
      tx.selectFrom('intervention').selectAll().where('case_id', '=', caseId).execute(),
      loadFollowUps(tx, plan.id),
      tx.selectFrom('plan_version').select('changed_at').where('plan_id', '=', plan.id).where('version', '=', 1).executeTakeFirstOrThrow(),
      loadConsentRecords(tx, citizen.id),
    ]);
    const content = plan.content as unknown as PlanContent;
    const achievement = new Map<string, Achievement>();
    for (const goal of [content.overallGoal, ...content.subGoals]) {
      achievement.set(goal.id, achievementOf(followUps.filter((f) => f.goal_id === goal.id).map(entryOf)));
    }
    const states = [...consentStateAt(consents, now.toISOString()).values()];
    return planToFhirBundle({
      generatedAt: now.toISOString(),
      citizen: { id: citizen.id, name: citizen.name, cpr: citizen.cpr, birthDate: citizen.birth_date, sex: citizen.sex },
      plan: { id: plan.id, version: plan.version, ruleSetId: plan.rule_set_id, createdAt: created.changed_at.toISOString(), updatedAt: plan.updated_at.toISOString(), content },
      achievement,
      interventions: interventions.map((i) => ({ id: i.id, title: i.title, sector: i.sector, legalBasis: i.legal_basis, status: i.status, startDate: i.start_date, endDate: i.end_date })),
      consents: states.map((s) => ({ id: s.latest.id, scope: s.latest.scope, counterpart: s.latest.counterpart, active: s.active, since: s.latest.effectiveAt })),
    });
  });
}


const PLAN_HEALTH_KINDS = { psychiatric_treatment_plan: 'Psykiatrisk behandlingsplan', discharge_agreement: 'Udskrivningsaftale' } as const;

/**
 * Psychiatric treatment plans and discharge agreements in the plan: only
 * documents the region disclosed, and only while the health-information
 * consent for their source is active at the moment of reading (SPEC C5, C3).
 */
export async function planHealthDocuments(a: Access, caseId: string): Promise<z.infer<typeof api.PlanHealthDocuments>> {
  return a.gateway.run(a.ctx, { action: 'health.read', subject: { caseId }, resourceType: 'health_document', resourceId: caseId }, async (g) => {
    const rows = await g.tx
      .selectFrom('health_document')
      .selectAll()
      .where('citizen_id', '=', g.citizenId!)
      .where('kind', 'in', Object.keys(PLAN_HEALTH_KINDS))
      .orderBy('received_at', 'desc')
      .execute();
    const at = a.ctx.now().toISOString();
    const visible = g.relation === 'self' ? rows : rows.filter((r) => hasActiveConsent(g.consents, 'health_information', r.source, at));
    return {
      items: visible.map((r) => ({
        id: r.id,
        source: r.source,
        kind: r.kind,
        kindLabel: PLAN_HEALTH_KINDS[r.kind as keyof typeof PLAN_HEALTH_KINDS],
        title: r.title,
        content: r.content,
        receivedAt: r.received_at.toISOString(),
      })),
      withheld: rows.length - visible.length,
    };
  });
}
