import { LETTER_CHANNEL_LABELS } from '../letters/labels.da';
import type { DeliveryChannel } from './deadlines';

/** Danish labels for decisions and complaints (SPEC §4); sector names are core's SECTOR_LABELS. */

/** The same words the letter uses. */
export const DELIVERY_CHANNEL_LABELS: Readonly<Record<DeliveryChannel, string>> = LETTER_CHANNEL_LABELS;

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

