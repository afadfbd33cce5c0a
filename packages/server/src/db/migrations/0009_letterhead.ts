import { sql, type Kysely } from 'kysely';

/**
 * The municipality's letterhead (issue: decisions → letters): the address
 * lines, phone and website printed at the top of every decision letter.
 * The municipality row is the tenant itself, so these are columns on it.
 * Empty until the municipality fills them in; a decision letter refuses to
 * be made without them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table municipality add column letter_address_lines jsonb not null default '[]'::jsonb`.execute(db);
  await sql`alter table municipality add column letter_phone text`.execute(db);
  await sql`alter table municipality add column letter_web text`.execute(db);
}
