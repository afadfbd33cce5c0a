import type { api } from '@helhed/core';
import type { z } from 'zod';
import type { Access } from '../access/access';
import type { Tx } from '../db/transactions';
import { invalid } from '../errors';
import { recordCaseEvent } from './case-events';

type InterventionDto = z.infer<typeof api.Intervention>;

/** Minimal intervention register; the catalogue and visitation build on it (issue 4). */
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
    return (await readInterventions(g.tx, caseId)).find((i) => i.id === id)!;
  });
}

export async function listInterventions(a: Access, caseId: string): Promise<{ items: InterventionDto[] }> {
  return a.gateway.run(a.ctx, { action: 'case.read', subject: { caseId }, resourceType: 'intervention', resourceId: caseId }, async (g) => ({
    items: await readInterventions(g.tx, caseId),
  }));
}

async function readInterventions(tx: Tx, caseId: string): Promise<InterventionDto[]> {
  const rows = await tx.selectFrom('intervention').selectAll().where('case_id', '=', caseId).orderBy('created_at').execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    sector: r.sector,
    legalBasis: r.legal_basis,
    status: r.status,
    startDate: r.start_date,
    endDate: r.end_date,
  }));
}
