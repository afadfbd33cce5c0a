/**
 * Writes the indicators' background history (demo-indicators-people.ts) into
 * the demo municipality through the tables and case events the product
 * writes: citizens and sector records, target-group assessments, cases with
 * contacts and consents, plan versions, interventions granted from the
 * catalogue, issued combined decisions, complaints with their outcomes, and
 * survey answers — each dated in the past. The cases belong to three
 * synthetic caseworkers in their own team, so the SPEC §6 people, their
 * caseloads and the stories the tests walk stay as they were. Decisions carry
 * no letter (no PDF is rendered at seed time).
 */
import {
  addDays,
  addMonths,
  checkComplaintScope,
  composeDecisions,
  computeCost,
  copenhagenInstant,
  daysLate,
  decisionDeadlines,
  EXECUTION_STATUS,
  formatLegalBasis,
  getRuleSet,
  legalBasesUnder,
  parseCpr,
  reassessmentDeadline,
  surveyPeriod,
  todayInCopenhagen,
  type ComplainableElement,
  type LocalDate,
  type PlanContent,
  type VisitationStatus,
} from '@helhed/core';
import { decisionElementRow, letterData, readDecision } from '../decisions/decision-store';
import { demoSectorRecordRow } from './demo-sector-record';
import type { Insertable } from 'kysely';
import type { DB } from '../db/schema';
import type { Tx } from '../db/transactions';
import { HISTORY_CASEWORKERS, historyPeople, type HistoryCase, type HistoryPerson } from './demo-indicators-people';
import { DEMO_CATALOGUE } from './demo-visitation';

const RULE_SET = getRuleSet('hovedlov-2022');
/** The background citizens' sector records carry this external id prefix; the development login leaves them out. */
export const HISTORY_RECORD_PREFIX = 'demo-history-';
const TEAM_KEY = 'team-oest';

/** Instants for a past day: the working day's morning, Danish time. */
const at = (day: LocalDate, time = '10:00') => copenhagenInstant(day, time);

/**
 * Rows gathered per table and written a few hundred at a time: a sixteen-month
 * history is thousands of rows, and one statement each would slow `npm start`.
 */
class Rows {
  private readonly tables = new Map<string, Record<string, unknown>[]>();
  add<T extends keyof DB & string>(table: T, rows: Insertable<DB[T]> | Insertable<DB[T]>[]): void {
    this.tables.set(table, [...(this.tables.get(table) ?? []), ...((Array.isArray(rows) ? rows : [rows]) as Record<string, unknown>[])]);
  }
  /** Writes the tables in the order given (foreign keys), then forgets them. */
  async flush(tx: Tx, order: readonly (keyof DB & string)[]): Promise<void> {
    for (const table of order) {
      const rows = this.tables.get(table) ?? [];
      for (let i = 0; i < rows.length; i += 400) await tx.insertInto(table).values(rows.slice(i, i + 400) as never).execute();
      this.tables.delete(table);
    }
  }
}
const ROW_ORDER = ['citizen', 'sector_record', 'target_group_assessment', 'holistic_case', 'case_contact', 'consent', 'intervention', 'plan', 'plan_version', 'plan_goal', 'survey_response'] as const;

export interface IndicatorHistory {
  /** the background citizens by the day they were first screened (the day before the month's first assessment) */
  screenings: { onDate: LocalDate; citizenIds: string[] }[];
}

