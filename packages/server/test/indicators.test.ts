import { sql } from 'kysely';
import { formatCpr, monthOf, parseCpr } from '@helhed/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { inMunicipality } from '../src/db/transactions';
import { demoMunicipality } from '../src/seed/demo-municipality';
import { HISTORY_RECORD_PREFIX } from '../src/seed/demo-indicators';
import { pseudonymOf } from '../src/services/indicators/pseudonyms';
import { testDatabase } from './support/database';
import { findCitizen, freshMunicipality, loginCitizen, loginEmployee, startHarness, type Client, type Harness } from './support/harness';

/**
 * SPEC C11 over HTTP: the indicators for leaders (counts and statistics, never
 * a citizen), the same figures as a file with small counts hidden, and the
 * pseudonymised export for the national evaluation — who may, what is
 * audited, bad periods, and the demo history that makes the page alive.
 */
describe('indicators and the pseudonymised export', () => {
  let h: Harness;
  let municipality: { id: string; code: string };
  let henrik: Client;
  let ole: Client;
  let mette: Client;

  const auditRows = async (municipalityId: string) => {
    const { db } = await testDatabase();
    return db.selectFrom('audit_log').selectAll().where('municipality_id', '=', municipalityId).orderBy('seq').execute();
  };

  beforeAll(async () => {
    h = await startHarness();
    municipality = await freshMunicipality();
    henrik = await loginEmployee(h.app, 'henrik', municipality.code);
    ole = await loginEmployee(h.app, 'ole', municipality.code);
    mette = await loginEmployee(h.app, 'mette', municipality.code);
  });

  it('leaders and administrators read every indicator for a period; the figures follow the demo data', async () => {
    const res = await henrik.get('/api/indicators?from=2026-01&to=2026-11');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const d = res.json();
    expect(d.period).toMatchObject({ from: '2026-01', to: '2026-11', firstDay: '2026-01-01', lastDay: '2026-11-30' });
    expect(d.period.months).toHaveLength(11);
    expect(d.smallNumber).toBe(5);

    // The consent funnel, worked out from the seed file itself: each case is an offer in the month it opened.
    const cases = demoMunicipality.citizens.flatMap((c) => (c.holisticCase ? [c.holisticCase] : []));
    const outcome = (c: (typeof cases)[number]) => {
      const holistic = c.consents.filter((x) => x.scope === 'holistic_effort');
      if (holistic.length === 0) return 'awaiting';
      return holistic[holistic.length - 1]!.withdrawnOn ? 'withdrawn' : 'given';
    };
    expect(d.consent.total).toMatchObject({
      offered: cases.length,
      given: cases.filter((c) => outcome(c) === 'given').length,
      withdrawn: cases.filter((c) => outcome(c) === 'withdrawn').length,
      declined: 0,
      awaiting: cases.filter((c) => outcome(c) === 'awaiting').length,
    });
    for (const m of d.consent.months) expect(m.offered, m.month).toBe(cases.filter((c) => monthOf(c.openedOn) === m.month).length);
    // fewer than five offers in a month: no share
    for (const m of d.consent.months.filter((x: any) => x.offered < 5)) expect(m.consentShare).toBeNull();

    // No plan or decision yet in the seed: every consent is still waiting.
    expect(d.timeToPlan.total).toMatchObject({ reached: 0, waiting: d.timeToPlan.total.consents, days: null });
    expect(d.timeToPlan.total.consents).toBeGreaterThan(0);
    // Contacts: the SPEC's families came from many authority persons to a few.
    expect(d.contacts.cases).toBe(cases.length);
    expect(d.contacts.before.median).toBeGreaterThan(d.contacts.now.median);
    expect(d.employment.definition).toMatch(/forsørgelsesydelse/);
    expect(d.employment.years.map((y: any) => y.year)).toEqual([2026]);
    expect(d.survey.question).toBe('Oplever du et sammenhængende forløb?');
    // no names, CPR numbers or ids of citizens in the answer
    const body = res.body;
    for (const c of demoMunicipality.citizens) {
      expect(body).not.toContain(c.name);
      expect(body).not.toContain(c.cpr.replace('-', ''));
    }
    expect(body).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);

    expect((await ole.get('/api/indicators')).statusCode).toBe(200);
  });

  it('the figures move with the work: a plan saved today and a survey answer count at once', async () => {
    const lotte = await findCitizen(mette, '120591-1002');
    const before = (await henrik.get('/api/indicators?from=2026-09&to=2026-11')).json();
    const september = (x: any) => x.timeToPlan.months.find((m: any) => m.month === '2026-09');
    const saved = await mette.put(`/api/cases/${lotte.openCaseId}/plan`, {
      version: 0,
      reason: 'Første plan',
      startDate: '2026-11-23',
      overallGoal: { citizenWords: 'Jeg vil have overskud til mine børn', caseworkerText: 'Mestre eget liv' },
      subGoals: [],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const citizen = await loginCitizen(h.app, lotte.id);
    expect((await citizen.post('/api/me/survey', { answer: 'yes_high' })).statusCode).toBe(201);

    const after = (await henrik.get('/api/indicators?from=2026-09&to=2026-11')).json();
    // Lotte consented in September (2026-09-08): her first plan, 76 days later, is reached
    expect(september(after).reached).toBe(september(before).reached + 1);
    expect(september(after).waiting).toBe(september(before).waiting - 1);
    const q4 = (x: any) => x.survey.periods.find((p: any) => p.period === '2026-Q4');
    expect(q4(after).answers).toBe(q4(before).answers + 1);
  });

  it('is audited once per read as management information, with the period and no citizen', async () => {
    const before = (await auditRows(municipality.id)).length;
    expect((await henrik.get('/api/indicators?from=2026-03&to=2026-05')).statusCode).toBe(200);
    const rows = (await auditRows(municipality.id)).slice(before);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'indicators.read', outcome: 'allowed', purpose: 'management_information', citizen_id: null, actor_id: henrik.me.id, resource_type: 'indicators' });
    expect(rows[0]!.search_criterion).toEqual({ indicators: { from: '2026-03', to: '2026-05' } });
  });

  it('a caseworker without the leader role, a forum member and a citizen are refused; the refusal is audited', async () => {
    const lene = await loginEmployee(h.app, 'lene', municipality.code);
    const citizen = await loginCitizen(h.app, (await findCitizen(mette, '120591-1002')).id);
    const before = (await auditRows(municipality.id)).length;
    for (const client of [mette, lene, citizen]) {
      for (const url of ['/api/indicators', '/api/indicators/tables.csv', '/api/indicators/evaluation-export.csv']) {
        const res = await client.get(url);
        expect(res.statusCode, `${url} ${res.body}`).toBe(403);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      }
    }
    const denied = (await auditRows(municipality.id)).slice(before);
    expect(denied.filter((r) => r.actor_id === mette.me.id && r.action === 'indicators.read' && r.outcome === 'denied')).toHaveLength(2);
    expect(denied.filter((r) => r.actor_id === mette.me.id && r.action === 'indicators.export' && r.outcome === 'denied')).toHaveLength(1);
    expect(denied.every((r) => r.outcome === 'denied')).toBe(true);
  });

  it('bad periods are 400 problem+json with the field, and nothing is read, audited or made', async () => {
    const { db } = await testDatabase();
    const keys = async () => Number((await db.selectFrom('pseudonym_key').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    const before = [(await auditRows(municipality.id)).length, await keys()];
    const cases: [string, string][] = [
      ['/api/indicators?from=2026-13', 'querystring.from'],
      ['/api/indicators?from=26-01', 'querystring.from'],
      ['/api/indicators?to=2026-1', 'querystring.to'],
      ['/api/indicators?from=2026-06&to=2026-01', 'querystring.to'],
      ['/api/indicators?from=2020-01&to=2026-01', 'querystring.to'],
      ['/api/indicators?from=2026-01&cpr=1205911002', 'querystring.cpr'],
      ['/api/indicators/tables.csv?from=2026-06&to=2026-01', 'querystring.to'],
    ];
    for (const [url, path] of cases) {
      const res = await henrik.get(url);
      expect(res.statusCode, `${url} ${res.body}`).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json().errors.map((e: any) => e.path), url).toContain(path);
    }
    expect((await henrik.get('/api/indicators?from=2026-06&to=2026-01')).json().detail).toBe('Slutmåneden ligger før startmåneden.');
    expect([(await auditRows(municipality.id)).length, await keys()]).toEqual(before);
  });

  it('one bound of the period completes the other to twelve months', async () => {
    expect((await henrik.get('/api/indicators?from=2026-02')).json().period).toMatchObject({ from: '2026-02', to: '2026-11' });
    expect((await henrik.get('/api/indicators?from=2025-01')).json().period).toMatchObject({ from: '2025-01', to: '2025-12' });
    expect((await henrik.get('/api/indicators?to=2026-06')).json().period).toMatchObject({ from: '2025-07', to: '2026-06' });
    expect((await henrik.get('/api/indicators')).json().period).toMatchObject({ from: '2025-12', to: '2026-11' });
  });

  it('the figures as CSV: one per line, counts of 1–4 written "under 5", audited like a read', async () => {
    const res = await henrik.get('/api/indicators/tables.csv?from=2026-01&to=2026-11');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="helhed-indikatorer-2026-01-2026-11.csv"');
    const lines = res.body.trim().split('\r\n');
    expect(lines[0]).toBe('indikator,periode,maal,vaerdi');
    const values = lines.slice(1).map((l: string) => l.split(',')[3]);
    // every count is 0, 5 or more, hidden, or a statistic — never 1 to 4
    const counts = lines.slice(1).filter((l: string) => /,(tilbudt|gav_samtykke|sagde_nej|venter|trak_tilbage|modtaget|svar|sager),/.test(l));
    expect(counts.length).toBeGreaterThan(10);
    for (const l of counts) expect(l, l).not.toMatch(/,[1-4]$/);
    expect(values).toContain('under 5');
    const audit = (await auditRows(municipality.id)).at(-1)!;
    expect(audit).toMatchObject({ action: 'indicators.read', resource_type: 'indicators_csv', purpose: 'management_information' });
  });

  describe('the pseudonymised export for the national evaluation', () => {
    let first: string;

    it('one row per citizen with a case (nobody is screened yet), pseudonym, age band, sex from the CPR; no CPR, name or id', async () => {
      const res = await ole.get('/api/indicators/evaluation-export.csv');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="helhed-evaluering-${municipality.code}-2026-11-23.csv"$`));
      first = res.body;
      const [header, ...rows] = first.trim().split('\r\n').map((l) => l.split(','));
      expect(header!.slice(0, 4)).toEqual(['pseudonym', 'aldersgruppe', 'koen', 'maalgruppe']);
      const withCase = demoMunicipality.citizens.filter((c) => c.holisticCase);
      expect(rows).toHaveLength(withCase.length);
      const col = (name: string) => header!.indexOf(name);
      for (const r of rows) {
        expect(r[col('pseudonym')]).toMatch(/^[0-9a-f]{32}$/);
        expect(['18-24', '25-29', '30-39', '40-49', '50-59', '60+']).toContain(r[col('aldersgruppe')]);
        expect(r[col('maalgruppe')]).toBe('ikke_screenet');
      }
      const sexOf = (cpr: string) => {
        const parsed = parseCpr(cpr);
        if (!parsed.ok) throw new Error(cpr);
        return parsed.cpr.sex === 'female' ? 'kvinde' : 'mand';
      };
      expect(rows.map((r) => r[col('koen')]).sort()).toEqual(withCase.map((c) => sexOf(c.cpr)).sort());
      expect(rows.map((r) => r[col('samtykke_dato')]).filter(Boolean).sort()).toEqual(
        withCase.flatMap((c) => c.holisticCase!.consents.filter((x) => x.scope === 'holistic_effort').slice(0, 1).map((x) => x.givenOn)).sort(),
      );

      const { db } = await testDatabase();
      const citizens = await db.selectFrom('citizen').select(['id', 'cpr', 'name']).where('municipality_id', '=', municipality.id).execute();
      const ids = await inMunicipality(db, municipality.id, async (tx) => [
        ...(await tx.selectFrom('holistic_case').select('id').execute()).map((r) => r.id),
        ...(await tx.selectFrom('intervention').select('id').execute()).map((r) => r.id),
      ]);
      for (const c of citizens) {
        expect(first).not.toContain(c.id);
        expect(first).not.toContain(c.name);
        expect(first).not.toContain(c.name.split(' ')[0]!);
        if (c.cpr) {
          expect(first).not.toContain(c.cpr);
          expect(first).not.toContain(formatCpr(c.cpr));
        }
      }
      for (const id of ids) expect(first).not.toContain(id);
    });

    it('is audited once as an export for the national evaluation, with the number of rows and no citizen', async () => {
      const audit = (await auditRows(municipality.id)).at(-1)!;
      expect(audit).toMatchObject({ action: 'indicators.export', resource_type: 'evaluation_export', purpose: 'national_evaluation', outcome: 'allowed', citizen_id: null, actor_id: ole.me.id });
      expect(audit.search_criterion).toEqual({ evaluationExport: '2026-11-23', rows: first.trim().split('\r\n').length - 1 });
    });

    it('the pseudonym is stable across exports, and another municipality has its own key and other pseudonyms', async () => {
      const again = (await henrik.get('/api/indicators/evaluation-export.csv')).body;
      const pseudonyms = (csv: string) => csv.trim().split('\r\n').slice(1).map((l) => l.split(',')[0]!);
      expect(pseudonyms(again)).toEqual(pseudonyms(first));

      const other = await freshMunicipality();
      const otherLeader = await loginEmployee(h.app, 'henrik', other.code);
      const theirs = (await otherLeader.get('/api/indicators/evaluation-export.csv')).body;
      expect(pseudonyms(theirs)).toHaveLength(pseudonyms(first).length);
      expect(pseudonyms(theirs).filter((p) => pseudonyms(first).includes(p))).toEqual([]);

      // the keys themselves differ, so even the same id would get another pseudonym
      const { db } = await testDatabase();
      const keys = await db.selectFrom('pseudonym_key').select(['municipality_id', 'secret']).where('municipality_id', 'in', [municipality.id, other.id]).execute();
      expect(keys).toHaveLength(2);
      const [a, b] = keys.map((k) => k.secret);
      expect(Buffer.from(a!).equals(Buffer.from(b!))).toBe(false);
      expect(pseudonymOf(a!, municipality.id)).not.toBe(pseudonymOf(b!, municipality.id));
      // the key never leaves the server: not in any export or indicator answer
      expect(first).not.toContain(Buffer.from(a!).toString('hex'));
    });

    it('the app role cannot change or delete a key (earlier exports would lose their link)', async () => {
      const { db } = await testDatabase();
      await expect(inMunicipality(db, municipality.id, (tx) => sql`update pseudonym_key set secret = secret`.execute(tx))).rejects.toThrow(/permission denied/);
      await expect(inMunicipality(db, municipality.id, (tx) => sql`delete from pseudonym_key`.execute(tx))).rejects.toThrow(/permission denied/);
    });
  });

  describe('the demo history (npm start) makes every indicator alive, and leaves the SPEC §6 people alone', () => {
    let alive: { id: string; code: string };
    let leader: Client;

    beforeAll(async () => {
      alive = await freshMunicipality({ indicatorHistory: true });
      leader = await loginEmployee(h.app, 'henrik', alive.code);
    });

    it('every indicator has figures over the last twelve months, and they agree with the rows behind them', async () => {
      const d = (await leader.get('/api/indicators')).json();
      expect(d.phaseIn.mandatory.candidates).toBeGreaterThan(20);
      expect(d.phaseIn.screenedOn).not.toBeNull();
      expect(d.consent.total.offered).toBeGreaterThan(60);
      expect(d.consent.total.consentShare).toBeGreaterThan(0.5);
      for (const m of ['timeToPlan', 'timeToDecision'] as const) {
        expect(d[m].months.filter((x: any) => x.days !== null).length, m).toBeGreaterThanOrEqual(8);
      }
      expect(d.contacts.before.mean).toBeGreaterThan(d.contacts.now.mean);
      expect(d.notStarted.total.due).toBeGreaterThan(50);
      expect(d.notStarted.now.count).toBeGreaterThan(0);
      expect(d.complaints.total.received).toBeGreaterThanOrEqual(8);
      expect(d.complaints.total.changedByMunicipality + d.complaints.total.upheldAndForwarded).toBeGreaterThan(0);
      expect(d.employment.years.map((y: any) => y.year)).toEqual([2025, 2026]);
      expect(d.employment.years[1].changePoints).not.toBeNull();
      expect(d.survey.periods.filter((p: any) => p.share !== null).length).toBeGreaterThanOrEqual(3);

      const { db } = await testDatabase();
      const counts = await inMunicipality(db, alive.id, async (tx) => {
        const { rows } = await sql<{ complaints: number; offers: number }>`
          select
            (select count(*)::int from complaint where received_on between ${d.period.firstDay} and ${d.period.lastDay}) as complaints,
            (select count(*)::int from (
              select citizen_id, min(at) as at from (
                select citizen_id, assessed_at as at from target_group_assessment where outcome = 'offer'
                union all select citizen_id, opened_at from holistic_case) x group by citizen_id) f
              where (f.at at time zone 'Europe/Copenhagen')::date between ${d.period.firstDay} and ${d.period.lastDay}) as offers
        `.execute(tx);
        return rows[0]!;
      });
      expect(d.complaints.total.received).toBe(counts.complaints);
      expect(d.consent.total.offered).toBe(counts.offers);
    });

    it('the SPEC §6 caseloads are unchanged, and the development login does not list the background citizens', async () => {
      const plain = await loginEmployee(h.app, 'mette', municipality.code);
      const withHistory = await loginEmployee(h.app, 'mette', alive.code);
      const names = async (c: Client) => ((await c.get('/api/caseload')).json().items as { citizenName: string }[]).map((i) => i.citizenName).sort();
      expect(await names(withHistory)).toEqual(await names(plain));

      const { db } = await testDatabase();
      const background = await db
        .selectFrom('citizen as c')
        .select('c.id')
        .where('c.municipality_id', '=', alive.id)
        .where((eb) => eb.exists(eb.selectFrom('sector_record as r').select('r.id').whereRef('r.citizen_id', '=', 'c.id').where('r.external_id', 'like', `${HISTORY_RECORD_PREFIX}%`)))
        .execute();
      expect(background.length).toBeGreaterThan(100);
      const listed = new Set(((await h.app.inject({ method: 'GET', url: '/auth/dev-users' })).json().citizens as { id: string }[]).map((c) => c.id));
      expect(background.filter((b) => listed.has(b.id))).toEqual([]);
    });

    it('a full screening afterwards agrees with the history (the evaluator check passes)', async () => {
      const admin = await loginEmployee(h.app, 'ole', alive.code);
      const started = await admin.post('/api/screenings', {});
      expect(started.statusCode, started.body).toBe(202);
      const { runId } = started.json();
      let run: any;
      for (let i = 0; i < 200; i++) {
        run = (await admin.get(`/api/screenings/${runId}`)).json();
        if (run.status === 'done' || run.status === 'failed') break;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(run.status, JSON.stringify(run)).toBe('done');
    });
  });
});
