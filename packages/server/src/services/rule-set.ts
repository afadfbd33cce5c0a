import { todayInCopenhagen, type RuleSet } from '@helhed/core';
import type { Tx } from '../db/transactions';
import { ruleSetContext } from '../screening/facts';

/** The rule set the municipality works under on the day of `now` (SPEC §5), inside its scoped transaction. */
export async function ruleSetFor(tx: Tx, now: Date): Promise<RuleSet> {
  return (await ruleSetContext(tx, todayInCopenhagen(now))).ruleSet;
}
