import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database';
import { migrateToLatest } from '../src/db/migrate';
import { demoMunicipality } from '../src/seed/demo-municipality';
import { loadDemoMunicipality } from '../src/seed/load-demo';
import { TEST_SCHEMA, usingPostgres } from './support/database';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The batch commands an operator runs: `npm run import` and `npm run screen`, on their own database. */
describe('command line: import and screen', () => {
  let dir: string;
  const schema = `${TEST_SCHEMA}_cli_tg`;
  const env = () => {
    const e: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent' };
    if (usingPostgres()) e.HELHED_DB_SCHEMA = schema;
    else {
      delete e.DATABASE_URL;
      e.HELHED_DATA_DIR = path.join(dir, 'db');
    }
    return e;
  };
  const cli = (script: string, args: string[]) =>
    run(process.execPath, ['--import', 'tsx', `packages/server/src/cli/${script}.ts`, ...args], { cwd: ROOT, env: env() }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'helhed-cli-'));
    const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL || null, dataDir: path.join(dir, 'db'), dbSchema: schema });
    await migrateToLatest(database.db);
    await loadDemoMunicipality(database.db, demoMunicipality, { code: '0999' });
    await database.close();
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('screens the municipality and prints the counts', async () => {
    const r = await cli('screen', ['--municipality', '0999', '--date', '2026-11-23']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/regelsæt hovedlov-2022 pr\. 2026-11-23: [1-9]\d* skal, [1-9]\d* kan/);
    expect(r.stderr).toMatch(/screening: 100%/);
  }, 60_000);

  it('imports a good feed (exit 0) and refuses a bad one with its lines (exit 1)', async () => {
    const header = 'source_system,external_id,cpr,kind,sector,code,title,legal_basis,start_date,end_date';
    const good = path.join(dir, 'good.csv');
    await writeFile(good, `${header}\nJobcenter,CLI-1,120591-1002,plan,employment,uddannelsesplan,Uddannelsesplan,LAB,2026-01-01,\n`);
    const ok = await cli('import', ['--municipality', '0999', '--feed', 'sector_records', '--file', good]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/indlæst 1 rækker: 1 nye/);
    const bad = path.join(dir, 'bad.csv');
    await writeFile(bad, `${header}\nJobcenter,CLI-2,120591-1002,plan,employment,min_plan,Min Plan,LAB,2026-13-01,\n`);
    const refused = await cli('import', ['--municipality', '0999', '--feed', 'sector_records', '--file', bad]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/AFVIST 1 rækker/);
    expect(refused.stderr).toMatch(/linje 2, start_date/);
    const usage = await cli('screen', []);
    expect(usage.code).toBe(2);
  }, 60_000);
});
