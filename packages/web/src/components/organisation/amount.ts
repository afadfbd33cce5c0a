/** An amount as Danes type it ('75.000', '75 000', '1.250,50') → kroner, or null when it is not an amount. */
export function parseDkk(text: string): number | null {
  const plain = text.replace(/\s|kr\.?/gi, '').replace(/\.(?=\d{3}(\D|$))/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(plain)) return null;
  return Number(plain);
}

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
