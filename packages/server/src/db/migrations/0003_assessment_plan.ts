import { sql, type Kysely } from 'kysely';
import { APP_ROLE, tenantTable } from './tenant-security';

/**
 * Issue 4, the coordinating caseworker's work: one assessment per case over
 * the FFB life domains with the caseworker's confirmations of sector records,
 * one plan per case with immutable version snapshots, the current goals with
 * their next follow-up (for "due follow-ups" in one indexed query), the
 * follow-up entries, and parent/child relations for the family plan.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table assessment (
      municipality_id uuid not null,
      id uuid not null,
      case_id uuid not null,
      status text not null check (status in ('in_progress', 'completed')),
      citizen_goals text not null default '',
      domains jsonb not null default '[]',
      version integer not null,
      started_at timestamptz not null,
      completed_at timestamptz,
      updated_at timestamptz not null,
      updated_by_id uuid,
      updated_by_name text not null,
      primary key (municipality_id, id),
      unique (municipality_id, case_id),
      foreign key (municipality_id, case_id) references holistic_case (municipality_id, id)
    );

    create table sector_record_confirmation (
      municipality_id uuid not null,
      case_id uuid not null,
      sector_record_id uuid not null,
      confirmed_at timestamptz not null,
      confirmed_by_id uuid,
      confirmed_by_name text not null,
      note text,
      primary key (municipality_id, case_id, sector_record_id),
      foreign key (municipality_id, case_id) references holistic_case (municipality_id, id),
      foreign key (municipality_id, sector_record_id) references sector_record (municipality_id, id)
    );

    create table plan (
      municipality_id uuid not null,
      id uuid not null,
      case_id uuid not null,
      version integer not null,
      rule_set_id text not null,
      content jsonb not null,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      primary key (municipality_id, id),
      unique (municipality_id, case_id),
      foreign key (municipality_id, case_id) references holistic_case (municipality_id, id)
    );

    -- Every change of the plan: an immutable snapshot with who, when and why.
    create table plan_version (
      municipality_id uuid not null,
      plan_id uuid not null,
      version integer not null,
      content jsonb not null,
      reason text not null check (length(btrim(reason)) > 0),
      rule_set_id text not null,
      changed_at timestamptz not null,
      changed_by_kind text not null,
      changed_by_id uuid,
      changed_by_name text not null,
      primary key (municipality_id, plan_id, version),
      foreign key (municipality_id, plan_id) references plan (municipality_id, id)
    );

    -- The current version's goals, kept in step with it, with their follow-up state.
    create table plan_goal (
      municipality_id uuid not null,
      plan_id uuid not null,
      goal_id uuid not null,
      case_id uuid not null,
      title text not null,
      overall boolean not null,
      next_follow_up_on date,
      progression integer,
      primary key (municipality_id, plan_id, goal_id),
      foreign key (municipality_id, plan_id) references plan (municipality_id, id),
      foreign key (municipality_id, case_id) references holistic_case (municipality_id, id)
    );
    create index plan_goal_due on plan_goal (municipality_id, next_follow_up_on) where next_follow_up_on is not null;
    create index plan_goal_case on plan_goal (municipality_id, case_id);

    create table plan_follow_up (
      municipality_id uuid not null,
      id uuid not null,
      plan_id uuid not null,
      case_id uuid not null,
      goal_id uuid not null,
      recorded_on date not null,
      progression integer not null check (progression between 1 and 10),
      result text not null check (result in ('continue', 'adjust_within_frame', 'end', 'revisitation')),
      note text not null default '',
      next_follow_up_on date,
      recorded_at timestamptz not null,
      recorded_by_kind text not null,
      recorded_by_id uuid,
      recorded_by_name text not null,
      seq bigint generated always as identity,
      primary key (municipality_id, id),
      foreign key (municipality_id, plan_id) references plan (municipality_id, id)
    );
    create index plan_follow_up_goal on plan_follow_up (municipality_id, plan_id, goal_id, recorded_on, seq);

    -- Parents and children (children may be under 18 and have no case); a
    -- parent may live in another household (Sanne and David).
    create table family_relation (
      municipality_id uuid not null,
      parent_citizen_id uuid not null,
      child_citizen_id uuid not null,
      same_household boolean not null,
      created_at timestamptz not null,
      primary key (municipality_id, parent_citizen_id, child_citizen_id),
      foreign key (municipality_id, parent_citizen_id) references citizen (municipality_id, id),
      foreign key (municipality_id, child_citizen_id) references citizen (municipality_id, id),
      check (parent_citizen_id <> child_citizen_id)
    );
    create index family_relation_child on family_relation (municipality_id, child_citizen_id);

    create trigger plan_version_append_only before update or delete on plan_version
      for each row execute function helhed_refuse_change();
    create trigger plan_follow_up_append_only before update or delete on plan_follow_up
      for each row execute function helhed_refuse_change();

    -- A family-plan obligation is raised once per case.
    create unique index task_family_obligation_once on task (municipality_id, case_id) where kind = 'family_plan_obligation';
  `.execute(db);
  for (const t of ['assessment', 'sector_record_confirmation', 'plan', 'plan_version', 'plan_goal', 'plan_follow_up', 'family_relation']) {
    await tenantTable(db, t);
  }
  await sql`revoke update, delete on plan_version, plan_follow_up from ${sql.raw(APP_ROLE)}`.execute(db);
}
