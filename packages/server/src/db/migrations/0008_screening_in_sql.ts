import { sql, type Kysely } from 'kysely';

/**
 * Screening results built by the screening statement itself (issue 3): the
 * one-line summary is derived on read from the stored explanation (core
 * `storedResult`), so new rows carry none; older rows keep theirs. An index
 * for the status's reference to its result.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table screening_result alter column summary drop not null`.execute(db);
  // The status points at its latest result: deleting results (retention, a rerun) checks
  // the reference, which without this index is a scan of the status table per row.
  await sql`create index if not exists target_group_status_result on target_group_status (municipality_id, result_id)`.execute(db);
}
