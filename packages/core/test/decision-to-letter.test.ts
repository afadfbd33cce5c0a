import { describe, expect, it } from 'vitest';
import { legalBasisText } from '../src/letters/compose';
import { DecisionLetterSchema } from '../src/letters/decision-letter';
import { complaintGuidance, splitLegalBasis, toDecisionLetter, type DecisionLetterData, type LetterElement } from '../src/decisions/letter-data';
import { getRuleSet } from '../src/rules/registry';

describe('splitLegalBasis', () => {
  it.each([
    ['Serviceloven § 85', 'Serviceloven', '§ 85'],
    ['LAB § 40, stk. 1', 'LAB', '§ 40, stk. 1'],
    ['Lov om en helhedsorienteret indsats (samlet afgørelse), jf. Serviceloven § 85', 'Lov om en helhedsorienteret indsats (samlet afgørelse), jf. Serviceloven', '§ 85'],
    ['Barnets lov § 90, nr. 4, jf. serviceloven § 112', 'Barnets lov', '§ 90, nr. 4, jf. serviceloven § 112'],
    ['Sygedagpengeloven', 'Sygedagpengeloven', ''],
    ['Lov om en aktiv beskæftigelsesindsats (virksomhedspraktik)', 'Lov om en aktiv beskæftigelsesindsats (virksomhedspraktik)', ''],
  ])('%s → law and section, printed back unchanged', (basis, law, section) => {
    const split = splitLegalBasis(basis);
    expect(split).toEqual({ law, section });
    expect(legalBasisText({ legalBasis: split })).toBe(basis);
  });
});

const rules = getRuleSet('hovedlov-2022').decisions;
const element = (title: string, sector: string, route: LetterElement['complaintRoute']['id'], appealable = route !== 'none'): LetterElement => ({
  elementId: '7d0b9f0e-3c1a-4a52-9d0e-000000000001',
  interventionId: '7d0b9f0e-3c1a-4a52-9d0e-000000000002',
  title,
  sector,
  sectorLabel: sector,
  legalBasis: 'Serviceloven § 85',
  reasoning: `Fordi ${title}.`,
  startDate: null,
  endDate: null,
  appealable,
  notAppealableReason: appealable ? null : 'Processuel beslutning.',
  complaintRoute: { id: route, body: '' },
  supersedes: null,
});

function data(overrides: Partial<DecisionLetterData> = {}): DecisionLetterData {
  const elements = overrides.elements ?? [element('Socialpædagogisk støtte', 'adult_social', 'ankestyrelsen'), element('Psykologforløb', 'health', 'patient_complaints'), element('Målgruppevurdering', 'education', 'none')];
  return {
    decisionId: '7d0b9f0e-3c1a-4a52-9d0e-00000000000a',
    title: 'Samlet afgørelse',
    mode: 'combined',
    sectorLaw: 'hovedloven',
    ruleSet: { id: 'hovedlov-2022', title: 'Hovedloven' },
    municipality: { name: 'Helhed Demokommune', cvr: '99999999' },
    citizen: { name: 'Lotte', cpr: '120591-1002', address: 'Kastanjevej 14, 1. th., 9999 Demoby' },
    caseId: '7d0b9f0e-3c1a-4a52-9d0e-00000000000b',
    decisionDate: '2026-11-23',
    channel: 'digital_post',
    receiptDate: '2026-11-23',
    complaintDeadline: '2026-12-21',
    overallReasoning: 'Samlet begrundelse.',
    citizenGoals: ['Jeg vil i arbejde', '  '],
    elements,
    outsideDecision: [],
    complaintGuidance: complaintGuidance(elements, rules, '2026-12-21'),
    coordinatingContact: { name: 'Mette', title: 'Koordinerende sagsbehandler', email: 'mette@example.dk', phone: null },
    ...overrides,
  };
}
const sending = {
  letterId: '7d0b9f0e-3c1a-4a52-9d0e-00000000000c',
  citizenId: '7d0b9f0e-3c1a-4a52-9d0e-00000000000d',
  letterhead: { addressLines: ['Rådhuspladsen 1', '9999 Demoby'], phone: '+45 99 99 99 99', web: 'www.example.dk' },
  reassessmentWeeks: 4,
  benefitsNote: 'Forsørgelse afgøres særskilt.',
};

describe('toDecisionLetter', () => {
  it('folds the combined decision into one valid letter: routes, deadline, health route, contact phone from the letterhead', () => {
    const letter = toDecisionLetter(data(), rules, sending);
    expect(DecisionLetterSchema.safeParse(letter).success).toBe(true);
    expect(letter).toMatchObject({ scope: 'combined', channel: 'digital_post', decisionDate: '2026-11-23', citizenGoals: ['Jeg vil i arbejde'] });
    expect(letter.recipient).toEqual({ citizenId: sending.citizenId, name: 'Lotte', cpr: '120591-1002', addressLines: ['Kastanjevej 14, 1. th.', '9999 Demoby'] });
    expect(letter.elements.map((e) => e.complaintRoute)).toEqual(['ankestyrelsen', 'health', 'none']);
    expect(letter.elements[2]!.nonAppealableReason).toBe('Processuel beslutning.');
    expect(letter.complaintGuidance).toMatchObject({ deadline: '2026-12-21', complainTo: 'Helhed Demokommune', reassessmentWeeks: 4, appealsBody: rules.routes.ankestyrelsen.body, healthRoute: rules.routes.patient_complaints.body });
    expect(letter.coordinatingContact.phone).toBe('+45 99 99 99 99');
    expect(letter.benefitsNote).toBe('Forsørgelse afgøres særskilt.');
  });

  it('a per-sector decision is a sector letter; without health elements there is no health route', () => {
    const letter = toDecisionLetter(data({ mode: 'per_sector', sectorLaw: 'serviceloven', elements: [element('Socialpædagogisk støtte', 'adult_social', 'ankestyrelsen')] }), rules, { ...sending, benefitsNote: null });
    expect(DecisionLetterSchema.safeParse(letter).success).toBe(true);
    expect(letter).toMatchObject({ scope: 'sector', sector: 'adult_social', benefitsNote: null });
    expect(letter.complaintGuidance.healthRoute).toBeNull();
  });

  it('without a coordinating contact the letter does not validate (the server refuses with the reasons)', () => {
    const letter = toDecisionLetter(data({ coordinatingContact: null }), rules, sending);
    const parsed = DecisionLetterSchema.safeParse(letter);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['coordinatingContact.name', 'coordinatingContact.email']));
  });
});
