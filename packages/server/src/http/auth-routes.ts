import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Principal } from '../access/principal';
import { ProblemError } from '../errors';
import { isOidcConfigured } from '../identity/oidc-config';
import { createOidcLogin, OidcLoginError, type OidcLogin, type PendingLogin } from '../identity/oidc-login';
import { citizenByCpr, employeeBySubject, employeeByUsername, loadPrincipal } from '../identity/principals';
import { createSession, endSession, resolveSession, SESSION_COOKIE } from '../identity/sessions';
import { HISTORY_RECORD_PREFIX } from '../seed/demo-indicators';
import type { AppDeps } from './app';

type Realm = 'employee' | 'citizen';
const RealmParams = z.strictObject({ realm: z.enum(['employee', 'citizen']) });

const Me = z.object({
  kind: z.enum(['employee', 'citizen']),
  id: z.uuid(),
  name: z.string(),
  municipalityId: z.uuid(),
  /** shown in the header (the citizen portal names the municipality) */
  municipalityName: z.string(),
  roles: z.array(z.string()),
});

const unauthenticated = () => new ProblemError(401, 'unauthenticated', 'Ikke logget ind', 'Du er ikke logget ind, eller din session er udløbet. Log ind igen.');

export function sessionCookieOptions(production: boolean) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: production };
}

/** The principal behind the request's session cookie, or a 401 problem. */
export async function authenticate(request: FastifyRequest, reply: FastifyReply, deps: AppDeps, now: () => Date): Promise<Principal> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) throw unauthenticated();
  const found = await resolveSession(deps.database.db, token, now(), {
    idleMinutes: deps.config.sessionIdleMinutes,
    absoluteHours: deps.config.sessionAbsoluteHours,
  });
  if (found.status !== 'active') {
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    throw unauthenticated();
  }
  return found.principal;
}

