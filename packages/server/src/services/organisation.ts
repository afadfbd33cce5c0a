import { todayInCopenhagen } from '@helhed/core';
import type { Access } from '../access/access';
import { readLimitsInForce } from './authority-limits';

export interface OrganisationDto {
  units: { id: string; name: string; kind: string }[];
  teams: { id: string; unitId: string; name: string; memberIds: string[] }[];
  employees: { id: string; name: string; title: string; email: string; unitId: string; roles: string[] }[];
  authorityLimits: { id: string; role: string; unitId: string; category: string; maxAmountDkk: number | null }[];
}

/** The municipality's organisation as data (SPEC C12): who can coordinate, in which teams, with the limits in force today. */
export async function getOrganisation(a: Access): Promise<OrganisationDto> {
  return a.gateway.administrative(a.ctx, async (tx) => {
    const [units, teams, members, employees, roles, limits] = await Promise.all([
      tx.selectFrom('org_unit').selectAll().orderBy('name').execute(),
      tx.selectFrom('team').selectAll().orderBy('name').execute(),
      tx.selectFrom('team_member').selectAll().execute(),
      tx.selectFrom('employee').selectAll().where('active', '=', true).orderBy('name').execute(),
      tx.selectFrom('employee_role').selectAll().execute(),
      readLimitsInForce(tx, todayInCopenhagen(a.ctx.now())),
    ]);
    return {
      units: units.map((u) => ({ id: u.id, name: u.name, kind: u.kind })),
      teams: teams.map((t) => ({ id: t.id, unitId: t.unit_id, name: t.name, memberIds: members.filter((m) => m.team_id === t.id).map((m) => m.employee_id) })),
      employees: employees.map((e) => ({
        id: e.id,
        name: e.name,
        title: e.title,
        email: e.email,
        unitId: e.unit_id,
        roles: roles.filter((r) => r.employee_id === e.id).map((r) => r.role),
      })),
      authorityLimits: limits.map((l) => ({ id: l.id, role: l.role, unitId: l.unitId, category: l.category, maxAmountDkk: l.maxAmountDkk })),
    };
  });
}
