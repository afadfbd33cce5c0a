import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aggregateSurvey,
  copenhagenInstant,
  copenhagenPeriod,
  copenhagenWallClock,
  detectConflicts,
  expandCalendar,
  expandEntry,
  STANDARD_CONFLICT_RULES,
  surveyPeriod,
  travelMinutes,
  type CalendarEntryInput,
  type ConflictRules,
  type CalendarPlace,
} from '../src/coordination/index';
import { addDays, daysBetween } from '../src/local-date';

const nowhere: CalendarPlace = { name: null, area: null, latitude: null, longitude: null };
const place = (name: string, area: string | null = null): CalendarPlace => ({ ...nowhere, name, area });
let n = 0;
function entry(p: Partial<CalendarEntryInput> & { start: string; end: string }): CalendarEntryInput {
  return { id: `e${++n}`, citizenId: 'lotte', title: 'Aftale', kind: 'other', place: nowhere, recurrence: null, cancelled: false, ...p };
}
const at = (date: string, from: string, to: string) => ({ start: copenhagenInstant(date, from).toISOString(), end: copenhagenInstant(date, to).toISOString() });

describe('Copenhagen wall-clock time', () => {
  it.each([
    ['winter', '2026-12-01', '10:00', '2026-12-01T09:00:00.000Z'],
    ['summer', '2027-06-01', '10:00', '2027-06-01T08:00:00.000Z'],
    ['the day summer time starts, before the change', '2027-03-28', '01:30', '2027-03-28T00:30:00.000Z'],
    ['a time that does not exist moves forward by the skipped hour', '2027-03-28', '02:30', '2027-03-28T01:30:00.000Z'],
    ['the day summer time starts, after the change', '2027-03-28', '03:30', '2027-03-28T01:30:00.000Z'],
    ['a time that happens twice is the second (winter time)', '2026-10-25', '02:30', '2026-10-25T01:30:00.000Z'],
    ['midnight into the new year', '2027-01-01', '00:00', '2026-12-31T23:00:00.000Z'],
  ])('%s: %s %s → %s', (_what, date, time, iso) => {
    expect(copenhagenInstant(date, time).toISOString()).toBe(iso);
  });

  it('rejects what is not a date or a time', () => {
    expect(() => copenhagenInstant('2027-02-30', '10:00')).toThrow(RangeError);
    expect(() => copenhagenInstant('2027-02-01', '24:00')).toThrow(RangeError);
  });

  it('round-trips every whole minute that exists once (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1) / 60_000, max: Date.UTC(2040, 0, 1) / 60_000 }), (minutes) => {
        const instant = new Date(minutes * 60_000);
        const wall = copenhagenWallClock(instant);
        const back = copenhagenInstant(wall.date, wall.time);
        // the first of a doubled autumn hour maps to the second, one hour later; everything else exactly back
        const diff = back.getTime() - instant.getTime();
        expect(diff === 0 || (diff === 3_600_000 && wall.time.startsWith('02:'))).toBe(true);
      }),
    );
  });
});

describe('an appointment typed as a day and two clock times', () => {
  const hours = (p: ReturnType<typeof copenhagenPeriod>) => ('start' in p ? (Date.parse(p.end) - Date.parse(p.start)) / 3_600_000 : null);
  it.each<[string, [string, string, string], { start: string; end: string } | null, number | null]>([
    ['winter', ['2026-12-01', '10:00', '11:30'], { start: '2026-12-01T09:00:00.000Z', end: '2026-12-01T10:30:00.000Z' }, 1.5],
    ['summer', ['2027-06-01', '10:00', '11:30'], { start: '2027-06-01T08:00:00.000Z', end: '2027-06-01T09:30:00.000Z' }, 1.5],
    ['across the change to summer time: 01:30–03:30 is one hour', ['2027-03-28', '01:30', '03:30'], { start: '2027-03-28T00:30:00.000Z', end: '2027-03-28T01:30:00.000Z' }, 1],
    ['across the change to winter time: 01:30–03:30 is three hours', ['2026-10-25', '01:30', '03:30'], { start: '2026-10-24T23:30:00.000Z', end: '2026-10-25T02:30:00.000Z' }, 3],
    ['the day the clocks change, in daytime: as any other day', ['2026-10-25', '10:00', '11:00'], { start: '2026-10-25T09:00:00.000Z', end: '2026-10-25T10:00:00.000Z' }, 1],
    // the API, not this function, refuses it ("Aftalen skal slutte efter den starter.")
    ['end before start is passed on as typed', ['2027-06-01', '11:00', '10:00'], { start: '2027-06-01T09:00:00.000Z', end: '2027-06-01T08:00:00.000Z' }, -1],
  ])('%s', (_what, [date, from, to], expected, length) => {
    const period = copenhagenPeriod(date, from, to);
    expect(period).toEqual(expected);
    expect(hours(period)).toBe(length);
  });

  it.each<[string, [string, string, string], string[]]>([
    ['no day', ['', '10:00', '11:00'], ['date']],
    ['a day that does not exist', ['2027-02-30', '10:00', '11:00'], ['date']],
    ['no times', ['2027-06-01', '', ''], ['from', 'to']],
    ['24:00 is not a clock time', ['2027-06-01', '23:00', '24:00'], ['to']],
  ])('%s: the fields to correct, in Danish', (_what, [date, from, to], fields) => {
    const period = copenhagenPeriod(date, from, to);
    expect('problems' in period && period.problems.map((p) => p.field)).toEqual(fields);
    expect('problems' in period && period.problems.every((p) => /^Skriv /.test(p.message))).toBe(true);
  });
});

