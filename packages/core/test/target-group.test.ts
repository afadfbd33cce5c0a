import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, ageOn, compareDates, type LocalDate } from '../src/local-date';
import { getRuleSet } from '../src/rules/registry';
import { RULE_SET_IDS, type RuleSet } from '../src/rules/types';
import {
  FLEKSJOB_INTERVENTION_CODE,
  FLEKSLOENTILSKUD_BENEFIT_CODE,
  FOERTIDSPENSION_BENEFIT_CODE,
  MANDATORY_BENEFIT_CODES,
  MANDATORY_SOCIAL_INTERVENTION_CODES,
  MUNICIPAL_PLAN_CODES,
  PSYCHIATRIC_PLAN_CODE,
  SECTOR_PLAN_CODES,
} from '../src/target-group/codes';
import {
  ageThresholdBirthDate,
  dutyDate,
  evaluateTargetGroup,
  formatDateDa,
  GATE_MINIMUM_AGE,
  GATE_PENSION_AGE,
  isActiveOn,
  pensionThresholds,
  type PhaseIn,
} from '../src/target-group/evaluate';
import { hasReachedPensionAge } from '../src/target-group/pension-age';
import type { Criterion, Route, SectorFact, SectorRecordKind, TargetGroupResult } from '../src/target-group/types';
import * as core from '../src/index';

const SEEDS_DIR = fileURLToPath(new URL('../../../../shared/seeds/', import.meta.url));

const PLAN_2018 = getRuleSet('plan-2018');
const HOVEDLOV = getRuleSet('hovedlov-2022');
const REFORM = getRuleSet('beskaeftigelsesreform-2027');

/** The demo data's reference date ("today", packages/server/src/seed/demo-municipality.ts). */
const TODAY = '2026-11-23';
/** A municipality running hovedlov-2022 as a local trial with its own phase-in of the mandatory group. */
const TRIAL: PhaseIn = { dutyFrom: '2000-01-01' };

const DEFAULT_SECTOR: Record<SectorRecordKind, string> = { benefit: 'benefits', plan: 'employment', intervention: 'adult_social' };
let counter = 0;
function fact(
  kind: SectorRecordKind,
  code: string,
  options: { id?: string; sector?: string; start?: LocalDate; end?: LocalDate | null } = {},
): SectorFact {
  counter += 1;
  return {
    id: options.id ?? `${code}#${counter}`,
    kind,
    sector: options.sector ?? (code === PSYCHIATRIC_PLAN_CODE ? 'health' : DEFAULT_SECTOR[kind]),
    code,
    title: code,
    legalBasis: '',
    start: options.start ?? '1990-01-01',
    end: options.end ?? null,
  };
}
const plan = (code: string, o?: Parameters<typeof fact>[2]) => fact('plan', code, o);
const benefit = (code: string, o?: Parameters<typeof fact>[2]) => fact('benefit', code, o);
const intervention = (code: string, o?: Parameters<typeof fact>[2]) => fact('intervention', code, o);

/** The three mandatory criteria' records: Min Plan, kontanthjælp, § 85. */
const mandatoryRecords = (): SectorFact[] => [plan('min_plan'), benefit('kontanthjaelp'), intervention('sel_85')];

function evaluate(
  birthDate: LocalDate,
  records: readonly SectorFact[],
  onDate: LocalDate = TODAY,
  ruleSet: RuleSet = HOVEDLOV,
  /** null = no phase-in (undefined would take the default) */
  phaseIn: PhaseIn | null = TRIAL,
): TargetGroupResult {
  return evaluateTargetGroup({ birthDate, records }, ruleSet, onDate, phaseIn ?? undefined);
}

const metRoutes = (result: TargetGroupResult) => result.routes.filter((r) => r.met).map((r) => r.routeId);
const route = (result: TargetGroupResult, id: string) => {
  const found = result.routes.find((r) => r.routeId === id);
  if (!found) throw new Error(`no route ${id}`);
  return found;
};
const criterion = (result: TargetGroupResult, routeId: string, criterionId: string) => {
  const found = route(result, routeId).criteria.find((c) => c.criterionId === criterionId);
  if (!found) throw new Error(`no criterion ${criterionId} in ${routeId}`);
  return found;
};
const allRoutes = (ruleSet: RuleSet): Route[] => [...ruleSet.targetGroup.mandatory, ...ruleSet.targetGroup.optional];
const allCriteria = (ruleSet: RuleSet): Criterion[] => allRoutes(ruleSet).flatMap((r) => r.all);

