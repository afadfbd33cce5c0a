import { sql, type Selectable } from 'kysely';
import {
  complaintGuidance,
  composeDecisions,
  formatCpr,
  getRuleSet,
  sectorLabel,
  type api,
  type ComplaintRouteId,
  type ComposedElement,
  todayInCopenhagen,
  toDecisionLetter,
  type DecisionLetter,
  type DecisionLetterData,
  type DeliveryChannel,
  type RuleSet,
  type RuleSetId,
  type SectorLawId,
} from '@helhed/core';
import type { z } from 'zod';
import type { RequestContext } from '../access/principal';
import type { Tx } from '../db/transactions';
import type { DecisionTable } from '../db/schema-decisions';
import { conflict, ProblemError, type FieldError } from '../errors';
import { recordCaseEvent } from '../services/case-events';
import { grantableInterventions } from './grantable-interventions';
import { readPlan } from '../services/plan-read';

export type DecisionDto = z.infer<typeof api.Decision>;
type DecisionRow = Selectable<DecisionTable>;

/** Bad input the schema cannot see (unknown interventions, missing reasoning): 400, nothing changed. */
export const badRequest = (detail: string, errors: FieldError[] = [], code = 'bad-request') => new ProblemError(400, code, 'Ugyldig anmodning', detail, errors);

export const staleVersion = (what: string) =>
  conflict(`${what} er ændret af en anden, siden du hentede den. Hent den igen, og gentag din ændring.`, 'stale-version');

/** A composed element as its stored row (the drafting here and the demo's issued history). */
export function decisionElementRow(municipalityId: string, decisionId: string, e: ComposedElement, position: number, reasoning: string) {
  return {
    municipality_id: municipalityId,
    id: crypto.randomUUID(),
    decision_id: decisionId,
    intervention_id: e.intervention.id,
    position,
    title: e.intervention.title,
    sector: e.intervention.sector,
    legal_basis: e.legalBasis,
    reasoning,
    appealable: e.appealable,
    not_appealable_reason: e.notAppealableReason,
    complaint_route: e.route,
    rule_id: e.ruleId,
  };
}

export async function loadDecisionRow(tx: Tx, decisionId: string): Promise<DecisionRow> {
  return tx.selectFrom('decision').selectAll().where('id', '=', decisionId).executeTakeFirstOrThrow();
}

export async function loadElements(tx: Tx, decisionIds: string[]) {
  if (decisionIds.length === 0) return [];
  return tx
    .selectFrom('decision_element as e')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('decision_element as later')
          .innerJoin('decision as ld', 'ld.id', 'later.decision_id')
          .where('ld.status', '=', 'issued')
          .where('later.supersedes_element_id', 'is not', null)
          .select(['later.supersedes_element_id as superseded_id', 'later.decision_id as by_decision']).as('s'),
      (join) => join.onRef('s.superseded_id', '=', 'e.id'),
    )
    .selectAll('e')
    .select('s.by_decision')
    .where('e.decision_id', 'in', decisionIds)
    .orderBy('e.position')
    .execute();
}

