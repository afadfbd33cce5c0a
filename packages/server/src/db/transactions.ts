import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from './schema';
import { APP_ROLE } from './migrations/tenant-security';

export type Tx = Transaction<DB>;

/**
 * A transaction confined to one municipality: it runs as the app role, so
 * row-level security admits only that municipality's rows, whatever a query
 * forgets. Only the access gateway and system jobs call this.
 */
export function inMunicipality<T>(db: Kysely<DB>, municipalityId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await sql`select set_config('role', ${APP_ROLE}, true), set_config('helhed.municipality_id', ${municipalityId}, true)`.execute(tx);
    return work(tx);
  });
}

/** A transaction as the schema owner, outside row-level security: migrations, seeding, login, audit verification. */
export function asSystem<T>(db: Kysely<DB>, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(work);
}
