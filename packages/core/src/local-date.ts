/**
 * Calendar dates as 'YYYY-MM-DD' strings. Domain rules (deadlines, ages,
 * rule-set dates) are about Danish calendar days, not instants, so they never
 * touch a time zone; the one bridge from an instant is `todayInCopenhagen`.
 */

import { copenhagenClock } from './copenhagen-clock';

/** A calendar date 'YYYY-MM-DD' (proleptic Gregorian, years 0000–9999). */
export type LocalDate = string;

const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

interface Ymd {
  year: number;
  month: number;
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function tryParse(value: string): Ymd | null {
  const match = LOCAL_DATE_PATTERN.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isLocalDate(value: unknown): value is LocalDate {
  return typeof value === 'string' && tryParse(value) !== null;
}

function parse(value: LocalDate): Ymd {
  const ymd = tryParse(value);
  if (!ymd) throw new RangeError(`Ugyldig dato: "${value}". Datoen skal have formen ÅÅÅÅ-MM-DD.`);
  return ymd;
}

function format({ year, month, day }: Ymd): LocalDate {
  if (year < 0 || year > 9999) throw new RangeError('Datoen ligger uden for årene 0000–9999.');
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// Integer day numbers (days since 1970-01-01) make day arithmetic exact and
// independent of Date's time-zone and two-digit-year quirks.
// Algorithm: Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms".
function toDayNumber({ year, month, day }: Ymd): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function fromDayNumber(dayNumber: number): Ymd {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

function requireInteger(n: number, what: string): void {
  if (!Number.isInteger(n)) throw new RangeError(`${what} skal være et helt tal.`);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  requireInteger(days, 'Antal dage');
  return format(fromDayNumber(toDayNumber(parse(date)) + days));
}

export function addWeeks(date: LocalDate, weeks: number): LocalDate {
  requireInteger(weeks, 'Antal uger');
  return addDays(date, weeks * 7);
}

/**
 * Adds calendar months. When the target month is shorter than the start day
 * (31 January + 1 month), the result is clamped to the target month's last day
 * (28/29 February). This is the Danish statutory rule for periods counted in
 * months (e.g. forældelsesloven § 27, stk. 1): with no corresponding day in
 * the final month, the period ends on that month's last day, so a deadline
 * never spills into the next month.
 */
export function addMonths(date: LocalDate, months: number): LocalDate {
  requireInteger(months, 'Antal måneder');
  const { year, month, day } = parse(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return format({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) });
}

/**
 * Adds calendar years: 29 February + 1 year → 28 February. Same month-end
 * clamping as `addMonths` (and identical to `addMonths(date, 12 * years)`),
 * because a period counted in years must end inside its final month; the
 * alternative, 1 March, would lengthen the period by a day.
 * Ages are different — see `ageOn`.
 */
export function addYears(date: LocalDate, years: number): LocalDate {
  requireInteger(years, 'Antal år');
  return addMonths(date, years * 12);
}

/** -1, 0 or 1; usable directly as an `Array.prototype.sort` comparator. */
export function compareDates(a: LocalDate, b: LocalDate): -1 | 0 | 1 {
  const difference = toDayNumber(parse(a)) - toDayNumber(parse(b));
  return difference < 0 ? -1 : difference > 0 ? 1 : 0;
}

/** Signed number of days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toDayNumber(parse(to)) - toDayNumber(parse(from));
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  // 1970-01-01 was a Thursday (ISO 4).
  const weekday = ((((toDayNumber(parse(date)) + 3) % 7) + 7) % 7) + 1;
  return weekday as 1 | 2 | 3 | 4 | 5 | 6 | 7;
}

/** The Danish calendar date of an instant (Europe/Copenhagen, DST included). */
export function todayInCopenhagen(now: Date): LocalDate {
  const f = copenhagenClock(now);
  return format({ year: f.y, month: f.mo, day: f.d });
}

/**
 * Age in whole years on `onDate`. Someone born 29 February has their
 * birthday on 1 March in non-leap years — the Danish rule used e.g. for
 * reaching folkepensionsalder — so they turn a year older on 1 March, not
 * 28 February. (This deliberately differs from `addYears`' clamping: an age
 * is reached no earlier than the full years have passed.)
 */
export function ageOn(birthDate: LocalDate, onDate: LocalDate): number {
  const birth = parse(birthDate);
  const on = parse(onDate);
  if (compareDates(onDate, birthDate) < 0) {
    throw new RangeError('Datoen ligger før fødselsdatoen.');
  }
  const leapling = birth.month === 2 && birth.day === 29;
  const [birthdayMonth, birthdayDay] = leapling && !isLeapYear(on.year) ? [3, 1] : [birth.month, birth.day];
  const birthdayReached = on.month > birthdayMonth || (on.month === birthdayMonth && on.day >= birthdayDay);
  return on.year - birth.year - (birthdayReached ? 0 : 1);
}