export async function loadDemoIndicatorHistory(tx: Tx, m: string, idOf: (key: string) => string, now: Date): Promise<IndicatorHistory> {
  const today = todayInCopenhagen(now);
  await tx.insertInto('team').values({ municipality_id: m, id: idOf(`team:${TEAM_KEY}`), unit_id: idOf('unit:koordinering'), name: 'Koordinationsteam Øst' }).execute();
  for (const e of HISTORY_CASEWORKERS) {
    const id = idOf(`employee:${e.key}`);
    await tx
      .insertInto('employee')
      .values({ municipality_id: m, id, username: e.username, name: e.name, email: e.email, title: 'Koordinerende sagsbehandler, Koordinationsteam Øst', unit_id: idOf('unit:koordinering'), oidc_subject: null })
      .execute();
    await tx.insertInto('employee_role').values({ municipality_id: m, employee_id: id, role: 'coordinating_caseworker' }).execute();
    await tx.insertInto('team_member').values({ municipality_id: m, team_id: idOf(`team:${TEAM_KEY}`), employee_id: id }).execute();
  }

  const people = historyPeople(today);
  const rows = new Rows();
  const screenings = new Map<LocalDate, string[]>();
  const decide: (() => Promise<void>)[] = [];
  const events: { caseId: string; coordinatorKey: string; events: Event[] }[] = [];
  for (const p of people) {
    const citizenId = addCitizen(rows, m, p, idOf);
    const screenedOn = addDays(`${p.assessedOn.slice(0, 7)}-01`, -1);
    screenings.set(screenedOn, [...(screenings.get(screenedOn) ?? []), citizenId]);
    const assessor = p.case?.coordinatorKey ?? HISTORY_CASEWORKERS[0].key;
    rows.add('target_group_assessment', {
      municipality_id: m,
      id: crypto.randomUUID(),
      citizen_id: citizenId,
      screening_result_id: null,
      coordination_need: true,
      development_potential: p.offered,
      reasoning: p.offered
        ? 'Flere forvaltninger er involveret, og borgeren ønsker at komme nærmere job eller uddannelse.'
        : 'Borgeren har brug for koordinering, men der er ikke potentiale for udvikling mod job eller uddannelse lige nu.',
      outcome: p.offered ? 'offer' : 'not_offered',
      assessed_by: idOf(`employee:${assessor}`),
      assessed_at: at(p.assessedOn, '11:00'),
      rule_set_id: RULE_SET.id,
    });
    if (p.case) events.push(addCase(rows, decide, tx, m, citizenId, p.case, idOf));
  }
  await rows.flush(tx, ROW_ORDER);
  // Decisions are issued as the product issues them (their letter data is read back), once their case exists.
  for (const issue of decide) await issue();
  rows.add(
    'case_event',
    events.flatMap(({ caseId, coordinatorKey, events: caseEvents }) => {
      const coordinator = HISTORY_CASEWORKERS.find((e) => e.key === coordinatorKey)!;
      return caseEvents
        .filter((e) => e.on < today)
        .map((e) => ({
          municipality_id: m,
          id: crypto.randomUUID(),
          case_id: caseId,
          occurred_at: at(e.on, e.time),
          type: e.type,
          actor_kind: 'employee',
          actor_id: idOf(`employee:${coordinatorKey}`),
          actor_name: coordinator.name,
          data: JSON.stringify(e.data),
        }));
    }),
  );
  await rows.flush(tx, ['case_event']);
  return {
    screenings: [...screenings].sort(([a], [b]) => (a < b ? -1 : 1)).map(([onDate, citizenIds]) => ({ onDate, citizenIds })),
  };
}

function addCitizen(rows: Rows, m: string, p: HistoryPerson, idOf: (key: string) => string): string {
  const parsed = parseCpr(p.cpr);
  if (!parsed.ok) throw new Error(`history citizen ${p.key} has an unusable CPR (${parsed.error})`);
  const id = idOf(`citizen:${p.key}`);
  rows.add('citizen', { municipality_id: m, id, cpr: parsed.cpr.digits, birth_date: parsed.cpr.birthDate, sex: parsed.cpr.sex, name: p.name, address: p.address, phone: null, email: null, household_id: null, household_role: null, registered_at: at(p.records[0]!.start) });
  rows.add(
    'sector_record',
    p.records.map((r, index) => demoSectorRecordRow(m, id, parsed.cpr.digits, `${HISTORY_RECORD_PREFIX}${p.key.replace('history-', '')}-${index + 1}`, r)),
  );
  return id;
}

type Event = { type: string; on: LocalDate; time?: string; data: Record<string, unknown> };

