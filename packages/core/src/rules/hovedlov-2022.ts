import { HOVEDLOV_DECISIONS } from './decision-data';
import { PLAN_RULES_2022 } from './plan-rules';
import {
  FLEKSJOB_INTERVENTION_CODE,
  FLEKSLOENTILSKUD_BENEFIT_CODE,
  FOERTIDSPENSION_BENEFIT_CODE,
  MANDATORY_BENEFIT_CODES,
  MANDATORY_SOCIAL_INTERVENTION_CODES,
  MUNICIPAL_PLAN_CODES,
  PSYCHIATRIC_PLAN_CODE,
} from '../target-group/codes';
import type { Criterion, TargetGroupRules } from '../target-group/types';
import type { RuleSet, RuleSource } from './types';

const AGREEMENT_2018: RuleSource = {
  law: 'Aftale om rammerne for en helhedsorienteret indsats for borgere med komplekse problemer (11. december 2018)',
  paragraph: 'afsnit I.1 "En målgruppe med flere udfordringer"',
  document: '001-aftale-rammer-helhedsorienteret-indsats-2018.txt',
};
const AGREEMENT_2018_DUTY: RuleSource = {
  ...AGREEMENT_2018,
  paragraph: 'afsnit I.7 "Kommunal forpligtelse til at tilbyde indsatsen indfases på to år"',
};
/** The objective criteria of the mandatory group as the agreement's implementation material publishes them. */
const AGREEMENT_2022_MANDATORY: RuleSource = {
  law: 'Aftale om en ny hovedlov (7. juni 2022): skal-målgruppens objektive kriterier',
  document: 'SPEC.md §5',
};
const AGREEMENT_2022_OPTIONAL: RuleSource = {
  law: 'Aftale om en ny hovedlov (7. juni 2022): kan-målgruppen',
  document: 'SPEC.md §5',
};

// Criteria shared by several routes (and, by construction, by beskaeftigelsesreform-2027).
const AGE_25: Criterion = {
  id: 'alder-25',
  type: 'age_at_least',
  years: 25,
  label: 'Er fyldt 25 år',
  source: AGREEMENT_2022_MANDATORY,
};
const UNDER_25: Criterion = {
  id: 'under-25',
  type: 'age_below',
  years: 25,
  label: 'Er under 25 år (har fortsat en kontaktperson i den kommunale ungeindsats)',
  source: AGREEMENT_2022_OPTIONAL,
};
const MIN_PLAN: Criterion = {
  id: 'min-plan',
  type: 'has_records',
  match: { kind: 'plan', codes: ['min_plan'] },
  label: 'Har en plan i jobcentret (Min Plan)',
  source: { ...AGREEMENT_2022_MANDATORY, paragraph: 'LAB § 40 (Min Plan)' },
};
const MANDATORY_BENEFIT: Criterion = {
  id: 'forsoergelsesydelse',
  type: 'has_records',
  match: { kind: 'benefit', codes: MANDATORY_BENEFIT_CODES },
  label:
    'Modtager sygedagpenge, kontanthjælp, uddannelseshjælp, overgangsydelse (uden for integrationsprogrammet), ' +
    'revalideringsydelse, ressourceforløbsydelse eller ledighedsydelse',
  source: AGREEMENT_2022_MANDATORY,
};
const SOCIAL_INTERVENTION: Criterion = {
  id: 'social-indsats',
  type: 'has_records',
  match: { kind: 'intervention', codes: MANDATORY_SOCIAL_INTERVENTION_CODES },
  label:
    'Modtager socialpædagogisk støtte (serviceloven § 85), botilbud (serviceloven §§ 107, 108, 108 a), ' +
    'botilbudslignende tilbud eller misbrugsbehandling (serviceloven § 101, sundhedsloven § 141)',
  source: {
    ...AGREEMENT_2022_MANDATORY,
    paragraph: 'serviceloven §§ 85, 101, 107, 108, 108 a; sundhedsloven § 141',
  },
};
const MUNICIPAL_PLAN: Criterion = {
  id: 'kommunal-plan',
  type: 'has_records',
  match: { kind: 'plan', codes: MUNICIPAL_PLAN_CODES },
  label:
    'Har en plan i kommunen (fx Min Plan, rehabiliteringsplan, handleplan efter serviceloven § 141, ' +
    'opfølgningsplan for sygedagpenge eller uddannelsesplan i den kommunale ungeindsats)',
  source: AGREEMENT_2018,
};

/**
 * The target group as the agreements describe it. Routes are alternatives;
 * the criteria of one route must all hold on the evaluation date.
 *
 * - Mandatory: the objective criteria of the 2022 agreement (SPEC §5).
 * - Optional, each on its own (seed 001 I.1 and I.7; seed 000; SPEC §5):
 *   · under 25 with a municipal plan and a social intervention — the young
 *     who would be in the mandatory group but for their age, because they keep
 *     the KUI contact person. Modelled as "plan + social intervention", since
 *     a social intervention brings a second municipal plan (the § 141
 *     handleplan) and seed 001's group is "borgere, for hvem der kan eller skal
 *     udarbejdes flere kommunale planer"; a benefit alone does not (it only
 *     brings Min Plan again), so plan + benefit is not a route of its own;
 *   · at least two municipal plans (seed 001's wording, any adult age: those
 *     the 2022 criteria leave out of the mandatory group);
 *   · a psychiatric treatment plan and at least one municipal plan;
 *   · fleksjob (the intervention, or fleksløntilskud as a benefit);
 *   · førtidspension.
 */
