import { describe, expect, it } from 'vitest';
import {
  achievementOf,
  diffPlans,
  describeChangeDa,
  domainsOfRecord,
  evaluateFamilyObligation,
  FFB_AREAS,
  FFB_DOMAINS,
  FFB_DOMAIN_IDS,
  FOLLOW_UP_RESULT_LABELS,
  FOLLOW_UP_RESULTS,
  FUNCTIONAL_LEVEL_LABELS,
  FUNCTIONAL_LEVELS,
  getRuleSet,
  GOAL_TYPE_LABELS,
  GOAL_TYPES,
  isFfbDomain,
  isFollowUpDue,
  MUNICIPAL_PLAN_CODES,
  nextFollowUpOf,
  planInPlainDanish,
  planToFhirBundle,
  RULE_SET_IDS,
  SECTOR_PLAN_CODES,
  validatePlan,
  type FollowUpEntry,
  type PlanContent,
  type SectorFact,
} from '../src/index';

const TODAY = '2026-11-23';

describe('FFB vocabulary as data', () => {
  it('has the life domains of SPEC §5 once each, in the three areas, with Danish labels', () => {
    const ids = FFB_DOMAINS.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(20);
    for (const d of FFB_DOMAINS) {
      expect(FFB_AREAS).toContain(d.area);
      expect(d.label.length).toBeGreaterThan(2);
    }
    expect(FFB_DOMAINS.filter((d) => d.area === 'activity_participation').map((d) => d.label)).toEqual([
      'Relationer', 'Kommunikation', 'Mobilitet', 'Egenomsorg', 'Samfundsliv', 'Praktiske opgaver',
    ]);
    expect(FFB_DOMAINS.filter((d) => d.area === 'environment').map((d) => d.label)).toEqual(['Netværk', 'Holdninger', 'Boligområde']);
    expect(FFB_DOMAIN_IDS).toEqual(ids);
  });

  it.each([
    [FUNCTIONAL_LEVELS, FUNCTIONAL_LEVEL_LABELS, ['Ingen nedsættelse', 'Let nedsat', 'Moderat nedsat', 'Svært nedsat', 'Fuldstændigt nedsat', 'Ikke vurderet']],
    [GOAL_TYPES, GOAL_TYPE_LABELS, ['Udvikle', 'Fastholde', 'Begrænse tab']],
    [FOLLOW_UP_RESULTS, FOLLOW_UP_RESULT_LABELS, ['Fortsættes', 'Ændres inden for rammen', 'Afsluttes', 'Revisitation']],
  ] as const)('closed list %# has a Danish label for every value, in order', (values, labels, expected) => {
    expect(values.map((v) => (labels as Record<string, string>)[v])).toEqual(expected);
  });

  it.each([
    ['x', false], ['economy', true], ['Økonomi', false], [undefined, false], ['neighbourhood', true],
  ])('isFfbDomain(%s) = %s', (value, expected) => expect(isFfbDomain(value)).toBe(expected));

  it.each([
    [{ code: 'kontanthjaelp', sector: 'benefits' }, ['economy', 'education_work']],
    [{ code: 'psykiatrisk_behandlingsplan', sector: 'health' }, ['mental_functions']],
    [{ code: 'sel_85', sector: 'adult_social' }, ['practical_tasks', 'self_care']],
    [{ code: 'sel_110', sector: 'adult_social' }, ['housing']],
    // unknown code: the sector decides
    [{ code: 'ny_ydelse', sector: 'benefits' }, ['economy']],
    [{ code: 'ny_indsats', sector: 'housing' }, ['housing']],
    // unknown code and sector: never lost
    [{ code: 'ukendt', sector: 'ukendt' }, ['community_life']],
  ])('sector record %o informs %o', (record, domains) => {
    expect(domainsOfRecord(record)).toEqual(domains);
  });

  it('maps every sector plan code and every mapped domain exists', () => {
    for (const code of MUNICIPAL_PLAN_CODES) expect(domainsOfRecord({ code, sector: 'x' }).every(isFfbDomain)).toBe(true);
  });
});

