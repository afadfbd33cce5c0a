import type { LocalDate } from '../local-date';
import { getRuleSet } from '../rules/registry';
import type { RuleSetId } from '../rules/types';
import { targetGroupGates, targetGroupSummary } from './evaluate';
import type { Classification, CriterionResult, RouteResult, TargetGroupResult } from './types';

type CompactRoute = [routeId: string, met: boolean, criteria: [criterionId: string, met: boolean, recordIds: string[]][]];

/**
 * A stored screening result keeps only what varies per citizen: which gates,
 * routes and criteria held, and on which records. Labels and legal sources
 * come back from the rule set the result names (rule sets are versioned by
 * id, so an old result reads with the rules of its day), the gates' labels
 * from the citizen's birth date, the summary from all of these. Storing text
 * per citizen would repeat kilobytes of identical words for every candidate.
 *
 * Version 1 (the first results) kept the gates in full; version 2 keeps
 * `[gateId, met]` and is what the screening statement builds in SQL.
 */
export type CompactResult =
  | { v: 1; gates: CriterionResult[]; routes: CompactRoute[] }
  | { v: 2; gates: [gateId: string, met: boolean][]; routes: CompactRoute[] };

export function compactResult(result: TargetGroupResult): Extract<CompactResult, { v: 2 }> {
  return {
    v: 2,
    gates: result.gates.map((g) => [g.criterionId, g.met]),
    // sorted, as the screening statement sorts them: the same result, the same stored form
    routes: result.routes.map((r) => [r.routeId, r.met, r.criteria.map((c) => [c.criterionId, c.met, [...c.recordIds].sort()])]),
  };
}

/** The full explanation of a stored result: labels and sources from its rule set, gate labels from the birth date. */
export function expandResult(compact: CompactResult, ruleSetId: RuleSetId, birthDate: LocalDate, evaluatedOn: LocalDate): Pick<TargetGroupResult, 'gates' | 'routes'> {
  const ruleSet = getRuleSet(ruleSetId);
  const rules = ruleSet.targetGroup;
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
  if (compact.v === 1) return { gates: compact.gates, routes };
  const labelled = targetGroupGates(ruleSet, birthDate, evaluatedOn);
  const gates = compact.gates.flatMap(([gateId, met]) => {
    const g = labelled.find((x) => x.criterionId === gateId);
    return g ? [{ ...g, met }] : [];
  });
  return { gates, routes };
}

/** A stored result read back as the evaluator would have written it, summary included. */
export function storedResult(
  stored: { compact: CompactResult; ruleSetId: RuleSetId; classification: Classification; mandatoryFrom: LocalDate | null; evaluatedOn: LocalDate },
  birthDate: LocalDate,
): TargetGroupResult {
  const { gates, routes } = expandResult(stored.compact, stored.ruleSetId, birthDate, stored.evaluatedOn);
  return {
    classification: stored.classification,
    ruleSetId: stored.ruleSetId,
    evaluatedOn: stored.evaluatedOn,
    summary: targetGroupSummary(getRuleSet(stored.ruleSetId), birthDate, stored.evaluatedOn, routes, stored.classification, stored.mandatoryFrom),
    gates,
    routes,
    mandatoryFrom: stored.mandatoryFrom,
  };
}
