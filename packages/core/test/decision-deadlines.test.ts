import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isoWeekday } from '../src/local-date';
import { complaintDeadline, daysLate, deadlineState, decisionDeadlines, reassessmentDeadline, receiptDate } from '../src/decisions/deadlines';
import { getRuleSet } from '../src/rules/registry';
import { RULE_SET_IDS } from '../src/rules/types';
import { isWorkingDay } from '../src/working-days';

const deadlines = getRuleSet('hovedlov-2022').deadlines;

describe('receipt date by channel (JM vejledning nr. 9533/2018, followed by Ankestyrelsen)', () => {
  it.each([
    ['2026-11-23', 'digital_post', '2026-11-23', 'Digital Post: the day it is sent'],
    ['2026-03-28', 'digital_post', '2026-03-28', 'Digital Post on a Saturday: that Saturday (the period may start on a closed day)'],
    ['2026-11-23', 'ordinary_post', '2026-12-01', 'ordinary post: 6 working days after the letter date'],
    ['2026-03-27', 'ordinary_post', '2026-04-09', 'Friday before Easter week 2026: Skærtorsdag, Langfredag and 2. påskedag are not counted'],
    ['2026-04-03', 'ordinary_post', '2026-04-14', 'dated Langfredag 2026 (a closed day): counting starts after Easter'],
    ['2027-03-19', 'ordinary_post', '2027-04-01', 'Friday before Easter week 2027'],
    ['2027-03-26', 'ordinary_post', '2027-04-06', 'dated Langfredag 2027'],
    ['2026-12-18', 'ordinary_post', '2026-12-30', 'over Christmas: 24, 25, 26 December not counted'],
    ['2026-06-04', 'ordinary_post', '2026-06-15', 'over Grundlovsdag'],
  ] as const)('%s by %s → received %s (%s)', (sent, channel, expected, _why) => {
    expect(receiptDate(sent, channel, deadlines)).toBe(expected);
  });
});

