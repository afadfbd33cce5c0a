/**
 * Machine codes of sector records that the target-group criteria look for.
 * Importers map the sector systems' records onto these codes; the demo
 * municipality (packages/server/src/seed/demo-municipality.ts) uses them.
 * A record's `kind` matters as much as its code: 'min_plan' is a plan,
 * 'kontanthjaelp' a benefit, 'fleksjob' an intervention.
 */

/**
 * The sector plans that "én helhedsorienteret plan" may replace (lov nr. 707
 * af 8. juni 2018; SPEC §5, rule set plan-2018). Kind 'plan'.
 */
export const SECTOR_PLAN_CODES = [
  'min_plan', // LAB § 40 (Min Plan; one plan may replace it, § 40, stk. 3)
  'rehabiliteringsplan', // LAB: the rehabilitation plan's intervention part
  'sel_141_handleplan', // serviceloven § 141 (handleplan), replaceable per § 141, stk. 7
  'sdp_opfoelgningsplan', // sygedagpengeloven § 13 c (opfølgningsplan), replaceable per § 13 e
  'barnets_lov_78_handleplan', // barnets lov § 78 (handleplan)
  'ungeplan_110', // barnets lov § 110 (ungeplan, 16–23 år)
] as const;

/**
 * Municipal plans under the main law: the sector plans above and the
 * uddannelsesplan of the kommunal ungeindsats (KUI, vejledningsloven), which
 * the demo data codes 'uddannelsesplan'. Kind 'plan'. The psychiatric
 * treatment plan is regional, not municipal.
 */
export const MUNICIPAL_PLAN_CODES = [...SECTOR_PLAN_CODES, 'uddannelsesplan'] as const;

/** The regional psychiatric treatment plan (received by disclosure with consent). Kind 'plan', sector 'health'. */
export const PSYCHIATRIC_PLAN_CODE = 'psykiatrisk_behandlingsplan';

/**
 * Benefits of the mandatory group (SPEC §5). Kind 'benefit'.
 * 'overgangsydelse' means overgangsydelse outside the integration programme;
 * importers must not give that code to overgangsydelse within it.
 * 'ressourceforloebsydelse' and 'revalideringsydelse' end for new cases with
 * the employment reform but keep counting for citizens who still receive them.
 */
export const MANDATORY_BENEFIT_CODES = [
  'sygedagpenge',
  'kontanthjaelp',
  'uddannelseshjaelp',
  'overgangsydelse',
  'revalideringsydelse',
  'ressourceforloebsydelse',
  'ledighedsydelse',
] as const;

/** Social interventions of the mandatory group (SPEC §5). Kind 'intervention'. */
export const MANDATORY_SOCIAL_INTERVENTION_CODES = [
  'sel_85', // socialpædagogisk støtte
  'sel_107', // midlertidigt botilbud
  'sel_108', // længerevarende botilbud
  'sel_108a', // SEL § 108 a (SPEC §5)
  'botilbudslignende', // botilbudslignende tilbud
  'sel_101', // social stofmisbrugsbehandling
  'sundhedsloven_141', // alkoholbehandling
] as const;

/** Fleksjob: the visitation/employment is an intervention (LAB § 116 in the demo data). */
export const FLEKSJOB_INTERVENTION_CODE = 'fleksjob';
/** Fleksløntilskud, paid to a citizen in fleksjob. Kind 'benefit'. */
export const FLEKSLOENTILSKUD_BENEFIT_CODE = 'fleksloentilskud';
/** Førtidspension (Udbetaling Danmark). Kind 'benefit'. */
export const FOERTIDSPENSION_BENEFIT_CODE = 'foertidspension';
