import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChains } from '../src/audit/verify-chain';
import { readConfig } from '../src/config';
import { openDatabase, type Database } from '../src/db/database';
import { migrateToLatest } from '../src/db/migrate';
import type { DB } from '../src/db/schema';
import { inMunicipality } from '../src/db/transactions';
import { buildApp } from '../src/http/app';
import { readOidcConfig } from '../src/identity/oidc-config';
import { demoMunicipality } from '../src/seed/demo-municipality';
import { loadDemoMunicipality } from '../src/seed/load-demo';
import { TEST_SCHEMA, testDatabase, usingPostgres, dropPostgresSchema } from './support/database';
import { findCitizen, freshMunicipality, loginEmployee, startHarness, TestClock, type Harness } from './support/harness';

/**
 * The audit log is append-only and tamper-evident (SPEC §7.3): one hash chain
 * per municipality, verified by `verifyAuditChains` and `npm run audit:verify`.
 * verifyAuditChains walks every municipality in the (shared) test database, so
 * assertions look at this test's municipality only; every tampering is undone
 * afterwards so the shared database stays verifiable for other test files.
 */
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

async function problemsOf(db: Kysely<DB>, municipalityId: string) {
  const report = await verifyAuditChains(db);
  return report.problems.filter((p) => p.municipalityId === municipalityId).map(({ seq, problem }) => ({ seq, problem }));
}

async function seqsOf(db: Kysely<DB>, municipalityId: string): Promise<number[]> {
  const rows = await db.selectFrom('audit_log').select('seq').where('municipality_id', '=', municipalityId).orderBy('seq').execute();
  return rows.map((r) => Number(r.seq));
}

/** As the owner: the append-only trigger must be switched off to change a row (all in one transaction). */
async function tamper(db: Kysely<DB>, change: (tx: Kysely<DB>) => Promise<unknown>): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(tx);
    await change(tx);
    await sql`alter table audit_log enable trigger audit_log_append_only`.execute(tx);
  });
}

async function reinsert(db: Kysely<DB>, row: Record<string, any>): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({ ...row, search_criterion: row.search_criterion === null ? null : JSON.stringify(row.search_criterion) } as any)
    .execute();
}

/** A municipality with `n` audited reads by mette (search + n-1 case reads). */
async function municipalityWithAudits(h: Harness, n: number) {
  const m = await freshMunicipality();
  const mette = await loginEmployee(h.app, 'mette', m.code);
  const lotte = await findCitizen(mette, '120591-1002');
  for (let i = 1; i < n; i++) expect((await mette.get(`/api/cases/${lotte.openCaseId}`)).statusCode).toBe(200);
  return { m, mette, lotte };
}

