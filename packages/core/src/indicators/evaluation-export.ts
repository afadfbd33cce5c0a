import type { SurveyAnswer } from '../coordination/survey';
import { ageOn, type LocalDate } from '../local-date';

/**
 * The pseudonymised export for the national evaluation (SPEC C11): one row
 * per citizen in the target group, keyed by a stable pseudonym, never the CPR
 * number, a name or an internal id. Pseudonymised data is still personal
 * data (GDPR recital 26): the export is audited with its purpose.
 */
export const AGE_BANDS = ['18-24', '25-29', '30-39', '40-49', '50-59', '60+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number] | 'under 18';

/** Bands wide enough not to single anyone out, with 25 (the mandatory group's lower age) as a border. */
export function ageBand(birthDate: LocalDate, onDate: LocalDate): AgeBand {
  const age = ageOn(birthDate, onDate);
  if (age < 18) return 'under 18';
  if (age < 25) return '18-24';
  if (age < 30) return '25-29';
  if (age >= 60) return '60+';
  const decade = Math.floor(age / 10) * 10;
  return `${decade}-${decade + 9}` as AgeBand;
}

/** The columns, in order (names without æøå, for any statistics tool). */
export const EVALUATION_COLUMNS = [
  'pseudonym',
  'aldersgruppe',
  'koen',
  'maalgruppe',
  'tilbudt_dato',
  'samtykke_dato',
  'samtykke_tilbagekaldt_dato',
  'foerste_plan_dato',
  'foerste_afgoerelse_dato',
  'sag_lukket_dato',
  'indsatser_beskaeftigelse',
  'indsatser_voksensocial',
  'indsatser_sundhed',
  'indsatser_boern_familie',
  'indsatser_uddannelse',
  'indsatser_bolig',
  'indsatser_oevrige',
  'klager',
  'klager_omgjort_af_kommunen',
  'klager_sendt_til_ankestyrelsen',
  'ankestyrelsen_stadfaestet',
  'ankestyrelsen_aendret',
  'ankestyrelsen_ophaevet',
  'ankestyrelsen_hjemvist',
  'seneste_svar_sammenhaengende_forloeb',
  'seneste_svar_kvartal',
] as const;

/** Codes in the file: Danish words without æøå. */
export const EXPORT_CLASSIFICATION = { mandatory: 'skal', optional: 'kan', none: 'ingen', unscreened: 'ikke_screenet' } as const;
export const EXPORT_SURVEY_ANSWER: Record<SurveyAnswer, string> = {
  yes_high: 'ja_hoej_grad',
  yes_some: 'ja_nogen_grad',
  no_little: 'nej_mindre_grad',
  no_not_at_all: 'nej_slet_ikke',
  dont_know: 'ved_ikke',
};

/** Intervention sectors with their own column; the rest go to `indsatser_oevrige`. */
export const EXPORT_SECTOR_COLUMNS: Record<string, (typeof EVALUATION_COLUMNS)[number]> = {
  employment: 'indsatser_beskaeftigelse',
  adult_social: 'indsatser_voksensocial',
  health: 'indsatser_sundhed',
  children_family: 'indsatser_boern_familie',
  education: 'indsatser_uddannelse',
  housing: 'indsatser_bolig',
};

export type CsvValue = string | number | null;

/** RFC 4180: comma-separated, CRLF, fields with a comma, quote or line break quoted. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const quote = (v: CsvValue) => {
    const s = v === null ? '' : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [header, ...rows].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
}