/** The case and what hangs on it; its decisions (and complaints) are deferred to `decide`; returns its events. */
function addCase(rows: Rows, decide: (() => Promise<void>)[], tx: Tx, m: string, citizenId: string, c: HistoryCase, idOf: (key: string) => string) {
  const caseId = crypto.randomUUID();
  const coordinatorId = idOf(`employee:${c.coordinatorKey}`);
  const coordinator = HISTORY_CASEWORKERS.find((e) => e.key === c.coordinatorKey)!;
  const phase = c.closedOn ? 'closed' : c.decisionOn ? 'follow_up' : c.planOn ? 'planning' : c.consentOn ? 'assessment' : 'consent';
  rows.add('holistic_case', { municipality_id: m, id: caseId, citizen_id: citizenId, phase, coordinator_employee_id: coordinatorId, coordinator_team_id: idOf(`team:${TEAM_KEY}`), opened_at: at(c.openedOn, '09:00'), closed_at: c.closedOn ? at(c.closedOn, '15:00') : null });
  const events: Event[] = [{ type: 'case_opened', on: c.openedOn, time: '09:00', data: { coordinatorEmployeeId: coordinatorId } }];

  const contact = (x: { name: string; role: string; sector: string; organisation: string | null; authority: boolean; since: LocalDate; endedOn: LocalDate | null; employeeId?: string; coordinating?: boolean }) => ({
    municipality_id: m,
    id: crypto.randomUUID(),
    case_id: caseId,
    kind: x.employeeId ? ('internal' as const) : ('external' as const),
    employee_id: x.employeeId ?? null,
    name: x.name,
    role: x.role,
    sector: x.sector,
    organisation: x.organisation,
    phone: null,
    email: null,
    authority: x.authority,
    coordinating: x.coordinating ?? false,
    since: x.since,
    ended_on: x.endedOn,
  });
  rows.add('case_contact', [
    contact({ name: coordinator.name, role: 'Koordinerende sagsbehandler', sector: 'main_law', organisation: null, authority: true, since: c.openedOn, endedOn: c.closedOn, employeeId: coordinatorId, coordinating: true }),
    ...c.contactsBefore.map((x) => contact({ ...x, authority: true, since: addMonths(c.openedOn, -8), endedOn: c.openedOn })),
    ...c.executing.map((x) => contact({ ...x, since: c.consentOn ?? c.openedOn, endedOn: c.closedOn })),
  ]);

  if (c.consentOn) {
    const given = { municipality_id: m, citizen_id: citizenId, case_id: caseId, scope: 'holistic_effort', counterpart: null, note: null, recorded_by_kind: 'employee', recorded_by_id: coordinatorId };
    const givenId = crypto.randomUUID();
    rows.add('consent', { ...given, id: givenId, action: 'given', form: 'digital', document_ref: null, effective_at: at(c.consentOn), recorded_at: at(c.consentOn) });
    events.push({ type: 'consent_given', on: c.consentOn, data: { consentId: givenId, scope: 'holistic_effort', counterpart: null } });
    if (c.withdrawnOn) {
      const withdrawnId = crypto.randomUUID();
      rows.add('consent', { ...given, id: withdrawnId, action: 'withdrawn', form: null, document_ref: null, effective_at: at(c.withdrawnOn), recorded_at: at(c.withdrawnOn) });
      events.push({ type: 'consent_withdrawn', on: c.withdrawnOn, data: { consentId: withdrawnId, scope: 'holistic_effort', counterpart: null } });
    }
  }

  const interventions = addInterventions(rows, m, caseId, c, coordinatorId, idOf, events);
  if (c.planOn) addPlan(rows, m, caseId, c, coordinator, interventions.map((i) => i.id), events);
  if (c.decisionOn) {
    const granted = interventions.filter((i) => i.grantedOn <= c.decisionOn!);
    decide.push(async () => {
      const decision = await insertIssuedDecision(tx, m, caseId, granted, c.decisionOn!, coordinatorId, events, { origin: 'new' });
      if (c.complaint && decision) await insertComplaint(tx, m, caseId, decision, c.complaint, granted, coordinatorId, events);
    });
  }
  for (const s of c.survey) {
    rows.add('survey_response', { municipality_id: m, id: crypto.randomUUID(), case_id: caseId, period: surveyPeriod(s.answeredOn), answer: s.answer, comment: null, answered_on: s.answeredOn, answered_at: at(s.answeredOn, '19:30') });
    events.push({ type: 'survey_answered', on: s.answeredOn, time: '19:30', data: { period: surveyPeriod(s.answeredOn) } });
  }
  if (c.closedOn) events.push({ type: 'phase_changed', on: c.closedOn, time: '15:00', data: { from: c.consentOn ? 'follow_up' : 'consent', to: 'closed' } });
  return { caseId, coordinatorKey: c.coordinatorKey, events };
}