export async function readDecisions(tx: Tx, where: { caseId?: string; ids?: string[] }, options: { issuedOnly?: boolean } = {}): Promise<DecisionDto[]> {
  let q = tx.selectFrom('decision as d').leftJoin('employee as e', 'e.id', 'd.issued_by').selectAll('d').select('e.name as issued_by_name');
  if (where.caseId) q = q.where('d.case_id', '=', where.caseId);
  if (where.ids) q = q.where('d.id', 'in', where.ids.length ? where.ids : ['00000000-0000-0000-0000-000000000000']);
  if (options.issuedOnly) q = q.where('d.status', '=', 'issued');
  const rows = await q.orderBy('d.created_at').orderBy('d.id').execute();
  const elements = await loadElements(tx, rows.map((r) => r.id));
  return rows.map((d) => {
    const routes = getRuleSet(d.rule_set_id as RuleSetId).decisions.routes;
    return {
      id: d.id,
      caseId: d.case_id,
      status: d.status,
      title: d.title,
      mode: d.mode,
      sectorLaw: d.sector_law as SectorLawId,
      ruleSetId: d.rule_set_id,
      reasoning: d.reasoning,
      citizenGoals: d.citizen_goals as string[],
      origin: d.origin,
      complaintId: d.complaint_id,
      decisionDate: d.decision_date,
      channel: d.channel,
      receiptDate: d.receipt_date,
      complaintDeadline: d.complaint_deadline,
      issuedAt: d.issued_at?.toISOString() ?? null,
      issuedBy: d.issued_by_name ?? null,
      version: d.version,
      elements: elements
        .filter((e) => e.decision_id === d.id)
        .map((e) => ({
          id: e.id,
          interventionId: e.intervention_id,
          title: e.title,
          sector: e.sector,
          sectorLabel: sectorLabel(e.sector),
          legalBasis: e.legal_basis,
          reasoning: e.reasoning,
          appealable: e.appealable,
          notAppealableReason: e.not_appealable_reason,
          complaintRoute: e.complaint_route as ComplaintRouteId,
          complaintBody: routes[e.complaint_route as ComplaintRouteId]?.body ?? '',
          ruleId: e.rule_id,
          supersedesElementId: e.supersedes_element_id,
          supersededByDecisionId: e.by_decision ?? null,
          inForce: d.status === 'issued' && !e.by_decision,
        })),
      outsideDecision: d.outside_decision as DecisionDto['outsideDecision'],
    };
  });
}

export async function readDecision(tx: Tx, decisionId: string): Promise<DecisionDto> {
  return (await readDecisions(tx, { ids: [decisionId] }))[0]!;
}

/** Elements of the case's issued decisions that no later issued decision has superseded. */
export async function elementsInForce(tx: Tx, caseId: string): Promise<{ elementId: string; interventionId: string }[]> {
  const { rows } = await sql<{ element_id: string; intervention_id: string }>`
    select e.id as element_id, e.intervention_id
    from decision_element e
    join decision d on d.id = e.decision_id and d.status = 'issued'
    where d.case_id = ${caseId}
      and not exists (
        select 1 from decision_element later join decision ld on ld.id = later.decision_id and ld.status = 'issued'
        where later.supersedes_element_id = e.id)
  `.execute(tx);
  return rows.map((r) => ({ elementId: r.element_id, interventionId: r.intervention_id }));
}

export interface DraftOptions {
  reasoning: string;
  citizenGoals?: string[];
  interventionIds?: string[];
  elements?: { interventionId: string; reasoning: string }[];
  origin?: 'new' | 'reassessment' | 'appeal';
  complaintId?: string | null;
}

/**
 * Creates the draft decision(s) for a case from its granted interventions:
 * one combined decision, or one per sector law, as the rule set in force
 * says. Every input is checked before anything is written.
 */
