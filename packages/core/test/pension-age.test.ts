import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, ageOn, compareDates, type LocalDate } from '../src/local-date';
import {
  formatPensionAge,
  hasReachedPensionAge,
  PENSION_AGE_BANDS,
  pensionAgeMonths,
  pensionDate,
  reachesAgeOn,
} from '../src/target-group/pension-age';

/** Any date 1900–2100, with extra weight on the days around 29 February and month ends. */
const dateArb: fc.Arbitrary<LocalDate> = fc.oneof(
  fc.integer({ min: 0, max: 73_000 }).map((n) => addDays('1900-01-01', n)),
  fc
    .tuple(fc.integer({ min: 1900, max: 2100 }), fc.constantFrom('02-27', '02-28', '02-29', '03-01', '03-31', '04-30', '05-31'))
    .map(([year, monthDay]) => `${year}-${monthDay}`)
    .filter((d) => !d.endsWith('02-29') || (Number(d.slice(0, 4)) % 4 === 0 && (Number(d.slice(0, 4)) % 100 !== 0 || Number(d.slice(0, 4)) % 400 === 0))),
);

describe('PENSION_AGE_BANDS (SPEC §5 table)', () => {
  it('is exactly the SPEC §5 table, in months', () => {
    expect(PENSION_AGE_BANDS).toEqual([
      { bornFrom: null, bornBefore: '1954-01-01', months: 780 },
      { bornFrom: '1954-01-01', bornBefore: '1954-07-01', months: 786 },
      { bornFrom: '1954-07-01', bornBefore: '1955-01-01', months: 792 },
      { bornFrom: '1955-01-01', bornBefore: '1963-01-01', months: 804 },
      { bornFrom: '1963-01-01', bornBefore: '1967-01-01', months: 816 },
      { bornFrom: '1967-01-01', bornBefore: '1971-01-01', months: 828 },
      { bornFrom: '1971-01-01', bornBefore: null, months: 840 },
    ]);
  });

  it('tiles the calendar: open at both ends, each band starting where the previous ends, ages rising', () => {
    expect(PENSION_AGE_BANDS[0]?.bornFrom).toBeNull();
    expect(PENSION_AGE_BANDS.at(-1)?.bornBefore).toBeNull();
    for (let i = 1; i < PENSION_AGE_BANDS.length; i++) {
      const previous = PENSION_AGE_BANDS[i - 1]!;
      const band = PENSION_AGE_BANDS[i]!;
      expect(band.bornFrom).toBe(previous.bornBefore);
      expect(compareDates(band.bornFrom!, band.bornBefore ?? '9999-12-31')).toBe(-1);
      expect(band.months).toBeGreaterThan(previous.months);
    }
  });
});

describe('pensionAgeMonths at every band boundary', () => {
  it.each([
    ['1900-01-01', 780],
    ['1953-12-31', 780],
    ['1954-01-01', 786],
    ['1954-06-30', 786],
    ['1954-07-01', 792],
    ['1954-12-31', 792],
    ['1955-01-01', 804],
    // SPEC §5 keeps 67 for the first half of 1955; lov om social pension § 1 a, nr. 4 says 66½ (798). See pension-age.ts.
    ['1955-06-30', 804],
    ['1962-12-31', 804],
    ['1963-01-01', 816],
    ['1966-12-31', 816],
    ['1967-01-01', 828],
    ['1970-12-31', 828],
    ['1971-01-01', 840],
    ['2008-02-29', 840],
  ] as const)('born %s: %i months', (birthDate, months) => {
    expect(pensionAgeMonths(birthDate)).toBe(months);
  });
});

