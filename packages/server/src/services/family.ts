import {
  ageOn,
  evaluateFamilyObligation,
  hasActiveConsent,
  isActiveOn,
  todayInCopenhagen,
  evaluateTargetGroup,
  type api,
  type FamilyObligationResult,
  type LocalDate,
  type PlanContent,
} from '@helhed/core';
import type { z } from 'zod';
import type { Access } from '../access/access';
import { loadConsentRecords } from '../access/consent-records';
import type { RequestContext } from '../access/principal';
import type { Tx } from '../db/transactions';
import { invalid } from '../errors';
import { loadFacts, ruleSetContext } from '../screening/facts';
import { recordCaseEvent } from './case-events';
import { raiseCoordinatorTask } from './tasks';
import { readHouseholdMembers } from './plan-read';

type FamilyDto = z.infer<typeof api.Family>;
type ObligationDto = z.infer<typeof api.FamilyObligation>;

export const FAMILY_OBLIGATION_TASK = 'family_plan_obligation';

/** The obligation for the case's citizen as a parent, judged on `onDate` under the rule set in force. */
async function judgeObligation(tx: Tx, parentId: string, onDate: LocalDate): Promise<FamilyObligationResult> {
  const { ruleSet, dutyFrom } = await ruleSetContext(tx, onDate);
  const children = await tx.selectFrom('family_relation').select('child_citizen_id').where('parent_citizen_id', '=', parentId).execute();
  const ids = [parentId, ...children.map((c) => c.child_citizen_id)];
  const [facts, people, assessed] = await Promise.all([
    loadFacts(tx, ids),
    tx.selectFrom('citizen').select(['id', 'name']).where('id', 'in', ids).execute(),
    tx.selectFrom('target_group_assessment').select('outcome').where('citizen_id', '=', parentId).orderBy('assessed_at', 'desc').limit(1).executeTakeFirst(),
  ]);
  const parent = facts.get(parentId)!;
  const classification = evaluateTargetGroup(parent, ruleSet, onDate, { dutyFrom }).classification;
  const names = new Map(people.map((p) => [p.id, p.name]));
  return evaluateFamilyObligation(
    {
      parent: { inTargetGroup: classification !== 'none' || assessed?.outcome === 'offer', records: parent.records },
      children: children.map((c) => {
        const f = facts.get(c.child_citizen_id)!;
        return { citizenId: c.child_citizen_id, name: names.get(c.child_citizen_id) ?? '', birthDate: f.birthDate, records: f.records };
      }),
    },
    ruleSet,
    onDate,
  );
}

async function obligationTask(tx: Tx, caseId: string) {
  return tx.selectFrom('task').select('id').where('case_id', '=', caseId).where('kind', '=', FAMILY_OBLIGATION_TASK).executeTakeFirst();
}

function obligationDto(result: FamilyObligationResult, taskId: string | null): ObligationDto {
  return {
    obligated: result.obligated,
    ruleApplies: result.ruleApplies,
    reasons: result.reasons,
    municipalPlans: result.municipalPlans,
    childrenWithSupport: result.childrenWithSupport.map(({ citizenId, name }) => ({ citizenId, name })),
    taskId,
  };
}

/**
 * Detects the family-plan obligation for the case's citizen and, when it
 * holds, raises it as a task to the coordinating caseworker — once per case
 * (a unique index keeps it so under concurrency too).
 */
export async function raiseFamilyObligation(tx: Tx, ctx: RequestContext, caseId: string, parentId: string, onDate: LocalDate): Promise<ObligationDto> {
  const result = await judgeObligation(tx, parentId, onDate);
  const existing = await obligationTask(tx, caseId);
  if (!result.obligated || existing) return obligationDto(result, existing?.id ?? null);
  const source = result.source!;
  const id = await raiseCoordinatorTask(tx, ctx, {
    caseId,
    kind: FAMILY_OBLIGATION_TASK,
    title: 'Tilbyd en helhedsorienteret plan for hele familien',
    detail: result.reasons.join(' '),
    legalBasis: `${source.law}${source.paragraph ? `, ${source.paragraph}` : ''}`,
  });
  return obligationDto(result, id);
}

export async function checkFamilyObligation(a: Access, caseId: string): Promise<ObligationDto> {
  return a.gateway.run(a.ctx, { action: 'family.write', subject: { caseId }, resourceType: 'family_obligation', resourceId: caseId }, (g) =>
    raiseFamilyObligation(g.tx, a.ctx, caseId, g.citizenId!, todayInCopenhagen(a.ctx.now())),
  );
}

const CHILDRENS_LAW = /^(barnets lov|serviceloven §§? ?(4[0-9]|5[0-9]|6[0-9]|7[0-6])\b)/i;
const DECIDED_UNDER_LABELS = {
  childrens_law: 'Afgøres efter barnets lov (barnets bedste)',
  sector_law: 'Afgøres efter sektorloven',
  holistic_plan: 'Indgår i den helhedsorienterede plan',
} as const;

/**
 * The household and, with an active family_plan consent, the family plan:
 * the children's interventions (decided under children's law) and the plans
 * of other adults who have consented to a family plan themselves.
 */
