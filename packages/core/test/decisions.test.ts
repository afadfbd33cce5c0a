import { describe, expect, it } from 'vitest';
import { checkComplaintScope, classifyIntervention, composeDecisions, supersededBy, type GrantedIntervention } from '../src/decisions/compose';
import { complaintGuidance } from '../src/decisions/letter-data';
import { COMPLAINT_ROUTE_IDS } from '../src/rules/decision-rules';
import { getRuleSet } from '../src/rules/registry';
import { RULE_SET_IDS } from '../src/rules/types';

const intervention = (title: string, sector: string, legalBasis: string, id = title): GrantedIntervention => ({ id, title, sector, legalBasis, startDate: null, endDate: null });

const LOTTE = [
  intervention('Socialpædagogisk støtte', 'adult_social', 'Serviceloven § 85'),
  intervention('Mentorstøtte', 'employment', 'LAB § 167'),
  intervention('Psykologforløb', 'health', 'Sundhedsloven § 69'),
  intervention('Alkoholbehandling', 'adult_social', 'Sundhedsloven § 141'),
  intervention('Målgruppevurdering til FGU', 'education', 'Lov om forberedende grunduddannelse § 2'),
  intervention('Kontanthjælp', 'benefits', 'Lov om aktiv socialpolitik § 11'),
  intervention('Familiebehandling', 'children_family', 'Barnets lov § 32'),
];

describe('decision rule data', () => {
  it.each(RULE_SET_IDS)('%s: the element rules end with a catch-all, non-appealable rules give a reason, outside rules a note', (id) => {
    const rules = getRuleSet(id).decisions;
    expect(rules.elementRules.at(-1)!.match).toEqual({});
    expect(rules.elementRules.at(-1)!.treatment).toBe('element');
    for (const rule of rules.elementRules) {
      if (!rule.appealable) expect(rule.notAppealableReason?.length, rule.id).toBeGreaterThan(20);
      if (rule.treatment === 'outside') expect(rule.note?.length, rule.id).toBeGreaterThan(20);
      expect(rules.decisionTitles[rule.sectorLaw], rule.id).toBeTruthy();
    }
    expect(Object.keys(rules.routes).sort()).toEqual([...COMPLAINT_ROUTE_IDS].sort());
    expect(new Set(rules.elementRules.map((r) => r.id)).size).toBe(rules.elementRules.length);
  });

  it('the mode follows the law: plan-2018 decides per sector law, the main law and the reform combine', () => {
    expect(getRuleSet('plan-2018').decisions.mode).toBe('per_sector');
    expect(getRuleSet('hovedlov-2022').decisions.mode).toBe('combined');
    expect(getRuleSet('beskaeftigelsesreform-2027').decisions.mode).toBe('combined');
  });
});

describe('classifyIntervention', () => {
  it.each([
    ['hovedlov-2022', 'Socialpædagogisk støtte', 'hovedloven', 'element', true, 'ankestyrelsen', 'Lov om en helhedsorienteret indsats (samlet afgørelse), jf. Serviceloven § 85'],
    ['hovedlov-2022', 'Psykologforløb', 'sundhed', 'element', true, 'patient_complaints', 'Sundhedsloven § 69'],
    ['hovedlov-2022', 'Alkoholbehandling', 'sundhedsloven', 'element', true, 'patient_complaints', 'Sundhedsloven § 141'],
    ['hovedlov-2022', 'Målgruppevurdering til FGU', 'fgu-maalgruppevurdering', 'element', false, 'none', 'Lov om forberedende grunduddannelse § 2'],
    ['hovedlov-2022', 'Kontanthjælp', 'forsoergelsesydelse', 'outside', true, 'ankestyrelsen', 'Lov om en helhedsorienteret indsats (samlet afgørelse), jf. Lov om aktiv socialpolitik § 11'],
    ['hovedlov-2022', 'Familiebehandling', 'barnets-lov', 'outside', true, 'ankestyrelsen', 'Lov om en helhedsorienteret indsats (samlet afgørelse), jf. Barnets lov § 32'],
    ['plan-2018', 'Socialpædagogisk støtte', 'serviceloven', 'element', true, 'ankestyrelsen', 'Serviceloven § 85'],
    ['plan-2018', 'Mentorstøtte', 'beskaeftigelse', 'element', true, 'ankestyrelsen', 'LAB § 167'],
    ['plan-2018', 'Familiebehandling', 'barnets-lov', 'element', true, 'ankestyrelsen', 'Barnets lov § 32'],
    ['plan-2018', 'Målgruppevurdering til FGU', 'fgu-maalgruppevurdering', 'element', false, 'none', 'Lov om forberedende grunduddannelse § 2'],
  ] as const)('%s: %s → rule %s, %s, appealable %s, route %s', (ruleSetId, title, ruleId, treatment, appealable, route, legalBasis) => {
    const i = LOTTE.find((x) => x.title === title)!;
    expect(classifyIntervention(i, getRuleSet(ruleSetId).decisions)).toMatchObject({ ruleId, treatment, appealable, route, legalBasis });
  });

  it('matches legal bases case-insensitively', () => {
    const i = intervention('Vurdering', 'education', 'MÅLGRUPPEVURDERING efter KUI-loven');
    expect(classifyIntervention(i, getRuleSet('hovedlov-2022').decisions).appealable).toBe(false);
  });
});

