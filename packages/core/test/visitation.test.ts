import { describe, expect, it } from 'vitest';
import { decideAccess } from '../src/access-policy';
import { DkkAmount } from '../src/api/common';
import { getRuleSet } from '../src/rules/registry';
import { RULE_SET_IDS } from '../src/rules/types';
import { datedValueOn, REHABILITATION_KINDS, VISITATION_RULES, visitationRules } from '../src/rules/visitation';
import {
  authorityFor,
  budgetChangeProblem,
  budgetPeriodStatus,
  budgetUse,
  checkPoolUsage,
  computeCost,
  endedForNewCases,
  fitsBudget,
  formatLegalBasis,
  inForceOn,
  isAgreedButNotStarted,
  lastDayBefore,
  limitsInForce,
  legalBasesUnder,
  mayReturnFromPause,
  meetsEmploymentTarget,
  pauseReturnDeadline,
  periodsOverlap,
  rehabilitationRequirementFor,
  routeRequest,
  type AuthorityLimitRule,
  type CatalogueLegalBasis,
} from '../src/visitation/visitation';

describe('cost', () => {
  it.each([
    [450, 120, 54_000],
    [480, 1.5, 720],
    [0.1, 3, 0.3], // no floating-point crumbs
    [11_500, 6, 69_000],
    [8_000, 1, 8_000],
    [0, 4, 0],
  ])('%d kr. × %d = %d kr.', (price, quantity, expected) => {
    expect(computeCost(price, quantity)).toBe(expected);
  });
  it.each([
    [450, 0],
    [450, -1],
    [450, Number.NaN],
    [-1, 1],
    [Number.POSITIVE_INFINITY, 1],
  ])('refuses price %d × quantity %d', (price, quantity) => {
    expect(() => computeCost(price, quantity)).toThrow(RangeError);
  });
});

describe('authority limits', () => {
  const limits: AuthorityLimitRule[] = [
    { role: 'coordinating_caseworker', unitId: 'koord', category: '*', maxAmountDkk: 50_000 },
    { role: 'specialist', unitId: 'job', category: 'beskaeftigelse', maxAmountDkk: 25_000 },
    { role: 'specialist', unitId: 'job', category: 'beskaeftigelse', maxAmountDkk: 30_000 },
    { role: 'leader', unitId: 'koord', category: '*', maxAmountDkk: 250_000 },
    { role: 'visitation_forum', unitId: 'koord', category: '*', maxAmountDkk: null },
  ];
  it.each([
    [['coordinating_caseworker'], 'koord', 'individuel_stoette', { maxAmountDkk: 50_000 }],
    [['coordinating_caseworker'], 'job', 'individuel_stoette', undefined], // the limit is the unit's
    [['specialist'], 'job', 'beskaeftigelse', { maxAmountDkk: 30_000 }], // the most generous
    [['specialist'], 'job', 'botilbud', undefined], // type limit
    [['leader', 'visitation_forum'], 'koord', 'botilbud', { maxAmountDkk: null }],
  ])('%j in %s for %s → %j', (roles, unitId, category, expected) => {
    expect(authorityFor(limits, { roles, unitId }, category)).toEqual(expected);
  });
  it.each([
    [{ maxAmountDkk: 50_000 }, 49_999.99, 'grant'],
    [{ maxAmountDkk: 50_000 }, 50_000, 'grant'],
    [{ maxAmountDkk: 50_000 }, 50_000.01, 'forum'],
    [{ maxAmountDkk: null }, 10_000_000, 'grant'],
    [undefined, 1, 'forum'],
  ] as const)('authority %j, cost %d → %s', (authority, cost, expected) => {
    expect(routeRequest(authority, cost)).toBe(expected);
  });
});