describe('recurring calendar entries', () => {
  const weekly = entry({ ...at('2027-03-16', '10:00', '11:00'), kind: 'family_therapy', recurrence: { frequency: 'weekly', until: '2027-04-13' } });

  it('keeps 10:00–11:00 local time across the change to summer time (the instant moves by an hour)', () => {
    const occ = expandEntry(weekly, { from: '2027-03-01', to: '2027-04-30' });
    expect(occ.map((o) => o.date)).toEqual(['2027-03-16', '2027-03-23', '2027-03-30', '2027-04-06', '2027-04-13']);
    expect(occ.map((o) => o.start)).toEqual([
      '2027-03-16T09:00:00.000Z',
      '2027-03-23T09:00:00.000Z',
      '2027-03-30T08:00:00.000Z',
      '2027-04-06T08:00:00.000Z',
      '2027-04-13T08:00:00.000Z',
    ]);
    expect(occ.every((o) => new Date(o.end).getTime() - new Date(o.start).getTime() === 3_600_000)).toBe(true);
  });

  it.each([
    ['window after the series', { from: '2027-05-01', to: '2027-05-31' }, []],
    ['window in the middle', { from: '2027-03-24', to: '2027-04-05' }, ['2027-03-30']],
    ['window of one day that is an occurrence', { from: '2027-04-06', to: '2027-04-06' }, ['2027-04-06']],
    ['window before the series', { from: '2027-01-01', to: '2027-03-15' }, []],
  ])('%s', (_what, window, dates) => {
    expect(expandEntry(weekly, window).map((o) => o.date)).toEqual(dates);
  });

  it('fortnightly series step 14 days; a single entry appears once', () => {
    const biweekly = { ...weekly, id: 'b', recurrence: { frequency: 'biweekly' as const, until: '2027-04-30' } };
    expect(expandEntry(biweekly, { from: '2027-03-01', to: '2027-04-30' }).map((o) => o.date)).toEqual(['2027-03-16', '2027-03-30', '2027-04-13', '2027-04-27']);
    const single = entry(at('2026-12-01', '09:00', '10:00'));
    expect(expandEntry(single, { from: '2026-11-23', to: '2027-01-18' })).toHaveLength(1);
    expect(expandEntry(single, { from: '2026-12-02', to: '2027-01-18' })).toHaveLength(0);
  });

  it('every occurrence keeps the wall-clock time and length, steps exactly, stays in window and series (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 7 * 60, max: 19 * 60 }),
        fc.integer({ min: 15, max: 240 }),
        fc.constantFrom('weekly' as const, 'biweekly' as const),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: -100, max: 300 }),
        fc.integer({ min: 0, max: 120 }),
        (dayOffset, startMinute, minutes, frequency, untilDays, fromOffset, windowDays) => {
          const date = addDays('2024-01-01', dayOffset);
          const time = `${String(Math.floor(startMinute / 60)).padStart(2, '0')}:${String(startMinute % 60).padStart(2, '0')}`;
          const start = copenhagenInstant(date, time);
          const e = entry({ start: start.toISOString(), end: new Date(start.getTime() + minutes * 60_000).toISOString(), recurrence: { frequency, until: addDays(date, untilDays) } });
          const window = { from: addDays(date, fromOffset), to: addDays(date, fromOffset + windowDays) };
          const occ = expandEntry(e, window);
          const step = frequency === 'weekly' ? 7 : 14;
          for (const [i, o] of occ.entries()) {
            expect(copenhagenWallClock(new Date(o.start))).toEqual({ date: o.date, time });
            expect(new Date(o.end).getTime() - new Date(o.start).getTime()).toBe(minutes * 60_000);
            expect(daysBetween(date, o.date) % step).toBe(0);
            expect(o.date >= window.from && o.date <= window.to && o.date <= e.recurrence!.until && o.date >= date).toBe(true);
            if (i > 0) expect(daysBetween(occ[i - 1]!.date, o.date)).toBe(step);
          }
          // nothing missed: the count equals the series days inside the window
          let expected = 0;
          for (let d = date; d <= e.recurrence!.until; d = addDays(d, step)) if (d >= window.from && d <= window.to) expected++;
          expect(occ).toHaveLength(expected);
        },
      ),
    );
  });
});

