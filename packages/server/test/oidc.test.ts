import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOidcLogin,
  OidcLoginError,
  PENDING_LOGIN_MAX_AGE_MS,
  type OidcLogin,
  type OidcSettings,
} from '../src/identity/oidc-login';
import { isOidcConfigured, OidcConfigError, readOidcConfig } from '../src/identity/oidc-config';
import { loginThroughProvider, startTestOidcProvider, type TestOidcProvider, oidcTestEnv } from './support/oidc-test-provider';

const PUBLIC_URL = 'http://127.0.0.1:3999';
const EMPLOYEE_CALLBACK = `${PUBLIC_URL}/auth/callback/employee`;
const CITIZEN_CALLBACK = `${PUBLIC_URL}/auth/callback/citizen`;

// Fictitious test CPR number; no real person.
const CITIZEN_CPR = '0101901234';

async function expectLoginError(promise: Promise<unknown>, code: string): Promise<OidcLoginError> {
  const err = await promise.then(
    () => {
      throw new Error(`expected OidcLoginError '${code}', but the login succeeded`);
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(OidcLoginError);
  const loginError = err as OidcLoginError;
  expect(loginError.code).toBe(code);
  expect(loginError.detail).toMatch(/\S/);
  return loginError;
}

describe('OIDC login against a real OpenID Provider', () => {
  let employeeIdp: TestOidcProvider;
  let citizenIdp: TestOidcProvider;
  let employees: OidcLogin;
  let citizens: OidcLogin;

  beforeAll(async () => {
    [employeeIdp, citizenIdp] = await Promise.all([
      startTestOidcProvider({
        accounts: {
          'anne.sagsbehandler': { name: 'Anne Sagsbehandler', email: 'anne@kommune.example', email_verified: true },
        },
        clients: [{ clientId: 'helhed-employee', clientSecret: 'employee-secret', redirectUris: [EMPLOYEE_CALLBACK] }],
      }),
      // Shaped like the Signaturgruppen MitID broker: the CPR number is
      // released as 'dk.cpr' for the 'ssn' scope.
      startTestOidcProvider({
        accounts: {
          'mitid-citizen-1': { name: 'Bo Borger', 'dk.cpr': CITIZEN_CPR },
        },
        clients: [{ clientId: 'helhed-citizen', clientSecret: 'citizen-secret', redirectUris: [CITIZEN_CALLBACK] }],
        scopes: { ssn: ['dk.cpr'] },
      }),
    ]);

    const config = readOidcConfig(oidcTestEnv(employeeIdp.issuer, citizenIdp.issuer, PUBLIC_URL));
    expect(config.employee?.allowInsecureHttp).toBe(true);
    [employees, citizens] = await Promise.all([createOidcLogin(config.employee!), createOidcLogin(config.citizen!)]);
  });

  afterAll(async () => {
    await Promise.all([employeeIdp?.close(), citizenIdp?.close()]);
  });

  it('logs an employee in and returns the subject and claims', async () => {
    const { authorizationUrl, pending } = await employees.begin();
    const url = new URL(authorizationUrl);
    expect(url.origin).toBe(employeeIdp.issuer);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('state')).toBe(pending.state);
    expect(url.searchParams.get('nonce')).toBe(pending.nonce);
    expect(url.searchParams.get('redirect_uri')).toBe(EMPLOYEE_CALLBACK);
    expect(authorizationUrl).not.toContain(pending.codeVerifier);

    const callback = await loginThroughProvider(authorizationUrl, 'anne.sagsbehandler');
    expect(callback.origin + callback.pathname).toBe(EMPLOYEE_CALLBACK);

    const identity = await employees.complete(callback, pending);
    expect(identity.issuer).toBe(employeeIdp.issuer);
    expect(identity.subject).toBe('anne.sagsbehandler');
    expect(identity.claims).toMatchObject({
      sub: 'anne.sagsbehandler',
      name: 'Anne Sagsbehandler',
      email: 'anne@kommune.example',
      email_verified: true,
      aud: 'helhed-employee',
      nonce: pending.nonce,
    });
    expect(identity.idToken.split('.')).toHaveLength(3);

    const logout = employees.logoutUrl(identity.idToken, `${PUBLIC_URL}/`);
    expect(logout).not.toBeNull();
    const logoutUrl = new URL(logout!);
    expect(logoutUrl.origin).toBe(employeeIdp.issuer);
    expect(logoutUrl.searchParams.get('id_token_hint')).toBe(identity.idToken);
    expect(logoutUrl.searchParams.get('post_logout_redirect_uri')).toBe(`${PUBLIC_URL}/`);
  });

  it('logs a citizen in and returns the CPR claim', async () => {
    const { authorizationUrl, pending } = await citizens.begin();
    expect(new URL(authorizationUrl).searchParams.get('scope')).toBe('openid profile ssn');

    const callback = await loginThroughProvider(authorizationUrl, 'mitid-citizen-1');
    const identity = await citizens.complete(callback, pending);

    const { citizenCprClaim } = readOidcConfig({});
    expect(identity.subject).toBe('mitid-citizen-1');
    expect(identity.claims[citizenCprClaim]).toBe(CITIZEN_CPR);
    expect(identity.claims.name).toBe('Bo Borger');
  });

  it('refuses a callback whose state was tampered with', async () => {
    const { authorizationUrl, pending } = await employees.begin();
    const callback = await loginThroughProvider(authorizationUrl, 'anne.sagsbehandler');
    const tampered = new URL(callback);
    tampered.searchParams.set('state', `${pending.state}x`);

    await expectLoginError(employees.complete(tampered, pending), 'state_mismatch');

    // A login started in another browser carries another state.
    const other = await employees.begin();
    await expectLoginError(employees.complete(callback, other.pending), 'state_mismatch');
  });

  it('refuses a replayed authorization code', async () => {
    const { authorizationUrl, pending } = await employees.begin();
    const callback = await loginThroughProvider(authorizationUrl, 'anne.sagsbehandler');
    await employees.complete(callback, pending);

    const err = await expectLoginError(employees.complete(callback, pending), 'code_rejected');
    expect(err.upstreamCode).toBe('invalid_grant');
    expect(err.message).not.toContain(callback.searchParams.get('code')!);
  });

  it('refuses an expired pending login without redeeming the code', async () => {
    const { authorizationUrl, pending } = await employees.begin();
    const callback = await loginThroughProvider(authorizationUrl, 'anne.sagsbehandler');
    const expired = { ...pending, createdAt: Date.now() - PENDING_LOGIN_MAX_AGE_MS - 1_000 };

    const err = await expectLoginError(employees.complete(callback, expired), 'login_expired');
    expect(err.detail).toBe('Loginforsøget er udløbet. Start login forfra.');

    // The code was never sent to the provider, so the fresh pending login works.
    await expect(employees.complete(callback, pending)).resolves.toMatchObject({ subject: 'anne.sagsbehandler' });
  });

  it('refuses an ID token whose nonce does not match', async () => {
    const { authorizationUrl, pending } = await employees.begin();
    const callback = await loginThroughProvider(authorizationUrl, 'anne.sagsbehandler');
    await expectLoginError(employees.complete(callback, { ...pending, nonce: 'another-nonce' }), 'invalid_id_token');
  });

  it('refuses a code redeemed with the wrong PKCE verifier', async () => {
    const { authorizationUrl, pending } = await employees.begin();
    const callback = await loginThroughProvider(authorizationUrl, 'anne.sagsbehandler');
    const other = await employees.begin();
    await expectLoginError(
      employees.complete(callback, { ...pending, codeVerifier: other.pending.codeVerifier }),
      'code_rejected',
    );
  });

  it('reports an unreachable provider as provider_unavailable', async () => {
    const settings: OidcSettings = {
      issuer: 'http://127.0.0.1:9/',
      clientId: 'x',
      redirectUri: EMPLOYEE_CALLBACK,
      allowInsecureHttp: true,
    };
    await expectLoginError(createOidcLogin(settings), 'provider_unavailable');
    await expectLoginError(createOidcLogin({ ...settings, allowInsecureHttp: false }), 'misconfigured');

    // http callbacks are fine on loopback (development) but nowhere else.
    const https = { ...settings, issuer: 'https://127.0.0.1:9/', allowInsecureHttp: false };
    await expectLoginError(createOidcLogin({ ...https, redirectUri: 'http://localhost:3000/cb' }), 'provider_unavailable');
    await expectLoginError(createOidcLogin({ ...https, redirectUri: 'http://helhed.kommune.dk/cb' }), 'misconfigured');
  });
});

describe('readOidcConfig', () => {
  it('returns null realms and defaults when nothing is set', () => {
    const cfg = readOidcConfig({});
    expect(cfg).toEqual({ employee: null, citizen: null, citizenCprClaim: 'dk.cpr', employeeIdClaim: 'sub' });
    expect(isOidcConfigured(cfg)).toBe(false);
  });

  it('builds both realms with callback URIs under HELHED_PUBLIC_URL', () => {
    const cfg = readOidcConfig({
      HELHED_PUBLIC_URL: 'https://helhed.kommune.dk/',
      HELHED_OIDC_EMPLOYEE_ISSUER: 'https://login.kommune.dk/realms/ansatte',
      HELHED_OIDC_EMPLOYEE_CLIENT_ID: 'helhed',
      HELHED_OIDC_EMPLOYEE_CLIENT_SECRET: 's3cret',
      HELHED_OIDC_CITIZEN_ISSUER: 'https://broker.example/op',
      HELHED_OIDC_CITIZEN_CLIENT_ID: 'helhed-borger',
      HELHED_OIDC_CITIZEN_CPR_CLAIM: 'cprNumberIdentifier',
      HELHED_OIDC_EMPLOYEE_ID_CLAIM: 'preferred_username',
    });
    expect(cfg.employee).toEqual({
      issuer: 'https://login.kommune.dk/realms/ansatte',
      clientId: 'helhed',
      clientSecret: 's3cret',
      redirectUri: 'https://helhed.kommune.dk/auth/callback/employee',
    });
    expect(cfg.citizen).toEqual({
      issuer: 'https://broker.example/op',
      clientId: 'helhed-borger',
      redirectUri: 'https://helhed.kommune.dk/auth/callback/citizen',
    });
    expect(cfg.citizenCprClaim).toBe('cprNumberIdentifier');
    expect(cfg.employeeIdClaim).toBe('preferred_username');
    expect(isOidcConfigured(cfg)).toBe(true);
  });

  it('uses http://localhost:3000 for callbacks by default', () => {
    const cfg = readOidcConfig({ HELHED_OIDC_CITIZEN_ISSUER: 'https://broker.example', HELHED_OIDC_CITIZEN_CLIENT_ID: 'c' });
    expect(cfg.citizen?.redirectUri).toBe('http://localhost:3000/auth/callback/citizen');
    expect(cfg.employee).toBeNull();
    expect(isOidcConfigured(cfg)).toBe(true);
  });

  it('rejects partial configuration with a clear error', () => {
    expect(() => readOidcConfig({ HELHED_OIDC_EMPLOYEE_ISSUER: 'https://login.kommune.dk' })).toThrow(
      /HELHED_OIDC_EMPLOYEE_CLIENT_ID/,
    );
    expect(() => readOidcConfig({ HELHED_OIDC_CITIZEN_CLIENT_ID: 'c', HELHED_OIDC_CITIZEN_CLIENT_SECRET: 's' })).toThrow(
      /HELHED_OIDC_CITIZEN_ISSUER/,
    );
    expect(() => readOidcConfig({ HELHED_OIDC_CITIZEN_CLIENT_SECRET: 's' })).toThrow(OidcConfigError);
  });

  it('rejects unsafe or malformed values', () => {
    const realm = { HELHED_OIDC_EMPLOYEE_CLIENT_ID: 'helhed' };
    expect(() => readOidcConfig({ ...realm, HELHED_OIDC_EMPLOYEE_ISSUER: 'http://login.kommune.dk' })).toThrow(/https/);
    expect(() => readOidcConfig({ ...realm, HELHED_OIDC_EMPLOYEE_ISSUER: 'not a url' })).toThrow(OidcConfigError);
    expect(() =>
      readOidcConfig({ ...realm, HELHED_OIDC_EMPLOYEE_ISSUER: 'https://login.kommune.dk', HELHED_OIDC_EMPLOYEE_SCOPE: 'profile' }),
    ).toThrow(/openid/);
    expect(() => readOidcConfig({ HELHED_PUBLIC_URL: 'ftp://x' })).toThrow(OidcConfigError);
  });
});
