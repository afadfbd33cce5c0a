import { parseCpr, type EmployeeRole } from '@helhed/core';
import type { Kysely } from 'kysely';
import type { Principal } from '../access/principal';
import type { DB } from '../db/schema';
import { asSystem } from '../db/transactions';

/**
 * Turns a login (an OIDC subject, a CPR claim, a development user) into a
 * principal. Runs as the system: a login is not yet scoped to a municipality.
 * Reads identity data only (names, roles, teams), never case data.
 */
export async function loadEmployee(db: Kysely<DB>, municipalityId: string, employeeId: string): Promise<Principal | null> {
  return asSystem(db, async (tx) => {
    const e = await tx
      .selectFrom('employee')
      .select(['id', 'name', 'unit_id', 'municipality_id'])
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', employeeId)
      .where('active', '=', true)
      .executeTakeFirst();
    if (!e) return null;
    const roles = await tx.selectFrom('employee_role').select('role').where('municipality_id', '=', municipalityId).where('employee_id', '=', e.id).execute();
    const teams = await tx.selectFrom('team_member').select('team_id').where('municipality_id', '=', municipalityId).where('employee_id', '=', e.id).execute();
    return {
      kind: 'employee',
      id: e.id,
      name: e.name,
      municipalityId,
      unitId: e.unit_id,
      roles: roles.map((r) => r.role as EmployeeRole),
      teamIds: teams.map((t) => t.team_id),
    };
  });
}

export async function loadCitizen(db: Kysely<DB>, municipalityId: string, citizenId: string): Promise<Principal | null> {
  const c = await db
    .selectFrom('citizen')
    .select(['id', 'name'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', citizenId)
    .executeTakeFirst();
  return c ? { kind: 'citizen', id: c.id, name: c.name, municipalityId } : null;
}

export async function employeeBySubject(db: Kysely<DB>, subject: string): Promise<{ municipalityId: string; id: string } | null> {
  const e = await db.selectFrom('employee').select(['municipality_id', 'id']).where('oidc_subject', '=', subject).where('active', '=', true).executeTakeFirst();
  return e ? { municipalityId: e.municipality_id, id: e.id } : null;
}

/**
 * A citizen logging in with MitID is found by CPR. A person registered in
 * several municipalities (moved) gets the most recently registered record:
 * that municipality is the one acting now.
 */
export async function citizenByCpr(db: Kysely<DB>, cprInput: string): Promise<{ municipalityId: string; id: string } | null> {
  const parsed = parseCpr(cprInput);
  if (!parsed.ok) return null;
  const c = await db
    .selectFrom('citizen')
    .select(['municipality_id', 'id'])
    .where('cpr', '=', parsed.cpr.digits)
    .orderBy('registered_at', 'desc')
    .executeTakeFirst();
  return c ? { municipalityId: c.municipality_id, id: c.id } : null;
}

export async function employeeByUsername(db: Kysely<DB>, username: string, municipalityCode?: string) {
  let q = db
    .selectFrom('employee')
    .innerJoin('municipality', 'municipality.id', 'employee.municipality_id')
    .select(['employee.municipality_id', 'employee.id'])
    .where('employee.username', '=', username)
    .where('employee.active', '=', true);
  if (municipalityCode) q = q.where('municipality.code', '=', municipalityCode);
  return (await q.execute()) ;
}

export function loadPrincipal(db: Kysely<DB>, municipalityId: string, kind: 'employee' | 'citizen', id: string): Promise<Principal | null> {
  return kind === 'employee' ? loadEmployee(db, municipalityId, id) : loadCitizen(db, municipalityId, id);
}
