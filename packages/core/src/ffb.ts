/**
 * Fælles Faglige Begreber (FFB, KL) — the Danish common vocabulary the
 * assessment and the plan are written in (SPEC §5), so the data can be
 * reported and exchanged (VUM 2.0 is built on it). Codes are English, labels
 * Danish; the order of each list is the order people see.
 */

/** The three FFB areas the life domains sit in. */
export const FFB_AREAS = ['functions_conditions', 'activity_participation', 'environment'] as const;
export type FfbArea = (typeof FFB_AREAS)[number];

export const FFB_AREA_LABELS: Record<FfbArea, string> = {
  functions_conditions: 'Funktioner og forhold',
  activity_participation: 'Aktivitet og deltagelse',
  environment: 'Omgivelsesfaktorer',
};

export interface FfbDomain {
  id: string;
  area: FfbArea;
  label: string;
  /** for "sociale forhold": the FFB group the condition belongs to */
  group?: string;
}

/** The life domains (FFB conditions) of the assessment, SPEC §5. */
export const FFB_DOMAINS = [
  { id: 'mental_functions', area: 'functions_conditions', label: 'Mentale funktioner' },
  { id: 'health', area: 'functions_conditions', label: 'Sundhedsforhold (herunder rusmidler)' },
  { id: 'physical_functions', area: 'functions_conditions', label: 'Fysiske funktioner' },
  { id: 'economy', area: 'functions_conditions', group: 'Sociale forhold', label: 'Økonomi' },
  { id: 'housing', area: 'functions_conditions', group: 'Sociale forhold', label: 'Bolig' },
  { id: 'family', area: 'functions_conditions', group: 'Sociale forhold', label: 'Familie' },
  { id: 'crime', area: 'functions_conditions', group: 'Sociale forhold', label: 'Kriminalitet' },
  { id: 'traumatic_experiences', area: 'functions_conditions', group: 'Sociale forhold', label: 'Traumatiske oplevelser' },
  { id: 'prostitution', area: 'functions_conditions', group: 'Sociale forhold', label: 'Prostitution' },
  { id: 'education_work', area: 'functions_conditions', group: 'Sociale forhold', label: 'Uddannelse og job' },
  { id: 'interests', area: 'functions_conditions', group: 'Sociale forhold', label: 'Interesser' },
  { id: 'relations', area: 'activity_participation', label: 'Relationer' },
  { id: 'communication', area: 'activity_participation', label: 'Kommunikation' },
  { id: 'mobility', area: 'activity_participation', label: 'Mobilitet' },
  { id: 'self_care', area: 'activity_participation', label: 'Egenomsorg' },
  { id: 'community_life', area: 'activity_participation', label: 'Samfundsliv' },
  { id: 'practical_tasks', area: 'activity_participation', label: 'Praktiske opgaver' },
  { id: 'network', area: 'environment', label: 'Netværk' },
  { id: 'attitudes', area: 'environment', label: 'Holdninger' },
  { id: 'neighbourhood', area: 'environment', label: 'Boligområde' },
] as const satisfies readonly FfbDomain[];
export type FfbDomainId = (typeof FFB_DOMAINS)[number]['id'];
export const FFB_DOMAIN_IDS = FFB_DOMAINS.map((d) => d.id) as unknown as readonly [FfbDomainId, ...FfbDomainId[]];
export const FFB_DOMAIN_LABELS = Object.fromEntries(FFB_DOMAINS.map((d) => [d.id, d.label])) as Record<FfbDomainId, string>;

export function isFfbDomain(value: unknown): value is FfbDomainId {
  return typeof value === 'string' && FFB_DOMAINS.some((d) => d.id === value);
}

/** FFB functional levels (funktionsniveau). */
export const FUNCTIONAL_LEVELS = ['none', 'mild', 'moderate', 'severe', 'complete', 'not_assessed'] as const;
export type FunctionalLevel = (typeof FUNCTIONAL_LEVELS)[number];
export const FUNCTIONAL_LEVEL_LABELS: Record<FunctionalLevel, string> = {
  none: 'Ingen nedsættelse',
  mild: 'Let nedsat',
  moderate: 'Moderat nedsat',
  severe: 'Svært nedsat',
  complete: 'Fuldstændigt nedsat',
  not_assessed: 'Ikke vurderet',
};

