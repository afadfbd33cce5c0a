/**
 * Why personal data is touched. Every audit record carries one; the citizen
 * sees the Danish label when they look up who has seen their data.
 */
export const PURPOSES = {
  case_handling: 'Sagsbehandling i din helhedsorienterede indsats',
  registration: 'Registrering og fremsøgning af borger',
  target_group_screening: 'Vurdering af målgruppe',
  complaint_handling: 'Behandling af klage',
  supervision: 'Ledelsestilsyn',
  management_information: 'Ledelsesinformation (tal uden navne)',
  national_evaluation: 'Pseudonymiseret udtræk til den nationale evaluering',
  break_the_glass: 'Nødadgang med skriftlig begrundelse',
  citizen_self_service: 'Du så dine egne oplysninger',
  system: 'Automatisk systemkørsel',
} as const;
export type Purpose = keyof typeof PURPOSES;

export function isPurpose(value: string): value is Purpose {
  return Object.prototype.hasOwnProperty.call(PURPOSES, value);
}
