import { classifyIntervention, type DecisionRules, type ElementClassification, type GrantedIntervention } from '@helhed/core';
import type { Tx } from '../db/transactions';

/**
 * Which interventions count as granted. The visitation branch adds a
 * 'granted' status; this is the one place to change.
 */
export const GRANTED_STATUSES = ['planned', 'running'] as const;

export interface GrantableIntervention extends GrantedIntervention {
  status: string;
  classification: ElementClassification;
}

/**
 * The case's granted interventions with appealability, complaint route and
 * legal basis as the decision states them. Today these come from the rule
 * set's decision data keyed by sector and legal basis; when the intervention
 * catalogue carries its own flags (appealable, complaint route, benefit),
 * they override the rule data here — nowhere else reads interventions for decisions.
 */
export async function grantableInterventions(tx: Tx, caseId: string, rules: DecisionRules): Promise<GrantableIntervention[]> {
  const rows = await tx
    .selectFrom('intervention')
    .select(['id', 'title', 'sector', 'legal_basis', 'status', 'start_date', 'end_date'])
    .where('case_id', '=', caseId)
    .where('status', 'in', [...GRANTED_STATUSES])
    .orderBy('created_at')
    .orderBy('id')
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
    return { ...intervention, status: r.status, classification: classifyIntervention(intervention, rules) };
  });
}
