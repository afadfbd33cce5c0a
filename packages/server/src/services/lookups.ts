import { isPurpose, PURPOSES, type api } from '@helhed/core';
import type { z } from 'zod';
import type { Access } from '../access/access';
import { ProblemError } from '../errors';

/**
 * The citizen's right to see who has looked at their data and why (SPEC C10,
 * §7.3): every audited access by an employee, shown as the unit (the
 * authority), the date and the purpose, newest first.
 */
export async function myLookups(a: Access, limit = 200): Promise<z.infer<typeof api.LookupList>> {
  const me = a.ctx.principal;
  if (me.kind !== 'citizen') {
    throw new ProblemError(403, 'forbidden', 'Adgang nægtet', 'Kun borgeren selv kan se opslag på sine egne oplysninger her.');
  }
  return a.gateway.run(a.ctx, { action: 'audit.read_own', subject: { citizenId: me.id }, resourceType: 'audit_log' }, async (g) => {
    const rows = await g.tx
      .selectFrom('audit_log as l')
      .leftJoin('employee as e', 'e.id', 'l.actor_id')
      .leftJoin('org_unit as u', 'u.id', 'e.unit_id')
      .select(['l.occurred_at', 'l.action', 'l.purpose', 'u.name as unit_name'])
      .where('l.citizen_id', '=', g.citizenId!)
      .where('l.actor_kind', '=', 'employee')
      .where('l.outcome', '!=', 'denied')
      .orderBy('l.seq', 'desc')
      .limit(limit)
      .execute();
    return {
      items: rows.map((r) => ({
        at: r.occurred_at.toISOString(),
        who: r.unit_name ?? 'Kommunen',
        action: ACTION_LABELS[r.action] ?? 'Så dine oplysninger',
        purpose: r.purpose,
        purposeLabel: isPurpose(r.purpose) ? PURPOSES[r.purpose] : r.purpose,
      })),
    };
  });
}

const ACTION_LABELS: Record<string, string> = {
  'citizen.search': 'Søgte dig frem',
  'citizen.read': 'Så dine stamoplysninger',
  'case.read': 'Så din sag',
  'case.create': 'Oprettede din sag',
  'case.update': 'Ændrede din sag',
  'contact.read': 'Så dine kontaktpersoner',
  'contact.write': 'Ændrede dine kontaktpersoner',
  'consent.read': 'Så dine samtykker',
  'consent.record': 'Registrerede et samtykke',
  'task.read': 'Så opgaver i din sag',
  'task.write': 'Løste en opgave i din sag',
  'event.read': 'Så din sagshistorik',
  'sector_record.read': 'Så dine ydelser og indsatser',
  'health.read': 'Så dine helbredsoplysninger',
  'health.receive': 'Modtog helbredsoplysninger om dig',
  'letter.read': 'Så dine breve fra kommunen',
  'overview.read': 'Så overblikket over dig og din sag',
};