describe('rule data: the sector plans the plan replaces', () => {
  it('plan-2018 names LAB § 40 stk. 3, SEL § 141 stk. 7, sygedagpengeloven § 13 e, barnets lov § 78 and § 110', () => {
    const r = getRuleSet('plan-2018').plan.replaces;
    expect(r.map((p) => `${p.law} ${p.paragraph}`)).toEqual([
      'Lov om en aktiv beskæftigelsesindsats § 40, stk. 3',
      'Lov om en aktiv beskæftigelsesindsats § 40, stk. 3',
      'Lov om social service § 141, stk. 7',
      'Lov om sygedagpenge § 13 e',
      'Barnets lov § 78',
      'Barnets lov § 110',
    ]);
    expect(r.map((p) => p.code)).toEqual([...SECTOR_PLAN_CODES]);
  });

  it.each(RULE_SET_IDS)('%s lists replaced plans with codes of sector plans', (id) => {
    const r = getRuleSet(id).plan.replaces;
    expect(r.length).toBeGreaterThan(0);
    for (const p of r) expect(SECTOR_PLAN_CODES as readonly string[]).toContain(p.code);
  });

  it('the 2027 reform renames the jobcenter to the municipality; the others keep it', () => {
    const label = (id: (typeof RULE_SET_IDS)[number]) => getRuleSet(id).plan.replaces.find((p) => p.code === 'min_plan')!.label;
    expect(label('plan-2018')).toMatch(/jobcentret/);
    expect(label('hovedlov-2022')).toMatch(/jobcentret/);
    expect(label('beskaeftigelsesreform-2027')).toMatch(/kommunen/);
    expect(getRuleSet('beskaeftigelsesreform-2027').plan.replaces.some((p) => /jobcent/i.test(p.label))).toBe(false);
  });

  it('the family obligation exists from the main law on, not under plan-2018', () => {
    expect(getRuleSet('plan-2018').plan.familyObligation).toBeNull();
    expect(getRuleSet('hovedlov-2022').plan.familyObligation?.minMunicipalPlans).toBe(2);
    expect(getRuleSet('beskaeftigelsesreform-2027').plan.familyObligation).not.toBeNull();
  });
});

let n = 0;
const rec = (kind: SectorFact['kind'], code: string, start = '2024-01-01', end: string | null = null): SectorFact => ({
  id: `r${++n}`, kind, code, sector: 'x', title: code, legalBasis: '', start, end,
});

