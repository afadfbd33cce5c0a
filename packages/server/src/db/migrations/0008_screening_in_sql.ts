import { sql, type Kysely } from 'kysely';

/**
 * Screening results built by the screening statement itself (issue 3): the
 * one-line summary is derived on read from the stored explanation (core
 * `storedResult`), so new rows carry none; older rows keep theirs.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table screening_result alter column summary drop not null`.execute(db);
}
