import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isoWeekday } from '../src/local-date';
import { buildWorkQueue, compareWorkItems, countByUrgency, endOfWeek, urgencyOf, WORK_URGENCIES, type WorkCase, type WorkSource } from '../src/work-queue/index';

// Friday 4 December 2026; the week ends Sunday 6 December.
const TODAY = '2026-12-04';
const lotte: WorkCase = { caseId: '00000000-0000-4000-8000-000000000001', citizenId: '00000000-0000-4000-8000-0000000000a1', citizenName: 'Lotte Jensen', relation: 'coordinator' };
const sanne: WorkCase = { caseId: '00000000-0000-4000-8000-000000000002', citizenId: '00000000-0000-4000-8000-0000000000a2', citizenName: 'Sanne Holm', relation: 'team' };
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const complaint = (over: Partial<Extract<WorkSource, { kind: 'complaint' }>> = {}): WorkSource => ({
  kind: 'complaint',
  caseId: lotte.caseId,
  complaintId: id(10),
  decisionTitle: 'Samlet afgørelse om din helhedsorienterede indsats',
  channel: 'phone',
  receivedOn: '2026-11-30',
  complaintDeadline: '2026-12-21',
  daysLate: 0,
  lateHandling: null,
  reassessmentDeadline: '2026-12-28',
  createdAt: '2026-11-30T09:00:00.000Z',
  ...over,
});

describe('urgency: overdue, this week (Monday–Sunday), later, none', () => {
  it('reads the deadline against today and the end of the ISO week', () => {
    expect(endOfWeek(TODAY)).toBe('2026-12-06');
    expect(endOfWeek('2026-12-07')).toBe('2026-12-13');
    expect(endOfWeek('2026-12-13')).toBe('2026-12-13');
    expect(urgencyOf('2026-12-03', TODAY)).toBe('overdue');
    expect(urgencyOf(TODAY, TODAY)).toBe('this_week');
    expect(urgencyOf('2026-12-06', TODAY)).toBe('this_week');
    expect(urgencyOf('2026-12-07', TODAY)).toBe('later');
    expect(urgencyOf(null, TODAY)).toBe('none');
  });

  it('due today is never overdue, and "this week" never reaches past the coming Sunday', () => {
    const day = fc.integer({ min: 0, max: 3650 }).map((n) => addDays('2024-01-01', n));
    fc.assert(
      fc.property(day, fc.integer({ min: -30, max: 30 }), (today, offset) => {
        const due = addDays(today, offset);
        const u = urgencyOf(due, today);
        if (offset < 0) expect(u).toBe('overdue');
        else if (offset <= 7 - isoWeekday(today)) expect(u).toBe('this_week');
        else expect(u).toBe('later');
      }),
    );
  });

  it('orders overdue, this week, without a deadline, later; by date inside each, then by kind, then by waiting time', () => {
    const base = { kindRank: 0, since: '2026-12-01T00:00:00Z' };
    const list = [
      { ...base, urgency: 'later' as const, dueOn: '2026-12-20' },
      { ...base, urgency: 'none' as const, dueOn: null, since: '2026-12-02T00:00:00Z' },
      { ...base, urgency: 'this_week' as const, dueOn: '2026-12-05' },
      { ...base, urgency: 'overdue' as const, dueOn: '2026-11-20' },
      { ...base, urgency: 'none' as const, dueOn: null },
      { ...base, urgency: 'overdue' as const, dueOn: '2026-11-01' },
      { ...base, urgency: 'this_week' as const, dueOn: '2026-12-05', kindRank: -1 },
    ].sort(compareWorkItems);
    expect(list.map((i) => [i.urgency, i.dueOn, i.kindRank, i.since.slice(0, 10)])).toEqual([
      ['overdue', '2026-11-01', 0, '2026-12-01'],
      ['overdue', '2026-11-20', 0, '2026-12-01'],
      ['this_week', '2026-12-05', -1, '2026-12-01'],
      ['this_week', '2026-12-05', 0, '2026-12-01'],
      ['none', null, 0, '2026-12-01'],
      ['none', null, 0, '2026-12-02'],
      ['later', '2026-12-20', 0, '2026-12-01'],
    ]);
    expect(WORK_URGENCIES).toEqual(['overdue', 'this_week', 'none', 'later']);
  });
});

