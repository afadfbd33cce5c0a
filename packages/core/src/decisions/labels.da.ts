import type { Sector } from '../vocabulary';
import type { DeliveryChannel } from './deadlines';

/** Danish labels for decisions and complaints (SPEC §4); code-side strings kept in one place. */
export const SECTOR_LABELS: Record<Sector, string> = {
  main_law: 'Helhedsorienteret indsats',
  employment: 'Beskæftigelse',
  benefits: 'Ydelser',
  adult_social: 'Voksensocial',
  children_family: 'Børn og familie',
  health: 'Sundhed',
  education: 'Uddannelse',
  housing: 'Bolig',
  national: 'Statslige myndigheder',
  private: 'Private leverandører',
  civil_society: 'Civilsamfund',
};

export const DELIVERY_CHANNEL_LABELS: Record<DeliveryChannel, string> = {
  digital_post: 'Digital Post',
  ordinary_post: 'Almindelig post',
};

export const COMPLAINT_CHANNELS = ['letter', 'phone', 'portal', 'email'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];
export const COMPLAINT_CHANNEL_LABELS: Record<ComplaintChannel, string> = {
  letter: 'Brev',
  phone: 'Telefon',
  portal: 'Min plan',
  email: 'E-mail',
};

export const APPEAL_RESULTS = ['stadfaestet', 'aendret', 'ophaevet', 'hjemvist'] as const;
export type AppealResult = (typeof APPEAL_RESULTS)[number];
export const APPEAL_RESULT_LABELS: Record<AppealResult, string> = {
  stadfaestet: 'Stadfæstet',
  aendret: 'Ændret',
  ophaevet: 'Ophævet',
  hjemvist: 'Hjemvist',
};

export const DEADLINE_KIND_LABELS = {
  complaint: 'Klagefrist (borgerens)',
  reassessment: 'Genvurdering',
  forwarding: 'Videresendelse til Ankestyrelsen',
  appeal_follow_up: 'Opfølgning på Ankestyrelsens afgørelse',
} as const;
export type DeadlineKind = keyof typeof DEADLINE_KIND_LABELS;

export const DECISION_EVENT_LABELS: Record<string, string> = {
  decision_drafted: 'Udkast til afgørelse oprettet',
  decision_draft_updated: 'Udkast til afgørelse ændret',
  decision_draft_discarded: 'Udkast til afgørelse kasseret',
  decision_issued: 'Afgørelse sendt',
  complaint_received: 'Klage modtaget',
  complaint_late_handled: 'Klage modtaget efter fristen: taget stilling',
  complaint_reassessed: 'Klagen er genvurderet',
  complaint_bundle_exported: 'Sagen er samlet til Ankestyrelsen',
  appeal_result_recorded: 'Ankestyrelsens afgørelse registreret',
};

