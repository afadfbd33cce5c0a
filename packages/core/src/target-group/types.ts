/**
 * Target-group criteria as data (SPEC §5, C2). A rule set lists routes into
 * the mandatory (skal) and optional (kan) groups; a route holds when all its
 * criteria hold on the evaluation date. The same data drives the pure
 * evaluator (one citizen, with explanations) and the server's SQL compiler
 * (a whole municipality at once), so the two cannot drift apart.
 */
import type { LocalDate } from '../local-date';
import type { RuleSource } from '../rules/types';
import type { Sector } from '../vocabulary';

export type SectorRecordKind = 'benefit' | 'plan' | 'intervention';

/** Which sector records a criterion looks at: kind and machine codes (sector optional). */
export interface RecordMatch {
  kind: SectorRecordKind;
  codes: readonly string[];
  sectors?: readonly Sector[];
}

interface CriterionBase {
  /** stable id, used in explanations and stored results, e.g. 'age-25', 'min-plan' */
  id: string;
  /** Danish, for people: what must hold, e.g. 'Er fyldt 25 år' */
  label: string;
  source: RuleSource;
}

export type Criterion =
  | (CriterionBase & { type: 'age_at_least'; years: number })
  | (CriterionBase & { type: 'age_below'; years: number })
  /** at least `min` (default 1) records matching `match`, active on the evaluation date */
  | (CriterionBase & { type: 'has_records'; match: RecordMatch; min?: number });

export interface Route {
  id: string;
  /** Danish, e.g. 'Over 25 år med plan, forsørgelsesydelse og social indsats' */
  label: string;
  all: readonly Criterion[];
}

export interface TargetGroupRules {
  /** Nobody below this age is in the target group (children stay under children's law). */
  minimumAge: number;
  /** Nobody at or above their own folkepensionsalder is (pensioners stay under sector law). */
  pensionAgeLimit: boolean;
  /** Routes into the group the municipality must offer (empty under plan-2018). */
  mandatory: readonly Route[];
  /** Routes into the group the municipality may offer. */
  optional: readonly Route[];
  /**
   * Years after the rule set's effective date (or the municipality's own
   * phase-in date) until "must" applies; before that a mandatory route
   * yields the optional group.
   */
  dutyAfterYears: number;
  /**
   * The date `dutyAfterYears` counts from, when it is not the rule set's own
   * `effectiveFrom`: an amending rule set that carries over the main law's
   * target group counts from the main law's entry into force (null while
   * the main law is not enacted: no duty by law). Omitted = `effectiveFrom`.
   */
  dutyCountsFrom?: LocalDate | null;
  /** Where the age limits (minimumAge, folkepensionsalder) come from; omitted = the first of `sources`. */
  ageLimitSource?: RuleSource;
  sources: readonly RuleSource[];
}

export type Classification = 'mandatory' | 'optional' | 'none';

/** A sector record as the evaluator sees it. */
export interface SectorFact {
  id: string;
  kind: SectorRecordKind;
  sector: Sector | string;
  code: string;
  title: string;
  legalBasis: string;
  start: LocalDate;
  end: LocalDate | null;
}

export interface CriterionResult {
  criterionId: string;
  label: string;
  met: boolean;
  /** the records that made it hold (has_records) */
  recordIds: string[];
  source: RuleSource;
}

export interface RouteResult {
  group: 'mandatory' | 'optional';
  routeId: string;
  label: string;
  met: boolean;
  criteria: CriterionResult[];
}

export interface TargetGroupResult {
  classification: Classification;
  ruleSetId: string;
  evaluatedOn: LocalDate;
  /** why, in Danish, one line (e.g. 'Skal-målgruppen: over 25 år med …') */
  summary: string;
  /** the gates (age limits), then every route of both groups with each criterion */
  gates: CriterionResult[];
  routes: RouteResult[];
  /** set when a mandatory route holds but the duty to offer starts later */
  mandatoryFrom: LocalDate | null;
}
