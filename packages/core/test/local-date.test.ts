import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addWeeks,
  addYears,
  ageOn,
  compareDates,
  daysBetween,
  isLocalDate,
  isoWeekday,
  todayInCopenhagen,
} from '../src/local-date';

// Any date 1800-01-01 … 2199-12-31, built by day offset so it is always valid.
const SPAN_DAYS = daysBetween('1800-01-01', '2199-12-31');
const localDate = fc.integer({ min: 0, max: SPAN_DAYS }).map((n) => addDays('1800-01-01', n));

describe('isLocalDate', () => {
  it.each([
    ['2026-01-31', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2023-02-29', false],
    ['1900-02-29', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['2026-1-5', false],
    ['2026-01-05T00:00:00Z', false],
    [' 2026-01-05', false],
    ['', false],
  ])('%s → %s', (value, expected) => {
    expect(isLocalDate(value)).toBe(expected);
  });

  it('rejects non-strings', () => {
    expect(isLocalDate(20260105)).toBe(false);
    expect(isLocalDate(null)).toBe(false);
  });
});

describe('addDays / addWeeks', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-03-29', 1, '2026-03-30'], // DST change in Denmark: no effect on dates
    ['2026-01-01', 365, '2027-01-01'],
    ['2024-01-01', 366, '2025-01-01'],
    ['1858-01-01', 0, '1858-01-01'],
  ])('addDays(%s, %i) = %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it('adds weeks as 7 days', () => {
    expect(addWeeks('2026-03-20', 4)).toBe('2026-04-17');
    expect(addWeeks('2026-12-17', 2)).toBe('2026-12-31');
    expect(addWeeks('2026-01-07', -1)).toBe('2025-12-31');
  });

  it('rejects invalid dates and fractional counts with a Danish message', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(/Ugyldig dato/);
    expect(() => addDays('2026-02-01', 1.5)).toThrow(/helt tal/);
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
  });

  it('property: addDays then daysBetween round-trips', () => {
    fc.assert(
      fc.property(localDate, fc.integer({ min: -5000, max: 5000 }), (date, n) => {
        const later = addDays(date, n);
        expect(isLocalDate(later)).toBe(true);
        expect(daysBetween(date, later)).toBe(n);
        expect(addDays(later, -n)).toBe(date);
      }),
    );
  });

  it('property: agrees with Date in UTC', () => {
    fc.assert(
      fc.property(localDate, fc.integer({ min: -1000, max: 1000 }), (date, n) => {
        const viaDate = new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
        expect(addDays(date, n)).toBe(viaDate);
      }),
    );
  });
});

describe('addMonths (clamps to month end)', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-11-30', 2, '2027-01-30'],
    ['2026-12-31', 1, '2027-01-31'],
    ['2026-05-31', -12, '2025-05-31'],
    ['2026-01-31', 13, '2027-02-28'],
  ])('addMonths(%s, %i) = %s', (date, n, expected) => {
    expect(addMonths(date, n)).toBe(expected);
  });

  it('property: the day of month is kept unless the target month is shorter', () => {
    fc.assert(
      fc.property(localDate, fc.integer({ min: -600, max: 600 }), (date, n) => {
        const result = addMonths(date, n);
        const day = Number(date.slice(8));
        const resultDay = Number(result.slice(8));
        expect(resultDay).toBeLessThanOrEqual(day);
        if (resultDay < day) expect(addDays(result, 1).slice(8)).toBe('01'); // clamped: last day of month
      }),
    );
  });
});

describe('addYears (29 February → 28 February)', () => {
  it.each([
    ['2024-02-29', 1, '2025-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2024-02-29', -1, '2023-02-28'],
    ['2000-02-29', 100, '2100-02-28'],
    ['2026-06-05', 2, '2028-06-05'],
    ['2026-12-31', 1, '2027-12-31'],
  ])('addYears(%s, %i) = %s', (date, n, expected) => {
    expect(addYears(date, n)).toBe(expected);
  });
});

