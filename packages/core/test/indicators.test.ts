import { describe, expect, it } from 'vitest';
import {
  ageBand,
  authorityPersonKey,
  complaintOutcomes,
  consentOutcome,
  consentRate,
  contactsBeforeAndNow,
  contactsIndicator,
  defaultPeriod,
  indicatorTable,
  employmentByYear,
  lastDayOf,
  monthsIn,
  notStartedNow,
  periodProblems,
  selfSupportingOn,
  shownShare,
  spreadOf,
  startTimeliness,
  suppressCounts,
  TABLE_COLUMNS,
  surveyOverPeriod,
  timeToMilestone,
  toCsv,
  yearsIn,
  type AgreedIntervention,
  type ComplaintFacts,
  type ContactFacts,
  type IndicatorPeriod,
  type OfferFacts,
} from '../src/indicators/index';

const year2026: IndicatorPeriod = { from: '2026-01', to: '2026-12' };

describe('periods of whole months', () => {
  it.each([
    [{ from: '2026-01', to: '2026-03' }, ['2026-01', '2026-02', '2026-03']],
    [{ from: '2025-11', to: '2026-02' }, ['2025-11', '2025-12', '2026-01', '2026-02']],
    [{ from: '2026-05', to: '2026-05' }, ['2026-05']],
    [{ from: '2026-05', to: '2026-04' }, []],
  ])('%o has the months %o', (period, months) => expect(monthsIn(period)).toEqual(months));

  it.each([
    ['2026-02', '2026-02-28'],
    ['2028-02', '2028-02-29'],
    ['2026-12', '2026-12-31'],
    ['2026-04', '2026-04-30'],
  ])('the last day of %s is %s', (month, day) => expect(lastDayOf(month)).toBe(day));

  it.each([
    ['2026-11-23', { from: '2025-12', to: '2026-11' }],
    ['2026-01-01', { from: '2025-02', to: '2026-01' }],
    ['2026-12-31', { from: '2026-01', to: '2026-12' }],
  ])('by default the twelve months up to %s: %o', (today, period) => expect(defaultPeriod(today)).toEqual(period));

  it.each([
    [{ from: '2026-01', to: '2026-12' }, []],
    [{ from: '2026-03', to: '2026-03' }, []],
    [{ from: '2026-03', to: '2026-02' }, ['Slutmåneden ligger før startmåneden.']],
    [{ from: '2021-01', to: '2025-12' }, []],
    [{ from: '2021-01', to: '2026-01' }, ['Perioden kan højst være 60 måneder (5 år).']],
  ])('%o: problems %o', (period, messages) => expect(periodProblems(period).map((p) => p.message)).toEqual(messages));

  it('the years a period touches', () => {
    expect(yearsIn({ from: '2025-11', to: '2027-01' })).toEqual([2025, 2026, 2027]);
  });
});

describe('quartiles and the small-numbers rule', () => {
  it.each([
    [[], null],
    [[7], { n: 1, q1: 7, median: 7, q3: 7 }],
    [[1, 2], { n: 2, q1: 1.3, median: 1.5, q3: 1.8 }],
    [[3, 1, 2], { n: 3, q1: 1.5, median: 2, q3: 2.5 }],
    [[1, 2, 3, 4], { n: 4, q1: 1.8, median: 2.5, q3: 3.3 }],
    [[10, 20, 30, 40, 50], { n: 5, q1: 20, median: 30, q3: 40 }],
    [[5, 5, 5, 5, 5, 5], { n: 6, q1: 5, median: 5, q3: 5 }],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 100], { n: 10, q1: 3.3, median: 5.5, q3: 7.8 }],
  ])('%o → %o (QUARTILE.INC, one decimal)', (values, spread) => expect(spreadOf(values)).toEqual(spread));

  it.each([
    [0, 0, null],
    [3, 4, null],
    [2, 5, 0.4],
    [5, 5, 1],
  ])('share %i of %i → %o', (part, whole, share) => expect(shownShare(part, whole)).toBe(share));

  it.each([
    ['nothing small', [12, 7, 0], [12, 7, 0]],
    ['one small part: the smallest other part is hidden too', [12, 3, 7], [12, 'under 5', 'skjult']],
    ['two small parts hide each other', [12, 3, 2], [12, 'under 5', 'under 5']],
    ['zero is never hidden', [0, 0, 9], [0, 0, 9]],
    ['one small part and only zeros besides', [4, 0], ['under 5', 0]],
  ])('%s: %o → %o', (_what, parts, shown) => expect(suppressCounts(parts)).toEqual(shown));

  it('without a published total a lone small count hides nothing else', () => {
    expect(suppressCounts([3, 9], false)).toEqual(['under 5', 9]);
  });
});

