import { compareDates, type LocalDate } from '../local-date';
import { BESKAEFTIGELSESREFORM_2027 } from './beskaeftigelsesreform-2027';
import { HOVEDLOV_2022 } from './hovedlov-2022';
import { PLAN_2018 } from './plan-2018';
import type { RuleSet, RuleSetId, RuleSetSelection } from './types';

export const RULE_SETS: Readonly<Record<RuleSetId, RuleSet>> = {
  'plan-2018': PLAN_2018,
  'hovedlov-2022': HOVEDLOV_2022,
  'beskaeftigelsesreform-2027': BESKAEFTIGELSESREFORM_2027,
};

/** What every municipality works under until it selects otherwise: the law in force. */
export const DEFAULT_RULE_SET_ID: RuleSetId = 'plan-2018';

export function isRuleSetId(value: unknown): value is RuleSetId {
  return typeof value === 'string' && Object.hasOwn(RULE_SETS, value);
}

export function getRuleSet(id: RuleSetId): RuleSet {
  // Ids arrive from the database and requests, so the type alone is no guarantee.
  if (!isRuleSetId(id)) throw new RangeError(`Ukendt regelsæt: "${String(id)}".`);
  return RULE_SETS[id];
}

/**
 * The rule set a municipality works under on `onDate`: the selection with the
 * latest `fromDate` on or before `onDate`; on equal dates the later entry in
 * the list wins (the most recent choice). Before any selection: plan-2018.
 * Whether a selected rule set is enacted (`effectiveFrom`) is not checked
 * here: a not-yet-enacted rule set is a legitimate local trial.
 */
export function ruleSetInForce(selections: readonly RuleSetSelection[], onDate: LocalDate): RuleSet {
  let chosen: RuleSetSelection | undefined;
  for (const selection of selections) {
    if (compareDates(selection.fromDate, onDate) > 0) continue;
    if (!chosen || compareDates(selection.fromDate, chosen.fromDate) >= 0) chosen = selection;
  }
  return getRuleSet(chosen?.ruleSetId ?? DEFAULT_RULE_SET_ID);
}
