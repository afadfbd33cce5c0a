/** Kysely types of migration 0005 (coordination). */
import type { ColumnType } from 'kysely';

type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface PartnerTable {
  municipality_id: string;
  id: string;
  kind: 'company' | 'civil_society';
  name: string;
  cvr: string | null;
  contact_name: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  area: string | null;
  description: Defaulted<string>;
  active: Defaulted<boolean>;
  created_at: Date;
}
export interface NetworkPersonTable {
  municipality_id: string;
  id: string;
  citizen_id: string;
  name: string;
  relation: string;
  phone: string | null;
  email: string | null;
  note: Defaulted<string>;
  created_at: Date;
}
export interface CalendarEntryTable {
  municipality_id: string;
  id: string;
  case_id: string;
  citizen_id: string;
  intervention_id: string | null;
  title: string;
  kind: string;
  starts_at: Date;
  ends_at: Date;
  place_name: string | null;
  area: string | null;
  latitude: number | null;
  longitude: number | null;
  carrier_employee_id: string | null;
  carrier_partner_id: string | null;
  carrier_network_person_id: string | null;
  carrier_text: string | null;
  recurrence: 'weekly' | 'biweekly' | null;
  recurrence_until: string | null;
  cancelled: Defaulted<boolean>;
  created_at: Date;
  created_by: string | null;
  version: Defaulted<number>;
}
export interface NewInformationTable {
  municipality_id: string;
  id: string;
  case_id: string;
  task_id: string;
  source: 'import' | 'manual';
  sector_record_id: string | null;
  content_hash: string | null;
  record_kind: string | null;
  sector: string | null;
  title: string;
  created_at: Date;
  created_by: string | null;
}
export interface MessageThreadTable {
  municipality_id: string;
  id: string;
  case_id: string;
  subject: string;
  created_at: Date;
  last_message_at: Date;
}
export interface MessageTable {
  municipality_id: string;
  id: string;
  thread_id: string;
  author_kind: 'citizen' | 'employee';
  author_id: string;
  author_name: string;
  body: string;
  sent_at: Date;
  seq: ColumnType<number, never, never>;
  read_at: Date | null;
}
export interface SurveyResponseTable {
  municipality_id: string;
  id: string;
  case_id: string;
  period: string;
  answer: string;
  comment: string | null;
  answered_on: string;
  answered_at: Date;
}

/** Migration 0014: one occurrence of a series moved (starts_at/ends_at) or cancelled. */
export interface CalendarExceptionTable {
  municipality_id: string;
  entry_id: string;
  occurrence_date: string;
  cancelled: boolean;
  starts_at: Date | null;
  ends_at: Date | null;
  reason: string | null;
  changed_at: Date;
  changed_by: string | null;
}
/** Migration 0014: the municipality's conflict rules by version; rules null = the standard rules. */
export interface ConflictRuleSetTable {
  municipality_id: string;
  version: number;
  rules: ColumnType<unknown, string | null, never> | null;
  reason: string | null;
  created_at: Date;
  created_by: string | null;
}
export interface CoordinationTables {
  calendar_exception: CalendarExceptionTable;
  conflict_rule_set: ConflictRuleSetTable;
  partner: PartnerTable;
  network_person: NetworkPersonTable;
  calendar_entry: CalendarEntryTable;
  new_information: NewInformationTable;
  message_thread: MessageThreadTable;
  message: MessageTable;
  survey_response: SurveyResponseTable;
}
