import { sql } from 'kysely';
import type { Tx } from '../db/transactions';
import { auditPayload, GENESIS_HASH, type AuditFields } from './audit-hash';

/**
 * Appends one record to the municipality's hash chain in the caller's
 * transaction. One statement: it locks the chain head, so records of one
 * municipality are chained in commit order, and it computes the hash in SQL
 * from the previous hash so no second round trip is needed.
 */
export async function appendAudit(tx: Tx, fields: AuditFields): Promise<void> {
  const payload = auditPayload(fields);
  const result = await sql`
    with head as (
      select last_seq, last_hash from audit_chain_head
      where municipality_id = ${fields.municipalityId}
      for update
    ),
    appended as (
      insert into audit_log (
        municipality_id, seq, occurred_at, actor_kind, actor_id, actor_name, citizen_id,
        search_criterion, action, resource_type, resource_id, purpose, outcome, reason, prev_hash, hash
      )
      select ${fields.municipalityId}, head.last_seq + 1, ${fields.occurredAt}, ${fields.actorKind}, ${fields.actorId},
        ${fields.actorName}, ${fields.citizenId}, ${fields.searchCriterion ? JSON.stringify(fields.searchCriterion) : null}::jsonb,
        ${fields.action}, ${fields.resourceType}, ${fields.resourceId}, ${fields.purpose}, ${fields.outcome}, ${fields.reason},
        head.last_hash,
        encode(sha256(convert_to(head.last_hash || '|' || (head.last_seq + 1)::text || '|' || ${payload}, 'UTF8')), 'hex')
      from head
      returning seq, hash
    )
    update audit_chain_head set last_seq = appended.seq, last_hash = appended.hash
    from appended
    where audit_chain_head.municipality_id = ${fields.municipalityId}
  `.execute(tx);
  if (Number(result.numAffectedRows ?? 0) !== 1) {
    throw new Error(`audit chain head missing for municipality ${fields.municipalityId}`);
  }
}

/** Starts a municipality's chain; called when the municipality is created. */
export async function startAuditChain(tx: Tx, municipalityId: string): Promise<void> {
  await tx
    .insertInto('audit_chain_head')
    .values({ municipality_id: municipalityId, last_seq: 0, last_hash: GENESIS_HASH })
    .onConflict((oc) => oc.doNothing())
    .execute();
}
