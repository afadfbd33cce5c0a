import { addMonths, daysInMonth, type LocalDate } from '../local-date';

/**
 * The period an indicator is read over: whole calendar months, from and to
 * inclusive ('2026-01' … '2026-12'). Leaders think in months, quarters and
 * years; a month is the smallest group that still hides single citizens.
 */
export type YearMonth = string;
export interface IndicatorPeriod {
  from: YearMonth;
  to: YearMonth;
}

const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** Five years: enough for year-on-year comparisons, small enough to read on one page. */
export const MAX_PERIOD_MONTHS = 60;

export function isYearMonth(value: unknown): value is YearMonth {
  return typeof value === 'string' && YEAR_MONTH.test(value);
}

/** The month a day belongs to: '2026-11-23' → '2026-11'. */
export function monthOf(date: LocalDate): YearMonth {
  return date.slice(0, 7);
}

export function firstDayOf(month: YearMonth): LocalDate {
  return `${month}-01`;
}

export function lastDayOf(month: YearMonth): LocalDate {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(daysInMonth(year, m)).padStart(2, '0')}`;
}

export function addMonthsTo(month: YearMonth, months: number): YearMonth {
  return monthOf(addMonths(firstDayOf(month), months));
}

/** Number of months from `from` to `to`, both included (0 or less when `to` is before `from`). */
export function monthCount(period: IndicatorPeriod): number {
  const index = (m: YearMonth) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));
  return index(period.to) - index(period.from) + 1;
}

/** Every month of the period, in order. */
export function monthsIn(period: IndicatorPeriod): YearMonth[] {
  return Array.from({ length: Math.max(0, monthCount(period)) }, (_, i) => addMonthsTo(period.from, i));
}

/** The calendar years the period touches. */
export function yearsIn(period: IndicatorPeriod): number[] {
  const first = Number(period.from.slice(0, 4));
  const last = Number(period.to.slice(0, 4));
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
}

/** The first and the last day of the period. */
export function periodDays(period: IndicatorPeriod): { first: LocalDate; last: LocalDate } {
  return { first: firstDayOf(period.from), last: lastDayOf(period.to) };
}

/** The twelve months that end with the current one. */
export function defaultPeriod(today: LocalDate): IndicatorPeriod {
  const to = monthOf(today);
  return { from: addMonthsTo(to, -11), to };
}

export interface PeriodProblem {
  field: 'from' | 'to';
  message: string;
}

/** What is wrong with a period, in Danish (empty when nothing is). The format itself is the schema's job. */
export function periodProblems(period: IndicatorPeriod): PeriodProblem[] {
  const count = monthCount(period);
  if (count < 1) return [{ field: 'to', message: 'Slutmåneden ligger før startmåneden.' }];
  if (count > MAX_PERIOD_MONTHS) return [{ field: 'to', message: `Perioden kan højst være ${MAX_PERIOD_MONTHS} måneder (${MAX_PERIOD_MONTHS / 12} år).` }];
  return [];
}

/** Whether a day lies inside the period. */
export function inPeriod(date: LocalDate, period: IndicatorPeriod): boolean {
  const m = monthOf(date);
  return m >= period.from && m <= period.to;
}
