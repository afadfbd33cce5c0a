import { decideAccess, DENIAL_DETAIL, getRuleSet, isRuleSetId, type Action, type RuleSet } from '@helhed/core';
import type { Access } from '../../access/access';
import { rolesOf } from '../../access/principal';
import type { Tx } from '../../db/transactions';
import { AccessDeniedError } from '../../errors';
import { ruleSetContext } from '../../screening/facts';

/** For bookkeeping without a citizen (catalogue, budgets, the forum's anonymous queue): the role must hold the action. */
export function requireRole(a: Access, action: Action): void {
  const decision = decideAccess({ roles: rolesOf(a.ctx.principal), action, relation: 'none' });
  if (!decision.allowed) throw new AccessDeniedError(decision.reason, DENIAL_DETAIL[decision.reason]);
}

/** The rule set the municipality works under on a date. */
export async function ruleSetOn(tx: Tx, onDate: string): Promise<RuleSet> {
  return (await ruleSetContext(tx, onDate)).ruleSet;
}

export function ruleSetOrNull(id: string | null): RuleSet | null {
  return id && isRuleSetId(id) ? getRuleSet(id) : null;
}

export const num = (x: string | number | null): number | null => (x === null ? null : Number(x));
