/**
 * Retry arithmetic of the letter outbox (pure; the server's worker applies it).
 * Exponential backoff: after the n-th failed attempt the next try waits
 * base · 2^(n−1), capped at `maxDelayMs`; after `maxAttempts` failed attempts
 * the message is failed permanently and a person must look at it.
 */
export interface OutboxPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** How long a claim holds a message while it is being sent; a claim whose lease ran out is taken again. */
  leaseMs: number;
}

export const DEFAULT_OUTBOX_POLICY: OutboxPolicy = {
  maxAttempts: 8,
  baseDelayMs: 30_000, // 30 s, 1 min, 2 min, 4 min … (about 2 hours over 8 attempts)
  maxDelayMs: 60 * 60_000,
  leaseMs: 5 * 60_000,
};

export type RetryDecision = { kind: 'retry'; delayMs: number } | { kind: 'give_up' };

/** What to do after attempt number `attempts` (1-based, the one that just failed). */
export function afterFailedAttempt(attempts: number, policy: OutboxPolicy, permanent = false): RetryDecision {
  if (!Number.isInteger(attempts) || attempts < 1) throw new RangeError('Antal forsøg skal være et helt tal på mindst 1.');
  if (permanent || attempts >= policy.maxAttempts) return { kind: 'give_up' };
  return { kind: 'retry', delayMs: Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempts - 1)) };
}
