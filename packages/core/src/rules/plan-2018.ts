import { PLAN_2018_DECISIONS } from './decision-data';
import { PLAN_RULES_2018 } from './plan-rules';
import { SECTOR_PLAN_CODES } from '../target-group/codes';
import type { RuleSet, RuleSource } from './types';

const LAW_707: RuleSource = {
  law: 'Lov nr. 707 af 8. juni 2018 (én helhedsorienteret plan)',
  document: 'SPEC.md §5',
};

/**
 * "Én helhedsorienteret plan": in force today. One holistic plan may replace
 * the sector plans, but decisions are still made per sector law, each with
 * its own complaint route — hence no combined decision.
 */
export const PLAN_2018: RuleSet = {
  id: 'plan-2018',
  title: 'Én helhedsorienteret plan (lov nr. 707 af 8. juni 2018)',
  // In force 1 July 2018 (seed 000, "trådt i kraft d. 1. juli 2018"; seed 002).
  effectiveFrom: '2018-07-01',
  sources: [
    { law: 'Lov nr. 707 af 8. juni 2018', document: '000-sammen-med-borgeren-udspil-2018.txt' },
    { law: 'Lov nr. 707 af 8. juni 2018', document: '002-artikel-syv-love-samles-2018.txt' },
    { law: 'Lov om en aktiv beskæftigelsesindsats', paragraph: '§ 40, stk. 3', document: 'SPEC.md §5' },
    { law: 'Lov om social service', paragraph: '§ 141, stk. 7', document: 'SPEC.md §5' },
    { law: 'Lov om sygedagpenge', paragraph: '§ 13 e', document: 'SPEC.md §5' },
    { law: 'Barnets lov', paragraph: '§ 78', document: 'SPEC.md §5' },
    { law: 'Barnets lov', paragraph: '§ 110', document: 'SPEC.md §5' },
  ],
  deadlines: {
    consentWithdrawalDecisionDays: 14,
    complaintWeeks: 4,
    reassessmentWeeks: 4,
    ordinaryPostReceiptDays: 6,
    digitalPostReceiptDays: 0,
    fleksjobPauseReturnYears: 2,
    appealResultFollowUpDays: 14,
  },
  combinedDecision: false,
  decisions: PLAN_2018_DECISIONS,
  plan: PLAN_RULES_2018,
  targetGroup: {
    minimumAge: 18,
    pensionAgeLimit: true,
    // The law in force gives no duty: one plan is an offer the municipality may make.
    mandatory: [],
    optional: [
      {
        id: 'kan-flere-sektorplaner',
        label: 'Flere sektorplaner, som én helhedsorienteret plan kan erstatte',
        all: [
          {
            id: 'flere-sektorplaner',
            type: 'has_records',
            label:
              'Har mindst to af disse planer: Min Plan eller rehabiliteringsplan (LAB), handleplan (serviceloven § 141), ' +
              'opfølgningsplan (sygedagpengeloven § 13 c), handleplan (barnets lov § 78), ungeplan (barnets lov § 110)',
            match: { kind: 'plan', codes: SECTOR_PLAN_CODES },
            min: 2,
            source: {
              law: 'Lov nr. 707 af 8. juni 2018 (én helhedsorienteret plan)',
              paragraph: 'LAB § 40, stk. 3; serviceloven § 141, stk. 7; sygedagpengeloven § 13 e; barnets lov §§ 78 og 110',
              document: 'SPEC.md §5',
            },
          },
        ],
      },
    ],
    dutyAfterYears: 0,
    ageLimitSource: LAW_707,
    sources: [
      LAW_707,
      {
        law: 'Sammen med borgeren – en helhedsorienteret indsats (udspil, oktober 2018)',
        paragraph: '"kan eller skal modtage to eller flere planer"',
        document: '000-sammen-med-borgeren-udspil-2018.txt',
      },
    ],
  },
};
