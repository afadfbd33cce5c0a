/**
 * Danish working days for deadline arithmetic (klagefrist, genvurdering,
 * afgørelse efter tilbagekaldt samtykke).
 *
 * Danish deadline practice moves a deadline that ends on a day the offices
 * are closed to the next working day. Closed days are Saturdays, Sundays, the
 * helligdage (from `date-holidays`, country 'DK', type 'public') and the
 * calendar's `extraClosedDays`.
 */
import Holidays from 'date-holidays';
import { addDays, isoWeekday, type LocalDate } from './local-date';

/** A day of the year as 'MM-DD'. */
export type MonthDay = string;

export interface WorkingDayCalendar {
  /** Days closed every year in addition to weekends and helligdage. */
  readonly extraClosedDays: readonly MonthDay[];
}

/**
 * Grundlovsdag (5 June), juleaftensdag (24 December) and nytårsaftensdag
 * (31 December) are not helligdage, and `date-holidays` lists them only as
 * 'observance'. Public offices are nonetheless closed on them, and Danish
 * statutory deadline rules treat them like helligdage: forældelsesloven
 * § 27, stk. 2 names exactly weekends, helligdage, grundlovsdag, 24 and 31
 * December, and administrative practice counts deadlines the same way when
 * the sector law says nothing else. Moving a deadline
 * one day too far only ever favours the citizen; one day too short could cut
 * off a complaint, so the default includes them.
 * 1 May and the Friday after Kristi Himmelfartsdag are ordinary working days
 * for deadlines and are not included; a municipality can pass its own calendar.
 */
export const DANISH_ADMINISTRATIVE_CALENDAR: WorkingDayCalendar = {
  extraClosedDays: ['06-05', '12-24', '12-31'],
};

/** Only weekends and helligdage; for rules that name helligdage alone. */
export const PUBLIC_HOLIDAYS_ONLY_CALENDAR: WorkingDayCalendar = { extraClosedDays: [] };

let holidaySource: Holidays | undefined;
// Deadline code calls this once per day in loops; date-holidays recomputes the
// whole year on every call, so each year is computed once and kept.
const holidaysByYear = new Map<number, ReadonlyMap<LocalDate, string>>();

function holidaysOf(year: number): ReadonlyMap<LocalDate, string> {
  let holidays = holidaysByYear.get(year);
  if (!holidays) {
    holidaySource ??= new Holidays('DK', { types: ['public'] });
    holidays = new Map(
      holidaySource
        .getHolidays(year, 'da')
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => [holiday.date.slice(0, 10), holiday.name] as const),
    );
    holidaysByYear.set(year, holidays);
  }
  return holidays;
}

/** The helligdage of a year, in date order, with their Danish names. */
export function danishPublicHolidays(year: number): readonly { date: LocalDate; name: string }[] {
  return [...holidaysOf(year)]
    .map(([date, name]) => ({ date, name }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Whether the date is a helligdag (Sundays that are not named holidays are not). */
export function isDanishPublicHoliday(date: LocalDate): boolean {
  addDays(date, 0); // validates before the year is read from the string
  return holidaysOf(Number(date.slice(0, 4))).has(date);
}

export function isWorkingDay(
  date: LocalDate,
  calendar: WorkingDayCalendar = DANISH_ADMINISTRATIVE_CALENDAR,
): boolean {
  if (isoWeekday(date) >= 6) return false; // also validates the date
  if (calendar.extraClosedDays.includes(date.slice(5))) return false;
  return !isDanishPublicHoliday(date);
}

export function nextWorkingDayOnOrAfter(
  date: LocalDate,
  calendar: WorkingDayCalendar = DANISH_ADMINISTRATIVE_CALENDAR,
): LocalDate {
  let day = date;
  while (!isWorkingDay(day, calendar)) day = addDays(day, 1);
  return day;
}

/**
 * Counts `n` working days after `date` (the start day itself never counts);
 * negative `n` counts backwards. `n = 0` returns `date` unchanged, even on a
 * closed day, so that adding a+b working days equals adding a, then b.
 */
export function addWorkingDays(
  date: LocalDate,
  n: number,
  calendar: WorkingDayCalendar = DANISH_ADMINISTRATIVE_CALENDAR,
): LocalDate {
  if (!Number.isInteger(n)) throw new RangeError('Antal arbejdsdage skal være et helt tal.');
  const step = n < 0 ? -1 : 1;
  let day = addDays(date, 0); // validates the date when n = 0
  for (let remaining = Math.abs(n); remaining > 0; ) {
    day = addDays(day, step);
    if (isWorkingDay(day, calendar)) remaining -= 1;
  }
  return day;
}

/**
 * A deadline ending on a Saturday, Sunday, helligdag or extra closed day
 * moves to the next working day; a deadline on a working day stays.
 */
export function deadlineMovedToWorkingDay(
  date: LocalDate,
  calendar: WorkingDayCalendar = DANISH_ADMINISTRATIVE_CALENDAR,
): LocalDate {
  return nextWorkingDayOnOrAfter(date, calendar);
}
