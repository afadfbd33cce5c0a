import type { api } from '@helhed/core';
import type { z } from 'zod';
import type { Access } from '../access/access';

export async function listCaseEvents(a: Access, caseId: string): Promise<{ items: z.infer<typeof api.CaseEvent>[] }> {
  return a.gateway.run(a.ctx, { action: 'event.read', subject: { caseId }, resourceType: 'case_event', resourceId: caseId }, async (g) => {
    const rows = await g.tx.selectFrom('case_event').selectAll().where('case_id', '=', caseId).orderBy('occurred_at').orderBy('seq').execute();
    return {
      items: rows.map((r) => ({ id: r.id, type: r.type, occurredAt: r.occurred_at.toISOString(), actorName: r.actor_name, data: r.data })),
    };
  });
}
