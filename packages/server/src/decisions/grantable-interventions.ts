import { classifyIntervention, type ComplaintRouteId, type DecisionRules, type ElementClassification, type GrantedIntervention } from '@helhed/core';
import type { ExpressionBuilder, SqlBool, Expression } from 'kysely';
import type { DB } from '../db/schema';
import type { Tx } from '../db/transactions';

/** Interventions without visitation (registered directly on the case) count as granted in these statuses. */
export const GRANTED_STATUSES = ['planned', 'running'] as const;
/**
 * Interventions from the catalogue through visitation count as granted only
 * once granted: not while requested or approved by the forum (not yet granted),
 * rejected or ended. A paused one (fleksjob) is still granted: the citizen keeps the right to return.
 */
export const GRANTED_VISITATION_STATUSES = ['granted', 'running', 'paused'] as const;

/** The one condition "this intervention is granted", for every query that needs it. */
export function isGranted(eb: ExpressionBuilder<DB, 'intervention'>): Expression<SqlBool> {
  return eb.or([
    eb('intervention.visitation_status', 'in', [...GRANTED_VISITATION_STATUSES]),
    eb.and([eb('intervention.visitation_status', 'is', null), eb('intervention.status', 'in', [...GRANTED_STATUSES])]),
  ]);
}

export interface GrantableIntervention extends GrantedIntervention {
  status: string;
  classification: ElementClassification;
}

/** The catalogue's complaint routes in the decision rules' words. */
const CATALOGUE_ROUTE: Record<'ankestyrelsen' | 'health' | 'none', ComplaintRouteId> = { ankestyrelsen: 'ankestyrelsen', health: 'patient_complaints', none: 'none' };

/**
 * The case's granted interventions with appealability, complaint route and
 * legal basis as the decision states them: from the rule set's decision data
 * keyed by sector and legal basis, overridden by the catalogue item's own
 * flags (appealable, complaint route, benefit) when the intervention came
 * from the catalogue. Nowhere else reads interventions for decisions.
 */
export async function grantableInterventions(tx: Tx, caseId: string, rules: DecisionRules): Promise<GrantableIntervention[]> {
  const rows = await tx
    .selectFrom('intervention')
    .leftJoin('catalogue_item as c', (j) => j.onRef('c.municipality_id', '=', 'intervention.municipality_id').onRef('c.id', '=', 'intervention.catalogue_item_id'))
    .select(['intervention.id', 'intervention.title', 'intervention.sector', 'intervention.legal_basis', 'intervention.status', 'intervention.start_date', 'intervention.end_date'])
    .select(['c.id as item_id', 'c.appealable', 'c.complaint_route', 'c.no_complaint_reason', 'c.is_benefit'])
    .where('intervention.case_id', '=', caseId)
    .where(isGranted)
    .orderBy('intervention.created_at')
    .orderBy('intervention.id')
    .execute();
  return rows.map((r) => {
    const intervention: GrantedIntervention = {
      id: r.id,
      title: r.title,
      sector: r.sector,
      legalBasis: r.legal_basis,
      startDate: r.start_date,
      endDate: r.end_date,
    };
    const byRules = classifyIntervention(intervention, rules);
    if (!r.item_id) return { ...intervention, status: r.status, classification: byRules };
    return { ...intervention, status: r.status, classification: catalogueClassification(intervention, byRules, r, rules) };
  });
}

function catalogueClassification(
  intervention: GrantedIntervention,
  byRules: ElementClassification,
  item: { appealable: boolean | null; complaint_route: 'ankestyrelsen' | 'health' | 'none' | null; no_complaint_reason: string | null; is_benefit: boolean | null },
  rules: DecisionRules,
): ElementClassification {
  // A benefit is decided elsewhere: the rule data's benefit rule says how and with which note.
  if (item.is_benefit) return classifyIntervention({ ...intervention, sector: 'benefits' }, rules);
  const appealable = item.appealable! && item.complaint_route !== 'none';
  return {
    ...byRules,
    appealable,
    route: appealable ? CATALOGUE_ROUTE[item.complaint_route!] : 'none',
    notAppealableReason: appealable ? null : (item.no_complaint_reason ?? byRules.notAppealableReason),
  };
}
