import type { ConflictKind, RecurrenceFrequency } from './calendar';
import type { AppointmentKind } from './conflict-rules';

/** Danish labels for the coordination features (calendar, partners, messages, new information). */
export const APPOINTMENT_KIND_LABELS: Record<AppointmentKind, string> = {
  family_therapy: 'Familiebehandling',
  psychologist: 'Psykolog',
  mentor: 'Mentor',
  treatment: 'Behandling',
  socio_pedagogical: 'Socialpædagogisk støtte',
  jobcenter_meeting: 'Møde i jobcentret',
  employment_activity: 'Beskæftigelsesforløb',
  school_meeting: 'Skolemøde',
  health: 'Læge eller sygehus',
  network_meeting: 'Netværksmøde',
  other: 'Aftale',
};

export const RECURRENCE_LABELS: Record<RecurrenceFrequency, string> = {
  weekly: 'Hver uge',
  biweekly: 'Hver anden uge',
};

export const CONFLICT_KIND_LABELS: Record<ConflictKind, string> = {
  overlap: 'Aftaler overlapper i tid',
  same_day: 'For mange aftaler samme dag',
  travel: 'For kort tid til at nå fra den ene aftale til den næste',
  gap: 'For kort pause mellem to aftaler',
};

export const PARTNER_KIND_LABELS = {
  company: 'Virksomhed',
  civil_society: 'Civilsamfundsorganisation',
} as const;

export const SECTOR_RECORD_KIND_LABELS = {
  benefit: 'ydelse',
  plan: 'plan',
  intervention: 'indsats',
} as const;
