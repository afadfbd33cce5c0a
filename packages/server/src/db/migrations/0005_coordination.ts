import { sql, type Kysely } from 'kysely';
import { tenantTable } from './tenant-security';

/**
 * Coordination (issue 4 item 4, issue 6 item 2): partners and the citizen's
 * network, the calendar per citizen and family, new-information signals that
 * raise plan-change tasks, messages between citizen and caseworker, and the
 * coherent-course survey.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    -- The municipality's partner register: companies and civil-society organisations.
    create table partner (
      municipality_id uuid not null references municipality (id),
      id uuid not null,
      kind text not null check (kind in ('company', 'civil_society')),
      name text not null,
      cvr text,
      contact_name text,
      phone text,
      email text,
      address text,
      area text,
      description text not null default '',
      active boolean not null default true,
      created_at timestamptz not null,
      primary key (municipality_id, id)
    );
    create unique index partner_cvr on partner (municipality_id, cvr) where cvr is not null;

    -- The citizen's own network (family, friends, neighbours) as they name it.
    create table network_person (
      municipality_id uuid not null,
      id uuid not null,
      citizen_id uuid not null,
      name text not null,
      relation text not null,
      phone text,
      email text,
      note text not null default '',
      created_at timestamptz not null,
      primary key (municipality_id, id),
      foreign key (municipality_id, citizen_id) references citizen (municipality_id, id)
    );
    create index network_person_citizen on network_person (municipality_id, citizen_id);

    alter table intervention add column partner_id uuid;
    alter table intervention add constraint intervention_partner
      foreign key (municipality_id, partner_id) references partner (municipality_id, id);

    -- Appointments and sessions; a series repeats in Copenhagen wall-clock time.
    create table calendar_entry (
      municipality_id uuid not null,
      id uuid not null,
      case_id uuid not null,
      citizen_id uuid not null,
      intervention_id uuid,
      title text not null,
      kind text not null,
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      place_name text,
      area text,
      latitude double precision,
      longitude double precision,
      carrier_employee_id uuid,
      carrier_partner_id uuid,
      carrier_network_person_id uuid,
      carrier_text text,
      recurrence text check (recurrence in ('weekly', 'biweekly')),
      recurrence_until date,
      cancelled boolean not null default false,
      created_at timestamptz not null,
      created_by uuid,
      version integer not null default 1,
      primary key (municipality_id, id),
      check (ends_at > starts_at),
      check ((recurrence is null) = (recurrence_until is null)),
      foreign key (municipality_id, case_id) references holistic_case (municipality_id, id),
      foreign key (municipality_id, citizen_id) references citizen (municipality_id, id),
      foreign key (municipality_id, intervention_id) references intervention (municipality_id, id),
      foreign key (municipality_id, carrier_employee_id) references employee (municipality_id, id),
      foreign key (municipality_id, carrier_partner_id) references partner (municipality_id, id),
      foreign key (municipality_id, carrier_network_person_id) references network_person (municipality_id, id)
    );
    -- A window read: the citizen's entries that start before the window ends and may still recur in it.
    create index calendar_entry_citizen on calendar_entry (municipality_id, citizen_id, starts_at);

    -- New information that may need a plan change; each raised one task.
    -- An imported record raises one per version (source system, external id, content hash).
    create table new_information (
      municipality_id uuid not null,
      id uuid not null,
      case_id uuid not null,
      task_id uuid not null,
      source text not null check (source in ('import', 'manual')),
      sector_record_id uuid,
      content_hash text,
      record_kind text,
      sector text,
      title text not null,
      created_at timestamptz not null,
      created_by uuid,
      primary key (municipality_id, id),
      foreign key (municipality_id, case_id) references holistic_case (municipality_id, id),
      foreign key (municipality_id, task_id) references task (municipality_id, id),
      foreign key (municipality_id, sector_record_id) references sector_record (municipality_id, id)
    );
    create unique index new_information_record_version on new_information (municipality_id, sector_record_id, content_hash)
      where sector_record_id is not null;
    create index new_information_case on new_information (municipality_id, case_id);

    create table message_thread (
      municipality_id uuid not null,
      id uuid not null,
      case_id uuid not null,
      subject text not null,
      created_at timestamptz not null,
      last_message_at timestamptz not null,
      primary key (municipality_id, id),
      foreign key (municipality_id, case_id) references holistic_case (municipality_id, id)
    );
    create index message_thread_case on message_thread (municipality_id, case_id, last_message_at desc);

    -- read_at: when the other side (the citizen, or anyone of the coordinating team) first read it.
    create table message (
      municipality_id uuid not null,
      id uuid not null,
      thread_id uuid not null,
      author_kind text not null check (author_kind in ('citizen', 'employee')),
      author_id uuid not null,
      author_name text not null,
      body text not null check (length(body) <= 5000),
      sent_at timestamptz not null,
      seq bigint generated always as identity,
      read_at timestamptz,
      primary key (municipality_id, id),
      foreign key (municipality_id, thread_id) references message_thread (municipality_id, id)
    );
    create index message_thread_order on message (municipality_id, thread_id, sent_at, seq);
    create index message_unread on message (municipality_id, thread_id, author_kind) where read_at is null;

    create table survey_response (
      municipality_id uuid not null,
      id uuid not null,
      case_id uuid not null,
      period text not null,
      answer text not null check (answer in ('yes_high', 'yes_some', 'no_little', 'no_not_at_all', 'dont_know')),
      comment text,
      answered_on date not null,
      answered_at timestamptz not null,
      primary key (municipality_id, id),
      unique (municipality_id, case_id, period),
      foreign key (municipality_id, case_id) references holistic_case (municipality_id, id)
    );
    create index survey_response_period on survey_response (municipality_id, period);
  `.execute(db);
  for (const t of ['partner', 'network_person', 'calendar_entry', 'new_information', 'message_thread', 'message', 'survey_response']) {
    await tenantTable(db, t);
  }
}
