/**
 * Folkepensionsalder by birth date (SPEC §5, C2): the upper age limit of the
 * target group. Citizens at or above their own folkepensionsalder stay under
 * sector law (seed 001: "borgere over folkepensionsalderen vil ligesom i dag
 * skulle ydes efter relevant sektorlovgivning").
 *
 * The bands are data, in the shape the server's SQL compiler needs (half-open
 * birth-date intervals), and are the table in SPEC §5:
 *
 *   born before 1954-01-01          65    (780 months)
 *   1954-01-01 – 1954-06-30         65½   (786)
 *   1954-07-01 – 1954-12-31         66    (792)
 *   1955-01-01 – 1962-12-31         67    (804)
 *   1963-01-01 – 1966-12-31         68    (816)
 *   1967-01-01 – 1970-12-31         69    (828)
 *   from 1971-01-01                 70    (840)
 *
 * Sources: lov om social pension § 1 a, as built up by
 *  - velfærdsaftalen (2006) and the 2006 amendment "gradvis forhøjelse af
 *    folkepensionsalderen til 67 år", with regular adjustment to life
 *    expectancy (§ 1 a, stk. 2–3);
 *  - tilbagetrækningsreformen (2011), which brought the rise from 65 to 67
 *    forward to 2019–2022 in half-year steps (the 1954 and 1955 bands);
 *  - lov nr. 1810 af 23. december 2015: 68 for those born 1963–1966;
 *  - the 2020 adjustment: 69 for those born 1967–1970;
 *  - the 2025 law (vedtaget maj 2025): 70 for those born from 1971.
 *
 * VERIFY — one known difference from the law: § 1 a, nr. 4 gives 66½ years
 * (798 months) to those born 1955-01-01 – 1955-06-30, and nr. 5 gives 67 from
 * 1955-07-01. SPEC §5 folds the first half of 1955 into the 67 band, and this
 * table keeps SPEC's value as instructed. The difference matters only for
 * evaluation dates 2021-07-01 – 2022-12-31 (everybody born in 1955 had
 * reached 67 by the end of 2022), i.e. when re-explaining screenings of that
 * period. To follow the law, split the 1955–1962 band into
 * { 1955-01-01, 1955-07-01, 798 } and { 1955-07-01, 1963-01-01, 804 }.
 * The other bands agree with § 1 a as amended through 2025.
 */
import { addMonths, compareDates, daysInMonth, type LocalDate } from '../local-date';
import type { RuleSource } from '../rules/types';

export interface PensionAgeBand {
  /** first birth date of the band (inclusive); null = open (no lower bound) */
  bornFrom: LocalDate | null;
  /** first birth date after the band (exclusive); null = open (no upper bound) */
  bornBefore: LocalDate | null;
  /** folkepensionsalder in whole months (65½ years = 786) */
  months: number;
}

export const PENSION_AGE_BANDS: readonly PensionAgeBand[] = [
  { bornFrom: null, bornBefore: '1954-01-01', months: 65 * 12 },
  { bornFrom: '1954-01-01', bornBefore: '1954-07-01', months: 65 * 12 + 6 },
  { bornFrom: '1954-07-01', bornBefore: '1955-01-01', months: 66 * 12 },
  // SPEC §5 as instructed; the law has 66½ for 1955-01-01 – 1955-06-30 (see above).
  { bornFrom: '1955-01-01', bornBefore: '1963-01-01', months: 67 * 12 },
  { bornFrom: '1963-01-01', bornBefore: '1967-01-01', months: 68 * 12 },
  { bornFrom: '1967-01-01', bornBefore: '1971-01-01', months: 69 * 12 },
  { bornFrom: '1971-01-01', bornBefore: null, months: 70 * 12 },
];

export const PENSION_AGE_SOURCE: RuleSource = {
  law: 'Lov om social pension (velfærdsaftalen 2006, tilbagetrækningsreformen 2011, senere forhøjelser)',
  paragraph: '§ 1 a',
  document: 'SPEC.md §5',
};

function bandOf(birthDate: LocalDate): PensionAgeBand {
  const band = PENSION_AGE_BANDS.find(
    (b) =>
      (b.bornFrom === null || compareDates(birthDate, b.bornFrom) >= 0) &&
      (b.bornBefore === null || compareDates(birthDate, b.bornBefore) < 0),
  );
  // The bands cover every date (open at both ends); the tests check that they tile.
  if (!band) throw new RangeError(`Ingen folkepensionsalder for fødselsdato ${birthDate}.`);
  return band;
}

/** The citizen's folkepensionsalder in months, by birth date. */
export function pensionAgeMonths(birthDate: LocalDate): number {
  return bandOf(birthDate).months;
}

/**
 * The date someone born on `birthDate` reaches an age of `months` months:
 * the same day of the month, `months` later; when that day does not exist in
 * the target month (29 February in a common year, the 31st of a 30-day
 * month) it is the first day of the next month. An age is reached no earlier
 * than the full period has passed — the rule `ageOn` applies to 29 February
 * births — so `ageOn(b, d) >= y` ⟺ `d >= reachesAgeOn(b, 12 * y)`.
 * (Periods and deadlines clamp to the month's last day instead: `addMonths`.)
 */
export function reachesAgeOn(birthDate: LocalDate, months: number): LocalDate {
  const clamped = addMonths(birthDate, months);
  const birthDay = Number(birthDate.slice(8, 10));
  const year = Number(clamped.slice(0, 4));
  const month = Number(clamped.slice(5, 7));
  // Clamped means the day did not exist: the age is reached the day after the month's last day.
  return birthDay > daysInMonth(year, month) ? addMonths(`${clamped.slice(0, 8)}01`, 1) : clamped;
}

/** The date the citizen reaches folkepensionsalderen. */
export function pensionDate(birthDate: LocalDate): LocalDate {
  return reachesAgeOn(birthDate, pensionAgeMonths(birthDate));
}

export function hasReachedPensionAge(birthDate: LocalDate, onDate: LocalDate): boolean {
  return compareDates(onDate, pensionDate(birthDate)) >= 0;
}

/** Danish, for labels: 786 → '65½ år'. */
export function formatPensionAge(months: number): string {
  const years = Math.floor(months / 12);
  const rest = months - years * 12;
  if (rest === 0) return `${years} år`;
  if (rest === 6) return `${years}½ år`;
  return `${years} år og ${rest} måneder`;
}