describe('family-plan obligation (pure, criteria as data)', () => {
  const HOVEDLOV = getRuleSet('hovedlov-2022');
  const lotte = [rec('plan', 'min_plan'), rec('benefit', 'kontanthjaelp'), rec('intervention', 'sel_85')];
  const familyTreatment = rec('intervention', 'bl_32_familiebehandling');
  const child = (records: SectorFact[], birthDate = '2015-06-21') => ({ citizenId: 'c1', name: 'Freja', birthDate, records });

  it.each([
    ['Lotte: min plan + § 85 (implies § 141 plan), child in family treatment', true, lotte, [child([familyTreatment])], true],
    ['no children', true, lotte, [], false],
    ['child with only school support (PPR) and disability aids', true, lotte, [child([rec('intervention', 'ppr'), rec('intervention', 'hjaelpemidler')])], false],
    ['child turned 18', true, lotte, [child([familyTreatment], '2008-11-23')], false],
    ['child aged 17 still counts', true, lotte, [child([familyTreatment], '2008-11-24')], true],
    ['child support ended', true, lotte, [child([rec('intervention', 'bl_32_familiebehandling', '2024-01-01', '2026-11-22')])], false],
    ['child support ends today: still active', true, lotte, [child([rec('intervention', 'bl_32_familiebehandling', '2024-01-01', TODAY)])], true],
    ['parent not in the target group', false, lotte, [child([familyTreatment])], false],
    ['only one municipal plan', true, [rec('plan', 'min_plan'), rec('benefit', 'kontanthjaelp')], [child([familyTreatment])], false],
    ['two plan records', true, [rec('plan', 'min_plan'), rec('plan', 'sel_141_handleplan')], [child([familyTreatment])], true],
    ['§ 141 plan record and § 85 count once', true, [rec('plan', 'sel_141_handleplan'), rec('intervention', 'sel_85')], [child([familyTreatment])], false],
    ['psychiatric treatment plan is regional, not municipal', true, [rec('plan', 'min_plan'), rec('plan', 'psykiatrisk_behandlingsplan')], [child([familyTreatment])], false],
    ['ended plan does not count', true, [rec('plan', 'min_plan'), rec('plan', 'uddannelsesplan', '2020-01-01', '2021-01-01')], [child([familyTreatment])], false],
  ])('%s → %s', (_name, inTargetGroup, records, children, expected) => {
    const r = evaluateFamilyObligation({ parent: { inTargetGroup, records }, children }, HOVEDLOV, TODAY);
    expect(r.obligated).toBe(expected);
    expect(r.ruleApplies).toBe(true);
    expect(r.reasons).toHaveLength(3);
    if (expected) expect(r.childrenWithSupport.map((c) => c.name)).toEqual(['Freja']);
  });

  it('plan-2018 has no obligation even for Lotte', () => {
    const r = evaluateFamilyObligation({ parent: { inTargetGroup: true, records: lotte }, children: [child([familyTreatment])] }, getRuleSet('plan-2018'), TODAY);
    expect(r).toMatchObject({ obligated: false, ruleApplies: false, source: null });
  });

  it('names the plans that can or must be made', () => {
    const r = evaluateFamilyObligation({ parent: { inTargetGroup: true, records: lotte }, children: [] }, HOVEDLOV, TODAY);
    expect(r.municipalPlans).toEqual(['min_plan', 'sel_141_handleplan']);
  });
});

const content = (over: Partial<PlanContent> = {}): PlanContent => ({
  startDate: '2026-11-01',
  overallGoal: { id: 'g0', citizenWords: 'Jeg vil i arbejde', caseworkerText: 'Job i kantine', targetDate: '2027-11-01', followUpDate: '2027-01-15' },
  subGoals: [
    { id: 'g1', title: 'Styr på økonomien', citizenWords: null, domain: 'economy', goalType: 'develop', priority: 1, targetDate: '2027-05-01', followUpDate: '2027-01-10', interventionIds: ['i1'] },
    { id: 'g2', title: 'Overskud i hverdagen', citizenWords: 'Mere energi', domain: 'mental_functions', goalType: 'develop', priority: 2, targetDate: null, followUpDate: null, interventionIds: ['i2', 'i3'] },
  ],
  ...over,
});
const ctx = (interventions = ['i1', 'i2', 'i3'], previous = ['g0', 'g1', 'g2'], fresh: string[] = []) => ({
  caseInterventionIds: new Set(interventions),
  previousGoalIds: new Set(previous),
  newGoalIds: new Set(fresh),
});
const sub = (c: PlanContent, i: number, patch: Partial<PlanContent['subGoals'][number]>) => ({
  ...c,
  subGoals: c.subGoals.map((g, j) => (j === i ? { ...g, ...patch } : g)),
});

