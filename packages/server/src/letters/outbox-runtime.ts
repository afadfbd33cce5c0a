import path from 'node:path';
import { DEFAULT_OUTBOX_POLICY, type OutboxPolicy } from '@helhed/core';
import type { Database } from '../db/database';
import { releaseOrphanedClaims, startOutboxWorker, type OutboxWorker } from './outbox';
import { FileDropTransport, type LetterTransport } from './transport';

/** Outbox settings from the environment (documented in README.md by the lead). */
export interface OutboxConfig {
  /** Directory the file-drop transport writes `<messageUUID>.xml` into. */
  directory: string;
  intervalMs: number;
  policy: OutboxPolicy;
  /** false = do not start the in-process worker (e.g. a separate `npm run outbox` process delivers). */
  enabled: boolean;
}

export function readOutboxConfig(env: NodeJS.ProcessEnv = process.env): OutboxConfig {
  const positive = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got '${raw}'`);
    return n;
  };
  return {
    directory: path.resolve(env.HELHED_OUTBOX_DIR ?? path.join(env.HELHED_DATA_DIR ?? 'data', 'outbox')),
    intervalMs: positive('HELHED_OUTBOX_INTERVAL_SECONDS', 5) * 1000,
    enabled: env.HELHED_OUTBOX_WORKER !== 'false',
    policy: {
      ...DEFAULT_OUTBOX_POLICY,
      maxAttempts: Math.floor(positive('HELHED_OUTBOX_MAX_ATTEMPTS', DEFAULT_OUTBOX_POLICY.maxAttempts)),
      leaseMs: positive('HELHED_OUTBOX_LEASE_SECONDS', DEFAULT_OUTBOX_POLICY.leaseMs / 1000) * 1000,
    },
  };
}

/** The transport in use. Only the file drop exists; the Digital Post transport is an interface (transport.ts). */
export function transportFor(config: OutboxConfig): FileDropTransport {
  return new FileDropTransport(config.directory);
}

/**
 * Start-up for the process that delivers: sweep temporary files a killed
 * process left, on PGlite release claims a dead process left (no other process
 * can hold the database), then start the worker loop.
 */
export async function startLetterOutbox(
  database: Database,
  log: { info: (obj: object, msg: string) => void; error: (obj: object, msg: string) => void },
  config: OutboxConfig = readOutboxConfig(),
  transport: LetterTransport & { sweepTemporaryFiles?: () => Promise<number> } = transportFor(config),
): Promise<OutboxWorker | null> {
  if (!config.enabled) return null;
  const swept = (await transport.sweepTemporaryFiles?.()) ?? 0;
  const released = database.kind === 'pglite' ? await releaseOrphanedClaims(database.db, new Date()) : 0;
  log.info({ transport: transport.name, directory: config.directory, swept, released }, 'letter outbox started');
  return startOutboxWorker(database.db, transport, {
    policy: config.policy,
    intervalMs: config.intervalMs,
    log: (error) => log.error({ err: error }, 'letter outbox pass failed'),
    onOutcome: (o) => (o.kind === 'delivered' ? log.info({ message: o.messageUuid, attempts: o.attempts, alreadyDelivered: o.alreadyDelivered }, 'letter delivered') : log.error({ message: o.messageUuid, outcome: o.kind, attempts: o.attempts, error: o.error }, 'letter not delivered')),
  });
}
