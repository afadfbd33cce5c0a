/**
 * Visitation rules (SPEC C4 last bullet, C6, §5) as versioned data per rule
 * set: which prerequisite a decision about the rehabilitation-team kinds needs
 * and from when, which intervention kinds end for new cases, which kinds can
 * be paused, and which sector provisions the main law's "individuel støtte"
 * replaces. Kept beside the rule sets (keyed by their id) so each rule set
 * file stays as it is; a new rule set must add its entry here (the type says so).
 */
import { compareDates, type LocalDate } from '../local-date';
import type { RuleSetId, RuleSource } from './types';

/** What must be on the case before a decision about a rehabilitation-team kind. */
export type RehabilitationRequirement = 'rehabilitation_team' | 'prerequisite_description';

/** A value that applies from a date (null = from the rule set's start). */
export interface Dated<T> {
  from: LocalDate | null;
  value: T;
  source: RuleSource;
}

/** Intervention kinds (catalogue `kind` codes) that the rules name. */
export const REHABILITATION_KINDS = [
  'jobafklaringsforloeb',
  'sygedagpenge_kategori_3',
  'ressourceforloeb',
  'fleksjob',
  'foertidspension',
] as const;

export interface VisitationRules {
  /** Kinds whose decision needs a prerequisite on the case. */
  rehabilitationKinds: readonly string[];
  /** Which prerequisite, by date (the latest entry on or before the decision date wins). */
  rehabilitationRequirement: readonly Dated<RehabilitationRequirement>[];
  /** Kinds that can no longer be granted to new cases from a date (citizens who have them keep them). */
  endedForNewCases: readonly Dated<readonly string[]>[];
  /** Kinds a citizen may pause (to try ordinary work) and return to within the rule set's fleksjobPauseReturnYears. */
  pausableKinds: readonly string[];
  /** Provisions one "individuel støtte" replaces under this rule set (empty = each stays its own provision). */
  individualSupportReplaces: readonly string[];
  /**
   * Employment tools keep the employment law's requirements when combined
   * across sectors (SPEC C6): an item of these catalogue categories needs the
   * citizen in one of the law's target groups, i.e. a current benefit of one
   * of these sector-record codes.
   */
  employmentTarget: { categories: readonly string[]; benefitCodes: readonly string[]; source: RuleSource };
}

const EMPLOYMENT_TARGET: VisitationRules['employmentTarget'] = {
  categories: ['beskaeftigelse'],
  benefitCodes: [
    'dagpenge',
    'kontanthjaelp',
    'uddannelseshjaelp',
    'overgangsydelse',
    'sygedagpenge',
    'revalideringsydelse',
    'ressourceforloebsydelse',
    'jobafklaringsydelse',
    'ledighedsydelse',
    'fleksloentilskud',
  ],
  source: { law: 'Lov om en aktiv beskæftigelsesindsats', paragraph: '§ 2 (målgrupper)', document: 'SPEC.md C6' },
};

const REHAB_TEAM: Dated<RehabilitationRequirement> = {
  from: null,
  value: 'rehabilitation_team',
  source: {
    law: 'Lov om en aktiv beskæftigelsesindsats',
    paragraph: '§§ 68 b, 68 c (rehabiliteringsteamets indstilling før afgørelse om ressourceforløb, jobafklaringsforløb, fleksjob og førtidspension); sygedagpengeloven § 13 b (kategori 3)',
    document: 'SPEC.md C4, §5',
  },
};

const REFORM: RuleSource = {
  law: 'Ny lov om en aktiv beskæftigelsesindsats (forventet i kraft 1. januar 2027)',
  paragraph: 'rehabiliteringsteamet afskaffes; samlet beskrivelse af borgerens forudsætninger med rådgivning fra en sundhedskoordinator; ressourceforløb og revalidering ophører for nye sager',
  document: 'SPEC.md §5',
};
/** The date the reform's employment provisions are taken to apply from (expected; see decisions.md § 31). */
const REFORM_EMPLOYMENT_LAW_FROM: LocalDate = '2027-01-01';

/** Seed 004 / SPEC §5: "individuel støtte" replaces mentor, socio-pedagogical support, § 82 b and the § 76 after-care contact person. */
const INDIVIDUAL_SUPPORT: readonly string[] = ['LAB § 167', 'Serviceloven § 85', 'Serviceloven § 82 b', 'Serviceloven § 76'];

export const VISITATION_RULES: Readonly<Record<RuleSetId, VisitationRules>> = {
  'plan-2018': {
    rehabilitationKinds: REHABILITATION_KINDS,
    rehabilitationRequirement: [REHAB_TEAM],
    endedForNewCases: [],
    pausableKinds: ['fleksjob'],
    individualSupportReplaces: [],
    employmentTarget: EMPLOYMENT_TARGET,
  },
  'hovedlov-2022': {
    rehabilitationKinds: REHABILITATION_KINDS,
    rehabilitationRequirement: [REHAB_TEAM],
    endedForNewCases: [],
    pausableKinds: ['fleksjob'],
    individualSupportReplaces: INDIVIDUAL_SUPPORT,
    employmentTarget: EMPLOYMENT_TARGET,
  },
  'beskaeftigelsesreform-2027': {
    rehabilitationKinds: REHABILITATION_KINDS,
    rehabilitationRequirement: [REHAB_TEAM, { from: REFORM_EMPLOYMENT_LAW_FROM, value: 'prerequisite_description', source: REFORM }],
    endedForNewCases: [{ from: REFORM_EMPLOYMENT_LAW_FROM, value: ['ressourceforloeb', 'revalidering'], source: REFORM }],
    pausableKinds: ['fleksjob'],
    individualSupportReplaces: INDIVIDUAL_SUPPORT,
    employmentTarget: EMPLOYMENT_TARGET,
  },
};

/** The entry that applies on `onDate`: the latest `from` on or before it (null counts as the beginning). */
export function datedValueOn<T>(entries: readonly Dated<T>[], onDate: LocalDate): Dated<T> | undefined {
  let chosen: Dated<T> | undefined;
  for (const e of entries) {
    if (e.from !== null && compareDates(e.from, onDate) > 0) continue;
    if (!chosen || chosen.from === null || (e.from !== null && compareDates(e.from, chosen.from) >= 0)) chosen = e;
  }
  return chosen;
}

export function visitationRules(ruleSetId: RuleSetId): VisitationRules {
  return VISITATION_RULES[ruleSetId];
}
