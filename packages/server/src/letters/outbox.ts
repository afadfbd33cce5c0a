/**
 * The letter outbox (SPEC C14, §7.2): a message is written in the same
 * transaction as its letter (nothing is lost if the process dies after the
 * decision commits), and a worker delivers it through a `LetterTransport`.
 *
 * Delivery, step by step, each step its own short transaction:
 *   1. claim: due rows → 'sending', attempts + 1, a lease (`locked_until`),
 *      taken with FOR UPDATE SKIP LOCKED so concurrent workers never take the
 *      same row;
 *   2. deliver through the transport — outside any transaction;
 *   3. record: 'delivered' (with an audit record: personal data left the
 *      municipality), or back to 'queued' with backoff, or 'failed_permanent'.
 * A worker killed between 2 and 3 leaves the row 'sending'; when its lease
 * runs out (at once on PGlite, where no other process can hold it) the row
 * is claimed again and delivered again — which the transport turns into a
 * no-op, as it is idempotent on the message UUID. So a letter is never lost
 * and never sent twice.
 *
 * The worker runs as the schema owner across municipalities (a system job);
 * requests never update outbox rows (the app role has no UPDATE on it).
 */
import { hostname } from 'node:os';
import { sql, type Kysely } from 'kysely';
import { afterFailedAttempt, DEFAULT_OUTBOX_POLICY, type OutboxPolicy } from '@helhed/core';
import { appendAudit } from '../audit/audit-log';
import type { DB } from '../db/schema';
import type { Tx } from '../db/transactions';
import { PermanentDeliveryError, type LetterTransport } from './transport';

export interface EnqueueInput {
  municipalityId: string;
  messageUuid: string;
  letterId: string;
  payload: string;
  now: Date;
}

/** Puts a message in the outbox, in the caller's transaction. */
export async function enqueueMessage(tx: Tx, input: EnqueueInput): Promise<void> {
  await tx
    .insertInto('outbox_message')
    .values({
      municipality_id: input.municipalityId,
      id: input.messageUuid,
      letter_id: input.letterId,
      format: 'memo-1.1',
      payload: input.payload,
      status: 'queued',
      attempts: 0,
      next_attempt_at: input.now,
      created_at: input.now,
      updated_at: input.now,
    })
    .execute();
}

interface Claimed {
  municipality_id: string;
  id: string;
  letter_id: string;
  format: 'memo-1.1';
  payload: string;
  attempts: number;
}

export interface OutboxRunOptions {
  now?: () => Date;
  policy?: OutboxPolicy;
  /** Rows claimed per transaction. */
  batchSize?: number;
  /** Identifies this worker in `locked_by` (host and process by default). */
  workerId?: string;
  /** Deliver only this municipality's messages (an operator's choice; tests). Default: all. */
  municipalityId?: string;
  /** Called after each message's outcome is recorded. */
  onOutcome?: (outcome: MessageOutcome) => void;
}

export type MessageOutcome =
  | { messageUuid: string; kind: 'delivered'; alreadyDelivered: boolean; attempts: number }
  | { messageUuid: string; kind: 'retry'; attempts: number; nextAttemptAt: Date; error: string }
  | { messageUuid: string; kind: 'failed_permanent'; attempts: number; error: string };

export interface OutboxRunSummary {
  claimed: number;
  delivered: number;
  retried: number;
  failed: number;
}

const defaultWorkerId = () => `${hostname()}:${process.pid}`;

/** Claims due messages: queued and due, or sending with a lease that ran out. */
export async function claimDue(db: Kysely<DB>, now: Date, policy: OutboxPolicy, batchSize: number, workerId: string, municipalityId?: string): Promise<Claimed[]> {
  const leaseUntil = new Date(now.getTime() + policy.leaseMs);
  const { rows } = await sql<Claimed>`
    update outbox_message o
    set status = 'sending', attempts = o.attempts + 1, locked_until = ${leaseUntil}, locked_by = ${workerId}, updated_at = ${now}
    from (
      select municipality_id, id from outbox_message
      where ((status = 'queued' and next_attempt_at <= ${now}) or (status = 'sending' and locked_until <= ${now}))
        and (${municipalityId ?? null}::uuid is null or municipality_id = ${municipalityId ?? null}::uuid)
      order by next_attempt_at, id
      limit ${batchSize}
      for update skip locked
    ) due
    where o.municipality_id = due.municipality_id and o.id = due.id
    returning o.municipality_id, o.id, o.letter_id, o.format, o.payload, o.attempts
  `.execute(db);
  return rows;
}

/**
 * One pass: claims and delivers every message due now (batch by batch) and
 * returns. A message that fails is scheduled later, so it is not taken again
 * in the same pass.
 */
