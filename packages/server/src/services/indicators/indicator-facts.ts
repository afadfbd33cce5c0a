/**
 * The facts the indicators are computed from, read in the caller's scoped
 * transaction: one row per offer, case, contact, intervention, complaint or
 * benefit record — ids and dates only leave this module as counts (the
 * arithmetic is core's, in packages/core/src/indicators). Instants become
 * Danish calendar days in SQL.
 */
import { sql } from 'kysely';
import {
  EMPLOYMENT_RECORD_CODES,
  PUBLIC_INCOME_BENEFIT_CODES,
  type AgreedIntervention,
  type ComplaintFacts,
  type ContactFacts,
  type LocalDate,
  type OfferFacts,
  type RecordSpan,
  type SurveyAnswer,
  type VisitationStatus,
} from '@helhed/core';
import type { Tx } from '../../db/transactions';

/** An instant column as the Danish calendar day, 'YYYY-MM-DD'. */
export const day = (column: string) => sql.raw(`to_char(${column} at time zone 'Europe/Copenhagen', 'YYYY-MM-DD')`);

/** Per citizen with a holistic-effort consent: first given, the latest action and when it changed last (a CTE body). */
export const HOLISTIC_CONSENT_BY_CITIZEN = sql`
      select citizen_id,
        min(effective_at) filter (where action = 'given') as first_given,
        (array_agg(action order by effective_at desc, recorded_at desc))[1] as last_action,
        max(effective_at) as last_change
      from consent where scope = 'holistic_effort' group by citizen_id`;

/** Per citizen offered the effort: when, and how the holistic-effort consent stands. */
export async function readOffers(tx: Tx): Promise<OfferFacts[]> {
  const { rows } = await sql<{ offered_on: string; first_given_on: string | null; last_action: string | null; last_change_on: string | null; all_closed: boolean | null }>`
    with offers as (
      select citizen_id, assessed_at as at from target_group_assessment where outcome = 'offer'
      union all
      select citizen_id, opened_at from holistic_case
    ),
    first_offer as (select citizen_id, min(at) as offered_at from offers group by citizen_id),
    holistic as (${HOLISTIC_CONSENT_BY_CITIZEN}),
    cases as (select citizen_id, bool_and(closed_at is not null) as all_closed from holistic_case group by citizen_id)
    select ${day('f.offered_at')} as offered_on, ${day('h.first_given')} as first_given_on, h.last_action,
      ${day('h.last_change')} as last_change_on, k.all_closed
    from first_offer f
    left join holistic h on h.citizen_id = f.citizen_id
    left join cases k on k.citizen_id = f.citizen_id
  `.execute(tx);
  return rows.map((r) => ({
    offeredOn: r.offered_on,
    consentGivenOn: r.first_given_on,
    withdrawnOn: r.first_given_on !== null && r.last_action === 'withdrawn' ? r.last_change_on : null,
    closedWithoutConsent: r.first_given_on === null && r.all_closed === true,
  }));
}

/** Per case: its first holistic-effort consent, first plan version and first issued decision (days). */
export async function readMilestones(tx: Tx): Promise<{ consentOn: LocalDate | null; planOn: LocalDate | null; decisionOn: LocalDate | null }[]> {
  const { rows } = await sql<{ consent_on: string | null; plan_on: string | null; decision_on: string | null }>`
    select
      ${day(`(select min(c.effective_at) from consent c
          where c.scope = 'holistic_effort' and c.action = 'given'
            and (c.case_id = k.id or (c.case_id is null and c.citizen_id = k.citizen_id)))`)} as consent_on,
      ${day('(select min(v.changed_at) from plan p join plan_version v on v.plan_id = p.id where p.case_id = k.id)')} as plan_on,
      ${day(`(select min(d.issued_at) from decision d where d.case_id = k.id and d.status = 'issued')`)} as decision_on
    from holistic_case k
  `.execute(tx);
  return rows.map((r) => ({ consentOn: r.consent_on, planOn: r.plan_on, decisionOn: r.decision_on }));
}

