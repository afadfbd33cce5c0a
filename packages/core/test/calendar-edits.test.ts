import { describe, expect, it } from 'vitest';
import {
  checkConflictRules,
  copenhagenInstant,
  copenhagenWallClock,
  detectConflicts,
  expandCalendar,
  expandEntry,
  STANDARD_CONFLICT_RULES,
  type CalendarEntryInput,
  type CalendarPlace,
  type ConflictRuleValues,
  type OccurrenceException,
} from '../src/coordination/index';

/**
 * Editing the calendar (issue 4): one occurrence of a series moved or
 * cancelled (an exception), a series ended early, across the change to and
 * from summer time; and the municipality's own conflict rules (minimum gap,
 * the checks the API schema cannot make).
 */
const nowhere: CalendarPlace = { name: null, area: null, latitude: null, longitude: null };
const at = (date: string, from: string, to: string) => ({ start: copenhagenInstant(date, from).toISOString(), end: copenhagenInstant(date, to).toISOString() });
const wall = (iso: string) => copenhagenWallClock(new Date(iso));
function series(first: string, until: string, exceptions: OccurrenceException[] = [], time: [string, string] = ['10:00', '11:00']): CalendarEntryInput {
  return { id: 's', citizenId: 'lotte', title: 'Mentor', kind: 'mentor', place: nowhere, ...at(first, ...time), recurrence: { frequency: 'weekly', until }, cancelled: false, exceptions };
}
const spring = { from: '2027-03-01', to: '2027-04-30' };

describe('one occurrence of a weekly series across summer time', () => {
  it.each<[string, OccurrenceException[], { date: string; time: string; moved: boolean; cancelled: boolean }[]]>([
    [
      'no exceptions: Tuesdays 10:00 local before and after 28 March',
      [],
      ['2027-03-16', '2027-03-23', '2027-03-30', '2027-04-06'].map((date) => ({ date, time: '10:00', moved: false, cancelled: false })),
    ],
    [
      'the first occurrence after the change cancelled: the others stay',
      [{ date: '2027-03-30', cancelled: true }],
      [
        { date: '2027-03-16', time: '10:00', moved: false, cancelled: false },
        { date: '2027-03-23', time: '10:00', moved: false, cancelled: false },
        { date: '2027-03-30', time: '10:00', moved: false, cancelled: true },
        { date: '2027-04-06', time: '10:00', moved: false, cancelled: false },
      ],
    ],
    [
      'the last winter occurrence moved to the Thursday after the change (14:00 summer time)',
      [{ date: '2027-03-23', cancelled: false, ...at('2027-04-01', '14:00', '15:00') }],
      [
        { date: '2027-03-16', time: '10:00', moved: false, cancelled: false },
        { date: '2027-03-30', time: '10:00', moved: false, cancelled: false },
        { date: '2027-04-01', time: '14:00', moved: true, cancelled: false },
        { date: '2027-04-06', time: '10:00', moved: false, cancelled: false },
      ],
    ],
    [
      'an exception on a day the series does not fall on is ignored',
      [{ date: '2027-03-24', cancelled: true }],
      ['2027-03-16', '2027-03-23', '2027-03-30', '2027-04-06'].map((date) => ({ date, time: '10:00', moved: false, cancelled: false })),
    ],
  ])('%s', (_what, exceptions, expected) => {
    const occ = expandEntry(series('2027-03-16', '2027-04-06', exceptions), spring);
    expect(occ.map((o) => ({ date: o.date, time: wall(o.start).time, moved: o.moved, cancelled: o.cancelled }))).toEqual(expected);
  });

  it('a moved occurrence keeps the key the series gives it, and its series day', () => {
    const plain = expandEntry(series('2027-03-16', '2027-04-06'), spring);
    const moved = expandEntry(series('2027-03-16', '2027-04-06', [{ date: '2027-03-30', cancelled: false, ...at('2027-03-31', '08:00', '09:30') }]), spring);
    const before = plain.find((o) => o.date === '2027-03-30')!;
    const after = moved.find((o) => o.moved)!;
    expect(after.key).toBe(before.key);
    expect(after.seriesDate).toBe('2027-03-30');
    expect(after.start).toBe('2027-03-31T06:00:00.000Z');
    // its own length, not the series'
    expect(new Date(after.end).getTime() - new Date(after.start).getTime()).toBe(90 * 60_000);
  });

  it.each([
    ['moved into the window from a day outside it', { from: '2027-04-01', to: '2027-04-30' }, '2027-03-30', '2027-04-02', ['2027-04-02', '2027-04-06']],
    ['moved out of the window', { from: '2027-03-28', to: '2027-04-04' }, '2027-03-30', '2027-04-05', []],
  ])('%s', (_what, window, seriesDate, movedTo, dates) => {
    const occ = expandEntry(series('2027-03-16', '2027-04-06', [{ date: seriesDate, cancelled: false, ...at(movedTo, '10:00', '11:00') }]), window);
    expect(occ.map((o) => o.date)).toEqual(dates);
  });

  it('across the change back to winter time (31 October 2027) the wall-clock time holds for moved and unmoved alike', () => {
    const autumn = series('2027-10-19', '2027-11-09', [{ date: '2027-11-02', cancelled: false, ...at('2027-11-02', '13:00', '14:00') }]);
    const occ = expandEntry(autumn, { from: '2027-10-01', to: '2027-11-30' });
    expect(occ.map((o) => [o.date, wall(o.start).time, o.start])).toEqual([
      ['2027-10-19', '10:00', '2027-10-19T08:00:00.000Z'],
      ['2027-10-26', '10:00', '2027-10-26T08:00:00.000Z'],
      ['2027-11-02', '13:00', '2027-11-02T12:00:00.000Z'],
      ['2027-11-09', '10:00', '2027-11-09T09:00:00.000Z'],
    ]);
  });

  it('a series ended early (until moved back) stops there, exceptions after it included', () => {
    const ended = series('2027-03-16', '2027-03-23', [{ date: '2027-03-30', cancelled: false, ...at('2027-03-31', '10:00', '11:00') }]);
    expect(expandEntry(ended, spring).map((o) => o.date)).toEqual(['2027-03-16', '2027-03-23']);
  });
});

