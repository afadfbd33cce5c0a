/** Kysely types of migration 0004 (visitation): new tables and the columns added to existing ones. */
import type { ColumnType } from 'kysely';

type Defaulted<T> = ColumnType<T, T | undefined, T>;
/** jsonb written as a JSON string, read as parsed JSON */
type JsonArray<T> = ColumnType<T[], string, string>;
/** numeric columns arrive as strings from pg and PGlite */
type Numeric = ColumnType<string, string | number, string | number>;
type NullableNumeric = ColumnType<string | null, string | number | null | undefined, string | number | null>;

export interface StoredLegalBasis {
  law: string;
  section: string;
  ruleSets: string[];
}

export interface CatalogueItemTable {
  municipality_id: string;
  id: string;
  kind: string;
  title: string;
  description: Defaulted<string>;
  sector: string;
  category: string;
  legal_bases: JsonArray<StoredLegalBasis>;
  owner_unit_id: string;
  cost_model: 'per_hour' | 'per_week' | 'per_month' | 'one_off';
  unit_price_dkk: Numeric;
  appealable: boolean;
  complaint_route: 'ankestyrelsen' | 'health' | 'none';
  no_complaint_reason: string | null;
  is_benefit: Defaulted<boolean>;
  requires_rehabilitation: Defaulted<boolean>;
  flexible_hours: Defaulted<boolean>;
  combined_of: ColumnType<string[], string | undefined, string>;
  active: Defaulted<boolean>;
  version: Defaulted<number>;
  created_at: Defaulted<Date>;
}

/** Columns 0004 adds to `intervention` (merged into InterventionTable in schema.ts). */
export interface InterventionVisitationColumns {
  catalogue_item_id: ColumnType<string | null, string | null | undefined, string | null>;
  visitation_status: ColumnType<
    'requested' | 'approved' | 'rejected' | 'granted' | 'running' | 'paused' | 'ended' | null,
    'requested' | 'approved' | 'rejected' | 'granted' | 'running' | 'paused' | 'ended' | null | undefined,
    'requested' | 'approved' | 'rejected' | 'granted' | 'running' | 'paused' | 'ended' | null
  >;
  started_on: ColumnType<string | null, string | null | undefined, string | null>;
  quantity: NullableNumeric;
  cost_dkk: NullableNumeric;
  unit_price_dkk: NullableNumeric;
  executing_employee_id: ColumnType<string | null, string | null | undefined, string | null>;
  executing_name: ColumnType<string | null, string | null | undefined, string | null>;
  rule_set_id: ColumnType<string | null, string | null | undefined, string | null>;
  granted_by: ColumnType<string | null, string | null | undefined, string | null>;
  granted_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  paused_on: ColumnType<string | null, string | null | undefined, string | null>;
  pause_return_deadline: ColumnType<string | null, string | null | undefined, string | null>;
  pause_reason: ColumnType<string | null, string | null | undefined, string | null>;
  version: Defaulted<number>;
}

/** 0004: a citizen met by outreach may have no CPR number yet; the birth date is then approximate. */
export interface CitizenOutreachColumns {
  cpr: string | null;
  birth_date_approximate: Defaulted<boolean>;
}

export interface InterventionHoursTable {
  municipality_id: string;
  id: string;
  intervention_id: string;
  used_on: string;
  hours: Numeric;
  note: Defaulted<string>;
  registered_by: string;
  registered_at: Date;
}

export interface ForumBudgetTable {
  municipality_id: string;
  id: string;
  forum_team_id: string;
  period_start: string;
  period_end: string;
  budget_dkk: Numeric;
  /** migration 0015: counts the changes of the amount (optimistic concurrency) */
  version: Defaulted<number>;
}

/** Migration 0015: every amount a forum budget has had, the first one too; never changed. */
export interface ForumBudgetChangeTable {
  municipality_id: string;
  budget_id: string;
  version: number;
  budget_dkk: Numeric;
  /** null for the first amount */
  previous_dkk: NullableNumeric;
  reason: string | null;
  changed_at: Date;
  /** null: set before the history was kept (migration 0015) */
  changed_by: string | null;
}

export interface VisitationRequestTable {
  municipality_id: string;
  id: string;
  intervention_id: string;
  case_id: string;
  citizen_id: string;
  forum_team_id: string;
  status: 'pending' | 'approved' | 'rejected';
  cost_dkk: Numeric;
  authority_max_dkk: NullableNumeric;
  requested_by: string;
  requested_at: Date;
  caseworker_reasoning: string;
  decided_by: string | null;
  decided_at: Date | null;
  decision_reasoning: string | null;
  budget_id: string | null;
}

export interface RehabilitationRecordTable {
  municipality_id: string;
  id: string;
  case_id: string;
  kind: 'rehabilitation_team' | 'prerequisite_description';
  concerns: string;
  meeting_on: string;
  recommendation: string;
  health_coordinator_advice: string | null;
  recorded_by: string;
  recorded_at: Date;
}

export interface OutreachRegistrationTable {
  municipality_id: string;
  id: string;
  citizen_id: string;
  case_id: string;
  site: string;
  team_id: string | null;
  needs: JsonArray<string>;
  note: Defaulted<string>;
  contact_hint: string | null;
  registered_by: string;
  registered_at: Date;
}

export interface VisitationTables {
  catalogue_item: CatalogueItemTable;
  intervention_hours: InterventionHoursTable;
  forum_budget: ForumBudgetTable;
  forum_budget_change: ForumBudgetChangeTable;
  visitation_request: VisitationRequestTable;
  rehabilitation_record: RehabilitationRecordTable;
  outreach_registration: OutreachRegistrationTable;
}