// ---------------------------------------------------------------------------------------------
describe('target-group rule data', () => {
  it.each(RULE_SET_IDS)('%s: adults 18 up to folkepensionsalderen', (id) => {
    const rules = getRuleSet(id).targetGroup;
    expect(rules.minimumAge).toBe(18);
    expect(rules.pensionAgeLimit).toBe(true);
    expect(rules.optional.length).toBeGreaterThan(0);
  });

  it('plan-2018 has no duty and one optional route: at least two sector plans', () => {
    const rules = PLAN_2018.targetGroup;
    expect(rules.mandatory).toEqual([]);
    expect(rules.dutyAfterYears).toBe(0);
    expect(rules.optional.map((r) => r.id)).toEqual(['kan-flere-sektorplaner']);
    const [only] = rules.optional[0]!.all;
    expect(only).toMatchObject({ type: 'has_records', min: 2, match: { kind: 'plan' } });
    expect(only?.type === 'has_records' && [...only.match.codes]).toEqual([
      'min_plan',
      'rehabiliteringsplan',
      'sel_141_handleplan',
      'sdp_opfoelgningsplan',
      'barnets_lov_78_handleplan',
      'ungeplan_110',
    ]);
  });

  it('hovedlov-2022: the mandatory route is the SPEC §5 criteria, all at once; duty two years after entry into force', () => {
    const rules = HOVEDLOV.targetGroup;
    expect(rules.dutyAfterYears).toBe(2);
    expect(rules.mandatory).toHaveLength(1);
    const criteria = rules.mandatory[0]!.all;
    expect(criteria.map((c) => c.type)).toEqual(['age_at_least', 'has_records', 'has_records', 'has_records']);
    expect(criteria[0]).toMatchObject({ years: 25 });
    expect(criteria[1]).toMatchObject({ match: { kind: 'plan', codes: ['min_plan'] } });
    expect(criteria[2]).toMatchObject({
      match: {
        kind: 'benefit',
        codes: ['sygedagpenge', 'kontanthjaelp', 'uddannelseshjaelp', 'overgangsydelse', 'revalideringsydelse', 'ressourceforloebsydelse', 'ledighedsydelse'],
      },
    });
    expect(criteria[3]).toMatchObject({
      match: { kind: 'intervention', codes: ['sel_85', 'sel_107', 'sel_108', 'sel_108a', 'botilbudslignende', 'sel_101', 'sundhedsloven_141'] },
    });
    expect(rules.optional.map((r) => r.id)).toEqual([
      'kan-under-25',
      'kan-flere-planer',
      'kan-psykiatri',
      'kan-fleksjob',
      'kan-fleksloentilskud',
      'kan-foertidspension',
    ]);
  });

  it('beskaeftigelsesreform-2027 is hovedlov-2022 by construction: same routes, criteria and codes (shared objects)', () => {
    const strip = (ruleSet: RuleSet) =>
      allRoutes(ruleSet).map((r) => ({ id: r.id, all: r.all.map(({ label: _label, ...rest }) => rest) }));
    expect(strip(REFORM)).toEqual(strip(HOVEDLOV));
    const hovedlovCriteria = allCriteria(HOVEDLOV);
    allCriteria(REFORM).forEach((c, i) => {
      const original = hovedlovCriteria[i]!;
      if (c.type === 'has_records' && original.type === 'has_records') expect(c.match).toBe(original.match);
    });
    expect(REFORM.targetGroup.minimumAge).toBe(HOVEDLOV.targetGroup.minimumAge);
    expect(REFORM.targetGroup.dutyAfterYears).toBe(HOVEDLOV.targetGroup.dutyAfterYears);
    // The duty counts from the main law's entry into force, not from the reform's.
    expect(REFORM.targetGroup.dutyCountsFrom).toBe(HOVEDLOV.effectiveFrom);
    for (const source of HOVEDLOV.targetGroup.sources) expect(REFORM.targetGroup.sources).toContain(source);
  });

  it('beskaeftigelsesreform-2027 says "kommunen" where hovedlov-2022 says "jobcentret"', () => {
    const labels = (ruleSet: RuleSet) => [...allRoutes(ruleSet).map((r) => r.label), ...allCriteria(ruleSet).map((c) => c.label)];
    expect(labels(HOVEDLOV).some((l) => l.includes('jobcentret'))).toBe(true);
    for (const label of labels(REFORM)) expect(label).not.toMatch(/jobcent/i);
    expect(REFORM.targetGroup.mandatory[0]!.all.find((c) => c.id === 'min-plan')?.label).toBe('Har en plan i kommunen (Min Plan)');
    const benefits = REFORM.targetGroup.mandatory[0]!.all.find((c) => c.id === 'forsoergelsesydelse')!;
    expect(benefits.label).toMatch(/ressourceforløbsydelse/);
    expect(benefits.label).toMatch(/revalideringsydelse/);
  });

  it.each(RULE_SET_IDS)('%s: ids unique, three criterion types, Danish labels, cited sources', (id) => {
    const ruleSet = getRuleSet(id);
    const routes = allRoutes(ruleSet);
    expect(new Set(routes.map((r) => r.id)).size).toBe(routes.length);
    for (const r of routes) {
      expect(r.label.length).toBeGreaterThan(5);
      expect(r.all.length).toBeGreaterThan(0);
      expect(new Set(r.all.map((c) => c.id)).size).toBe(r.all.length);
      // The server's SQL compiler joins on records: every route needs a record criterion.
      expect(r.all.some((c) => c.type === 'has_records')).toBe(true);
    }
    // A criterion id means one thing across routes.
    const byId = new Map<string, Criterion>();
    for (const c of allCriteria(ruleSet)) {
      expect(['age_at_least', 'age_below', 'has_records']).toContain(c.type);
      expect(c.label.length).toBeGreaterThan(5);
      expect(c.source.law.length).toBeGreaterThan(5);
      const seen = byId.get(c.id);
      if (seen) expect(c).toEqual(seen);
      byId.set(c.id, c);
      if (c.type === 'has_records') {
        expect(c.match.codes.length).toBeGreaterThan(0);
        expect(c.min ?? 1).toBeGreaterThanOrEqual(1);
      }
    }
    expect(ruleSet.targetGroup.sources.length).toBeGreaterThan(0);
    expect(ruleSet.targetGroup.ageLimitSource).toBeDefined();
  });

  it('every code a criterion names is one of the known codes', () => {
    const known = new Set<string>([
      ...SECTOR_PLAN_CODES,
      ...MUNICIPAL_PLAN_CODES,
      PSYCHIATRIC_PLAN_CODE,
      ...MANDATORY_BENEFIT_CODES,
      ...MANDATORY_SOCIAL_INTERVENTION_CODES,
      FLEKSJOB_INTERVENTION_CODE,
      FLEKSLOENTILSKUD_BENEFIT_CODE,
      FOERTIDSPENSION_BENEFIT_CODE,
    ]);
    for (const id of RULE_SET_IDS) {
      for (const c of allCriteria(getRuleSet(id))) if (c.type === 'has_records') for (const code of c.match.codes) expect(known).toContain(code);
    }
  });

  const documents = RULE_SET_IDS.flatMap((id) => {
    const rules = getRuleSet(id).targetGroup;
    return [...rules.sources, ...allCriteria(getRuleSet(id)).map((c) => c.source), rules.ageLimitSource!].map((s) => s.document);
  });
  it('every source is SPEC.md §5 or a seed file', () => {
    for (const document of documents) expect(document).toMatch(/^(SPEC\.md §5|\d{3}-[a-z0-9-]+\.txt)$/i);
  });
  it.skipIf(!existsSync(SEEDS_DIR))('every seed document named exists in shared/seeds', () => {
    for (const document of documents.filter((d) => d !== 'SPEC.md §5')) expect(existsSync(SEEDS_DIR + document), document).toBe(true);
  });

  it('is exported from the package entry', () => {
    expect(core.evaluateTargetGroup).toBe(evaluateTargetGroup);
    expect(typeof core.pensionDate).toBe('function');
    expect(typeof core.ageThresholdBirthDate).toBe('function');
    expect(typeof core.pensionThresholds).toBe('function');
    expect(core.PENSION_AGE_BANDS).toHaveLength(7);
  });
});

