import {
  addMonthsTo,
  complaintOutcomes,
  consentRate,
  contactsBeforeAndNow,
  contactsIndicator,
  defaultPeriod,
  EMPLOYMENT_DEFINITION,
  employmentByYear,
  indicatorTable,
  monthsIn,
  notStartedNow,
  periodDays,
  periodProblems,
  SECTOR_LABELS,
  SMALL_NUMBER,
  startTimeliness,
  SURVEY_QUESTION,
  surveyOverPeriod,
  TABLE_COLUMNS,
  timeToMilestone,
  toCsv,
  todayInCopenhagen,
  yearsIn,
  type api,
  type IndicatorPeriod,
  type LocalDate,
} from '@helhed/core';
import type { z } from 'zod';
import type { Access } from '../../access/access';
import type { RequestContext } from '../../access/principal';
import type { Tx } from '../../db/transactions';
import { ProblemError } from '../../errors';
import { readPhaseIn } from '../target-group';
import { readAgreedInterventions, readCaseContacts, readComplaints, readEmploymentFacts, readLatestScreeningDay, readMilestones, readOffers, readSurveyCounts } from './indicator-facts';

export type Indicators = z.infer<typeof api.Indicators>;
export type IndicatorQuery = z.infer<typeof api.IndicatorQuery>;

/**
 * The reform's indicators for the municipality (SPEC C11) over a period of
 * whole months: leaders and administrators only, counts and statistics only —
 * no citizen, case id or name leaves. One read is audited once, as batch work
 * over many citizens is (decisions.md §9), with the period as its criterion.
 */
export async function readIndicators(a: Access, query: IndicatorQuery): Promise<Indicators> {
  const today = todayInCopenhagen(a.ctx.now());
  const period = resolvePeriod(query, today);
  return a.gateway.run(
    managementInformation(a.ctx),
    { action: 'indicators.read', subject: { search: { indicators: period }, resolve: async () => null }, resourceType: 'indicators' },
    ({ tx }) => computeIndicators(tx, period, today, a.ctx.now()),
  );
}

/**
 * The same figures as a file that may leave the municipality (one figure per
 * line), small counts written "under 5" (core `indicatorTable`). Audited like
 * the page's read.
 */
export async function indicatorTablesCsv(a: Access, query: IndicatorQuery): Promise<{ filename: string; csv: string }> {
  const today = todayInCopenhagen(a.ctx.now());
  const period = resolvePeriod(query, today);
  return a.gateway.run(
    managementInformation(a.ctx),
    { action: 'indicators.read', subject: { search: { indicatorTables: period }, resolve: async () => null }, resourceType: 'indicators_csv' },
    async ({ tx }) => ({
      filename: `helhed-indikatorer-${period.from}-${period.to}.csv`,
      csv: toCsv(TABLE_COLUMNS, indicatorTable(await computeIndicators(tx, period, today, a.ctx.now()))),
    }),
  );
}

/** The period asked for: both months, or one of them completed to twelve months, or the last twelve. Bad periods are 400. */
export function resolvePeriod(query: IndicatorQuery, today: LocalDate): IndicatorPeriod {
  const period = completePeriod(query, today);
  const problems = periodProblems(period);
  if (problems.length) {
    throw new ProblemError(
      400,
      'invalid-period',
      'Ugyldig periode',
      problems.map((p) => p.message).join(' '),
      problems.map((p) => ({ path: `querystring.${p.field}`, code: 'invalid-period', message: p.message })),
    );
  }
  return period;
}

function completePeriod(query: IndicatorQuery, today: LocalDate): IndicatorPeriod {
  const fallback = defaultPeriod(today);
  if (query.from && query.to) return { from: query.from, to: query.to };
  if (query.to) return { from: addMonthsTo(query.to, -11), to: query.to };
  if (!query.from) return fallback;
  // from a month: twelve months on, but not past this month (unless the month itself lies ahead)
  if (query.from > fallback.to) return { from: query.from, to: query.from };
  return { from: query.from, to: minMonth(addMonthsTo(query.from, 11), fallback.to) };
}

const minMonth = (a: string, b: string) => (a < b ? a : b);

/** Reads by leaders are management information, whatever the client said (the audit log shows why). */
export function managementInformation(ctx: RequestContext): RequestContext {
  return { ...ctx, purpose: 'management_information' };
}

/** Every indicator from the facts in the (scoped) transaction; the figures are core's. */
export async function computeIndicators(tx: Tx, period: IndicatorPeriod, today: LocalDate, now: Date): Promise<Indicators> {
  const days = periodDays(period);
  const contactsOn = days.last < today ? days.last : today;
  const phaseIn = await readPhaseIn(tx);
  const screenedOn = await readLatestScreeningDay(tx);
  const offers = await readOffers(tx);
  const milestones = await readMilestones(tx);
  const caseContacts = await readCaseContacts(tx, contactsOn);
  const interventions = await readAgreedInterventions(tx);
  const complaints = await readComplaints(tx);
  const employment = await readEmploymentFacts(tx);
  const survey = await readSurveyCounts(tx);
  const withConsent = milestones.flatMap((m) => (m.consentOn === null ? [] : [{ ...m, consentOn: m.consentOn }]));
  const flagged = notStartedNow(interventions, today);
  return {
    period: { ...period, firstDay: days.first, lastDay: days.last, months: monthsIn(period) },
    today,
    generatedAt: now.toISOString(),
    smallNumber: SMALL_NUMBER,
    phaseIn: { ...phaseIn, screenedOn },
    consent: consentRate(offers, period),
    contacts: { measuredOn: contactsOn, ...contactsIndicator(caseContacts.map((c) => contactsBeforeAndNow(c.contacts, c.openedOn, contactsOn))) },
    timeToPlan: timeToMilestone(withConsent.map((m) => ({ consentOn: m.consentOn, reachedOn: m.planOn })), period),
    timeToDecision: timeToMilestone(withConsent.map((m) => ({ consentOn: m.consentOn, reachedOn: m.decisionOn })), period),
    notStarted: {
      now: { count: flagged.count, bySector: flagged.bySector.map((s) => ({ ...s, label: (SECTOR_LABELS as Record<string, string>)[s.sector] ?? s.sector })) },
      ...startTimeliness(interventions, period, today),
    },
    complaints: complaintOutcomes(complaints, period),
    employment: { definition: EMPLOYMENT_DEFINITION, years: employmentByYear(employment, yearsIn(period), today) },
    survey: { question: SURVEY_QUESTION, periods: surveyOverPeriod(survey, period) },
  };
}

