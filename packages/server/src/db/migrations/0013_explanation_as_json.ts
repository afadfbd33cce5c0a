import { sql, type Kysely } from 'kysely';

/**
 * A screening result's explanation is kept as `json` (the text as the
 * screening statement writes it) instead of `jsonb`. It is written in bulk —
 * tens of thousands of rows per run — and always read whole; converting
 * every one to jsonb's binary form cost more than checking the text. The
 * work queue, which drops the record copies from the rows it lists,
 * converts those few.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table screening_result alter column explanation type json using explanation::json`.execute(db);
}
