import {
  isAgreedButNotStarted,
  poolRemaining,
  todayInCopenhagen,
  VISITATION_STATUS_LABELS,
  type api,
  type LocalDate,
} from '@helhed/core';
import type { z } from 'zod';
import type { Access } from '../access/access';
import type { Tx } from '../db/transactions';
import { invalid } from '../errors';
import { recordCaseEvent } from './case-events';

type InterventionDto = z.infer<typeof api.Intervention>;

/** Registers an intervention without the catalogue (as before visitation); the catalogue path is services/visitation.ts. */
export async function addIntervention(a: Access, caseId: string, body: z.infer<typeof api.AddInterventionBody>): Promise<InterventionDto> {
  if (body.startDate && body.endDate && body.endDate < body.startDate) {
    throw invalid('Indsatsen slutter før den starter.', [{ path: 'body.endDate', code: 'before-start', message: 'Slutdatoen ligger før startdatoen.' }]);
  }
  return a.gateway.run(a.ctx, { action: 'case.update', subject: { caseId }, resourceType: 'intervention' }, async (g) => {
    const id = crypto.randomUUID();
    await g.tx
      .insertInto('intervention')
      .values({
        municipality_id: a.ctx.principal.municipalityId,
        id,
        case_id: caseId,
        title: body.title,
        sector: body.sector,
        legal_basis: body.legalBasis,
        status: body.status,
        start_date: body.startDate ?? null,
        end_date: body.endDate ?? null,
      })
      .execute();
    await recordCaseEvent(g.tx, a.ctx, caseId, 'intervention_added', { interventionId: id, title: body.title, legalBasis: body.legalBasis });
    g.setResourceId(id);
    return (await readInterventions(g.tx, caseId, todayInCopenhagen(a.ctx.now()))).find((i) => i.id === id)!;
  });
}

export async function listInterventions(a: Access, caseId: string): Promise<{ items: InterventionDto[] }> {
  return a.gateway.run(a.ctx, { action: 'case.read', subject: { caseId }, resourceType: 'intervention', resourceId: caseId }, async (g) => ({
    items: await readInterventions(g.tx, caseId, todayInCopenhagen(a.ctx.now())),
  }));
}

/**
 * A case's interventions with their visitation state, the "agreed but not
 * started" flag on `today`, hour pools and pauses. A plain read for use
 * inside a gateway call (e.g. the citizen overview).
 */
export async function readInterventions(tx: Tx, caseId: string, today: LocalDate): Promise<InterventionDto[]> {
  const rows = await tx
    .selectFrom('intervention as i')
    .leftJoin('catalogue_item as c', 'c.id', 'i.catalogue_item_id')
    .selectAll('i')
    .select([
      'c.kind',
      'c.cost_model',
      'c.appealable',
      'c.complaint_route',
      'c.is_benefit',
      'c.flexible_hours',
      'c.combined_of',
      (eb) =>
        eb
          .selectFrom('intervention_hours as h')
          .select((e) => e.fn.coalesce(e.fn.sum<string>('h.hours'), e.val('0')).as('used'))
          .whereRef('h.intervention_id', '=', 'i.id')
          .as('hours_used'),
      (eb) =>
        eb
          .selectFrom('visitation_request as r')
          .select('r.id')
          .whereRef('r.intervention_id', '=', 'i.id')
          .orderBy('r.requested_at', 'desc')
          .limit(1)
          .as('forum_request_id'),
    ])
    .where('i.case_id', '=', caseId)
    .orderBy('i.created_at')
    .orderBy('i.id')
    .execute();
  return rows.map((r) => {
    const quantity = r.quantity === null ? null : Number(r.quantity);
    const usedHours = Number(r.hours_used ?? 0);
    const pool =
      r.flexible_hours && quantity !== null && r.start_date && r.end_date
        ? { totalHours: quantity, usedHours, remainingHours: poolRemaining({ totalHours: quantity, usedHours }), periodStart: r.start_date, periodEnd: r.end_date }
        : null;
    return {
      id: r.id,
      title: r.title,
      sector: r.sector,
      legalBasis: r.legal_basis,
      status: r.status,
      startDate: r.start_date,
      endDate: r.end_date,
      catalogueItemId: r.catalogue_item_id,
      kind: r.kind ?? null,
      visitationStatus: r.visitation_status,
      visitationStatusLabel: r.visitation_status ? VISITATION_STATUS_LABELS[r.visitation_status] : null,
      startedOn: r.started_on,
      quantity,
      costModel: r.cost_model ?? null,
      unitPriceDkk: r.unit_price_dkk === null ? null : Number(r.unit_price_dkk),
      costDkk: r.cost_dkk === null ? null : Number(r.cost_dkk),
      executingEmployeeId: r.executing_employee_id,
      executingName: r.executing_name,
      appealable: r.appealable ?? null,
      complaintRoute: r.complaint_route ?? null,
      isBenefit: r.is_benefit ?? null,
      combinedOf: r.combined_of ?? [],
      ruleSetId: r.rule_set_id,
      notStarted: isAgreedButNotStarted({ visitationStatus: r.visitation_status, plannedStart: r.start_date, startedOn: r.started_on }, today),
      hoursPool: pool,
      pause: r.paused_on && r.pause_return_deadline ? { pausedOn: r.paused_on, returnDeadline: r.pause_return_deadline, reason: r.pause_reason ?? '' } : null,
      forumRequestId: r.forum_request_id ?? null,
    };
  });
}

/** The overview's grouping: a case's interventions by sector (sectors in first-seen order). */
export async function readInterventionsBySector(tx: Tx, caseId: string, today: LocalDate): Promise<{ sector: string; items: InterventionDto[] }[]> {
  const groups = new Map<string, InterventionDto[]>();
  for (const i of await readInterventions(tx, caseId, today)) groups.set(i.sector, [...(groups.get(i.sector) ?? []), i]);
  return [...groups].map(([sector, items]) => ({ sector, items }));
}
