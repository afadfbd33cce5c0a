/** Kysely types of migration 0003 (assessment, plan, follow-up, family relations). */
import type { ColumnType } from 'kysely';

type Json<T = unknown> = ColumnType<T, string, string>;

export interface AssessmentTable {
  municipality_id: string;
  id: string;
  case_id: string;
  status: 'in_progress' | 'completed';
  citizen_goals: string;
  domains: Json<unknown[]>;
  version: number;
  started_at: Date;
  completed_at: Date | null;
  updated_at: Date;
  updated_by_id: string | null;
  updated_by_name: string;
}
export interface SectorRecordConfirmationTable {
  municipality_id: string;
  case_id: string;
  sector_record_id: string;
  confirmed_at: Date;
  confirmed_by_id: string | null;
  confirmed_by_name: string;
  note: string | null;
}
export interface PlanTable {
  municipality_id: string;
  id: string;
  case_id: string;
  version: number;
  rule_set_id: string;
  content: Json;
  created_at: Date;
  updated_at: Date;
}
export interface PlanVersionTable {
  municipality_id: string;
  plan_id: string;
  version: number;
  content: Json;
  reason: string;
  rule_set_id: string;
  changed_at: Date;
  changed_by_kind: string;
  changed_by_id: string | null;
  changed_by_name: string;
}
export interface PlanGoalTable {
  municipality_id: string;
  plan_id: string;
  goal_id: string;
  case_id: string;
  title: string;
  overall: boolean;
  next_follow_up_on: string | null;
  progression: number | null;
}
export interface PlanFollowUpTable {
  municipality_id: string;
  id: string;
  plan_id: string;
  case_id: string;
  goal_id: string;
  recorded_on: string;
  progression: number;
  result: 'continue' | 'adjust_within_frame' | 'end' | 'revisitation';
  note: string;
  next_follow_up_on: string | null;
  recorded_at: Date;
  recorded_by_kind: string;
  recorded_by_id: string | null;
  recorded_by_name: string;
  seq: ColumnType<number, never, never>;
}
export interface FamilyRelationTable {
  municipality_id: string;
  parent_citizen_id: string;
  child_citizen_id: string;
  same_household: boolean;
  created_at: Date;
}

export interface PlanDB {
  assessment: AssessmentTable;
  sector_record_confirmation: SectorRecordConfirmationTable;
  plan: PlanTable;
  plan_version: PlanVersionTable;
  plan_goal: PlanGoalTable;
  plan_follow_up: PlanFollowUpTable;
  family_relation: FamilyRelationTable;
}
