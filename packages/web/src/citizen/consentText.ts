/** What each consent means, in plain Danish (SPEC C3, C10). What withdrawing means is in components/withdrawText.ts. */
import type { ConsentScope } from '@helhed/core';

export function consentMeaning(scope: ConsentScope, counterpart: string | null): string[] {
  const party = counterpart ?? 'den, du har givet samtykke til';
  switch (scope) {
    case 'holistic_effort':
      return [
        'Du siger ja til, at kommunen hjælper dig med én samlet plan og én fast kontaktperson i stedet for mange planer og mange sagsbehandlere.',
        'Kommunens medarbejdere fra fx jobcenter, socialområdet og familieområdet må så tale sammen om dig og din plan.',
      ];
    case 'health_information':
      return [
        `Du siger ja til, at kommunen må få oplysninger om dit helbred fra ${party}.`,
        'Kommunen bruger kun oplysningerne til at hjælpe dig med din plan.',
      ];
    case 'family_plan':
      return ['Du siger ja til, at kommunen laver én fælles plan for dig og din familie, så hjælpen til jer passer sammen.'];
    case 'disclosure':
      return [`Du siger ja til, at kommunen må give oplysninger om dig videre til ${party}.`];
  }
}