export const authRoutes: FastifyPluginAsyncZod<{ deps: AppDeps; now: () => Date }> = async (app, { deps, now }) => {
  const db = deps.database.db;
  const cookie = sessionCookieOptions(deps.config.production);
  const municipalityName = async (id: string) => (await db.selectFrom('municipality').select('name').where('id', '=', id).executeTakeFirst())?.name ?? '';

  async function startSession(reply: FastifyReply, login: { municipalityId: string; kind: Realm; id: string; realm: string; idToken?: string | null }) {
    const token = await createSession(db, login, now());
    reply.setCookie(SESSION_COOKIE, token, { ...cookie, maxAge: deps.config.sessionAbsoluteHours * 3600 });
  }

  app.get('/me', { schema: { tags: ['auth'], response: { 200: Me } } }, async (request, reply) => {
    const p = await authenticate(request, reply, deps, now);
    reply.header('cache-control', 'no-store');
    return { kind: p.kind as Realm, id: p.id!, name: p.name, municipalityId: p.municipalityId, municipalityName: await municipalityName(p.municipalityId), roles: p.kind === 'employee' ? p.roles : ['citizen'] };
  });

  app.post('/logout', { schema: { tags: ['auth'], response: { 200: z.object({ logoutUrl: z.string().nullable() }) } } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    let logoutUrl: string | null = null;
    if (token) {
      const found = await resolveSession(db, token, now(), { idleMinutes: deps.config.sessionIdleMinutes, absoluteHours: deps.config.sessionAbsoluteHours });
      if (found.status === 'active' && found.idToken) {
        const realm: Realm = found.principal.kind === 'citizen' ? 'citizen' : 'employee';
        logoutUrl = (await oidcFor(realm))?.logoutUrl(found.idToken, deps.config.publicUrl) ?? null;
      }
      await endSession(db, token);
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { logoutUrl };
  });

  // OpenID Connect: employees through the municipality's IdP, citizens through a MitID broker.
  const logins = new Map<Realm, Promise<OidcLogin>>();
  function oidcFor(realm: Realm): Promise<OidcLogin> | null {
    const settings = deps.oidc[realm];
    if (!settings) return null;
    if (!logins.has(realm)) {
      const created = createOidcLogin(settings);
      created.catch(() => logins.delete(realm));
      logins.set(realm, created);
    }
    return logins.get(realm)!;
  }
  const pendingCookie = (realm: Realm) => `helhed_oidc_${realm}`;

  app.get('/login/:realm', { schema: { tags: ['auth'], params: RealmParams } }, async (request, reply) => {
    const login = oidcFor(request.params.realm);
    if (!login) throw new ProblemError(404, 'login-not-configured', 'Login ikke sat op', 'Denne type login er ikke sat op.');
    const { authorizationUrl, pending } = await (await login).begin();
    reply.setCookie(pendingCookie(request.params.realm), JSON.stringify(pending), {
      ...cookie,
      path: '/auth',
      signed: true,
      maxAge: 600,
    });
    return reply.redirect(authorizationUrl);
  });

  app.get('/callback/:realm', { schema: { tags: ['auth'], params: RealmParams, querystring: z.record(z.string(), z.string()) } }, async (request, reply) => {
    const realm = request.params.realm;
    const login = oidcFor(realm);
    if (!login) throw new ProblemError(404, 'login-not-configured', 'Login ikke sat op', 'Denne type login er ikke sat op.');
    const raw = request.cookies[pendingCookie(realm)];
    const unsigned = raw ? request.unsignCookie(raw) : null;
    reply.clearCookie(pendingCookie(realm), { path: '/auth' });
    if (!unsigned?.valid || !unsigned.value) {
      throw new ProblemError(400, 'login-expired', 'Login udløbet', 'Loginforsøget er udløbet eller ugyldigt. Start login forfra.');
    }
    let identity;
    try {
      identity = await (await login).complete(new URL(request.url, deps.config.publicUrl), JSON.parse(unsigned.value) as PendingLogin);
    } catch (error) {
      if (error instanceof OidcLoginError) {
        request.log.warn({ code: error.code }, 'oidc login failed');
        throw new ProblemError(401, `login-${error.code.replace(/_/g, '-')}`, 'Login mislykkedes', error.detail);
      }
      throw error;
    }
    // Employees are matched on the configured claim only: falling back to `sub`
    // when it is missing would match on another identifier than configured.
    const employeeId = identity.claims[deps.oidc.employeeIdClaim];
    const found =
      realm === 'employee'
        ? typeof employeeId === 'string' || typeof employeeId === 'number'
          ? await employeeBySubject(db, String(employeeId))
          : null
        : await citizenByCpr(db, String(identity.claims[deps.oidc.citizenCprClaim] ?? ''));
    if (!found) {
      throw new ProblemError(
        403,
        'unknown-person',
        'Ingen adgang',
        realm === 'employee'
          ? 'Du er logget ind, men er ikke oprettet som medarbejder i Helhed. Kontakt din administrator.'
          : 'Du er logget ind, men kommunen har ingen sag om dig i Helhed.',
      );
    }
    await startSession(reply, { ...found, kind: realm, realm: `oidc:${realm}`, idToken: identity.idToken });
    return reply.redirect(realm === 'citizen' ? '/borger' : '/');
  });

  // Local development login: only without an OIDC issuer, never in production.
  if (!deps.config.production && !isOidcConfigured(deps.oidc)) {
    const DevLoginBody = z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('employee'), username: z.string().min(1).max(100), municipalityCode: z.string().max(20).optional() }),
      z.strictObject({ kind: z.literal('citizen'), citizenId: z.uuid() }),
    ]);
    app.post('/dev-login', { schema: { tags: ['auth'], body: DevLoginBody, response: { 200: Me } } }, async (request, reply) => {
      const body = request.body;
      let found: { municipalityId: string; id: string } | undefined;
      if (body.kind === 'employee') {
        const matches = await employeeByUsername(db, body.username, body.municipalityCode);
        if (matches.length > 1) throw new ProblemError(409, 'ambiguous-user', 'Flere brugere', 'Brugernavnet findes i flere kommuner: angiv kommunekoden.');
        const m = matches[0];
        if (m) found = { municipalityId: m.municipality_id, id: m.id };
      } else {
        const c = await db.selectFrom('citizen').select(['municipality_id', 'id']).where('id', '=', body.citizenId).executeTakeFirst();
        if (c) found = { municipalityId: c.municipality_id, id: c.id };
      }
      if (!found) throw new ProblemError(404, 'unknown-user', 'Ukendt bruger', 'Brugeren findes ikke.');
      await startSession(reply, { ...found, kind: body.kind, realm: 'development' });
      const principal = await loadPrincipal(db, found.municipalityId, body.kind, found.id);
      return { kind: body.kind, id: found.id, name: principal!.name, municipalityId: found.municipalityId, municipalityName: await municipalityName(found.municipalityId), roles: principal!.kind === 'employee' ? principal!.roles : ['citizen'] };
    });

    app.get(
      '/dev-users',
      {
        schema: {
          tags: ['auth'],
          response: {
            200: z.object({
              employees: z.array(z.object({ username: z.string(), name: z.string(), title: z.string(), roles: z.array(z.string()), municipalityCode: z.string() })),
              citizens: z.array(z.object({ id: z.uuid(), name: z.string(), municipalityCode: z.string() })),
            }),
          },
        },
      },
      async () => {
        const employees = await db
          .selectFrom('employee as e')
          .innerJoin('municipality as m', 'm.id', 'e.municipality_id')
          .select((eb) => ['e.username', 'e.name', 'e.title', 'm.code', eb.fn<string[]>('array', [eb.selectFrom('employee_role as r').select('r.role').whereRef('r.employee_id', '=', 'e.id')]).as('roles')])
          .orderBy('m.code')
          .orderBy('e.name')
          .execute();
        // Synthetic demo citizens with a case, for trying the citizen portal — not the indicators' background crowd.
        const citizens = await db
          .selectFrom('citizen as c')
          .innerJoin('holistic_case as k', 'k.citizen_id', 'c.id')
          .innerJoin('municipality as m', 'm.id', 'c.municipality_id')
          .select(['c.id', 'c.name', 'm.code'])
          .where(({ not, exists, selectFrom }) =>
            not(exists(selectFrom('sector_record as r').select('r.id').whereRef('r.citizen_id', '=', 'c.id').where('r.external_id', 'like', `${HISTORY_RECORD_PREFIX}%`))),
          )
          .orderBy('c.name')
          .execute();
        return {
          employees: employees.map((e) => ({ username: e.username, name: e.name, title: e.title, roles: e.roles, municipalityCode: e.code })),
          citizens: citizens.map((c) => ({ id: c.id, name: c.name, municipalityCode: c.code })),
        };
      },
    );
  }
};
