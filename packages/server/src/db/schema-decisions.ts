/** Kysely types of migration 0007 (decisions and complaints). */
import type { ColumnType } from 'kysely';

type Defaulted<T> = ColumnType<T, T | undefined, T>;
type JsonArray = ColumnType<unknown[], string | undefined, string>;
type JsonDoc = ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

export interface DecisionTable {
  municipality_id: string;
  id: string;
  case_id: string;
  status: 'draft' | 'issued' | 'discarded';
  rule_set_id: string;
  mode: 'combined' | 'per_sector';
  sector_law: string;
  title: string;
  reasoning: Defaulted<string>;
  citizen_goals: JsonArray;
  outside_decision: JsonArray;
  origin: Defaulted<'new' | 'reassessment' | 'appeal'>;
  complaint_id: Nullable<string>;
  decision_date: Nullable<string>;
  channel: Nullable<'digital_post' | 'ordinary_post'>;
  receipt_date: Nullable<string>;
  complaint_deadline: Nullable<string>;
  letter: JsonDoc;
  issued_at: Nullable<Date>;
  issued_by: Nullable<string>;
  created_at: Date;
  created_by: Nullable<string>;
  version: Defaulted<number>;
}

export interface DecisionElementTable {
  municipality_id: string;
  id: string;
  decision_id: string;
  intervention_id: string;
  position: number;
  title: string;
  sector: string;
  legal_basis: string;
  reasoning: Defaulted<string>;
  appealable: boolean;
  not_appealable_reason: Nullable<string>;
  complaint_route: string;
  rule_id: string;
  supersedes_element_id: Nullable<string>;
}

export interface ComplaintTable {
  municipality_id: string;
  id: string;
  case_id: string;
  decision_id: string;
  status: 'received' | 'refused_late' | 'changed' | 'forwarded' | 'closed';
  scope: 'whole' | 'elements';
  not_covered: JsonArray;
  channel: 'letter' | 'phone' | 'portal' | 'email';
  received_on: string;
  submitted_by_kind: 'citizen' | 'employee';
  submitted_by_id: Nullable<string>;
  text: string;
  complaint_deadline: string;
  days_late: number;
  late_handling: Nullable<'consider' | 'refuse'>;
  late_handling_reason: Nullable<string>;
  reassessment_deadline: string;
  reassessment_outcome: Nullable<'change' | 'uphold'>;
  reassessment_reasoning: Nullable<string>;
  reassessed_on: Nullable<string>;
  new_decision_id: Nullable<string>;
  forwarded_on: Nullable<string>;
  appeal_result: Nullable<'stadfaestet' | 'aendret' | 'ophaevet' | 'hjemvist'>;
  appeal_result_on: Nullable<string>;
  appeal_note: Nullable<string>;
  appeal_task_id: Nullable<string>;
  created_at: Date;
  version: Defaulted<number>;
}

export interface ComplaintElementTable {
  municipality_id: string;
  complaint_id: string;
  element_id: string;
}

export interface DecisionTables {
  decision: DecisionTable;
  decision_element: DecisionElementTable;
  complaint: ComplaintTable;
  complaint_element: ComplaintElementTable;
}
