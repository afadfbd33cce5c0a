import type { Sector } from '../vocabulary';
import type { ComplaintRoute, LetterChannel } from './decision-letter';

/** How a letter names a sector's area ("den hjælp, du får inden for …"). */
export const LETTER_SECTOR_LABELS: Record<Sector, string> = {
  main_law: 'den helhedsorienterede indsats',
  employment: 'beskæftigelsesområdet',
  benefits: 'forsørgelsesydelser',
  adult_social: 'det sociale område for voksne',
  children_family: 'børne- og familieområdet',
  health: 'sundhedsområdet',
  education: 'uddannelsesområdet',
  housing: 'boligområdet',
  national: 'det statslige område',
  private: 'private leverandører',
  civil_society: 'civilsamfundet',
};

export const COMPLAINT_ROUTE_LABELS: Record<ComplaintRoute, string> = {
  ankestyrelsen: 'Klage til Ankestyrelsen (via kommunen)',
  health: 'Klage til Styrelsen for Patientklager',
  none: 'Kan ikke påklages',
};

export const LETTER_CHANNEL_LABELS: Record<LetterChannel, string> = {
  digital_post: 'Digital Post',
  ordinary_post: 'Almindelig post',
};

/** Delivery status of a letter, as the citizen and the caseworker read it. */
export const LETTER_STATUS_LABELS: Record<'queued' | 'sending' | 'delivered' | 'failed_permanent', string> = {
  queued: 'Venter på afsendelse',
  sending: 'Sendes',
  delivered: 'Sendt',
  failed_permanent: 'Kunne ikke sendes – kommunen er underrettet',
};
