import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChains } from '../src/audit/verify-chain';
import { openDatabase } from '../src/db/database';
import { TEST_SCHEMA, usingPostgres, dropPostgresSchema } from './support/database';

/**
 * SPEC §7.2: "a killed process loses no acknowledged write and leaves no
 * half-applied state (tested by killing it)". The real server runs as a child
 * process on its own database (a PGlite data directory, or a private schema
 * on PostgreSQL when DATABASE_URL is set) and is killed with SIGKILL.
 */

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DEMO_CODE = '0999';
const TIMEOUT = 120_000;

interface Server {
  child: ChildProcess;
  base: string;
  output: () => string;
  exited: Promise<number | null>;
}

const children = new Set<ChildProcess>();
const killAll = () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
};
process.once('exit', killAll);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

describe('durability: a killed server loses no acknowledged write', () => {
  let dataDir: string | null = null;
  const schema = `${TEST_SCHEMA}_dur_${Math.random().toString(36).slice(2, 8)}`;

  /** The server's environment: its own database, no web app, development login, quiet logs. */
  function serverEnv(port: number): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', HELHED_WEB_DIST: '', LOG_LEVEL: 'warn', NODE_ENV: 'development' };
    for (const key of Object.keys(env)) if (key.startsWith('HELHED_OIDC') || key.startsWith('OIDC_')) delete env[key];
    delete env.HELHED_SEED_DEMO;
    delete env.HELHED_DB_SCHEMA;
    delete env.HELHED_DATA_DIR;
    if (usingPostgres()) env.HELHED_DB_SCHEMA = schema;
    else {
      delete env.DATABASE_URL;
      env.HELHED_DATA_DIR = dataDir!;
    }
    return env;
  }

  async function startServer(): Promise<Server> {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], { cwd: ROOT, env: serverEnv(port), stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output}`);
      try {
        const res = await fetch(`${base}/health`);
        if (res.status === 200) {
          expect(await res.json()).toEqual({ status: 'ok', database: usingPostgres() ? 'postgres' : 'pglite' });
          break;
        }
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`server not ready after 90 s:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return { child, base, output: () => output, exited };
  }

  async function kill(server: Server): Promise<void> {
    server.child.kill('SIGKILL');
    await server.exited;
    expect(server.child.signalCode).toBe('SIGKILL');
    children.delete(server.child);
  }

  async function login(server: Server): Promise<string> {
    const res = await fetch(`${server.base}/auth/dev-login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'employee', username: 'mette', municipalityCode: DEMO_CODE }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('helhed_session='));
    expect(cookie).toBeTruthy();
    return cookie!.split(';')[0]!;
  }

  const post = (server: Server, cookie: string, url: string, body: unknown) =>
    fetch(`${server.base}${url}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  async function search(server: Server, cookie: string, cpr: string): Promise<{ id: string; name: string; birthDate: string } | null> {
    const res = await post(server, cookie, '/api/citizens/search', { cpr });
    expect(res.status).toBe(200);
    return ((await res.json()) as { results: { id: string; name: string; birthDate: string }[] }).results[0] ?? null;
  }

  /** The database as the server left it, opened in this process once the server is gone. */
  async function withDatabase<T>(work: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
    const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL || null, dataDir: dataDir ?? 'memory://', dbSchema: schema });
    try {
      return await work(database.db);
    } finally {
      await database.close();
    }
  }

  beforeAll(async () => {
    if (!usingPostgres()) dataDir = await mkdtemp(path.join(tmpdir(), 'helhed-durability-'));
  });

  afterAll(async () => {
    killAll();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    await dropPostgresSchema(schema);
  });

  it(
    'a registration acknowledged with 201 survives SIGKILL right after; the chain verifies; the demo is not seeded again',
    async () => {
      const first = await startServer();
      const cookie = await login(first);
      const registered = await post(first, cookie, '/api/citizens', { cpr: '070707-7007', name: 'Holger Holdbar', address: 'Vedvarende Vej 1, 9999 Demoby' });
      expect(registered.status).toBe(201);
      const citizen = (await registered.json()) as { id: string };
      await kill(first);

      const second = await startServer();
      const again = await login(second);
      expect(await search(second, again, '070707-7007')).toMatchObject({ id: citizen.id, name: 'Holger Holdbar', birthDate: '2007-07-07' });
      await kill(second);

      await withDatabase(async (db) => {
        const municipalities = await db.selectFrom('municipality').select(['id', 'code']).execute();
        expect(municipalities.map((m) => m.code)).toEqual([DEMO_CODE]);
        expect(await db.selectFrom('citizen').select(['name', 'address', 'birth_date']).where('id', '=', citizen.id).execute()).toEqual([
          { name: 'Holger Holdbar', address: 'Vedvarende Vej 1, 9999 Demoby', birth_date: '2007-07-07' },
        ]);
        const lottes = await db.selectFrom('citizen').select('id').where('cpr', '=', '1205911002').execute();
        expect(lottes).toHaveLength(1);
        const audit = await db.selectFrom('audit_log').select(['action', 'outcome']).where('resource_id', '=', citizen.id).where('action', '=', 'citizen.register').execute();
        expect(audit).toEqual([{ action: 'citizen.register', outcome: 'allowed' }]);
        const report = await verifyAuditChains(db);
        expect(report.problems).toEqual([]);
        expect(report.municipalities).toBe(1);
        expect(report.records).toBeGreaterThan(0);
      });
    },
    TIMEOUT,
  );

  it(
    'killed in the middle of 20 concurrent registrations: every 201 is kept, nothing is half-written',
    async () => {
      const server = await startServer();
      const cookie = await login(server);
      const people = Array.from({ length: 20 }, (_, i) => ({
        cpr: `${String(i + 1).padStart(2, '0')}0185-${String(1000 + i * 2 + 1)}`,
        name: `Samtidig Borger ${i + 1}`,
        address: `Stressvej ${i + 1}, 9999 Demoby`,
      }));
      const KILL_AFTER = 5;
      let acks = 0;
      let killed: Promise<void> | null = null;
      const outcomes = await Promise.all(
        people.map(async (p) => {
          try {
            const res = await post(server, cookie, '/api/citizens', p);
            if (res.status !== 201) return { person: p, acknowledged: false as const, status: res.status, body: await res.text() };
            const body = (await res.json()) as { id: string };
            // The fifth acknowledgement pulls the plug while the rest are in flight.
            if (++acks === KILL_AFTER) killed = kill(server);
            return { person: p, acknowledged: true as const, id: body.id as string };
          } catch (error) {
            return { person: p, acknowledged: false as const, status: null, body: String(error) };
          }
        }),
      );
      await (killed ?? kill(server));
      const acknowledged = outcomes.filter((o) => o.acknowledged);
      // Only 201s or a dropped connection: no request failed for another reason.
      for (const o of outcomes) if (!o.acknowledged) expect(o.status, o.body).toBeNull();
      expect(acknowledged.length).toBeGreaterThan(0);

      const restarted = await startServer();
      const again = await login(restarted);
      let committedUnacknowledged = 0;
      for (const o of outcomes) {
        const found = await search(restarted, again, o.person.cpr);
        if (o.acknowledged) expect(found, `acknowledged ${o.person.name} lost`).toMatchObject({ id: o.id, name: o.person.name });
        else if (found) {
          committedUnacknowledged++;
          expect(found.name).toBe(o.person.name);
        }
      }
      console.info(`durability burst: ${acknowledged.length} of 20 acknowledged before SIGKILL; ${committedUnacknowledged} more committed without an answer`);
      await kill(restarted);

      await withDatabase(async (db) => {
        const cprs = people.map((p) => p.cpr.replace('-', ''));
        const rows = await db.selectFrom('citizen').selectAll().where('cpr', 'in', cprs).execute();
        const registrations = await db.selectFrom('audit_log').select(['resource_id', 'outcome']).where('action', '=', 'citizen.register').execute();
        const audited = new Set(registrations.map((r) => r.resource_id));
        for (const o of acknowledged) expect(rows.map((r) => r.id)).toContain(o.id);
        // Every row that exists is complete: all its fields, and the audit record written in its transaction.
        for (const row of rows) {
          const p = people.find((x) => x.cpr.replace('-', '') === row.cpr)!;
          expect(row).toMatchObject({ name: p.name, address: p.address, birth_date: `1985-01-${p.cpr.slice(0, 2)}`, sex: 'male' });
          expect(audited.has(row.id), `citizen ${p.name} has no registration audit record`).toBe(true);
        }
        // ...and no registration audit record without its row.
        const ids = new Set((await db.selectFrom('citizen').select('id').execute()).map((r) => r.id));
        for (const r of registrations) expect(ids.has(r.resource_id!), `audit record for a citizen that does not exist: ${r.resource_id}`).toBe(true);
        expect(await db.selectFrom('municipality').select('code').execute()).toEqual([{ code: DEMO_CODE }]);
        const report = await verifyAuditChains(db);
        expect(report.problems).toEqual([]);
      });
    },
    TIMEOUT,
  );

  it(
    'an import killed midway applies nothing (or, if it finished, everything), and the batch says so after restart',
    async () => {
      const server = await startServer();
      const ole = await (async () => {
        const res = await fetch(`${server.base}/auth/dev-login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ kind: 'employee', username: 'ole', municipalityCode: DEMO_CODE }),
        });
        expect(res.status).toBe(200);
        return res.headers.getSetCookie().find((c) => c.startsWith('helhed_session='))!.split(';')[0]!;
      })();
      const ROWS = 60_000;
      const lines = ['source_system,external_id,cpr,kind,sector,code,title,legal_basis,start_date,end_date'];
      for (let i = 0; i < ROWS; i++) lines.push(`Afbrudt,K-${i},120591-1002,intervention,adult_social,sel_85,Støtte ${i},Serviceloven § 85,2026-01-01,`);
      const upload = fetch(`${server.base}/api/imports/sector_records`, { method: 'POST', headers: { cookie: ole, 'content-type': 'text/csv' }, body: lines.join('\n') }).then(
        (r) => r.status,
        () => 'connection lost' as const,
      );
      await new Promise((r) => setTimeout(r, 400));
      await kill(server);
      const answer = await upload;

      const restarted = await startServer();
      await kill(restarted);
      await withDatabase(async (db) => {
        const applied = Number(
          (await db.selectFrom('sector_record').select((eb) => eb.fn.countAll<number>().as('n')).where('source_system', '=', 'Afbrudt').executeTakeFirstOrThrow()).n,
        );
        const batches = await db.selectFrom('import_batch').select(['status', 'message']).execute();
        expect(batches).toHaveLength(1);
        if (applied === 0) {
          expect(answer).not.toBe(200);
          expect(batches[0]!.status).toBe('failed');
          expect(batches[0]!.message).toMatch(/afbrudt/);
        } else {
          expect(applied).toBe(ROWS);
          expect(batches[0]!.status).toBe('committed');
        }
        console.log(`durability import: ${applied} of ${ROWS} rows applied, answer ${answer}, batch ${batches[0]!.status}`);
        expect((await verifyAuditChains(db)).problems).toEqual([]);
      });
    },
    TIMEOUT,
  );
});