/** A typical grant per cost model: 80 hours, half a year of weeks or months, one of a one-off. */
const GRANTED_QUANTITY = { per_hour: 80, per_week: 26, per_month: 6, one_off: 1 } as const;

type Granted = { id: string; title: string; sector: string; legalBasis: string; startDate: string | null; endDate: string | null; grantedOn: LocalDate };

function addInterventions(rows: Rows, m: string, caseId: string, c: HistoryCase, coordinatorId: string, idOf: (key: string) => string, events: Event[]): Granted[] {
  const grantedOn = c.planOn ?? (c.consentOn ? addDays(c.consentOn, 7) : null);
  if (!grantedOn) return [];
  const granted: Granted[] = [];
  for (const i of c.interventions) {
    const item = DEMO_CATALOGUE.find((x) => x.kind === i.catalogueKind)!;
    const legalBasis = formatLegalBasis(legalBasesUnder(item.legalBases, RULE_SET.id));
    const status: VisitationStatus = i.endedOn ? 'ended' : i.startedOn ? 'running' : 'granted';
    const id = crypto.randomUUID();
    rows.add('intervention', {
      municipality_id: m,
      id,
      case_id: caseId,
      title: item.title,
      sector: item.sector,
      legal_basis: legalBasis,
      status: EXECUTION_STATUS[status],
      start_date: i.plannedStart,
      end_date: i.endedOn,
      catalogue_item_id: idOf(`catalogue:${item.kind}`),
      visitation_status: status,
      started_on: i.startedOn,
      quantity: GRANTED_QUANTITY[item.costModel],
      unit_price_dkk: item.unitPriceDkk,
      cost_dkk: computeCost(item.unitPriceDkk, GRANTED_QUANTITY[item.costModel]),
      rule_set_id: RULE_SET.id,
      granted_by: coordinatorId,
      granted_at: at(grantedOn, '13:00'),
    });
    events.push({ type: 'intervention_added', on: grantedOn, time: '13:00', data: { interventionId: id, title: item.title } });
    granted.push({ id, title: item.title, sector: item.sector, legalBasis, startDate: i.plannedStart, endDate: i.endedOn, grantedOn });
  }
  return granted;
}

function addPlan(rows: Rows, m: string, caseId: string, c: HistoryCase, coordinator: { name: string }, interventionIds: string[], events: Event[]): void {
  const planId = crypto.randomUUID();
  const goalId = crypto.randomUUID();
  const first: PlanContent = {
    startDate: c.planOn!,
    overallGoal: { id: goalId, citizenWords: 'Jeg vil have styr på min hverdag og komme tættere på et job.', caseworkerText: 'Mestre eget liv og komme nærmere beskæftigelse.', targetDate: addMonths(c.planOn!, 12), followUpDate: null },
    subGoals: [
      { id: crypto.randomUUID(), title: 'Stabil hverdag', citizenWords: 'Komme op om morgenen og passe mine aftaler.', domain: 'practical_tasks', goalType: 'develop', priority: 1, targetDate: addMonths(c.planOn!, 6), followUpDate: null, interventionIds: interventionIds.slice(0, 1) },
      { id: crypto.randomUUID(), title: 'Tættere på arbejdsmarkedet', citizenWords: null, domain: 'education_work', goalType: 'develop', priority: 2, targetDate: addMonths(c.planOn!, 12), followUpDate: null, interventionIds: interventionIds.slice(1) },
    ],
  };
  const versions: { content: PlanContent; on: LocalDate; reason: string }[] = [{ content: first, on: c.planOn!, reason: 'Første plan lavet sammen med borgeren.' }];
  if (c.planRevisedOn) {
    versions.push({ content: { ...first, subGoals: first.subGoals.map((g) => (g.priority === 2 ? { ...g, title: 'Virksomhedspraktik og afklaring' } : g)) }, on: c.planRevisedOn, reason: 'Delmålet er justeret efter opfølgning.' });
  }
  const current = versions[versions.length - 1]!;
  rows.add('plan', { municipality_id: m, id: planId, case_id: caseId, version: versions.length, rule_set_id: RULE_SET.id, content: JSON.stringify(current.content), created_at: at(c.planOn!, '14:00'), updated_at: at(current.on, '14:00') });
  rows.add(
    'plan_version',
    versions.map((v, i) => ({
      municipality_id: m,
      plan_id: planId,
      version: i + 1,
      content: JSON.stringify(v.content),
      reason: v.reason,
      rule_set_id: RULE_SET.id,
      changed_at: at(v.on, '14:00'),
      changed_by_kind: 'employee',
      changed_by_id: null,
      changed_by_name: coordinator.name,
    })),
  );
  const goals = [{ goal_id: goalId, title: current.content.overallGoal.citizenWords, overall: true }, ...current.content.subGoals.map((g) => ({ goal_id: g.id, title: g.title, overall: false }))];
  rows.add('plan_goal', goals.map((g) => ({ municipality_id: m, plan_id: planId, case_id: caseId, ...g, next_follow_up_on: null, progression: null })));
  versions.forEach((v, i) => events.push({ type: 'plan_version_created', on: v.on, time: '14:00', data: { planId, version: i + 1, reason: v.reason, ruleSetId: RULE_SET.id } }));
}

