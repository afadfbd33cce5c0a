import { createHash, randomUUID } from 'node:crypto';
import { parseCpr } from '@helhed/core';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOidcConfig, type OidcConfig } from '../src/identity/oidc-config';
import { testDatabase } from './support/database';
import { freshMunicipality, startHarness, TestClock, type Harness } from './support/harness';
import { loginThroughProvider, startTestOidcProvider, type TestOidcProvider, oidcTestEnv } from './support/oidc-test-provider';

/**
 * Login through the app: OIDC for employees (the municipality's IdP) and
 * citizens (a MitID broker) against real OpenID Providers on loopback, the
 * development login's on/off switch, and the session rules (idle and absolute
 * timeout, logout, only a hash of the token stored).
 */

// The IdP compares redirect URIs character by character: the app's public URL
// decides the callback it asks for, and the provider has exactly that one.
const PUBLIC_URL = 'http://127.0.0.1:3999';
const EMPLOYEE_CALLBACK = `${PUBLIC_URL}/auth/callback/employee`;
const CITIZEN_CALLBACK = `${PUBLIC_URL}/auth/callback/citizen`;

const IDLE_MINUTES = 20;
const ABSOLUTE_HOURS = 2;
const MINUTE = 60_000;

const LOTTE_CPR = '120591-1002';
// Valid CPR numbers (fictitious) that no demo citizen has.
const UNKNOWN_CPR = '2802851237';

// Unique per run: employee.oidc_subject is unique across the shared test database.
const run = randomUUID().slice(0, 8);
const METTE_SUB = `entra-mette-${run}`;
const STRANGER_SUB = `entra-stranger-${run}`;
const JONAS_EMPLOYEE_NUMBER = `EMP-${run}`;
const JONAS_UPN = `jonas-upn-${run}`;

type Realm = 'employee' | 'citizen';

function setCookieLines(res: LightMyRequestResponse): string[] {
  const h = res.headers['set-cookie'];
  if (h === undefined) return [];
  return Array.isArray(h) ? h : [String(h)];
}

/** `name=value` exactly as the server sent it (still URL-encoded), for a Cookie header. */
function rawCookie(res: LightMyRequestResponse, name: string): string {
  const line = setCookieLines(res).find((l) => l.startsWith(`${name}=`));
  if (!line) throw new Error(`no ${name} cookie in ${JSON.stringify(setCookieLines(res))}`);
  return line.split(';')[0]!;
}

function sessionCookieOf(res: LightMyRequestResponse) {
  return res.cookies.find((c) => c.name === 'helhed_session' && c.value !== '');
}

function expectSessionCleared(res: LightMyRequestResponse) {
  const cleared = res.cookies.find((c) => c.name === 'helhed_session');
  expect(cleared, 'the session cookie is cleared').toBeDefined();
  expect(cleared!.value).toBe('');
  expect(cleared!.path).toBe('/');
  const gone = cleared!.maxAge === 0 || (cleared!.expires !== undefined && cleared!.expires.getTime() <= Date.now());
  expect(gone).toBe(true);
}

function expectProblem(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json();
  expect(body).toMatchObject({ status, type: `https://helhed.dk/problems/${code}` });
  return body as { title: string; detail: string };
}

const sha256hex = (s: string) => createHash('sha256').update(s).digest('hex');
const base64urlSha256 = (s: string) => createHash('sha256').update(s).digest('base64url');

async function beginLogin(app: FastifyInstance, realm: Realm) {
  const res = await app.inject({ method: 'GET', url: `/auth/login/${realm}` });
  expect(res.statusCode, res.body).toBe(302);
  return { res, authorizationUrl: String(res.headers.location), pendingCookie: rawCookie(res, `helhed_oidc_${realm}`) };
}

function callback(app: FastifyInstance, url: URL, cookie?: string) {
  return app.inject({ method: 'GET', url: url.pathname + url.search, headers: cookie ? { cookie } : {} });
}

/** The whole browser round trip: app -> IdP (login as `username`) -> app's callback. */
async function oidcLogin(app: FastifyInstance, realm: Realm, username: string) {
  const begun = await beginLogin(app, realm);
  const back = await loginThroughProvider(begun.authorizationUrl, username);
  const res = await callback(app, back, begun.pendingCookie);
  const session = sessionCookieOf(res);
  return { res, begun, back, cookie: session ? `helhed_session=${session.value}` : null, token: session?.value ?? null };
}

