/**
 * `npm run bench:overview [-- --copies 40 --seconds 15 --connections 64]`
 *
 * The caseworker's citizen overview under load (SPEC §7.1), on PostgreSQL
 * (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test, own schema
 * helhed_bench_overview, recreated each run):
 *  1. loads the demo municipality `--copies` times under different codes
 *     (a few hundred cases; every call appends to its municipality's audit chain);
 *  2. starts the real server (buildApp) in a CHILD process, logs in the
 *     coordinating caseworkers (mette, jonas, louise of every copy) with the
 *     development login, and pairs each with the citizens of their caseload;
 *  3. counts the SQL statements one overview runs (session, gateway, reads, audit);
 *  4. drives autocannon at `--connections` for `--seconds` against
 *     GET /api/citizens/:id/overview of random (caseworker, own citizen) pairs,
 *     after a short warm-up, twice: flat out (each connection sends its next
 *     request when the last is answered: the capacity, and the ratio), and paced
 *     at `--rate` requests a second in all (default: each of the 64 connections
 *     one overview a second — 64 caseworkers clicking once a second), which is
 *     where latency (p99) is read: flat out, by Little's law p50 ≈ connections /
 *     throughput whatever the code does;
 *  5. baseline, in a child process too: the bare SQL the overview needs — its
 *     reads and its audit insert in one transaction, hand-written with `pg`, same
 *     pool size as the server (HELHED_DB_POOL_SIZE) — at the same concurrency
 *     for the same time, over the same pairs, flat out and paced alike.
 * Last line: overview: p50 <ms> ms, p99 <ms> ms, <n> req/s, ratio <x> vs bare SQL
 * with p50/p99 of the paced run, req/s and the ratio (API p50 / bare SQL p50) of
 * the flat-out runs.
 */
import { fork, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { auditPayload } from '../packages/server/src/audit/audit-hash';
import { readConfig } from '../packages/server/src/config';
import { openDatabase } from '../packages/server/src/db/database';
import { migrateToLatest } from '../packages/server/src/db/migrate';
import { APP_ROLE } from '../packages/server/src/db/migrations/tenant-security';
import { buildApp } from '../packages/server/src/http/app';
import { readOidcConfig } from '../packages/server/src/identity/oidc-config';
import { demoMunicipality } from '../packages/server/src/seed/demo-municipality';
import { loadDemoMunicipality } from '../packages/server/src/seed/load-demo';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : fallback;
};
const MODE = args[0] === 'server' || args[0] === 'baseline' ? args[0] : 'main';
const COPIES = Number(opt('copies', '40'));
const SECONDS = Number(opt('seconds', '15'));
const CONNECTIONS = Number(opt('connections', '64'));
const RATE = Number(opt('rate', String(CONNECTIONS)));
const URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const SCHEMA = process.env.HELHED_BENCH_SCHEMA ?? 'helhed_bench_overview';
const POOL = Number(process.env.HELHED_DB_POOL_SIZE ?? 10);

/** One (caseworker, own citizen) pair: the session for the API, the ids for the bare SQL. */
interface Target {
  cookie: string;
  municipalityId: string;
  employeeId: string;
  employeeName: string;
  citizenId: string;
  caseId: string;
}

const env = () => ({ ...process.env, DATABASE_URL: URL, HELHED_DB_SCHEMA: SCHEMA, HELHED_SEED_DEMO: 'false', LOG_LEVEL: 'silent', NODE_ENV: 'development' });

