import { hasActiveConsent, type api } from '@helhed/core';
import type { z } from 'zod';
import type { Access } from '../access/access';
import { invalid } from '../errors';
import { recordCaseEvent } from './case-events';

type HealthDocumentDto = z.infer<typeof api.HealthDocument>;

/**
 * Health information enters only by disclosure from a named source under an
 * active health-information consent for that source (SPEC C3, C5); every
 * read checks the consent as it stands at the moment of reading.
 */
export async function receiveHealthDocument(
  a: Access,
  citizenId: string,
  body: z.infer<typeof api.ReceiveHealthDocumentBody>,
): Promise<HealthDocumentDto> {
  return a.gateway.run(a.ctx, { action: 'health.receive', subject: { citizenId }, resourceType: 'health_document', healthSource: body.source }, async (g) => {
    if (!hasActiveConsent(g.consents, 'health_information', body.source, a.ctx.now().toISOString())) {
      throw invalid(`Der er ikke samtykke til at modtage helbredsoplysninger fra ${body.source}.`, [
        { path: 'body.source', code: 'no-consent', message: 'Kilden er ikke omfattet af et aktivt samtykke.' },
      ], 'no-health-consent');
    }
    const id = crypto.randomUUID();
    const receivedAt = a.ctx.now();
    await g.tx
      .insertInto('health_document')
      .values({ municipality_id: a.ctx.principal.municipalityId, id, citizen_id: citizenId, source: body.source, kind: body.kind, title: body.title, content: body.content, received_at: receivedAt })
      .execute();
    if (g.caseId) await recordCaseEvent(g.tx, a.ctx, g.caseId, 'health_document_received', { documentId: id, source: body.source, kind: body.kind });
    g.setResourceId(id);
    return { id, source: body.source, kind: body.kind, title: body.title, content: body.content, receivedAt: receivedAt.toISOString() };
  });
}

export async function listHealthDocuments(a: Access, citizenId: string): Promise<z.infer<typeof api.HealthDocumentList>> {
  return a.gateway.run(a.ctx, { action: 'health.read', subject: { citizenId }, resourceType: 'health_document' }, async (g) => {
    const rows = await g.tx
      .selectFrom('health_document')
      .select(['id', 'source', 'kind', 'title', 'received_at'])
      .where('citizen_id', '=', citizenId)
      .orderBy('received_at', 'desc')
      .execute();
    const at = a.ctx.now().toISOString();
    const visible = g.relation === 'self' ? rows : rows.filter((r) => hasActiveConsent(g.consents, 'health_information', r.source, at));
    return {
      items: visible.map((r) => ({ id: r.id, source: r.source, kind: r.kind, title: r.title, receivedAt: r.received_at.toISOString() })),
      withheld: rows.length - visible.length,
    };
  });
}

export async function getHealthDocument(a: Access, documentId: string): Promise<HealthDocumentDto> {
  return a.gateway.run(
    a.ctx,
    { action: 'health.read', subject: { owned: 'health_document', id: documentId }, resourceType: 'health_document', resourceId: documentId,
      healthSource: async (tx) => (await tx.selectFrom('health_document').select('source').where('id', '=', documentId).executeTakeFirstOrThrow()).source,
    },
    async (g) => {
      const r = await g.tx.selectFrom('health_document').selectAll().where('id', '=', documentId).executeTakeFirstOrThrow();
      return { id: r.id, source: r.source, kind: r.kind, title: r.title, content: r.content, receivedAt: r.received_at.toISOString() };
    },
  );
}
