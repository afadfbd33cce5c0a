/**
 * The sector-record catalogue: codes, titles, legal bases and source systems.
 *
 * Codes, titles, legal bases and source-system names are the ones the demo
 * municipality uses (packages/server/src/seed/demo-municipality.ts), so the
 * screening and the UI treat generated and demo records alike. Codes the demo
 * does not use, but that SPEC §5's criteria name, follow the demo's naming
 * scheme (marked NEW below): overgangsydelse, revalideringsydelse,
 * ressourceforloebsydelse, ledighedsydelse, sel_107, sel_108, sel_108a,
 * botilbudslignende — plus foertidspension (SPEC §5 optional group) and
 * bl_46_anbringelse (children placed outside the home).
 */
import type { Sector } from '@helhed/core';

export type RecordKind = 'benefit' | 'plan' | 'intervention';

export const SOURCE_SYSTEMS = {
  ydelse: { name: 'Ydelsessystem', prefix: 'YDS' },
  jobcenter: { name: 'Jobcenter (fagsystem)', prefix: 'JC' },
  voksensocial: { name: 'Voksensocial (fagsystem)', prefix: 'VOS' },
  boernFamilie: { name: 'Børn og familie (fagsystem)', prefix: 'BOF' },
  sundhed: { name: 'Sundhed (fagsystem)', prefix: 'SUN' },
  psykiatri: { name: 'Region (psykiatri)', prefix: 'PSY' },
  ppr: { name: 'PPR (fagsystem)', prefix: 'PPR' },
  skole: { name: 'Skole (fagsystem)', prefix: 'SKO' },
  ungeindsats: { name: 'Kommunal ungeindsats (fagsystem)', prefix: 'KUI' },
  bolig: { name: 'Boliganvisning (fagsystem)', prefix: 'BOL' },
  udbetalingDanmark: { name: 'Udbetaling Danmark', prefix: 'UDK' },
} as const;
export type SourceKey = keyof typeof SOURCE_SYSTEMS;
export const SOURCE_KEYS = Object.keys(SOURCE_SYSTEMS) as SourceKey[];

interface TemplateSpec {
  kind: RecordKind;
  sector: Sector;
  code: string;
  /** title variants; the first is the most common */
  titles: readonly string[];
  legalBasis: string;
  source: SourceKey;
}