describe('forum budget', () => {
  it('granted consumes, pending is committed, remaining = budget − granted', () => {
    const use = budgetUse(600_000, [54_000, 0.1, 0.2], [70_000]);
    expect(use).toEqual({ budgetDkk: 600_000, grantedDkk: 54_000.3, committedDkk: 70_000, remainingDkk: 545_999.7, uncommittedDkk: 475_999.7 });
    expect(fitsBudget(use, 545_999.7)).toBe(true);
    expect(fitsBudget(use, 545_999.71)).toBe(false);
  });
  it('an empty period has all of it left', () => {
    expect(budgetUse(1000, [], [])).toMatchObject({ grantedDkk: 0, remainingDkk: 1000, uncommittedDkk: 1000 });
  });
  it('an amount the municipality types has øre at most, judged as written (19,99 × 100 is not whole in binary)', () => {
    expect([19.99, 0.29, 1250.55, 700_000, 99_999_999.99].map((x) => DkkAmount.safeParse(x).success)).toEqual([true, true, true, true, true]);
    expect([10.005, -1, 100_000_000.01].map((x) => DkkAmount.safeParse(x).success)).toEqual([false, false, false]);
  });
  it('a period is current from its first to its last day, planned before, ended after', () => {
    const year = { periodStart: '2026-01-01', periodEnd: '2026-12-31' };
    expect([budgetPeriodStatus(year, '2025-12-31'), budgetPeriodStatus(year, '2026-01-01'), budgetPeriodStatus(year, '2026-12-31'), budgetPeriodStatus(year, '2027-01-01')]).toEqual([
      'planned',
      'current',
      'current',
      'ended',
    ]);
  });
  it('a new amount: down to what is approved, not below (the figures in Danish); pending requests do not stop it; never for a period that is over', () => {
    const period = { periodStart: '2026-01-01', periodEnd: '2026-12-31', ...budgetUse(600_000, [135_000], [67_500]) };
    expect(budgetChangeProblem(period, 135_000, '2026-11-23')).toBeNull();
    expect(budgetChangeProblem(period, 150_000, '2026-11-23')).toBeNull();
    expect(budgetChangeProblem(period, 134_999.99, '2026-11-23')).toEqual({
      code: 'below-granted',
      message: 'Budgettet kan ikke sættes til 134.999,99 kr.: forummet har allerede godkendt 135.000 kr. i perioden 1. januar 2026 – 31. december 2026. Budgettet skal være mindst 135.000 kr.',
    });
    expect(budgetChangeProblem(period, 600_000, '2026-11-23')?.code).toBe('unchanged');
    expect(budgetChangeProblem(period, 700_000, '2027-01-01')?.code).toBe('period-ended');
  });
});

describe('legal bases by rule set', () => {
  const combined: CatalogueLegalBasis[] = [
    { law: 'LAB', section: '§ 167', ruleSets: ['plan-2018'] },
    { law: 'Serviceloven', section: '§ 85', ruleSets: ['plan-2018'] },
    { law: 'Lov om en helhedsorienteret indsats', section: 'individuel støtte', ruleSets: ['hovedlov-2022', 'beskaeftigelsesreform-2027'] },
  ];
  it('mentor + § 85 today, one provision of individual support under the main law', () => {
    expect(formatLegalBasis(legalBasesUnder(combined, 'plan-2018'))).toBe('LAB § 167 + Serviceloven § 85');
    expect(formatLegalBasis(legalBasesUnder(combined, 'hovedlov-2022'))).toBe('Lov om en helhedsorienteret indsats individuel støtte');
  });
  it('the main law names the provisions individual support replaces; the law in force none', () => {
    expect(visitationRules('plan-2018').individualSupportReplaces).toEqual([]);
    expect(visitationRules('hovedlov-2022').individualSupportReplaces).toEqual(['LAB § 167', 'Serviceloven § 85', 'Serviceloven § 82 b', 'Serviceloven § 76']);
  });
});