describe('complaint deadline: 4 weeks after receipt, moved to the next working day', () => {
  it.each([
    ['2026-11-23', 'digital_post', '2026-12-21', 'plain Monday'],
    ['2026-11-23', 'ordinary_post', '2026-12-29', 'ordinary post adds the 6 working days first'],
    ['2026-03-27', 'ordinary_post', '2026-05-07', 'Friday before Easter 2026 by ordinary post'],
    ['2026-04-03', 'ordinary_post', '2026-05-12', 'Langfredag 2026 by ordinary post'],
    ['2027-03-19', 'ordinary_post', '2027-04-29', 'Friday before Easter 2027 by ordinary post'],
    ['2027-03-26', 'ordinary_post', '2027-05-04', 'Langfredag 2027 by ordinary post'],
    ['2026-03-05', 'digital_post', '2026-04-07', 'ends on Skærtorsdag → Tuesday after 2. påskedag'],
    ['2026-04-16', 'digital_post', '2026-05-15', 'ends on Kristi Himmelfartsdag → Friday'],
    ['2026-03-28', 'digital_post', '2026-04-27', 'ends on a Saturday → Monday'],
    ['2026-12-03', 'digital_post', '2027-01-04', 'year end: ends on nytårsaften → first working day of 2027'],
    ['2026-12-18', 'ordinary_post', '2027-01-27', 'received over Christmas, deadline in the new year'],
    ['2027-12-03', 'digital_post', '2028-01-03', 'year end 2027: nytårsaften Friday → Monday'],
    ['2028-02-01', 'digital_post', '2028-02-29', 'leap year: 29 February 2028 is a Tuesday'],
    ['2028-01-31', 'digital_post', '2028-02-28', 'leap year: four weeks, not a month'],
    ['2027-02-01', 'digital_post', '2027-03-01', 'non-leap February'],
  ] as const)('%s by %s → %s (%s)', (sent, channel, expected, _why) => {
    expect(decisionDeadlines(sent, channel, deadlines).complaintDeadline).toBe(expected);
  });

  it.each([
    ['2026-03-05', '2026-04-07', 'complaint received 5 March 2026: reassessment due after Easter'],
    ['2026-04-09', '2026-05-07', ''],
    ['2026-12-03', '2027-01-04', 'over New Year'],
    ['2028-02-01', '2028-02-29', 'leap day'],
  ])('reassessment of a complaint received %s is due %s %s', (received, expected) => {
    expect(reassessmentDeadline(received, deadlines)).toBe(expected);
  });

  it('the deadline day itself is in time; the day after is one day late', () => {
    expect(daysLate('2026-05-07', '2026-05-07')).toBe(0);
    expect(daysLate('2026-05-01', '2026-05-07')).toBe(0);
    expect(daysLate('2026-05-08', '2026-05-07')).toBe(1);
  });

  it('deadline state: met, missed, running, overdue', () => {
    expect(deadlineState('2026-05-07', '2026-05-07', '2026-06-01')).toBe('met');
    expect(deadlineState('2026-05-07', '2026-05-08', '2026-06-01')).toBe('missed');
    expect(deadlineState('2026-05-07', null, '2026-05-07')).toBe('running');
    expect(deadlineState('2026-05-07', null, '2026-05-08')).toBe('overdue');
  });

  it.each(RULE_SET_IDS)('%s: every rule set computes the same SPEC §5 deadlines', (id) => {
    expect(decisionDeadlines('2026-03-27', 'ordinary_post', getRuleSet(id).deadlines)).toEqual({ receiptDate: '2026-04-09', complaintDeadline: '2026-05-07' });
  });

  const date = fc.integer({ min: 0, max: daysBetween('2020-01-01', '2040-12-31') }).map((n) => addDays('2020-01-01', n));
  const channel = fc.constantFrom('digital_post' as const, 'ordinary_post' as const);

  it('property: the deadline is the first working day on or after receipt + 28 days', () => {
    fc.assert(
      fc.property(date, channel, (sent, ch) => {
        const { receiptDate: received, complaintDeadline: deadline } = decisionDeadlines(sent, ch, deadlines);
        const earliest = addDays(received, 28);
        expect(daysBetween(earliest, deadline)).toBeGreaterThanOrEqual(0);
        expect(isWorkingDay(deadline)).toBe(true);
        for (let d = earliest; d < deadline; d = addDays(d, 1)) expect(isWorkingDay(d)).toBe(false);
        // A minimal deadline never moves more than a long Easter (Skærtorsdag to 2. påskedag + weekend).
        expect(daysBetween(earliest, deadline)).toBeLessThanOrEqual(5);
      }),
    );
  });

  it('property: ordinary post is received on a working day 6 working days after sending, never before Digital Post', () => {
    fc.assert(
      fc.property(date, (sent) => {
        const post = receiptDate(sent, 'ordinary_post', deadlines);
        expect(isWorkingDay(post)).toBe(true);
        expect(daysBetween(sent, post)).toBeGreaterThanOrEqual(6);
        expect(daysBetween(receiptDate(sent, 'digital_post', deadlines), post)).toBeGreaterThan(0);
        let counted = 0;
        for (let d = addDays(sent, 1); d <= post; d = addDays(d, 1)) if (isWorkingDay(d)) counted += 1;
        expect(counted).toBe(6);
      }),
    );
  });

  it('property: the reassessment deadline follows the same rule, and a later complaint never gets an earlier deadline', () => {
    fc.assert(
      fc.property(date, fc.nat(40), (received, later) => {
        const due = reassessmentDeadline(received, deadlines);
        expect(isWorkingDay(due)).toBe(true);
        expect(due).toBe(complaintDeadline(received, deadlines));
        expect(daysBetween(due, reassessmentDeadline(addDays(received, later), deadlines))).toBeGreaterThanOrEqual(0);
        if (isoWeekday(addDays(received, 28)) <= 5 && isWorkingDay(addDays(received, 28))) expect(due).toBe(addDays(received, 28));
      }),
    );
  });
});