async function insertIssuedDecision(
  tx: Tx,
  m: string,
  caseId: string,
  granted: Granted[],
  on: LocalDate,
  coordinatorId: string,
  events: Event[],
  origin: { origin: 'new' } | { origin: 'reassessment'; complaintId: string; supersedes: Map<string, string> },
): Promise<{ id: string; complaintDeadline: LocalDate; elements: (ComplainableElement & { interventionId: string })[] } | null> {
  const composed = composeDecisions(granted, RULE_SET.decisions).decisions[0];
  if (!composed) return null;
  const id = crypto.randomUUID();
  const dates = { decisionDate: on, channel: 'digital_post' as const, ...decisionDeadlines(on, 'digital_post', RULE_SET.deadlines) };
  // As the product issues: a draft with its elements, the letter data frozen from it, then issued.
  await tx
    .insertInto('decision')
    .values({
      municipality_id: m,
      id,
      case_id: caseId,
      status: 'draft',
      rule_set_id: RULE_SET.id,
      mode: RULE_SET.decisions.mode,
      sector_law: composed.sectorLaw,
      title: composed.title,
      reasoning: 'Indsatserne hænger sammen og understøtter borgerens egne mål i planen.',
      citizen_goals: JSON.stringify(['Jeg vil have styr på min hverdag og komme tættere på et job.']),
      outside_decision: '[]',
      origin: origin.origin,
      complaint_id: origin.origin === 'reassessment' ? origin.complaintId : null,
      created_at: at(on, '09:30'),
      created_by: coordinatorId,
    })
    .execute();
  const elements = composed.elements.map((e, position) => ({
    ...decisionElementRow(m, id, e, position, 'Indsatsen er bevilget, fordi den understøtter et af borgerens delmål.'),
    supersedes_element_id: origin.origin === 'reassessment' ? (origin.supersedes.get(e.intervention.id) ?? null) : null,
  }));
  await tx.insertInto('decision_element').values(elements).execute();
  const letter = await letterData(tx, await readDecision(tx, id), dates);
  await tx
    .updateTable('decision')
    .set({
      status: 'issued',
      decision_date: on,
      channel: 'digital_post',
      receipt_date: dates.receiptDate,
      complaint_deadline: dates.complaintDeadline,
      letter: JSON.stringify(letter),
      issued_at: at(on, '12:00'),
      issued_by: coordinatorId,
    })
    .where('municipality_id', '=', m)
    .where('id', '=', id)
    .execute();
  events.push({ type: 'decision_issued', on, time: '12:00', data: { decisionId: id, ruleSetId: RULE_SET.id, channel: 'digital_post', receiptDate: dates.receiptDate, complaintDeadline: dates.complaintDeadline } });
  return {
    id,
    complaintDeadline: dates.complaintDeadline,
    elements: elements.map((e) => ({ id: e.id, interventionId: e.intervention_id, title: e.title, appealable: e.appealable, notAppealableReason: e.not_appealable_reason, route: e.complaint_route })),
  };
}