describe('plan invariants', () => {
  it('a valid plan has no problems', () => expect(validatePlan(content(), ctx())).toEqual([]));

  it.each([
    ['duplicate priority', sub(content(), 1, { priority: 1 }), ctx(), [['body.subGoals.1.priority', 'duplicate-priority']]],
    ['priority 0', sub(content(), 0, { priority: 0 }), ctx(), [['body.subGoals.0.priority', 'invalid-priority']]],
    ['intervention of another case', sub(content(), 0, { interventionIds: ['other'] }), ctx(), [['body.subGoals.0.interventionIds.0', 'unknown-intervention']]],
    ['same intervention twice on a sub-goal', sub(content(), 1, { interventionIds: ['i2', 'i2'] }), ctx(), [['body.subGoals.1.interventionIds.1', 'duplicate-link']]],
    ['sub-goal target before start', sub(content(), 0, { targetDate: '2026-10-31' }), ctx(), [['body.subGoals.0.targetDate', 'target-before-start']]],
    ['target on the start date is fine', sub(content(), 0, { targetDate: '2026-11-01' }), ctx(), []],
    ['follow-up before start', sub(content(), 1, { followUpDate: '2026-01-01' }), ctx(), [['body.subGoals.1.followUpDate', 'follow-up-before-start']]],
    ['overall target before start', content({ overallGoal: { ...content().overallGoal, targetDate: '2025-01-01' } }), ctx(), [['body.overallGoal.targetDate', 'target-before-start']]],
    ['goal id not in the previous version', sub(content(), 0, { id: 'stranger' }), ctx(), [['body.subGoals.0.id', 'unknown-goal']]],
    ['new goal id given by the server', sub(content(), 0, { id: 'new' }), ctx(undefined, undefined, ['new']), []],
    ['two goals with one id', sub(content(), 1, { id: 'g1' }), ctx(), [['body.subGoals.1.id', 'duplicate-goal']]],
    ['a sub-goal with the overall goal id', sub(content(), 1, { id: 'g0' }), ctx(), [['body.subGoals.1.id', 'duplicate-goal']]],
  ] as const)('%s', (_name, plan, context, expected) => {
    expect(validatePlan(plan, context).map((p) => [p.path, p.code])).toEqual(expected);
  });

  it('reports every problem at once, with Danish messages', () => {
    const bad = sub(sub(content(), 1, { priority: 1, interventionIds: ['x'] }), 0, { targetDate: '2020-01-01' });
    const problems = validatePlan(bad, ctx());
    expect(problems.map((p) => p.code).sort()).toEqual(['duplicate-priority', 'target-before-start', 'unknown-intervention']);
    for (const p of problems) expect(p.message).toMatch(/[æøå]|før|findes|hører/);
  });
});

describe('diff between versions', () => {
  it('no change → empty', () => expect(diffPlans(content(), content())).toEqual([]));

  it.each([
    ['start date', content({ startDate: '2026-11-02' }), [{ kind: 'start_date_changed', from: '2026-11-01', to: '2026-11-02' }]],
    ['overall goal words', content({ overallGoal: { ...content().overallGoal, citizenWords: 'Nyt' } }), [{ kind: 'overall_goal_changed', fields: ['citizenWords'] }]],
    ['priority swap', sub(sub(content(), 0, { priority: 2 }), 1, { priority: 1 }), [
      { kind: 'sub_goal_changed', goalId: 'g1', title: 'Styr på økonomien', fields: ['priority'] },
      { kind: 'sub_goal_changed', goalId: 'g2', title: 'Overskud i hverdagen', fields: ['priority'] },
    ]],
    ['link and unlink', sub(content(), 1, { interventionIds: ['i3', 'i1'] }), [
      { kind: 'intervention_linked', goalId: 'g2', interventionId: 'i1' },
      { kind: 'intervention_unlinked', goalId: 'g2', interventionId: 'i2' },
    ]],
    ['removed sub-goal', content({ subGoals: content().subGoals.slice(1) }), [{ kind: 'sub_goal_removed', goalId: 'g1', title: 'Styr på økonomien' }]],
    ['added sub-goal with its links', content({ subGoals: [...content().subGoals, { ...content().subGoals[0]!, id: 'g3', title: 'Bolig', priority: 3, interventionIds: ['i3'] }] }), [
      { kind: 'sub_goal_added', goalId: 'g3', title: 'Bolig' },
      { kind: 'intervention_linked', goalId: 'g3', interventionId: 'i3' },
    ]],
  ] as const)('%s', (_name, to, expected) => {
    expect(diffPlans(content(), to as PlanContent)).toEqual(expected);
  });

  it('describes each change in Danish', () => {
    const to = sub(content(), 1, { interventionIds: ['i3'], priority: 3 });
    const lines = diffPlans(content(), to).map((c) => describeChangeDa(c, (id) => `Indsats ${id}`));
    expect(lines).toEqual(['Delmålet "Overskud i hverdagen" er ændret (prioritet).', 'Indsatsen "Indsats i2" er ikke længere knyttet til delmålet.']);
  });
});

