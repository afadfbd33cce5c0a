import { sql, type Kysely } from 'kysely';
import { tenantTable } from './tenant-security';

/**
 * Visitation (issue 4, SPEC C4, C6, C13): the intervention catalogue, the
 * visitation fields of an intervention, hour pools, the visitation forum's
 * requests and budgets, the rehabilitation prerequisite, the fleksjob pause
 * and outreach registrations. Interventions made before keep working: every
 * new column is nullable or defaulted.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table catalogue_item (
      municipality_id uuid not null references municipality (id),
      id uuid not null,
      kind text not null check (kind ~ '^[a-z0-9_]{2,60}$'),
      title text not null,
      description text not null default '',
      sector text not null,
      category text not null,
      legal_bases jsonb not null,
      owner_unit_id uuid not null,
      cost_model text not null check (cost_model in ('per_hour', 'per_week', 'per_month', 'one_off')),
      unit_price_dkk numeric(14, 2) not null check (unit_price_dkk >= 0),
      appealable boolean not null,
      complaint_route text not null check (complaint_route in ('ankestyrelsen', 'health', 'none')),
      no_complaint_reason text,
      is_benefit boolean not null default false,
      requires_rehabilitation boolean not null default false,
      flexible_hours boolean not null default false,
      combined_of jsonb not null default '[]',
      active boolean not null default true,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      primary key (municipality_id, id),
      unique (municipality_id, kind),
      foreign key (municipality_id, owner_unit_id) references org_unit (municipality_id, id),
      check (complaint_route <> 'none' or no_complaint_reason is not null)
    );

    alter table intervention add column catalogue_item_id uuid;
    alter table intervention add column visitation_status text
      check (visitation_status in ('requested', 'approved', 'rejected', 'granted', 'running', 'paused', 'ended'));
    alter table intervention add column started_on date;
    alter table intervention add column quantity numeric(12, 2);
    alter table intervention add column cost_dkk numeric(14, 2);
    alter table intervention add column unit_price_dkk numeric(14, 2);
    alter table intervention add column executing_employee_id uuid;
    alter table intervention add column executing_name text;
    alter table intervention add column rule_set_id text;
    alter table intervention add column granted_by uuid;
    alter table intervention add column granted_at timestamptz;
    alter table intervention add column paused_on date;
    alter table intervention add column pause_return_deadline date;
    alter table intervention add column pause_reason text;
    alter table intervention add column version integer not null default 1;
    alter table intervention add constraint intervention_catalogue_item
      foreign key (municipality_id, catalogue_item_id) references catalogue_item (municipality_id, id);
    alter table intervention add constraint intervention_executing_employee
      foreign key (municipality_id, executing_employee_id) references employee (municipality_id, id);
    alter table intervention add constraint intervention_visitation_complete
      check (visitation_status is null or (catalogue_item_id is not null and quantity is not null and cost_dkk is not null));
    -- "agreed but not started" looks only at these
    create index intervention_agreed_not_started on intervention (municipality_id, start_date)
      where visitation_status in ('approved', 'granted') and started_on is null;

    create table intervention_hours (
      municipality_id uuid not null,
      id uuid not null,
      intervention_id uuid not null,
      used_on date not null,
      hours numeric(6, 2) not null check (hours > 0),
      note text not null default '',
      registered_by uuid not null,
      registered_at timestamptz not null,
      primary key (municipality_id, id),
      foreign key (municipality_id, intervention_id) references intervention (municipality_id, id)
    );
    create index intervention_hours_intervention on intervention_hours (municipality_id, intervention_id);

    create table forum_budget (
      municipality_id uuid not null,
      id uuid not null,
      forum_team_id uuid not null,
      period_start date not null,
      period_end date not null,
      budget_dkk numeric(14, 2) not null check (budget_dkk >= 0),
      primary key (municipality_id, id),
      foreign key (municipality_id, forum_team_id) references team (municipality_id, id),
      check (period_end >= period_start)
    );

    create table visitation_request (
      municipality_id uuid not null,
      id uuid not null,
      intervention_id uuid not null,
      case_id uuid not null,
      citizen_id uuid not null,
      forum_team_id uuid not null,
      status text not null check (status in ('pending', 'approved', 'rejected')),
      cost_dkk numeric(14, 2) not null,
      authority_max_dkk numeric(14, 2),
      requested_by uuid not null,
      requested_at timestamptz not null,
      caseworker_reasoning text not null,
      decided_by uuid,
      decided_at timestamptz,
      decision_reasoning text,
      budget_id uuid,
      primary key (municipality_id, id),
      foreign key (municipality_id, intervention_id) references intervention (municipality_id, id),
      foreign key (municipality_id, case_id) references holistic_case (municipality_id, id),
      foreign key (municipality_id, citizen_id) references citizen (municipality_id, id),
      foreign key (municipality_id, forum_team_id) references team (municipality_id, id),
      foreign key (municipality_id, requested_by) references employee (municipality_id, id),
      foreign key (municipality_id, decided_by) references employee (municipality_id, id),
      foreign key (municipality_id, budget_id) references forum_budget (municipality_id, id),
      check ((status = 'pending') = (decided_at is null)),
      check (status <> 'approved' or budget_id is not null)
    );
    create index visitation_request_pending on visitation_request (municipality_id, citizen_id) where status = 'pending';
    create index visitation_request_budget on visitation_request (municipality_id, budget_id);

    create table rehabilitation_record (
      municipality_id uuid not null,
      id uuid not null,
      case_id uuid not null,
      kind text not null check (kind in ('rehabilitation_team', 'prerequisite_description')),
      concerns text not null,
      meeting_on date not null,
      recommendation text not null,
      health_coordinator_advice text,
      recorded_by uuid not null,
      recorded_at timestamptz not null,
      primary key (municipality_id, id),
      foreign key (municipality_id, case_id) references holistic_case (municipality_id, id),
      check (kind <> 'prerequisite_description' or health_coordinator_advice is not null)
    );
    create index rehabilitation_record_case on rehabilitation_record (municipality_id, case_id);

    -- One "agreed but not started" task per intervention, however many sweeps run at once.
    create unique index task_not_started_once on task (municipality_id, intervention_id) where kind = 'intervention_not_started';

    -- Outreach (C13): a citizen may be registered before their CPR number is known.
    alter table citizen alter column cpr drop not null;
    alter table citizen add column birth_date_approximate boolean not null default false;

    create table outreach_registration (
      municipality_id uuid not null,
      id uuid not null,
      citizen_id uuid not null,
      case_id uuid not null,
      site text not null,
      team_id uuid,
      needs jsonb not null,
      note text not null default '',
      contact_hint text,
      registered_by uuid not null,
      registered_at timestamptz not null,
      primary key (municipality_id, id),
      foreign key (municipality_id, citizen_id) references citizen (municipality_id, id),
      foreign key (municipality_id, case_id) references holistic_case (municipality_id, id),
      foreign key (municipality_id, team_id) references team (municipality_id, id)
    );
  `.execute(db);
  for (const t of ['catalogue_item', 'intervention_hours', 'forum_budget', 'visitation_request', 'rehabilitation_record', 'outreach_registration']) {
    await tenantTable(db, t);
  }
}
