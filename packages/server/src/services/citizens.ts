import { cprDanishError, formatCpr, parseCpr, type api } from '@helhed/core';
import type { z } from 'zod';
import type { Access } from '../access/access';
import type { Tx } from '../db/transactions';
import { conflict, invalid } from '../errors';
import { sectorRecordFact } from '../screening/facts';

type CitizenDto = z.infer<typeof api.Citizen>;

function parseCprOrFail(input: string) {
  const parsed = parseCpr(input);
  if (!parsed.ok) throw invalid(cprDanishError(parsed.error), [{ path: 'body.cpr', code: `cpr.${parsed.error}`, message: cprDanishError(parsed.error) }], 'invalid-cpr');
  return parsed.cpr;
}

export async function registerCitizen(a: Access, body: z.infer<typeof api.RegisterCitizenBody>): Promise<CitizenDto> {
  const cpr = parseCprOrFail(body.cpr);
  return a.gateway.run(a.ctx, { action: 'citizen.register', subject: { newCitizen: true }, resourceType: 'citizen' }, async (g) => {
    const existing = await g.tx.selectFrom('citizen').select('id').where('cpr', '=', cpr.digits).executeTakeFirst();
    if (existing) throw conflict('Borgeren er allerede registreret i kommunen. Søg borgeren frem i stedet.', 'citizen-exists');
    const id = crypto.randomUUID();
    await g.tx
      .insertInto('citizen')
      .values({
        municipality_id: a.ctx.principal.municipalityId,
        id,
        cpr: cpr.digits,
        birth_date: cpr.birthDate,
        sex: cpr.sex,
        name: body.name,
        address: body.address ?? '',
        phone: body.phone ?? null,
        email: body.email ?? null,
        registered_at: a.ctx.now(),
      })
      .execute();
    g.setResourceId(id);
    return (await readCitizen(g.tx, id))!;
  });
}

export async function searchCitizens(a: Access, body: z.infer<typeof api.SearchCitizenBody>): Promise<z.infer<typeof api.CitizenSearchResult>> {
  const cpr = parseCprOrFail(body.cpr);
  const findId = async (tx: Tx) =>
    (await tx.selectFrom('citizen').select('id').where('cpr', '=', cpr.digits).executeTakeFirst())?.id ?? null;
  return a.gateway.run(
    a.ctx,
    { action: 'citizen.search', subject: { search: { cpr: cpr.digits }, resolve: findId }, resourceType: 'citizen' },
    async (g) => {
      if (!g.citizenId) return { results: [] };
      const row = await g.tx
        .selectFrom('citizen as c')
        .leftJoin('holistic_case as k', (j) => j.onRef('k.citizen_id', '=', 'c.id').on('k.closed_at', 'is', null))
        .leftJoin('employee as e', 'e.id', 'k.coordinator_employee_id')
        .select(['c.id', 'c.name', 'c.birth_date', 'k.id as case_id', 'e.name as coordinator_name'])
        .where('c.id', '=', g.citizenId)
        .executeTakeFirstOrThrow();
      g.setResourceId(row.id);
      return {
        results: [{ id: row.id, name: row.name, birthDate: row.birth_date, openCaseId: row.case_id, coordinatorName: row.coordinator_name }],
      };
    },
  );
}

export async function getCitizen(a: Access, citizenId: string): Promise<CitizenDto> {
  return a.gateway.run(a.ctx, { action: 'citizen.read', subject: { citizenId }, resourceType: 'citizen', resourceId: citizenId }, async (g) =>
    (await readCitizen(g.tx, citizenId))!,
  );
}

export async function updateCitizen(a: Access, citizenId: string, body: z.infer<typeof api.UpdateCitizenBody>): Promise<CitizenDto> {
  return a.gateway.run(a.ctx, { action: 'case.update', subject: { citizenId }, resourceType: 'citizen', resourceId: citizenId }, async (g) => {
    const changes = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
    if (Object.keys(changes).length > 0) await g.tx.updateTable('citizen').set(changes).where('id', '=', citizenId).execute();
    return (await readCitizen(g.tx, citizenId))!;
  });
}

export async function listSectorRecords(a: Access, citizenId: string): Promise<{ items: z.infer<typeof api.SectorRecord>[] }> {
  return a.gateway.run(a.ctx, { action: 'sector_record.read', subject: { citizenId }, resourceType: 'sector_record' }, async (g) => {
    const rows = await g.tx.selectFrom('sector_record').selectAll().where('citizen_id', '=', citizenId).orderBy('start_date').execute();
    return { items: rows.map(sectorRecordFact) };
  });
}

async function readCitizen(tx: Tx, id: string): Promise<CitizenDto | undefined> {
  const row = await tx
    .selectFrom('citizen as c')
    .leftJoin('holistic_case as k', (j) => j.onRef('k.citizen_id', '=', 'c.id').on('k.closed_at', 'is', null))
    .selectAll('c')
    .select('k.id as case_id')
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    cpr: row.cpr === null ? null : formatCpr(row.cpr),
    name: row.name,
    birthDate: row.birth_date,
    sex: row.sex,
    address: row.address,
    phone: row.phone,
    email: row.email,
    registeredAt: row.registered_at.toISOString(),
    openCaseId: row.case_id,
  };
}
