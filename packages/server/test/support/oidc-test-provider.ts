// A real OpenID Provider (oidc-provider) on 127.0.0.1 for tests, plus a
// scripted "browser" that logs a user in through it. Nothing here is mocked
// on the protocol level: discovery, PKCE, signed ID tokens, single-use codes
// and userinfo are the provider's own.
//
// Instead of the provider's development login pages (HTML meant for people,
// and a console warning on every start) it gets two minimal interaction
// routes of its own:
//   GET  /interaction/:uid          -> JSON { uid, prompt }
//   POST /interaction/:uid/login    form `login=<username>` (the account id)
//   POST /interaction/:uid/confirm  grants what the client asked for
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestOidcClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

export interface TestOidcProviderOptions {
  /** Username (= account id = `sub`) to the claims the provider releases for it. */
  accounts: Record<string, Record<string, unknown>>;
  clients: TestOidcClient[];
  /**
   * Extra scopes and the claims they release, e.g. `{ ssn: ['dk.cpr'] }` as
   * the Signaturgruppen MitID broker does. Account claims that are neither
   * standard nor listed here are released with the 'profile' scope.
   */
  scopes?: Record<string, string[]>;
}

export interface TestOidcProvider {
  issuer: string;
  close(): Promise<void>;
}

// The slice of oidc-provider's API used here; the package ships no types.
interface ProviderInteraction {
  uid: string;
  prompt: { name: string; details: Record<string, unknown> };
  params: Record<string, unknown>;
  session?: { accountId?: string };
  grantId?: string;
}
interface ProviderGrant {
  addOIDCScope(scope: string): void;
  addOIDCClaims(claims: string[]): void;
  addResourceScope(indicator: string, scope: string): void;
  save(): Promise<string>;
}
interface ProviderInstance {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<ProviderInteraction>;
  interactionFinished(
    req: IncomingMessage,
    res: ServerResponse,
    result: Record<string, unknown>,
    opts?: { mergeWithLastSubmission?: boolean },
  ): Promise<void>;
  Grant: {
    new (init: { accountId: string; clientId: string }): ProviderGrant;
    find(id: string): Promise<ProviderGrant | undefined>;
  };
}
type ProviderConstructor = new (issuer: string, configuration: Record<string, unknown>) => ProviderInstance;

const STANDARD_CLAIMS: Record<string, string[]> = {
  openid: ['sub'],
  profile: [
    'name', 'family_name', 'given_name', 'middle_name', 'nickname', 'preferred_username', 'profile',
    'picture', 'website', 'gender', 'birthdate', 'zoneinfo', 'locale', 'updated_at',
  ],
  email: ['email', 'email_verified'],
  address: ['address'],
  phone: ['phone_number', 'phone_number_verified'],
};

export async function startTestOidcProvider(opts: TestOidcProviderOptions): Promise<TestOidcProvider> {
  const Provider = await loadProvider();

  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;

  const provider = await quietly(() => new Provider(issuer, providerConfiguration(opts)));
  const providerHandler = provider.callback();

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', issuer).pathname;
    if (path.startsWith('/interaction/')) {
      handleInteraction(provider, opts, req, res, path).catch((err: unknown) => {
        sendJson(res, 500, { error: 'interaction_failed', detail: String(err) });
      });
      return;
    }
    providerHandler(req, res);
  });

  return {
    issuer,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/**
 * Plays the browser: follows the authorization URL through the provider's
 * login and consent interactions as `username` and returns the redirect to
 * the client's callback (with code & state, or with error & state). Cookies
 * are kept per call, so every call is a fresh browser without an IdP session.
 */
export async function loginThroughProvider(authorizationUrl: string, username: string): Promise<URL> {
  const providerOrigin = new URL(authorizationUrl).origin;
  const jar = new CookieJar();

  let next: { url: URL; method: 'GET' | 'POST'; body?: URLSearchParams } = {
    url: new URL(authorizationUrl),
    method: 'GET',
  };
  for (let hop = 0; hop < 20; hop++) {
    if (next.url.origin !== providerOrigin) return next.url;

    const res = await fetch(next.url, {
      method: next.method,
      redirect: 'manual',
      headers: {
        accept: 'application/json',
        ...(jar.header() ? { cookie: jar.header() } : {}),
        ...(next.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(next.body ? { body: next.body.toString() } : {}),
    });
    jar.store(res.headers.getSetCookie());

    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      await res.body?.cancel();
      next = { url: new URL(location, next.url), method: 'GET' };
      continue;
    }

    const text = await res.text();
    if (res.status === 200 && next.url.pathname.startsWith('/interaction/') && next.method === 'GET') {
      const { uid, prompt } = JSON.parse(text) as { uid: string; prompt: string };
      const action = prompt === 'login' ? 'login' : prompt === 'consent' ? 'confirm' : null;
      if (!action) throw new Error(`test OIDC provider asked for unsupported prompt '${prompt}'`);
      next = {
        url: new URL(`/interaction/${encodeURIComponent(uid)}/${action}`, providerOrigin),
        method: 'POST',
        body: new URLSearchParams(action === 'login' ? { login: username } : {}),
      };
      continue;
    }
    throw new Error(`test OIDC provider answered ${res.status} at ${next.url.pathname}: ${text.slice(0, 300)}`);
  }
  throw new Error('test OIDC provider: too many redirects');
}

function providerConfiguration(opts: TestOidcProviderOptions): Record<string, unknown> {
  const claims: Record<string, string[]> = structuredClone(STANDARD_CLAIMS);
  for (const [scope, names] of Object.entries(opts.scopes ?? {})) {
    claims[scope] = [...(claims[scope] ?? []), ...names];
  }
  const released = new Set(Object.values(claims).flat());
  for (const account of Object.values(opts.accounts)) {
    for (const name of Object.keys(account)) {
      if (!released.has(name)) {
        claims.profile!.push(name);
        released.add(name);
      }
    }
  }

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'test-signing-key', use: 'sig', alg: 'RS256' };

  return {
    clients: opts.clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: c.redirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    })),
    claims,
    async findAccount(_ctx: unknown, id: string) {
      const account = opts.accounts[id];
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ ...account, sub: id }) };
    },
    // Every client must use PKCE, as Helhed always does.
    pkce: { required: () => true },
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    // Explicit lifetimes, because the defaults print a notice when first used.
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    async renderError(ctx: { type: string; body: unknown }, out: Record<string, unknown>) {
      ctx.type = 'json';
      ctx.body = out;
    },
  };
}

