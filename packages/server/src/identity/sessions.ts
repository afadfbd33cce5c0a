import { createHash, randomBytes } from 'node:crypto';
import type { EmployeeRole } from '@helhed/core';
import type { Kysely } from 'kysely';
import type { Principal } from '../access/principal';
import type { DB } from '../db/schema';

export const SESSION_COOKIE = 'helhed_session';

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

/** Only the hash of the token is stored: a leaked table does not hand out sessions. */
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(
  db: Kysely<DB>,
  login: { municipalityId: string; kind: 'employee' | 'citizen'; id: string; realm: string; idToken?: string | null },
  now: Date,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('session')
    .values({
      token_hash: hashToken(token),
      municipality_id: login.municipalityId,
      principal_kind: login.kind,
      principal_id: login.id,
      created_at: now,
      last_seen_at: now,
      id_token: login.idToken ?? null,
      realm: login.realm,
    })
    .execute();
  return token;
}

export type SessionLookup =
  | { status: 'active'; principal: Principal; idToken: string | null }
  | { status: 'expired' | 'missing' };

/**
 * A session ends after `idleMinutes` without requests and after
 * `absoluteHours` in any case; an ended session is deleted.
 */
export async function resolveSession(db: Kysely<DB>, token: string, now: Date, policy: SessionPolicy): Promise<SessionLookup> {
  const hash = hashToken(token);
  // Every API request starts here: the session and who it belongs to (name, roles, teams)
  // in one round trip, read fresh each time so a removed role takes effect at once.
  const s = await db
    .selectFrom('session as s')
    .leftJoin('employee as e', (j) =>
      j.on('s.principal_kind', '=', 'employee').onRef('e.municipality_id', '=', 's.municipality_id').onRef('e.id', '=', 's.principal_id').on('e.active', '=', true),
    )
    .leftJoin('citizen as c', (j) => j.on('s.principal_kind', '=', 'citizen').onRef('c.municipality_id', '=', 's.municipality_id').onRef('c.id', '=', 's.principal_id'))
    .selectAll('s')
    .select((eb) => [
      'e.name as employee_name',
      'e.unit_id',
      'c.name as citizen_name',
      eb.fn<string[]>('array', [eb.selectFrom('employee_role as r').select('r.role').whereRef('r.municipality_id', '=', 's.municipality_id').whereRef('r.employee_id', '=', 'e.id')]).as('roles'),
      eb.fn<string[]>('array', [eb.selectFrom('team_member as t').select('t.team_id').whereRef('t.municipality_id', '=', 's.municipality_id').whereRef('t.employee_id', '=', 'e.id')]).as('team_ids'),
    ])
    .where('s.token_hash', '=', hash)
    .executeTakeFirst();
  if (!s) return { status: 'missing' };
  const idleLimit = s.last_seen_at.getTime() + policy.idleMinutes * 60_000;
  const absoluteLimit = s.created_at.getTime() + policy.absoluteHours * 3_600_000;
  if (now.getTime() > idleLimit || now.getTime() > absoluteLimit) {
    await db.deleteFrom('session').where('token_hash', '=', hash).execute();
    return { status: 'expired' };
  }
  const principal: Principal | null =
    s.principal_kind === 'employee'
      ? s.employee_name === null
        ? null
        : {
            kind: 'employee',
            id: s.principal_id,
            name: s.employee_name,
            municipalityId: s.municipality_id,
            unitId: s.unit_id!,
            roles: s.roles as EmployeeRole[],
            teamIds: s.team_ids,
          }
      : s.citizen_name === null
        ? null
        : { kind: 'citizen', id: s.principal_id, name: s.citizen_name, municipalityId: s.municipality_id };
  if (!principal) return { status: 'missing' };
  // Refresh at most once a minute: a session read should not be a write.
  if (now.getTime() - s.last_seen_at.getTime() > 60_000) {
    await db.updateTable('session').set({ last_seen_at: now }).where('token_hash', '=', hash).execute();
  }
  return { status: 'active', principal, idToken: s.id_token };
}

export async function endSession(db: Kysely<DB>, token: string): Promise<void> {
  await db.deleteFrom('session').where('token_hash', '=', hashToken(token)).execute();
}
