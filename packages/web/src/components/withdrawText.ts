/** What withdrawing a consent means, in plain Danish (SPEC C3). */
import type { ConsentScope } from '@helhed/core';

export function withdrawExplanation(scope: ConsentScope, counterpart: string | null): string[] {
  const party = counterpart ?? 'den, du gav samtykke til';
  switch (scope) {
    case 'holistic_effort':
      return [
        'Hvis du tilbagekalder samtykket, stopper den helhedsorienterede indsats. Du har så ikke længere én samlet plan og én fast kontaktperson for det hele.',
        'Kommunen skal så hurtigt som muligt beslutte din hjælp efter de enkelte love, fx serviceloven og beskæftigelsesloven. Du skal ikke søge om hjælpen igen.',
        'Du beholder den hjælp, du får nu, indtil kommunen har besluttet det.',
      ];
    case 'health_information':
      return [
        `Kommunen må ikke længere hente oplysninger om dit helbred fra ${party}, og den må ikke bruge de oplysninger, den allerede har fået derfra.`,
        'Du beholder den hjælp, du får nu.',
      ];
    case 'family_plan':
      return ['Kommunen må ikke længere lave én fælles plan for hele familien.', 'Du beholder din egen plan og den hjælp, du får nu.'];
    case 'disclosure':
      return [`Kommunen må ikke længere give oplysninger om dig videre til ${party}.`, 'Du beholder den hjælp, du får nu.'];
  }
}