const get = (app: FastifyInstance, url: string, cookie: string) => app.inject({ method: 'GET', url, headers: { cookie } });

describe('login through the app', () => {
  let employeeIdp: TestOidcProvider;
  let citizenIdp: TestOidcProvider;
  let oidc: OidcConfig;
  let h: Harness;
  let municipalityId: string;
  let mette: { id: string; name: string; roles: string[] };
  let lotteId: string;

  beforeAll(async () => {
    [employeeIdp, citizenIdp] = await Promise.all([
      startTestOidcProvider({
        accounts: {
          [METTE_SUB]: { name: 'Mette K. (IdP)', email: 'mette@kommune.example', email_verified: true },
          [STRANGER_SUB]: { name: 'Ikke Ansat', email: 'stranger@example.org' },
          [JONAS_UPN]: { name: 'Jonas (IdP)', employee_number: JONAS_EMPLOYEE_NUMBER },
        },
        clients: [{ clientId: 'helhed-employee', clientSecret: 'employee-secret', redirectUris: [EMPLOYEE_CALLBACK] }],
      }),
      // Shaped like the Signaturgruppen MitID broker: 'dk.cpr' for the 'ssn' scope.
      startTestOidcProvider({
        accounts: {
          'mitid-lotte': { name: 'Lotte Frederiksen', 'dk.cpr': LOTTE_CPR.replace('-', '') },
          'mitid-unknown': { name: 'Ukendt Borger', 'dk.cpr': UNKNOWN_CPR },
          'mitid-no-cpr': { name: 'Uden CPR' },
        },
        clients: [{ clientId: 'helhed-citizen', clientSecret: 'citizen-secret', redirectUris: [CITIZEN_CALLBACK] }],
        scopes: { ssn: ['dk.cpr'] },
      }),
    ]);
    oidc = readOidcConfig(oidcTestEnv(employeeIdp.issuer, citizenIdp.issuer, PUBLIC_URL));
    expect(oidc.employee?.redirectUri).toBe(EMPLOYEE_CALLBACK);
    expect(oidc.citizen?.redirectUri).toBe(CITIZEN_CALLBACK);

    h = await startHarness({
      config: { publicUrl: PUBLIC_URL, sessionIdleMinutes: IDLE_MINUTES, sessionAbsoluteHours: ABSOLUTE_HOURS },
      oidc,
    });
    ({ id: municipalityId } = await freshMunicipality());

    const { db } = await testDatabase();
    // Mette is known to the IdP by her subject.
    const m = await db
      .updateTable('employee')
      .set({ oidc_subject: METTE_SUB })
      .where('municipality_id', '=', municipalityId)
      .where('username', '=', 'mette')
      .returning(['id', 'name'])
      .executeTakeFirstOrThrow();
    const roles = await db.selectFrom('employee_role').select('role').where('municipality_id', '=', municipalityId).where('employee_id', '=', m.id).execute();
    mette = { ...m, roles: roles.map((r) => r.role) };
    expect(mette.roles.length).toBeGreaterThan(0);
    // Jonas by his employee number (see HELHED_OIDC_EMPLOYEE_ID_CLAIM below).
    await db
      .updateTable('employee')
      .set({ oidc_subject: JONAS_EMPLOYEE_NUMBER })
      .where('municipality_id', '=', municipalityId)
      .where('username', '=', 'jonas')
      .executeTakeFirstOrThrow();

    // Every demo copy in the shared test database has a Lotte with the same CPR
    // number; a MitID login picks the most recently registered one, so make it ours.
    const digits = LOTTE_CPR.replace('-', '');
    const latest = await db.selectFrom('citizen').select((eb) => eb.fn.max('registered_at').as('at')).where('cpr', '=', digits).executeTakeFirstOrThrow();
    const lotte = await db
      .updateTable('citizen')
      .set({ registered_at: new Date(new Date(latest.at as unknown as Date).getTime() + MINUTE) })
      .where('municipality_id', '=', municipalityId)
      .where('cpr', '=', digits)
      .returning('id')
      .executeTakeFirstOrThrow();
    lotteId = lotte.id;

    // The "unknown" person must really be unknown, with a well-formed CPR number.
    const parsed = parseCpr(UNKNOWN_CPR);
    expect(parsed.ok).toBe(true);
    expect(await db.selectFrom('citizen').select('id').where('cpr', '=', UNKNOWN_CPR).executeTakeFirst()).toBeUndefined();
  });

  afterAll(async () => {
    await h?.app.close();
    await Promise.all([employeeIdp?.close(), citizenIdp?.close()]);
  });

  describe('employees (OIDC)', () => {
    it('login redirects to the IdP with PKCE, state and nonce, and keeps the verifier in a signed http-only cookie', async () => {
      const { res, authorizationUrl, pendingCookie } = await beginLogin(h.app, 'employee');
      const url = new URL(authorizationUrl);
      expect(url.origin).toBe(employeeIdp.issuer);
      expect(url.searchParams.get('response_type')).toBe('code');
      expect(url.searchParams.get('client_id')).toBe('helhed-employee');
      expect(url.searchParams.get('redirect_uri')).toBe(EMPLOYEE_CALLBACK);
      expect(url.searchParams.get('scope')?.split(' ')).toContain('openid');
      expect(url.searchParams.get('code_challenge_method')).toBe('S256');
      expect(url.searchParams.get('state')).toMatch(/\S{16,}/);
      expect(url.searchParams.get('nonce')).toMatch(/\S{16,}/);

      const line = setCookieLines(res).find((l) => l.startsWith('helhed_oidc_employee='))!;
      expect(line).toMatch(/;\s*HttpOnly/i);
      expect(line).toMatch(/;\s*SameSite=Lax/i);
      expect(line).toMatch(/;\s*Path=\/auth(;|$)/);
      // The cookie is `<pending JSON>.<signature>`; the challenge is the S256 of its verifier,
      // and the verifier itself never goes to the IdP.
      const value = decodeURIComponent(pendingCookie.slice(pendingCookie.indexOf('=') + 1));
      const pending = JSON.parse(value.slice(0, value.lastIndexOf('.'))) as { state: string; nonce: string; codeVerifier: string };
      expect(pending.state).toBe(url.searchParams.get('state'));
      expect(pending.nonce).toBe(url.searchParams.get('nonce'));
      expect(url.searchParams.get('code_challenge')).toBe(base64urlSha256(pending.codeVerifier));
      expect(authorizationUrl).not.toContain(pending.codeVerifier);
    });

    it('logs Mette in end to end: session cookie, /auth/me with her roles, and the API works', async () => {
      const { res, back, cookie } = await oidcLogin(h.app, 'employee', METTE_SUB);
      expect(back.origin + back.pathname).toBe(EMPLOYEE_CALLBACK);
      expect(back.searchParams.get('code')).toBeTruthy();

      expect(res.statusCode, res.body).toBe(302);
      expect(res.headers.location).toBe('/');
      const session = sessionCookieOf(res)!;
      expect(session).toBeDefined();
      expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', maxAge: ABSOLUTE_HOURS * 3600 });
      expect(session.secure).toBeFalsy(); // development: plain http on localhost
      expect(session.value.length).toBeGreaterThanOrEqual(40);
      // The pending login is used up.
      const pendingCleared = res.cookies.find((c) => c.name === 'helhed_oidc_employee');
      expect(pendingCleared?.value).toBe('');

      const me = await get(h.app, '/auth/me', cookie!);
      expect(me.statusCode).toBe(200);
      expect(me.headers['cache-control']).toBe('no-store');
      expect(me.json()).toEqual({ kind: 'employee', id: mette.id, name: mette.name, municipalityId, municipalityName: 'Helhed Demokommune', roles: mette.roles });
      // The name comes from Helhed, not from the IdP's claims.
      expect(me.json().name).toBe('Mette Kjærgaard');

      const caseload = await get(h.app, '/api/caseload', cookie!);
      expect(caseload.statusCode, caseload.body).toBe(200);
      const lotte = caseload.json().items.find((i: any) => i.citizenId === lotteId);
      expect(lotte).toMatchObject({ citizenName: 'Lotte Frederiksen', relation: 'coordinator' });
    });

    it('a person the IdP knows but Helhed does not gets 403 with a Danish explanation and no session', async () => {
      const { res } = await oidcLogin(h.app, 'employee', STRANGER_SUB);
      const problem = expectProblem(res, 403, 'unknown-person');
      expect(problem.detail).toMatch(/ikke oprettet som medarbejder/);
      expect(sessionCookieOf(res)).toBeUndefined();
    });

    it('the callback refuses a missing, tampered or foreign pending-login cookie', async () => {
      const begun = await beginLogin(h.app, 'employee');
      const back = await loginThroughProvider(begun.authorizationUrl, METTE_SUB);

      const without = await callback(h.app, back);
      expect(expectProblem(without, 400, 'login-expired').detail).toMatch(/Start login forfra/);
      expect(sessionCookieOf(without)).toBeUndefined();

      // Same signature, a different verifier: the signature no longer matches.
      const [name, encoded] = [begun.pendingCookie.slice(0, begun.pendingCookie.indexOf('=')), begun.pendingCookie.slice(begun.pendingCookie.indexOf('=') + 1)];
      const value = decodeURIComponent(encoded);
      const dot = value.lastIndexOf('.');
      const pending = JSON.parse(value.slice(0, dot));
      const forged = JSON.stringify({ ...pending, codeVerifier: `${pending.codeVerifier.slice(0, -1)}${pending.codeVerifier.endsWith('A') ? 'B' : 'A'}` });
      const tampered = await callback(h.app, back, `${name}=${encodeURIComponent(`${forged}${value.slice(dot)}`)}`);
      expectProblem(tampered, 400, 'login-expired');
      expect(sessionCookieOf(tampered)).toBeUndefined();

      // Unsigned (as a browser could send it after stripping the signature).
      const unsigned = await callback(h.app, back, `${name}=${encodeURIComponent(value.slice(0, dot))}`);
      expectProblem(unsigned, 400, 'login-expired');

      // A genuine pending cookie, but of another login attempt: the state does not match.
      const other = await beginLogin(h.app, 'employee');
      const foreign = await callback(h.app, back, other.pendingCookie);
      expectProblem(foreign, 401, 'login-state-mismatch');
      expect(sessionCookieOf(foreign)).toBeUndefined();

      // None of that used up the code: with its own cookie the callback still succeeds.
      const ok = await callback(h.app, back, begun.pendingCookie);
      expect(ok.statusCode, ok.body).toBe(302);
      expect(sessionCookieOf(ok)).toBeDefined();
      // ... once: the IdP refuses a replayed code.
      const replay = await callback(h.app, back, begun.pendingCookie);
      expectProblem(replay, 401, 'login-code-rejected');
      expect(sessionCookieOf(replay)).toBeUndefined();
    });

    it('HELHED_OIDC_EMPLOYEE_ID_CLAIM: employees are matched on the configured claim, and only on it', async () => {
      const byNumber = await startHarness({ config: { publicUrl: PUBLIC_URL }, oidc: { ...oidc, employeeIdClaim: 'employee_number' } });
      try {
        const jonas = await oidcLogin(byNumber.app, 'employee', JONAS_UPN);
        expect(jonas.res.statusCode, jonas.res.body).toBe(302);
        const me = (await get(byNumber.app, '/auth/me', jonas.cookie!)).json();
        expect(me).toMatchObject({ kind: 'employee', name: 'Jonas Lund Petersen', municipalityId });

        // Mette's token has no employee_number. Her `sub` happens to be an
        // oidc_subject in Helhed, but that is another identifier: no login.
        const mette = await oidcLogin(byNumber.app, 'employee', METTE_SUB);
        expectProblem(mette.res, 403, 'unknown-person');
        expect(sessionCookieOf(mette.res)).toBeUndefined();
      } finally {
        await byNumber.app.close();
      }
      // With the default claim ('sub') Jonas's IdP account is unknown.
      expectProblem((await oidcLogin(h.app, 'employee', JONAS_UPN)).res, 403, 'unknown-person');
    });
  });

  describe('citizens (MitID broker)', () => {
    it('Lotte logs in with her CPR claim and sees who looked at her data', async () => {
      // Mette (logged in through her IdP) searches for Lotte: a lookup Lotte can see.
      const employee = await oidcLogin(h.app, 'employee', METTE_SUB);
      const search = await h.app.inject({ method: 'POST', url: '/api/citizens/search', headers: { cookie: employee.cookie! }, payload: { cpr: LOTTE_CPR } });
      expect(search.statusCode, search.body).toBe(200);
      expect(search.json().results[0].id).toBe(lotteId);

      const begun = await beginLogin(h.app, 'citizen');
      expect(new URL(begun.authorizationUrl).origin).toBe(citizenIdp.issuer);
      expect(new URL(begun.authorizationUrl).searchParams.get('scope')).toBe('openid profile ssn');
      const back = await loginThroughProvider(begun.authorizationUrl, 'mitid-lotte');
      expect(back.origin + back.pathname).toBe(CITIZEN_CALLBACK);
      const res = await callback(h.app, back, begun.pendingCookie);
      expect(res.statusCode, res.body).toBe(302);
      expect(res.headers.location).toBe('/borger');
      const session = sessionCookieOf(res)!;
      expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      const cookie = `helhed_session=${session.value}`;

      const me = await get(h.app, '/auth/me', cookie);
      expect(me.json()).toEqual({ kind: 'citizen', id: lotteId, name: 'Lotte Frederiksen', municipalityId, municipalityName: 'Helhed Demokommune', roles: ['citizen'] });

      const lookups = await get(h.app, '/api/me/lookups', cookie);
      expect(lookups.statusCode, lookups.body).toBe(200);
      const items = lookups.json().items as any[];
      expect(items.some((l) => l.action === 'Søgte dig frem')).toBe(true);

      // A citizen session is not an employee session.
      const caseload = await get(h.app, '/api/caseload', cookie);
      expect(caseload.statusCode).toBe(403);
    });

    it('a person with a CPR number unknown to Helhed, or without one, gets 403 with a Danish explanation and no session', async () => {
      for (const account of ['mitid-unknown', 'mitid-no-cpr']) {
        const { res } = await oidcLogin(h.app, 'citizen', account);
        const problem = expectProblem(res, 403, 'unknown-person');
        expect(problem.title).toBe('Ingen adgang');
        expect(problem.detail).toMatch(/kommunen har ingen sag om dig/);
        expect(res.body).not.toContain(UNKNOWN_CPR);
        expect(sessionCookieOf(res)).toBeUndefined();
      }
    });
  });

  describe('sessions', () => {
    it('end after the idle timeout: 401, the cookie is cleared and the session deleted', async () => {
      const { cookie, token } = await oidcLogin(h.app, 'employee', METTE_SUB);
      const { db } = await testDatabase();
      const row = () => db.selectFrom('session').select('token_hash').where('token_hash', '=', sha256hex(token!)).executeTakeFirst();

      h.clock.advance((IDLE_MINUTES - 1) * MINUTE);
      expect((await get(h.app, '/auth/me', cookie!)).statusCode).toBe(200);

      h.clock.advance(IDLE_MINUTES * MINUTE + 1000);
      const expired = await get(h.app, '/api/caseload', cookie!);
      expect(expectProblem(expired, 401, 'unauthenticated').detail).toMatch(/Log ind igen/);
      expectSessionCleared(expired);
      expect(await row()).toBeUndefined();

      // Coming back later does not revive it.
      const me = await get(h.app, '/auth/me', cookie!);
      expectProblem(me, 401, 'unauthenticated');
      expectSessionCleared(me);
    });

    it('activity keeps a session alive within the idle window, until the absolute timeout ends it anyway', async () => {
      const { cookie } = await oidcLogin(h.app, 'employee', METTE_SUB);
      const step = (IDLE_MINUTES - 1) * MINUTE;
      const steps = Math.floor((ABSOLUTE_HOURS * 60 * MINUTE) / step); // the last step still inside
      expect(steps).toBeGreaterThanOrEqual(3);
      for (let i = 1; i <= steps; i++) {
        h.clock.advance(step);
        const res = await get(h.app, i % 2 ? '/api/caseload' : '/auth/me', cookie!);
        expect(res.statusCode, `after ${(i * step) / MINUTE} minutes`).toBe(200);
      }
      // Active a moment ago (well within the idle window), but past the absolute limit.
      h.clock.advance(step);
      const ended = await get(h.app, '/api/caseload', cookie!);
      expectProblem(ended, 401, 'unauthenticated');
      expectSessionCleared(ended);
      expect((await get(h.app, '/auth/me', cookie!)).statusCode).toBe(401);
    });

    it('logout deletes the session server-side and returns the IdP end-session URL', async () => {
      const { cookie, token } = await oidcLogin(h.app, 'employee', METTE_SUB);
      const { db } = await testDatabase();
      const stored = await db.selectFrom('session').select(['id_token', 'realm']).where('token_hash', '=', sha256hex(token!)).executeTakeFirstOrThrow();
      expect(stored.realm).toBe('oidc:employee');

      const res = await h.app.inject({ method: 'POST', url: '/auth/logout', headers: { cookie: cookie! } });
      expect(res.statusCode, res.body).toBe(200);
      expectSessionCleared(res);
      const logoutUrl = new URL(res.json().logoutUrl);
      expect(logoutUrl.origin).toBe(employeeIdp.issuer);
      expect(logoutUrl.searchParams.get('id_token_hint')).toBe(stored.id_token);
      expect(logoutUrl.searchParams.get('post_logout_redirect_uri')).toBe(PUBLIC_URL);

      expect(await db.selectFrom('session').select('token_hash').where('token_hash', '=', sha256hex(token!)).executeTakeFirst()).toBeUndefined();
      // The old cookie, replayed, is worthless.
      expectProblem(await get(h.app, '/auth/me', cookie!), 401, 'unauthenticated');
      expectProblem(await get(h.app, '/api/caseload', cookie!), 401, 'unauthenticated');
    });

    it("a citizen's logout goes to the MitID broker's end-session endpoint", async () => {
      const { cookie } = await oidcLogin(h.app, 'citizen', 'mitid-lotte');
      const res = await h.app.inject({ method: 'POST', url: '/auth/logout', headers: { cookie: cookie! } });
      expect(new URL(res.json().logoutUrl).origin).toBe(citizenIdp.issuer);
      expect((await get(h.app, '/auth/me', cookie!)).statusCode).toBe(401);
    });

    it('the session table stores only a hash of the token', async () => {
      const { token } = await oidcLogin(h.app, 'employee', METTE_SUB);
      const { db } = await testDatabase();
      const rows = await db.selectFrom('session').selectAll().execute();
      const mine = rows.filter((r) => r.token_hash === sha256hex(token!));
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ principal_kind: 'employee', principal_id: mette.id, municipality_id: municipalityId });
      const dump = JSON.stringify(rows);
      expect(dump).not.toContain(token!);
      expect(dump).not.toContain(Buffer.from(token!, 'base64url').toString('hex'));
    });
  });

  describe('development login', () => {
    const devLogin = (app: FastifyInstance) =>
      app.inject({ method: 'POST', url: '/auth/dev-login', payload: { kind: 'employee', username: 'mette', municipalityCode: 'x' } });
    const devUsers = (app: FastifyInstance) => app.inject({ method: 'GET', url: '/auth/dev-users' });

    it('does not exist when an OIDC issuer is configured', async () => {
      expectProblem(await devLogin(h.app), 404, 'not-found');
      expectProblem(await devUsers(h.app), 404, 'not-found');

      // One realm is enough to turn it off.
      const citizenOnly = await startHarness({ oidc: { ...oidc, employee: null } });
      try {
        expect((await devLogin(citizenOnly.app)).statusCode).toBe(404);
        expect((await devUsers(citizenOnly.app)).statusCode).toBe(404);
      } finally {
        await citizenOnly.app.close();
      }
    });

    it('does not exist in production, even without OIDC', async () => {
      const prod = await startHarness({ config: { production: true, cookieSecret: 'a-production-cookie-secret-of-40-chars!!' }, oidc: readOidcConfig({}) });
      try {
        expect(prod.config.production).toBe(true);
        expectProblem(await devLogin(prod.app), 404, 'not-found');
        expectProblem(await devUsers(prod.app), 404, 'not-found');
        expectProblem(await prod.app.inject({ method: 'GET', url: '/auth/login/employee' }), 404, 'login-not-configured');
      } finally {
        await prod.app.close();
      }
    });

    it('works in development without OIDC, and its logout has no IdP to visit', async () => {
      const dev = await startHarness({ clock: new TestClock() });
      try {
        const { code } = await freshMunicipality();
        const users = await devUsers(dev.app);
        expect(users.statusCode).toBe(200);
        expect(users.json().employees).toEqual(expect.arrayContaining([expect.objectContaining({ username: 'mette', municipalityCode: code })]));

        const login = await dev.app.inject({ method: 'POST', url: '/auth/dev-login', payload: { kind: 'employee', username: 'mette', municipalityCode: code } });
        expect(login.statusCode, login.body).toBe(200);
        expect(login.json()).toMatchObject({ kind: 'employee', name: 'Mette Kjærgaard', roles: ['coordinating_caseworker'] });
        const session = sessionCookieOf(login)!;
        expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
        const cookie = `helhed_session=${session.value}`;
        expect((await get(dev.app, '/api/caseload', cookie)).statusCode).toBe(200);

        // OIDC login is simply not set up here.
        expectProblem(await dev.app.inject({ method: 'GET', url: '/auth/login/employee' }), 404, 'login-not-configured');

        const out = await dev.app.inject({ method: 'POST', url: '/auth/logout', headers: { cookie } });
        expect(out.json()).toEqual({ logoutUrl: null });
        expect((await get(dev.app, '/auth/me', cookie)).statusCode).toBe(401);
      } finally {
        await dev.app.close();
      }
    });
  });
});