const HOVEDLOV_TARGET_GROUP: TargetGroupRules = {
  minimumAge: 18,
  pensionAgeLimit: true,
  mandatory: [
    {
      id: 'skal-25-plan-ydelse-social',
      label: 'Fyldt 25 år med plan i jobcentret, forsørgelsesydelse og social indsats',
      all: [AGE_25, MIN_PLAN, MANDATORY_BENEFIT, SOCIAL_INTERVENTION],
    },
  ],
  optional: [
    {
      id: 'kan-under-25',
      label: 'Under 25 år med en kommunal plan og en social indsats',
      all: [UNDER_25, MUNICIPAL_PLAN, SOCIAL_INTERVENTION],
    },
    {
      id: 'kan-flere-planer',
      label: 'Flere kommunale planer',
      all: [
        {
          id: 'flere-kommunale-planer',
          type: 'has_records',
          match: { kind: 'plan', codes: MUNICIPAL_PLAN_CODES },
          min: 2,
          label: 'Har mindst to kommunale planer',
          source: AGREEMENT_2018,
        },
      ],
    },
    {
      id: 'kan-psykiatri',
      label: 'Behandlingsplan i psykiatrien og en plan i kommunen',
      all: [
        {
          id: 'psykiatrisk-behandlingsplan',
          type: 'has_records',
          match: { kind: 'plan', codes: [PSYCHIATRIC_PLAN_CODE], sectors: ['health'] },
          label: 'Har en behandlingsplan i psykiatrien (modtaget ved videregivelse med samtykke)',
          source: AGREEMENT_2018,
        },
        MUNICIPAL_PLAN,
      ],
    },
    {
      id: 'kan-fleksjob',
      label: 'I fleksjob',
      all: [
        {
          id: 'fleksjob',
          type: 'has_records',
          match: { kind: 'intervention', codes: [FLEKSJOB_INTERVENTION_CODE] },
          label: 'Er i fleksjob',
          source: AGREEMENT_2018_DUTY,
        },
      ],
    },
    {
      id: 'kan-fleksloentilskud',
      label: 'I fleksjob (modtager fleksløntilskud)',
      all: [
        {
          id: 'fleksloentilskud',
          type: 'has_records',
          match: { kind: 'benefit', codes: [FLEKSLOENTILSKUD_BENEFIT_CODE] },
          label: 'Modtager fleksløntilskud',
          source: AGREEMENT_2018_DUTY,
        },
      ],
    },
    {
      id: 'kan-foertidspension',
      label: 'På førtidspension',
      all: [
        {
          id: 'foertidspension',
          type: 'has_records',
          match: { kind: 'benefit', codes: [FOERTIDSPENSION_BENEFIT_CODE] },
          label: 'Modtager førtidspension',
          source: AGREEMENT_2018_DUTY,
        },
      ],
    },
  ],
  // Seed 004: "Efter en indfasningsperiode på to år forpligtes kommunerne …"; seed 001 I.7.
  dutyAfterYears: 2,
  ageLimitSource: {
    ...AGREEMENT_2018,
    paragraph: 'afsnit I.1: børn og unge under 18 år og borgere over folkepensionsalderen efter sektorlovgivningen',
  },
  sources: [
    AGREEMENT_2018,
    AGREEMENT_2018_DUTY,
    { law: 'Aftale om en ny hovedlov (7. juni 2022)', paragraph: 'Ikrafttrædelse og målgruppe', document: '004-nyhedsbrev-hovedlov-2022.txt' },
    AGREEMENT_2022_MANDATORY,
    AGREEMENT_2022_OPTIONAL,
  ],
};

/**
 * The main law as the political agreements describe it (11 December 2018 and
 * 7 June 2022). Planned in force 1 July 2023 but not passed as of early 2026,
 * so `effectiveFrom` is null until it is enacted: municipalities can run it as
 * a local trial; on enactment, set the date here.
 */
export const HOVEDLOV_2022: RuleSet = {
  id: 'hovedlov-2022',
  title: 'Lov om en helhedsorienteret indsats for borgere med komplekse problemer (hovedloven)',
  effectiveFrom: null,
  sources: [
    {
      law: 'Aftale om rammerne for en helhedsorienteret indsats for borgere med komplekse problemer (11. december 2018)',
      document: '001-aftale-rammer-helhedsorienteret-indsats-2018.txt',
    },
    { law: 'Aftale om en ny hovedlov (7. juni 2022)', document: '004-nyhedsbrev-hovedlov-2022.txt' },
    { law: 'Sammen med borgeren – en helhedsorienteret indsats (udspil, oktober 2018)', document: '000-sammen-med-borgeren-udspil-2018.txt' },
    {
      law: 'Principper for koordinerende sagsbehandling (regeringen og KL)',
      document: '003-opfoelgning-koordinerende-sagsbehandling-KL.txt',
    },
    {
      law: 'Vejledning om retssikkerhed og administration på det sociale område (retssikkerhedsvejledningen)',
      paragraph: 'samtykkets konkrethed',
      document: 'SPEC.md §5',
    },
  ],
  deadlines: {
    // Seed 001: after a withdrawal the municipality decides under the sector
    // laws "hurtigst muligt uden fornyet ansøgning"; 14 days is the target.
    consentWithdrawalDecisionDays: 14,
    complaintWeeks: 4,
    reassessmentWeeks: 4,
    ordinaryPostReceiptDays: 6,
    digitalPostReceiptDays: 0,
    // Seed 000: return to a paused fleksjob "inden for to år" without a new visitation.
    fleksjobPauseReturnYears: 2,
    appealResultFollowUpDays: 14,
  },
  combinedDecision: true,
  decisions: HOVEDLOV_DECISIONS,
  targetGroup: HOVEDLOV_TARGET_GROUP,
  plan: PLAN_RULES_2022,
};
