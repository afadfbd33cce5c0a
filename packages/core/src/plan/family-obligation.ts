/**
 * The family-plan obligation (SPEC C5): the municipality must offer a family
 * plan where a parent is in the target group, several municipal plans can or
 * must be made for the parent, and a child receives special support
 * (serviceloven kap. 11 / barnets lov). Pure: the criteria are rule data
 * (`RuleSet.plan.familyObligation`), the facts are the sector records.
 */
import { ageOn, type LocalDate } from '../local-date';
import type { RuleSet, RuleSource } from '../rules/types';
import { isActiveOn } from '../target-group/evaluate';
import type { SectorFact } from '../target-group/types';

export interface FamilyObligationInput {
  parent: {
    /** classified in the target group (mandatory or optional) or already in a holistic case */
    inTargetGroup: boolean;
    records: readonly SectorFact[];
  };
  children: readonly { citizenId: string; name: string; birthDate: LocalDate; records: readonly SectorFact[] }[];
}

export interface FamilyObligationResult {
  obligated: boolean;
  /** false when the rule set has no obligation (the municipality may still offer one) */
  ruleApplies: boolean;
  inTargetGroup: boolean;
  /** the municipal plans that can or must be made for the parent (codes, each once) */
  municipalPlans: string[];
  /** children under the age limit with special support, and the records that show it */
  childrenWithSupport: { citizenId: string; name: string; recordIds: string[] }[];
  /** Danish, one line each */
  reasons: string[];
  source: RuleSource | null;
}

export function evaluateFamilyObligation(input: FamilyObligationInput, ruleSet: RuleSet, onDate: LocalDate): FamilyObligationResult {
  const rules = ruleSet.plan.familyObligation;
  if (!rules) {
    return {
      obligated: false,
      ruleApplies: false,
      inTargetGroup: input.parent.inTargetGroup,
      municipalPlans: [],
      childrenWithSupport: [],
      reasons: [`Regelsættet "${ruleSet.title}" har ingen pligt til at tilbyde en familieplan; kommunen kan tilbyde den.`],
      source: null,
    };
  }
  const active = input.parent.records.filter((r) => isActiveOn(r, onDate));
  const plans = new Set<string>();
  for (const r of active) if (r.kind === 'plan' && rules.municipalPlanCodes.includes(r.code)) plans.add(r.code);
  for (const implied of rules.impliedPlans) {
    if (active.some((r) => r.kind === 'intervention' && implied.interventionCodes.includes(r.code))) plans.add(implied.plan);
  }
  const childrenWithSupport = input.children.flatMap((c) => {
    if (ageOn(c.birthDate, onDate) >= rules.childAgeBelow) return [];
    const support = c.records.filter((r) => r.kind === 'intervention' && rules.childSupportCodes.includes(r.code) && isActiveOn(r, onDate));
    return support.length ? [{ citizenId: c.citizenId, name: c.name, recordIds: support.map((r) => r.id) }] : [];
  });
  const enoughPlans = plans.size >= rules.minMunicipalPlans;
  const reasons = [
    input.parent.inTargetGroup ? 'Forælderen er i målgruppen.' : 'Forælderen er ikke i målgruppen.',
    enoughPlans
      ? `Der kan eller skal udarbejdes ${plans.size} kommunale planer for forælderen.`
      : `Der kan eller skal kun udarbejdes ${plans.size} kommunal${plans.size === 1 ? '' : 'e'} plan${plans.size === 1 ? '' : 'er'} for forælderen (mindst ${rules.minMunicipalPlans}).`,
    childrenWithSupport.length
      ? `Barn med særlig støtte: ${childrenWithSupport.map((c) => c.name).join(', ')}.`
      : `Intet barn under ${rules.childAgeBelow} år modtager særlig støtte.`,
  ];
  return {
    obligated: input.parent.inTargetGroup && enoughPlans && childrenWithSupport.length > 0,
    ruleApplies: true,
    inTargetGroup: input.parent.inTargetGroup,
    municipalPlans: [...plans].sort(),
    childrenWithSupport,
    reasons,
    source: rules.source,
  };
}
