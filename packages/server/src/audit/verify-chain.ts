import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { auditPayload, chainHash, GENESIS_HASH } from './audit-hash';

export interface ChainProblem {
  municipalityId: string;
  seq: number;
  problem: 'altered' | 'missing' | 'broken_link' | 'head_mismatch';
}

export interface ChainReport {
  municipalities: number;
  records: number;
  problems: ChainProblem[];
}

const PAGE = 5000;

/**
 * Walks every municipality's chain in sequence order. Finds an altered row
 * (its hash no longer matches its content), a missing row (a gap in the
 * sequence or a broken link) and a removed tail (the head points past the
 * last row). Reads as the owner: the audit log is the one thing it reads.
 */
export async function verifyAuditChains(db: Kysely<DB>): Promise<ChainReport> {
  const heads = await db.selectFrom('audit_chain_head').selectAll().orderBy('municipality_id').execute();
  const report: ChainReport = { municipalities: heads.length, records: 0, problems: [] };
  for (const head of heads) {
    const m = head.municipality_id;
    let expectedSeq = 1;
    let prevHash = GENESIS_HASH;
    let lastSeq = 0;
    for (;;) {
      const rows = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('municipality_id', '=', m)
        .where('seq', '>=', expectedSeq)
        .orderBy('seq')
        .limit(PAGE)
        .execute();
      for (const row of rows) {
        const seq = Number(row.seq);
        if (seq !== expectedSeq) report.problems.push({ municipalityId: m, seq: expectedSeq, problem: 'missing' });
        if (row.prev_hash !== prevHash) report.problems.push({ municipalityId: m, seq, problem: 'broken_link' });
        const payload = auditPayload({
          municipalityId: row.municipality_id,
          occurredAt: row.occurred_at,
          actorKind: row.actor_kind,
          actorId: row.actor_id,
          actorName: row.actor_name,
          citizenId: row.citizen_id,
          searchCriterion: row.search_criterion,
          action: row.action,
          resourceType: row.resource_type,
          resourceId: row.resource_id,
          purpose: row.purpose,
          outcome: row.outcome,
          reason: row.reason,
        });
        if (chainHash(row.prev_hash, seq, payload) !== row.hash) {
          report.problems.push({ municipalityId: m, seq, problem: 'altered' });
        }
        prevHash = row.hash;
        expectedSeq = seq + 1;
        lastSeq = seq;
        report.records++;
      }
      if (rows.length < PAGE) break;
    }
    if (Number(head.last_seq) !== lastSeq || (lastSeq > 0 && head.last_hash !== prevHash)) {
      report.problems.push({ municipalityId: m, seq: Number(head.last_seq), problem: 'head_mismatch' });
    }
  }
  return report;
}