describe('conflict detection', () => {
  const rules = STANDARD_CONFLICT_RULES;
  const day = '2026-12-01';
  const conflictsOf = (entries: CalendarEntryInput[]) =>
    detectConflicts(expandCalendar(entries, { from: day, to: day }), rules).map((c) => ({ kind: c.kind, rule: c.ruleId, n: c.occurrenceKeys.length }));

  it.each<[string, CalendarEntryInput[], { kind: string; rule: string | null; n: number }[]]>([
    [
      "Lotte: family therapist on the same day as the psychologist (SPEC C9.2)",
      [entry({ ...at(day, '09:00', '10:00'), kind: 'family_therapy', place: place('Familiehuset', 'Centrum') }), entry({ ...at(day, '13:00', '14:00'), kind: 'psychologist', place: place('Psykologhuset', 'Centrum') })],
      [{ kind: 'same_day', rule: 'one-conversation-a-day', n: 2 }],
    ],
    [
      'a mentor meeting and a jobcenter meeting the same day are fine',
      [entry({ ...at(day, '09:00', '10:00'), kind: 'mentor' }), entry({ ...at(day, '13:00', '14:00'), kind: 'jobcenter_meeting' })],
      [],
    ],
    [
      'four appointments of any kind in a day',
      [
        entry({ ...at(day, '08:00', '08:30'), kind: 'other' }),
        entry({ ...at(day, '10:00', '10:30'), kind: 'jobcenter_meeting' }),
        entry({ ...at(day, '12:00', '12:30'), kind: 'school_meeting' }),
        entry({ ...at(day, '14:00', '14:30'), kind: 'health' }),
      ],
      [{ kind: 'same_day', rule: 'three-appointments-a-day', n: 4 }],
    ],
    ['overlapping times', [entry(at(day, '09:00', '10:30')), entry(at(day, '10:00', '11:00'))], [{ kind: 'overlap', rule: null, n: 2 }]],
    ['back to back at the same place', [entry({ ...at(day, '09:00', '10:00'), place: place('Jobcentret') }), entry({ ...at(day, '10:00', '11:00'), place: place(' jobcentret ') })], []],
    [
      'ten minutes between two areas (40 needed)',
      [entry({ ...at(day, '09:00', '10:00'), place: place('Jobcentret', 'Centrum') }), entry({ ...at(day, '10:10', '11:00'), place: place('Skolen', 'Nordby') })],
      [{ kind: 'travel', rule: null, n: 2 }],
    ],
    [
      'twenty minutes within one area (15 needed)',
      [entry({ ...at(day, '09:00', '10:00'), place: place('Jobcentret', 'Centrum') }), entry({ ...at(day, '10:20', '11:00'), place: place('Biblioteket', 'Centrum') })],
      [],
    ],
    ['places without an area are not judged', [entry({ ...at(day, '09:00', '10:00'), place: place('A') }), entry({ ...at(day, '10:05', '11:00'), place: place('B') })], []],
    [
      'a cancelled appointment counts for nothing',
      [entry({ ...at(day, '09:00', '10:00'), kind: 'family_therapy' }), entry({ ...at(day, '09:30', '10:30'), kind: 'psychologist', cancelled: true })],
      [],
    ],
    [
      'different family members are not compared',
      [entry({ ...at(day, '09:00', '10:00'), kind: 'family_therapy' }), entry({ ...at(day, '09:00', '10:00'), kind: 'psychologist', citizenId: 'freja' })],
      [],
    ],
  ])('%s', (_what, entries, expected) => {
    expect(conflictsOf(entries)).toEqual(expected);
  });

  it('travel time: same place by coordinates, same area, other area, unknown', () => {
    const t = rules.travel;
    const a = { name: 'Rådhuset', area: 'Centrum', latitude: 56.0, longitude: 10.0 };
    expect(travelMinutes(a, { name: 'Rådhusets indgang B', area: 'Nordby', latitude: 56.0005, longitude: 10.0 }, t)).toBe(0);
    expect(travelMinutes(a, place('Skolen', 'centrum'), t)).toBe(t.sameAreaMinutes);
    expect(travelMinutes(a, place('Skolen', 'Nordby'), t)).toBe(t.differentAreaMinutes);
    expect(travelMinutes(a, place('Skolen'), t)).toBeNull();
  });

  it('the same-day threshold is data: a stricter rule set finds more', () => {
    const strict: ConflictRules = { ...rules, id: 'strict', sameDay: [{ id: 'two', kinds: 'all', maxPerDay: 1, label: 'Højst én aftale om dagen' }] };
    const entries = [entry({ ...at(day, '09:00', '10:00'), kind: 'mentor' }), entry({ ...at(day, '13:00', '14:00'), kind: 'jobcenter_meeting' })];
    expect(detectConflicts(expandCalendar(entries, { from: day, to: day }), strict).map((c) => c.ruleId)).toEqual(['two']);
  });

  const arbitraryDay = fc.array(
    fc.record({
      startMinute: fc.integer({ min: 7 * 60, max: 18 * 60 }),
      minutes: fc.integer({ min: 10, max: 120 }),
      kind: fc.constantFrom('family_therapy' as const, 'psychologist' as const, 'mentor' as const, 'jobcenter_meeting' as const, 'other' as const),
      area: fc.constantFrom('Centrum', 'Nordby', null),
      citizen: fc.constantFrom('lotte', 'freja'),
      cancelled: fc.boolean(),
    }),
    { maxLength: 8 },
  );
  const build = (xs: { startMinute: number; minutes: number; kind: CalendarEntryInput['kind']; area: string | null; citizen: string; cancelled: boolean }[]) =>
    xs.map((x, i) => {
      const s = copenhagenInstant(day, `${String(Math.floor(x.startMinute / 60)).padStart(2, '0')}:${String(x.startMinute % 60).padStart(2, '0')}`);
      return { ...entry({ start: s.toISOString(), end: new Date(s.getTime() + x.minutes * 60_000).toISOString(), kind: x.kind, place: place(`Sted ${i}`, x.area), citizenId: x.citizen, cancelled: x.cancelled }), id: `p${i}` };
    });

  it('does not depend on the order of the input; overlaps are exactly the intersecting pairs (property)', () => {
    fc.assert(
      fc.property(arbitraryDay, fc.integer(), (xs, seed) => {
        const entries = build(xs);
        const occ = expandCalendar(entries, { from: day, to: day });
        const shuffled = [...occ].sort((a, b) => ((a.key.length * 31 + seed) % 7) - ((b.key.length * 31 + seed) % 7) || (a.key < b.key ? 1 : -1));
        const found = detectConflicts(occ, rules);
        expect(detectConflicts(shuffled, rules)).toEqual(found);
        const overlaps = new Set(found.filter((c) => c.kind === 'overlap').map((c) => [...c.occurrenceKeys].sort().join(' ')));
        const expected = new Set<string>();
        for (const a of occ) for (const b of occ) {
          if (a.key < b.key && !a.entry.cancelled && !b.entry.cancelled && a.entry.citizenId === b.entry.citizenId && a.start < b.end && b.start < a.end) expected.add([a.key, b.key].sort().join(' '));
        }
        expect(overlaps).toEqual(expected);
        for (const c of found) {
          const involved = occ.filter((o) => c.occurrenceKeys.includes(o.key));
          expect(involved.every((o) => o.entry.citizenId === c.citizenId && !o.entry.cancelled)).toBe(true);
        }
      }),
    );
  });
});

describe('the coherent-course survey', () => {
  it.each([
    ['2026-01-01', '2026-Q1'],
    ['2026-03-31', '2026-Q1'],
    ['2026-04-01', '2026-Q2'],
    ['2026-11-23', '2026-Q4'],
    ['2026-12-31', '2026-Q4'],
  ])('%s is in %s', (date, period) => expect(surveyPeriod(date)).toBe(period));

  it('share positive of those answering yes or no, per period; few answers are not shown', () => {
    const figures = aggregateSurvey([
      { period: '2026-Q4', answer: 'yes_high' },
      { period: '2026-Q4', answer: 'yes_some', count: 3 },
      { period: '2026-Q4', answer: 'no_little' },
      { period: '2026-Q4', answer: 'dont_know' },
      { period: '2026-Q3', answer: 'no_not_at_all' },
      { period: '2026-Q3', answer: 'yes_high', count: 2 },
      { period: '2026-Q3', answer: 'dont_know', count: 2 },
    ]);
    expect(figures).toEqual([
      { period: '2026-Q3', answers: 5, counted: 3, positive: null, share: null },
      { period: '2026-Q4', answers: 6, counted: 5, positive: 4, share: 4 / 5 },
    ]);
  });
});