describe('pensionDate', () => {
  it.each([
    ['1953-12-31', '2018-12-31'], // 65
    ['1954-01-01', '2019-07-01'], // 65½
    ['1954-06-30', '2019-12-30'],
    ['1954-07-01', '2020-07-01'], // 66
    ['1954-12-31', '2020-12-31'],
    ['1955-01-01', '2022-01-01'], // 67
    ['1962-12-31', '2029-12-31'],
    ['1963-01-01', '2031-01-01'], // 68
    ['1966-12-31', '2034-12-31'],
    ['1967-01-01', '2036-01-01'], // 69
    ['1970-12-31', '2039-12-31'],
    ['1971-01-01', '2041-01-01'], // 70
    // 29 February: 1 March in a common year (as ageOn), 29 February in a leap year.
    ['1956-02-29', '2023-03-01'],
    ['1964-02-29', '2032-02-29'],
    ['1952-02-29', '2017-03-01'],
    ['1972-02-29', '2042-03-01'],
    // 65½: a day the target month lacks moves to the 1st of the next month, never back.
    ['1954-03-31', '2019-10-01'],
    ['1954-05-31', '2019-12-01'],
    ['1954-01-31', '2019-07-31'],
    ['1954-02-28', '2019-08-28'],
  ] as const)('born %s reaches folkepensionsalderen on %s', (birthDate, expected) => {
    expect(pensionDate(birthDate)).toBe(expected);
  });

  it.each([
    ['1953-12-31', '2018-12-30', false],
    ['1953-12-31', '2018-12-31', true],
    ['1954-01-01', '2019-06-30', false],
    ['1954-01-01', '2019-07-01', true],
    ['1954-06-30', '2019-12-29', false],
    ['1954-06-30', '2019-12-30', true],
    ['1954-07-01', '2020-06-30', false],
    ['1954-07-01', '2020-07-01', true],
    ['1962-12-31', '2029-12-30', false],
    ['1962-12-31', '2029-12-31', true],
    ['1963-01-01', '2030-12-31', false],
    ['1963-01-01', '2031-01-01', true],
    ['1972-02-29', '2042-02-28', false],
    ['1972-02-29', '2042-03-01', true],
    ['1972-02-29', '2042-03-02', true],
  ] as const)('born %s, on %s: reached %s', (birthDate, onDate, reached) => {
    expect(hasReachedPensionAge(birthDate, onDate)).toBe(reached);
  });

  it('agrees with ageOn for the whole-year bands (property)', () => {
    fc.assert(
      fc.property(dateArb, dateArb, (birthDate, onDate) => {
        fc.pre(compareDates(birthDate, onDate) <= 0);
        const months = pensionAgeMonths(birthDate);
        fc.pre(months % 12 === 0);
        expect(hasReachedPensionAge(birthDate, onDate)).toBe(ageOn(birthDate, onDate) >= months / 12);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('reachesAgeOn', () => {
  it('is consistent with ageOn: ageOn(b, d) >= y ⟺ d >= reachesAgeOn(b, 12y) (property)', () => {
    fc.assert(
      fc.property(dateArb, dateArb, fc.integer({ min: 0, max: 80 }), (birthDate, onDate, years) => {
        fc.pre(compareDates(birthDate, onDate) <= 0);
        expect(compareDates(onDate, reachesAgeOn(birthDate, 12 * years)) >= 0).toBe(ageOn(birthDate, onDate) >= years);
      }),
      { numRuns: 3000 },
    );
  });

  it('is monotone in the birth date (so birth-date thresholds exist)', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 900 }), (birthDate, months) => {
        expect(compareDates(reachesAgeOn(birthDate, months), reachesAgeOn(addDays(birthDate, 1), months))).toBeLessThanOrEqual(0);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['2000-02-29', 300, '2025-03-01'],
    ['2000-02-29', 288, '2024-02-29'],
    ['2004-02-29', 216, '2022-03-01'],
    ['2000-08-31', 6, '2001-03-01'],
    ['2000-01-31', 1, '2000-03-01'],
    ['2001-01-31', 1, '2001-03-01'],
    ['2000-01-30', 1, '2000-03-01'],
    ['2000-01-29', 1, '2000-02-29'],
    ['2000-12-31', 12, '2001-12-31'],
  ] as const)('born %s, %i months: %s', (birthDate, months, expected) => {
    expect(reachesAgeOn(birthDate, months)).toBe(expected);
  });
});

describe('formatPensionAge', () => {
  it.each([
    [780, '65 år'],
    [786, '65½ år'],
    [804, '67 år'],
    [800, '66 år og 8 måneder'],
  ] as const)('%i months: %s', (months, text) => {
    expect(formatPensionAge(months)).toBe(text);
  });
});