const SPECS = {
  // --- benefits (forsørgelse) ------------------------------------------------
  kontanthjaelp: {
    kind: 'benefit', sector: 'benefits', code: 'kontanthjaelp',
    titles: ['Kontanthjælp', 'Kontanthjælp (ikke medlem af a-kasse)', 'Kontanthjælp (grundsats)'],
    legalBasis: 'Lov om aktiv socialpolitik § 11', source: 'ydelse',
  },
  uddannelseshjaelp: {
    kind: 'benefit', sector: 'benefits', code: 'uddannelseshjaelp',
    titles: ['Uddannelseshjælp'], legalBasis: 'Lov om aktiv socialpolitik § 23', source: 'ydelse',
  },
  sygedagpenge: {
    kind: 'benefit', sector: 'benefits', code: 'sygedagpenge',
    titles: ['Sygedagpenge'], legalBasis: 'Sygedagpengeloven', source: 'ydelse',
  },
  sygedagpengeForlaenget: {
    kind: 'benefit', sector: 'benefits', code: 'sygedagpenge',
    titles: ['Sygedagpenge (forlænget)'], legalBasis: 'Sygedagpengeloven § 27', source: 'ydelse',
  },
  dagpenge: {
    kind: 'benefit', sector: 'benefits', code: 'dagpenge',
    titles: ['Arbejdsløshedsdagpenge'], legalBasis: 'Lov om arbejdsløshedsforsikring m.v.', source: 'jobcenter',
  },
  overgangsydelse: { // NEW
    kind: 'benefit', sector: 'benefits', code: 'overgangsydelse',
    titles: ['Overgangsydelse'], legalBasis: 'Lov om aktiv socialpolitik § 22', source: 'ydelse',
  },
  revalideringsydelse: { // NEW
    kind: 'benefit', sector: 'benefits', code: 'revalideringsydelse',
    titles: ['Revalideringsydelse'], legalBasis: 'Lov om aktiv socialpolitik § 52', source: 'ydelse',
  },
  ressourceforloebsydelse: { // NEW
    kind: 'benefit', sector: 'benefits', code: 'ressourceforloebsydelse',
    titles: ['Ressourceforløbsydelse'], legalBasis: 'Lov om aktiv socialpolitik § 68', source: 'ydelse',
  },
  ledighedsydelse: { // NEW
    kind: 'benefit', sector: 'benefits', code: 'ledighedsydelse',
    titles: ['Ledighedsydelse'], legalBasis: 'Lov om aktiv socialpolitik § 74', source: 'ydelse',
  },
  foertidspension: { // NEW
    kind: 'benefit', sector: 'national', code: 'foertidspension',
    titles: ['Førtidspension'], legalBasis: 'Lov om social pension § 16', source: 'udbetalingDanmark',
  },
  folkepension: {
    kind: 'benefit', sector: 'national', code: 'folkepension',
    titles: ['Folkepension'], legalBasis: 'Lov om social pension', source: 'udbetalingDanmark',
  },
  fleksloentilskud: {
    kind: 'benefit', sector: 'employment', code: 'fleksloentilskud',
    titles: ['Fleksløntilskud'], legalBasis: 'LAB § 123', source: 'jobcenter',
  },
  bl87: {
    kind: 'benefit', sector: 'children_family', code: 'bl_87_tabt_arbejdsfortjeneste',
    titles: ['Tabt arbejdsfortjeneste ved pasning af barn med nedsat funktionsevne'],
    legalBasis: 'Barnets lov § 87', source: 'boernFamilie',
  },
  bl86: {
    kind: 'benefit', sector: 'children_family', code: 'bl_86_merudgifter',
    titles: ['Dækning af nødvendige merudgifter'], legalBasis: 'Barnets lov § 86', source: 'boernFamilie',
  },

  // --- plans -----------------------------------------------------------------
  minPlan: {
    kind: 'plan', sector: 'employment', code: 'min_plan',
    titles: ['Min Plan', 'Min Plan med uddannelsespålæg', 'Min Plan (fritaget for digital plan; sendes med brev)'],
    legalBasis: 'LAB § 40, stk. 1', source: 'jobcenter',
  },
  minPlanAkasse: {
    kind: 'plan', sector: 'employment', code: 'min_plan',
    titles: ['Min Plan (udarbejdet af a-kassen)'], legalBasis: 'LAB § 40, stk. 1, jf. § 42', source: 'jobcenter',
  },
  psykiatriskPlan: {
    kind: 'plan', sector: 'health', code: 'psykiatrisk_behandlingsplan',
    titles: ['Psykiatrisk behandlingsplan (distriktspsykiatrien)', 'Psykiatrisk behandlingsplan (udgående team)'],
    legalBasis: 'Sundhedsloven (regional psykiatrisk behandling)', source: 'psykiatri',
  },
  uddannelsesplan: {
    kind: 'plan', sector: 'education', code: 'uddannelsesplan',
    titles: ['Uddannelsesplan (Kommunal ungeindsats)'],
    legalBasis: 'Vejledningsloven (lov om vejledning om valg af uddannelse og erhverv m.v.)', source: 'ungeindsats',
  },

  // --- employment interventions -----------------------------------------------
  fleksjob: {
    kind: 'intervention', sector: 'employment', code: 'fleksjob',
    titles: ['Fleksjob'], legalBasis: 'LAB § 116', source: 'jobcenter',
  },
  mentor: {
    kind: 'intervention', sector: 'employment', code: 'mentor',
    titles: ['Mentorstøtte'], legalBasis: 'LAB § 167', source: 'jobcenter',
  },
  virksomhedspraktik: {
    kind: 'intervention', sector: 'employment', code: 'virksomhedspraktik',
    titles: ['Virksomhedspraktik'], legalBasis: 'Lov om en aktiv beskæftigelsesindsats (virksomhedspraktik)', source: 'jobcenter',
  },
  andenAktoer: {
    kind: 'intervention', sector: 'employment', code: 'anden_aktoer',
    titles: ['Jobrettet forløb hos anden aktør'], legalBasis: 'LAB § 91 (øvrig vejledning og opkvalificering)', source: 'jobcenter',
  },
  personligAssistance: {
    kind: 'intervention', sector: 'employment', code: 'personlig_assistance',
    titles: ['Personlig assistance i arbejdet'], legalBasis: 'Lov om kompensation til handicappede i erhverv m.v. § 4', source: 'jobcenter',
  },

  // --- adult social (serviceloven; substance abuse) ---------------------------
  sel85: {
    kind: 'intervention', sector: 'adult_social', code: 'sel_85',
    titles: ['Socialpædagogisk støtte', 'Socialpædagogisk støtte i eget hjem', 'Socialpædagogisk støtte (økonomi og struktur i hverdagen)', 'Bostøtte efter Housing First (CTI)'],
    legalBasis: 'Serviceloven § 85', source: 'voksensocial',
  },
  sel101: {
    kind: 'intervention', sector: 'adult_social', code: 'sel_101',
    titles: ['Social stofmisbrugsbehandling (ambulant)', 'Social stofmisbrugsbehandling (ambulant, cannabis)', 'Social stofmisbrugsbehandling'],
    legalBasis: 'Serviceloven § 101', source: 'voksensocial',
  },
  sundhedsloven141: {
    kind: 'intervention', sector: 'adult_social', code: 'sundhedsloven_141',
    titles: ['Alkoholbehandling (ambulant)'], legalBasis: 'Sundhedsloven § 141', source: 'voksensocial',
  },
  sel107: { // NEW
    kind: 'intervention', sector: 'adult_social', code: 'sel_107',
    titles: ['Midlertidigt ophold i botilbud'], legalBasis: 'Serviceloven § 107', source: 'voksensocial',
  },
  sel108: { // NEW
    kind: 'intervention', sector: 'adult_social', code: 'sel_108',
    titles: ['Længerevarende ophold i botilbud'], legalBasis: 'Serviceloven § 108', source: 'voksensocial',
  },
  sel108a: { // NEW
    kind: 'intervention', sector: 'adult_social', code: 'sel_108a',
    titles: ['Ophold i botilbud (§ 108 a)'], legalBasis: 'Serviceloven § 108 a', source: 'voksensocial',
  },
  botilbudslignende: { // NEW
    kind: 'intervention', sector: 'adult_social', code: 'botilbudslignende',
    titles: ['Botilbudslignende tilbud (almen bolig med socialpædagogisk støtte)'],
    legalBasis: 'Serviceloven § 85, jf. almenboligloven § 105', source: 'voksensocial',
  },
  sel99: {
    kind: 'intervention', sector: 'adult_social', code: 'sel_99',
    titles: ['Opsøgende arbejde (gadeplan)'], legalBasis: 'Serviceloven § 99', source: 'voksensocial',
  },
  sel110: {
    kind: 'intervention', sector: 'adult_social', code: 'sel_110',
    titles: ['Midlertidigt ophold på forsorgshjem'], legalBasis: 'Serviceloven § 110', source: 'voksensocial',
  },
  hjaelpemidlerVoksen: {
    kind: 'intervention', sector: 'adult_social', code: 'hjaelpemidler',
    titles: ['Hjælpemidler (rollator, badestol)', 'Hjælpemidler (kørestol)', 'Digitale synshjælpemidler (skærmlæser, forstørrelsesprogram)'],
    legalBasis: 'Serviceloven § 112', source: 'voksensocial',
  },

  // --- health -----------------------------------------------------------------
  psykologbehandling: {
    kind: 'intervention', sector: 'health', code: 'psykologbehandling',
    titles: ['Psykologbehandling med tilskud efter lægehenvisning (12 samtaler)'],
    legalBasis: 'Sundhedsloven (tilskud til psykologbehandling efter lægehenvisning)', source: 'sundhed',
  },
  vederlagsfriFysioterapi: {
    kind: 'intervention', sector: 'health', code: 'vederlagsfri_fysioterapi',
    titles: ['Vederlagsfri fysioterapi'], legalBasis: 'Sundhedsloven § 140 a', source: 'sundhed',
  },

  // --- housing ----------------------------------------------------------------
  boliganvisning: {
    kind: 'intervention', sector: 'housing', code: 'boliganvisning',
    titles: ['Kommunal boliganvisning'], legalBasis: 'Almenboligloven § 59, stk. 1', source: 'bolig',
  },

  // --- children and family (barnets lov) ---------------------------------------
  bl20: {
    kind: 'intervention', sector: 'children_family', code: 'bl_20_boernefaglig_undersoegelse',
    titles: ['Børnefaglig undersøgelse', 'Børnefaglig undersøgelse efter underretninger om højt skolefravær'],
    legalBasis: 'Barnets lov § 20', source: 'boernFamilie',
  },
  bl32Familiebehandling: {
    kind: 'intervention', sector: 'children_family', code: 'bl_32_familiebehandling',
    titles: ['Familiebehandling'], legalBasis: 'Barnets lov § 32, stk. 1, nr. 5', source: 'boernFamilie',
  },
  bl32Kontaktperson: {
    kind: 'intervention', sector: 'children_family', code: 'bl_32_kontaktperson',
    titles: ['Fast kontaktperson'], legalBasis: 'Barnets lov § 32, stk. 1, nr. 3', source: 'boernFamilie',
  },
  bl46Anbringelse: { // NEW
    kind: 'intervention', sector: 'children_family', code: 'bl_46_anbringelse',
    titles: ['Anbringelse i plejefamilie', 'Anbringelse på døgninstitution'], legalBasis: 'Barnets lov § 46', source: 'boernFamilie',
  },
  hjaelpemidlerBarn: {
    kind: 'intervention', sector: 'children_family', code: 'hjaelpemidler',
    titles: ['Hjælpemidler (ganghjælpemiddel, ortoser)', 'Hjælpemidler (el-kørestol, badestol, løftesejl)'],
    legalBasis: 'Barnets lov § 90, nr. 4, jf. serviceloven § 112', source: 'boernFamilie',
  },

  // --- education ---------------------------------------------------------------
  ppr: {
    kind: 'intervention', sector: 'education', code: 'ppr',
    titles: ['Pædagogisk-psykologisk rådgivning (PPR) på skolen'], legalBasis: 'Folkeskoleloven § 12, stk. 2', source: 'ppr',
  },
  stoetteIUndervisningen: {
    kind: 'intervention', sector: 'education', code: 'stoette_i_undervisningen',
    titles: ['Ekstra støtte i almenundervisningen'], legalBasis: 'Folkeskoleloven § 3 a', source: 'skole',
  },
  specialbefordring: {
    kind: 'intervention', sector: 'education', code: 'specialbefordring',
    titles: ['Kørsel til og fra skole (Flextrafik)'], legalBasis: 'Folkeskoleloven § 26', source: 'skole',
  },
  uuVejledning: {
    kind: 'intervention', sector: 'education', code: 'uu_vejledning',
    titles: ['Særligt tilrettelagt uddannelsesvejledning (UU-specialvejleder)'],
    legalBasis: 'Vejledningsloven (lov om vejledning om valg af uddannelse og erhverv m.v.)', source: 'ungeindsats',
  },
} as const satisfies Record<string, TemplateSpec>;

