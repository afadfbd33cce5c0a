/** Kysely types of the letter tables (migrations/0006_letters.ts). */
import type { ColumnType } from 'kysely';

type Json<T> = ColumnType<T, string, string>;

export type OutboxStatus = 'queued' | 'sending' | 'delivered' | 'failed_permanent';

export interface LetterTable {
  municipality_id: string;
  id: string;
  citizen_id: string;
  case_id: string;
  decision_id: string;
  kind: 'decision';
  scope: 'combined' | 'sector';
  sector: string | null;
  title: string;
  sender_name: string;
  signed_by: string;
  rule_set_id: string;
  rule_set_label: string;
  legal_bases: Json<string[]>;
  decision_date: string;
  complaint_deadline: string;
  channel: 'digital_post' | 'ordinary_post';
  content: Json<Record<string, unknown>>;
  content_sha256: string;
  pdf: Uint8Array;
  pdf_sha256: string;
  created_at: Date;
  created_by: string;
}

export interface OutboxMessageTable {
  municipality_id: string;
  id: string;
  letter_id: string;
  format: 'memo-1.1';
  payload: string;
  status: OutboxStatus;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Date;
  locked_until: Date | null;
  locked_by: string | null;
  last_error: string | null;
  delivered_at: Date | null;
  receipt: string | null;
  created_at: Date;
  updated_at: Date;
}