describe('compareDates / daysBetween / isoWeekday', () => {
  it.each([
    ['2026-01-01', '2026-01-02', -1],
    ['2026-01-02', '2026-01-01', 1],
    ['2026-01-01', '2026-01-01', 0],
    ['1999-12-31', '2000-01-01', -1],
  ] as const)('compareDates(%s, %s) = %i', (a, b, expected) => {
    expect(compareDates(a, b)).toBe(expected);
  });

  it('sorts dates', () => {
    expect(['2026-03-01', '2025-12-31', '2026-02-28'].sort(compareDates)).toEqual([
      '2025-12-31',
      '2026-02-28',
      '2026-03-01',
    ]);
  });

  it('counts signed days', () => {
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2026-03-10', '2026-03-01')).toBe(-9);
  });

  it.each([
    ['2026-04-02', 4], // Skærtorsdag, Thursday
    ['2026-04-05', 7], // Påskedag, Sunday
    ['2026-06-05', 5],
    ['1970-01-01', 4],
    ['2000-01-01', 6],
  ] as const)('isoWeekday(%s) = %i', (date, expected) => {
    expect(isoWeekday(date)).toBe(expected);
  });
});

describe('todayInCopenhagen', () => {
  it.each([
    ['2026-01-15T22:59:59Z', '2026-01-15'], // 23:59:59 CET
    ['2026-01-15T23:00:00Z', '2026-01-16'], // 00:00 CET
    ['2026-03-28T23:30:00Z', '2026-03-29'], // 00:30 CET, the night DST starts
    ['2026-03-29T21:59:59Z', '2026-03-29'], // 23:59:59 CEST
    ['2026-03-29T22:00:00Z', '2026-03-30'], // 00:00 CEST
    ['2026-06-30T22:00:00Z', '2026-07-01'],
    ['2026-10-24T22:00:00Z', '2026-10-25'], // 00:00 CEST, the night DST ends
    ['2026-10-25T22:59:59Z', '2026-10-25'], // 23:59:59 CET
    ['2026-12-31T23:00:00Z', '2027-01-01'],
  ])('%s → %s', (iso, expected) => {
    expect(todayInCopenhagen(new Date(iso))).toBe(expected);
  });

  it('rejects an invalid Date', () => {
    expect(() => todayInCopenhagen(new Date('nonsense'))).toThrow(RangeError);
  });
});

describe('ageOn', () => {
  it.each([
    ['1990-06-15', '2026-06-14', 35],
    ['1990-06-15', '2026-06-15', 36],
    ['1990-06-15', '2026-06-16', 36],
    ['1990-06-15', '1990-06-15', 0],
    ['1990-12-31', '1991-12-30', 0],
    ['1990-12-31', '1991-12-31', 1],
    // 29 February: birthday on 1 March in non-leap years …
    ['1960-02-29', '2027-02-28', 66],
    ['1960-02-29', '2027-03-01', 67],
    ['1960-02-29', '2027-03-02', 67],
    // … and on 29 February in leap years.
    ['1960-02-29', '2028-02-28', 67],
    ['1960-02-29', '2028-02-29', 68],
    ['1960-02-29', '2028-03-01', 68],
    // Born 1 March: unaffected by leap years.
    ['1959-03-01', '2027-02-28', 67],
    ['1959-03-01', '2028-02-29', 68],
    ['1959-03-01', '2028-03-01', 69],
    // Born 28 February: birthday on 28 February in both kinds of year.
    ['1959-02-28', '2027-02-28', 68],
    ['1959-02-28', '2028-02-28', 69],
  ])('born %s, on %s → %i', (birth, on, expected) => {
    expect(ageOn(birth, on)).toBe(expected);
  });

  it('rejects a date before birth', () => {
    expect(() => ageOn('2000-01-02', '2000-01-01')).toThrow(/før fødselsdatoen/);
  });

  it('property: the age rises by exactly one on each birthday and never otherwise', () => {
    fc.assert(
      fc.property(localDate, fc.integer({ min: 0, max: 40_000 }), (birth, offset) => {
        const day = addDays(birth, offset);
        const next = addDays(day, 1);
        const increase = ageOn(birth, next) - ageOn(birth, day);
        expect([0, 1]).toContain(increase);
        const birthday = next.slice(5) === birth.slice(5) || (birth.slice(5) === '02-29' && next.slice(5) === '03-01' && day.slice(5) === '02-28');
        expect(increase).toBe(birthday ? 1 : 0);
      }),
    );
  });
});
