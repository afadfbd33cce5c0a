import Holidays from 'date-holidays';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { addDays, daysBetween } from '../src/local-date';
import {
  addWorkingDays,
  danishPublicHolidays,
  DANISH_ADMINISTRATIVE_CALENDAR,
  deadlineMovedToWorkingDay,
  isDanishPublicHoliday,
  isWorkingDay,
  nextWorkingDayOnOrAfter,
  PUBLIC_HOLIDAYS_ONLY_CALENDAR,
} from '../src/working-days';

describe('danishPublicHolidays', () => {
  it('2026', () => {
    expect(danishPublicHolidays(2026)).toEqual([
      { date: '2026-01-01', name: 'Nytårsdag' },
      { date: '2026-04-02', name: 'Skærtorsdag' },
      { date: '2026-04-03', name: 'Langfredag' },
      { date: '2026-04-05', name: 'Påskedag' },
      { date: '2026-04-06', name: 'Anden påskedag' },
      { date: '2026-05-14', name: 'Kristi Himmelfartsdag' },
      { date: '2026-05-24', name: 'Pinsedag' },
      { date: '2026-05-25', name: 'Anden Pinsedag' },
      { date: '2026-12-25', name: 'Juledag' },
      { date: '2026-12-26', name: 'Anden Juledag' },
    ]);
  });

  it('2027', () => {
    expect(danishPublicHolidays(2027).map((h) => h.date)).toEqual([
      '2027-01-01',
      '2027-03-25',
      '2027-03-26',
      '2027-03-28',
      '2027-03-29',
      '2027-05-06',
      '2027-05-16',
      '2027-05-17',
      '2027-12-25',
      '2027-12-26',
    ]);
  });

  it('Store Bededag was a helligdag in 2023 and is abolished from 2024', () => {
    expect(danishPublicHolidays(2023)).toContainEqual({ date: '2023-05-05', name: 'Store Bededag' });
    expect(isWorkingDay('2023-05-05')).toBe(false);
    for (const year of [2024, 2025, 2026, 2027, 2030]) {
      expect(danishPublicHolidays(year).map((h) => h.name)).not.toContain('Store Bededag');
    }
    // The fourth Friday after Easter, where Store Bededag would have been:
    expect(isWorkingDay('2024-04-26')).toBe(true);
    expect(isWorkingDay('2026-05-01')).toBe(true);
  });

  it('does not list observances (Grundlovsdag, juleaften, 1. maj) as helligdage', () => {
    expect(isDanishPublicHoliday('2026-06-05')).toBe(false);
    expect(isDanishPublicHoliday('2026-12-24')).toBe(false);
    expect(isDanishPublicHoliday('2026-12-31')).toBe(false);
    expect(isDanishPublicHoliday('2026-05-01')).toBe(false);
    expect(isDanishPublicHoliday('2026-04-03')).toBe(true);
  });

  it('computes each year once, however often it is asked', () => {
    const spy = vi.spyOn(Holidays.prototype, 'getHolidays');
    try {
      let day = '2041-01-01';
      for (let i = 0; i < 365; i += 1, day = addDays(day, 1)) isWorkingDay(day);
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2026-04-01', true, 'Wednesday before Easter'],
    ['2026-04-02', false, 'Skærtorsdag'],
    ['2026-04-03', false, 'Langfredag'],
    ['2026-04-04', false, 'Saturday'],
    ['2026-04-05', false, 'Påskedag'],
    ['2026-04-06', false, '2. påskedag'],
    ['2026-04-07', true, 'Tuesday after Easter'],
    ['2026-05-14', false, 'Kristi Himmelfartsdag'],
    ['2026-05-15', true, 'Friday after Kristi Himmelfart is a working day'],
    ['2026-05-25', false, '2. pinsedag'],
    ['2026-06-05', false, 'Grundlovsdag (extra closed day)'],
    ['2026-12-24', false, 'juleaftensdag (extra closed day)'],
    ['2026-12-25', false, 'juledag'],
    ['2026-12-28', true, 'Monday after Christmas'],
    ['2026-12-31', false, 'nytårsaftensdag (extra closed day)'],
    ['2027-01-01', false, 'nytårsdag'],
    ['2027-03-25', false, 'Skærtorsdag 2027'],
    ['2027-05-06', false, 'Kristi Himmelfartsdag 2027'],
    ['2027-05-17', false, '2. pinsedag 2027'],
    ['2027-06-07', true, 'Monday after Grundlovsdag on a Saturday'],
    ['2026-01-05', true, 'ordinary Monday'],
    ['2026-01-10', false, 'ordinary Saturday'],
    ['2026-01-11', false, 'ordinary Sunday'],
  ])('%s → %s (%s)', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  it('the extra closed days are a parameter', () => {
    expect(DANISH_ADMINISTRATIVE_CALENDAR.extraClosedDays).toEqual(['06-05', '12-24', '12-31']);
    expect(isWorkingDay('2026-06-05', PUBLIC_HOLIDAYS_ONLY_CALENDAR)).toBe(true);
    expect(isWorkingDay('2026-12-24', PUBLIC_HOLIDAYS_ONLY_CALENDAR)).toBe(true);
    expect(isWorkingDay('2026-12-25', PUBLIC_HOLIDAYS_ONLY_CALENDAR)).toBe(false);
    expect(isWorkingDay('2026-05-15', { extraClosedDays: ['05-15'] })).toBe(false);
  });

  it('rejects invalid dates', () => {
    expect(() => isWorkingDay('2026-02-30')).toThrow(/Ugyldig dato/);
    expect(() => isDanishPublicHoliday('2026-13-01')).toThrow(/Ugyldig dato/);
  });
});

describe('deadlineMovedToWorkingDay / nextWorkingDayOnOrAfter', () => {
  it.each([
    ['2026-03-18', '2026-03-18', 'a working day stays'],
    ['2026-03-21', '2026-03-23', 'Saturday → Monday'],
    ['2026-03-22', '2026-03-23', 'Sunday → Monday'],
    ['2026-04-02', '2026-04-07', 'Skærtorsdag → Tuesday after 2. påskedag'],
    ['2026-05-14', '2026-05-15', 'Kristi Himmelfartsdag → Friday'],
    ['2026-05-23', '2026-05-26', 'Pinse weekend → Tuesday'],
    ['2026-06-05', '2026-06-08', 'Grundlovsdag (Friday) → Monday'],
    ['2026-12-24', '2026-12-28', 'juleaften → Monday after Christmas'],
    ['2026-12-31', '2027-01-04', 'nytårsaften → first Monday of 2027'],
    ['2027-12-24', '2027-12-27', '2027: juleaften Friday → Monday 27th'],
    ['2027-12-31', '2028-01-03', '2027: nytårsaften Friday → Monday'],
  ])('%s → %s (%s)', (date, expected) => {
    expect(deadlineMovedToWorkingDay(date)).toBe(expected);
    expect(nextWorkingDayOnOrAfter(date)).toBe(expected);
  });

  it('with helligdage only, juleaften is a working day', () => {
    expect(deadlineMovedToWorkingDay('2026-12-24', PUBLIC_HOLIDAYS_ONLY_CALENDAR)).toBe('2026-12-24');
    expect(deadlineMovedToWorkingDay('2026-06-05', PUBLIC_HOLIDAYS_ONLY_CALENDAR)).toBe('2026-06-05');
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2026-03-16', 5, '2026-03-23', 'a plain week'],
    ['2026-03-31', 3, '2026-04-08', 'across Easter'],
    ['2026-04-08', -3, '2026-03-31', 'backwards across Easter'],
    ['2026-04-04', 0, '2026-04-04', 'zero leaves even a closed day unchanged'],
    ['2026-04-04', 1, '2026-04-07', 'from a closed day'],
    ['2026-12-23', 1, '2026-12-28', 'over Christmas'],
    ['2026-12-23', 2, '2026-12-29', ''],
    ['2026-12-30', 1, '2027-01-04', 'over New Year'],
    ['2026-06-04', 1, '2026-06-08', 'over Grundlovsdag'],
  ])('addWorkingDays(%s, %i) = %s %s', (date, n, expected) => {
    expect(addWorkingDays(date, n)).toBe(expected);
  });

  it('ordinary post: 6 working days after a letter dated Wednesday 1 April 2026', () => {
    expect(addWorkingDays('2026-04-01', 6)).toBe('2026-04-14');
  });

  it('rejects fractional counts', () => {
    expect(() => addWorkingDays('2026-01-05', 0.5)).toThrow(/helt tal/);
  });

  const date = fc.integer({ min: 0, max: daysBetween('2020-01-01', '2035-12-31') }).map((n) => addDays('2020-01-01', n));

  it('property: n working days forward land on a working day with exactly n working days passed', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 60 }), (start, n) => {
        const end = addWorkingDays(start, n);
        expect(isWorkingDay(end)).toBe(true);
        let counted = 0;
        for (let day = addDays(start, 1); day <= end; day = addDays(day, 1)) if (isWorkingDay(day)) counted += 1;
        expect(counted).toBe(n);
      }),
    );
  });

  it('property: adding a then b equals adding a + b; going back undoes going forward from a working day', () => {
    fc.assert(
      fc.property(date, fc.nat(30), fc.nat(30), (start, a, b) => {
        expect(addWorkingDays(addWorkingDays(start, a), b)).toBe(addWorkingDays(start, a + b));
        const workingStart = nextWorkingDayOnOrAfter(start);
        expect(addWorkingDays(addWorkingDays(workingStart, a), -a)).toBe(workingStart);
      }),
    );
  });

  it('property: a moved deadline is the first working day on or after the date', () => {
    fc.assert(
      fc.property(date, (d) => {
        const moved = deadlineMovedToWorkingDay(d);
        expect(isWorkingDay(moved)).toBe(true);
        expect(daysBetween(d, moved)).toBeGreaterThanOrEqual(0);
        expect(daysBetween(d, moved)).toBeLessThanOrEqual(6);
        for (let day = d; day < moved; day = addDays(day, 1)) expect(isWorkingDay(day)).toBe(false);
        expect(deadlineMovedToWorkingDay(moved)).toBe(moved);
      }),
    );
  });
});