describe('rehabilitation prerequisite (rule data by date)', () => {
  it.each(RULE_SET_IDS)('%s has visitation rules naming the five kinds', (id) => {
    expect(VISITATION_RULES[id].rehabilitationKinds).toEqual(REHABILITATION_KINDS);
    expect(getRuleSet(id).deadlines.fleksjobPauseReturnYears).toBe(2);
  });
  it.each([
    ['hovedlov-2022', 'fleksjob', false, '2026-11-23', 'rehabilitation_team'],
    ['hovedlov-2022', 'fleksjob', false, '2030-01-01', 'rehabilitation_team'],
    ['plan-2018', 'foertidspension', false, '2026-11-23', 'rehabilitation_team'],
    ['hovedlov-2022', 'mentor', false, '2026-11-23', null],
    ['hovedlov-2022', 'eget_forloeb', true, '2026-11-23', 'rehabilitation_team'], // flagged by the municipality
    ['beskaeftigelsesreform-2027', 'jobafklaringsforloeb', false, '2026-12-31', 'rehabilitation_team'],
    ['beskaeftigelsesreform-2027', 'jobafklaringsforloeb', false, '2027-01-01', 'prerequisite_description'],
    ['beskaeftigelsesreform-2027', 'sygedagpenge_kategori_3', false, '2027-06-01', 'prerequisite_description'],
  ] as const)('%s: %s (flag %s) on %s → %s', (ruleSet, kind, flag, on, expected) => {
    expect(rehabilitationRequirementFor(visitationRules(ruleSet), { kind, requiresRehabilitation: flag }, on)).toBe(expected);
  });
  it.each([
    ['beskaeftigelsesreform-2027', 'ressourceforloeb', '2026-12-31', false],
    ['beskaeftigelsesreform-2027', 'ressourceforloeb', '2027-01-01', true],
    ['beskaeftigelsesreform-2027', 'revalidering', '2027-01-02', true],
    ['beskaeftigelsesreform-2027', 'fleksjob', '2027-01-02', false],
    ['hovedlov-2022', 'ressourceforloeb', '2030-01-01', false],
  ] as const)('%s: %s ended for new cases on %s: %s', (ruleSet, kind, on, expected) => {
    expect(endedForNewCases(visitationRules(ruleSet), kind, on)).toBe(expected);
  });
  it('the latest dated entry on or before the date wins; null is the beginning', () => {
    const src = { law: 'x', document: 'y' };
    const entries = [
      { from: '2027-01-01', value: 'b', source: src },
      { from: null, value: 'a', source: src },
      { from: '2028-01-01', value: 'c', source: src },
    ];
    expect(datedValueOn(entries, '2026-12-31')?.value).toBe('a');
    expect(datedValueOn(entries, '2027-01-01')?.value).toBe('b');
    expect(datedValueOn(entries, '2029-01-01')?.value).toBe('c');
    expect(datedValueOn([{ from: '2027-01-01', value: 'b', source: src }], '2026-01-01')).toBeUndefined();
  });
});

describe('agreed but not started', () => {
  const base = { visitationStatus: 'granted' as const, plannedStart: '2026-12-01', startedOn: null };
  it.each([
    [base, '2026-11-30', false],
    [base, '2026-12-01', false], // on the planned day it can still start
    [base, '2026-12-02', true],
    [{ ...base, visitationStatus: 'approved' as const }, '2026-12-02', true],
    [{ ...base, visitationStatus: 'requested' as const }, '2026-12-02', false], // not agreed yet
    [{ ...base, visitationStatus: 'rejected' as const }, '2027-01-01', false],
    [{ ...base, visitationStatus: 'running' as const, startedOn: '2026-12-03' }, '2027-01-01', false],
    [{ ...base, startedOn: '2026-12-05' }, '2027-01-01', false],
    [{ ...base, visitationStatus: null }, '2027-01-01', false], // registered before visitation
    [{ ...base, plannedStart: null }, '2027-01-01', false],
  ])('%j on %s → %s', (state, today, expected) => {
    expect(isAgreedButNotStarted(state, today)).toBe(expected);
  });
});

