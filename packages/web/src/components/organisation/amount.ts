import { ApiError } from '../../api';

/** An amount as Danes type it ('75.000', '75 000', '1.250,50') → kroner, or null when it is not an amount. */
export function parseDkk(text: string): number | null {
  const plain = text.replace(/\s|kr\.?/gi, '').replace(/\.(?=\d{3}(\D|$))/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(plain)) return null;
  return Number(plain);
}

/** The typed amount in kroner, or a Danish error for the field at `path` (the form shows it before asking the server). */
export function dkkOrError(text: string, path: string): number | ApiError {
  const value = parseDkk(text);
  return value === null ? new ApiError(400, 'Ugyldigt beløb', 'Skriv beløbet i kroner, fx 75.000.', [{ path, message: 'Skriv et beløb i kroner.' }]) : value;
}

/** An amount as the form shows it to be edited: '600.000', '1.250,5'. */
export const editableDkk = (amount: number) => amount.toLocaleString('da-DK', { maximumFractionDigits: 2 });

/** Catalogue categories as a person reads them; a category the municipality added later shows as it is written. */
const CATEGORY_LABELS: Record<string, string> = {
  '*': 'Alle kategorier',
  beskaeftigelse: 'Beskæftigelse',
  boern_familie: 'Børn og familie',
  bolig: 'Bolig',
  botilbud: 'Botilbud',
  enkeltydelse: 'Enkeltydelser',
  hjaelpemidler: 'Hjælpemidler',
  individuel_stoette: 'Individuel støtte',
  misbrug: 'Rusmiddelbehandling',
  uddannelse: 'Uddannelse',
  ydelse: 'Forsørgelsesydelser',
};

export const categoryLabel = (category: string) => CATEGORY_LABELS[category] ?? category.replace(/_/g, ' ');
