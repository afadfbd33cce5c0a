import { addMonths, todayInCopenhagen, type api, type LocalDate } from '@helhed/core';
import type { z } from 'zod';
import type { Access } from '../access/access';
import type { Tx } from '../db/transactions';
import { invalid, notFound } from '../errors';
import { recordCaseEvent } from './case-events';

type ContactDto = z.infer<typeof api.Contact>;

export async function listContacts(a: Access, caseId: string): Promise<z.infer<typeof api.ContactList>> {
  return a.gateway.run(a.ctx, { action: 'contact.read', subject: { caseId }, resourceType: 'case_contact', resourceId: caseId }, async (g) => {
    const items = await readContacts(g.tx, caseId);
    return { items, counts: await contactCounts(g.tx, caseId, items, todayInCopenhagen(a.ctx.now())) };
  });
}

/** Contacts now, authority persons met in the last 12 months (distinct), coordinator changes in the last 12 months. */
export async function contactCounts(tx: Tx, caseId: string, items: ContactDto[], today: LocalDate): Promise<z.infer<typeof api.ContactList>['counts']> {
  const yearAgo = addMonths(today, -12);
  const active = items.filter((c) => c.endedOn === null);
  const metLastYear = items.filter((c) => c.authority && c.since <= today && (c.endedOn === null || c.endedOn >= yearAgo));
  const changes = await tx
    .selectFrom('case_event')
    .select('id')
    .where('case_id', '=', caseId)
    .where('type', '=', 'coordination_assigned')
    .where('occurred_at', '>=', new Date(`${yearAgo}T00:00:00Z`))
    .execute();
  return {
    active: active.length,
    activeAuthority: active.filter((c) => c.authority).length,
    authorityLast12Months: new Set(metLastYear.map(personKey)).size,
    coordinatorChangesLast12Months: changes.length,
  };
}

export async function addContact(a: Access, caseId: string, body: z.infer<typeof api.AddContactBody>): Promise<ContactDto> {
  return a.gateway.run(a.ctx, { action: 'contact.write', subject: { caseId }, resourceType: 'case_contact' }, async (g) => {
    let name = body.name ?? null;
    let email = body.email ?? null;
    if (body.kind === 'internal') {
      const e = await g.tx.selectFrom('employee').select(['name', 'email']).where('id', '=', body.employeeId!).executeTakeFirst();
      if (!e) throw invalid('Medarbejderen findes ikke i kommunen.', [{ path: 'body.employeeId', code: 'unknown-employee', message: 'Ukendt medarbejder.' }]);
      name ??= e.name;
      email ??= e.email;
    }
    const id = crypto.randomUUID();
    await g.tx
      .insertInto('case_contact')
      .values({
        municipality_id: a.ctx.principal.municipalityId,
        id,
        case_id: caseId,
        kind: body.kind,
        employee_id: body.employeeId ?? null,
        name: name!,
        role: body.role,
        sector: body.sector,
        organisation: body.organisation ?? null,
        phone: body.phone ?? null,
        email,
        authority: body.authority,
        since: body.since,
        ended_on: null,
      })
      .execute();
    await recordCaseEvent(g.tx, a.ctx, caseId, 'contact_added', { contactId: id, name, role: body.role });
    g.setResourceId(id);
    return (await readContacts(g.tx, caseId)).find((c) => c.id === id)!;
  });
}

export async function endContact(a: Access, caseId: string, contactId: string, body: z.infer<typeof api.EndContactBody>): Promise<ContactDto> {
  return a.gateway.run(a.ctx, { action: 'contact.write', subject: { caseId }, resourceType: 'case_contact', resourceId: contactId }, async (g) => {
    const contact = (await readContacts(g.tx, caseId)).find((c) => c.id === contactId);
    if (!contact) throw notFound('Kontaktpersonen');
    if (contact.coordinating) {
      throw invalid('Den koordinerende sagsbehandler afsluttes ved at vælge en ny koordinerende sagsbehandler for sagen.', [], 'coordinator-contact');
    }
    if (body.endedOn < contact.since) {
      throw invalid('Slutdatoen ligger før startdatoen.', [{ path: 'body.endedOn', code: 'before-start', message: 'Slutdatoen ligger før startdatoen.' }]);
    }
    await g.tx.updateTable('case_contact').set({ ended_on: body.endedOn }).where('id', '=', contactId).execute();
    await recordCaseEvent(g.tx, a.ctx, caseId, 'contact_ended', { contactId, name: contact.name, endedOn: body.endedOn });
    return { ...contact, endedOn: body.endedOn };
  });
}

function personKey(c: ContactDto): string {
  return c.employeeId ?? `${c.name.toLowerCase()}|${(c.organisation ?? '').toLowerCase()}`;
}

export async function readContacts(tx: Tx, caseId: string): Promise<ContactDto[]> {
  const rows = await tx
    .selectFrom('case_contact')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('coordinating', 'desc')
    .orderBy('ended_on', 'desc')
    .orderBy('since')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    employeeId: r.employee_id,
    name: r.name,
    role: r.role,
    sector: r.sector,
    organisation: r.organisation,
    phone: r.phone,
    email: r.email,
    authority: r.authority,
    coordinating: r.coordinating,
    since: r.since,
    endedOn: r.ended_on,
  }));
}