describe('conflicts after an edit', () => {
  const rules = STANDARD_CONFLICT_RULES;
  const psychologist: CalendarEntryInput = { id: 'p', citizenId: 'lotte', title: 'Psykolog', kind: 'psychologist', place: nowhere, ...at('2027-03-30', '13:00', '14:00'), recurrence: null, cancelled: false };

  it.each<[string, OccurrenceException[], number]>([
    ['the mentor on the psychologist’s Tuesday is a conflict', [], 1],
    ['that one mentor occurrence cancelled: no conflict', [{ date: '2027-03-30', cancelled: true }], 0],
    ['moved to Wednesday: no conflict', [{ date: '2027-03-30', cancelled: false, ...at('2027-03-31', '10:00', '11:00') }], 0],
    ['another occurrence moved onto the psychologist’s day: two', [{ date: '2027-03-23', cancelled: false, ...at('2027-03-30', '15:00', '16:00') }], 2],
  ])('%s', (_what, exceptions, count) => {
    const occ = expandCalendar([series('2027-03-16', '2027-04-06', exceptions), psychologist], spring);
    const sameDay = detectConflicts(occ, rules).filter((c) => c.kind === 'same_day');
    expect(sameDay.reduce((n, c) => n + c.occurrenceKeys.length - 1, 0)).toBe(count);
  });
});