describe('consent rate', () => {
  const offer = (offeredOn: string, over: Partial<OfferFacts> = {}): OfferFacts => ({ offeredOn, consentGivenOn: null, withdrawnOn: null, closedWithoutConsent: false, ...over });

  it.each([
    [offer('2026-01-05', { consentGivenOn: '2026-01-10' }), 'given'],
    [offer('2026-01-05', { consentGivenOn: '2026-01-10', withdrawnOn: '2026-03-01' }), 'withdrawn'],
    [offer('2026-01-05', { closedWithoutConsent: true }), 'declined'],
    [offer('2026-01-05'), 'awaiting'],
  ])('%o is %s', (facts, outcome) => expect(consentOutcome(facts)).toBe(outcome));

  it('counts by the month of the offer; offers outside the period are left out; the share needs five offers', () => {
    const offers = [
      offer('2025-12-30', { consentGivenOn: '2026-01-02' }),
      offer('2026-01-05', { consentGivenOn: '2026-01-10' }),
      offer('2026-01-20', { consentGivenOn: '2026-02-01', withdrawnOn: '2026-05-01' }),
      offer('2026-01-21', { closedWithoutConsent: true }),
      offer('2026-01-31'),
      offer('2026-02-02', { consentGivenOn: '2026-02-03' }),
      offer('2026-02-10', { consentGivenOn: '2026-02-11' }),
    ];
    const rate = consentRate(offers, { from: '2026-01', to: '2026-02' });
    expect(rate.total).toEqual({ offered: 6, given: 3, withdrawn: 1, declined: 1, awaiting: 1, consentShare: 4 / 6 });
    expect(rate.months).toEqual([
      { month: '2026-01', offered: 4, given: 1, withdrawn: 1, declined: 1, awaiting: 1, consentShare: null },
      { month: '2026-02', offered: 2, given: 2, withdrawn: 0, declined: 0, awaiting: 0, consentShare: null },
    ]);
  });
});

describe('time from consent to plan and decision', () => {
  it('median and quartiles of those who reached it, by the month of consent; the waiting are counted', () => {
    const facts = [
      { consentOn: '2026-03-01', reachedOn: '2026-03-11' }, // 10
      { consentOn: '2026-03-05', reachedOn: '2026-03-25' }, // 20
      { consentOn: '2026-03-10', reachedOn: '2026-04-09' }, // 30
      { consentOn: '2026-03-15', reachedOn: '2026-04-24' }, // 40
      { consentOn: '2026-03-20', reachedOn: '2026-05-09' }, // 50
      { consentOn: '2026-03-25', reachedOn: null },
      { consentOn: '2026-04-01', reachedOn: '2026-04-08' }, // 7
      { consentOn: '2027-01-01', reachedOn: '2027-01-02' }, // outside
    ];
    const result = timeToMilestone(facts, { from: '2026-03', to: '2026-04' });
    expect(result.months).toEqual([
      { month: '2026-03', consents: 6, reached: 5, waiting: 1, days: { n: 5, q1: 20, median: 30, q3: 40 } },
      { month: '2026-04', consents: 1, reached: 1, waiting: 0, days: null },
    ]);
    expect(result.total).toEqual({ consents: 7, reached: 6, waiting: 1, days: { n: 6, q1: 12.5, median: 25, q3: 37.5 } });
  });

  it('a plan dated before the consent counts as no time, not negative time', () => {
    const facts = Array.from({ length: 5 }, () => ({ consentOn: '2026-03-10', reachedOn: '2026-03-01' }));
    expect(timeToMilestone(facts, year2026).total.days).toEqual({ n: 5, q1: 0, median: 0, q3: 0 });
  });
});

