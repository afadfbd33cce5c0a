/**
 * Kysely table types, mirroring migrations/. Dates ('date') are 'YYYY-MM-DD'
 * strings; instants ('timestamptz') are Date; ids are uuid strings.
 */
import type { ColumnType } from 'kysely';
import type { DecisionTables } from './schema-decisions';
import type { PlanDB } from './schema-plan';
import type { LetterTable, OutboxMessageTable } from './schema-letters';
import type { CitizenOutreachColumns, InterventionVisitationColumns, VisitationTables } from './schema-visitation';
import type { CoordinationTables } from './schema-coordination';

type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Json = ColumnType<Record<string, unknown>, string, string>;

export interface MunicipalityTable {
  id: string;
  code: string;
  name: string;
  cvr: string;
  created_at: Defaulted<Date>;
  /** the letterhead of decision letters (0009) */
  letter_address_lines: ColumnType<string[], string | undefined, string>;
  letter_phone: ColumnType<string | null, string | null | undefined, string | null>;
  letter_web: ColumnType<string | null, string | null | undefined, string | null>;
}
export interface MunicipalityRuleSetTable {
  municipality_id: string;
  from_date: string;
  rule_set_id: string;
  /** the municipality's own date from which "must" applies (phase-in); null = the rule set's */
  duty_from: ColumnType<string | null, string | null | undefined, string | null>;
}
export interface OrgUnitTable {
  municipality_id: string;
  id: string;
  name: string;
  kind: string;
}
export interface TeamTable {
  municipality_id: string;
  id: string;
  unit_id: string;
  name: string;
}
export interface EmployeeTable {
  municipality_id: string;
  id: string;
  username: string;
  name: string;
  email: string;
  title: Defaulted<string>;
  unit_id: string;
  oidc_subject: string | null;
  active: Defaulted<boolean>;
}
export interface EmployeeRoleTable {
  municipality_id: string;
  employee_id: string;
  role: string;
}
export interface TeamMemberTable {
  municipality_id: string;
  team_id: string;
  employee_id: string;
}
export interface AuthorityLimitTable {
  municipality_id: string;
  id: string;
  role: string;
  unit_id: string;
  category: string;
  max_amount_dkk: string | null;
  /** migration 0014: the period in force and who made and ended it */
  valid_from: string;
  valid_until: string | null;
  created_at: Date;
  created_by: string | null;
  ended_at: Date | null;
  ended_by: string | null;
  replaces_id: string | null;
  reason: string | null;
  end_reason: string | null;
}
export interface HouseholdTable {
  municipality_id: string;
  id: string;
  key: ColumnType<string | null, string | null | undefined, string | null>;
}
export interface CitizenTable {
  municipality_id: string;
  id: string;
  cpr: string;
  birth_date: string;
  sex: 'female' | 'male';
  name: string;
  address: Defaulted<string>;
  phone: string | null;
  email: string | null;
  household_id: string | null;
  household_role: string | null;
  registered_at: Defaulted<Date>;
}
export interface HolisticCaseTable {
  municipality_id: string;
  id: string;
  citizen_id: string;
  phase: string;
  coordinator_employee_id: string | null;
  coordinator_team_id: string | null;
  opened_at: Date;
  closed_at: Date | null;
  version: Defaulted<number>;
}
export interface CaseContactTable {
  municipality_id: string;
  id: string;
  case_id: string;
  kind: 'internal' | 'external';
  employee_id: string | null;
  name: string;
  role: string;
  sector: string;
  organisation: string | null;
  phone: string | null;
  email: string | null;
  authority: boolean;
  coordinating: Defaulted<boolean>;
  since: string;
  ended_on: string | null;
  created_at: Defaulted<Date>;
}
export interface CaseEventTable {
  municipality_id: string;
  id: string;
  case_id: string;
  occurred_at: Date;
  type: string;
  actor_kind: string;
  actor_id: string | null;
  actor_name: string;
  data: Json;
  seq: ColumnType<number, never, never>;
}
export interface ConsentTable {
  municipality_id: string;
  id: string;
  citizen_id: string;
  case_id: string | null;
  scope: string;
  counterpart: string | null;
  action: 'given' | 'withdrawn';
  form: string | null;
  document_ref: string | null;
  note: string | null;
  effective_at: Date;
  recorded_at: Date;
  recorded_by_kind: string;
  recorded_by_id: string | null;
}
export interface InterventionTable {
  municipality_id: string;
  id: string;
  case_id: string;
  title: string;
  sector: string;
  legal_basis: string;
  status: 'planned' | 'running' | 'ended';
  start_date: string | null;
  end_date: string | null;
  created_at: Defaulted<Date>;
  /** the partner carrying it (migration 0005) */
  partner_id: ColumnType<string | null, string | null | undefined, string | null>;
}
export interface TaskTable {
  municipality_id: string;
  id: string;
  case_id: string;
  kind: string;
  title: string;
  detail: Defaulted<string>;
  legal_basis: string | null;
  due_on: string | null;
  status: 'open' | 'done' | 'cancelled';
  assignee_employee_id: string | null;
  intervention_id: string | null;
  created_at: Date;
  completed_at: Date | null;
  version: Defaulted<number>;
}
export interface SectorRecordTable {
  municipality_id: string;
  id: string;
  citizen_id: string;
  kind: 'benefit' | 'plan' | 'intervention';
  sector: string;
  code: string;
  title: string;
  legal_basis: string;
  start_date: string;
  end_date: string | null;
  source_system: string;
  external_id: string;
  content_hash: string;
  batch_id: string | null;
}
export interface HealthDocumentTable {
  municipality_id: string;
  id: string;
  citizen_id: string;
  source: string;
  kind: string;
  title: string;
  content: string;
  received_at: Date;
}
export interface AuditLogTable {
  municipality_id: string;
  seq: number;
  occurred_at: Date;
  actor_kind: string;
  actor_id: string | null;
  actor_name: string;
  citizen_id: string | null;
  search_criterion: ColumnType<Record<string, unknown> | null, string | null, never>;
  action: string;
  resource_type: string;
  resource_id: string | null;
  purpose: string;
  outcome: 'allowed' | 'allowed_break_glass' | 'denied';
  reason: string | null;
  prev_hash: string;
  hash: string;
}
export interface AuditChainHeadTable {
  municipality_id: string;
  last_seq: number;
  last_hash: string;
}
export interface SessionTable {
  token_hash: string;
  municipality_id: string;
  principal_kind: 'employee' | 'citizen';
  principal_id: string;
  created_at: Date;
  last_seen_at: Date;
  id_token: string | null;
  realm: string;
}

