/**
 * The combined decision (SPEC C7) as pure functions over the rule set's
 * decision data: which granted interventions become elements, under which
 * legal basis and complaint route, grouped into one combined decision or
 * one decision per sector law; which earlier elements a new decision
 * supersedes; whether a complaint may be made about chosen elements.
 */
import type { ComplaintRouteId, DecisionRules, ElementRule, SectorLawId } from '../rules/decision-rules';

export interface GrantedIntervention {
  id: string;
  title: string;
  sector: string;
  legalBasis: string;
  startDate: string | null;
  endDate: string | null;
}

export interface ElementClassification {
  ruleId: string;
  treatment: ElementRule['treatment'];
  appealable: boolean;
  notAppealableReason: string | null;
  route: ComplaintRouteId;
  sectorLaw: SectorLawId;
  /** the legal basis as the decision states it */
  legalBasis: string;
  note: string | null;
}

function matches(rule: ElementRule, i: GrantedIntervention): boolean {
  const { sectors, legalBasis } = rule.match;
  if (sectors && !sectors.includes(i.sector as never)) return false;
  if (legalBasis) {
    const basis = i.legalBasis.toLocaleLowerCase('da');
    if (!legalBasis.some((s) => basis.includes(s.toLocaleLowerCase('da')))) return false;
  }
  return true;
}

export function classifyIntervention(i: GrantedIntervention, rules: DecisionRules): ElementClassification {
  const rule = rules.elementRules.find((r) => matches(r, i));
  // The rule data ends with a catch-all; tests hold every rule set to it.
  if (!rule) throw new RangeError(`Ingen afgørelsesregel passer til indsatsen »${i.title}«.`);
  return {
    ruleId: rule.id,
    treatment: rule.treatment,
    appealable: rule.appealable,
    notAppealableReason: rule.appealable ? null : (rule.notAppealableReason ?? null),
    route: rule.route,
    sectorLaw: rule.sectorLaw,
    legalBasis: (rule.basisFormat ?? rules.legalBasisFormat).replace('{basis}', i.legalBasis),
    note: rule.note ?? null,
  };
}

export interface ComposedElement extends ElementClassification {
  intervention: GrantedIntervention;
}

export interface ComposedDecision {
  /** 'hovedloven' for the combined decision; the deciding sector law per sector otherwise */
  sectorLaw: SectorLawId;
  title: string;
  elements: ComposedElement[];
}

export interface Composition {
  decisions: ComposedDecision[];
  /** granted interventions decided elsewhere (benefits, children's law), with the note the letter shows */
  outside: ComposedElement[];
}

/**
 * Groups the granted interventions into the decisions the rule set requires,
 * in the order given. An intervention that arrives already classified (e.g.
 * by its catalogue item's own flags) keeps that classification.
 */
export function composeDecisions(
  interventions: readonly (GrantedIntervention & { classification?: ElementClassification })[],
  rules: DecisionRules,
): Composition {
  const groups = new Map<SectorLawId, ComposedElement[]>();
  const outside: ComposedElement[] = [];
  for (const { classification, ...intervention } of interventions) {
    const element: ComposedElement = { ...(classification ?? classifyIntervention(intervention, rules)), intervention };
    if (element.treatment === 'outside') {
      outside.push(element);
      continue;
    }
    const key: SectorLawId = rules.mode === 'combined' ? 'hovedloven' : element.sectorLaw;
    groups.set(key, [...(groups.get(key) ?? []), element]);
  }
  return {
    decisions: [...groups].map(([sectorLaw, elements]) => ({ sectorLaw, title: rules.decisionTitles[sectorLaw], elements })),
    outside,
  };
}

/** An element of an issued decision that is still in force (not superseded). */
export interface ElementInForce {
  elementId: string;
  interventionId: string;
}

/**
 * Element-level supersession: a new decision naming an intervention
 * supersedes the element in force for that intervention; the rest of the
 * earlier decision stays in force. Returns new intervention id → superseded element id.
 */
export function supersededBy(newInterventionIds: readonly string[], inForce: readonly ElementInForce[]): Map<string, string> {
  const byIntervention = new Map(inForce.map((e) => [e.interventionId, e.elementId]));
  const result = new Map<string, string>();
  for (const id of newInterventionIds) {
    const element = byIntervention.get(id);
    if (element) result.set(id, element);
  }
  return result;
}

export interface ComplainableElement {
  id: string;
  title: string;
  appealable: boolean;
  notAppealableReason: string | null;
  route: ComplaintRouteId;
}

export type ComplaintScopeCheck =
  | { ok: true; elementIds: string[]; notCovered: { id: string; title: string; reason: string }[] }
  | { ok: false; detail: string; refused: { id: string; title: string; reason: string }[] };

function whyNotComplainable(e: ComplainableElement, rules: DecisionRules): string | null {
  if (!e.appealable) return e.notAppealableReason ?? 'Denne del af afgørelsen kan ikke påklages.';
  const route = rules.routes[e.route];
  if (!route.viaMunicipality) return `Klage over denne del sendes ikke til kommunen, men direkte til ${route.body}.`;
  return null;
}

/**
 * What a complaint about the whole decision or chosen elements covers.
 * Chosen elements that cannot be appealed (or belong to another route) are
 * refused with the reason; a whole-decision complaint covers what can be
 * appealed through the municipality and says what it does not cover.
 */
export function checkComplaintScope(
  elements: readonly ComplainableElement[],
  scope: 'whole' | 'elements',
  chosenIds: readonly string[],
  rules: DecisionRules,
): ComplaintScopeCheck {
  if (scope === 'whole') {
    const notCovered = elements.flatMap((e) => {
      const reason = whyNotComplainable(e, rules);
      return reason ? [{ id: e.id, title: e.title, reason }] : [];
    });
    const covered = elements.filter((e) => !notCovered.some((n) => n.id === e.id)).map((e) => e.id);
    if (covered.length === 0) {
      return { ok: false, detail: 'Afgørelsen indeholder ingen dele, der kan påklages gennem kommunen.', refused: notCovered };
    }
    return { ok: true, elementIds: covered, notCovered };
  }
  if (chosenIds.length === 0) return { ok: false, detail: 'Vælg mindst én del af afgørelsen, som klagen handler om.', refused: [] };
  const refused: { id: string; title: string; reason: string }[] = [];
  for (const id of new Set(chosenIds)) {
    const e = elements.find((x) => x.id === id);
    if (!e) {
      refused.push({ id, title: id, reason: 'Den valgte del findes ikke i afgørelsen.' });
      continue;
    }
    const reason = whyNotComplainable(e, rules);
    if (reason) refused.push({ id, title: e.title, reason });
  }
  if (refused.length > 0) {
    return { ok: false, detail: refused.map((r) => `Du kan ikke klage over »${r.title}«: ${r.reason}`).join(' '), refused };
  }
  return { ok: true, elementIds: [...new Set(chosenIds)], notCovered: [] };
}
