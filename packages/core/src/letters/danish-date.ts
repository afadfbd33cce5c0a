import { isLocalDate, isoWeekday, type LocalDate } from '../local-date';

const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'] as const;
const WEEKDAYS = ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'] as const;

/** '2026-05-04' → '4. maj 2026' (Danish, as in a letter). */
export function danishDate(date: LocalDate): string {
  if (!isLocalDate(date)) throw new RangeError(`Ugyldig dato: "${date}".`);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${day}. ${MONTHS[month - 1]} ${year}`;
}

/** '2026-05-04' → 'mandag den 4. maj 2026': how a deadline is written out in a letter. */
export function danishDateWithWeekday(date: LocalDate): string {
  return `${WEEKDAYS[isoWeekday(date) - 1]} den ${danishDate(date)}`;
}