async function insertComplaint(
  tx: Tx,
  m: string,
  caseId: string,
  decision: NonNullable<Awaited<ReturnType<typeof insertIssuedDecision>>>,
  c: NonNullable<HistoryCase['complaint']>,
  granted: Granted[],
  coordinatorId: string,
  events: Event[],
): Promise<void> {
  const scope = checkComplaintScope(decision.elements, 'whole', [], RULE_SET.decisions);
  if (!scope.ok) return;
  const covered = decision.elements.filter((e) => scope.elementIds.includes(e.id));
  const id = crypto.randomUUID();
  const late = daysLate(c.receivedOn, decision.complaintDeadline);
  const status = c.outcome === 'pending' ? 'received' : c.outcome === 'refused_late' ? 'refused_late' : c.outcome === 'change' ? 'changed' : c.appeal ? 'closed' : 'forwarded';
  let newDecisionId: string | null = null;
  await tx
    .insertInto('complaint')
    .values({
      municipality_id: m,
      id,
      case_id: caseId,
      decision_id: decision.id,
      status: 'received',
      scope: 'whole',
      not_covered: JSON.stringify(scope.notCovered),
      channel: 'portal',
      received_on: c.receivedOn,
      submitted_by_kind: 'citizen',
      submitted_by_id: null,
      text: 'Jeg er ikke enig i afgørelsen.',
      complaint_deadline: decision.complaintDeadline,
      days_late: late,
      late_handling: c.outcome === 'refused_late' ? 'refuse' : null,
      late_handling_reason: c.outcome === 'refused_late' ? 'Klagen er modtaget efter fristen, og der er ikke oplyst særlige grunde.' : null,
      reassessment_deadline: reassessmentDeadline(c.receivedOn, RULE_SET.deadlines),
      created_at: at(c.receivedOn, '08:30'),
    })
    .execute();
  await tx.insertInto('complaint_element').values(covered.map((e) => ({ municipality_id: m, complaint_id: id, element_id: e.id }))).execute();
  events.push({ type: 'complaint_received', on: c.receivedOn, time: '08:30', data: { complaintId: id, decisionId: decision.id, scope: 'whole', late: late > 0, daysLate: late } });
  if (c.outcome === 'refused_late') events.push({ type: 'complaint_late_handled', on: addDays(c.receivedOn, 2), data: { complaintId: id, handling: 'refuse' } });
  if (c.outcome === 'change') {
    const supersedes = new Map(covered.map((e) => [e.interventionId, e.id]));
    const changed = await insertIssuedDecision(tx, m, caseId, granted.filter((g) => supersedes.has(g.id)), c.reassessedOn!, coordinatorId, events, { origin: 'reassessment', complaintId: id, supersedes });
    newDecisionId = changed?.id ?? null;
  }
  if (c.reassessedOn) {
    events.push({ type: 'complaint_reassessed', on: c.reassessedOn, data: { complaintId: id, outcome: c.outcome, newDecisionId, forwardedOn: c.outcome === 'uphold' ? c.reassessedOn : null } });
  }
  if (c.appeal) events.push({ type: 'appeal_result_recorded', on: c.appeal.on, data: { complaintId: id, result: c.appeal.result } });
  // The complaint row moves through its states as the product moves it (received → reassessed → result).
  await tx
    .updateTable('complaint')
    .set({
      status,
      reassessment_outcome: c.outcome === 'change' || c.outcome === 'uphold' ? c.outcome : null,
      reassessment_reasoning: c.reassessedOn ? 'Kommunen har genvurderet afgørelsen på baggrund af klagen.' : null,
      reassessed_on: c.reassessedOn,
      new_decision_id: newDecisionId,
      forwarded_on: c.outcome === 'uphold' ? c.reassessedOn : null,
      appeal_result: c.appeal?.result ?? null,
      appeal_result_on: c.appeal?.on ?? null,
    })
    .where('municipality_id', '=', m)
    .where('id', '=', id)
    .execute();
}