describe('the work queue: who, what, why and by when, in Danish', () => {
  const sources: WorkSource[] = [
    { kind: 'task', caseId: sanne.caseId, taskId: id(1), title: 'Træf afgørelser efter sektorlovene', detail: 'Samtykket er trukket tilbage.', legalBasis: 'Serviceloven § 85', dueOn: '2026-12-10', createdAt: '2026-12-01T10:00:00.000Z' },
    complaint(),
    { kind: 'not_started', caseId: lotte.caseId, interventionId: id(2), title: 'Social stofmisbrugsbehandling', plannedStart: '2026-11-25' },
    { kind: 'calendar_conflict', caseId: lotte.caseId, conflicts: 2, firstConflictOn: '2026-12-08' },
    { kind: 'follow_up', caseId: sanne.caseId, goalId: id(3), goalTitle: 'Stabil hverdag', nextFollowUpOn: TODAY },
    { kind: 'unread_messages', caseId: lotte.caseId, threadId: id(4), subject: 'Mødet på tirsdag', unread: 2, firstUnreadAt: '2026-12-02T08:00:00.000Z', lastUnreadAt: '2026-12-03T23:30:00.000Z' },
  ];
  const queue = buildWorkQueue(sources, [lotte, sanne], TODAY);

  it('every source becomes one item with its citizen, most pressing first', () => {
    expect(queue.map((i) => [i.kind, i.urgency, i.citizenName])).toEqual([
      ['not_started', 'overdue', 'Lotte Jensen'],
      ['follow_up', 'this_week', 'Sanne Holm'],
      ['unread_messages', 'none', 'Lotte Jensen'],
      ['calendar_conflict', 'later', 'Lotte Jensen'],
      ['task', 'later', 'Sanne Holm'],
      ['reassessment', 'later', 'Lotte Jensen'],
    ]);
    expect(countByUrgency(queue)).toEqual({ overdue: 1, this_week: 1, none: 1, later: 3 });
    expect(queue.find((i) => i.kind === 'task')).toMatchObject({ relation: 'team', refId: id(1), daysLeft: 6, urgencyLabel: 'Senere frist', kindLabel: 'Opgave' });
  });

  it('says what to do and why in plain Danish', () => {
    const by = Object.fromEntries(queue.map((i) => [i.kind, i]));
    expect(by.reassessment).toMatchObject({
      what: 'Genvurdér afgørelsen »Samlet afgørelse om din helhedsorienterede indsats«',
      why: expect.stringMatching(/^Klagen over ».*« blev modtaget pr\. telefon 30\. november 2026\. Kommunen skal genvurdere/),
      dueOn: '2026-12-28',
      refId: id(10),
    });
    expect(by.not_started).toMatchObject({ what: 'Sæt gang i »Social stofmisbrugsbehandling«', why: expect.stringMatching(/skulle være startet 25\. november 2026/), daysLeft: -9 });
    expect(by.calendar_conflict).toMatchObject({ what: 'Løs 2 konflikter i kalenderen', why: expect.stringMatching(/første gang 8\. december 2026/), refId: lotte.caseId });
    expect(by.follow_up).toMatchObject({ what: 'Følg op på målet »Stabil hverdag«', why: 'Opfølgningen er planlagt til i dag.', daysLeft: 0 });
    // 23:30 UTC on 3 December is 4 December in Denmark (CET)
    expect(by.unread_messages).toMatchObject({ what: 'Svar på beskeden »Mødet på tirsdag«', why: expect.stringMatching(/2 beskeder, som ikke er læst, senest 4\. december 2026/), dueOn: null, daysLeft: null });
    expect(by.task!.why).toBe('Samtykket er trukket tilbage. Hjemmel: Serviceloven § 85.');
  });

  it('a late complaint not yet decided on asks for that decision first; once considered it is an ordinary reassessment', () => {
    const [late] = buildWorkQueue([complaint({ daysLate: 3, receivedOn: '2026-12-02', channel: 'letter' })], [lotte], TODAY);
    expect(late).toMatchObject({ kind: 'late_complaint', what: 'Tag stilling til en klage, der kom for sent', kindLabel: 'Klage modtaget for sent' });
    expect(late!.why).toMatch(/modtaget pr\. brev 2\. december 2026, 3 dage efter klagefristen 21\. december 2026/);
    const [considered] = buildWorkQueue([complaint({ daysLate: 3, lateHandling: 'consider' })], [lotte], TODAY);
    expect(considered!.kind).toBe('reassessment');
  });

  it('a task without detail or legal basis still says why; a source on an unknown case is left out', () => {
    const items = buildWorkQueue(
      [
        { kind: 'task', caseId: lotte.caseId, taskId: id(5), title: 'Ring til Lotte', detail: ' ', legalBasis: null, dueOn: null, createdAt: '2026-12-01T10:00:00.000Z' },
        { kind: 'calendar_conflict', caseId: id(99), conflicts: 1, firstConflictOn: TODAY },
      ],
      [lotte],
      TODAY,
    );
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ why: 'En opgave til dig på sagen.', urgency: 'none', urgencyLabel: 'Uden frist' });
  });
});