async function handleInteraction(
  provider: ProviderInstance,
  opts: TestOidcProviderOptions,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  const [, , , action] = path.split('/'); // '', 'interaction', uid, action?
  const interaction = await provider.interactionDetails(req, res);
  const { prompt, params, session } = interaction;

  if (req.method === 'GET' && action === undefined) {
    sendJson(res, 200, { uid: interaction.uid, prompt: prompt.name });
    return;
  }
  if (req.method !== 'POST') {
    sendJson(res, 405, { error: 'method_not_allowed' });
    return;
  }

  if (action === 'login' && prompt.name === 'login') {
    const form = new URLSearchParams(await readBody(req));
    const login = form.get('login') ?? '';
    if (!Object.hasOwn(opts.accounts, login)) {
      sendJson(res, 401, { error: 'unknown_account', login });
      return;
    }
    await provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
    return;
  }

  if (action === 'confirm' && prompt.name === 'consent') {
    const accountId = session?.accountId;
    const clientId = params.client_id;
    if (!accountId || typeof clientId !== 'string') {
      sendJson(res, 400, { error: 'no_session' });
      return;
    }
    const grant =
      (interaction.grantId ? await provider.Grant.find(interaction.grantId) : undefined) ??
      new provider.Grant({ accountId, clientId });
    const details = prompt.details as {
      missingOIDCScope?: string[];
      missingOIDCClaims?: string[];
      missingResourceScopes?: Record<string, string[]>;
    };
    if (details.missingOIDCScope) grant.addOIDCScope(details.missingOIDCScope.join(' '));
    if (details.missingOIDCClaims) grant.addOIDCClaims(details.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(details.missingResourceScopes ?? {})) {
      grant.addResourceScope(indicator, scopes.join(' '));
    }
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    return;
  }

  sendJson(res, 400, { error: 'unexpected_interaction', prompt: prompt.name, action });
}

// oidc-provider warns on import (Node 20 is below the LTS it supports) and on
// construction (in-memory adapter): right for a deployment, noise in tests.
// Only its own prefixed lines are dropped, and only while it starts.
async function quietly<T>(fn: () => T | Promise<T>): Promise<T> {
  const { warn, info } = console;
  const filter =
    (original: (...args: unknown[]) => void) =>
    (...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].includes('oidc-provider ')) return;
      original(...args);
    };
  console.warn = filter(warn);
  console.info = filter(info);
  try {
    return await fn();
  } finally {
    console.warn = warn;
    console.info = info;
  }
}

let providerClass: Promise<ProviderConstructor> | undefined;
function loadProvider(): Promise<ProviderConstructor> {
  providerClass ??= quietly(async () => {
    // @ts-expect-error -- oidc-provider ships no type declarations; the slice
    // used here is typed by ProviderInstance above.
    const mod: { default: ProviderConstructor } = await import('oidc-provider');
    return mod.default;
  });
  return providerClass;
}

class CookieJar {
  readonly #cookies = new Map<string, string>();

  store(setCookies: string[]): void {
    for (const line of setCookies) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => {
        const [key = '', val = ''] = a.split('=').map((s) => s.trim());
        return (
          (key.toLowerCase() === 'max-age' && Number(val) <= 0) ||
          (key.toLowerCase() === 'expires' && Date.parse(val) <= Date.now())
        );
      });
      if (expired || value === '') this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The environment that points both realms at test providers (clients 'helhed-employee' / 'helhed-citizen'). */
export function oidcTestEnv(employeeIssuer: string, citizenIssuer: string, publicUrl: string): Record<string, string> {
  return {
    HELHED_PUBLIC_URL: publicUrl,
    HELHED_OIDC_EMPLOYEE_ISSUER: employeeIssuer,
    HELHED_OIDC_EMPLOYEE_CLIENT_ID: 'helhed-employee',
    HELHED_OIDC_EMPLOYEE_CLIENT_SECRET: 'employee-secret',
    HELHED_OIDC_CITIZEN_ISSUER: citizenIssuer,
    HELHED_OIDC_CITIZEN_CLIENT_ID: 'helhed-citizen',
    HELHED_OIDC_CITIZEN_CLIENT_SECRET: 'citizen-secret',
    HELHED_OIDC_CITIZEN_SCOPE: 'openid profile ssn',
  };
}
