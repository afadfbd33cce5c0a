/**
 * How a rule set makes decisions (SPEC C7, C8, §5), as data: whether the
 * granted interventions go into one combined decision or one decision per
 * sector law, which interventions are elements of the decision at all,
 * whether each can be appealed and by which route. A rule set changes these
 * by carrying different data, never by code branching on its id.
 */
import type { Sector } from '../vocabulary';
import type { RuleSource } from './types';

export const DECISION_MODES = ['combined', 'per_sector'] as const;
export type DecisionMode = (typeof DECISION_MODES)[number];

export const COMPLAINT_ROUTE_IDS = ['ankestyrelsen', 'patient_complaints', 'none'] as const;
export type ComplaintRouteId = (typeof COMPLAINT_ROUTE_IDS)[number];

export const SECTOR_LAW_IDS = ['hovedloven', 'serviceloven', 'beskaeftigelse', 'barnets_lov', 'sundhedsloven', 'ungeindsats', 'andet'] as const;
export type SectorLawId = (typeof SECTOR_LAW_IDS)[number];

export interface ComplaintRouteRule {
  id: ComplaintRouteId;
  /** the body that finally decides a complaint, in Danish ('' when there is none) */
  body: string;
  /**
   * The complaint is sent to the municipality, which reassesses it within the
   * reassessment deadline and, if it upholds, sends it on to `body`. Only
   * these complaints are registered in Helhed; other routes are named in the
   * guidance and a complaint about them is refused with the route.
   */
  viaMunicipality: boolean;
  /** The complaint deadline is `complaintWeeks` after receipt (else the body's own rules apply). */
  deadlineFromReceipt: boolean;
  /** Danish text for the letter's complaint guidance. */
  guidance: string;
  source: RuleSource;
}

export interface ElementRule {
  id: string;
  /** Matches when every condition given holds; `legalBasis` entries are case-insensitive substrings (any one). */
  match: { sectors?: readonly Sector[]; legalBasis?: readonly string[] };
  /** 'element': part of a decision; 'outside': decided elsewhere, listed in the letter with `note`. */
  treatment: 'element' | 'outside';
  appealable: boolean;
  /** Danish, shown in the letter and in a refused complaint. Required when not appealable. */
  notAppealableReason?: string;
  route: ComplaintRouteId;
  /** The sector law that decides the element when decisions are made per sector. */
  sectorLaw: SectorLawId;
  /** Danish, for elements outside the decision. */
  note?: string;
  /** Overrides the rule set's `legalBasisFormat` (e.g. health keeps its own law). */
  basisFormat?: string;
  source: RuleSource;
}

export interface DecisionRules {
  mode: DecisionMode;
  /** How an element's legal basis reads in the decision; `{basis}` is the intervention's own. */
  legalBasisFormat: string;
  /** Tried in order, first match wins; the last rule matches everything. */
  elementRules: readonly ElementRule[];
  routes: Readonly<Record<ComplaintRouteId, ComplaintRouteRule>>;
  /** Danish titles of the decision per sector law (per_sector) and of the combined decision ('hovedloven'). */
  decisionTitles: Readonly<Record<SectorLawId, string>>;
  sources: readonly RuleSource[];
}
