import { sql, type Kysely } from 'kysely';
import { APP_ROLE } from './tenant-security';

/**
 * Screening results built by the screening statement itself (issue 3):
 * - the one-line summary is derived on read from the stored explanation (core
 *   `storedResult`), so new rows carry none; older rows keep theirs;
 * - a citizen's current status is their latest result, so the status table
 *   becomes a view over the history (one table written per run, not two);
 *   the place in the work queue (`candidate_since`) moves into the result row.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table screening_result alter column summary drop not null`.execute(db);
  await sql`alter table screening_result add column candidate_since timestamptz`.execute(db);
  await sql`
    update screening_result r set candidate_since = s.candidate_since
    from target_group_status s
    where s.municipality_id = r.municipality_id and s.result_id = r.id
  `.execute(db);
  await sql`drop table target_group_status`.execute(db);
  // security_invoker: the view is read with the reader's rights, so row-level security
  // on screening_result applies to the app role as everywhere else.
  await sql`
    create view target_group_status with (security_invoker = true) as
    select distinct on (r.municipality_id, r.citizen_id)
      r.municipality_id, r.citizen_id, r.id as result_id, r.classification, r.rule_set_id, r.fingerprint, r.candidate_since
    from screening_result r
    order by r.municipality_id, r.citizen_id, r.evaluated_at desc, r.seq desc
  `.execute(db);
  await sql`grant select on target_group_status to ${sql.raw(APP_ROLE)}`.execute(db);
}