/** The contacts of every case open on `onDate`, grouped by case with its opening day. */
export async function readCaseContacts(tx: Tx, onDate: LocalDate): Promise<{ openedOn: LocalDate; contacts: ContactFacts[] }[]> {
  const { rows } = await sql<{ case_id: string; opened_on: string; employee_id: string | null; name: string | null; organisation: string | null; authority: boolean | null; since: string | null; ended_on: string | null }>`
    select k.id as case_id, ${day('k.opened_at')} as opened_on, c.employee_id, c.name, c.organisation, c.authority,
      c.since::text as since, c.ended_on::text as ended_on
    from holistic_case k
    left join case_contact c on c.case_id = k.id
    where ${day('k.opened_at')} <= ${onDate}
      and (k.closed_at is null or ${day('k.closed_at')} > ${onDate})
    order by k.id
  `.execute(tx);
  const cases = new Map<string, { openedOn: LocalDate; contacts: ContactFacts[] }>();
  for (const r of rows) {
    const entry = cases.get(r.case_id) ?? { openedOn: r.opened_on, contacts: [] };
    if (r.name !== null) entry.contacts.push({ employeeId: r.employee_id, name: r.name, organisation: r.organisation, authority: r.authority === true, since: r.since!, endedOn: r.ended_on });
    cases.set(r.case_id, entry);
  }
  return [...cases.values()];
}

/** Interventions granted through the catalogue (they have a visitation status), with their planned and actual start. */
export async function readAgreedInterventions(tx: Tx): Promise<AgreedIntervention[]> {
  const rows = await tx
    .selectFrom('intervention as i')
    .innerJoin('holistic_case as k', 'k.id', 'i.case_id')
    .select(['i.sector', 'i.visitation_status', 'i.start_date', 'i.started_on', 'k.closed_at'])
    .where('i.visitation_status', 'is not', null)
    .execute();
  return rows.map((r) => ({
    sector: r.sector,
    visitationStatus: r.visitation_status as VisitationStatus,
    plannedStart: r.start_date,
    startedOn: r.started_on,
    caseOpen: r.closed_at === null,
  }));
}

export async function readComplaints(tx: Tx): Promise<ComplaintFacts[]> {
  const rows = await tx.selectFrom('complaint').select(['received_on', 'status', 'reassessment_outcome', 'appeal_result']).execute();
  return rows.map((r) => ({ receivedOn: r.received_on, status: r.status, reassessmentOutcome: r.reassessment_outcome, appealResult: r.appeal_result }));
}

/** Citizens who gave consent to the holistic effort, with their benefit and fleksjob records. */
export async function readEmploymentFacts(tx: Tx): Promise<{ consentOn: LocalDate; records: RecordSpan[] }[]> {
  const consents = await sql<{ citizen_id: string; consent_on: string }>`
    select citizen_id, ${day('min(effective_at)')} as consent_on
    from consent where scope = 'holistic_effort' and action = 'given'
    group by citizen_id
  `.execute(tx);
  if (consents.rows.length === 0) return [];
  const records = await tx
    .selectFrom('sector_record')
    .select(['citizen_id', 'code', 'start_date', 'end_date'])
    .where('code', 'in', [...PUBLIC_INCOME_BENEFIT_CODES, ...EMPLOYMENT_RECORD_CODES])
    .where('citizen_id', 'in', (eb) => eb.selectFrom('consent').select('citizen_id').where('scope', '=', 'holistic_effort').where('action', '=', 'given'))
    .execute();
  const byCitizen = new Map<string, RecordSpan[]>();
  for (const r of records) {
    const list = byCitizen.get(r.citizen_id) ?? [];
    list.push({ code: r.code, start: r.start_date, end: r.end_date });
    byCitizen.set(r.citizen_id, list);
  }
  return consents.rows.map((c) => ({ consentOn: c.consent_on, records: byCitizen.get(c.citizen_id) ?? [] }));
}

/** Survey answers counted per quarter and answer. */
export async function readSurveyCounts(tx: Tx): Promise<{ period: string; answer: SurveyAnswer; count: number }[]> {
  const rows = await tx.selectFrom('survey_response').select(['period', 'answer', (eb) => eb.fn.countAll<string>().as('n')]).groupBy(['period', 'answer']).execute();
  return rows.map((r) => ({ period: r.period, answer: r.answer as SurveyAnswer, count: Number(r.n) }));
}

/** The day of the latest stored screening result (what the phase-in figures rest on), or null. */
export async function readLatestScreeningDay(tx: Tx): Promise<LocalDate | null> {
  const row = await tx.selectFrom('screening_result').select((eb) => eb.fn.max('evaluated_on').as('on')).executeTakeFirst();
  return (row?.on as string | null | undefined) ?? null;
}
