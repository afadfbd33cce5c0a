import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChains } from '../src/audit/verify-chain';
import { openDatabase } from '../src/db/database';
import { migrateToLatest } from '../src/db/migrate';
import { demoMunicipality } from '../src/seed/demo-municipality';
import { loadDemoMunicipality } from '../src/seed/load-demo';
import { TEST_SCHEMA, usingPostgres, dropPostgresSchema } from './support/database';
import { employeeAccess, issueLetter, letterFor } from './support/letters';

/**
 * "A killed process mid-delivery never sends a letter twice and never loses
 * it" (issue 5). A worker runs as a child process on its own database (a
 * PGlite data directory, or a private schema on PostgreSQL when DATABASE_URL
 * is set); it is SIGKILLed after a message was written to the drop directory
 * but before the outbox recorded it. Then the real `npm run outbox -- --once`
 * command runs: every letter ends up delivered, exactly one file each.
 */

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const LETTERS = 10;
const PAUSE_AFTER = 4;
const LEASE_SECONDS = 1;
const TIMEOUT = 180_000;

const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

describe('durability: a delivery worker killed mid-delivery', () => {
  let dataDir: string | null = null;
  let dropDir: string;
  const schema = `${TEST_SCHEMA}_ltr_${Math.random().toString(36).slice(2, 8)}`;
  const letterIds: string[] = [];

  const open = () => openDatabase({ databaseUrl: process.env.DATABASE_URL || null, dataDir: dataDir ?? 'memory://', dbSchema: schema });

  function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    const e: NodeJS.ProcessEnv = { ...process.env, HELHED_OUTBOX_DIR: dropDir, HELHED_OUTBOX_LEASE_SECONDS: String(LEASE_SECONDS), LOG_LEVEL: 'warn', ...extra };
    delete e.HELHED_DB_SCHEMA;
    delete e.HELHED_DATA_DIR;
    if (usingPostgres()) e.HELHED_DB_SCHEMA = schema;
    else {
      delete e.DATABASE_URL;
      e.HELHED_DATA_DIR = dataDir!;
    }
    return e;
  }

  function start(script: string, args: string[], extra: Record<string, string> = {}) {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, env: env(extra), stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    return { child, exited, stdout: () => stdout, stderr: () => stderr };
  }

  beforeAll(async () => {
    dropDir = await mkdtemp(path.join(tmpdir(), 'helhed-drop-kill-'));
    if (!usingPostgres()) dataDir = await mkdtemp(path.join(tmpdir(), 'helhed-letters-kill-'));
    const database = await open();
    try {
      await migrateToLatest(database.db);
      const municipalityId = await loadDemoMunicipality(database.db, demoMunicipality, { code: '0999', now: new Date('2026-11-23T08:00:00Z') });
      const lotte = await database.db.selectFrom('citizen').select('id').where('cpr', '=', '1205911002').executeTakeFirstOrThrow();
      const kase = await database.db.selectFrom('holistic_case').select(['id', 'coordinator_employee_id']).where('citizen_id', '=', lotte.id).executeTakeFirstOrThrow();
      const a = await employeeAccess(database.db, municipalityId, kase.coordinator_employee_id!);
      for (let i = 0; i < LETTERS; i++) {
        const letter = letterFor(lotte.id, kase.id, { title: `Afgørelse nr. ${i + 1}` });
        await issueLetter(a, letter);
        letterIds.push(letter.letterId);
      }
    } finally {
      await database.close();
    }
  }, TIMEOUT);

  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await rm(dropDir, { recursive: true, force: true });
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    await dropPostgresSchema(schema);
  });

  it(
    'the message written but not recorded is neither lost nor sent twice; all letters end up delivered, one file each',
    async () => {
      // 1. A worker delivers, and dies right after writing message no. PAUSE_AFTER.
      const worker = start('packages/server/test/support/outbox-child.ts', [], { PAUSE_AFTER: String(PAUSE_AFTER) });
      const deadline = Date.now() + 120_000;
      while (!/PAUSED ([0-9a-f-]{36})/.test(worker.stdout())) {
        if (worker.child.exitCode !== null) throw new Error(`worker exited early (${worker.child.exitCode}):\n${worker.stdout()}\n${worker.stderr()}`);
        if (Date.now() > deadline) throw new Error(`worker never paused:\n${worker.stdout()}\n${worker.stderr()}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      const inFlight = /PAUSED ([0-9a-f-]{36})/.exec(worker.stdout())![1]!;
      worker.child.kill('SIGKILL');
      await worker.exited;
      expect(worker.child.signalCode).toBe('SIGKILL');
      children.delete(worker.child);

      const filesAfterKill = (await readdir(dropDir)).filter((f) => f.endsWith('.xml'));
      expect(filesAfterKill).toHaveLength(PAUSE_AFTER);
      expect(filesAfterKill).toContain(`${inFlight}.xml`);
      const inFlightXml = await readFile(path.join(dropDir, `${inFlight}.xml`), 'utf8');
      {
        const database = await open();
        try {
          const rows = await database.db.selectFrom('outbox_message').select(['id', 'status']).execute();
          const byStatus = (s: string) => rows.filter((r) => r.status === s).map((r) => r.id);
          expect(byStatus('delivered')).toHaveLength(PAUSE_AFTER - 1);
          expect(byStatus('sending')).toContain(inFlight); // sent, but the outbox does not know yet
          expect(byStatus('delivered').length + byStatus('sending').length + byStatus('queued').length).toBe(LETTERS);
        } finally {
          await database.close();
        }
      }

      // 2. The operator's command, after the dead worker's lease ran out (PGlite releases it at once).
      await new Promise((r) => setTimeout(r, LEASE_SECONDS * 1000 + 200));
      const cli = start('packages/server/src/cli/outbox.ts', ['--once']);
      expect(await cli.exited, cli.stderr()).toBe(0);
      children.delete(cli.child);
      expect(cli.stdout()).toContain(`outbox: ${LETTERS - PAUSE_AFTER + 1} afsendt, 0 prøves igen senere, 0 opgivet`);
      expect(cli.stderr()).toContain(`afsendt ${inFlight} (var allerede afleveret)`);

      // 3. Exactly one file per letter, nothing half-written, all delivered, one delivery record each.
      const names = await readdir(dropDir);
      expect(names.sort()).toEqual(letterIds.map((id) => `${id}.xml`).sort());
      expect(await readFile(path.join(dropDir, `${inFlight}.xml`), 'utf8')).toBe(inFlightXml);
      const database = await open();
      try {
        const rows = await database.db.selectFrom('outbox_message').select(['id', 'status', 'attempts', 'payload']).execute();
        expect(rows).toHaveLength(LETTERS);
        for (const r of rows) {
          expect(r.status, r.id).toBe('delivered');
          expect(await readFile(path.join(dropDir, `${r.id}.xml`), 'utf8')).toBe(r.payload);
        }
        expect(rows.find((r) => r.id === inFlight)!.attempts).toBe(2);
        const deliveries = await database.db.selectFrom('audit_log').select(['resource_id']).where('action', '=', 'letter.deliver').execute();
        expect(deliveries.map((d) => d.resource_id).sort()).toEqual([...letterIds].sort());
        expect((await verifyAuditChains(database.db)).problems).toEqual([]);
      } finally {
        await database.close();
      }
    },
    TIMEOUT,
  );
});
