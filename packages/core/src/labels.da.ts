import type { ConsentScope, EmployeeRole, Sector } from './vocabulary';
import { DECISION_EVENT_LABELS } from './decisions/labels.da';

/** Danish labels people read; code-side strings kept in one place (SPEC §4). */
export const CONSENT_SCOPE_LABELS: Record<ConsentScope, string> = {
  holistic_effort: 'Samtykke til den helhedsorienterede indsats',
  health_information: 'Indhentning af helbredsoplysninger',
  family_plan: 'Plan for hele familien',
  disclosure: 'Videregivelse af oplysninger',
};

export const EMPLOYEE_ROLE_LABELS: Record<EmployeeRole, string> = {
  coordinating_caseworker: 'Koordinerende sagsbehandler',
  specialist: 'Fagperson',
  visitation_forum: 'Tværgående visitationsforum',
  leader: 'Leder',
  administrator: 'Administrator',
};

export const CASE_EVENT_LABELS: Record<string, string> = {
  case_opened: 'Sagen er oprettet',
  coordination_assigned: 'Koordinerende sagsbehandler er ændret',
  phase_changed: 'Sagen er gået videre',
  consent_given: 'Samtykke givet',
  consent_withdrawn: 'Samtykke tilbagekaldt',
  contact_added: 'Kontaktperson tilføjet',
  contact_ended: 'Kontaktperson afsluttet',
  intervention_added: 'Indsats tilføjet',
  task_created: 'Opgave oprettet',
  task_completed: 'Opgave løst',
  health_document_received: 'Helbredsoplysninger modtaget',
  ...DECISION_EVENT_LABELS,
  assessment_saved: 'Udredningen er opdateret',
  assessment_completed: 'Udredningen er afsluttet',
  sector_record_confirmed: 'Oplysning fra sektorsystem bekræftet',
  plan_version_created: 'Ny version af planen',
  plan_follow_up_recorded: 'Opfølgning på mål registreret',
  family_linked: 'Barn knyttet til familien',
  letter_queued: 'Brev til borgeren lagt til afsendelse',
  calendar_entry_added: 'Aftale sat i kalenderen',
  calendar_entry_cancelled: 'Aftale aflyst',
  calendar_entry_changed: 'Aftale ændret',
  calendar_occurrence_moved: 'Én gang i en fast aftale flyttet',
  calendar_occurrence_cancelled: 'Én gang i en fast aftale aflyst',
  calendar_occurrence_restored: 'Aflyst gang i en fast aftale genoprettet',
  calendar_series_ended: 'Fast aftale afsluttet før tid',
  intervention_partner_set: 'Samarbejdspartner på indsats ændret',
  network_person_added: 'Person i netværket tilføjet',
  message_thread_started: 'Ny beskedtråd',
  survey_answered: 'Spørgeskema om sammenhængende forløb besvaret',
};

/** Sector names as people read them in lists and headings. */
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