export async function createDrafts(tx: Tx, ctx: RequestContext, caseId: string, ruleSet: RuleSet, opts: DraftOptions): Promise<string[]> {
  const existing = await tx.selectFrom('decision').select('id').where('case_id', '=', caseId).where('status', '=', 'draft').executeTakeFirst();
  if (existing) throw conflict('Sagen har allerede et udkast til afgørelse. Send eller kassér det først.', 'draft-exists');
  const rules = ruleSet.decisions;
  const granted = await grantableInterventions(tx, caseId, rules);
  const errors: FieldError[] = [];
  (opts.interventionIds ?? []).forEach((id, i) => {
    if (!granted.some((g) => g.id === id)) errors.push({ path: `body.interventionIds.${i}`, code: 'not-granted', message: 'Indsatsen findes ikke på sagen eller er ikke bevilget.' });
  });
  const selected = opts.interventionIds ? granted.filter((g) => opts.interventionIds!.includes(g.id)) : granted;
  (opts.elements ?? []).forEach((e, i) => {
    if (!selected.some((g) => g.id === e.interventionId)) errors.push({ path: `body.elements.${i}.interventionId`, code: 'not-in-decision', message: 'Indsatsen indgår ikke i afgørelsen.' });
  });
  if (errors.length) throw badRequest('Afgørelsen kan kun omfatte sagens bevilgede indsatser.', errors, 'not-granted');
  const composition = composeDecisions(selected, rules);
  if (composition.decisions.length === 0) {
    throw badRequest('Der er ingen bevilgede indsatser, som kommunen skal træffe afgørelse om i denne sag.', [], 'nothing-to-decide');
  }
  const reasoningOf = new Map((opts.elements ?? []).map((e) => [e.interventionId, e.reasoning]));
  const citizenGoals = opts.citizenGoals ?? (await planGoalsInOwnWords(tx, caseId, todayInCopenhagen(ctx.now())));
  const outside = composition.outside.map((o) => ({ interventionId: o.intervention.id, title: o.intervention.title, note: o.note ?? '' }));
  const m = ctx.principal.municipalityId;
  const ids: string[] = [];
  for (const composed of composition.decisions) {
    const id = crypto.randomUUID();
    ids.push(id);
    await tx
      .insertInto('decision')
      .values({
        municipality_id: m,
        id,
        case_id: caseId,
        status: 'draft',
        rule_set_id: ruleSet.id,
        mode: rules.mode,
        sector_law: composed.sectorLaw,
        title: composed.title,
        reasoning: opts.reasoning,
        citizen_goals: JSON.stringify(citizenGoals),
        outside_decision: JSON.stringify(outside),
        origin: opts.origin ?? 'new',
        complaint_id: opts.complaintId ?? null,
        created_at: ctx.now(),
        created_by: ctx.principal.id,
      })
      .execute();
    await tx
      .insertInto('decision_element')
      .values(
        composed.elements.map((e, position) => decisionElementRow(m, id, e, position, reasoningOf.get(e.intervention.id) ?? '')),
      )
      .execute();
  }
  await recordCaseEvent(tx, ctx, caseId, 'decision_drafted', { decisionIds: ids, ruleSetId: ruleSet.id, mode: rules.mode, origin: opts.origin ?? 'new' });
  return ids;
}

/** The citizen's goals in their own words, from the plan as it stands (overall goal first, then by priority); [] without a plan. */
export async function planGoalsInOwnWords(tx: Tx, caseId: string, onDate: string): Promise<string[]> {
  const plan = await readPlan(tx, caseId, onDate);
  if (!plan) return [];
  const words = [plan.overallGoal.citizenWords, ...plan.subGoals.map((g) => g.citizenWords)].map((w) => (w ?? '').trim()).filter((w) => w.length > 0);
  return [...new Set(words)];
}