describe('composeDecisions', () => {
  it('main law: one combined decision with every element; benefits and children outside', () => {
    const { decisions, outside } = composeDecisions(LOTTE, getRuleSet('hovedlov-2022').decisions);
    expect(decisions).toHaveLength(1);
    expect(decisions[0]!.sectorLaw).toBe('hovedloven');
    expect(decisions[0]!.elements.map((e) => e.intervention.title)).toEqual(['Socialpædagogisk støtte', 'Mentorstøtte', 'Psykologforløb', 'Alkoholbehandling', 'Målgruppevurdering til FGU']);
    expect(outside.map((e) => e.intervention.title)).toEqual(['Kontanthjælp', 'Familiebehandling']);
  });

  it('plan-2018: one decision per sector law, in the order first met', () => {
    const { decisions, outside } = composeDecisions(LOTTE, getRuleSet('plan-2018').decisions);
    expect(decisions.map((d) => [d.sectorLaw, d.elements.map((e) => e.intervention.title)])).toEqual([
      ['serviceloven', ['Socialpædagogisk støtte']],
      ['beskaeftigelse', ['Mentorstøtte']],
      ['sundhedsloven', ['Psykologforløb', 'Alkoholbehandling']],
      ['ungeindsats', ['Målgruppevurdering til FGU']],
      ['barnets_lov', ['Familiebehandling']],
    ]);
    expect(outside.map((e) => e.intervention.title)).toEqual(['Kontanthjælp']);
  });

  it('a classification given with the intervention (the catalogue\'s own flags) wins over the rule data', () => {
    const rules = getRuleSet('hovedlov-2022').decisions;
    const mentor = LOTTE[1]!;
    const flagged = { ...classifyIntervention(mentor, rules), appealable: false, notAppealableReason: 'Katalogets egen markering.' };
    const { decisions } = composeDecisions([{ ...mentor, classification: flagged }], rules);
    expect(decisions[0]!.elements[0]).toMatchObject({ appealable: false, notAppealableReason: 'Katalogets egen markering.' });
  });

  it('nothing granted → no decision', () => {
    expect(composeDecisions([], getRuleSet('hovedlov-2022').decisions)).toEqual({ decisions: [], outside: [] });
    expect(composeDecisions([LOTTE[5]!], getRuleSet('hovedlov-2022').decisions).decisions).toEqual([]);
  });
});

describe('supersededBy', () => {
  it('supersedes only the elements a new decision names', () => {
    const inForce = [
      { elementId: 'e1', interventionId: 'mentor' },
      { elementId: 'e2', interventionId: 'sel85' },
    ];
    expect([...supersededBy(['mentor', 'new-one'], inForce)]).toEqual([['mentor', 'e1']]);
    expect(supersededBy([], inForce).size).toBe(0);
  });
});

describe('checkComplaintScope', () => {
  const rules = getRuleSet('hovedlov-2022').decisions;
  const elements = [
    { id: 'a', title: 'Socialpædagogisk støtte', appealable: true, notAppealableReason: null, route: 'ankestyrelsen' as const },
    { id: 'b', title: 'Målgruppevurdering til FGU', appealable: false, notAppealableReason: 'Processuel beslutning.', route: 'none' as const },
    { id: 'c', title: 'Psykologforløb', appealable: true, notAppealableReason: null, route: 'patient_complaints' as const },
  ];

  it('whole decision: covers what goes through the municipality and names the rest', () => {
    expect(checkComplaintScope(elements, 'whole', [], rules)).toEqual({
      ok: true,
      elementIds: ['a'],
      notCovered: [
        { id: 'b', title: 'Målgruppevurdering til FGU', reason: 'Processuel beslutning.' },
        { id: 'c', title: 'Psykologforløb', reason: 'Klage over denne del sendes ikke til kommunen, men direkte til Styrelsen for Patientklager.' },
      ],
    });
  });

  it.each([
    [['a'], true, ''],
    [['a', 'a'], true, ''],
    [['b'], false, 'Du kan ikke klage over »Målgruppevurdering til FGU«: Processuel beslutning.'],
    [['a', 'c'], false, 'Styrelsen for Patientklager'],
    [['zzz'], false, 'findes ikke'],
    [[], false, 'Vælg mindst én'],
  ])('elements %j → ok %s (%s)', (chosen, ok, detail) => {
    const check = checkComplaintScope(elements, 'elements', chosen, rules);
    expect(check.ok).toBe(ok);
    if (check.ok) expect(check.elementIds).toEqual(['a']);
    else expect(check.detail).toContain(detail);
  });

  it('a decision with nothing appealable through the municipality cannot be complained about as a whole', () => {
    expect(checkComplaintScope([elements[1]!], 'whole', [], rules).ok).toBe(false);
  });
});

describe('complaintGuidance', () => {
  it('one guidance: the municipality route first with the deadline, then the other routes naming their elements', () => {
    const rules = getRuleSet('hovedlov-2022').decisions;
    const g = complaintGuidance(
      [
        { title: 'Psykologforløb', appealable: true, complaintRoute: { id: 'patient_complaints', body: '' } },
        { title: 'Mentorstøtte', appealable: true, complaintRoute: { id: 'ankestyrelsen', body: '' } },
        { title: 'Målgruppevurdering til FGU', appealable: false, complaintRoute: { id: 'none', body: '' } },
      ],
      rules,
      '2026-05-07',
    );
    expect(g.sections.map((s) => s.route)).toEqual(['ankestyrelsen', 'patient_complaints', 'none']);
    expect(g.sections[0]!.text).toContain('senest den 7. maj 2026');
    expect(g.sections[1]!.text).toContain('»Psykologforløb«');
    expect(g.sections[2]!.text).toBe('Du kan ikke klage over: »Målgruppevurdering til FGU«.');
  });
});
