import { HOVEDLOV_DECISIONS } from './decision-data';
import { PLAN_RULES_2027 } from './plan-rules';
import type { Criterion, Route, TargetGroupRules } from '../target-group/types';
import { HOVEDLOV_2022 } from './hovedlov-2022';
import type { RuleSet } from './types';

/** Danish labels that change with the reform, by criterion or route id; everything else is the main law's. */
const RELABEL: Readonly<Record<string, string>> = {
  // "jobcenteret" becomes "kommunen".
  'skal-25-plan-ydelse-social': 'Fyldt 25 år med plan i kommunen, forsørgelsesydelse og social indsats',
  'min-plan': 'Har en plan i kommunen (Min Plan)',
  // Ressourceforløb and revalidering end for new cases but keep counting for citizens who have them.
  forsoergelsesydelse:
    'Modtager sygedagpenge, kontanthjælp, uddannelseshjælp, overgangsydelse (uden for integrationsprogrammet) ' +
    'eller ledighedsydelse – eller fortsat revalideringsydelse eller ressourceforløbsydelse',
};

function relabelCriterion(criterion: Criterion): Criterion {
  const label = RELABEL[criterion.id];
  return label === undefined ? criterion : { ...criterion, label };
}

function relabelRoute(route: Route): Route {
  return { ...route, label: RELABEL[route.id] ?? route.label, all: route.all.map(relabelCriterion) };
}

/**
 * The main law's target group, carried over: same criteria and codes, the
 * reform's labels, and the duty counted from the main law's entry into force
 * (not from this reform's) — so while the main law is not enacted there is
 * no duty under this rule set either, except a municipality's own phase-in.
 */
const REFORM_TARGET_GROUP: TargetGroupRules = {
  ...HOVEDLOV_2022.targetGroup,
  mandatory: HOVEDLOV_2022.targetGroup.mandatory.map(relabelRoute),
  optional: HOVEDLOV_2022.targetGroup.optional.map(relabelRoute),
  dutyCountsFrom:
    HOVEDLOV_2022.targetGroup.dutyCountsFrom !== undefined
      ? HOVEDLOV_2022.targetGroup.dutyCountsFrom
      : HOVEDLOV_2022.effectiveFrom,
  sources: [
    ...HOVEDLOV_2022.targetGroup.sources,
    {
      law: 'Lov nr. 1750 af 29. december 2025',
      paragraph: '"jobcenteret" bliver til "kommunen"; ressourceforløb og revalidering ophører for nye sager',
      document: 'SPEC.md §5',
    },
  ],
};

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
    appealResultFollowUpDays: 14,
  },
  combinedDecision: true,
  decisions: HOVEDLOV_DECISIONS,
  amends: 'hovedlov-2022',
  targetGroup: REFORM_TARGET_GROUP,
  plan: PLAN_RULES_2027,
};
