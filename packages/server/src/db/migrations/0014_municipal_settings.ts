import { sql, type Kysely } from 'kysely';
import { APP_ROLE, tenantTable } from './tenant-security';

/**
 * Organisation and coordination settings the municipality edits itself
 * (SPEC C6, C9, C12), and editing calendar entries:
 * - authority limits get a period (first and last day in force) and who made
 *   and ended them; a change ends one row and adds the next, so the limit in
 *   force on any day stays readable. The app role may only end a row (set its
 *   last day), never change its amount or delete it.
 * - the municipality's own conflict rules, one row per version (null = the
 *   standard rules), never changed afterwards.
 * - one occurrence of a calendar series moved or cancelled: an exception,
 *   named by the day the series puts it on.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table authority_limit
      add column valid_from date,
      add column valid_until date,
      add column created_at timestamptz,
      add column created_by uuid,
      add column ended_at timestamptz,
      add column ended_by uuid,
      add column replaces_id uuid,
      add column reason text,
      add column end_reason text;
    -- Limits from before this migration have been in force since the municipality was set up.
    update authority_limit l set valid_from = m.created_at::date, created_at = m.created_at from municipality m where m.id = l.municipality_id;
    alter table authority_limit
      alter column valid_from set not null,
      alter column created_at set not null,
      add constraint authority_limit_period check (valid_until is null or valid_until >= valid_from - 1),
      add constraint authority_limit_amount check (max_amount_dkk is null or max_amount_dkk >= 0),
      add constraint authority_limit_created_by foreign key (municipality_id, created_by) references employee (municipality_id, id),
      add constraint authority_limit_ended_by foreign key (municipality_id, ended_by) references employee (municipality_id, id),
      add constraint authority_limit_replaces foreign key (municipality_id, replaces_id) references authority_limit (municipality_id, id);
    create index authority_limit_period on authority_limit (municipality_id, valid_from, valid_until);

    create table conflict_rule_set (
      municipality_id uuid not null references municipality (id),
      version integer not null check (version > 0),
      rules jsonb,
      reason text,
      created_at timestamptz not null,
      created_by uuid,
      primary key (municipality_id, version),
      foreign key (municipality_id, created_by) references employee (municipality_id, id)
    );

    create table calendar_exception (
      municipality_id uuid not null,
      entry_id uuid not null,
      occurrence_date date not null,
      cancelled boolean not null,
      starts_at timestamptz,
      ends_at timestamptz,
      reason text,
      changed_at timestamptz not null,
      changed_by uuid,
      primary key (municipality_id, entry_id, occurrence_date),
      foreign key (municipality_id, entry_id) references calendar_entry (municipality_id, id),
      check (cancelled = (starts_at is null)),
      check ((starts_at is null) = (ends_at is null)),
      check (ends_at > starts_at)
    );
    -- A window read also finds an occurrence moved into the window from a series that does not otherwise reach it.
    create index calendar_exception_moved on calendar_exception (municipality_id, starts_at) where starts_at is not null;
  `.execute(db);
  for (const t of ['conflict_rule_set', 'calendar_exception']) await tenantTable(db, t);
  const app = sql.raw(APP_ROLE);
  await sql`revoke update, delete on authority_limit from ${app}`.execute(db);
  await sql`grant update (valid_until, ended_at, ended_by, end_reason) on authority_limit to ${app}`.execute(db);
  await sql`revoke update, delete on conflict_rule_set from ${app}`.execute(db);
}
