import { sql, type Kysely } from 'kysely';
import { APP_ROLE, tenantTable } from './tenant-security';

/**
 * The visitation forum's budget is the municipality's to set and change
 * (SPEC C6, C12), with its history:
 * - `forum_budget.version` counts the changes, so an edit made from a stale
 *   screen is refused instead of overwriting another's change;
 * - `forum_budget_change` holds every amount a period has had — the first one
 *   too — with who set it, when and why. Never changed or deleted.
 * The period row keeps its id (approvals point at it); the app role may only
 * change its amount and version, never its forum or dates, never delete it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table forum_budget add column version integer not null default 1 check (version > 0);

    create table forum_budget_change (
      municipality_id uuid not null,
      budget_id uuid not null,
      version integer not null check (version > 0),
      budget_dkk numeric(14, 2) not null check (budget_dkk >= 0),
      previous_dkk numeric(14, 2),
      reason text,
      changed_at timestamptz not null,
      changed_by uuid,
      primary key (municipality_id, budget_id, version),
      foreign key (municipality_id, budget_id) references forum_budget (municipality_id, id),
      foreign key (municipality_id, changed_by) references employee (municipality_id, id),
      check ((version = 1) = (previous_dkk is null))
    );

    -- Budgets from before this migration were set when the municipality was.
    insert into forum_budget_change (municipality_id, budget_id, version, budget_dkk, changed_at)
      select b.municipality_id, b.id, 1, b.budget_dkk, m.created_at from forum_budget b join municipality m on m.id = b.municipality_id;
  `.execute(db);
  await tenantTable(db, 'forum_budget_change');
  const app = sql.raw(APP_ROLE);
  await sql`revoke update, delete on forum_budget_change from ${app}`.execute(db);
  await sql`revoke update, delete on forum_budget from ${app}`.execute(db);
  await sql`grant update (budget_dkk, version) on forum_budget to ${app}`.execute(db);
}
