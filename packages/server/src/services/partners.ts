import { PARTNER_KIND_LABELS, type api } from '@helhed/core';
import type { z } from 'zod';
import type { Access } from '../access/access';
import { rolesOf } from '../access/principal';
import type { Tx } from '../db/transactions';
import { AccessDeniedError, conflict, invalid, notFound } from '../errors';
import { recordCaseEvent } from './case-events';

type PartnerDto = z.infer<typeof api.Partner>;
type NetworkPersonDto = z.infer<typeof api.NetworkPerson>;

/**
 * Partners (SPEC C9.5): the municipality's register of companies and
 * civil-society organisations — organisation data, no citizen's, so it is
 * administrative — and each citizen's own network, which is personal data.
 */
export async function listPartners(a: Access): Promise<{ items: PartnerDto[] }> {
  return a.gateway.administrative(a.ctx, async (tx) => ({ items: (await tx.selectFrom('partner').selectAll().orderBy('name').execute()).map(toPartner) }));
}

/** Caseworkers and administrators keep the register. */
export async function createPartner(a: Access, body: z.infer<typeof api.CreatePartnerBody>): Promise<PartnerDto> {
  return a.gateway.administrative(a.ctx, async (tx) => {
    if (!rolesOf(a.ctx.principal).some((r) => r === 'coordinating_caseworker' || r === 'administrator')) {
      throw new AccessDeniedError('role', 'Kun koordinerende sagsbehandlere og administratorer kan registrere samarbejdspartnere.');
    }
    if (body.cvr && (await tx.selectFrom('partner').select('id').where('cvr', '=', body.cvr).executeTakeFirst())) {
      throw conflict('En samarbejdspartner med det CVR-nummer er allerede registreret.', 'duplicate-cvr');
    }
    const id = crypto.randomUUID();
    await tx
      .insertInto('partner')
      .values({
        municipality_id: a.ctx.principal.municipalityId,
        id,
        kind: body.kind,
        name: body.name,
        cvr: body.cvr ?? null,
        contact_name: body.contactName ?? null,
        phone: body.phone ?? null,
        email: body.email ?? null,
        address: body.address ?? null,
        area: body.area ?? null,
        description: body.description ?? '',
        created_at: a.ctx.now(),
      })
      .execute();
    return toPartner(await tx.selectFrom('partner').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
  });
}

function toPartner(r: { id: string; kind: 'company' | 'civil_society'; name: string; cvr: string | null; contact_name: string | null; phone: string | null; email: string | null; address: string | null; area: string | null; description: string; active: boolean }): PartnerDto {
  return { id: r.id, kind: r.kind, kindLabel: PARTNER_KIND_LABELS[r.kind], name: r.name, cvr: r.cvr, contactName: r.contact_name, phone: r.phone, email: r.email, address: r.address, area: r.area, description: r.description, active: r.active };
}

/** A partner carries (or stops carrying) one of the case's interventions. */
export async function setInterventionPartner(a: Access, caseId: string, interventionId: string, body: z.infer<typeof api.SetInterventionPartnerBody>): Promise<z.infer<typeof api.InterventionCarrier>> {
  return a.gateway.run(a.ctx, { action: 'case.update', subject: { caseId }, resourceType: 'intervention', resourceId: interventionId }, async (g) => {
    if (body.partnerId && !(await g.tx.selectFrom('partner').select('id').where('id', '=', body.partnerId).where('active', '=', true).executeTakeFirst())) {
      throw invalid('Samarbejdspartneren findes ikke.', [{ path: 'body.partnerId', code: 'unknown', message: 'Ukendt samarbejdspartner.' }]);
    }
    const updated = await g.tx.updateTable('intervention').set({ partner_id: body.partnerId }).where('id', '=', interventionId).where('case_id', '=', caseId).returning('id').executeTakeFirst();
    if (!updated) throw notFound('Indsatsen');
    await recordCaseEvent(g.tx, a.ctx, caseId, 'intervention_partner_set', { interventionId, partnerId: body.partnerId });
    return readInterventionCarrier(g.tx, interventionId);
  });
}

/** Who carries each of the case's interventions (partner or the municipality). */
export async function listInterventionCarriers(a: Access, caseId: string): Promise<{ items: z.infer<typeof api.InterventionCarrier>[] }> {
  return a.gateway.run(a.ctx, { action: 'case.read', subject: { caseId }, resourceType: 'intervention', resourceId: caseId }, async (g) => {
    const rows = await g.tx.selectFrom('intervention').select('id').where('case_id', '=', caseId).orderBy('created_at').execute();
    return { items: await Promise.all(rows.map((r) => readInterventionCarrier(g.tx, r.id))) };
  });
}

async function readInterventionCarrier(tx: Tx, interventionId: string): Promise<z.infer<typeof api.InterventionCarrier>> {
  const i = await tx.selectFrom('intervention').select(['id', 'title', 'partner_id']).where('id', '=', interventionId).executeTakeFirstOrThrow();
  const p = i.partner_id ? await tx.selectFrom('partner').selectAll().where('id', '=', i.partner_id).executeTakeFirst() : undefined;
  return { interventionId: i.id, title: i.title, partner: p ? toPartner(p) : null };
}

export async function listNetwork(a: Access, citizenId: string): Promise<{ items: NetworkPersonDto[] }> {
  return a.gateway.run(a.ctx, { action: 'contact.read', subject: { citizenId }, resourceType: 'network_person', resourceId: citizenId }, async (g) => ({
    items: (await g.tx.selectFrom('network_person').selectAll().where('citizen_id', '=', citizenId).orderBy('created_at').execute()).map(toNetworkPerson),
  }));
}

export async function addNetworkPerson(a: Access, citizenId: string, body: z.infer<typeof api.CreateNetworkPersonBody>): Promise<NetworkPersonDto> {
  return a.gateway.run(a.ctx, { action: 'contact.write', subject: { citizenId }, resourceType: 'network_person' }, async (g) => {
    const id = crypto.randomUUID();
    await g.tx
      .insertInto('network_person')
      .values({ municipality_id: a.ctx.principal.municipalityId, id, citizen_id: citizenId, name: body.name, relation: body.relation, phone: body.phone ?? null, email: body.email ?? null, note: body.note ?? '', created_at: a.ctx.now() })
      .execute();
    if (g.caseId) await recordCaseEvent(g.tx, a.ctx, g.caseId, 'network_person_added', { networkPersonId: id, relation: body.relation });
    g.setResourceId(id);
    return toNetworkPerson(await g.tx.selectFrom('network_person').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
  });
}

function toNetworkPerson(r: { id: string; citizen_id: string; name: string; relation: string; phone: string | null; email: string | null; note: string }): NetworkPersonDto {
  return { id: r.id, citizenId: r.citizen_id, name: r.name, relation: r.relation, phone: r.phone, email: r.email, note: r.note };
}
