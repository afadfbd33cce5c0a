import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { AppConfig } from '../config';
import { PGliteDialect } from './pglite-dialect';
import { PreparingClient } from './prepared-client';
import type { DB } from './schema';

export type EngineKind = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  kind: EngineKind;
  close(): Promise<void>;
}

const OID = { int8: 20, date: 1082, numeric: 1700 } as const;

/**
 * Both engines hand back the same JS types: calendar dates stay 'YYYY-MM-DD'
 * strings (a Date would shift them by the server's time zone), bigint
 * sequence numbers become numbers (safe below 2^53), numerics strings.
 */
const parseAsString = (value: string) => value;
const parseAsNumber = (value: string) => Number(value);

export async function openDatabase(config: Pick<AppConfig, 'databaseUrl' | 'dataDir' | 'dbSchema'>): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl, config.dbSchema);
  return openPGlite(config.dataDir);
}

async function openPGlite(dataDir: string): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) await mkdir(dataDir, { recursive: true });
  const client = new PGlite({
    dataDir: inMemory ? undefined : dataDir,
    parsers: { [OID.date]: parseAsString, [OID.int8]: parseAsNumber, [OID.numeric]: parseAsString },
  });
  await client.waitReady;
  const db = new Kysely<DB>({ dialect: new PGliteDialect(client) });
  return { db, kind: 'pglite', close: () => db.destroy() };
}

async function openPostgres(url: string, schema: string): Promise<Database> {
  const types = {
    getTypeParser(oid: number, format?: any) {
      if (oid === OID.date) return parseAsString;
      if (oid === OID.int8) return parseAsNumber;
      return pg.types.getTypeParser(oid, format);
    },
  };
  if (schema !== 'public') {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`create schema if not exists "${schema.replace(/"/g, '')}"`);
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    Client: PreparingClient,
    connectionString: url,
    types,
    max: Number(process.env.HELHED_DB_POOL_SIZE ?? 10),
    // Connections are kept, not closed after 10 s idle: a new one costs a backend start, its
    // catalog caches and the prepared statements again, tens of milliseconds for the request
    // that happens to need it after a quiet moment.
    idleTimeoutMillis: 0,
    options: `-c search_path="${schema.replace(/"/g, '')}"`,
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', close: () => db.destroy() };
}