const entry = (recordedOn: string, progression: number, result: FollowUpEntry['result'] = 'continue', nextFollowUpOn: string | null = '2027-03-01'): FollowUpEntry => ({ recordedOn, progression, result, nextFollowUpOn });

describe('progression and follow-up', () => {
  it.each([
    ['no follow-ups', [], 'in-progress'],
    ['one follow-up', [entry('2026-12-01', 4)], 'in-progress'],
    ['up', [entry('2026-12-01', 4), entry('2027-01-01', 6)], 'improving'],
    ['down', [entry('2026-12-01', 4), entry('2027-01-01', 3)], 'worsening'],
    ['same', [entry('2026-12-01', 4), entry('2027-01-01', 4)], 'no-change'],
    ['top of the scale', [entry('2026-12-01', 10, 'continue')], 'achieved'],
    ['ended below the top', [entry('2026-12-01', 6), entry('2027-01-01', 7, 'end', null)], 'not-achieved'],
    ['entered out of order: by date', [entry('2027-01-01', 6), entry('2026-12-01', 4)], 'improving'],
  ] as const)('%s → %s', (_name, entries, expected) => expect(achievementOf(entries)).toBe(expected));

  it.each([
    ['plan date before any follow-up', '2027-01-10', [], '2027-01-10'],
    ['no date at all', null, [], null],
    ['the latest follow-up decides', '2027-01-10', [entry('2026-12-01', 4, 'continue', '2027-02-01')], '2027-02-01'],
    ['ended goals have no next follow-up', '2027-01-10', [entry('2026-12-01', 7, 'end', null)], null],
  ] as const)('next follow-up: %s', (_name, planDate, entries, expected) => {
    expect(nextFollowUpOf({ followUpDate: planDate }, entries)).toBe(expected);
  });

  it.each([
    ['2026-11-22', true], ['2026-11-23', true], ['2026-11-24', false], [null, false],
  ] as const)('due on %s by %s', (next, expected) => expect(isFollowUpDue(next, TODAY)).toBe(expected));
});

describe('the plan in plain Danish', () => {
  it('reads the citizen her own goal, sub-goals by priority, what helps and the version', () => {
    const c = sub(sub(content(), 0, { priority: 2 }), 1, { priority: 1 });
    const lines = planInPlainDanish({
      content: c,
      version: 2,
      interventions: new Map([['i1', { title: 'Gældsrådgivning', startDate: '2026-12-01', endDate: null }]]),
      progression: new Map([['g1', 5]]),
    });
    expect(lines[0]).toBe('Dit mål: "Jeg vil i arbejde"');
    const first = lines.findIndex((l) => l.startsWith('1. '));
    expect(lines[first]).toMatch(/^1\. Overskud i hverdagen \(mentale funktioner; udvikle\)/);
    expect(lines.find((l) => l.startsWith('2. '))).toMatch(/Styr på økonomien.*1\. maj 2027.*5 ud af 10.*10\. januar 2027/);
    expect(lines).toContain('   Det hjælper: Gældsrådgivning (fra 1. december 2026).');
    expect(lines.at(-1)).toBe('Det er version 2 af din plan.');
  });
});

