import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/database';
import { migrateToLatest } from '../../src/db/migrate';

/**
 * One database per test worker, shared by the worker's test files
 * (isolate: false): PGlite in memory by default, or a private schema on the
 * PostgreSQL server when DATABASE_URL is set. Tests isolate themselves by
 * loading their own municipality.
 */
let shared: Promise<Database> | null = null;
export const TEST_SCHEMA = `helhed_test_${process.env.HELHED_TEST_RUN ?? process.ppid}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;

export function testDatabase(): Promise<Database> {
  shared ??= (async () => {
    const database = await openDatabase({
      databaseUrl: process.env.DATABASE_URL || null,
      dataDir: 'memory://',
      dbSchema: TEST_SCHEMA,
    });
    await migrateToLatest(database.db);
    return database;
  })();
  return shared;
}

export const usingPostgres = () => Boolean(process.env.DATABASE_URL);

/** Drops a schema a test made on the PostgreSQL server (child processes' own schemas); nothing on PGlite. */
export async function dropPostgresSchema(schema: string): Promise<void> {
  if (!usingPostgres()) return;
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}