describe('contacts per citizen', () => {
  const contact = (name: string, since: string, endedOn: string | null, over: Partial<ContactFacts> = {}): ContactFacts => ({
    employeeId: null,
    name,
    organisation: 'Demoby Kommune',
    authority: true,
    since,
    endedOn,
    ...over,
  });
  const opened = '2026-06-01';

  it.each([
    ['ended the day the case opened: before, not now', [contact('A', '2025-01-01', '2026-06-01')], { before: 1, now: 0 }],
    ['ran through the opening: both', [contact('A', '2025-01-01', null)], { before: 1, now: 1 }],
    ['ended more than 12 months before: neither', [contact('A', '2024-01-01', '2025-05-31')], { before: 0, now: 0 }],
    ['ended exactly 12 months before: before', [contact('A', '2024-01-01', '2025-06-01')], { before: 1, now: 0 }],
    ['began with the case: now only', [contact('Koordinator', '2026-06-01', null)], { before: 0, now: 1 }],
    ['not an authority person: neither', [contact('Psykolog', '2025-01-01', null, { authority: false })], { before: 0, now: 0 }],
    ['the same person twice counts once', [contact('A', '2025-01-01', '2025-12-01'), contact('a', '2026-01-01', null)], { before: 1, now: 1 }],
    ['an employee is one person whatever the name', [contact('A', '2025-01-01', null, { employeeId: 'e1' }), contact('B', '2025-02-01', null, { employeeId: 'e1' })], { before: 1, now: 1 }],
    ['begins after the day measured: not now', [contact('Ny', '2026-12-01', null)], { before: 0, now: 0 }],
  ])('%s', (_what, contacts, expected) => expect(contactsBeforeAndNow(contacts, opened, '2026-11-23')).toEqual(expected));

  it('the person key', () => {
    expect(authorityPersonKey({ employeeId: null, name: 'Anne Holm', organisation: 'Jobcenter' })).toBe('anne holm|jobcenter');
    expect(authorityPersonKey({ employeeId: 'e1', name: 'Anne Holm', organisation: null })).toBe('e1');
  });

  it('mean and median before and now, from five cases; fewer now is counted', () => {
    const cases = [
      { before: 13, now: 3 },
      { before: 17, now: 4 },
      { before: 5, now: 2 },
      { before: 2, now: 2 },
      { before: 8, now: 9 },
    ];
    expect(contactsIndicator(cases)).toEqual({ cases: 5, before: { mean: 9, median: 8 }, now: { mean: 4, median: 3 }, fewerNow: 3 });
    expect(contactsIndicator(cases.slice(0, 4))).toMatchObject({ cases: 4, before: null, now: null, fewerNow: 3 });
  });
});

describe('agreed interventions and their start', () => {
  const item = (plannedStart: string, startedOn: string | null, over: Partial<AgreedIntervention> = {}): AgreedIntervention => ({
    sector: 'employment',
    caseOpen: true,
    visitationStatus: startedOn ? 'running' : 'granted',
    plannedStart,
    startedOn,
    ...over,
  });
  const today = '2026-11-23';

  it('by the month of the planned start: on time, late, not started; future starts and requests are not due', () => {
    const items = [
      item('2026-10-05', '2026-10-05'),
      item('2026-10-06', '2026-10-01'),
      item('2026-10-07', '2026-10-20'),
      item('2026-10-08', null),
      item('2026-10-09', null, { visitationStatus: 'requested' }),
      item('2026-11-23', null),
      item('2026-11-22', null, { visitationStatus: 'ended' }),
    ];
    const result = startTimeliness(items, { from: '2026-10', to: '2026-11' }, today);
    expect(result.months).toEqual([
      { month: '2026-10', due: 4, onTime: 2, late: 1, notStarted: 1 },
      { month: '2026-11', due: 1, onTime: 0, late: 0, notStarted: 1 },
    ]);
    expect(result.total).toEqual({ due: 5, onTime: 2, late: 1, notStarted: 2 });
  });

  it("now: the caseworker's flag, open cases only, by sector", () => {
    const items = [
      item('2026-11-01', null),
      item('2026-11-02', null, { sector: 'adult_social' }),
      item('2026-11-03', null, { sector: 'adult_social' }),
      item('2026-11-04', null, { caseOpen: false }),
      item('2026-11-23', null),
      item('2026-11-01', '2026-11-05'),
      item('2026-11-01', null, { visitationStatus: 'ended' }),
    ];
    expect(notStartedNow(items, today)).toEqual({ count: 3, bySector: [{ sector: 'adult_social', count: 2 }, { sector: 'employment', count: 1 }] });
  });
});

