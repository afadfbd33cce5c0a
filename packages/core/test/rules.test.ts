import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareDates, isLocalDate } from '../src/local-date';
import { DEFAULT_RULE_SET_ID, getRuleSet, isRuleSetId, RULE_SETS, ruleSetInForce } from '../src/rules/registry';
import { RULE_SET_IDS, type RuleSetId, type RuleSetSelection } from '../src/rules/types';

const SEEDS_DIR = fileURLToPath(new URL('../../../../shared/seeds/', import.meta.url));

describe('rule set data', () => {
  it('has exactly one rule set per id, filed under its own id', () => {
    expect(Object.keys(RULE_SETS).sort()).toEqual([...RULE_SET_IDS].sort());
    for (const id of RULE_SET_IDS) expect(RULE_SETS[id].id).toBe(id);
  });

  it.each([
    ['plan-2018', '2018-07-01', false, undefined],
    ['hovedlov-2022', null, true, undefined],
    ['beskaeftigelsesreform-2027', '2026-02-01', true, 'hovedlov-2022'],
  ] as const)('%s: in force from %s, combined decision %s, amends %s', (id, effectiveFrom, combined, amends) => {
    const ruleSet = getRuleSet(id);
    expect(ruleSet.effectiveFrom).toBe(effectiveFrom);
    expect(ruleSet.combinedDecision).toBe(combined);
    expect(ruleSet.decisions.mode).toBe(combined ? 'combined' : 'per_sector');
    expect(ruleSet.amends).toBe(amends);
  });

  it.each(RULE_SET_IDS)('%s carries the SPEC §5 deadlines', (id) => {
    expect(getRuleSet(id).deadlines).toEqual({
      consentWithdrawalDecisionDays: 14,
      complaintWeeks: 4,
      reassessmentWeeks: 4,
      ordinaryPostReceiptDays: 6,
      digitalPostReceiptDays: 0,
      fleksjobPauseReturnYears: 2,
      appealResultFollowUpDays: 14,
    });
  });

  it.each(RULE_SET_IDS)('%s has a Danish title, sources, and a valid date', (id) => {
    const ruleSet = getRuleSet(id);
    expect(ruleSet.title.length).toBeGreaterThan(10);
    expect(ruleSet.sources.length).toBeGreaterThan(0);
    if (ruleSet.effectiveFrom !== null) expect(isLocalDate(ruleSet.effectiveFrom)).toBe(true);
    if (ruleSet.amends) expect(isRuleSetId(ruleSet.amends)).toBe(true);
  });

  const seedDocuments = RULE_SET_IDS.flatMap((id) => getRuleSet(id).sources.map((s) => s.document)).filter(
    (document) => document !== 'SPEC.md §5',
  );

  it('every source document is the spec or named like a seed file', () => {
    expect(seedDocuments.length).toBeGreaterThan(0);
    for (const document of seedDocuments) expect(document).toMatch(/^\d{3}-[a-z0-9-]+\.txt$/i);
  });

  // The seeds live beside the repository, not in it; check them where they are present.
  it.skipIf(!existsSync(SEEDS_DIR))('every seed document named exists in shared/seeds', () => {
    for (const document of seedDocuments) expect(existsSync(SEEDS_DIR + document), document).toBe(true);
  });

  it('plan-2018 lists the five plans one holistic plan can replace', () => {
    expect(getRuleSet('plan-2018').sources.map((s) => `${s.law} ${s.paragraph ?? ''}`.trim())).toEqual(
      expect.arrayContaining([
        'Lov om en aktiv beskæftigelsesindsats § 40, stk. 3',
        'Lov om social service § 141, stk. 7',
        'Lov om sygedagpenge § 13 e',
        'Barnets lov § 78',
        'Barnets lov § 110',
      ]),
    );
  });
});

describe('getRuleSet / isRuleSetId', () => {
  it('returns the rule set', () => {
    expect(getRuleSet('hovedlov-2022').title).toContain('helhedsorienteret indsats');
  });

  it('rejects an unknown id from outside the type system', () => {
    expect(() => getRuleSet('hovedlov-2019' as RuleSetId)).toThrow('Ukendt regelsæt: "hovedlov-2019".');
    expect(() => getRuleSet('toString' as RuleSetId)).toThrow(/Ukendt regelsæt/);
    expect(isRuleSetId('toString')).toBe(false);
    expect(isRuleSetId(undefined)).toBe(false);
  });
});

describe('ruleSetInForce', () => {
  const selections: RuleSetSelection[] = [
    { ruleSetId: 'hovedlov-2022', fromDate: '2025-03-01' },
    { ruleSetId: 'beskaeftigelsesreform-2027', fromDate: '2027-01-01' },
  ];

  it.each([
    ['2025-02-28', 'plan-2018', 'before any selection'],
    ['2025-03-01', 'hovedlov-2022', 'on the from-date'],
    ['2026-12-31', 'hovedlov-2022', 'between selections'],
    ['2027-01-01', 'beskaeftigelsesreform-2027', 'on the next from-date'],
    ['2030-06-01', 'beskaeftigelsesreform-2027', 'long after'],
  ] as const)('%s → %s (%s)', (onDate, expected, _why) => {
    expect(ruleSetInForce(selections, onDate).id).toBe(expected);
  });

  it('does not depend on the order of the list', () => {
    expect(ruleSetInForce([...selections].reverse(), '2026-06-01').id).toBe('hovedlov-2022');
    expect(ruleSetInForce([...selections].reverse(), '2027-06-01').id).toBe('beskaeftigelsesreform-2027');
  });

  it('with no selections the municipality works under plan-2018', () => {
    expect(DEFAULT_RULE_SET_ID).toBe('plan-2018');
    expect(ruleSetInForce([], '2026-01-01').id).toBe('plan-2018');
  });

  it('on equal from-dates the later choice wins', () => {
    expect(
      ruleSetInForce(
        [
          { ruleSetId: 'hovedlov-2022', fromDate: '2026-01-01' },
          { ruleSetId: 'plan-2018', fromDate: '2026-01-01' },
        ],
        '2026-02-01',
      ).id,
    ).toBe('plan-2018');
  });

  it('a municipality can go back to plan-2018 after a trial', () => {
    const trial: RuleSetSelection[] = [
      { ruleSetId: 'hovedlov-2022', fromDate: '2025-01-01' },
      { ruleSetId: 'plan-2018', fromDate: '2025-07-01' },
    ];
    expect(ruleSetInForce(trial, '2025-06-30').id).toBe('hovedlov-2022');
    expect(ruleSetInForce(trial, '2025-07-01').id).toBe('plan-2018');
  });

  it('property: the answer is the selection with the latest from-date not after the date', () => {
    const date = fc.integer({ min: 0, max: 4000 }).map((n) => addDays('2018-01-01', n));
    const selection = fc.record({ ruleSetId: fc.constantFrom(...RULE_SET_IDS), fromDate: date });
    fc.assert(
      fc.property(fc.uniqueArray(selection, { selector: (s) => s.fromDate, maxLength: 8 }), date, (list, onDate) => {
        const applicable = list.filter((s) => compareDates(s.fromDate, onDate) <= 0);
        const latest = applicable.sort((a, b) => compareDates(b.fromDate, a.fromDate))[0];
        expect(ruleSetInForce(list, onDate).id).toBe(latest?.ruleSetId ?? 'plan-2018');
      }),
    );
  });
});
