import {
  complaintOutcomes,
  consentRate,
  contactsBeforeAndNow,
  contactsIndicator,
  defaultPeriod,
  EMPLOYMENT_DEFINITION,
  employmentByYear,
  monthsIn,
  notStartedNow,
  periodDays,
  periodProblems,
  SECTOR_LABELS,
  SMALL_NUMBER,
  startTimeliness,
  SURVEY_QUESTION,
  surveyOverPeriod,
  timeToMilestone,
  todayInCopenhagen,
  yearsIn,
  addMonthsTo,
  indicatorTable,
  TABLE_COLUMNS,
  toCsv,
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
  const fallback = defaultPeriod(today);
  const period: IndicatorPeriod =
    query.from && query.to
      ? { from: query.from, to: query.to }
      : query.from
        ? { from: query.from, to: query.from > fallback.to ? query.from : minMonth(addMonthsTo(query.from, 11), fallback.to) }
        : query.to
          ? { from: addMonthsTo(query.to, -11), to: query.to }
          : fallback;
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

const minMonth = (a: string, b: string) => (a < b ? a : b);

/** Reads by leaders are management information, whatever the client said (the audit log shows why). */
export function managementInformation(ctx: RequestContext): RequestContext {
  return { ...ctx, purpose: 'management_information' };
}

export async function computeIndicators(tx: Tx, period: IndicatorPeriod, today: LocalDate, now: Date): Promise<Indicators> {
  const days = periodDays(period);
  const contactsOn = days.last < today ? days.last : today;
  const [phaseIn, screenedOn, offers, milestones, caseContacts, interventions, complaints, employment, survey] = [
    await readPhaseIn(tx),
    await readLatestScreeningDay(tx),
    await readOffers(tx),
    await readMilestones(tx),
    await readCaseContacts(tx, contactsOn),
    await readAgreedInterventions(tx),
    await readComplaints(tx),
    await readEmploymentFacts(tx),
    await readSurveyCounts(tx),
  ];
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

