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
 * One query, run inside the municipality-scoped transaction.
 */
export async function relationTo(tx: Tx, principal: Principal, citizenId: string): Promise<CitizenRelation> {
  if (principal.kind === 'citizen') {
    const openCase = await tx
      .selectFrom('holistic_case')
      .select('id')
      .where('citizen_id', '=', citizenId)
      .where('closed_at', 'is', null)
      .executeTakeFirst();
    return { relation: principal.id === citizenId ? 'self' : 'none', caseId: openCase?.id ?? null };
  }
  if (principal.kind === 'system') return { relation: 'none', caseId: null };
  const me = principal.id;
  const row = await sql<{ id: string; coordinator: boolean; team: boolean; contact: boolean }>`
    select c.id,
      coalesce(c.coordinator_employee_id = ${me}, false) as coordinator,
      exists (
        select 1 from team_member mine
        where mine.employee_id = ${me}
          and (mine.team_id = c.coordinator_team_id
               or mine.team_id in (select t.team_id from team_member t where t.employee_id = c.coordinator_employee_id))
      ) as team,
      exists (
        select 1 from case_contact cc
        where cc.case_id = c.id and cc.employee_id = ${me} and cc.ended_on is null
      ) as contact
    from holistic_case c
    where c.citizen_id = ${citizenId} and c.closed_at is null
  `.execute(tx);
  const found = row.rows[0];
  if (!found) return { relation: 'none', caseId: null };
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