describe('a minimum gap between appointments', () => {
  const two = (gapStart: string): CalendarEntryInput[] => [
    { id: 'a', citizenId: 'lotte', title: 'Jobcenter', kind: 'jobcenter_meeting', place: { ...nowhere, name: 'Jobcentret' }, ...at('2027-02-02', '09:00', '10:00'), recurrence: null, cancelled: false },
    { id: 'b', citizenId: 'lotte', title: 'Læge', kind: 'health', place: { ...nowhere, name: 'Lægehuset' }, ...at('2027-02-02', gapStart, '12:00'), recurrence: null, cancelled: false },
  ];
  it.each([
    ['standard (no minimum): 5 minutes between two places without an area is not judged', 0, '10:05', []],
    ['minimum 30: 5 minutes is too little', 30, '10:05', [{ kind: 'gap', gapMinutes: 5, travelMinutes: 30 }]],
    ['minimum 30: exactly 30 is enough', 30, '10:30', []],
  ])('%s', (_what, minimumGapMinutes, second, expected) => {
    const occ = expandCalendar(two(second), { from: '2027-02-01', to: '2027-02-03' });
    const found = detectConflicts(occ, { ...STANDARD_CONFLICT_RULES, minimumGapMinutes }).map((c) => ({ kind: c.kind, gapMinutes: c.gapMinutes, travelMinutes: c.travelMinutes }));
    expect(found).toEqual(expected);
  });

  it('travel time longer than the minimum is reported as travel, shorter as the minimum gap', () => {
    const between = (minimumGapMinutes: number) => {
      const entries = two('10:10').map((e, i) => ({ ...e, place: { ...e.place, area: i === 0 ? 'Centrum' : 'Havnen' } }));
      return detectConflicts(expandCalendar(entries, { from: '2027-02-01', to: '2027-02-03' }), { ...STANDARD_CONFLICT_RULES, minimumGapMinutes }).map((c) => [c.kind, c.travelMinutes]);
    };
    expect(between(20)).toEqual([['travel', 40]]);
    expect(between(60)).toEqual([['gap', 60]]);
  });
});

describe("the municipality's conflict rules", () => {
  const standard: ConflictRuleValues = { sameDay: STANDARD_CONFLICT_RULES.sameDay, travel: STANDARD_CONFLICT_RULES.travel, minimumGapMinutes: 0 };
  it.each<[string, ConflictRuleValues, { path: string; message: RegExp }[]]>([
    ['the standard rules are usable', standard, []],
    [
      'two rules with one id',
      { ...standard, sameDay: [standard.sameDay[0]!, { ...standard.sameDay[1]!, id: standard.sameDay[0]!.id }] },
      [{ path: 'sameDay.1.id', message: /findes to gange/ }],
    ],
    [
      'two rules with one label (case ignored)',
      { ...standard, sameDay: [standard.sameDay[0]!, { ...standard.sameDay[1]!, label: standard.sameDay[0]!.label.toUpperCase() }] },
      [{ path: 'sameDay.1.label', message: /hver sit navn/ }],
    ],
    ['a rule counting no kinds', { ...standard, sameDay: [{ id: 'x', kinds: [], maxPerDay: 1, label: 'Ingen' }] }, [{ path: 'sameDay.0.kinds', message: /mindst én/ }]],
    ['a kind named twice', { ...standard, sameDay: [{ id: 'x', kinds: ['mentor', 'mentor'], maxPerDay: 1, label: 'Dobbelt' }] }, [{ path: 'sameDay.0.kinds', message: /flere gange/ }]],
    [
      'within an area slower than between areas',
      { ...standard, travel: { ...standard.travel, sameAreaMinutes: 50 } },
      [{ path: 'travel.sameAreaMinutes', message: /samme område/ }],
    ],
    ['no same-day rules at all is allowed (the municipality does not use them)', { ...standard, sameDay: [] }, []],
  ])('%s', (_what, values, expected) => {
    const problems = checkConflictRules(values);
    expect(problems.map((p) => p.path)).toEqual(expected.map((e) => e.path));
    problems.forEach((p, i) => expect(p.message).toMatch(expected[i]!.message));
  });
});
