import path from 'node:path';

/** Runtime configuration, read once from the environment (documented in README.md). */
export interface AppConfig {
  /** PostgreSQL server; when absent the embedded PGlite database is used. */
  databaseUrl: string | null;
  /** PGlite data directory (ignored when databaseUrl is set). */
  dataDir: string;
  /** Schema to use on PostgreSQL (tests use a private schema per worker). */
  dbSchema: string;
  port: number;
  host: string;
  production: boolean;
  publicUrl: string;
  /** Secret for signing cookies; required in production. */
  cookieSecret: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** Seed the demo municipality when the database has no municipality. */
  seedDemo: boolean;
  logLevel: string;
  /** Directory of the built web app to serve; null = do not serve. */
  webDist: string | null;
}

const DEV_COOKIE_SECRET = 'helhed-development-only-cookie-secret-change-me';

export function readConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const production = env.NODE_ENV === 'production';
  const cookieSecret = env.HELHED_COOKIE_SECRET ?? (production ? '' : DEV_COOKIE_SECRET);
  if (production && cookieSecret.length < 32) {
    throw new Error('HELHED_COOKIE_SECRET must be set to at least 32 characters in production');
  }
  return {
    databaseUrl: env.DATABASE_URL || null,
    dataDir: path.resolve(env.HELHED_DATA_DIR ?? 'data'),
    dbSchema: env.HELHED_DB_SCHEMA ?? 'public',
    port: intFrom(env.PORT, 3000),
    host: env.HOST ?? '127.0.0.1',
    production,
    publicUrl: (env.HELHED_PUBLIC_URL ?? 'http://localhost:3000').replace(/\/$/, ''),
    cookieSecret,
    sessionIdleMinutes: intFrom(env.HELHED_SESSION_IDLE_MINUTES, 30),
    sessionAbsoluteHours: intFrom(env.HELHED_SESSION_ABSOLUTE_HOURS, 8),
    seedDemo: env.HELHED_SEED_DEMO ? env.HELHED_SEED_DEMO !== 'false' : !production,
    logLevel: env.LOG_LEVEL ?? (production ? 'info' : 'info'),
    webDist: env.HELHED_WEB_DIST === '' ? null : path.resolve(env.HELHED_WEB_DIST ?? 'packages/web/dist'),
  };
}

function intFrom(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`Expected a positive integer, got '${value}'`);
  return n;
}