describe('flexible hour pool', () => {
  const pool = { totalHours: 120, usedHours: 118, periodStart: '2026-12-01', periodEnd: '2027-05-31' };
  it.each([
    [2, '2026-12-01', null],
    [2, '2027-05-31', null],
    [2.25, '2027-01-10', 'exceeds_pool'],
    [1.5, '2026-11-30', 'outside_period'],
    [1.5, '2027-06-01', 'outside_period'],
    [0, '2027-01-10', 'hours'],
    [-1, '2027-01-10', 'hours'],
    [0.1, '2027-01-10', 'hours'], // whole quarters only
  ] as const)('%d hours on %s → %s', (hours, on, expected) => {
    expect(checkPoolUsage(pool, hours, on)).toBe(expected);
  });
});

describe('fleksjob pause: the 2-year return window', () => {
  it.each([
    ['2026-12-01', '2028-11-30', true],
    ['2026-12-01', '2028-12-01', true], // on the 2-year date
    ['2026-12-01', '2028-12-02', false], // the day after
    ['2026-12-01', '2026-12-01', true],
    ['2026-12-01', '2026-11-30', false], // before the pause
    // Paused on a leap day: the window ends 28 February (no 29th), never 1 March.
    ['2024-02-29', '2026-02-27', true],
    ['2024-02-29', '2026-02-28', true],
    ['2024-02-29', '2026-03-01', false],
    // Two years from a leap day to a leap day.
    ['2026-02-28', '2028-02-28', true],
    ['2026-02-28', '2028-02-29', false],
  ])('paused %s, returns %s → %s', (pausedOn, returnOn, allowed) => {
    expect(mayReturnFromPause(pausedOn, returnOn, 2).allowed).toBe(allowed);
  });
  it('the deadline and the reason', () => {
    expect(pauseReturnDeadline('2024-02-29', 2)).toBe('2026-02-28');
    expect(mayReturnFromPause('2026-12-01', '2029-01-01', 2)).toEqual({ allowed: false, reason: 'window_passed', deadline: '2028-12-01' });
    expect(mayReturnFromPause('2026-12-01', '2026-11-01', 2)).toMatchObject({ allowed: false, reason: 'before_pause' });
  });
});

describe('employment tools keep the employment law\'s requirements', () => {
  it.each([
    ['beskaeftigelse', ['kontanthjaelp'], true],
    ['beskaeftigelse', ['fleksloentilskud'], true],
    ['beskaeftigelse', ['folkepension'], false],
    ['beskaeftigelse', [], false],
    ['botilbud', [], true], // social and health interventions need no employment target
    ['misbrug', [], true],
  ])('%s with benefits %j → %s', (category, codes, expected) => {
    for (const id of RULE_SET_IDS) expect(meetsEmploymentTarget(visitationRules(id), category, codes)).toBe(expected);
  });
});

describe('access: the visitation forum sees what is put before it, nothing else', () => {
  it.each([
    [['visitation_forum'], 'visitation.forum_read', 'forum', true],
    [['visitation_forum'], 'visitation.decide', 'forum', true],
    [['visitation_forum'], 'visitation.forum_read', 'none', false],
    [['visitation_forum'], 'citizen.read', 'forum', false],
    [['visitation_forum'], 'case.read', 'forum', false],
    [['visitation_forum'], 'visitation.forum_queue', 'none', true],
    [['coordinating_caseworker'], 'visitation.decide', 'coordinator', false],
    [['coordinating_caseworker'], 'visitation.request', 'coordinator', true],
    [['coordinating_caseworker'], 'visitation.request', 'contact', false],
    [['specialist'], 'visitation.request', 'contact', false],
    [['specialist'], 'visitation.register_hours', 'contact', true],
    [['administrator'], 'catalogue.manage', 'none', true],
    [['coordinating_caseworker'], 'catalogue.manage', 'none', false],
  ] as const)('%j %s with relation %s → %s', (roles, action, relation, allowed) => {
    expect(decideAccess({ roles, action, relation }).allowed).toBe(allowed);
  });
});

