import { sql, type Kysely } from 'kysely';
import { tenantTable } from './tenant-security';

/**
 * Decisions and complaints (issue 5, SPEC C7, C8): the combined decision (or
 * one per sector law) with its elements, element-level supersession, and the
 * complaint with reassessment, forwarding to Ankestyrelsen and its result.
 * An issued decision and its elements can no longer change (trigger).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table decision (
      municipality_id uuid not null,
      id uuid not null,
      case_id uuid not null,
      status text not null check (status in ('draft', 'issued', 'discarded')),
      rule_set_id text not null,
      mode text not null check (mode in ('combined', 'per_sector')),
      sector_law text not null,
      title text not null,
      reasoning text not null default '',
      citizen_goals jsonb not null default '[]',
      outside_decision jsonb not null default '[]',
      origin text not null default 'new' check (origin in ('new', 'reassessment', 'appeal')),
      complaint_id uuid,
      decision_date date,
      channel text check (channel in ('digital_post', 'ordinary_post')),
      receipt_date date,
      complaint_deadline date,
      letter jsonb,
      issued_at timestamptz,
      issued_by uuid,
      created_at timestamptz not null,
      created_by uuid,
      version integer not null default 1,
      primary key (municipality_id, id),
      foreign key (municipality_id, case_id) references holistic_case (municipality_id, id),
      foreign key (municipality_id, issued_by) references employee (municipality_id, id),
      check (status <> 'issued' or (decision_date is not null and channel is not null and receipt_date is not null
                                    and complaint_deadline is not null and letter is not null and issued_at is not null))
    );
    create index decision_case on decision (municipality_id, case_id, created_at);

    create table decision_element (
      municipality_id uuid not null,
      id uuid not null,
      decision_id uuid not null,
      intervention_id uuid not null,
      position integer not null,
      title text not null,
      sector text not null,
      legal_basis text not null,
      reasoning text not null default '',
      appealable boolean not null,
      not_appealable_reason text,
      complaint_route text not null,
      rule_id text not null,
      supersedes_element_id uuid,
      primary key (municipality_id, id),
      unique (municipality_id, decision_id, intervention_id),
      foreign key (municipality_id, decision_id) references decision (municipality_id, id),
      foreign key (municipality_id, intervention_id) references intervention (municipality_id, id),
      foreign key (municipality_id, supersedes_element_id) references decision_element (municipality_id, id),
      check (appealable or not_appealable_reason is not null)
    );
    create index decision_element_intervention on decision_element (municipality_id, intervention_id);
    create index decision_element_supersedes on decision_element (municipality_id, supersedes_element_id) where supersedes_element_id is not null;

    create table complaint (
      municipality_id uuid not null,
      id uuid not null,
      case_id uuid not null,
      decision_id uuid not null,
      status text not null check (status in ('received', 'refused_late', 'changed', 'forwarded', 'closed')),
      scope text not null check (scope in ('whole', 'elements')),
      not_covered jsonb not null default '[]',
      channel text not null check (channel in ('letter', 'phone', 'portal', 'email')),
      received_on date not null,
      submitted_by_kind text not null check (submitted_by_kind in ('citizen', 'employee')),
      submitted_by_id uuid,
      text text not null,
      complaint_deadline date not null,
      days_late integer not null check (days_late >= 0),
      late_handling text check (late_handling in ('consider', 'refuse')),
      late_handling_reason text,
      reassessment_deadline date not null,
      reassessment_outcome text check (reassessment_outcome in ('change', 'uphold')),
      reassessment_reasoning text,
      reassessed_on date,
      new_decision_id uuid,
      forwarded_on date,
      appeal_result text check (appeal_result in ('stadfaestet', 'aendret', 'ophaevet', 'hjemvist')),
      appeal_result_on date,
      appeal_note text,
      appeal_task_id uuid,
      created_at timestamptz not null,
      version integer not null default 1,
      primary key (municipality_id, id),
      foreign key (municipality_id, case_id) references holistic_case (municipality_id, id),
      foreign key (municipality_id, decision_id) references decision (municipality_id, id),
      foreign key (municipality_id, new_decision_id) references decision (municipality_id, id),
      foreign key (municipality_id, appeal_task_id) references task (municipality_id, id)
    );
    create index complaint_case on complaint (municipality_id, case_id);
    create index complaint_open on complaint (municipality_id, reassessment_deadline) where status = 'received';

    create table complaint_element (
      municipality_id uuid not null,
      complaint_id uuid not null,
      element_id uuid not null,
      primary key (municipality_id, complaint_id, element_id),
      foreign key (municipality_id, complaint_id) references complaint (municipality_id, id),
      foreign key (municipality_id, element_id) references decision_element (municipality_id, id)
    );

    alter table decision add foreign key (municipality_id, complaint_id) references complaint (municipality_id, id);

    -- An issued decision is final: its row and its elements never change again.
    create function helhed_decision_final() returns trigger language plpgsql as $$
    begin
      if old.status = 'issued' then
        raise exception 'decision % is issued and cannot change', old.id using errcode = 'P0001';
      end if;
      return case when tg_op = 'DELETE' then old else new end;
    end $$;
    create trigger decision_final before update or delete on decision
      for each row execute function helhed_decision_final();

    create function helhed_decision_element_final() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from decision d where d.municipality_id = old.municipality_id and d.id = old.decision_id and d.status = 'issued') then
        raise exception 'element % belongs to an issued decision', old.id using errcode = 'P0001';
      end if;
      return case when tg_op = 'DELETE' then old else new end;
    end $$;
    create trigger decision_element_final before update or delete on decision_element
      for each row execute function helhed_decision_element_final();
  `.execute(db);
  for (const t of ['decision', 'decision_element', 'complaint', 'complaint_element']) await tenantTable(db, t);
}
