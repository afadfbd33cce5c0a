import { sql } from 'kysely';
import type { Relation } from '@helhed/core';
import type { Tx } from '../db/transactions';
import type { Principal } from './principal';

export interface CitizenRelation {
  relation: Relation;
  /** the citizen's open holistic case, if any */
  caseId: string | null;
}

/**
 * How the principal stands to a citizen, from the citizen's open case:
 * coordinator; team (member of the case's coordinating team, or of a team the
 * coordinating caseworker belongs to — so colleagues cover illness and leave);
 * contact (an active internal contact person on the case); self; none.
 * Undefined when the citizen does not exist in the municipality: the same
 * query tells, so a call about a citizen needs no look-up of its own.
 * One query, run inside the municipality-scoped transaction.
 */
export async function relationTo(tx: Tx, principal: Principal, citizenId: string): Promise<CitizenRelation | undefined> {
  if (principal.kind !== 'employee') {
    const { rows } = await sql<{ case_id: string | null }>`
      select k.id as case_id from citizen p
      left join holistic_case k on k.citizen_id = p.id and k.closed_at is null
      where p.id = ${citizenId}
    `.execute(tx);
    if (!rows[0]) return undefined;
    if (principal.kind === 'system') return { relation: 'none', caseId: null };
    return { relation: principal.id === citizenId ? 'self' : 'none', caseId: rows[0].case_id };
  }
  const me = principal.id;
  const row = await sql<{ id: string | null; coordinator: boolean; team: boolean; contact: boolean }>`
    select c.id,
      coalesce(c.coordinator_employee_id = ${me}, false) as coordinator,
      c.id is not null and exists (
        select 1 from team_member mine
        where mine.employee_id = ${me}
          and (mine.team_id = c.coordinator_team_id
               or mine.team_id in (select t.team_id from team_member t where t.employee_id = c.coordinator_employee_id))
      ) as team,
      c.id is not null and exists (
        select 1 from case_contact cc
        where cc.case_id = c.id and cc.employee_id = ${me} and cc.ended_on is null
      ) as contact
    from citizen p
    left join holistic_case c on c.citizen_id = p.id and c.closed_at is null
    where p.id = ${citizenId}
  `.execute(tx);
  const found = row.rows[0];
  if (!found) return undefined;
  if (!found.id) return { relation: 'none', caseId: null };
  const relation: Relation = found.coordinator ? 'coordinator' : found.team ? 'team' : found.contact ? 'contact' : 'none';
  if (relation === 'none' && principal.roles.includes('visitation_forum') && (await beforeMyForum(tx, me, citizenId))) {
    return { relation: 'forum', caseId: found.id };
  }
  return { relation, caseId: found.id };
}

/** Whether a visitation request about the citizen is before a forum the employee sits in, undecided (decisions.md § 32). */
async function beforeMyForum(tx: Tx, employeeId: string, citizenId: string): Promise<boolean> {
  const hit = await tx
    .selectFrom('visitation_request as r')
    .innerJoin('team_member as m', (j) => j.onRef('m.team_id', '=', 'r.forum_team_id').on('m.employee_id', '=', employeeId))
    .select('r.id')
    .where('r.citizen_id', '=', citizenId)
    .where('r.status', '=', 'pending')
    .executeTakeFirst();
  return hit !== undefined;
}
