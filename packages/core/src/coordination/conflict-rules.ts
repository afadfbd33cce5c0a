/**
 * The municipality's coordination rules as data (not law): which appointments
 * may share a day, and how long it takes to get from one place to another.
 * Versioned by id so a stored conflict can name the rules it was found under.
 */
export const APPOINTMENT_KINDS = [
  'family_therapy', // familiebehandling
  'psychologist',
  'mentor',
  'treatment', // rusmiddelbehandling, fysioterapi, psykiatrisk behandling …
  'socio_pedagogical', // socialpædagogisk støtte (SEL § 85)
  'jobcenter_meeting',
  'employment_activity', // virksomhedspraktik, forløb hos anden aktør
  'school_meeting',
  'health', // egen læge, speciallæge, hospital
  'network_meeting', // netværksmøde, rundbordssamtale
  'other',
] as const;
export type AppointmentKind = (typeof APPOINTMENT_KINDS)[number];

export interface SameDayRule {
  id: string;
  /** the kinds counted; 'all' = every appointment */
  kinds: readonly AppointmentKind[] | 'all';
  /** more than this many counted appointments on one Copenhagen calendar day is a conflict */
  maxPerDay: number;
  /** Danish, shown to caseworker and citizen */
  label: string;
}

/**
 * Travel time between two appointments, a deliberately simple model: the same
 * place takes no time; two places in the same area (bydel, postnummer, as the
 * municipality names its areas) take `sameAreaMinutes`; different areas take
 * `differentAreaMinutes`. A place without an area is not judged (unknown).
 * Same place = the same place name (case and spacing ignored) or coordinates
 * within `samePlaceMetres`.
 */
export interface TravelModel {
  sameAreaMinutes: number;
  differentAreaMinutes: number;
  samePlaceMetres: number;
}

export interface ConflictRules {
  id: string;
  sameDay: readonly SameDayRule[];
  travel: TravelModel;
  /** at least this many minutes between two appointments on a day, wherever they are (0 = no minimum) */
  minimumGapMinutes: number;
}

/**
 * Standard rules (SPEC C9.2: Lotte's family therapist on the same day as her
 * psychologist or her mentor is a conflict): at most one treatment or support
 * conversation a day, at most three appointments of any kind a day; 15 minutes
 * within an area, 40 minutes between areas (public transport in a mid-sized
 * Danish municipality).
 */
export const STANDARD_CONFLICT_RULES: ConflictRules = {
  id: 'standard-2026',
  sameDay: [
    {
      id: 'one-conversation-a-day',
      kinds: ['family_therapy', 'psychologist', 'mentor', 'treatment', 'socio_pedagogical'],
      maxPerDay: 1,
      label: 'Flere behandlende eller støttende samtaler samme dag',
    },
    { id: 'three-appointments-a-day', kinds: 'all', maxPerDay: 3, label: 'Mere end tre aftaler samme dag' },
  ],
  travel: { sameAreaMinutes: 15, differentAreaMinutes: 40, samePlaceMetres: 200 },
  minimumGapMinutes: 0,
};

/** The values a municipality sets (the id is given by the stored version). */
export type ConflictRuleValues = Omit<ConflictRules, 'id'>;

/** Bounds that keep a rule set meaningful; the API schema uses the same numbers. */
export const CONFLICT_RULE_BOUNDS = {
  minutes: { min: 0, max: 240 },
  samePlaceMetres: { min: 0, max: 5000 },
  maxPerDay: { min: 1, max: 20 },
  sameDayRules: { max: 10 },
} as const;

export interface RuleProblem {
  /** path in the rule values, e.g. 'sameDay.1.kinds' */
  path: string;
  message: string;
}

/**
 * What the API schema cannot see in one field: every same-day rule has its
 * own id and label and counts each kind once; travel within an area takes no
 * longer than between areas. Danish messages, one per problem; [] = usable.
 */
export function checkConflictRules(values: ConflictRuleValues): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const seenIds = new Set<string>();
  const seenLabels = new Set<string>();
  values.sameDay.forEach((rule, i) => {
    if (seenIds.has(rule.id)) problems.push({ path: `sameDay.${i}.id`, message: `Reglen "${rule.id}" findes to gange.` });
    seenIds.add(rule.id);
    const label = rule.label.trim().toLowerCase();
    if (seenLabels.has(label)) problems.push({ path: `sameDay.${i}.label`, message: `To regler hedder "${rule.label}". Giv dem hver sit navn.` });
    seenLabels.add(label);
    if (rule.kinds !== 'all') {
      if (rule.kinds.length === 0) problems.push({ path: `sameDay.${i}.kinds`, message: `Reglen "${rule.label}" tæller ingen slags aftaler. Vælg mindst én.` });
      if (new Set(rule.kinds).size !== rule.kinds.length) problems.push({ path: `sameDay.${i}.kinds`, message: `Reglen "${rule.label}" nævner den samme slags aftale flere gange.` });
    }
  });
  if (values.travel.sameAreaMinutes > values.travel.differentAreaMinutes) {
    problems.push({ path: 'travel.sameAreaMinutes', message: 'Transport inden for samme område kan ikke tage længere end mellem to områder.' });
  }
  return problems;
}

/** The id a municipality's stored rule set is known by (shown with every calendar). */
export const municipalConflictRulesId = (version: number) => `kommune-v${version}`;