describe('complaints and their outcomes', () => {
  const complaint = (receivedOn: string, over: Partial<ComplaintFacts> = {}): ComplaintFacts => ({ receivedOn, status: 'received', reassessmentOutcome: null, appealResult: null, ...over });

  it('each complaint lands in exactly one outcome, and upheld ones in one appeal result', () => {
    const complaints = [
      complaint('2026-05-02'),
      complaint('2026-05-03', { status: 'refused_late' }),
      complaint('2026-05-04', { status: 'changed', reassessmentOutcome: 'change' }),
      complaint('2026-05-05', { status: 'forwarded', reassessmentOutcome: 'uphold' }),
      complaint('2026-06-01', { status: 'closed', reassessmentOutcome: 'uphold', appealResult: 'stadfaestet' }),
      complaint('2026-06-02', { status: 'forwarded', reassessmentOutcome: 'uphold', appealResult: 'hjemvist' }),
      complaint('2025-12-31', { status: 'changed', reassessmentOutcome: 'change' }),
    ];
    const { total, months } = complaintOutcomes(complaints, { from: '2026-05', to: '2026-06' });
    expect(total).toEqual({
      received: 6,
      refusedLate: 1,
      awaitingReassessment: 1,
      changedByMunicipality: 1,
      upheldAndForwarded: 3,
      appeal: { awaiting: 1, stadfaestet: 1, aendret: 0, ophaevet: 0, hjemvist: 1 },
    });
    expect(months.map((m) => [m.month, m.received, m.upheldAndForwarded])).toEqual([
      ['2026-05', 4, 1],
      ['2026-06', 2, 2],
    ]);
  });
});

describe('employment year on year', () => {
  const kontanthjaelp = (start: string, end: string | null = null) => ({ code: 'kontanthjaelp', start, end });

  it.each([
    ['on kontanthjælp', [kontanthjaelp('2020-01-01')], false],
    ['kontanthjælp ended the day before', [kontanthjaelp('2020-01-01', '2026-06-29')], true],
    ['kontanthjælp ends that very day', [kontanthjaelp('2020-01-01', '2026-06-30')], false],
    ['in fleksjob, also with ledighedsydelse the same day', [{ code: 'fleksjob', start: '2026-01-01', end: null }, { code: 'ledighedsydelse', start: '2025-01-01', end: '2026-06-30' }], true],
    ['on førtidspension', [{ code: 'foertidspension', start: '2024-01-01', end: null }], false],
    ['only a plan and support', [{ code: 'min_plan', start: '2024-01-01', end: null }, { code: 'sel_85', start: '2024-01-01', end: null }], true],
  ])('%s → self-supporting %s', (_what, records, expected) => expect(selfSupportingOn(records, '2026-06-30')).toBe(expected));

  it('measured on 31 December (today this year) among those who had consented; change in percentage points', () => {
    const citizen = (consentOn: string, benefitEnds: string | null) => ({ consentOn, records: [kontanthjaelp('2019-01-01', benefitEnds)] });
    const citizens = [
      // consented in 2025: five, one off benefits by the end of 2025, three by today
      citizen('2025-03-01', '2025-10-01'),
      citizen('2025-04-01', '2026-05-01'),
      citizen('2025-05-01', '2026-06-01'),
      citizen('2025-06-01', null),
      citizen('2025-07-01', null),
      // consented in 2026: five more, one off benefits
      citizen('2026-02-01', '2026-09-01'),
      citizen('2026-03-01', null),
      citizen('2026-04-01', null),
      citizen('2026-05-01', null),
      citizen('2026-12-01', null),
    ];
    // the year before the first comes along for the comparison; a year not yet begun does not
    expect(employmentByYear(citizens, [2026, 2027], '2026-11-23')).toEqual([
      { year: 2025, measuredOn: '2025-12-31', citizens: 5, selfSupporting: 1, share: 0.2, changePoints: null },
      { year: 2026, measuredOn: '2026-11-23', citizens: 9, selfSupporting: 4, share: 4 / 9, changePoints: 24.4 },
    ]);
    expect(employmentByYear(citizens, [2025, 2026], '2026-11-23').map((y) => [y.year, y.measuredOn, y.citizens, y.selfSupporting, y.changePoints])).toEqual([
      // 2024 had no one in the effort: not shown
      [2025, '2025-12-31', 5, 1, null],
      [2026, '2026-11-23', 9, 4, 24.4],
    ]);
  });
});

describe('the survey over a period', () => {
  it('every quarter the period touches, empty ones too; a share from at least five answers', () => {
    const rows = [
      { period: '2026-Q1', answer: 'yes_high' as const, count: 4 },
      { period: '2026-Q1', answer: 'no_little' as const, count: 1 },
      { period: '2026-Q2', answer: 'yes_some' as const, count: 3 },
      { period: '2025-Q4', answer: 'yes_some' as const, count: 9 },
    ];
    expect(surveyOverPeriod(rows, { from: '2026-02', to: '2026-07' })).toEqual([
      { period: '2026-Q1', answers: 5, counted: 5, positive: 4, share: 0.8 },
      { period: '2026-Q2', answers: 3, counted: 3, positive: null, share: null },
      { period: '2026-Q3', answers: 0, counted: 0, positive: null, share: null },
    ]);
  });
});

