/**
 * Everything a decision letter needs (SPEC C7, §10), as plain data: the
 * letters component renders it to PDF and MeMo. One complaint guidance per
 * letter: the municipality route with the computed deadline, plus the
 * elements with another route or none, named.
 */
import type { ComplaintRouteId, DecisionMode, DecisionRules, SectorLawId } from '../rules/decision-rules';
import type { RuleSetId } from '../rules/types';
import type { Sector } from '../vocabulary';
import type { DeliveryChannel } from './deadlines';
import { danishDate } from '../letters/danish-date';
import { SECTOR_LABELS } from './labels.da';

export interface LetterElement {
  elementId: string;
  interventionId: string;
  title: string;
  sector: string;
  sectorLabel: string;
  legalBasis: string;
  reasoning: string;
  startDate: string | null;
  endDate: string | null;
  appealable: boolean;
  notAppealableReason: string | null;
  complaintRoute: { id: ComplaintRouteId; body: string };
  /** the earlier decision whose element this one replaces */
  supersedes: { decisionId: string; decisionDate: string | null } | null;
}

export interface ComplaintGuidanceSection {
  route: ComplaintRouteId;
  body: string;
  text: string;
  elementTitles: string[];
}

export interface DecisionLetterData {
  decisionId: string;
  title: string;
  mode: DecisionMode;
  sectorLaw: SectorLawId;
  ruleSet: { id: RuleSetId; title: string };
  municipality: { name: string; cvr: string };
  citizen: { name: string; cpr: string; address: string };
  caseId: string;
  /** the letter's date (the day it is sent) */
  decisionDate: string;
  channel: DeliveryChannel;
  receiptDate: string;
  complaintDeadline: string;
  overallReasoning: string;
  /** the citizen's goals in their own words */
  citizenGoals: string[];
  elements: LetterElement[];
  outsideDecision: { title: string; note: string }[];
  complaintGuidance: { deadline: string; sections: ComplaintGuidanceSection[] };
  coordinatingContact: { name: string; title: string; email: string; phone: string | null } | null;
}

/** The one complaint guidance of a letter, built from the rule set's routes. */
export function complaintGuidance(
  elements: readonly Pick<LetterElement, 'title' | 'appealable' | 'complaintRoute'>[],
  rules: DecisionRules,
  deadline: string,
): DecisionLetterData['complaintGuidance'] {
  const byRoute = new Map<ComplaintRouteId, string[]>();
  for (const e of elements) {
    const route: ComplaintRouteId = e.appealable ? e.complaintRoute.id : 'none';
    byRoute.set(route, [...(byRoute.get(route) ?? []), e.title]);
  }
  // The municipality's route first: it is the guidance; the others are exceptions to it.
  const order = [...byRoute.keys()].sort((a, b) => Number(rules.routes[b].viaMunicipality) - Number(rules.routes[a].viaMunicipality));
  return {
    deadline,
    sections: order.map((id) => {
      const route = rules.routes[id];
      const titles = byRoute.get(id)!;
      return {
        route: id,
        body: route.body,
        text: route.guidance.replace('{deadline}', danishDate(deadline)).replace('{elements}', titles.map((t) => `»${t}«`).join(', ')),
        elementTitles: titles,
      };
    }),
  };
}

export function sectorLabel(sector: string): string {
  return SECTOR_LABELS[sector as Sector] ?? sector;
}
