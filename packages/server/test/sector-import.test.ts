import { syntheticCpr } from '@helhed/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from './support/database';
import { freshMunicipality, loginEmployee, startHarness, type Client, type Harness } from './support/harness';

/**
 * Sector feeds (SPEC C14): CSV and JSON Lines, validated row by row with an
 * error report, all-or-nothing per batch, idempotent, corrected rows replace
 * their earlier version, and changed citizens are re-screened at once.
 */
describe('sector-data import', () => {
  let h: Harness;
  let municipalityId: string;
  let ole: Client;
  let mette: Client;
  const cpr = syntheticCpr('1981-04-15', 'female', 7).digits;
  const cprDashed = `${cpr.slice(0, 6)}-${cpr.slice(6)}`;

  const HEADER = 'source_system,external_id,cpr,kind,sector,code,title,legal_basis,start_date,end_date';
  const good = [
    `Jobcenter,JC-1,${cprDashed},plan,employment,min_plan,Min Plan,LAB § 40 stk. 3,2025-01-01,`,
    `Ydelse,Y-1,${cpr},benefit,benefits,kontanthjaelp,Kontanthjælp,"Lov om aktiv socialpolitik § 11",2024-06-01,`,
    `Voksen,V-1,${cpr},intervention,adult_social,sel_85,"Socialpædagogisk støtte, 5 timer",Serviceloven § 85,2025-03-01,`,
  ];
  const csv = (...lines: string[]) => [HEADER, ...lines].join('\r\n') + '\r\n';

  async function upload(client: Client, feed: string, body: string, type = 'text/csv') {
    return h.app.inject({ method: 'POST', url: `/api/imports/${feed}?filename=test.csv`, headers: { cookie: client.cookie, 'content-type': type }, payload: body });
  }
  async function count(table: 'sector_record' | 'citizen') {
    const { db } = await testDatabase();
    const r = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('municipality_id', '=', municipalityId).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  beforeAll(async () => {
    h = await startHarness();
    const m = await freshMunicipality();
    municipalityId = m.id;
    ole = await loginEmployee(h.app, 'ole', m.code);
    mette = await loginEmployee(h.app, 'mette', m.code);
    const citizens = await upload(ole, 'citizens', `external_id,cpr,name,household_key,address\r\nC-1,${cprDashed},Karin Feed,H-77,"Feedvej 1, 9999 Demoby"\r\n`);
    expect(citizens.statusCode, citizens.body).toBe(200);
    expect(citizens.json()).toMatchObject({ status: 'committed', inserted: 1, rowsTotal: 1 });
  });

  it('loads a CSV feed, and the changed citizen is screened at once', async () => {
    const res = await upload(ole, 'sector_records', csv(...good));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'committed', rowsTotal: 3, inserted: 3, updated: 0, unchanged: 0, rejected: 0, rescreening: { mode: 'citizens' } });
    const search = (await mette.post('/api/citizens/search', { cpr })).json().results[0];
    const tg = (await mette.get(`/api/citizens/${search.id}/screening-results`)).json();
    expect(tg.items).toHaveLength(1);
    expect(tg.items[0].classification).toBe('mandatory');
  });

  it('the same feed twice changes nothing', async () => {
    const before = await count('sector_record');
    const res = await upload(ole, 'sector_records', csv(...good));
    expect(res.json()).toMatchObject({ status: 'committed', inserted: 0, updated: 0, unchanged: 3, rescreening: { mode: 'none' } });
    expect(await count('sector_record')).toBe(before);
  });

  it('a corrected row replaces its earlier version, and the new result joins the history', async () => {
    const ended = good[1]!.replace(/,$/, ',2026-10-31');
    const res = await upload(ole, 'sector_records', csv(ended));
    expect(res.json()).toMatchObject({ status: 'committed', inserted: 0, updated: 1, unchanged: 0 });
    const search = (await mette.post('/api/citizens/search', { cpr })).json().results[0];
    const tg = (await mette.get(`/api/citizens/${search.id}/screening-results`)).json();
    expect(tg.current.classification).toBe('none');
    expect(tg.items.map((i: any) => i.classification)).toEqual(['none', 'mandatory']);
  });

  it('a feed with bad rows is rejected whole, each bad row reported, nothing applied; the report can be downloaded', async () => {
    const before = { records: await count('sector_record'), citizens: await count('citizen') };
    const res = await upload(
      ole,
      'sector_records',
      csv(
        `Jobcenter,JC-9,${cprDashed},plan,employment,min_plan,Min Plan,LAB § 40,2025-01-01,`, // line 2: good
        `Jobcenter,JC-10,123456-78,plan,employment,min_plan,Min Plan,LAB § 40,2025-01-01,`, // 3: malformed CPR
        `Jobcenter,JC-11,${cpr},plan,employment,min_plan,Min Plan,LAB § 40,2025-02-30,`, // 4: no such date
        `Jobcenter,JC-12,${cpr},plan,space,min_plan,Min Plan,LAB § 40,2025-01-01,`, // 5: unknown sector
        `Jobcenter,JC-13,${cpr},plan,employment,min_plan,Min Plan,LAB § 40,2025-05-01,2025-04-01`, // 6: ends before it starts
        `Jobcenter,JC-9,${cpr},plan,employment,min_plan,Min Plan,LAB § 40,2025-01-01,`, // 7: duplicate external id
        `Jobcenter,JC-14,010101-0001,plan,employment,min_plan,Min Plan,LAB § 40,2025-01-01,`, // 8: unknown citizen
        `Jobcenter,JC-15,${cpr},plan`, // 9: too few fields
      ),
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.status).toBe('rejected');
    expect(body.rejected).toBe(7);
    expect(body.errors.map((e: any) => [e.line, e.field])).toEqual([
      [3, 'cpr'],
      [4, 'start_date'],
      [5, 'sector'],
      [6, 'end_date'],
      [7, 'external_id'],
      [8, 'cpr'],
      [9, '*'],
    ]);
    expect(body.errors.every((e: any) => /[a-zæøå]/.test(e.message))).toBe(true);
    expect(JSON.stringify(body)).not.toContain('123456-78');
    expect({ records: await count('sector_record'), citizens: await count('citizen') }).toEqual(before);

    const batch = (await ole.get(`/api/imports/${body.batchId}`)).json();
    expect(batch).toMatchObject({ status: 'rejected', rowsTotal: 8, rejected: 7, inserted: 0 });
    const report = await ole.get(`/api/imports/${body.batchId}/errors.csv`);
    expect(report.headers['content-type']).toMatch(/text\/csv/);
    expect(report.headers['content-disposition']).toMatch(/attachment/);
    const lines = report.body.trim().split('\r\n');
    expect(lines[0]).toBe('linje,felt,fejl,vaerdi');
    expect(lines).toHaveLength(8);
    expect(lines[1]).toMatch(/^3,cpr,/);
  });

  it('loads JSON Lines the same way', async () => {
    const row = { source_system: 'Region', external_id: 'P-1', cpr, kind: 'plan', sector: 'health', code: 'psykiatrisk_behandlingsplan', title: 'Behandlingsplan', legal_basis: 'Sundhedsloven', start_date: '2026-01-05', end_date: null };
    const res = await upload(ole, 'sector_records', JSON.stringify(row) + '\n' + JSON.stringify({ ...row, external_id: 'P-2', extra: 1 }) + '\n', 'application/x-ndjson');
    expect(res.json()).toMatchObject({ status: 'rejected', errors: [{ line: 2, field: 'extra' }] });
    const ok = await upload(ole, 'sector_records', JSON.stringify(row) + '\n', 'application/x-ndjson');
    expect(ok.json()).toMatchObject({ status: 'committed', inserted: 1 });
  });

  it('a file with the wrong columns or broken quoting is refused with a problem, and nothing is loaded', async () => {
    const before = await count('sector_record');
    const header = await upload(ole, 'sector_records', 'source_system,cpr\r\nA,B\r\n');
    expect(header.statusCode).toBe(422);
    expect(header.json().detail).toMatch(/Mangler: external_id/);
    const quoting = await upload(ole, 'sector_records', csv(`Jobcenter,JC-20,${cpr},plan,employment,min_plan,"Min Plan,LAB,2025-01-01,`));
    expect(quoting.statusCode).toBe(400);
    expect(quoting.headers['content-type']).toMatch(/problem\+json/);
    expect(await count('sector_record')).toBe(before);
  });

  it('the error report never quotes a person\'s data back', async () => {
    const name = 'Meget Langt Navn '.repeat(40);
    const res = await upload(ole, 'citizens', `external_id,cpr,name,household_key,address\r\nC-9,${cprDashed},${name},,Vej 1\r\n`);
    expect(res.json()).toMatchObject({ status: 'rejected', errors: [{ line: 2, field: 'name', value: null }] });
    const report = (await ole.get(`/api/imports/${res.json().batchId}/errors.csv`)).body;
    expect(report).not.toContain('Meget Langt');
    const code = await upload(ole, 'sector_records', csv(`Jobcenter,JC-30,${cpr},plan,employment,${'x'.repeat(600)},Min Plan,LAB,2025-01-01,`));
    expect(code.json().errors[0]).toMatchObject({ field: 'code', value: 'x'.repeat(40) });
  });

  it('only administrators load feeds', async () => {
    const res = await upload(mette, 'sector_records', csv(...good));
    expect(res.statusCode).toBe(403);
    expect((await upload(ole, 'sector_records', csv(...good), 'text/plain')).statusCode).toBe(415);
  });
});