describe('the evaluation export', () => {
  it.each([
    ['2009-01-01', 'under 18'],
    ['2008-11-23', '18-24'],
    ['2001-11-24', '18-24'],
    ['2001-11-23', '25-29'],
    ['1996-11-24', '25-29'],
    ['1996-11-23', '30-39'],
    ['1976-11-24', '40-49'],
    ['1967-11-24', '50-59'],
    ['1966-11-23', '60+'],
  ])('born %s: age band %s on 2026-11-23', (birthDate, band) => expect(ageBand(birthDate, '2026-11-23')).toBe(band));

  it('CSV after RFC 4180: commas, quotes and line breaks quoted; CRLF; empty for null', () => {
    expect(toCsv(['a', 'b'], [['x,y', 'sagde "nej"'], [null, 3], ['linje\nto', 'æøå']])).toBe('a,b\r\n"x,y","sagde ""nej"""\r\n,3\r\n"linje\nto",æøå\r\n');
  });
});

describe('the indicators as a file that may leave the municipality', () => {
  const period = { from: '2026-01', to: '2026-02' };
  const offer = (offeredOn: string, given: boolean) => ({ offeredOn, consentGivenOn: given ? offeredOn : null, withdrawnOn: null, closedWithoutConsent: !given });
  const none = { candidates: 0, assessed: 0, offered: 0, withCase: 0, consented: 0, offeredShare: 0 };
  const data = {
    period: { ...period, firstDay: '2026-01-01', lastDay: '2026-02-28', months: ['2026-01', '2026-02'] },
    today: '2026-03-01',
    generatedAt: '2026-03-01T10:00:00.000Z',
    smallNumber: 5,
    phaseIn: { mandatory: { ...none, candidates: 12, assessed: 3 }, optional: none, screenedOn: '2026-01-05' },
    // January: 3 offers (2 yes, 1 no); February: 9 offers (7 yes, 2 no)
    consent: consentRate([...[true, true, false].map((g) => offer('2026-01-10', g)), ...[1, 2, 3, 4, 5, 6, 7].map(() => offer('2026-02-10', true)), offer('2026-02-11', false), offer('2026-02-12', false)], period),
    contacts: { measuredOn: '2026-02-28', cases: 3, before: null, now: null, fewerNow: 3 },
    timeToPlan: timeToMilestone([], period),
    timeToDecision: timeToMilestone([], period),
    notStarted: { now: { count: 0, bySector: [] }, ...startTimeliness([], period, '2026-03-01') },
    complaints: complaintOutcomes([], period),
    employment: { definition: '', years: [] },
    survey: { question: '', periods: [] },
  };
  const rows = indicatorTable(data);
  const value = (indicator: string, period: string, measure: string) => rows.find((r) => r[0] === indicator && r[1] === period && r[2] === measure)?.[3];

  it('counts of 1–4 are "under 5"; a part next to one hidden part is hidden too', () => {
    expect(value('samtykke', '2026-01', 'tilbudt')).toBe('under 5');
    expect(value('samtykke', '2026-01', 'gav_samtykke')).toBe('under 5');
    expect(value('samtykke', '2026-02', 'tilbudt')).toBe(9);
    // 7 said yes and 2 said no: with the 2 hidden, the 7 would give it away
    expect(value('samtykke', '2026-02', 'gav_samtykke')).toBe('skjult');
    expect(value('samtykke', '2026-02', 'sagde_nej')).toBe('under 5');
    expect(value('indfasning_skal', '2026-01-05', 'kandidater')).toBe(12);
    expect(value('indfasning_skal', '2026-01-05', 'vurderet')).toBe('under 5');
    expect(value('kontaktpersoner', '2026-02-28', 'sager')).toBe('under 5');
  });

  it('no count is summed over the whole period, so a hidden month cannot be worked out; the period has statistics only', () => {
    const wholePeriod = rows.filter((r) => r[1] === '2026-01..2026-02');
    expect(wholePeriod.map((r) => r[2]).sort()).toEqual(['andel_samtykke', 'kvartil_1', 'kvartil_1', 'kvartil_3', 'kvartil_3', 'median', 'median']);
    expect(value('samtykke', '2026-01..2026-02', 'andel_samtykke')).toBe(9 / 12);
  });

  it('is written as CSV with its header', () => {
    expect(toCsv(TABLE_COLUMNS, rows).split('\r\n')[0]).toBe('indikator,periode,maal,vaerdi');
  });
});