// ---------------------------------------------------------------- server child
async function serve(): Promise<void> {
  const config = { ...readConfig(env()), seedDemo: false, webDist: null, logLevel: 'silent', port: 0, host: '127.0.0.1' };
  const database = await openDatabase(config);
  const app = await buildApp({ config, database, oidc: readOidcConfig({}) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  process.send!({ port: typeof address === 'object' && address ? address.port : 0 });
  // 'mark' starts the CPU clock (after the warm-up); 'read' reports the server's CPU time since; 'stop' reports it and ends.
  let cpu = process.cpuUsage();
  process.on('message', async (m) => {
    if (m === 'mark') {
      cpu = process.cpuUsage();
      return;
    }
    if (m === 'read') {
      const used = process.cpuUsage(cpu);
      process.send!({ cpuMs: (used.user + used.system) / 1000 });
      return;
    }
    const used = process.cpuUsage(cpu);
    process.send!({ cpuMs: (used.user + used.system) / 1000 });
    await app.close();
    await database.close();
    process.exit(0);
  });
}

// ------------------------------------------------------------ bare SQL baseline
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * The reads the overview needs and its audit insert, one transaction, by hand:
 * the same rows the API returns (citizen, case with coordinator, contacts and
 * the coordinator changes, consents, rule set, plan with version, goals and
 * follow-ups, interventions with catalogue, the calendar window, unread
 * messages, open new information, decisions with elements, complaints,
 * household and family, open tasks, latest screening result), then the
 * hash-chained audit record.
 */
async function overviewSql(client: pg.PoolClient, t: Target, now: Date): Promise<void> {
  const today = now.toISOString().slice(0, 10);
  const windowEnd = new Date(now.getTime() + 56 * 86_400_000).toISOString().slice(0, 10);
  const yearAgo = new Date(now.getTime() - 365 * 86_400_000);
  await client.query('begin');
  try {
    await client.query(`select set_config('role', $1, true), set_config('helhed.municipality_id', $2, true)`, [APP_ROLE, t.municipalityId]);
    await client.query(
      `select c.id, c.name, c.birth_date, c.cpr, c.household_id, k.id as case_id, k.phase, k.version, k.opened_at, e.name as coordinator, t.name as team,
              exists (select 1 from case_contact x where x.case_id = k.id and x.employee_id = $2 and x.ended_on is null) as is_contact
         from citizen c
         left join holistic_case k on k.citizen_id = c.id and k.closed_at is null
         left join employee e on e.id = k.coordinator_employee_id
         left join team t on t.id = k.coordinator_team_id
        where c.id = $1`,
      [t.citizenId, t.employeeId],
    );
    await client.query(`select * from case_contact where case_id = $1 order by coordinating desc, ended_on desc, since`, [t.caseId]);
    await client.query(`select count(*) from case_event where case_id = $1 and type = 'coordination_assigned' and occurred_at >= $2`, [t.caseId, yearAgo]);
    await client.query(`select * from consent where citizen_id = $1 order by recorded_at`, [t.citizenId]);
    await client.query(`select * from municipality_rule_set`);
    await client.query(
      `select p.*, v.reason, v.changed_at, v.changed_by_name from plan p join plan_version v on v.plan_id = p.id and v.version = p.version where p.case_id = $1`,
      [t.caseId],
    );
    await client.query(`select * from plan_follow_up where case_id = $1 order by recorded_on, seq`, [t.caseId]);
    await client.query(`select * from plan_goal where case_id = $1 and next_follow_up_on <= $2`, [t.caseId, today]);
    await client.query(`select id, kind, code, start_date, end_date from sector_record where citizen_id = $1 and kind = 'plan'`, [t.citizenId]);
    await client.query(`select i.*, c.kind as item_kind, c.cost_model from intervention i left join catalogue_item c on c.id = i.catalogue_item_id where i.case_id = $1`, [t.caseId]);
    await client.query(
      `select * from calendar_entry where citizen_id = $1 and not cancelled and starts_at < $3::date + 1 and (coalesce(recurrence_until, ends_at::date) >= $2::date)`,
      [t.citizenId, today, windowEnd],
    );
    await client.query(
      `select count(*) from message m join message_thread t on t.id = m.thread_id where t.case_id = $1 and m.author_kind <> 'employee' and m.read_at is null`,
      [t.caseId],
    );
    await client.query(`select n.* from new_information n join task t on t.id = n.task_id where n.case_id = $1 and t.status = 'open'`, [t.caseId]);
    await client.query(`select d.*, e.* from decision d left join decision_element e on e.decision_id = d.id where d.case_id = $1 and d.status <> 'discarded'`, [t.caseId]);
    await client.query(`select c.*, e.element_id from complaint c left join complaint_element e on e.complaint_id = c.id where c.case_id = $1`, [t.caseId]);
    await client.query(
      `select c.id, c.name, c.birth_date, c.household_id, k.id as case_id
         from citizen c left join holistic_case k on k.citizen_id = c.id and k.closed_at is null
        where c.id <> $1 and (c.household_id = (select household_id from citizen where id = $1)
           or c.id in (select child_citizen_id from family_relation where parent_citizen_id = $1)
           or c.id in (select parent_citizen_id from family_relation where child_citizen_id = $1))`,
      [t.citizenId],
    );
    await client.query(`select * from task where case_id = $1 and status = 'open' order by due_on, created_at`, [t.caseId]);
    await client.query(`select * from screening_result where citizen_id = $1 order by evaluated_at desc, seq desc limit 1`, [t.citizenId]);
    const fields = {
      municipalityId: t.municipalityId,
      occurredAt: now,
      actorKind: 'employee',
      actorId: t.employeeId,
      actorName: t.employeeName,
      citizenId: t.citizenId,
      searchCriterion: null,
      action: 'overview.read',
      resourceType: 'citizen_overview',
      resourceId: t.citizenId,
      purpose: 'casework',
      outcome: 'allowed',
      reason: null,
    } as Parameters<typeof auditPayload>[0];
    const r = await client.query(
      `with head as (select last_seq, last_hash from audit_chain_head where municipality_id = $1 for update),
       appended as (
         insert into audit_log (municipality_id, seq, occurred_at, actor_kind, actor_id, actor_name, citizen_id, search_criterion, action, resource_type, resource_id, purpose, outcome, reason, prev_hash, hash)
         select $1, head.last_seq + 1, $2, $3, $4, $5, $6, null, $7, $8, $9, $10, $11, null, head.last_hash,
                encode(sha256(convert_to(head.last_hash || '|' || (head.last_seq + 1)::text || '|' || $12, 'UTF8')), 'hex')
           from head returning seq, hash)
       update audit_chain_head set last_seq = appended.seq, last_hash = appended.hash from appended where audit_chain_head.municipality_id = $1`,
      [t.municipalityId, now, 'employee', t.employeeId, t.employeeName, t.citizenId, 'overview.read', 'citizen_overview', t.citizenId, 'casework', 'allowed', auditPayload(fields)],
    );
    if (r.rowCount !== 1) throw new Error('audit chain head missing');
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}

interface Driven {
  cpuMs: number;
  n: number;
  errors: number;
  p50: number;
  p99: number;
  rps: number;
}

/**
 * `CONNECTIONS` workers calling `once` for `seconds`: flat out (rate 0: each
 * calls again when answered), or paced at `rate` calls a second in all, the
 * workers' schedules spread evenly over the second (users do not click in
 * step), so latency is read under a steady load below capacity.
 */
async function drive(seconds: number, rate: number, once: () => Promise<void>): Promise<Driven> {
  const latencies: number[] = [];
  let errors = 0;
  const cpu = process.cpuUsage();
  const until = performance.now() + seconds * 1000;
  const interval = rate > 0 ? (1000 * CONNECTIONS) / rate : 0;
  const worker = async (w: number) => {
    let due = performance.now() + (interval * w) / CONNECTIONS;
    while (performance.now() < until) {
      if (interval > 0) {
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        due += interval;
        if (performance.now() >= until) break;
      }
      const started = performance.now();
      try {
        await once();
        latencies.push(performance.now() - started);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, (_, w) => worker(w)));
  latencies.sort((a, b) => a - b);
  const used = process.cpuUsage(cpu);
  return { cpuMs: (used.user + used.system) / 1000, n: latencies.length, errors, p50: percentile(latencies, 50), p99: percentile(latencies, 99), rps: latencies.length / seconds };
}

/** One GET over a keep-alive connection of `agent`; rejects on anything but 200. */
function getOverview(agent: http.Agent, port: number, t: Target): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.get({ agent, host: '127.0.0.1', port, path: `/api/citizens/${t.citizenId}/overview`, headers: { cookie: t.cookie } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`status ${res.statusCode}`))));
    });
    req.on('error', reject);
  });
}

