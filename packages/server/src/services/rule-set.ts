import { isRuleSetId, ruleSetInForce, todayInCopenhagen, type RuleSet } from '@helhed/core';
import type { Tx } from '../db/transactions';

/** The rule set the municipality works under on the day of `now` (SPEC §5). */
export async function ruleSetFor(tx: Tx, municipalityId: string, now: Date): Promise<RuleSet> {
  const rows = await tx.selectFrom('municipality_rule_set').selectAll().where('municipality_id', '=', municipalityId).execute();
  const selections = rows.flatMap((r) => (isRuleSetId(r.rule_set_id) ? [{ ruleSetId: r.rule_set_id, fromDate: r.from_date }] : []));
  return ruleSetInForce(selections, todayInCopenhagen(now));
}
