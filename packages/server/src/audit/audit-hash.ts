import { createHash } from 'node:crypto';

/** The chain starts from this hash in every municipality. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditFields {
  municipalityId: string;
  occurredAt: Date;
  actorKind: string;
  actorId: string | null;
  actorName: string;
  citizenId: string | null;
  searchCriterion: Record<string, unknown> | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  purpose: string;
  outcome: string;
  reason: string | null;
}

/**
 * The hashed text of a row without its position in the chain. Built from the
 * stored columns in a fixed order (objects with sorted keys, since jsonb does
 * not keep key order) so verification can rebuild it from what it reads.
 */
export function auditPayload(f: AuditFields): string {
  return JSON.stringify([
    f.municipalityId,
    f.occurredAt.toISOString(),
    f.actorKind,
    f.actorId,
    f.actorName,
    f.citizenId,
    canonical(f.searchCriterion),
    f.action,
    f.resourceType,
    f.resourceId,
    f.purpose,
    f.outcome,
    f.reason,
  ]);
}

/** Must equal the SQL in audit-log.ts: sha256(prev_hash || '|' || seq || '|' || payload). */
export function chainHash(prevHash: string, seq: number, payload: string): string {
  return createHash('sha256').update(`${prevHash}|${seq}|${payload}`, 'utf8').digest('hex');
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}