// ---------------------------------------------------------------------------------------------
describe('age limits (hovedlov-2022, mandatory records, duty in force)', () => {
  it.each([
    // the 18th birthday
    ['2008-11-23', '2026-11-22', 'none'],
    ['2008-11-23', '2026-11-23', 'optional'],
    ['2008-11-23', '2026-11-24', 'optional'],
    // the 25th birthday: under-25 route until the day before, the mandatory route from the day
    ['2001-11-23', '2026-11-22', 'optional'],
    ['2001-11-23', '2026-11-23', 'mandatory'],
    ['2001-11-23', '2026-11-24', 'mandatory'],
    // born 29 February 2000: 25 on 1 March 2025 (2025 is a common year)
    ['2000-02-29', '2025-02-28', 'optional'],
    ['2000-02-29', '2025-03-01', 'mandatory'],
    // born 29 February 2004: 18 on 1 March 2022; 25 on 1 March 2029
    ['2004-02-29', '2022-02-28', 'none'],
    ['2004-02-29', '2022-03-01', 'optional'],
    ['2004-02-29', '2029-02-28', 'optional'],
    ['2004-02-29', '2029-03-01', 'mandatory'],
    // a leap-year birthday on 29 February itself
    ['2004-02-29', '2024-02-29', 'optional'],
    ['2003-02-28', '2028-02-28', 'mandatory'],
  ] as const)('born %s, on %s: %s', (birthDate, onDate, expected) => {
    const result = evaluate(birthDate, mandatoryRecords(), onDate);
    expect(result.classification).toBe(expected);
    const age = ageOn(birthDate, onDate);
    expect(result.gates.find((g) => g.criterionId === GATE_MINIMUM_AGE)?.met).toBe(age >= 18);
    expect(route(result, 'skal-25-plan-ydelse-social').met).toBe(age >= 25);
    expect(route(result, 'kan-under-25').met).toBe(age < 25);
    if (expected === 'none') expect(result.summary).toMatch(/^Under 18 år/);
  });

  const bands = [
    // [birth, the day before the pension date, the pension date]
    ['1953-12-31', '2018-12-30', '2018-12-31'],
    ['1954-01-01', '2019-06-30', '2019-07-01'],
    ['1954-06-30', '2019-12-29', '2019-12-30'],
    ['1954-07-01', '2020-06-30', '2020-07-01'],
    ['1954-12-31', '2020-12-30', '2020-12-31'],
    ['1955-01-01', '2021-12-31', '2022-01-01'],
    ['1962-12-31', '2029-12-30', '2029-12-31'],
    ['1963-01-01', '2030-12-31', '2031-01-01'],
    ['1966-12-31', '2034-12-30', '2034-12-31'],
    ['1967-01-01', '2035-12-31', '2036-01-01'],
    ['1970-12-31', '2039-12-30', '2039-12-31'],
    ['1971-01-01', '2040-12-31', '2041-01-01'],
    ['1972-02-29', '2042-02-28', '2042-03-01'],
  ] as const;
  it.each(bands)('born %s: in the group on %s, not from %s (folkepensionsalder)', (birthDate, dayBefore, pensionDay) => {
    expect(evaluate(birthDate, mandatoryRecords(), dayBefore).classification).toBe('mandatory');
    const reached = evaluate(birthDate, mandatoryRecords(), pensionDay);
    expect(reached.classification).toBe('none');
    expect(reached.summary).toMatch(/^Har nået folkepensionsalderen/);
    expect(reached.gates.find((g) => g.criterionId === GATE_PENSION_AGE)?.met).toBe(false);
    expect(evaluate(birthDate, mandatoryRecords(), addDays(pensionDay, 1)).classification).toBe('none');
  });

  it.each([
    ['1953-12-31', '1954-01-01', '2019-01-01'],
    ['1954-06-30', '1954-07-01', '2019-12-30'],
    ['1954-12-31', '1955-01-01', '2020-12-31'],
    ['1962-12-31', '1963-01-01', '2029-12-31'],
    ['1966-12-31', '1967-01-01', '2034-12-31'],
    ['1970-12-31', '1971-01-01', '2039-12-31'],
  ] as const)('born %s is past pension age, born %s (the next band) is not, on %s', (older, younger, onDate) => {
    expect(evaluate(older, mandatoryRecords(), onDate).classification).toBe('none');
    expect(evaluate(younger, mandatoryRecords(), onDate).classification).toBe('mandatory');
  });

  it('names the citizen\'s own folkepensionsalder and date in the pension gate', () => {
    const gate = evaluate('1954-03-31', mandatoryRecords(), '2019-06-01').gates.find((g) => g.criterionId === GATE_PENSION_AGE)!;
    expect(gate).toMatchObject({ met: true, recordIds: [] });
    expect(gate.label).toBe('Har ikke nået folkepensionsalderen (65½ år, nås 1. oktober 2019)');
    expect(gate.source.paragraph).toBe('§ 1 a');
  });

  it('still evaluates every route when a gate fails, so the explanation is complete', () => {
    const result = evaluate('1950-01-01', mandatoryRecords(), TODAY);
    expect(result.classification).toBe('none');
    expect(result.routes.map((r) => r.routeId)).toEqual(allRoutes(HOVEDLOV).map((r) => r.id));
    expect(route(result, 'skal-25-plan-ydelse-social').met).toBe(true);
  });

  it('rejects an evaluation date before the birth date', () => {
    expect(() => evaluate('2026-12-01', [], TODAY)).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------
describe('records active on the evaluation date', () => {
  const D = '2026-06-15';
  it.each([
    ['starts the day after', addDays(D, 1), null, false],
    ['starts on the date', D, null, true],
    ['started before, open', '2020-01-01', null, true],
    ['ends on the date', '2020-01-01', D, true],
    ['ended the day before', '2020-01-01', addDays(D, -1), false],
    ['starts and ends on the date', D, D, true],
    ['ends after the date', '2020-01-01', addDays(D, 1), true],
  ] as const)('a benefit that %s counts: %s', (_what, start, end, counts) => {
    const kontanthjaelp = benefit('kontanthjaelp', { id: 'kh', start, end });
    expect(isActiveOn(kontanthjaelp, D)).toBe(counts);
    const result = evaluate('1990-01-01', [plan('min_plan'), intervention('sel_85'), kontanthjaelp], D);
    expect(result.classification).toBe(counts ? 'mandatory' : 'none');
    expect(criterion(result, 'skal-25-plan-ydelse-social', 'forsoergelsesydelse').recordIds).toEqual(counts ? ['kh'] : []);
  });

  it.each([
    ['plan', 'min-plan'],
    ['intervention', 'social-indsats'],
  ] as const)('an ended %s does not count either', (kind, criterionId) => {
    const records = mandatoryRecords().map((r) => (r.kind === kind ? { ...r, end: addDays(D, -1) } : r));
    const result = evaluate('1990-01-01', records, D);
    expect(result.classification).toBe('none');
    expect(criterion(result, 'skal-25-plan-ydelse-social', criterionId).met).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
describe('the mandatory route, criterion by criterion (35 years old, duty in force)', () => {
  const BIRTH = '1991-05-12';

  it.each(MANDATORY_BENEFIT_CODES)('benefit %s alone satisfies the benefit criterion', (code) => {
    const result = evaluate(BIRTH, [plan('min_plan'), intervention('sel_85'), benefit(code, { id: 'b' })]);
    expect(result.classification).toBe('mandatory');
    expect(criterion(result, 'skal-25-plan-ydelse-social', 'forsoergelsesydelse').recordIds).toEqual(['b']);
  });

  it.each(MANDATORY_SOCIAL_INTERVENTION_CODES)('social intervention %s alone satisfies the social criterion', (code) => {
    const result = evaluate(BIRTH, [plan('min_plan'), benefit('kontanthjaelp'), intervention(code, { id: 's' })]);
    expect(result.classification).toBe('mandatory');
    expect(criterion(result, 'skal-25-plan-ydelse-social', 'social-indsats').recordIds).toEqual(['s']);
  });

  it.each(['dagpenge', 'folkepension', 'su', 'integrationsydelse', 'bl_87_tabt_arbejdsfortjeneste'])(
    'benefit %s is not a mandatory-group benefit',
    (code) => {
      expect(evaluate(BIRTH, [plan('min_plan'), intervention('sel_85'), benefit(code)]).classification).toBe('none');
    },
  );

  it.each(['mentor', 'sel_99', 'sel_110', 'psykologbehandling', 'anden_aktoer', 'virksomhedspraktik'])(
    'intervention %s is not a mandatory-group social intervention',
    (code) => {
      expect(evaluate(BIRTH, [plan('min_plan'), benefit('kontanthjaelp'), intervention(code)]).classification).toBe('none');
    },
  );

  it('the kind matters as much as the code', () => {
    expect(evaluate(BIRTH, [plan('min_plan'), intervention('sel_85'), intervention('kontanthjaelp')]).classification).toBe('none');
    expect(evaluate(BIRTH, [benefit('min_plan'), benefit('kontanthjaelp'), intervention('sel_85')]).classification).toBe('none');
    expect(evaluate(BIRTH, [plan('min_plan'), benefit('kontanthjaelp'), benefit('sel_85')]).classification).toBe('none');
  });

  it.each([
    ['age', '2002-01-01', mandatoryRecords(), 'optional', ['kan-under-25']],
    ['Min Plan (another municipal plan instead)', BIRTH, [plan('sel_141_handleplan'), benefit('kontanthjaelp'), intervention('sel_85')], 'none', []],
    ['the benefit', BIRTH, [plan('min_plan'), intervention('sel_85')], 'none', []],
    ['the social intervention', BIRTH, [plan('min_plan'), benefit('kontanthjaelp')], 'none', []],
  ] as const)('without %s the citizen is not in the mandatory group', (_missing, birthDate, records, expected, routes) => {
    const result = evaluate(birthDate, records);
    expect(result.classification).toBe(expected);
    expect(metRoutes(result)).toEqual(routes);
  });

  it('lists every active matching record, and no ended ones', () => {
    const records = [
      plan('min_plan', { id: 'plan' }),
      benefit('sygedagpenge', { id: 'sdp-old', end: '2021-10-31' }),
      benefit('kontanthjaelp', { id: 'kh' }),
      benefit('ledighedsydelse', { id: 'ly' }),
      intervention('sel_85', { id: '85' }),
      intervention('sel_101', { id: '101' }),
      intervention('sundhedsloven_141', { id: '141-old', start: '2022-03-01', end: '2023-02-28' }),
    ];
    const result = evaluate(BIRTH, records);
    expect(result).toMatchObject({ classification: 'mandatory', ruleSetId: 'hovedlov-2022', evaluatedOn: TODAY, mandatoryFrom: null });
    expect(route(result, 'skal-25-plan-ydelse-social').criteria).toEqual([
      expect.objectContaining({ criterionId: 'alder-25', met: true, recordIds: [] }),
      expect.objectContaining({ criterionId: 'min-plan', met: true, recordIds: ['plan'] }),
      expect.objectContaining({ criterionId: 'forsoergelsesydelse', met: true, recordIds: ['kh', 'ly'] }),
      expect.objectContaining({ criterionId: 'social-indsats', met: true, recordIds: ['85', '101'] }),
    ]);
    expect(result.summary).toBe(
      'Skal-målgruppen: fyldt 25 år med plan i jobcentret, forsørgelsesydelse og social indsats. ' +
        'Kommunen skal tilbyde en helhedsorienteret indsats. ' +
        'Kræver en konkret vurdering af behovet for koordinering og potentialet for udvikling.',
    );
  });

  it('a citizen meeting both a mandatory and an optional route is mandatory, and both routes are shown', () => {
    const result = evaluate(BIRTH, [...mandatoryRecords(), intervention('fleksjob')]);
    expect(result.classification).toBe('mandatory');
    expect(metRoutes(result)).toEqual(['skal-25-plan-ydelse-social', 'kan-fleksjob']);
  });
});

// ---------------------------------------------------------------------------------------------
describe('the optional routes, each alone (hovedlov-2022)', () => {
  it.each([
    ['kan-under-25: under 25, KUI uddannelsesplan and § 101 treatment', '2004-07-09', [plan('uddannelsesplan'), intervention('sel_101')]],
    ['kan-under-25: under 25, Min Plan and § 85 (no benefit needed)', '2004-07-09', [plan('min_plan'), intervention('sel_85')]],
    ['kan-flere-planer: Min Plan and a § 141 handleplan', '1980-01-01', [plan('min_plan'), plan('sel_141_handleplan')]],
    ['kan-flere-planer: sygedagpenge follow-up plan and rehabilitation plan', '1980-01-01', [plan('sdp_opfoelgningsplan'), plan('rehabiliteringsplan')]],
    ['kan-psykiatri: psychiatric plan and Min Plan', '1980-01-01', [plan(PSYCHIATRIC_PLAN_CODE), plan('min_plan')]],
    ['kan-psykiatri: psychiatric plan and a § 141 handleplan', '1980-01-01', [plan(PSYCHIATRIC_PLAN_CODE), plan('sel_141_handleplan')]],
    ['kan-fleksjob', '1980-01-01', [intervention('fleksjob', { sector: 'employment' })]],
    ['kan-fleksloentilskud', '1980-01-01', [benefit('fleksloentilskud', { sector: 'employment' })]],
    ['kan-foertidspension', '1980-01-01', [benefit('foertidspension', { sector: 'national' })]],
  ] as const)('%s', (name, birthDate, records) => {
    const routeId = name.split(':')[0]!;
    const result = evaluate(birthDate, records);
    expect(result.classification).toBe('optional');
    expect(result.mandatoryFrom).toBeNull();
    expect(metRoutes(result)).toEqual([routeId]);
    expect(result.summary).toMatch(/^Kan-målgruppen: /);
    expect(result.summary).toContain('Kommunen kan tilbyde');
    // The same records give nothing under the law in force (one sector plan at most).
    if (routeId !== 'kan-flere-planer') expect(evaluate(birthDate, records, TODAY, PLAN_2018).classification).toBe('none');
  });

  it.each([
    ['under 25 with Min Plan and a benefit but no social intervention', '2004-07-09', [plan('min_plan'), benefit('uddannelseshjaelp')]],
    ['under 25 with a social intervention but no municipal plan', '2004-07-09', [intervention('sel_85'), benefit('kontanthjaelp')]],
    ['one municipal plan only', '1980-01-01', [plan('min_plan')]],
    ['a psychiatric plan alone', '1980-01-01', [plan(PSYCHIATRIC_PLAN_CODE)]],
    ['a psychiatric plan from outside health, with Min Plan', '1980-01-01', [plan(PSYCHIATRIC_PLAN_CODE, { sector: 'employment' }), plan('min_plan')]],
    ['a fleksjob coded as a plan', '1980-01-01', [plan('fleksjob')]],
    ['folkepension is not førtidspension', '1980-01-01', [benefit('folkepension')]],
    ['nothing at all', '1980-01-01', []],
  ] as const)('not in the group: %s', (_name, birthDate, records) => {
    const result = evaluate(birthDate, records);
    expect(result.classification).toBe('none');
    expect(result.summary).toBe('Ikke i målgruppen: ingen af kriterierne for skal- eller kan-målgruppen er opfyldt.');
  });

  it('several optional routes are all named in the summary', () => {
    const result = evaluate('1980-01-01', [intervention('fleksjob'), benefit('fleksloentilskud'), benefit('foertidspension')]);
    expect(metRoutes(result)).toEqual(['kan-fleksjob', 'kan-fleksloentilskud', 'kan-foertidspension']);
    expect(result.summary).toBe(
      'Kan-målgruppen: i fleksjob; i fleksjob (modtager fleksløntilskud); på førtidspension. ' +
        'Kommunen kan tilbyde en helhedsorienteret indsats. ' +
        'Kræver en konkret vurdering af behovet for koordinering og potentialet for udvikling.',
    );
  });
});

// ---------------------------------------------------------------------------------------------
describe('plan-2018: one holistic plan where several sector plans exist', () => {
  it.each(SECTOR_PLAN_CODES.flatMap((a, i) => SECTOR_PLAN_CODES.slice(i + 1).map((b) => [a, b] as const)))(
    '%s and %s: optional',
    (a, b) => {
      const result = evaluate('1980-01-01', [plan(a, { id: 'a' }), plan(b, { id: 'b' })], TODAY, PLAN_2018);
      expect(result.classification).toBe('optional');
      expect(result.routes[0]?.criteria[0]?.recordIds).toEqual(['a', 'b']);
    },
  );

  it.each(SECTOR_PLAN_CODES)('%s alone: none', (code) => {
    expect(evaluate('1980-01-01', [plan(code)], TODAY, PLAN_2018).classification).toBe('none');
  });

  it('the KUI uddannelsesplan and the psychiatric plan are not among the plans one plan replaces', () => {
    expect(evaluate('1980-01-01', [plan('min_plan'), plan('uddannelsesplan')], TODAY, PLAN_2018).classification).toBe('none');
    expect(evaluate('1980-01-01', [plan('min_plan'), plan(PSYCHIATRIC_PLAN_CODE)], TODAY, PLAN_2018).classification).toBe('none');
  });

  it('the mandatory criteria give no duty under plan-2018, even with a municipal phase-in date', () => {
    const result = evaluate('1980-01-01', [...mandatoryRecords(), plan('sel_141_handleplan')], TODAY, PLAN_2018, { dutyFrom: '2019-01-01' });
    expect(result).toMatchObject({ classification: 'optional', mandatoryFrom: null });
    expect(dutyDate(PLAN_2018, { dutyFrom: '2019-01-01' })).toBeNull();
  });

  it('keeps the age limits', () => {
    const records = [plan('min_plan'), plan('sel_141_handleplan')];
    expect(evaluate('2009-04-20', records, TODAY, PLAN_2018).classification).toBe('none');
    expect(evaluate('1956-03-02', records, TODAY, PLAN_2018).classification).toBe('none');
  });
});

// ---------------------------------------------------------------------------------------------
describe('the duty date and the phase-in', () => {
  /** Lotte-like: the mandatory criteria, plus the § 141 action plan her § 85 support comes with. */
  const person = () => [...mandatoryRecords(), plan('sel_141_handleplan')];
  const BIRTH = '1991-05-12';

  it('the same person under the three rule sets', () => {
    const phaseIn = { dutyFrom: '2026-07-01' };
    const under = (ruleSet: RuleSet, p: PhaseIn | null = null) => evaluate(BIRTH, person(), TODAY, ruleSet, p);

    expect(under(PLAN_2018)).toMatchObject({ classification: 'optional', mandatoryFrom: null, ruleSetId: 'plan-2018' });
    expect(metRoutes(under(PLAN_2018))).toEqual(['kan-flere-sektorplaner']);

    // Local trial without a phase-in date: no duty, so the mandatory criteria give the optional group.
    const trial = under(HOVEDLOV, null);
    expect(trial).toMatchObject({ classification: 'optional', mandatoryFrom: null });
    expect(trial.summary).toMatch(/^Kan-målgruppen: opfylder kriterierne for skal-målgruppen \(fyldt 25 år med plan i jobcentret/);
    expect(trial.summary).toContain('ingen pligt');
    expect(metRoutes(trial)).toEqual(['skal-25-plan-ydelse-social', 'kan-flere-planer']);

    expect(under(HOVEDLOV, phaseIn)).toMatchObject({ classification: 'mandatory', mandatoryFrom: null, ruleSetId: 'hovedlov-2022' });

    const reform = under(REFORM, phaseIn);
    expect(reform).toMatchObject({ classification: 'mandatory', ruleSetId: 'beskaeftigelsesreform-2027' });
    expect(reform.summary).toContain('plan i kommunen');
    expect(criterion(reform, 'skal-25-plan-ydelse-social', 'min-plan').label).toBe('Har en plan i kommunen (Min Plan)');
    // The reform's own entry into force (2026-02-01) starts no duty: the main law is not enacted.
    expect(under(REFORM, null)).toMatchObject({ classification: 'optional', mandatoryFrom: null });
  });

  it.each([
    ['the day after the evaluation date', addDays(TODAY, 1), 'optional', addDays(TODAY, 1)],
    ['the evaluation date', TODAY, 'mandatory', null],
    ['the day before', addDays(TODAY, -1), 'mandatory', null],
  ] as const)('phase-in date %s: %s', (_when, dutyFrom, classification, mandatoryFrom) => {
    for (const ruleSet of [HOVEDLOV, REFORM]) {
      const result = evaluate(BIRTH, person(), TODAY, ruleSet, { dutyFrom });
      expect(result).toMatchObject({ classification, mandatoryFrom });
    }
  });

  it('before the duty date the summary says when the duty starts', () => {
    const result = evaluate(BIRTH, mandatoryRecords(), TODAY, HOVEDLOV, { dutyFrom: '2027-07-01' });
    expect(result.summary).toMatch(/^Kan-målgruppen indtil 1\. juli 2027: opfylder kriterierne for skal-målgruppen/);
    expect(result.summary).toContain('fra 1. juli 2027 skal kommunen tilbyde indsatsen');
  });

  it('an optional-only citizen gets no mandatoryFrom, whatever the phase-in', () => {
    const result = evaluate(BIRTH, [intervention('fleksjob')], TODAY, HOVEDLOV, { dutyFrom: '2030-01-01' });
    expect(result).toMatchObject({ classification: 'optional', mandatoryFrom: null });
  });

  describe('dutyDate', () => {
    const enacted: RuleSet = { ...HOVEDLOV, effectiveFrom: '2023-07-01' };
    it('is null for rule sets not enacted, without a phase-in', () => {
      expect(dutyDate(HOVEDLOV)).toBeNull();
      expect(dutyDate(REFORM)).toBeNull();
      expect(dutyDate(HOVEDLOV, {})).toBeNull();
    });
    it("is the municipality's phase-in date when the law sets none", () => {
      expect(dutyDate(HOVEDLOV, { dutyFrom: '2026-01-01' })).toBe('2026-01-01');
      expect(dutyDate(REFORM, { dutyFrom: '2026-01-01' })).toBe('2026-01-01');
    });
    it('is two years after entry into force once enacted (seed 004: planned 1 July 2023 → 1 July 2025)', () => {
      expect(dutyDate(enacted)).toBe('2025-07-01');
    });
    it('an earlier municipal phase-in wins; a later one cannot postpone the legal duty', () => {
      expect(dutyDate(enacted, { dutyFrom: '2024-01-01' })).toBe('2024-01-01');
      expect(dutyDate(enacted, { dutyFrom: '2026-01-01' })).toBe('2025-07-01');
    });
    it('an amending rule set counts from dutyCountsFrom, not its own effectiveFrom', () => {
      const reformAfterEnactment: RuleSet = { ...REFORM, targetGroup: { ...REFORM.targetGroup, dutyCountsFrom: '2023-07-01' } };
      expect(dutyDate(reformAfterEnactment)).toBe('2025-07-01');
      const { dutyCountsFrom: _omitted, ...withoutCountsFrom } = REFORM.targetGroup;
      expect(dutyDate({ ...REFORM, targetGroup: withoutCountsFrom })).toBe('2028-02-01');
    });
    it('counts years as a period (29 February + 2 years = 28 February)', () => {
      expect(dutyDate({ ...HOVEDLOV, effectiveFrom: '2024-02-29' })).toBe('2026-02-28');
    });
    it('decides the classification of an enacted law on the day before and on the duty date', () => {
      expect(evaluate(BIRTH, mandatoryRecords(), '2025-06-30', enacted, null)).toMatchObject({
        classification: 'optional',
        mandatoryFrom: '2025-07-01',
      });
      expect(evaluate(BIRTH, mandatoryRecords(), '2025-07-01', enacted, null)).toMatchObject({
        classification: 'mandatory',
        mandatoryFrom: null,
      });
    });
  });

  it.each([
    ['2025-07-01', '1. juli 2025'],
    ['2026-12-31', '31. december 2026'],
    ['2024-02-29', '29. februar 2024'],
  ] as const)('formatDateDa(%s) = %s', (date, text) => {
    expect(formatDateDa(date)).toBe(text);
  });
});

// ---------------------------------------------------------------------------------------------
describe('thresholds for the SQL compiler agree with the evaluator', () => {
  const yearsIn = (from: number, to: number) => fc.integer({ min: from, max: to });
  const dateArb: fc.Arbitrary<LocalDate> = fc.oneof(
    fc.integer({ min: 0, max: 73_000 }).map((n) => addDays('1900-01-01', n)),
    fc
      .tuple(yearsIn(1900, 2099), fc.constantFrom('02-28', '02-29', '03-01', '12-31', '01-01'))
      .map(([y, md]) => `${md === '02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? y + (4 - (y % 4)) : y}-${md}`)
      .filter((d) => Number(d.slice(0, 4)) !== 2100),
  );

  it('ageThresholdBirthDate: birth ≤ threshold ⟺ ageOn(birth, D) ≥ years (property)', () => {
    fc.assert(
      fc.property(dateArb, dateArb, fc.integer({ min: 0, max: 100 }), (birthDate, onDate, years) => {
        fc.pre(compareDates(birthDate, onDate) <= 0);
        const threshold = ageThresholdBirthDate(onDate, years);
        expect(compareDates(birthDate, threshold) <= 0).toBe(ageOn(birthDate, onDate) >= years);
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    ['2026-11-23', 18, '2008-11-23'],
    ['2025-03-01', 25, '2000-03-01'], // born 2000-02-29 is 25 on 2025-03-01
    ['2025-02-28', 25, '2000-02-28'], // … and not yet on 2025-02-28
    ['2024-02-29', 18, '2006-02-28'],
    ['2024-02-29', 20, '2004-02-29'],
  ] as const)('ageThresholdBirthDate(%s, %i) = %s', (onDate, years, expected) => {
    expect(ageThresholdBirthDate(onDate, years)).toBe(expected);
  });

  it('pensionThresholds: reached ⟺ born in a band on or before its threshold (property)', () => {
    fc.assert(
      fc.property(dateArb, dateArb, (birthDate, onDate) => {
        fc.pre(compareDates(birthDate, onDate) <= 0);
        const bySql = pensionThresholds(onDate).some(
          (t) =>
            (t.bornFrom === null || compareDates(birthDate, t.bornFrom) >= 0) &&
            (t.bornBefore === null || compareDates(birthDate, t.bornBefore) < 0) &&
            compareDates(birthDate, t.latestBirthDate) <= 0,
        );
        expect(bySql).toBe(hasReachedPensionAge(birthDate, onDate));
      }),
      { numRuns: 5000 },
    );
  });

  it('pensionThresholds on 2019-09-30 and 2019-10-01 for the 65½ band', () => {
    const band = (d: LocalDate) => pensionThresholds(d).find((t) => t.months === 786)!;
    expect(band('2019-09-30').latestBirthDate).toBe('1954-03-30');
    expect(band('2019-10-01').latestBirthDate).toBe('1954-04-01'); // born 1954-03-31 reaches 65½ on 2019-10-01
    expect(pensionThresholds('2026-11-23')).toHaveLength(7);
  });

  it('the evaluator classifies as the thresholds say (property over ages and records)', () => {
    const codes = fc.subarray([
      plan('min_plan', { id: 'p' }),
      benefit('kontanthjaelp', { id: 'b' }),
      intervention('sel_85', { id: 's' }),
      intervention('fleksjob', { id: 'f' }),
    ]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 36_500 }), codes, (daysOld, records) => {
        const birthDate = addDays(TODAY, -daysOld);
        const result = evaluate(birthDate, records);
        const adult = compareDates(birthDate, ageThresholdBirthDate(TODAY, 18)) <= 0;
        const over25 = compareDates(birthDate, ageThresholdBirthDate(TODAY, 25)) <= 0;
        const pensioner = hasReachedPensionAge(birthDate, TODAY);
        const has = (id: string) => records.some((r) => r.id === id);
        const mandatory = over25 && has('p') && has('b') && has('s');
        const optional = has('f') || (!over25 && has('p') && has('s'));
        const expected = !adult || pensioner ? 'none' : mandatory ? 'mandatory' : optional ? 'optional' : 'none';
        expect(result.classification).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// SPEC §6 people, with the sector records of the demo municipality
// (packages/server/src/seed/demo-municipality.ts, reference date 2026-11-23), built inline.
describe('SPEC §6 people (demo data records, 2026-11-23)', () => {
  const DEMO_PHASE_IN: PhaseIn = { dutyFrom: '2026-01-01' };
  const screen = (birthDate: LocalDate, records: SectorFact[], ruleSet: RuleSet = HOVEDLOV, phaseIn: PhaseIn | null = DEMO_PHASE_IN) =>
    evaluateTargetGroup({ birthDate, records }, ruleSet, TODAY, phaseIn ?? undefined);

  const lotte = (): SectorFact[] => [
    benefit('sygedagpenge', { id: 'lotte-sdp', start: '2019-11-18', end: '2021-10-31' }),
    benefit('kontanthjaelp', { id: 'lotte-kh', start: '2021-11-01' }),
    plan('min_plan', { id: 'lotte-plan', start: '2021-11-15' }),
    intervention('sundhedsloven_141', { id: 'lotte-alkohol', start: '2022-03-01', end: '2023-02-28' }),
    intervention('sel_85', { id: 'lotte-85', start: '2024-09-02' }),
    intervention('mentor', { id: 'lotte-mentor', sector: 'employment', start: '2025-04-01' }),
    intervention('anden_aktoer', { id: 'lotte-aa', sector: 'employment', start: '2026-03-02' }),
  ];

  it('Lotte (35, kontanthjælp, Min Plan, § 85): mandatory group', () => {
    const result = screen('1991-05-12', lotte());
    expect(result.classification).toBe('mandatory');
    expect(route(result, 'skal-25-plan-ydelse-social').criteria.map((c) => c.recordIds)).toEqual([
      [],
      ['lotte-plan'],
      ['lotte-kh'], // not the ended sygedagpenge
      ['lotte-85'], // not the ended alcohol treatment
    ]);
    // Without a phase-in (the main law not enacted): the optional group, no duty yet.
    expect(screen('1991-05-12', lotte(), HOVEDLOV, null)).toMatchObject({ classification: 'optional', mandatoryFrom: null });
    // Under the law in force she has one sector plan on record: no holistic-plan candidate by the data alone.
    expect(screen('1991-05-12', lotte(), PLAN_2018).classification).toBe('none');
    expect(screen('1991-05-12', lotte(), REFORM).classification).toBe('mandatory');
  });

  it('Jakob (37, fleksjob with fleksløntilskud): optional via fleksjob, not mandatory', () => {
    const records = [
      intervention('fleksjob', { id: 'jakob-fleksjob', sector: 'employment', start: '2011-09-01' }),
      benefit('fleksloentilskud', { id: 'jakob-tilskud', sector: 'employment', start: '2019-02-01' }),
      intervention('personlig_assistance', { sector: 'employment', start: '2024-02-01' }),
      intervention('hjaelpemidler', { start: '2024-01-15' }),
    ];
    const result = screen('1989-03-17', records);
    expect(result).toMatchObject({ classification: 'optional', mandatoryFrom: null });
    expect(metRoutes(result)).toEqual(['kan-fleksjob', 'kan-fleksloentilskud']);
    expect(criterion(result, 'kan-fleksjob', 'fleksjob').recordIds).toEqual(['jakob-fleksjob']);
    expect(route(result, 'skal-25-plan-ydelse-social').met).toBe(false);
  });

  it('Camilla (born 29 February 1992; psychiatric treatment plan and Min Plan): optional via psychiatry', () => {
    const records = [
      benefit('kontanthjaelp', { start: '2024-03-01' }),
      plan('min_plan', { id: 'camilla-plan', start: '2024-03-15' }),
      plan(PSYCHIATRIC_PLAN_CODE, { id: 'camilla-psyk', sector: 'health', start: '2025-09-01' }),
    ];
    const result = screen('1992-02-29', records);
    expect(result).toMatchObject({ classification: 'optional', mandatoryFrom: null });
    expect(metRoutes(result)).toEqual(['kan-psykiatri']);
    expect(route(result, 'kan-psykiatri').criteria.map((c) => c.recordIds)).toEqual([['camilla-psyk'], ['camilla-plan']]);
    expect(result.summary).toMatch(/^Kan-målgruppen: behandlingsplan i psykiatrien og en plan i kommunen\./);
  });

  it('Martin (35; substance abuse, psychiatric plan, kontanthjælp): target group, mandatory', () => {
    const records = [
      benefit('kontanthjaelp', { start: '2022-05-01' }),
      plan('min_plan', { start: '2022-05-16' }),
      plan(PSYCHIATRIC_PLAN_CODE, { start: '2025-06-02' }),
      intervention('sel_101', { start: '2025-10-06' }),
      intervention('sel_85', { start: '2026-01-12' }),
    ];
    const result = screen('1990-12-14', records);
    expect(result.classification).toBe('mandatory');
    expect(metRoutes(result)).toEqual(['skal-25-plan-ydelse-social', 'kan-psykiatri']);
  });

  it('Mads (22; treatment, mentor and § 85): optional as under 25', () => {
    const records = [
      benefit('uddannelseshjaelp', { start: '2023-09-01', end: '2025-06-30' }),
      benefit('kontanthjaelp', { start: '2025-07-01' }),
      plan('min_plan', { start: '2023-09-15' }),
      intervention('sel_101', { start: '2026-02-02' }),
      intervention('mentor', { sector: 'employment', start: '2025-09-01' }),
      intervention('sel_85', { start: '2025-11-03' }),
    ];
    const result = screen('2004-07-09', records);
    expect(result).toMatchObject({ classification: 'optional', mandatoryFrom: null });
    expect(metRoutes(result)).toEqual(['kan-under-25']);
  });

  it('the young craftsman (Sofie, 26, briefly on dagpenge): none — now, and while on dagpenge', () => {
    const records = [
      benefit('dagpenge', { sector: 'employment', start: '2026-08-03', end: '2026-10-25' }),
      plan('min_plan', { start: '2026-08-03', end: '2026-10-25' }),
    ];
    expect(screen('2000-05-04', records).classification).toBe('none');
    expect(evaluateTargetGroup({ birthDate: '2000-05-04', records }, HOVEDLOV, '2026-09-01', DEMO_PHASE_IN).classification).toBe('none');
  });

  it('the father with stress (Søren, 42, sygedagpenge and a psychologist, briefly): none — now, and while sick', () => {
    const records = [
      benefit('sygedagpenge', { start: '2026-09-14', end: '2026-11-06' }),
      intervention('psykologbehandling', { sector: 'health', start: '2026-09-21', end: '2026-12-14' }),
    ];
    expect(screen('1984-01-15', records).classification).toBe('none');
    expect(evaluateTargetGroup({ birthDate: '1984-01-15', records }, HOVEDLOV, '2026-10-01', DEMO_PHASE_IN).classification).toBe('none');
  });

  it('a 17-year-old (Ida, with a KUI plan and a contact person): none, too young', () => {
    const records = [
      intervention('bl_32_kontaktperson', { sector: 'children_family', start: '2025-08-01' }),
      plan('uddannelsesplan', { sector: 'education', start: '2025-08-01' }),
    ];
    const result = screen('2009-04-20', records);
    expect(result.classification).toBe('none');
    expect(result.summary).toBe('Under 18 år: indsatser til børn og unge ydes efter sektorlovgivningen (barnets lov).');
    // Even with the mandatory records, a 17-year-old stays under children's law.
    expect(screen('2009-04-20', [...records, ...mandatoryRecords()]).classification).toBe('none');
  });

  it('a 70-year-old (Bent, folkepension, § 85 and alcohol treatment): none, pension age', () => {
    const records = [
      benefit('folkepension', { sector: 'national', start: '2023-04-01' }),
      intervention('sel_85', { start: '2023-06-01' }),
      intervention('sundhedsloven_141', { start: '2026-04-13' }),
    ];
    const result = screen('1956-03-02', records);
    expect(result.classification).toBe('none');
    expect(result.summary).toBe(
      'Har nået folkepensionsalderen (67 år den 2. marts 2023): indsatser ydes efter sektorlovgivningen.',
    );
    expect(result.gates.map((g) => [g.criterionId, g.met])).toEqual([
      [GATE_MINIMUM_AGE, true],
      [GATE_PENSION_AGE, false],
    ]);
  });
});