describe('audit hash chain', () => {
  let h: Harness;
  let db: Kysely<DB>;

  beforeAll(async () => {
    h = await startHarness();
    db = (await testDatabase()).db;
  });

  it('after a series of API calls the chain verifies, and the report counts every record', async () => {
    const m = await freshMunicipality();
    const mette = await loginEmployee(h.app, 'mette', m.code);
    const louise = await loginEmployee(h.app, 'louise', m.code);
    const lotte = await findCitizen(mette, '120591-1002'); // 1
    expect((await mette.get(`/api/cases/${lotte.openCaseId}`)).statusCode).toBe(200); // 2
    expect((await mette.get(`/api/cases/${lotte.openCaseId}/contacts`)).statusCode).toBe(200); // 3
    expect((await mette.get(`/api/citizens/${lotte.id}/consents`)).statusCode).toBe(200); // 4
    expect((await mette.post(`/api/citizens/${lotte.id}/consents`, { scope: 'disclosure', counterpart: 'Jobvejen ApS', action: 'given', form: 'digital' })).statusCode).toBe(201); // 5
    expect((await louise.get(`/api/cases/${lotte.openCaseId}`)).statusCode).toBe(403); // 6 (denied, own transaction)
    expect((await mette.get(`/api/cases/${lotte.openCaseId}/events`)).statusCode).toBe(200); // 7

    expect(await seqsOf(db, m.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const head = await db.selectFrom('audit_chain_head').selectAll().where('municipality_id', '=', m.id).executeTakeFirstOrThrow();
    const last = await db.selectFrom('audit_log').select('hash').where('municipality_id', '=', m.id).where('seq', '=', 7).executeTakeFirstOrThrow();
    expect(Number(head.last_seq)).toBe(7);
    expect(head.last_hash).toBe(last.hash);

    const report = await verifyAuditChains(db);
    expect(report.problems.filter((p) => p.municipalityId === m.id)).toEqual([]);
    const total = await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const heads = await db.selectFrom('audit_chain_head').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(report.records).toBe(Number(total.n));
    expect(report.municipalities).toBe(Number(heads.n));
  });

  it('30 parallel reads after a search get contiguous sequence numbers 1..31 and a valid chain', async () => {
    const m = await freshMunicipality();
    const mette = await loginEmployee(h.app, 'mette', m.code);
    const lotte = await findCitizen(mette, '120591-1002');
    const urls = [`/api/cases/${lotte.openCaseId}`, `/api/cases/${lotte.openCaseId}/contacts`, `/api/citizens/${lotte.id}/consents`];
    const responses = await Promise.all(Array.from({ length: 30 }, (_, i) => mette.get(urls[i % urls.length]!)));
    expect(responses.map((r) => r.statusCode)).toEqual(Array(30).fill(200));

    expect(await seqsOf(db, m.id)).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
    const rows = await db.selectFrom('audit_log').select(['seq', 'prev_hash', 'hash']).where('municipality_id', '=', m.id).orderBy('seq').execute();
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    expect(await problemsOf(db, m.id)).toEqual([]);
  });

  it('the append-only trigger refuses update and delete, even for the owner; the app role has no right to either', async () => {
    const { m } = await municipalityWithAudits(h, 2);
    await expect(
      db.updateTable('audit_log').set({ purpose: 'supervision' }).where('municipality_id', '=', m.id).where('seq', '=', 1).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_log').where('municipality_id', '=', m.id).where('seq', '=', 2).execute()).rejects.toThrow(/append-only/);
    await expect(
      inMunicipality(db, m.id, (tx) => tx.deleteFrom('audit_log').where('seq', '=', 2).execute()),
    ).rejects.toThrow(/permission denied/);
    expect(await seqsOf(db, m.id)).toEqual([1, 2]);
    const row = await db.selectFrom('audit_log').select('purpose').where('municipality_id', '=', m.id).where('seq', '=', 1).executeTakeFirstOrThrow();
    expect(row.purpose).toBe('case_handling');
    expect(await problemsOf(db, m.id)).toEqual([]);
  });

  it("altering one row's content is reported as 'altered' at exactly that seq", async () => {
    const { m } = await municipalityWithAudits(h, 5);
    await tamper(db, (tx) => tx.updateTable('audit_log').set({ purpose: 'supervision' }).where('municipality_id', '=', m.id).where('seq', '=', 3).execute());
    expect(await problemsOf(db, m.id)).toEqual([{ seq: 3, problem: 'altered' }]);

    // Putting the original value back makes the chain whole again.
    await tamper(db, (tx) => tx.updateTable('audit_log').set({ purpose: 'case_handling' }).where('municipality_id', '=', m.id).where('seq', '=', 3).execute());
    expect(await problemsOf(db, m.id)).toEqual([]);
  });

  it('altering a hash itself breaks the link to the next row', async () => {
    const { m } = await municipalityWithAudits(h, 4);
    const original = await db.selectFrom('audit_log').select('hash').where('municipality_id', '=', m.id).where('seq', '=', 2).executeTakeFirstOrThrow();
    await tamper(db, (tx) => tx.updateTable('audit_log').set({ hash: 'f'.repeat(64) }).where('municipality_id', '=', m.id).where('seq', '=', 2).execute());
    expect(await problemsOf(db, m.id)).toEqual([
      { seq: 2, problem: 'altered' },
      { seq: 3, problem: 'broken_link' },
    ]);
    await tamper(db, (tx) => tx.updateTable('audit_log').set({ hash: original.hash }).where('municipality_id', '=', m.id).where('seq', '=', 2).execute());
    expect(await problemsOf(db, m.id)).toEqual([]);
  });

  it("deleting a middle row is reported as 'missing' at its seq and 'broken_link' at the next", async () => {
    const { m } = await municipalityWithAudits(h, 5);
    const row = await db.selectFrom('audit_log').selectAll().where('municipality_id', '=', m.id).where('seq', '=', 3).executeTakeFirstOrThrow();
    await tamper(db, (tx) => tx.deleteFrom('audit_log').where('municipality_id', '=', m.id).where('seq', '=', 3).execute());
    expect(await seqsOf(db, m.id)).toEqual([1, 2, 4, 5]);
    expect(await problemsOf(db, m.id)).toEqual([
      { seq: 3, problem: 'missing' },
      { seq: 4, problem: 'broken_link' },
    ]);
    await reinsert(db, row);
    expect(await problemsOf(db, m.id)).toEqual([]);
  });

  it("deleting the last row is reported as 'head_mismatch'", async () => {
    const { m } = await municipalityWithAudits(h, 5);
    const row = await db.selectFrom('audit_log').selectAll().where('municipality_id', '=', m.id).where('seq', '=', 5).executeTakeFirstOrThrow();
    await tamper(db, (tx) => tx.deleteFrom('audit_log').where('municipality_id', '=', m.id).where('seq', '=', 5).execute());
    expect(await problemsOf(db, m.id)).toEqual([{ seq: 5, problem: 'head_mismatch' }]);
    await reinsert(db, row);
    expect(await problemsOf(db, m.id)).toEqual([]);
  });
});

/**
 * `npm run audit:verify` end to end, as a separate process: on a PGlite data
 * directory, or (with DATABASE_URL) on a private PostgreSQL schema named after
 * this worker's TEST_SCHEMA. Its own store, so the municipality and record
 * counts the CLI prints are exact.
 */
describe('audit:verify CLI', () => {
  const postgres = usingPostgres();
  const cliSchema = `${TEST_SCHEMA}_cli`;
  let dataDir = '';
  let municipalityId = '';
  let records = 0;

  const storeConfig = () => ({ databaseUrl: postgres ? process.env.DATABASE_URL! : null, dataDir, dbSchema: postgres ? cliSchema : 'public' });

  async function withStore<T>(work: (database: Database) => Promise<T>): Promise<T> {
    const database = await openDatabase(storeConfig());
    try {
      return await work(database);
    } finally {
      await database.close();
    }
  }

  function runCli(): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.DATABASE_URL;
    delete env.HELHED_DB_SCHEMA;
    delete env.HELHED_DATA_DIR;
    if (postgres) {
      env.DATABASE_URL = process.env.DATABASE_URL;
      env.HELHED_DB_SCHEMA = cliSchema;
    } else {
      env.HELHED_DATA_DIR = dataDir;
    }
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/cli/audit-verify.ts'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'helhed-audit-cli-'));
    await withStore(async (database) => {
      await migrateToLatest(database.db);
      municipalityId = await loadDemoMunicipality(database.db, demoMunicipality, { now: new Date('2026-11-23T08:00:00Z') });
      const clock = new TestClock();
      const config = { ...readConfig({ NODE_ENV: 'test' }), seedDemo: false, webDist: null, logLevel: 'silent' };
      const app = await buildApp({ config, database, oidc: readOidcConfig({}), now: clock.now });
      try {
        await app.ready();
        const mette = await loginEmployee(app, 'mette', demoMunicipality.code);
        const louise = await loginEmployee(app, 'louise', demoMunicipality.code);
        const lotte = await findCitizen(mette, '120591-1002');
        expect((await mette.get(`/api/cases/${lotte.openCaseId}`)).statusCode).toBe(200);
        expect((await mette.get(`/api/citizens/${lotte.id}/consents`)).statusCode).toBe(200);
        expect((await louise.get(`/api/cases/${lotte.openCaseId}`)).statusCode).toBe(403);
      } finally {
        await app.close();
      }
      records = Number((await database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    });
    expect(records).toBe(4);
  }, 120_000);

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
    await dropPostgresSchema(cliSchema);
  });

  it('exits 0 and reports 0 problems on an intact chain', async () => {
    const { code, stdout, stderr } = await runCli();
    expect(code, stdout + stderr).toBe(0);
    expect(stderr).not.toMatch(/audit chain problem/);
    expect(stdout).toContain(`audit:verify: 1 municipalities, ${records} records, 0 problems`);
  }, 120_000);

  it('exits 1 and names the municipality, seq and problem after a row is tampered with', async () => {
    await withStore((database) =>
      tamper(database.db, (tx) => tx.updateTable('audit_log').set({ actor_name: 'Ingen' }).where('municipality_id', '=', municipalityId).where('seq', '=', 2).execute()),
    );
    const { code, stdout, stderr } = await runCli();
    expect(code, stdout + stderr).toBe(1);
    expect(stderr).toContain(`audit chain problem: municipality ${municipalityId} seq 2: altered`);
    expect(stdout).toContain(`audit:verify: 1 municipalities, ${records} records, 1 problems`);
  }, 120_000);
});
