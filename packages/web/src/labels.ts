/**
 * Danish words the web app shows. Case-event and consent-scope labels come
 * from @helhed/core; the rest is here until core carries them too.
 */
import type { ConsentForm } from '@helhed/core';
export { CASE_EVENT_LABELS, CONSENT_SCOPE_LABELS, PHASE_LABELS, SECTOR_LABELS } from '@helhed/core';
import { EMPLOYEE_ROLE_LABELS, SECTOR_LABELS } from '@helhed/core';

export const ROLE_LABELS = EMPLOYEE_ROLE_LABELS;

export const roleLabel = (role: string): string => (ROLE_LABELS as Record<string, string>)[role] ?? role;

export const sectorLabel = (sector: string): string => (SECTOR_LABELS as Record<string, string>)[sector] ?? sector;

export const CONSENT_FORM_LABELS: Record<ConsentForm, string> = {
  digital: 'Digital underskrift',
  paper_scanned: 'Papirblanket (scannet)',
};

export const CONSENT_ACTION_LABELS = { given: 'Givet', withdrawn: 'Tilbagekaldt' } as const;

export const INTERVENTION_STATUS_LABELS = { planned: 'Planlagt', running: 'I gang', ended: 'Afsluttet' } as const;

export const TASK_STATUS_LABELS = { open: 'Åben', done: 'Løst', cancelled: 'Annulleret' } as const;

export const RELATION_LABELS = { coordinator: 'Du er koordinerende', team: 'Dit team' } as const;

export const CLASSIFICATION_LABELS = {
  mandatory: 'Skal tilbydes indsatsen',
  optional: 'Kan tilbydes indsatsen',
  none: 'Ikke i målgruppen',
} as const;

export const RECORD_KIND_LABELS = { benefit: 'Ydelse', plan: 'Plan', intervention: 'Indsats' } as const;

export const SCREENING_STATUS_LABELS = { queued: 'I kø', running: 'Kører', done: 'Færdig', failed: 'Fejlet' } as const;
