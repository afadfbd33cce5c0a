import { sql, type Kysely } from 'kysely';
import { APP_ROLE, ensureAppRole, tenantTable } from './tenant-security';

/**
 * Foundation schema: organisation, citizens, the holistic case, contacts,
 * consent, tasks, interventions (minimal), sector records (minimal),
 * health documents, the audit log and sessions.
 *
 * Every tenant table has municipality_id first in its primary key and in its
 * foreign keys (SPEC §8: ready for Citus distribution with co-located joins),
 * and gets row-level security as a second wall behind the access gateway.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await ensureAppRole(db);
  await sql`
    create table municipality (
      id uuid primary key,
      code text not null unique,
      name text not null,
      cvr text not null,
      created_at timestamptz not null default now()
    );

    create table municipality_rule_set (
      municipality_id uuid not null references municipality (id),
      from_date date not null,
      rule_set_id text not null,
      primary key (municipality_id, from_date)
    );

    create table org_unit (
      municipality_id uuid not null references municipality (id),
      id uuid not null,
      name text not null,
      kind text not null,
      primary key (municipality_id, id)
    );

    create table team (
      municipality_id uuid not null,
      id uuid not null,
      unit_id uuid not null,
      name text not null,
      primary key (municipality_id, id),
      foreign key (municipality_id, unit_id) references org_unit (municipality_id, id)
    );

    create table employee (
      municipality_id uuid not null references municipality (id),
      id uuid not null,
      username text not null,
      name text not null,
      email text not null,
      title text not null default '',
      unit_id uuid not null,
      oidc_subject text,
      active boolean not null default true,
      primary key (municipality_id, id),
      unique (municipality_id, username),
      foreign key (municipality_id, unit_id) references org_unit (municipality_id, id)
    );
    create unique index employee_oidc_subject on employee (oidc_subject) where oidc_subject is not null;

    create table employee_role (
      municipality_id uuid not null,
      employee_id uuid not null,
      role text not null check (role in ('coordinating_caseworker', 'specialist', 'visitation_forum', 'leader', 'administrator')),
      primary key (municipality_id, employee_id, role),
      foreign key (municipality_id, employee_id) references employee (municipality_id, id)
    );

    create table team_member (
      municipality_id uuid not null,
      team_id uuid not null,
      employee_id uuid not null,
      primary key (municipality_id, team_id, employee_id),
      foreign key (municipality_id, team_id) references team (municipality_id, id),
      foreign key (municipality_id, employee_id) references employee (municipality_id, id)
    );
    create index team_member_employee on team_member (municipality_id, employee_id);

    create table authority_limit (
      municipality_id uuid not null,
      id uuid not null,
      role text not null,
      unit_id uuid not null,
      category text not null,
      max_amount_dkk numeric(14, 2),
      primary key (municipality_id, id),
      foreign key (municipality_id, unit_id) references org_unit (municipality_id, id)
    );

    create table household (
      municipality_id uuid not null references municipality (id),
      id uuid not null,
      primary key (municipality_id, id)
    );

    create table citizen (
      municipality_id uuid not null references municipality (id),
      id uuid not null,
      cpr char(10) not null check (cpr ~ '^[0-9]{10}$'),
      birth_date date not null,
      sex text not null check (sex in ('female', 'male')),
      name text not null,
      address text not null default '',
      phone text,
      email text,
      household_id uuid,
      household_role text,
      registered_at timestamptz not null default now(),
      primary key (municipality_id, id),
      unique (municipality_id, cpr),
      foreign key (municipality_id, household_id) references household (municipality_id, id)
    );
    create index citizen_cpr on citizen (cpr);

    create table holistic_case (
      municipality_id uuid not null,
      id uuid not null,
      citizen_id uuid not null,
      phase text not null,
      coordinator_employee_id uuid,
      coordinator_team_id uuid,
      opened_at timestamptz not null,
      closed_at timestamptz,
      version integer not null default 1,
      primary key (municipality_id, id),
      foreign key (municipality_id, citizen_id) references citizen (municipality_id, id),
      foreign key (municipality_id, coordinator_employee_id) references employee (municipality_id, id),
      foreign key (municipality_id, coordinator_team_id) references team (municipality_id, id),
      check (coordinator_employee_id is not null or coordinator_team_id is not null)
    );
    create unique index holistic_case_one_open_per_citizen
      on holistic_case (municipality_id, citizen_id) where closed_at is null;
    create index holistic_case_coordinator on holistic_case (municipality_id, coordinator_employee_id);
    create index holistic_case_team on holistic_case (municipality_id, coordinator_team_id);

    create table case_contact (
      municipality_id uuid not null,
      id uuid not null,
      case_id uuid not null,
      kind text not null check (kind in ('internal', 'external')),
      employee_id uuid,
      name text not null,
      role text not null,
      sector text not null,
      organisation text,
      phone text,
      email text,
      authority boolean not null,
      coordinating boolean not null default false,
      since date not null,
      ended_on date,
      created_at timestamptz not null default now(),
      primary key (municipality_id, id),
      foreign key (municipality_id, case_id) references holistic_case (municipality_id, id),
      foreign key (municipality_id, employee_id) references employee (municipality_id, id),
      check ((kind = 'internal') = (employee_id is not null))
    );
    create index case_contact_case on case_contact (municipality_id, case_id);
    create index case_contact_employee on case_contact (municipality_id, employee_id) where employee_id is not null;

    create table case_event (
      municipality_id uuid not null,
      id uuid not null,
      case_id uuid not null,
      occurred_at timestamptz not null,
      type text not null,
      actor_kind text not null,
      actor_id uuid,
      actor_name text not null,
      data jsonb not null default '{}',
      -- insertion order, for events that share a timestamp
      seq bigint generated always as identity,
      primary key (municipality_id, id),
      foreign key (municipality_id, case_id) references holistic_case (municipality_id, id)
    );
    create index case_event_case on case_event (municipality_id, case_id, occurred_at, seq);

    create table consent (
      municipality_id uuid not null,
      id uuid not null,
      citizen_id uuid not null,
      case_id uuid,
      scope text not null check (scope in ('holistic_effort', 'health_information', 'family_plan', 'disclosure')),
      counterpart text,
      action text not null check (action in ('given', 'withdrawn')),
      form text check (form in ('digital', 'paper_scanned')),
      document_ref text,
      note text,
      effective_at timestamptz not null,
      recorded_at timestamptz not null,
      recorded_by_kind text not null,
      recorded_by_id uuid,
      primary key (municipality_id, id),
      foreign key (municipality_id, citizen_id) references citizen (municipality_id, id),
      foreign key (municipality_id, case_id) references holistic_case (municipality_id, id),
      check (action = 'withdrawn' or form is not null)
    );
    create index consent_citizen on consent (municipality_id, citizen_id, recorded_at);

    create table intervention (
      municipality_id uuid not null,
      id uuid not null,
      case_id uuid not null,
      title text not null,
      sector text not null,
      legal_basis text not null,
      status text not null check (status in ('planned', 'running', 'ended')),
      start_date date,
      end_date date,
      created_at timestamptz not null default now(),
      primary key (municipality_id, id),
      foreign key (municipality_id, case_id) references holistic_case (municipality_id, id)
    );
    create index intervention_case on intervention (municipality_id, case_id);

    create table task (
      municipality_id uuid not null,
      id uuid not null,
      case_id uuid not null,
      kind text not null,
      title text not null,
      detail text not null default '',
      legal_basis text,
      due_on date,
      status text not null check (status in ('open', 'done', 'cancelled')),
      assignee_employee_id uuid,
      intervention_id uuid,
      created_at timestamptz not null,
      completed_at timestamptz,
      version integer not null default 1,
      primary key (municipality_id, id),
      foreign key (municipality_id, case_id) references holistic_case (municipality_id, id),
      foreign key (municipality_id, assignee_employee_id) references employee (municipality_id, id),
      foreign key (municipality_id, intervention_id) references intervention (municipality_id, id)
    );
    create index task_case on task (municipality_id, case_id);
    create index task_assignee_open on task (municipality_id, assignee_employee_id) where status = 'open';

    create table sector_record (
      municipality_id uuid not null,
      id uuid not null,
      citizen_id uuid not null,
      kind text not null check (kind in ('benefit', 'plan', 'intervention')),
      sector text not null,
      code text not null,
      title text not null,
      legal_basis text not null,
      start_date date not null,
      end_date date,
      source_system text not null,
      primary key (municipality_id, id),
      foreign key (municipality_id, citizen_id) references citizen (municipality_id, id)
    );
    create index sector_record_citizen on sector_record (municipality_id, citizen_id);

    create table health_document (
      municipality_id uuid not null,
      id uuid not null,
      citizen_id uuid not null,
      source text not null,
      kind text not null,
      title text not null,
      content text not null,
      received_at timestamptz not null,
      primary key (municipality_id, id),
      foreign key (municipality_id, citizen_id) references citizen (municipality_id, id)
    );
    create index health_document_citizen on health_document (municipality_id, citizen_id);

    create table audit_log (
      municipality_id uuid not null references municipality (id),
      seq bigint not null,
      occurred_at timestamptz not null,
      actor_kind text not null,
      actor_id uuid,
      actor_name text not null,
      citizen_id uuid,
      search_criterion jsonb,
      action text not null,
      resource_type text not null,
      resource_id text,
      purpose text not null,
      outcome text not null check (outcome in ('allowed', 'allowed_break_glass', 'denied')),
      reason text,
      prev_hash text not null,
      hash text not null,
      primary key (municipality_id, seq)
    );
    create index audit_log_citizen on audit_log (municipality_id, citizen_id, occurred_at) where citizen_id is not null;

    create table audit_chain_head (
      municipality_id uuid primary key references municipality (id),
      last_seq bigint not null,
      last_hash text not null
    );

    create table session (
      token_hash text primary key,
      municipality_id uuid not null references municipality (id),
      principal_kind text not null check (principal_kind in ('employee', 'citizen')),
      principal_id uuid not null,
      created_at timestamptz not null,
      last_seen_at timestamptz not null,
      id_token text,
      realm text not null
    );
  `.execute(db);

  // Append-only tables refuse UPDATE and DELETE, whoever asks.
  await sql`
    create function helhed_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'table % is append-only', tg_table_name using errcode = 'P0001';
    end $$;
    create trigger audit_log_append_only before update or delete on audit_log
      for each row execute function helhed_refuse_change();
    create trigger consent_append_only before update or delete on consent
      for each row execute function helhed_refuse_change();
    create trigger case_event_append_only before update or delete on case_event
      for each row execute function helhed_refuse_change();
  `.execute(db);

  await tenantTable(db, 'municipality', 'id');
  for (const table of TENANT_TABLES) await tenantTable(db, table);
  await sql`revoke update, delete on audit_log, consent, case_event from ${sql.raw(APP_ROLE)}`.execute(db);
}

const TENANT_TABLES = [
  'municipality_rule_set',
  'org_unit',
  'team',
  'employee',
  'employee_role',
  'team_member',
  'authority_limit',
  'household',
  'citizen',
  'holistic_case',
  'case_contact',
  'case_event',
  'consent',
  'intervention',
  'task',
  'sector_record',
  'health_document',
  'audit_log',
  // The chain head is updated by the app role inside audited transactions.
  'audit_chain_head',
];