/** The letter's data for a decision, as if sent on `decisionDate` by `channel` (preview) or as issued. */
export async function letterData(
  tx: Tx,
  decision: DecisionDto,
  dates: { decisionDate: string; channel: DeliveryChannel; receiptDate: string; complaintDeadline: string },
): Promise<DecisionLetterData> {
  const ruleSet = getRuleSet(decision.ruleSetId as RuleSetId);
  const kase = await tx
    .selectFrom('holistic_case as k')
    .innerJoin('citizen as c', 'c.id', 'k.citizen_id')
    .innerJoin('municipality as m', 'm.id', 'k.municipality_id')
    .leftJoin('employee as e', 'e.id', 'k.coordinator_employee_id')
    .select(['c.name', 'c.cpr', 'c.address', 'm.name as m_name', 'm.cvr', 'e.name as e_name', 'e.title as e_title', 'e.email as e_email'])
    .where('k.id', '=', decision.caseId)
    .executeTakeFirstOrThrow();
  const supersededIds = decision.elements.flatMap((e) => (e.supersedesElementId ? [e.supersedesElementId] : []));
  const superseded = supersededIds.length
    ? await tx
        .selectFrom('decision_element as e')
        .innerJoin('decision as d', 'd.id', 'e.decision_id')
        .select(['e.id', 'd.id as decision_id', 'd.decision_date'])
        .where('e.id', 'in', supersededIds)
        .execute()
    : [];
  const elements = decision.elements.map((e) => {
    const earlier = superseded.find((s) => s.id === e.supersedesElementId);
    return {
      elementId: e.id,
      interventionId: e.interventionId,
      title: e.title,
      sector: e.sector,
      sectorLabel: e.sectorLabel,
      legalBasis: e.legalBasis,
      reasoning: e.reasoning,
      startDate: null as string | null,
      endDate: null as string | null,
      appealable: e.appealable,
      notAppealableReason: e.notAppealableReason,
      complaintRoute: { id: e.complaintRoute, body: e.complaintBody },
      supersedes: earlier ? { decisionId: earlier.decision_id, decisionDate: earlier.decision_date } : null,
    };
  });
  const periods = await tx
    .selectFrom('intervention')
    .select(['id', 'start_date', 'end_date'])
    .where('id', 'in', elements.length ? elements.map((e) => e.interventionId) : ['00000000-0000-0000-0000-000000000000'])
    .execute();
  for (const e of elements) {
    const p = periods.find((x) => x.id === e.interventionId);
    e.startDate = p?.start_date ?? null;
    e.endDate = p?.end_date ?? null;
  }
  return {
    decisionId: decision.id,
    title: decision.title,
    mode: decision.mode,
    sectorLaw: decision.sectorLaw,
    ruleSet: { id: ruleSet.id, title: ruleSet.title },
    municipality: { name: kase.m_name, cvr: kase.cvr },
    citizen: { name: kase.name, cpr: formatCpr(cprOrRefuse(kase.cpr)), address: kase.address },
    caseId: decision.caseId,
    ...dates,
    overallReasoning: decision.reasoning,
    citizenGoals: decision.citizenGoals,
    elements,
    outsideDecision: decision.outsideDecision.map((o) => ({ title: o.title, note: o.note })),
    complaintGuidance: complaintGuidance(elements, ruleSet.decisions, dates.complaintDeadline),
    coordinatingContact: kase.e_name ? { name: kase.e_name, title: kase.e_title ?? '', email: kase.e_email ?? '', phone: null } : null,
  };
}

/**
 * The letter that is sent for a decision (PDF, MeMo, outbox): its letter data
 * folded into the letters' one `DecisionLetter`, with the municipality's
 * letterhead, the citizen's id and — for the combined decision — the note
 * about benefits decided elsewhere.
 */
export async function sentLetter(tx: Tx, data: DecisionLetterData, decision: DecisionDto, letterId: string): Promise<DecisionLetter> {
  const ruleSet = getRuleSet(decision.ruleSetId as RuleSetId);
  const row = await tx
    .selectFrom('holistic_case as k')
    .innerJoin('municipality as m', 'm.id', 'k.municipality_id')
    .select(['k.citizen_id', 'm.letter_address_lines', 'm.letter_phone', 'm.letter_web'])
    .where('k.id', '=', decision.caseId)
    .executeTakeFirstOrThrow();
  if (row.letter_address_lines.length === 0 || !row.letter_phone || !row.letter_web) {
    throw conflict('Kommunens brevhoved (adresse, telefon og hjemmeside) er ikke udfyldt. Udfyld det, før afgørelsen kan vises som brev eller udsendes.', 'no-letterhead');
  }
  const outsideIds = decision.outsideDecision.map((o) => o.interventionId);
  const benefits = decision.mode === 'combined' && outsideIds.length
    ? await tx.selectFrom('intervention').select('id').where('id', 'in', outsideIds).where('sector', '=', 'benefits').execute()
    : [];
  const notes = [...new Set(decision.outsideDecision.filter((o) => benefits.some((b) => b.id === o.interventionId)).map((o) => o.note))];
  return toDecisionLetter(data, ruleSet.decisions, {
    letterId,
    citizenId: row.citizen_id,
    letterhead: { addressLines: row.letter_address_lines, phone: row.letter_phone, web: row.letter_web },
    reassessmentWeeks: ruleSet.deadlines.reassessmentWeeks,
    benefitsNote: notes.length ? notes.join(' ') : null,
  });
}

/** A decision letter goes to a CPR number (Digital Post, the letter's recipient block). */
function cprOrRefuse(cpr: string | null): string {
  if (cpr) return cpr;
  throw badRequest('Borgeren er registreret uden CPR-nummer. Registrér CPR-nummeret, før afgørelsen kan vises eller udsendes.', [], 'no-cpr');
}