describe('FHIR mapping (pure)', () => {
  const input = (over: Partial<Parameters<typeof planToFhirBundle>[0]> = {}) => ({
    generatedAt: '2026-11-23T10:00:00.000Z',
    citizen: { id: 'p1', name: 'Lotte', cpr: '1205911002', birthDate: '1991-05-12', sex: 'female' as const },
    plan: { id: 'plan1', version: 2, ruleSetId: 'hovedlov-2022', createdAt: '2026-11-01T10:00:00.000Z', updatedAt: '2026-11-02T10:00:00.000Z', content: content() },
    achievement: new Map([['g1', 'improving' as const]]),
    interventions: [
      { id: 'i1', title: 'Gældsrådgivning', sector: 'adult_social', legalBasis: 'SEL § 10', status: 'running' as const, startDate: '2026-11-20', endDate: null },
      { id: 'i2', title: 'Psykolog', sector: 'health', legalBasis: 'SUL', status: 'planned' as const, startDate: null, endDate: null },
      { id: 'i9', title: 'Ikke knyttet', sector: 'health', legalBasis: 'SUL', status: 'ended' as const, startDate: null, endDate: null },
    ],
    consents: [
      { id: 'c1', scope: 'holistic_effort' as const, counterpart: null, active: true, since: '2026-09-08T10:00:00.000Z' },
      { id: 'c2', scope: 'health_information' as const, counterpart: 'Region H Psykiatri', active: false, since: '2026-11-20T10:00:00.000Z' },
    ],
    ...over,
  });
  const resources = (b: ReturnType<typeof planToFhirBundle>, type: string) => b.entry.map((e) => e.resource as any).filter((r) => r.resourceType === type);

  it('one CarePlan (intent plan) whose activities are exactly the linked interventions, with goal references', () => {
    const b = planToFhirBundle(input());
    expect(b).toMatchObject({ resourceType: 'Bundle', type: 'collection', id: 'plan1-2' });
    const [cp] = resources(b, 'CarePlan');
    expect(cp).toMatchObject({ status: 'active', intent: 'plan', subject: { reference: 'Patient/p1' }, period: { start: '2026-11-01' } });
    expect(cp.activity.map((a: any) => [a.detail.code.text, a.detail.status, a.detail.goal.map((g: any) => g.reference)])).toEqual([
      ['Gældsrådgivning', 'in-progress', ['Goal/g1']],
      ['Psykolog', 'not-started', ['Goal/g2']],
    ]);
    expect(cp.goal.map((g: any) => g.reference)).toEqual(['Goal/g0', 'Goal/g1', 'Goal/g2']);
  });

  it('sub-goals are milestones of the overall goal; achievement, priority and due date per goal', () => {
    const goals = resources(planToFhirBundle(input()), 'Goal');
    const overall = goals.find((g) => g.id === 'g0');
    expect(overall.extension.map((e: any) => [e.url, e.extension[0].valueCodeableConcept.coding[0].code, e.extension[1].valueReference.reference])).toEqual([
      ['http://hl7.org/fhir/StructureDefinition/goal-relationship', 'milestone', 'Goal/g1'],
      ['http://hl7.org/fhir/StructureDefinition/goal-relationship', 'milestone', 'Goal/g2'],
    ]);
    const g1 = goals.find((g) => g.id === 'g1');
    expect(g1.achievementStatus.coding[0].code).toBe('improving');
    expect(g1.priority.coding[0].code).toBe('high-priority');
    expect(g1.target).toEqual([{ dueDate: '2027-05-01' }]);
    const g2 = goals.find((g) => g.id === 'g2');
    expect(g2.achievementStatus.coding[0].code).toBe('in-progress');
    expect(g2.target).toBeUndefined();
  });

  it.each([
    ['holistic_effort', true, 'treatment', 'active', 'permit'],
    ['health_information', false, 'patient-privacy', 'inactive', 'deny'],
  ] as const)('consent %s (active %s) → scope %s, status %s, provision %s', (scope, _active, fhirScope, status, type) => {
    const c = resources(planToFhirBundle(input()), 'Consent').find((x) => x.category[1].coding[0].code === scope);
    expect(c).toMatchObject({ status, scope: { coding: [{ code: fhirScope }] }, provision: { type }, policyRule: { coding: [{ code: 'OPTIN' }] } });
  });

  it('never writes empty arrays: a plan without sub-goals or links has no extension and no activity', () => {
    const b = planToFhirBundle(input({ plan: { ...input().plan, content: content({ subGoals: [] }) } }));
    const [cp] = resources(b, 'CarePlan');
    expect(cp.activity).toBeUndefined();
    expect(resources(b, 'Goal')[0].extension).toBeUndefined();
    const walk = (v: unknown): boolean => (Array.isArray(v) ? v.length > 0 && v.every(walk) : v && typeof v === 'object' ? Object.values(v).every(walk) : true);
    expect(walk(b)).toBe(true);
  });
});
