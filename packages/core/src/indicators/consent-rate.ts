import type { LocalDate } from '../local-date';
import { monthOf, monthsIn, inPeriod, type IndicatorPeriod, type YearMonth } from './period';
import { shownShare } from './statistics';

/**
 * Consent rate (SPEC C11): of the citizens offered the holistic effort, how
 * many gave their consent, said no, or withdrew it again — by the month of
 * the offer, each as things stand today.
 *
 * Offered = the earliest of a target-group assessment that offered the effort
 * and the opening of a holistic case (a case is opened to offer it).
 * Declined = never gave consent, and the case was closed. Helhed has no
 * "declined" record; closing the case without a consent is what a caseworker
 * does when the citizen says no.
 */
export interface OfferFacts {
  offeredOn: LocalDate;
  /** the first holistic-effort consent, if any */
  consentGivenOn: LocalDate | null;
  /** set when the latest holistic-effort consent action is a withdrawal */
  withdrawnOn: LocalDate | null;
  /** the case was closed and no consent was ever given */
  closedWithoutConsent: boolean;
}

export const CONSENT_OUTCOMES = ['given', 'withdrawn', 'declined', 'awaiting'] as const;
export type ConsentOutcome = (typeof CONSENT_OUTCOMES)[number];

export function consentOutcome(f: OfferFacts): ConsentOutcome {
  if (f.consentGivenOn !== null) return f.withdrawnOn !== null ? 'withdrawn' : 'given';
  return f.closedWithoutConsent ? 'declined' : 'awaiting';
}

export type ConsentCounts = Record<ConsentOutcome, number> & {
  offered: number;
  /** (given + withdrawn) / offered: everyone who said yes at some point; null below the small number */
  consentShare: number | null;
};

export function consentRate(offers: readonly OfferFacts[], period: IndicatorPeriod): { total: ConsentCounts; months: (ConsentCounts & { month: YearMonth })[] } {
  const inside = offers.filter((o) => inPeriod(o.offeredOn, period));
  const months = monthsIn(period).map((month) => ({ month, ...countOutcomes(inside.filter((o) => monthOf(o.offeredOn) === month)) }));
  return { total: countOutcomes(inside), months };
}

function countOutcomes(offers: readonly OfferFacts[]): ConsentCounts {
  const counts = { given: 0, withdrawn: 0, declined: 0, awaiting: 0 };
  for (const o of offers) counts[consentOutcome(o)] += 1;
  return { offered: offers.length, ...counts, consentShare: shownShare(counts.given + counts.withdrawn, offers.length) };
}
