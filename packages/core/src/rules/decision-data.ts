import type { ComplaintRouteRule, ComplaintRouteId, DecisionRules, ElementRule, SectorLawId } from './decision-rules';
import type { RuleSource } from './types';

const AGREEMENT_2018_DECISION: RuleSource = {
  law: 'Aftale om rammerne for en helhedsorienteret indsats for borgere med komplekse problemer (11. december 2018)',
  paragraph: 'afsnit 5 "En samlet afgørelse om indsatser"',
  document: '001-aftale-rammer-helhedsorienteret-indsats-2018.txt',
};
const AGREEMENT_2018_COMPLAINT: RuleSource = { ...AGREEMENT_2018_DECISION, paragraph: 'afsnit 6 "Enkel klageadgang"' };
const LAW_707: RuleSource = { law: 'Lov nr. 707 af 8. juni 2018 (én helhedsorienteret plan)', paragraph: 'afgørelser træffes fortsat efter sektorlovene', document: 'SPEC.md §5' };
const RETSSIKKERHEDSLOVEN: RuleSource = {
  law: 'Lov om retssikkerhed og administration på det sociale område',
  paragraph: 'klage til Ankestyrelsen gennem kommunen, som genvurderer afgørelsen (§§ 66–69)',
  document: 'SPEC.md §5',
};
const DEADLINE_GUIDE: RuleSource = {
  law: 'Justitsministeriets vejledning nr. 9533 af 26. juni 2018 om beregning af klagefrister',
  paragraph: 'almindelig post: modtaget 6 hverdage efter dateringen; digital post: samme dag; frist på lørdag, søndag eller helligdag flyttes til næste hverdag',
  document: 'SPEC.md §5',
};

const ROUTES: Readonly<Record<ComplaintRouteId, ComplaintRouteRule>> = {
  ankestyrelsen: {
    id: 'ankestyrelsen',
    body: 'Ankestyrelsen',
    viaMunicipality: true,
    deadlineFromReceipt: true,
    guidance:
      'Hvis du er uenig, kan du klage. Du kan klage over hele afgørelsen eller over enkelte dele af den. ' +
      'Klagen skal sendes til kommunen – skriv eller ring til din koordinerende sagsbehandler, eller klag på Min plan. ' +
      'Kommunen skal have din klage senest den {deadline}. ' +
      'Kommunen ser på afgørelsen igen inden 4 uger. Hvis kommunen ikke giver dig ret, sender vi klagen og sagens papirer videre til Ankestyrelsen.',
    source: RETSSIKKERHEDSLOVEN,
  },
  patient_complaints: {
    id: 'patient_complaints',
    body: 'Styrelsen for Patientklager',
    viaMunicipality: false,
    deadlineFromReceipt: false,
    guidance:
      'Klager over behandling på sundhedsområdet sendes ikke til kommunen, men direkte til Styrelsen for Patientklager, ' +
      'som også oplyser om fristen for at klage. Det gælder: {elements}.',
    source: {
      law: 'Aftale om rammerne for en helhedsorienteret indsats (11. december 2018)',
      paragraph: 'afsnit 6: "Den eksisterende retstilstand vedrørende klagemuligheder på sundhedsområdet opretholdes."',
      document: '001-aftale-rammer-helhedsorienteret-indsats-2018.txt',
    },
  },
  none: {
    id: 'none',
    body: '',
    viaMunicipality: false,
    deadlineFromReceipt: false,
    guidance: 'Du kan ikke klage over: {elements}.',
    source: AGREEMENT_2018_COMPLAINT,
  },
};