export async function getFamily(a: Access, caseId: string): Promise<FamilyDto> {
  return a.gateway.run(a.ctx, { action: 'family.read', subject: { caseId }, resourceType: 'family', resourceId: caseId }, async (g) => {
    const tx = g.tx;
    const now = a.ctx.now();
    const today = todayInCopenhagen(now);
    const citizenId = g.citizenId!;
    const members = await readHouseholdMembers(tx, citizenId, today);
    const consent = hasActiveConsent(await loadConsentRecords(tx, citizenId), 'family_plan', null, now.toISOString());
    const result = await judgeObligation(tx, citizenId, today);
    const task = await obligationTask(tx, caseId);
    let familyPlan: FamilyDto['familyPlan'] = null;
    if (consent) {
      const children = members.filter((m) => m.relation === 'child' && m.age < 18);
      const facts = await loadFacts(tx, children.map((c) => c.citizenId));
      const interventions = children.flatMap((c) =>
        (facts.get(c.citizenId)?.records ?? [])
          .filter((r) => r.kind === 'intervention' && isActiveOn(r, today))
          .map((r) => {
            const decidedUnder = r.sector === 'children_family' || CHILDRENS_LAW.test(r.legalBasis) ? 'childrens_law' : 'sector_law';
            return {
              citizenId: c.citizenId,
              citizenName: c.name,
              title: r.title,
              sector: r.sector,
              legalBasis: r.legalBasis,
              startDate: r.start,
              endDate: r.end,
              decidedUnder,
              decidedUnderLabel: DECIDED_UNDER_LABELS[decidedUnder],
            } as const;
          }),
      );
      const adults = members.filter((m) => m.age >= 18 && m.hasCase);
      const otherPlans = [];
      for (const m of adults) {
        if (!hasActiveConsent(await loadConsentRecords(tx, m.citizenId), 'family_plan', null, now.toISOString())) continue;
        const row = await tx
          .selectFrom('holistic_case')
          .leftJoin('plan', 'plan.case_id', 'holistic_case.id')
          .select(['holistic_case.id as case_id', 'plan.content'])
          .where('holistic_case.citizen_id', '=', m.citizenId)
          .where('holistic_case.closed_at', 'is', null)
          .executeTakeFirst();
        if (row) otherPlans.push({ citizenId: m.citizenId, name: m.name, caseId: row.case_id, overallGoal: (row.content as unknown as PlanContent | null)?.overallGoal.citizenWords ?? null });
      }
      familyPlan = { interventions, otherPlans };
    }
    return { caseId, members, familyPlanConsent: consent, familyPlan, obligation: obligationDto(result, task?.id ?? null) };
  });
}

/** Links a child to the case's citizen as parent (and, if they live together, into the same household). */
export async function linkChild(a: Access, caseId: string, body: z.infer<typeof api.LinkFamilyBody>): Promise<FamilyDto> {
  await a.gateway.run(a.ctx, { action: 'family.write', subject: { caseId }, resourceType: 'family_relation' }, async (g) => {
    const tx = g.tx;
    const parentId = g.citizenId!;
    const child = await tx.selectFrom('citizen').select(['id', 'birth_date']).where('id', '=', body.childCitizenId).executeTakeFirst();
    const problems = [];
    if (!child) problems.push({ path: 'body.childCitizenId', code: 'unknown-citizen', message: 'Barnet findes ikke som borger i kommunen.' });
    else if (child.id === parentId) problems.push({ path: 'body.childCitizenId', code: 'self', message: 'En borger kan ikke være sit eget barn.' });
    else if (ageOn(child.birth_date, todayInCopenhagen(a.ctx.now())) >= 18) {
      problems.push({ path: 'body.childCitizenId', code: 'not-a-child', message: 'Familieplanens børn er under 18 år.' });
    }
    if (problems.length) throw invalid('Barnet kan ikke knyttes til familien.', problems, 'invalid-family-link');
    await tx
      .insertInto('family_relation')
      .values({ municipality_id: a.ctx.principal.municipalityId, parent_citizen_id: parentId, child_citizen_id: body.childCitizenId, same_household: body.sameHousehold, created_at: a.ctx.now() })
      .onConflict((oc) => oc.columns(['municipality_id', 'parent_citizen_id', 'child_citizen_id']).doUpdateSet({ same_household: body.sameHousehold }))
      .execute();
    if (body.sameHousehold) {
      const parent = await tx.selectFrom('citizen').select('household_id').where('id', '=', parentId).executeTakeFirstOrThrow();
      let household = parent.household_id;
      if (!household) {
        household = crypto.randomUUID();
        await tx.insertInto('household').values({ municipality_id: a.ctx.principal.municipalityId, id: household }).execute();
        await tx.updateTable('citizen').set({ household_id: household, household_role: 'parent' }).where('id', '=', parentId).execute();
      }
      await tx.updateTable('citizen').set({ household_id: household, household_role: 'child' }).where('id', '=', body.childCitizenId).execute();
    }
    await recordCaseEvent(tx, a.ctx, caseId, 'family_linked', { childCitizenId: body.childCitizenId, sameHousehold: body.sameHousehold });
    // New family information may create the obligation.
    await raiseFamilyObligation(tx, a.ctx, caseId, parentId, todayInCopenhagen(a.ctx.now()));
    g.setResourceId(body.childCitizenId);
  });
  return getFamily(a, caseId);
}