export interface ImportBatchTable {
  municipality_id: string;
  id: string;
  feed: 'citizens' | 'sector_records';
  format: 'csv' | 'jsonl' | 'json';
  filename: string | null;
  status: 'running' | 'committed' | 'rejected' | 'failed';
  content_sha256: string | null;
  rows_total: Defaulted<number>;
  rows_inserted: Defaulted<number>;
  rows_updated: Defaulted<number>;
  rows_unchanged: Defaulted<number>;
  rows_rejected: Defaulted<number>;
  started_at: Date;
  finished_at: Date | null;
  started_by: string | null;
  message: string | null;
}
export interface ImportErrorTable {
  municipality_id: string;
  batch_id: string;
  line: number;
  field: string;
  message: string;
  value: string | null;
}
export interface ScreeningRunTable {
  municipality_id: string;
  id: string;
  scope: 'municipality' | 'citizens';
  rule_set_id: string;
  evaluated_on: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  citizens_total: Defaulted<number>;
  citizens_done: Defaulted<number>;
  mandatory: Defaulted<number>;
  optional: Defaulted<number>;
  changed: Defaulted<number>;
  started_at: Date;
  finished_at: Date | null;
  started_by: string | null;
  error: string | null;
}
export interface ScreeningResultTable {
  municipality_id: string;
  id: string;
  citizen_id: string;
  run_id: string | null;
  rule_set_id: string;
  evaluated_on: string;
  evaluated_at: Date;
  classification: 'mandatory' | 'optional' | 'none';
  mandatory_from: string | null;
  summary: ColumnType<string | null, string | null | undefined, string | null>;
  explanation: Json;
  fingerprint: string;
  candidate_since: ColumnType<Date | null, Date | null | undefined, Date | null>;
  seq: ColumnType<number, never, never>;
}
/** A view: each citizen's latest screening result (migration 0008). */
export interface TargetGroupStatusTable {
  municipality_id: string;
  citizen_id: string;
  result_id: string;
  classification: 'mandatory' | 'optional' | 'none';
  rule_set_id: string;
  fingerprint: string;
  candidate_since: Date | null;
}
export interface TargetGroupAssessmentTable {
  municipality_id: string;
  id: string;
  citizen_id: string;
  screening_result_id: string | null;
  coordination_need: boolean;
  development_potential: boolean;
  reasoning: string;
  outcome: 'offer' | 'not_offered';
  assessed_by: string;
  assessed_at: Date;
  rule_set_id: string;
}

/** A municipality's secret for keyed pseudonyms (0010); never sent to a client. */
export interface PseudonymKeyTable {
  municipality_id: string;
  purpose: string;
  secret: Uint8Array;
  created_at: Date;
}

export interface DB extends DecisionTables, PlanDB, VisitationTables, CoordinationTables {
  municipality: MunicipalityTable;
  municipality_rule_set: MunicipalityRuleSetTable;
  org_unit: OrgUnitTable;
  team: TeamTable;
  employee: EmployeeTable;
  employee_role: EmployeeRoleTable;
  team_member: TeamMemberTable;
  authority_limit: AuthorityLimitTable;
  household: HouseholdTable;
  citizen: Omit<CitizenTable, 'cpr'> & CitizenOutreachColumns;
  holistic_case: HolisticCaseTable;
  case_contact: CaseContactTable;
  case_event: CaseEventTable;
  consent: ConsentTable;
  intervention: InterventionTable & InterventionVisitationColumns;
  task: TaskTable;
  sector_record: SectorRecordTable;
  health_document: HealthDocumentTable;
  audit_log: AuditLogTable;
  audit_chain_head: AuditChainHeadTable;
  session: SessionTable;
  import_batch: ImportBatchTable;
  import_error: ImportErrorTable;
  screening_run: ScreeningRunTable;
  screening_result: ScreeningResultTable;
  target_group_status: TargetGroupStatusTable;
  target_group_assessment: TargetGroupAssessmentTable;
  letter: LetterTable;
  outbox_message: OutboxMessageTable;
  pseudonym_key: PseudonymKeyTable;
}