describe('authority limits over time', () => {
  const limit = (validFrom: string, validUntil: string | null, maxAmountDkk: number | null = 50_000) => ({ role: 'coordinating_caseworker', unitId: 'u', category: '*', maxAmountDkk, validFrom, validUntil });

  it.each([
    ['before the first day', limit('2026-12-01', null), '2026-11-30', false],
    ['on the first day', limit('2026-12-01', null), '2026-12-01', true],
    ['on the last day', limit('2026-01-01', '2026-11-22'), '2026-11-22', true],
    ['the day after the last day (ended yesterday)', limit('2026-01-01', '2026-11-22'), '2026-11-23', false],
    ['withdrawn before it began (last day before the first)', limit('2026-12-01', '2026-11-30'), '2026-12-01', false],
  ])('%s', (_what, l, onDate, expected) => {
    expect(inForceOn(l, onDate)).toBe(expected);
    expect(limitsInForce([l], onDate)).toHaveLength(expected ? 1 : 0);
  });

  it('a change on 1 December: 50 000 until 30 November, 75 000 from 1 December; visitation on each day sees the one in force', () => {
    const rows = [limit('2026-01-01', '2026-11-30', 50_000), limit('2026-12-01', null, 75_000)];
    const who = { roles: ['coordinating_caseworker'], unitId: 'u' };
    expect(authorityFor(limitsInForce(rows, '2026-11-30'), who, 'bolig')).toEqual({ maxAmountDkk: 50_000 });
    expect(authorityFor(limitsInForce(rows, '2026-12-01'), who, 'bolig')).toEqual({ maxAmountDkk: 75_000 });
    expect(routeRequest(authorityFor(limitsInForce(rows, '2026-11-30'), who, 'bolig'), 60_000)).toBe('forum');
    expect(routeRequest(authorityFor(limitsInForce(rows, '2026-12-01'), who, 'bolig'), 60_000)).toBe('grant');
  });

  it.each([
    ['open and open', limit('2026-01-01', null), limit('2027-01-01', null), true],
    ['one ends the day before the other begins', limit('2026-01-01', '2026-12-31'), limit('2027-01-01', null), false],
    ['one ends the day the other begins', limit('2026-01-01', '2027-01-01'), limit('2027-01-01', null), true],
    ['a later one ended', limit('2027-01-01', '2027-06-30'), limit('2026-01-01', '2026-12-31'), false],
  ])('periods overlap: %s', (_what, a, b, expected) => {
    expect(periodsOverlap(a, b)).toBe(expected);
    expect(periodsOverlap(b, a)).toBe(expected);
  });

  const today = '2026-11-23';
  it.each([
    ['from today: the old value was in force until yesterday', limit('2026-01-01', null), today, { ok: true, lastDay: '2026-11-22' }],
    ['from a later day', limit('2026-01-01', null), '2027-01-01', { ok: true, lastDay: '2026-12-31' }],
    ['backwards is refused', limit('2026-01-01', null), '2026-11-22', { ok: false, code: 'backdated' }],
    ['a limit already ended is history', limit('2026-01-01', '2026-11-22'), today, { ok: false, code: 'already-ended' }],
    ['a future limit from its own first day: never in force', limit('2026-12-01', null), '2026-12-01', { ok: true, lastDay: '2026-11-30' }],
    ['a future limit from before its first day', limit('2026-12-01', null), today, { ok: false, code: 'before-start' }],
    ['after a planned end', limit('2026-01-01', '2026-12-31'), '2027-01-01', { ok: false, code: 'after-end' }],
    ['on the planned last day', limit('2026-01-01', '2026-12-31'), '2026-12-31', { ok: true, lastDay: '2026-12-30' }],
  ])('changing or ending: %s', (_what, l, effectiveFrom, expected) => {
    expect(lastDayBefore(l, effectiveFrom, today)).toMatchObject(expected);
  });
});
