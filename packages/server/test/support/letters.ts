import { randomUUID } from 'node:crypto';
import { sampleDecisionLetter, type DecisionLetter } from '@helhed/core';
import type { Kysely } from 'kysely';
import type { Access } from '../../src/access/access';
import { AccessGateway } from '../../src/access/gateway';
import type { DB } from '../../src/db/schema';
import { loadEmployee } from '../../src/identity/principals';
import { queueDecisionLetter, type QueuedLetter } from '../../src/services/letters';

/** The sample (Lotte-like) letter addressed to a real citizen and case, with a new letter id. */
export function letterFor(citizenId: string, caseId: string, overrides: Partial<DecisionLetter> = {}): DecisionLetter {
  const base = sampleDecisionLetter();
  return sampleDecisionLetter({ letterId: randomUUID(), decisionId: randomUUID(), caseId, recipient: { ...base.recipient, citizenId }, ...overrides });
}

/** An employee's access, as the decision side has it inside a request. */
export async function employeeAccess(db: Kysely<DB>, municipalityId: string, employeeId: string, now: () => Date = () => new Date()): Promise<Access> {
  const principal = await loadEmployee(db, municipalityId, employeeId);
  if (!principal) throw new Error(`no employee ${employeeId}`);
  return { gateway: new AccessGateway(db), ctx: { principal, purpose: 'case_handling', breakGlassReason: null, now } };
}

/** What the decision side does: queue the letter inside its own gateway.run on the case. */
export function issueLetter(a: Access, letter: DecisionLetter): Promise<QueuedLetter> {
  return a.gateway.run(a.ctx, { action: 'case.update', subject: { caseId: letter.caseId }, resourceType: 'decision', resourceId: letter.decisionId }, (g) =>
    queueDecisionLetter(g.tx, a.ctx, letter),
  );
}