/** FFB goal types (måltyper). */
export const GOAL_TYPES = ['develop', 'maintain', 'limit_loss'] as const;
export type GoalType = (typeof GOAL_TYPES)[number];
export const GOAL_TYPE_LABELS: Record<GoalType, string> = {
  develop: 'Udvikle',
  maintain: 'Fastholde',
  limit_loss: 'Begrænse tab',
};

/** FFB follow-up results (opfølgningsresultat). */
export const FOLLOW_UP_RESULTS = ['continue', 'adjust_within_frame', 'end', 'revisitation'] as const;
export type FollowUpResult = (typeof FOLLOW_UP_RESULTS)[number];
export const FOLLOW_UP_RESULT_LABELS: Record<FollowUpResult, string> = {
  continue: 'Fortsættes',
  adjust_within_frame: 'Ændres inden for rammen',
  end: 'Afsluttes',
  revisitation: 'Revisitation',
};

/**
 * The progression scale of every goal and sub-goal (SPEC C9.4; decisions.md
 * § 22): 1 = far from the goal, 10 = the goal is reached, scored together
 * with the citizen at each follow-up.
 */
export const PROGRESSION_MIN = 1;
export const PROGRESSION_MAX = 10;

/**
 * Which life domain a sector record informs, so the assessment shows what the
 * sector systems already know ("reuse, don't re-ask", SPEC C4). First by the
 * record's code, then by its sector; a record may inform several domains.
 */
export const RECORD_CODE_DOMAINS: Readonly<Record<string, readonly FfbDomainId[]>> = {
  kontanthjaelp: ['economy', 'education_work'],
  uddannelseshjaelp: ['economy', 'education_work'],
  sygedagpenge: ['economy', 'health'],
  dagpenge: ['economy', 'education_work'],
  ledighedsydelse: ['economy', 'education_work'],
  foertidspension: ['economy'],
  folkepension: ['economy'],
  fleksloentilskud: ['economy', 'education_work'],
  min_plan: ['education_work'],
  rehabiliteringsplan: ['education_work', 'health'],
  uddannelsesplan: ['education_work'],
  sdp_opfoelgningsplan: ['education_work', 'health'],
  sel_141_handleplan: ['practical_tasks'],
  barnets_lov_78_handleplan: ['family'],
  ungeplan_110: ['family', 'education_work'],
  psykiatrisk_behandlingsplan: ['mental_functions'],
  psykologbehandling: ['mental_functions'],
  sundhedsloven_141: ['health'],
  sel_101: ['health'],
  sel_85: ['practical_tasks', 'self_care'],
  sel_99: ['network', 'community_life'],
  sel_107: ['housing'],
  sel_108: ['housing'],
  sel_108a: ['housing'],
  sel_110: ['housing'],
  botilbudslignende: ['housing'],
  boliganvisning: ['housing'],
  mentor: ['education_work'],
  anden_aktoer: ['education_work'],
  virksomhedspraktik: ['education_work'],
  fleksjob: ['education_work'],
  personlig_assistance: ['education_work', 'physical_functions'],
  hjaelpemidler: ['physical_functions', 'mobility'],
  bl_87_tabt_arbejdsfortjeneste: ['family', 'economy'],
  bl_86_merudgifter: ['family', 'economy'],
};

export const SECTOR_DOMAINS: Readonly<Record<string, readonly FfbDomainId[]>> = {
  employment: ['education_work'],
  benefits: ['economy'],
  adult_social: ['practical_tasks'],
  children_family: ['family'],
  health: ['health'],
  education: ['education_work'],
  housing: ['housing'],
  national: ['economy'],
  civil_society: ['network'],
};

/** The domains a sector record informs; never empty (unknown records go to the domain of their sector, else 'community_life'). */
export function domainsOfRecord(record: { code: string; sector: string }): readonly FfbDomainId[] {
  return RECORD_CODE_DOMAINS[record.code] ?? SECTOR_DOMAINS[record.sector] ?? ['community_life'];
}
