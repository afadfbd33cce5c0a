import { sql, type Kysely } from 'kysely';
import { APP_ROLE, tenantTable } from './tenant-security';

/**
 * The municipality's secret keys for pseudonyms (SPEC C11: the export for the
 * national evaluation). A pseudonym is a keyed HMAC of the citizen id, so it
 * is stable across exports and cannot be linked across municipalities or
 * reversed without the key. The key never leaves the server: no endpoint
 * returns it, and the app role may read and add keys but never change or
 * delete one (a changed key would break every earlier export's pseudonyms).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table pseudonym_key (
      municipality_id uuid not null references municipality (id),
      purpose text not null,
      secret bytea not null check (octet_length(secret) >= 32),
      created_at timestamptz not null,
      primary key (municipality_id, purpose)
    )
  `.execute(db);
  await tenantTable(db, 'pseudonym_key');
  await sql`revoke update, delete on pseudonym_key from ${sql.raw(APP_ROLE)}`.execute(db);
}
