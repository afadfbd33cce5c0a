import { sql } from 'kysely';
import { testDatabase } from './database';

/** Row count and content hash of every tenant table for one municipality, plus its audit chain length. */
export interface Snapshot {
  auditLastSeq: number;
  tables: Record<string, { rows: number; hash: string }>;
}

let tenantTables: string[] | null = null;

/**
 * A fingerprint of everything a municipality holds, read as the owner: tests
 * of bad input compare it before and after to show nothing was written.
 * The tables are found from the schema, so a new tenant table is covered too.
 */
export async function snapshot(municipalityId: string): Promise<Snapshot> {
  const { db } = await testDatabase();
  const parts = (await tenantTableNames()).map(
    (t) => sql`select ${t}::text as name, count(*)::int as rows,
      ${t === 'session' ? sql`''` : sql`coalesce(md5(string_agg(x::text, '|' order by x::text)), '')`} as hash
      from ${sql.table(t)} x where municipality_id = ${municipalityId}`,
  );
  const { rows } = await sql<{ name: string; rows: number; hash: string }>`${sql.join(parts, sql` union all `)}`.execute(db);
  const head = await db.selectFrom('audit_chain_head').select('last_seq').where('municipality_id', '=', municipalityId).executeTakeFirstOrThrow();
  return {
    auditLastSeq: Number(head.last_seq),
    tables: Object.fromEntries(rows.map((r) => [r.name, { rows: Number(r.rows), hash: r.hash }])),
  };
}

/** Every table with a municipality_id column in the test schema. */
export async function tenantTableNames(): Promise<readonly string[]> {
  const { db } = await testDatabase();
  tenantTables ??= (
    await sql<{ table_name: string }>`
      select distinct table_name from information_schema.columns
      where table_schema = current_schema() and column_name = 'municipality_id'
      order by table_name
    `.execute(db)
  ).rows.map((r) => r.table_name);
  return tenantTables;
}

/** Every tenant table but the audit trail: refused attempts are audited by design, and nothing else may change. */
export async function tenantDataWithoutAudit(municipalityId: string) {
  const { tables } = await snapshot(municipalityId);
  const { audit_log: _log, audit_chain_head: _head, ...rest } = tables;
  return rest;
}
