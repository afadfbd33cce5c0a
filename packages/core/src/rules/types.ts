/**
 * Versioned rule sets (SPEC §5): what the legislator changes lives here as
 * data with effective dates, so a screening, plan or decision can record the
 * rule set it was made under and be explained by the rules of its day.
 *
 * Later issues add fields (target-group criteria, age limits, intervention
 * catalogue); give new fields to every rule set rather than branching on
 * `id` in code.
 */
import type { LocalDate } from '../local-date';
import type { TargetGroupRules } from '../target-group/types';
import type { DecisionRules } from './decision-rules';
import type { PlanRules } from './plan-rules';

export const RULE_SET_IDS = ['plan-2018', 'hovedlov-2022', 'beskaeftigelsesreform-2027'] as const;
export type RuleSetId = (typeof RULE_SET_IDS)[number];

export interface RuleSource {
  /** The law or agreement, as Danish readers cite it. */
  law: string;
  /** E.g. '§ 40, stk. 3'. */
  paragraph?: string;
  /** Where this project read it: a seed file in shared/seeds/, or 'SPEC.md §5'. */
  document: string;
}

export interface RuleSetDeadlines {
  /**
   * Days from a withdrawal of consent to the sector-law decisions. The law
   * says "as soon as possible"; this is the municipality's target.
   */
  consentWithdrawalDecisionDays: number;
  /** Weeks from receipt of a decision to the complaint deadline. */
  complaintWeeks: number;
  /** Weeks from receipt of a complaint to the municipality's reassessment. */
  reassessmentWeeks: number;
  /**
   * Working days (hverdage) after the letter's date until a letter sent by
   * ordinary post counts as received. Current value 6: Justitsministeriets
   * vejledning nr. 9533 af 26. juni 2018 om beregning af klagefrister ("6
   * omdelingsdage" after the letter is dated and posted), which Ankestyrelsen
   * follows; it replaced the 2016 weekday table (5/7/6 days) and the older
   * A-post 2 / B-post 5 days. Quickbrev (2 days) is not modelled.
   */
  ordinaryPostReceiptDays: number;
  /** Days until Digital Post counts as received (0 = the day it is sent). */
  digitalPostReceiptDays: number;
  /** Years within which a citizen can return to a paused fleksjob without a new assessment. */
  fleksjobPauseReturnYears: number;
  /**
   * Days the municipality gives itself to act on Ankestyrelsen's result
   * (a remanded case decided anew, a changed or annulled decision implemented).
   * No statutory deadline; the municipality's target.
   */
  appealResultFollowUpDays: number;
}

export interface RuleSet {
  id: RuleSetId;
  /** Danish, for people. */
  title: string;
  /** null = not enacted; usable only as a local trial. */
  effectiveFrom: LocalDate | null;
  sources: readonly RuleSource[];
  deadlines: RuleSetDeadlines;
  /** One combined decision across the interventions (otherwise one per sector law); equals `decisions.mode === 'combined'`. */
  combinedDecision: boolean;
  /** How decisions are composed and complained about (C7, C8). */
  decisions: DecisionRules;
  /** The rule set this one changes, for rule sets that are amendments rather than a whole system. */
  amends?: RuleSetId;
  /** Target-group criteria, age limits and the duty to offer (SPEC §5, C2). */
  targetGroup: TargetGroupRules;
  /** The sector plans the holistic plan replaces and the family-plan obligation (SPEC §5, C5). */
  plan: PlanRules;
}

/** A municipality's choice: work under `ruleSetId` from `fromDate`. */
export interface RuleSetSelection {
  ruleSetId: RuleSetId;
  fromDate: LocalDate;
}
