import { sql, type Kysely } from 'kysely';
import { tenantPredicate } from './tenant-security';

/**
 * Every tenant table's row-level security policy gets the predicate that
 * reads the municipality setting once per statement instead of once per row
 * (see `tenantPredicate`). Same rows admitted, same checks on writes; the
 * column each policy compares is kept.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const { rows } = await sql<{ table: string; qual: string }>`
    select tablename as table, qual from pg_policies
    where schemaname = current_schema() and policyname = 'tenant_isolation'
  `.execute(db);
  for (const { table, qual } of rows) {
    const column = /^\(?"?([a-z_]+)"? = /.exec(qual)?.[1];
    if (!column) throw new Error(`tenant policy on ${table} not understood: ${qual}`);
    await sql`alter policy tenant_isolation on ${sql.table(table)} using (${tenantPredicate(column)}) with check (${tenantPredicate(column)})`.execute(db);
  }
}
