import type { RuleSet } from './types';

/**
 * The employment reform, layered on the main law: "jobcenteret" becomes "the
 * municipality", ressourceforløb and revalidering end for new cases, and the
 * rehabilitation team is replaced by a combined description of the citizen's
 * prerequisites with advice from a health coordinator. It amends
 * `hovedlov-2022` because the criteria it changes (the benefits in the
 * mandatory group, the rehabilitation team's recommendation) live there;
 * criteria naming the ended benefits must keep working for citizens who
 * still receive them.
 *
 * `effectiveFrom` is the first date of lov nr. 1750 (1 February 2026; more
 * provisions follow 1 July 2026). The new employment main law, expected
 * 1 January 2027, will add its own dated provisions when enacted.
 */
export const BESKAEFTIGELSESREFORM_2027: RuleSet = {
  id: 'beskaeftigelsesreform-2027',
  title: 'Reform af beskæftigelsesindsatsen (lov nr. 1750 af 29. december 2025 og ny beskæftigelseslov)',
  effectiveFrom: '2026-02-01',
  sources: [
    { law: 'Lov nr. 1750 af 29. december 2025', document: 'SPEC.md §5' },
    { law: 'Ny lov om en aktiv beskæftigelsesindsats (forventet i kraft 1. januar 2027)', document: 'SPEC.md §5' },
  ],
  deadlines: {
    consentWithdrawalDecisionDays: 14,
    complaintWeeks: 4,
    reassessmentWeeks: 4,
    ordinaryPostReceiptDays: 6,
    digitalPostReceiptDays: 0,
    fleksjobPauseReturnYears: 2,
  },
  combinedDecision: true,
  amends: 'hovedlov-2022',
};