export async function runOutboxOnce(db: Kysely<DB>, transport: LetterTransport, options: OutboxRunOptions = {}): Promise<OutboxRunSummary> {
  const now = options.now ?? (() => new Date());
  const policy = options.policy ?? DEFAULT_OUTBOX_POLICY;
  const workerId = options.workerId ?? defaultWorkerId();
  const summary: OutboxRunSummary = { claimed: 0, delivered: 0, retried: 0, failed: 0 };
  for (;;) {
    const claimed = await claimDue(db, now(), policy, options.batchSize ?? 20, workerId, options.municipalityId);
    if (claimed.length === 0) return summary;
    summary.claimed += claimed.length;
    for (const message of claimed) {
      const outcome = await deliverOne(db, transport, message, now, policy, workerId);
      summary[outcome.kind === 'delivered' ? 'delivered' : outcome.kind === 'retry' ? 'retried' : 'failed']++;
      options.onOutcome?.(outcome);
    }
  }
}

async function deliverOne(db: Kysely<DB>, transport: LetterTransport, m: Claimed, now: () => Date, policy: OutboxPolicy, workerId: string): Promise<MessageOutcome> {
  let receipt;
  try {
    receipt = await transport.deliver({ municipalityId: m.municipality_id, messageUuid: m.id, format: m.format, payload: m.payload });
  } catch (error) {
    const text = describe(error);
    const decision = afterFailedAttempt(m.attempts, policy, error instanceof PermanentDeliveryError);
    const at = now();
    if (decision.kind === 'give_up') {
      await db
        .updateTable('outbox_message')
        .set({ status: 'failed_permanent', last_error: text, locked_until: null, locked_by: null, updated_at: at })
        .where('municipality_id', '=', m.municipality_id)
        .where('id', '=', m.id)
        .where('status', '=', 'sending')
        .where('locked_by', '=', workerId)
        .execute();
      return { messageUuid: m.id, kind: 'failed_permanent', attempts: m.attempts, error: text };
    }
    const nextAttemptAt = new Date(at.getTime() + decision.delayMs);
    await db
      .updateTable('outbox_message')
      .set({ status: 'queued', last_error: text, next_attempt_at: nextAttemptAt, locked_until: null, locked_by: null, updated_at: at })
      .where('municipality_id', '=', m.municipality_id)
      .where('id', '=', m.id)
      .where('status', '=', 'sending')
      .where('locked_by', '=', workerId)
      .execute();
    return { messageUuid: m.id, kind: 'retry', attempts: m.attempts, nextAttemptAt, error: text };
  }
  const at = now();
  await db.transaction().execute(async (tx) => {
    // Delivered is delivered, whoever holds the claim now: no condition on the lease.
    const updated = await tx
      .updateTable('outbox_message')
      .set({ status: 'delivered', delivered_at: at, receipt: receipt.reference, last_error: null, locked_until: null, locked_by: null, updated_at: at })
      .where('municipality_id', '=', m.municipality_id)
      .where('id', '=', m.id)
      .where('status', '<>', 'delivered')
      .returning('letter_id')
      .executeTakeFirst();
    if (!updated) return;
    const letter = await tx.selectFrom('letter').select(['citizen_id']).where('municipality_id', '=', m.municipality_id).where('id', '=', m.letter_id).executeTakeFirstOrThrow();
    await appendAudit(tx, {
      municipalityId: m.municipality_id,
      occurredAt: at,
      actorKind: 'system',
      actorId: null,
      actorName: `Brevudsendelse (${transport.name})`,
      citizenId: letter.citizen_id,
      searchCriterion: null,
      action: 'letter.deliver',
      resourceType: 'letter',
      resourceId: m.letter_id,
      purpose: 'system',
      outcome: 'allowed',
      reason: null,
    });
  });
  return { messageUuid: m.id, kind: 'delivered', alreadyDelivered: receipt.alreadyDelivered, attempts: m.attempts };
}

/**
 * PGlite only: no other process can have the database open, so every
 * 'sending' claim was left by a process that is gone; make them due now.
 * (On PostgreSQL another worker may be alive; there the lease decides.)
 */
export async function releaseOrphanedClaims(db: Kysely<DB>, now: Date): Promise<number> {
  const r = await db
    .updateTable('outbox_message')
    .set({ locked_until: now, updated_at: now })
    .where('status', '=', 'sending')
    .where('locked_until', '>', now)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

function describe(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 1_000);
}

export interface OutboxWorker {
  /** Resolves when the current pass (if any) has finished. */
  stop(): Promise<void>;
  /** Runs a pass now (e.g. right after a letter was queued) instead of waiting for the interval. */
  wake(): void;
}

/**
 * The in-process worker `main.ts` starts: a pass every `intervalMs`, and on
 * `wake()`. Errors (e.g. the database briefly away) are logged and the next
 * pass tries again.
 */
export function startOutboxWorker(
  db: Kysely<DB>,
  transport: LetterTransport,
  options: OutboxRunOptions & { intervalMs?: number; log?: (error: unknown) => void } = {},
): OutboxWorker {
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  const pass = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = runOutboxOnce(db, transport, options)
      .then(() => undefined, (error) => options.log?.(error))
      .finally(() => {
        running = null;
        if (again && !stopped) {
          again = false;
          pass();
        }
      });
  };
  const timer = setInterval(pass, options.intervalMs ?? 5_000);
  timer.unref();
  pass();
  return {
    wake: pass,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
