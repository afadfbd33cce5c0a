import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { readConfig, type AppConfig } from '../../src/config';
import { buildApp } from '../../src/http/app';
import { readOidcConfig, type OidcConfig } from '../../src/identity/oidc-config';
import { demoMunicipality } from '../../src/seed/demo-municipality';
import { loadDemoMunicipality } from '../../src/seed/load-demo';
import { testDatabase } from './database';

/** A clock tests can move. */
export class TestClock {
  constructor(public current = new Date('2026-11-23T10:00:00Z')) {}
  now = () => new Date(this.current);
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface Harness {
  app: FastifyInstance;
  clock: TestClock;
  config: AppConfig;
}

export async function startHarness(opts: { config?: Partial<AppConfig>; oidc?: OidcConfig; clock?: TestClock } = {}): Promise<Harness> {
  const database = await testDatabase();
  const clock = opts.clock ?? new TestClock();
  const config: AppConfig = { ...readConfig({ NODE_ENV: 'test' }), seedDemo: false, webDist: null, logLevel: (process.env.TEST_LOG_LEVEL ?? 'silent') as AppConfig['logLevel'], ...opts.config };
  const app = await buildApp({ config, database, oidc: opts.oidc ?? readOidcConfig({}), now: clock.now });
  await app.ready();
  return { app, clock, config };
}

let counter = 0;
/** A fresh copy of the demo municipality under its own code: tests never see each other's data. */
export async function freshMunicipality(opts: { indicatorHistory?: boolean } = {}): Promise<{ id: string; code: string }> {
  const database = await testDatabase();
  const code = `T${process.pid % 10000}${(counter++).toString().padStart(3, '0')}${Math.floor(Math.random() * 1000)}`;
  const id = await loadDemoMunicipality(database.db, demoMunicipality, { code, now: new Date('2026-11-23T08:00:00Z'), ...opts });
  return { id, code };
}

/** A logged-in HTTP client (development login) for one user. */
export class Client {
  constructor(
    private readonly app: FastifyInstance,
    readonly cookie: string,
    readonly me: { id: string; name: string; municipalityId: string; roles: string[] },
    private readonly headers: Record<string, string> = {},
  ) {}

  withHeaders(headers: Record<string, string>): Client {
    return new Client(this.app, this.cookie, this.me, { ...this.headers, ...headers });
  }

  request(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<LightMyRequestResponse> {
    return this.app.inject({
      method,
      url,
      headers: { cookie: this.cookie, ...this.headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
  }
  get = (url: string) => this.request('GET', url);
  post = (url: string, body: unknown = {}) => this.request('POST', url, body);
  put = (url: string, body: unknown) => this.request('PUT', url, body);
  patch = (url: string, body: unknown) => this.request('PATCH', url, body);
}

export async function loginEmployee(app: FastifyInstance, username: string, municipalityCode: string): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/auth/dev-login', payload: { kind: 'employee', username, municipalityCode } });
  if (res.statusCode !== 200) throw new Error(`dev login of ${username} failed: ${res.statusCode} ${res.body}`);
  return new Client(app, sessionCookie(res), res.json());
}

export async function loginCitizen(app: FastifyInstance, citizenId: string): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/auth/dev-login', payload: { kind: 'citizen', citizenId } });
  if (res.statusCode !== 200) throw new Error(`dev login of citizen failed: ${res.statusCode} ${res.body}`);
  return new Client(app, sessionCookie(res), res.json());
}

export function sessionCookie(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === 'helhed_session');
  if (!c) throw new Error('no session cookie');
  return `helhed_session=${c.value}`;
}

/** Finds a demo citizen's id by CPR through the API, as a caseworker would. */
export async function findCitizen(client: Client, cpr: string): Promise<{ id: string; openCaseId: string | null }> {
  const res = await client.post('/api/citizens/search', { cpr });
  if (res.statusCode !== 200) throw new Error(`search failed: ${res.statusCode} ${res.body}`);
  const hit = res.json().results[0];
  if (!hit) throw new Error(`no citizen with CPR ${cpr}`);
  return hit;
}

/** Screens the whole municipality (as an administrator or leader may) and waits until the run is done. */
export async function screenMunicipality(client: Client): Promise<void> {
  const started = await client.post('/api/screenings', {});
  if (started.statusCode !== 202) throw new Error(`screening not started: ${started.statusCode} ${started.body}`);
  for (let i = 0; i < 200; i++) {
    const run = (await client.get(`/api/screenings/${started.json().runId}`)).json();
    if (run.status === 'done') return;
    if (run.status === 'failed') throw new Error('the screening failed');
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the screening did not finish');
}
