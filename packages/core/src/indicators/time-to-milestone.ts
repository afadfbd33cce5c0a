import { daysBetween, type LocalDate } from '../local-date';
import { inPeriod, monthOf, monthsIn, type IndicatorPeriod, type YearMonth } from './period';
import { shownSpread, type Spread } from './statistics';

/**
 * Time from consent to the first plan version and to the first issued
 * decision (SPEC C11): per month of consent, how many consented, how many
 * have reached the milestone, how many still wait, and the days it took —
 * median and quartiles of those who reached it. Those still waiting are
 * counted, not guessed: their time is not yet known.
 */
export interface MilestoneFacts {
  /** the case's first holistic-effort consent */
  consentOn: LocalDate;
  /** the first plan version / issued decision, null while none */
  reachedOn: LocalDate | null;
}

export interface MilestoneFigures {
  consents: number;
  reached: number;
  waiting: number;
  /** days from consent to the milestone; null below the small number */
  days: Spread | null;
}

export function timeToMilestone(facts: readonly MilestoneFacts[], period: IndicatorPeriod): { total: MilestoneFigures; months: (MilestoneFigures & { month: YearMonth })[] } {
  const inside = facts.filter((f) => inPeriod(f.consentOn, period));
  return {
    total: figures(inside),
    months: monthsIn(period).map((month) => ({ month, ...figures(inside.filter((f) => monthOf(f.consentOn) === month)) })),
  };
}

function figures(facts: readonly MilestoneFacts[]): MilestoneFigures {
  // A milestone dated before the consent (only possible in imported history) took no time, not negative time.
  const days = facts.flatMap((f) => (f.reachedOn === null ? [] : [Math.max(0, daysBetween(f.consentOn, f.reachedOn))]));
  return { consents: facts.length, reached: days.length, waiting: facts.length - days.length, days: shownSpread(days) };
}