const FGU_ASSESSMENT: ElementRule = {
  id: 'fgu-maalgruppevurdering',
  match: { legalBasis: ['forberedende grunduddannelse', 'fgu', 'målgruppevurdering'] },
  treatment: 'element',
  appealable: false,
  notAppealableReason:
    'Målgruppevurderingen til forberedende grunduddannelse (FGU) er en processuel beslutning og ikke en afgørelse. Den kan ikke påklages – heller ikke i dag.',
  route: 'none',
  sectorLaw: 'ungeindsats',
  basisFormat: '{basis}',
  source: AGREEMENT_2018_COMPLAINT,
};
const BENEFITS: ElementRule = {
  id: 'forsoergelsesydelse',
  match: { sectors: ['benefits'] },
  treatment: 'outside',
  appealable: true,
  route: 'ankestyrelsen',
  sectorLaw: 'beskaeftigelse',
  note: 'Forsørgelsesydelser (fx kontanthjælp og sygedagpenge) afgøres efter beskæftigelseslovgivningen i en særskilt afgørelse med sin egen klagevejledning.',
  source: { ...AGREEMENT_2018_DECISION, paragraph: 'afsnit 5: "Tilkendelser af forsørgelsesydelser vil ske efter reglerne i beskæftigelseslovgivningen."' },
};
const HEALTH: ElementRule = {
  id: 'sundhed',
  match: { sectors: ['health'] },
  treatment: 'element',
  appealable: true,
  route: 'patient_complaints',
  sectorLaw: 'sundhedsloven',
  basisFormat: '{basis}',
  source: ROUTES.patient_complaints.source,
};
const HEALTH_BY_LAW: ElementRule = { ...HEALTH, id: 'sundhedsloven', match: { legalBasis: ['sundhedsloven'] } };
const element = (id: string, sectorLaw: SectorLawId, match: ElementRule['match'], source: RuleSource): ElementRule => ({
  id,
  match,
  treatment: 'element',
  appealable: true,
  route: 'ankestyrelsen',
  sectorLaw,
  source,
});

/** Plan-2018: decisions per sector law, each with that law's complaint route (lov nr. 707 changed plans, not decisions). */
export const PLAN_2018_DECISIONS: DecisionRules = {
  mode: 'per_sector',
  legalBasisFormat: '{basis}',
  elementRules: [
    FGU_ASSESSMENT,
    BENEFITS,
    HEALTH,
    HEALTH_BY_LAW,
    element('barnets-lov', 'barnets_lov', { legalBasis: ['barnets lov'] }, LAW_707),
    element('boern-og-familie', 'barnets_lov', { sectors: ['children_family'] }, LAW_707),
    element('beskaeftigelse', 'beskaeftigelse', { sectors: ['employment'] }, LAW_707),
    element('lab', 'beskaeftigelse', { legalBasis: ['lab ', 'beskæftigelsesindsats'] }, LAW_707),
    element('serviceloven', 'serviceloven', { legalBasis: ['serviceloven', 'lov om social service'] }, LAW_707),
    element('voksensocial', 'serviceloven', { sectors: ['adult_social', 'housing'] }, LAW_707),
    element('oevrige', 'andet', {}, LAW_707),
  ],
  routes: ROUTES,
  decisionTitles: {
    hovedloven: 'Afgørelse',
    serviceloven: 'Afgørelse efter lov om social service',
    beskaeftigelse: 'Afgørelse efter lov om en aktiv beskæftigelsesindsats',
    barnets_lov: 'Afgørelse efter barnets lov',
    sundhedsloven: 'Afgørelse efter sundhedsloven',
    ungeindsats: 'Afgørelse efter lov om kommunal indsats for unge under 25 år',
    andet: 'Afgørelse',
  },
  sources: [LAW_707, RETSSIKKERHEDSLOVEN, DEADLINE_GUIDE],
};

/**
 * The main law: one combined decision with one complaint route to
 * Ankestyrelsen; what cannot be appealed today stays so, health keeps its
 * route, benefits stay under employment law, and children's interventions
 * stay decided under barnets lov (the child's best interest, SPEC C5).
 */
export const HOVEDLOV_DECISIONS: DecisionRules = {
  mode: 'combined',
  legalBasisFormat: 'Lov om en helhedsorienteret indsats (samlet afgørelse), jf. {basis}',
  elementRules: [
    FGU_ASSESSMENT,
    BENEFITS,
    HEALTH,
    HEALTH_BY_LAW,
    {
      id: 'barnets-lov',
      match: { sectors: ['children_family'] },
      treatment: 'outside',
      appealable: true,
      route: 'ankestyrelsen',
      sectorLaw: 'barnets_lov',
      note: 'Indsatser for børn træffes fortsat efter barnets lov, med barnets tarv i centrum, i en særskilt afgørelse.',
      source: { ...AGREEMENT_2018_DECISION, paragraph: 'afsnit 4: indsatsen for børnene ydes fortsat efter de gældende regler' },
    },
    element('hovedloven', 'hovedloven', {}, AGREEMENT_2018_DECISION),
  ],
  routes: ROUTES,
  decisionTitles: { ...PLAN_2018_DECISIONS.decisionTitles, hovedloven: 'Samlet afgørelse om din helhedsorienterede indsats' },
  sources: [AGREEMENT_2018_DECISION, AGREEMENT_2018_COMPLAINT, RETSSIKKERHEDSLOVEN, DEADLINE_GUIDE],
};
