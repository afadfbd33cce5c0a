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
import { SECTOR_LABELS } from '../labels.da';
import type { ComplaintRoute, DecisionLetter, LegalBasis } from '../letters/decision-letter';

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

/**
 * What the decision alone does not know, for the letter that is sent: the
 * letter's id, the citizen's id, the municipality's letterhead and the
 * reassessment weeks of the rule set.
 */
export interface LetterSending {
  letterId: string;
  citizenId: string;
  letterhead: { addressLines: string[]; phone: string; web: string };
  reassessmentWeeks: number;
  /** The note about benefits decided elsewhere (forsørgelse), or null. */
  benefitsNote: string | null;
}

/** 'Serviceloven § 85' → law 'Serviceloven', section '§ 85'; printed back together it is the same text. */
export function splitLegalBasis(basis: string): LegalBasis {
  const at = basis.indexOf(' §');
  return at < 0 ? { law: basis.trim(), section: '' } : { law: basis.slice(0, at).trim(), section: basis.slice(at + 1).trim() };
}

const LETTER_ROUTE: Record<ComplaintRouteId, ComplaintRoute> = { ankestyrelsen: 'ankestyrelsen', patient_complaints: 'health', none: 'none' };

/**
 * The one letter that is sent for a decision: the decision's letter data
 * (what was decided, dates, guidance) folded into the letters' `DecisionLetter`
 * (PDF, MeMo, outbox). A decision per sector law (plan-2018) is a sector
 * letter; the combined decision a combined one.
 */
export function toDecisionLetter(data: DecisionLetterData, rules: DecisionRules, sending: LetterSending): DecisionLetter {
  const sectors = [...new Set(data.elements.map((e) => e.sector))];
  const scoped = data.mode === 'per_sector' ? { scope: 'sector' as const, sector: sectors[0] as Sector } : { scope: 'combined' as const };
  const hasHealth = data.elements.some((e) => e.appealable && e.complaintRoute.id === 'patient_complaints');
  return {
    letterId: sending.letterId,
    municipality: { name: data.municipality.name, cvr: data.municipality.cvr, ...sending.letterhead },
    recipient: {
      citizenId: sending.citizenId,
      name: data.citizen.name,
      cpr: data.citizen.cpr,
      addressLines: data.citizen.address.split(/\s*,\s*(?=\d{4}\s)|\n/).map((l) => l.trim()).filter(Boolean),
    },
    caseId: data.caseId,
    decisionId: data.decisionId,
    decisionDate: data.decisionDate,
    title: data.title,
    ruleSet: { id: data.ruleSet.id, label: data.ruleSet.title },
    ...scoped,
    citizenGoals: data.citizenGoals.map((g) => g.trim()).filter(Boolean),
    overallReasoning: data.overallReasoning,
    elements: data.elements.map((e) => ({
      title: e.title,
      sector: e.sector as Sector,
      legalBasis: splitLegalBasis(e.legalBasis),
      reasoning: e.reasoning,
      appealable: e.appealable,
      complaintRoute: e.appealable ? LETTER_ROUTE[e.complaintRoute.id] : 'none',
      ...(!e.appealable ? { nonAppealableReason: e.notAppealableReason ?? '' } : {}),
    })),
    benefitsNote: sending.benefitsNote,
    complaintGuidance: {
      deadline: data.complaintDeadline,
      complainTo: data.municipality.name,
      reassessmentWeeks: sending.reassessmentWeeks,
      appealsBody: rules.routes.ankestyrelsen.body,
      healthRoute: hasHealth ? rules.routes.patient_complaints.body : null,
    },
    coordinatingContact: {
      name: data.coordinatingContact?.name ?? '',
      title: data.coordinatingContact?.title ?? '',
      // Employees have no phone of their own in Helhed: the municipality's number.
      phone: data.coordinatingContact?.phone ?? sending.letterhead.phone,
      email: data.coordinatingContact?.email ?? '',
    },
    channel: data.channel,
  };
}