export type TemplateKey = keyof typeof SPECS;

/** A template with its CSV and JSON fragments precomputed (titles by variant). */
export interface Template {
  key: TemplateKey;
  kind: RecordKind;
  sector: Sector;
  code: string;
  titles: readonly string[];
  legalBasis: string;
  source: SourceKey;
  sourceIndex: number;
  /** 'kind,sector,code,title,legal_basis' per title variant, CSV-escaped */
  csvMiddle: string[];
  /** '"kind":…,"legal_basis":…' per title variant */
  jsonMiddle: string[];
}

export function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export const TEMPLATES: Record<TemplateKey, Template> = Object.fromEntries(
  (Object.entries(SPECS) as [TemplateKey, TemplateSpec][]).map(([key, spec]) => [
    key,
    {
      key,
      ...spec,
      sourceIndex: SOURCE_KEYS.indexOf(spec.source),
      csvMiddle: spec.titles.map((title) =>
        [spec.kind, spec.sector, spec.code, title, spec.legalBasis].map(csvField).join(','),
      ),
      jsonMiddle: spec.titles.map(
        (title) =>
          `"kind":${JSON.stringify(spec.kind)},"sector":${JSON.stringify(spec.sector)},"code":${JSON.stringify(spec.code)},` +
          `"title":${JSON.stringify(title)},"legal_basis":${JSON.stringify(spec.legalBasis)}`,
      ),
    },
  ]),
) as Record<TemplateKey, Template>;

/** SPEC §5 (hovedlov-2022), mandatory group: the benefit criterion. */
export const MANDATORY_BENEFIT_CODES: readonly string[] = [
  'sygedagpenge', 'kontanthjaelp', 'uddannelseshjaelp', 'overgangsydelse',
  'revalideringsydelse', 'ressourceforloebsydelse', 'ledighedsydelse',
];
/** SPEC §5 (hovedlov-2022), mandatory group: the social-intervention criterion. */
export const MANDATORY_SOCIAL_CODES: readonly string[] = [
  'sel_85', 'sel_107', 'sel_108', 'sel_108a', 'botilbudslignende', 'sel_101', 'sundhedsloven_141',
];