async function baseline(): Promise<void> {
  const targets: Target[] = await new Promise((resolve) => process.once('message', (m) => resolve(m as Target[])));
  const pool = new pg.Pool({ connectionString: URL, max: POOL, options: `-c search_path="${SCHEMA}"` });
  const run = (seconds: number, rate = 0) =>
    drive(seconds, rate, async () => {
      const t = targets[Math.floor(Math.random() * targets.length)]!;
      const client = await pool.connect();
      try {
        await overviewSql(client, t, new Date());
      } finally {
        client.release();
      }
    });
  await run(3); // warm-up
  const result = await run(SECONDS);
  await run(2, RATE); // warm-up, as for the API
  const paced = await run(SECONDS, RATE);
  await pool.end();
  process.send!({ ...result, paced });
}

// ------------------------------------------------------------------------ main
function child(mode: 'server' | 'baseline'): ChildProcess {
  return fork(fileURLToPath(import.meta.url), [mode, ...args], { execArgv: ['--import', 'tsx'], env: env() });
}
const next = <T>(c: ChildProcess) => new Promise<T>((resolve, reject) => {
  c.once('message', (m) => resolve(m as T));
  c.once('exit', (code) => reject(new Error(`child exited (${code})`)));
});

async function main(): Promise<void> {
  const admin = new pg.Client({ connectionString: URL });
  await admin.connect();
  await admin.query(`drop schema if exists "${SCHEMA}" cascade`);
  await admin.end();
  const database = await openDatabase({ databaseUrl: URL, dbSchema: SCHEMA, dataDir: '' });
  await migrateToLatest(database.db);
  let t0 = performance.now();
  for (let i = 0; i < COPIES; i++) await loadDemoMunicipality(database.db, demoMunicipality, { code: `BO${String(i).padStart(3, '0')}` });
  const cases = await database.db.selectFrom('holistic_case').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  console.log(`seeded ${COPIES} municipalities (${cases.n} cases) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // Query count of one overview: the same app in this process, every statement on the pool counted.
  const original = pg.Client.prototype.query;
  let statements = 0;
  (pg.Client.prototype as any).query = function (this: pg.Client, ...a: unknown[]) {
    statements++;
    if (process.env.BENCH_SHOW_SQL) console.log(String(typeof a[0] === 'string' ? a[0] : (a[0] as { text?: string })?.text).replace(/\s+/g, ' ').slice(0, 110));
    return (original as any).apply(this, a);
  };
  const config = { ...readConfig(env()), seedDemo: false, webDist: null, logLevel: 'silent' };
  const probe = await buildApp({ config, database, oidc: readOidcConfig({}) });
  const login = await probe.inject({ method: 'POST', url: '/auth/dev-login', payload: { kind: 'employee', username: 'mette', municipalityCode: 'BO000' } });
  const cookie = `helhed_session=${login.cookies.find((c) => c.name === 'helhed_session')!.value}`;
  const load = await probe.inject({ method: 'GET', url: '/api/caseload', headers: { cookie } });
  const someone = load.json().items[0].citizenId;
  await probe.inject({ method: 'GET', url: `/api/citizens/${someone}/overview`, headers: { cookie } });
  statements = 0;
  const probed = await probe.inject({ method: 'GET', url: `/api/citizens/${someone}/overview`, headers: { cookie } });
  const perOverview = statements;
  (pg.Client.prototype as any).query = original;
  await probe.close();
  if (probed.statusCode !== 200) throw new Error(`overview probe failed: ${probed.statusCode} ${probed.body}`);
  await database.close();

  const server = child('server');
  const { port } = await next<{ port: number }>(server);
  const base = `http://127.0.0.1:${port}`;
  const targets: Target[] = [];
  for (let i = 0; i < COPIES; i++) {
    for (const username of ['mette', 'jonas', 'louise']) {
      const res = await fetch(`${base}/auth/dev-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'employee', username, municipalityCode: `BO${String(i).padStart(3, '0')}` }) });
      if (!res.ok) throw new Error(`login ${username} failed: ${res.status}`);
      const me = (await res.json()) as { id: string; name: string; municipalityId: string };
      const session = res.headers.getSetCookie().find((c) => c.startsWith('helhed_session='))!.split(';')[0]!;
      const caseload = (await (await fetch(`${base}/api/caseload`, { headers: { cookie: session } })).json()) as { items: { id: string; citizenId: string }[] };
      for (const k of caseload.items) targets.push({ cookie: session, municipalityId: me.municipalityId, employeeId: me.id, employeeName: me.name, citizenId: k.citizenId, caseId: k.id });
    }
  }
  console.log(`${targets.length} (caseworker, own citizen) pairs; ${perOverview} SQL statements per overview (session, gateway, reads, audit); pool ${POOL}`);

  const cannon = (seconds: number) =>
    autocannon({
      url: base,
      connections: CONNECTIONS,
      duration: seconds,
      requests: [
        {
          setupRequest: (req) => {
            const t = targets[Math.floor(Math.random() * targets.length)]!;
            return { ...req, method: 'GET', path: `/api/citizens/${t.citizenId}/overview`, headers: { cookie: t.cookie } };
          },
        },
      ],
    });
  await cannon(3); // warm-up: JIT, pool, caches
  server.send('mark');
  const api = await cannon(SECONDS);
  const apiCpuMs = await new Promise<number>((resolve) => {
    server.once('message', (m) => resolve((m as { cpuMs: number }).cpuMs));
    server.send('read');
  });
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const pacedOnce = () => getOverview(agent, port, targets[Math.floor(Math.random() * targets.length)]!);
  await drive(2, RATE, pacedOnce); // warm-up: the client's connections
  const paced = await drive(SECONDS, RATE, pacedOnce);
  agent.destroy();
  const stopped = next<{ cpuMs: number }>(server);
  server.send('stop');
  await stopped;
  const cpuMs = apiCpuMs;
  await new Promise((r) => server.once('exit', r));
  const non2xx = api.non2xx + api.errors + api.timeouts + paced.errors;

  const bare = child('baseline');
  bare.send(targets);
  const sqlResult = await next<Driven & { paced: Driven }>(bare);

  t0 = performance.now();
  const audit = await (async () => {
    const c = new pg.Client({ connectionString: URL });
    await c.connect();
    const r = await c.query(`select count(*)::int as n from "${SCHEMA}".audit_log`);
    await c.end();
    return r.rows[0].n as number;
  })();
  console.log(`machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}; audit log now ${audit} records`);
  console.log(`flat out, ${CONNECTIONS} connections:`);
  console.log(`  API:      ${api.requests.total} requests, p50 ${api.latency.p50} ms, p97.5 ${api.latency.p97_5} ms, p99 ${api.latency.p99} ms, max ${api.latency.max} ms, ${api.requests.average} req/s; server CPU ${(cpuMs / api.requests.total).toFixed(1)} ms per overview`);
  console.log(`  bare SQL: ${sqlResult.n} transactions, ${sqlResult.errors} errors, p50 ${sqlResult.p50.toFixed(2)} ms, p99 ${sqlResult.p99.toFixed(2)} ms, ${sqlResult.rps.toFixed(0)} tx/s; client CPU ${(sqlResult.cpuMs / sqlResult.n).toFixed(1)} ms per transaction`);
  console.log(`paced, ${CONNECTIONS} connections, ${RATE} requests a second in all:`);
  console.log(`  API:      ${paced.n} requests, ${paced.errors} errors, p50 ${paced.p50.toFixed(2)} ms, p99 ${paced.p99.toFixed(2)} ms, ${paced.rps.toFixed(0)} req/s`);
  console.log(`  bare SQL: ${sqlResult.paced.n} transactions, ${sqlResult.paced.errors} errors, p50 ${sqlResult.paced.p50.toFixed(2)} ms, p99 ${sqlResult.paced.p99.toFixed(2)} ms, ${sqlResult.paced.rps.toFixed(0)} tx/s`);
  console.log(`${non2xx} API requests not 2xx; targets (SPEC §7.1): p99 < 25 ms (paced), ratio ≤ 2 (flat out)`);
  const ratio = api.latency.p50 / sqlResult.p50;
  console.log(`overview: p50 ${paced.p50.toFixed(1)} ms, p99 ${paced.p99.toFixed(1)} ms, ${api.requests.average} req/s, ratio ${ratio.toFixed(2)} vs bare SQL`);
  if (non2xx > 0) process.exitCode = 1;
}

if (MODE === 'server') await serve();
else if (MODE === 'baseline') await baseline();
else await main();
