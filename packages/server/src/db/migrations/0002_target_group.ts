import { sql, type Kysely } from 'kysely';
import { tenantTable } from './tenant-security';

/**
 * Target group (issue 3): sector feeds with idempotent import batches,
 * screening runs, screening results with history, and the caseworker's
 * individual assessment.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    -- Sector records become feed rows: one per (source system, external id),
    -- replaced when a corrected row arrives, unchanged when the same row does.
    alter table sector_record add column external_id text;
    alter table sector_record add column content_hash text;
    alter table sector_record add column batch_id uuid;
    update sector_record set external_id = id::text, content_hash = '' where external_id is null;
    alter table sector_record alter column external_id set not null;
    alter table sector_record alter column content_hash set not null;
    create unique index sector_record_feed_key on sector_record (municipality_id, source_system, external_id);
    create index sector_record_active on sector_record (municipality_id, citizen_id, kind, code);

    create table import_batch (
      municipality_id uuid not null references municipality (id),
      id uuid not null,
      feed text not null check (feed in ('citizens', 'sector_records')),
      format text not null check (format in ('csv', 'jsonl', 'json')),
      filename text,
      status text not null check (status in ('running', 'committed', 'rejected', 'failed')),
      content_sha256 text,
      rows_total integer not null default 0,
      rows_inserted integer not null default 0,
      rows_updated integer not null default 0,
      rows_unchanged integer not null default 0,
      rows_rejected integer not null default 0,
      started_at timestamptz not null,
      finished_at timestamptz,
      started_by uuid,
      message text,
      primary key (municipality_id, id)
    );

    create table import_error (
      municipality_id uuid not null,
      batch_id uuid not null,
      line integer not null,
      field text not null,
      message text not null,
      value text,
      primary key (municipality_id, batch_id, line, field),
      foreign key (municipality_id, batch_id) references import_batch (municipality_id, id)
    );

    create table screening_run (
      municipality_id uuid not null references municipality (id),
      id uuid not null,
      scope text not null check (scope in ('municipality', 'citizens')),
      rule_set_id text not null,
      evaluated_on date not null,
      status text not null check (status in ('queued', 'running', 'done', 'failed')),
      citizens_total integer not null default 0,
      citizens_done integer not null default 0,
      mandatory integer not null default 0,
      optional integer not null default 0,
      changed integer not null default 0,
      started_at timestamptz not null,
      finished_at timestamptz,
      started_by uuid,
      error text,
      primary key (municipality_id, id)
    );

    -- History: a row whenever a citizen's result differs from their previous one
    -- (classification, rule set or the reasons). 'none' rows are kept only when
    -- a citizen leaves the target group, so history stays small.
    create table screening_result (
      municipality_id uuid not null,
      id uuid not null,
      citizen_id uuid not null,
      run_id uuid,
      rule_set_id text not null,
      evaluated_on date not null,
      evaluated_at timestamptz not null,
      classification text not null check (classification in ('mandatory', 'optional', 'none')),
      mandatory_from date,
      summary text not null,
      explanation jsonb not null,
      fingerprint text not null,
      -- insertion order, for results that share a timestamp
      seq bigint generated always as identity,
      primary key (municipality_id, id),
      foreign key (municipality_id, citizen_id) references citizen (municipality_id, id)
    );
    create index screening_result_citizen on screening_result (municipality_id, citizen_id, evaluated_at desc, seq desc);

    -- The latest result per citizen that has ever been a candidate.
    create table target_group_status (
      municipality_id uuid not null,
      citizen_id uuid not null,
      result_id uuid not null,
      classification text not null,
      rule_set_id text not null,
      fingerprint text not null,
      candidate_since timestamptz,
      primary key (municipality_id, citizen_id),
      foreign key (municipality_id, citizen_id) references citizen (municipality_id, id),
      foreign key (municipality_id, result_id) references screening_result (municipality_id, id)
    );
    create index target_group_status_queue on target_group_status (municipality_id, classification, candidate_since);

    -- The caseworker's individual assessment: a procedural decision, not appealable.
    create table target_group_assessment (
      municipality_id uuid not null,
      id uuid not null,
      citizen_id uuid not null,
      screening_result_id uuid,
      coordination_need boolean not null,
      development_potential boolean not null,
      reasoning text not null,
      outcome text not null check (outcome in ('offer', 'not_offered')),
      assessed_by uuid not null,
      assessed_at timestamptz not null,
      rule_set_id text not null,
      primary key (municipality_id, id),
      foreign key (municipality_id, citizen_id) references citizen (municipality_id, id),
      foreign key (municipality_id, assessed_by) references employee (municipality_id, id)
    );
    create index target_group_assessment_citizen on target_group_assessment (municipality_id, citizen_id, assessed_at desc);

    alter table municipality_rule_set add column duty_from date;

    -- Households from the CPR extract are named by the feed's key.
    alter table household add column key text;
    create unique index household_key on household (municipality_id, key) where key is not null;
  `.execute(db);
  for (const t of ['import_batch', 'import_error', 'screening_run', 'screening_result', 'target_group_status', 'target_group_assessment']) {
    await tenantTable(db, t);
  }
}
