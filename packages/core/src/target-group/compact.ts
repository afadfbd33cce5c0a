import { getRuleSet } from '../rules/registry';
import type { RuleSetId } from '../rules/types';
import type { CriterionResult, RouteResult, TargetGroupResult } from './types';

/**
 * A stored screening result keeps only what varies per citizen: which gates,
 * routes and criteria held, and on which records. Labels and legal sources
 * come back from the rule set the result names (rule sets are versioned by
 * id, so an old result reads with the rules of its day). Storing them per
 * citizen would repeat kilobytes of identical text for every candidate.
 */
export interface CompactResult {
  v: 1;
  /** the age gates in full: their labels name the citizen's own pension date */
  gates: CriterionResult[];
  routes: [routeId: string, met: boolean, criteria: [criterionId: string, met: boolean, recordIds: string[]][]][];
}

export function compactResult(result: TargetGroupResult): CompactResult {
  return {
    v: 1,
    gates: result.gates,
    routes: result.routes.map((r) => [r.routeId, r.met, r.criteria.map((c) => [c.criterionId, c.met, c.recordIds])]),
  };
}

/** The full explanation of a stored result, labels and sources from its rule set. */
export function expandResult(compact: CompactResult, ruleSetId: RuleSetId): Pick<TargetGroupResult, 'gates' | 'routes'> {
  const rules = getRuleSet(ruleSetId).targetGroup;
  const allRoutes = [...rules.mandatory.map((r) => ({ group: 'mandatory' as const, r })), ...rules.optional.map((r) => ({ group: 'optional' as const, r }))];
  const routes: RouteResult[] = compact.routes.flatMap(([routeId, met, criteria]) => {
    const found = allRoutes.find((x) => x.r.id === routeId);
    if (!found) return [];
    return [
      {
        group: found.group,
        routeId,
        label: found.r.label,
        met,
        criteria: criteria.flatMap(([criterionId, cMet, recordIds]) => {
          const c = found.r.all.find((x) => x.id === criterionId);
          return c ? [{ criterionId, label: c.label, met: cMet, recordIds, source: c.source }] : [];
        }),
      },
    ];
  });
  return { gates: compact.gates, routes };
}
