import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from './support/database';
import { findCitizen, freshMunicipality, loginEmployee, startHarness, TestClock, type Client, type Harness } from './support/harness';
import { tenantDataWithoutAudit } from './support/snapshot';
import { expectProblem } from './support/problems';

/**
 * Visitation across the seven laws (SPEC C4, C6, C13; issue 4 items 3 and 5)
 * over HTTP: the catalogue, granting within the authority limit, the
 * visitation forum and its budget, the combined support person, hour pools,
 * "agreed but not started", the rehabilitation prerequisite by rule set, the
 * fleksjob pause and outreach registration.
 */

const LOTTE = '120591-1002';
const MADS = '090704-4009';
const JAKOB = '170389-1009';
const NATASJA = '220697-1012';
const KENNETH = '051077-1011';

async function catalogue(client: Client): Promise<Record<string, any>> {
  const res = await client.get('/api/catalogue');
  expect(res.statusCode, res.body).toBe(200);
  return Object.fromEntries(res.json().items.map((i: any) => [i.kind, i]));
}

async function interventionsOf(client: Client, caseId: string): Promise<any[]> {
  const res = await client.get(`/api/cases/${caseId}/interventions`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

async function budget(client: Client): Promise<any> {
  const res = await client.get('/api/visitation-forum/budgets');
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items[0];
}

describe('acceptance: intervention catalogue', () => {
  let h: Harness;
  let municipalityId: string;
  let ole: Client;
  let mette: Client;

  beforeAll(async () => {
    h = await startHarness();
    let code: string;
    ({ id: municipalityId, code } = await freshMunicipality());
    ole = await loginEmployee(h.app, 'ole', code);
    mette = await loginEmployee(h.app, 'mette', code);
  });

  it('the demo catalogue covers the seven laws with legal basis, unit, cost model, complaint route and flags', async () => {
    const items = await catalogue(mette);
    const laws = new Set(Object.values(items).flatMap((i: any) => i.legalBases.map((b: any) => b.law)));
    for (const law of ['LAB', 'Serviceloven', 'Barnets lov', 'Sundhedsloven', 'Sygedagpengeloven', 'Lov om aktiv socialpolitik', 'Integrationsloven']) expect(laws).toContain(law);
    expect(items.sundhedsloven_141).toMatchObject({ complaintRoute: 'health', complaintRouteLabel: 'Klage til Styrelsen for Patientklager', appealable: true });
    expect(items.fgu_maalgruppevurdering).toMatchObject({ appealable: false, complaintRoute: 'none', noComplaintReason: expect.stringMatching(/kan ikke påklages/) });
    expect(items.kontanthjaelp).toMatchObject({ isBenefit: true });
    expect(items.fleksjob).toMatchObject({ requiresRehabilitation: true, costModel: 'per_month', ownerUnitName: 'Jobcenter Helhed' });
    expect(items.kombineret_stoetteperson.combinedOf).toEqual(['mentor', 'sel_85']);
    expect(items.stoette_timepulje).toMatchObject({ flexibleHours: true, costModel: 'per_hour' });
  });

  it('only what exists under the rule set in force: under the main law mentor and § 85 are one "individuel støtte"', async () => {
    const available = (await mette.get('/api/catalogue?availableOn=2026-11-23')).json().items.map((i: any) => i.kind);
    expect(available).toContain('kombineret_stoetteperson');
    expect(available).not.toContain('mentor');
    expect(available).not.toContain('sel_85');
    expect(available).toContain('sel_101');
  });

  it('the administrator adds and changes items (optimistic version); a caseworker reads but cannot change', async () => {
    const unitId = (await catalogue(ole)).sel_85.ownerUnitId;
    const body = {
      kind: 'sel_97_ledsagelse',
      title: 'Ledsageordning',
      sector: 'adult_social',
      category: 'individuel_stoette',
      legalBases: [{ law: 'Serviceloven', section: '§ 97', ruleSets: ['plan-2018', 'hovedlov-2022', 'beskaeftigelsesreform-2027'] }],
      ownerUnitId: unitId,
      costModel: 'per_month',
      unitPriceDkk: 2100,
      appealable: true,
      complaintRoute: 'ankestyrelsen',
      isBenefit: false,
      requiresRehabilitation: false,
      flexibleHours: false,
    };
    expectProblem(await mette.post('/api/catalogue', body), 403, 'forbidden');
    const created = await ole.post('/api/catalogue', body);
    expect(created.statusCode, created.body).toBe(201);
    const item = created.json();
    expect(item).toMatchObject({ kind: 'sel_97_ledsagelse', version: 1, costModelLabel: 'pr. måned' });
    expectProblem(await ole.post('/api/catalogue', body), 409, 'kind-exists');
    const changed = await ole.patch(`/api/catalogue/${item.id}`, { unitPriceDkk: 2250, version: 1 });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ unitPriceDkk: 2250, version: 2 });
    expectProblem(await ole.patch(`/api/catalogue/${item.id}`, { unitPriceDkk: 9999, version: 1 }), 409, 'stale-version');
    expect((await mette.get(`/api/catalogue/${item.id}`)).json().unitPriceDkk).toBe(2250);
  });

  it('bad input: 400/422 problem+json and nothing changed', async () => {
    const before = await tenantDataWithoutAudit(municipalityId);
    const unitId = (await catalogue(ole)).sel_85.ownerUnitId;
    const base = { kind: 'x_item', title: 'X', sector: 'adult_social', category: 'c1', legalBases: [{ law: 'L', section: '§ 1', ruleSets: ['plan-2018'] }], ownerUnitId: unitId, costModel: 'per_hour', unitPriceDkk: 1, appealable: true, complaintRoute: 'ankestyrelsen', isBenefit: false, requiresRehabilitation: false, flexibleHours: false };
    expectProblem(await ole.post('/api/catalogue', { ...base, unitPriceDkk: -5 }), 400, 'validation');
    expectProblem(await ole.post('/api/catalogue', { ...base, legalBases: [] }), 400, 'validation');
    expectProblem(await ole.post('/api/catalogue', { ...base, legalBases: [{ law: 'L', section: '§ 1', ruleSets: ['lov-1066'] }] }), 400, 'validation');
    // Appealable with no route, a route of 'none' without a reason, a pool not priced per hour.
    expectProblem(await ole.post('/api/catalogue', { ...base, complaintRoute: 'none', noComplaintReason: 'Ingen afgørelse' }), 422, 'validation');
    expectProblem(await ole.post('/api/catalogue', { ...base, appealable: false, complaintRoute: 'none' }), 422, 'validation');
    expectProblem(await ole.post('/api/catalogue', { ...base, flexibleHours: true, costModel: 'per_week' }), 422, 'validation');
    expectProblem(await ole.post('/api/catalogue', { ...base, ownerUnitId: crypto.randomUUID() }), 422, 'validation');
    expect(await tenantDataWithoutAudit(municipalityId)).toEqual(before);
  });
});

describe('acceptance: visitation within the authority limit and before the forum', () => {
  let h: Harness;
  let municipalityId: string;
  let mette: Client;
  let jonas: Client;
  let kim: Client;
  let lene: Client;
  let henrik: Client;
  let items: Record<string, any>;
  let lotte: { id: string; openCaseId: string | null };
  let mads: { id: string; openCaseId: string | null };
  /** the budget as the demo starts: its own requests wait before the forum (seed/demo-visitation.ts) */
  let atStart: { committedDkk: number };

  beforeAll(async () => {
    h = await startHarness();
    let code: string;
    ({ id: municipalityId, code } = await freshMunicipality());
    [mette, jonas, kim, lene, henrik] = (await Promise.all(['mette', 'jonas', 'kim', 'lene', 'henrik'].map((u) => loginEmployee(h.app, u, code)))) as [Client, Client, Client, Client, Client];
    items = await catalogue(mette);
    lotte = await findCitizen(mette, LOTTE);
    mads = await findCitizen(jonas, MADS);
    atStart = await budget(lene);
  });

  it('the demo forum starts with requests waiting: beyond the caseworkers\' authority, committed against the budget, no names in the queue', async () => {
    const queue = (await lene.get('/api/visitation-forum/requests')).json().items;
    expect(queue.map((q: any) => [q.status, q.itemTitle, q.costDkk])).toEqual([
      ['pending', 'Midlertidigt botilbud', 135_000],
      ['pending', 'Fleksibel støtte (timepulje)', 67_500],
    ]);
    expect(JSON.stringify(queue)).not.toMatch(/Martin|Kenneth/);
    expect(atStart).toMatchObject({ budgetDkk: 600_000, grantedDkk: 0, committedDkk: 202_500, remainingDkk: 600_000 });
    const opened = (await lene.get(`/api/visitation-forum/requests/${queue[1].id}`)).json();
    expect(opened).toMatchObject({ citizenName: 'Kenneth Poulsen', requestedByName: 'Louise Friis', authorityMaxDkk: 50_000, title: 'Ekstra støttetimer i egen bolig (timepulje)' });
    expect(opened.caseworkerReasoning).toMatch(/egen bolig/);
  });

  it('a caseworker grants within her limit directly: costed, legal basis of the rule set in force, in the case history', async () => {
    const res = await mette.post(`/api/cases/${lotte.openCaseId}/visitations`, { catalogueItemId: items.virksomhedspraktik.id, plannedStart: '2026-12-07', endDate: '2027-01-29', quantity: 8 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ outcome: 'granted', costDkk: 4000, authorityMaxDkk: 50_000, forumRequestId: null });
    const granted = (await interventionsOf(mette, lotte.openCaseId!)).find((i) => i.id === res.json().interventionId);
    expect(granted).toMatchObject({
      visitationStatus: 'granted',
      visitationStatusLabel: 'Bevilget',
      status: 'planned',
      sector: 'employment',
      legalBasis: 'LAB kap. 11 (virksomhedspraktik)',
      startDate: '2026-12-07',
      costDkk: 4000,
      quantity: 8,
      ruleSetId: 'hovedlov-2022',
      complaintRoute: 'ankestyrelsen',
      notStarted: false,
    });
    const events = (await mette.get(`/api/cases/${lotte.openCaseId}/events`)).json().items;
    expect(events.some((e: any) => e.type === 'intervention_granted' && e.data.interventionId === granted.id)).toBe(true);
  });

  let forumRequestId: string;
  it('beyond the limit the request goes to the forum with the caseworker\'s reasoning; without one it is refused and nothing changes', async () => {
    const body = { catalogueItemId: items.sel_107.id, plannedStart: '2026-12-01', endDate: '2027-02-28', quantity: 3 };
    const before = await tenantDataWithoutAudit(municipalityId);
    const refused = expectProblem(await mette.post(`/api/cases/${lotte.openCaseId}/visitations`, body), 422, 'validation');
    expect(refused.detail).toMatch(/bevillingskompetence/);
    expect(await tenantDataWithoutAudit(municipalityId)).toEqual(before);

    const res = await mette.post(`/api/cases/${lotte.openCaseId}/visitations`, { ...body, reasoning: 'Lotte mister sin bolig 1. december; midlertidigt botilbud mens gælden ordnes.' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ outcome: 'forum', costDkk: 135_000, authorityMaxDkk: 50_000 });
    expect(res.json().detail).toBe('Forelagt visitationsforummet: 135.000 kr. ligger over din bevillingskompetence på 50.000 kr.');
    forumRequestId = res.json().forumRequestId;
    const requested = (await interventionsOf(mette, lotte.openCaseId!)).find((i) => i.id === res.json().interventionId);
    expect(requested).toMatchObject({ visitationStatus: 'requested', forumRequestId, status: 'planned' });
    // Committed, not yet consumed.
    expect(await budget(lene)).toMatchObject({ budgetDkk: 600_000, grantedDkk: 0, committedDkk: atStart.committedDkk + 135_000, remainingDkk: 600_000, uncommittedDkk: 465_000 - atStart.committedDkk });
  });

  it('the forum sees the queue without names, opens a request (audited) and approves it: the budget moves', async () => {
    const queue = (await lene.get('/api/visitation-forum/requests')).json().items;
    expect(queue.filter((q: any) => q.status === 'pending')).toHaveLength(3);
    expect(queue.find((q: any) => q.id === forumRequestId)).toMatchObject({ status: 'pending', costDkk: 135_000, itemTitle: 'Midlertidigt botilbud', requestedByUnit: 'Center for Helhedsorienteret Indsats' });
    expect(JSON.stringify(queue)).not.toMatch(/Lotte/);

    const request = await lene.get(`/api/visitation-forum/requests/${forumRequestId}`);
    expect(request.statusCode, request.body).toBe(200);
    expect(request.json()).toMatchObject({ citizenName: expect.stringMatching(/^Lotte/), citizenAge: 35, legalBasis: 'Serviceloven § 107', requestedByName: 'Mette Kjærgaard', caseworkerReasoning: expect.stringMatching(/bolig/) });
    expect(request.json().otherInterventions.length).toBeGreaterThan(0);
    const { db } = await testDatabase();
    const audited = await db.selectFrom('audit_log').select(['action', 'citizen_id', 'outcome']).where('municipality_id', '=', municipalityId).where('actor_id', '=', lene.me.id).where('action', '=', 'visitation.forum_read').execute();
    // the queue itself is no read of anyone; opening a request is (lene opened Kenneth's above)
    expect(audited.filter((x) => x.citizen_id === lotte.id)).toEqual([{ action: 'visitation.forum_read', citizen_id: lotte.id, outcome: 'allowed' }]);
    expect(audited).toHaveLength(2);

    const decided = await lene.post(`/api/visitation-forum/requests/${forumRequestId}/decision`, { decision: 'approved', reasoning: 'Bevilget: boligen er afgørende for den samlede plan.' });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'approved', decisionReasoning: expect.stringMatching(/boligen/), budget: { grantedDkk: 135_000, remainingDkk: 465_000, committedDkk: atStart.committedDkk } });
    expect(await budget(henrik)).toMatchObject({ grantedDkk: 135_000, committedDkk: atStart.committedDkk, remainingDkk: 465_000 });
    const approved = (await interventionsOf(mette, lotte.openCaseId!)).find((i) => i.forumRequestId === forumRequestId);
    expect(approved).toMatchObject({ visitationStatus: 'approved', visitationStatusLabel: 'Bevilget af visitationsforum' });
    // Decided once: a second decision is refused.
    expectProblem(await henrik.post(`/api/visitation-forum/requests/${forumRequestId}/decision`, { decision: 'rejected', reasoning: 'For sent, allerede afgjort.' }), 403);
  });

  it('the forum rejects with reasoning; the budget does not move; a request beyond what is left cannot be approved', async () => {
    const ask = async (months: number) =>
      (await mette.post(`/api/cases/${lotte.openCaseId}/visitations`, { catalogueItemId: items.sel_107.id, plannedStart: '2027-03-01', quantity: months, reasoning: 'Forlængelse af det midlertidige botilbud.' })).json();
    const first = await ask(2);
    expectProblem(await henrik.post(`/api/visitation-forum/requests/${first.forumRequestId}/decision`, { decision: 'rejected', reasoning: 'kort' }), 400, 'validation');
    const rejected = await henrik.post(`/api/visitation-forum/requests/${first.forumRequestId}/decision`, { decision: 'rejected', reasoning: 'Afslået: en almen bolig er anvist fra marts, så botilbud er ikke nødvendigt.' });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'rejected', decisionReasoning: expect.stringMatching(/almen bolig/) });
    expect((await interventionsOf(mette, lotte.openCaseId!)).find((i) => i.id === first.interventionId)).toMatchObject({ visitationStatus: 'rejected', status: 'ended' });
    expect(await budget(lene)).toMatchObject({ grantedDkk: 135_000, committedDkk: atStart.committedDkk, remainingDkk: 465_000 });

    const tooMuch = await ask(12); // 540 000 kr. > 465 000 kr. left
    const before = await tenantDataWithoutAudit(municipalityId);
    const refused = expectProblem(await lene.post(`/api/visitation-forum/requests/${tooMuch.forumRequestId}/decision`, { decision: 'approved', reasoning: 'Vi vil gerne bevilge hele året.' }), 409, 'budget-exceeded');
    expect(refused.detail).toMatch(/465\.000 kr/);
    expect(await tenantDataWithoutAudit(municipalityId)).toEqual(before);
    // While it is before the forum its members see it; once decided, the relation ends (next test).
    expect((await henrik.post(`/api/visitation-forum/requests/${tooMuch.forumRequestId}/decision`, { decision: 'rejected', reasoning: 'Ud over budgettet; søg igen for et kortere forløb.' })).statusCode).toBe(200);
  });

  it('access: a specialist cannot grant; a forum member cannot read an unrelated citizen, nor the case itself', async () => {
    const before = await tenantDataWithoutAudit(municipalityId);
    expectProblem(await kim.post(`/api/cases/${mads.openCaseId}/visitations`, { catalogueItemId: items.sel_101.id, plannedStart: '2026-12-01', quantity: 4 }), 403, 'forbidden');
    expect(await tenantDataWithoutAudit(municipalityId)).toEqual(before);
    expectProblem(await lene.get(`/api/citizens/${mads.id}`), 403, 'forbidden');
    expectProblem(await lene.get(`/api/cases/${mads.openCaseId}/interventions`), 403, 'forbidden');
    expectProblem(await lene.get(`/api/cases/${lotte.openCaseId}/interventions`), 403, 'forbidden');
    expectProblem(await lene.post(`/api/cases/${lotte.openCaseId}/visitations`, { catalogueItemId: items.sel_101.id, plannedStart: '2026-12-01', quantity: 4 }), 403, 'forbidden');
    // The forum's own relation ends with the decision.
    expectProblem(await lene.get(`/api/visitation-forum/requests/${forumRequestId}`), 403, 'forbidden');
    // Caseworkers do not see the forum's queue.
    expectProblem(await mette.get('/api/visitation-forum/requests'), 403, 'forbidden');
  });

  it('the young man: mentor and § 85 granted as ONE intervention with one decision element and one primary person', async () => {
    const before = await tenantDataWithoutAudit(municipalityId);
    expectProblem(
      await jonas.post(`/api/cases/${mads.openCaseId}/visitations`, { catalogueItemId: items.kombineret_stoetteperson.id, plannedStart: '2026-12-01', quantity: 104, executingEmployeeId: kim.me.id, executingName: 'Også en anden' }),
      422,
      'validation',
    );
    // Mentor alone does not exist as its own provision under the main law.
    expectProblem(await jonas.post(`/api/cases/${mads.openCaseId}/visitations`, { catalogueItemId: items.mentor.id, plannedStart: '2026-12-01', quantity: 10 }), 422, 'not-under-rule-set');
    expect(await tenantDataWithoutAudit(municipalityId)).toEqual(before);

    const count = (await interventionsOf(jonas, mads.openCaseId!)).length;
    const res = await jonas.post(`/api/cases/${mads.openCaseId}/visitations`, {
      catalogueItemId: items.kombineret_stoetteperson.id,
      plannedStart: '2026-12-01',
      endDate: '2027-05-31',
      quantity: 104,
      executingEmployeeId: kim.me.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ outcome: 'granted', costDkk: 49_920 });
    const after = await interventionsOf(jonas, mads.openCaseId!);
    expect(after).toHaveLength(count + 1);
    expect(after.find((i) => i.id === res.json().interventionId)).toMatchObject({
      title: 'Samlet støtteperson (mentor og socialpædagogisk støtte)',
      combinedOf: ['mentor', 'sel_85'],
      executingEmployeeId: kim.me.id,
      executingName: null,
      legalBasis: expect.stringMatching(/^Lov om en helhedsorienteret indsats individuel støtte/),
    });
  });

  it('flexible support hours: a pool of 100 hours over 6 months, used hours registered by the executing person, remaining shown', async () => {
    const granted = (await jonas.post(`/api/cases/${mads.openCaseId}/visitations`, { catalogueItemId: items.stoette_timepulje.id, plannedStart: '2026-12-01', endDate: '2027-05-31', quantity: 100, executingEmployeeId: kim.me.id })).json();
    expect(granted).toMatchObject({ outcome: 'granted', costDkk: 45_000 });
    const url = `/api/cases/${mads.openCaseId}/interventions/${granted.interventionId}`;
    expectProblem(await kim.post(`${url}/hours`, { usedOn: '2026-12-02', hours: 3 }), 409, 'wrong-status'); // not started yet
    expect((await jonas.post(`${url}/start`, { startedOn: '2026-12-01' })).json()).toMatchObject({ visitationStatus: 'running', status: 'running', startedOn: '2026-12-01' });
    await kim.post(`${url}/hours`, { usedOn: '2026-12-02', hours: 3 });
    const used = await kim.post(`${url}/hours`, { usedOn: '2026-12-09', hours: 4.5, note: 'Ekstra timer: flytning' });
    expect(used.statusCode, used.body).toBe(200);
    expect(used.json().hoursPool).toEqual({ totalHours: 100, usedHours: 7.5, remainingHours: 92.5, periodStart: '2026-12-01', periodEnd: '2027-05-31' });
    const before = await tenantDataWithoutAudit(municipalityId);
    expectProblem(await kim.post(`${url}/hours`, { usedOn: '2027-06-01', hours: 2 }), 422, 'pool-usage');
    expectProblem(await kim.post(`${url}/hours`, { usedOn: '2027-01-05', hours: 25 }), 400, 'validation'); // more than a day
    expectProblem(await kim.post(`${url}/hours`, { usedOn: '2027-01-05', hours: 'fire' }), 400, 'validation');
    expect(await tenantDataWithoutAudit(municipalityId)).toEqual(before);
  });

  it('bad input to visitation: 400 problem+json and nothing changed', async () => {
    const before = await tenantDataWithoutAudit(municipalityId);
    const url = `/api/cases/${lotte.openCaseId}/visitations`;
    expectProblem(await mette.post(url, { catalogueItemId: items.sel_101.id, plannedStart: '2026-12-01', quantity: 'mange' }), 400, 'validation');
    expectProblem(await mette.post(url, { catalogueItemId: items.sel_101.id, plannedStart: '2026-02-30', quantity: 2 }), 400, 'validation');
    expectProblem(await mette.post(url, { catalogueItemId: items.sel_101.id, plannedStart: '2026-12-01', quantity: 0 }), 400, 'validation');
    expectProblem(await mette.post(url, { catalogueItemId: items.sel_101.id, plannedStart: '2026-12-01', quantity: 2, status: 'running' }), 400, 'validation');
    expectProblem(await mette.post(url, { catalogueItemId: crypto.randomUUID(), plannedStart: '2026-12-01', quantity: 2 }), 422, 'validation');
    expectProblem(await mette.post(url, { catalogueItemId: items.sel_101.id, plannedStart: '2026-12-01', endDate: '2026-11-01', quantity: 2 }), 422, 'validation');
    expect(await tenantDataWithoutAudit(municipalityId)).toEqual(before);
  });
});

describe('acceptance: the forum budget under concurrent approvals', () => {
  it('two approvals that together exceed what is left: one wins, the other is refused; the budget is never overspent', async () => {
    const h = await startHarness();
    const { code } = await freshMunicipality();
    const [mette, lene, henrik] = (await Promise.all(['mette', 'lene', 'henrik'].map((u) => loginEmployee(h.app, u, code)))) as [Client, Client, Client];
    const items = await catalogue(mette);
    const atStart = await budget(henrik);
    const lotte = await findCitizen(mette, LOTTE);
    const ask = async () =>
      (await mette.post(`/api/cases/${lotte.openCaseId}/visitations`, { catalogueItemId: items.sel_107.id, plannedStart: '2027-01-01', quantity: 8, reasoning: 'Botilbud i otte måneder, mens boligen findes.' })).json();
    const [a, b] = [await ask(), await ask()]; // 360 000 kr. each against 600 000 kr.
    const results = await Promise.all([
      lene.post(`/api/visitation-forum/requests/${a.forumRequestId}/decision`, { decision: 'approved', reasoning: 'Bevilget på mødet i dag.' }),
      henrik.post(`/api/visitation-forum/requests/${b.forumRequestId}/decision`, { decision: 'approved', reasoning: 'Bevilget på mødet i dag.' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().type).toBe('https://helhed.dk/problems/budget-exceeded');
    expect(await budget(henrik)).toMatchObject({ grantedDkk: 360_000, remainingDkk: 240_000, committedDkk: atStart.committedDkk + 360_000 });
  });
});

describe('acceptance: agreed but not started', () => {
  it('flagged after the planned date; the sweep raises one task for the coordinating caseworker however often it runs', async () => {
    const clock = new TestClock(new Date('2026-11-23T10:00:00Z'));
    const h = await startHarness({ clock });
    const { code } = await freshMunicipality();
    let mette = await loginEmployee(h.app, 'mette', code);
    const items = await catalogue(mette);
    const lotte = await findCitizen(mette, LOTTE);
    const granted = (await mette.post(`/api/cases/${lotte.openCaseId}/visitations`, { catalogueItemId: items.bl_32_familiebehandling.id, plannedStart: '2026-11-25', quantity: 20 })).json();
    const flag = async () => (await interventionsOf(mette, lotte.openCaseId!)).find((i) => i.id === granted.interventionId).notStarted;
    expect(await flag()).toBe(false);

    clock.current = new Date('2026-11-25T15:00:00Z'); // the planned day itself: not late yet
    mette = await loginEmployee(h.app, 'mette', code);
    expect(await flag()).toBe(false);
    clock.current = new Date('2026-11-26T08:00:00Z');
    mette = await loginEmployee(h.app, 'mette', code);
    expect(await flag()).toBe(true);
    expect((await mette.get('/api/visitation/not-started')).json().items).toEqual([
      expect.objectContaining({ interventionId: granted.interventionId, plannedStart: '2026-11-25', daysLate: 1, coordinatorEmployeeId: mette.me.id }),
    ]);

    const ole = await loginEmployee(h.app, 'ole', code);
    expectProblem(await mette.post('/api/visitation/not-started/sweep', {}), 403, 'forbidden');
    expect((await ole.post('/api/visitation/not-started/sweep', {})).json()).toEqual({ flagged: 1, tasksRaised: 1, on: '2026-11-26' });
    expect((await ole.post('/api/visitation/not-started/sweep', {})).json()).toEqual({ flagged: 1, tasksRaised: 0, on: '2026-11-26' });
    const tasks = (await mette.get('/api/tasks')).json().items.filter((t: any) => t.kind === 'intervention_not_started');
    expect(tasks).toEqual([expect.objectContaining({ interventionId: granted.interventionId, assigneeEmployeeId: mette.me.id, title: expect.stringMatching(/Aftalt, men ikke startet: Familiebehandling/) })]);

    // Started: no longer flagged.
    const started = await mette.post(`/api/cases/${lotte.openCaseId}/interventions/${granted.interventionId}/start`, { startedOn: '2026-11-26' });
    expect(started.json()).toMatchObject({ notStarted: false, visitationStatus: 'running' });
    expect((await mette.get('/api/visitation/not-started')).json().items).toEqual([]);
  });
});

describe('acceptance: rehabilitation prerequisite and the fleksjob pause (Jakob)', () => {
  let h: Harness;
  let municipalityId: string;
  let jonas: Client;
  let items: Record<string, any>;
  let caseId: string;

  beforeAll(async () => {
    h = await startHarness();
    let code: string;
    ({ id: municipalityId, code } = await freshMunicipality());
    jonas = await loginEmployee(h.app, 'jonas', code);
    items = await catalogue(jonas);
    const jakob = await findCitizen(jonas, JAKOB);
    const opened = await jonas.post('/api/cases', { citizenId: jakob.id });
    expect(opened.statusCode, opened.body).toBe(201);
    caseId = opened.json().id;
  });

  let fleksjobId: string;
  it('fleksjob without the rehabilitation team\'s recommendation is refused with a Danish reason; granted once it is recorded', async () => {
    const body = { catalogueItemId: items.fleksjob.id, plannedStart: '2026-12-01', quantity: 4 };
    const before = await tenantDataWithoutAudit(municipalityId);
    const refused = expectProblem(await jonas.post(`/api/cases/${caseId}/visitations`, body), 422, 'rehabilitation-team-required');
    expect(refused.detail).toBe('Før der træffes afgørelse om "Fleksjob (fleksløntilskud)", skal rehabiliteringsteamets indstilling være registreret på sagen.');
    expect(await tenantDataWithoutAudit(municipalityId)).toEqual(before);

    // A recommendation about something else does not count.
    await jonas.post(`/api/cases/${caseId}/rehabilitation`, { kind: 'rehabilitation_team', concerns: 'ressourceforloeb', meetingOn: '2026-11-19', recommendation: 'Teamet indstiller til ressourceforløb i 2 år.' });
    expectProblem(await jonas.post(`/api/cases/${caseId}/visitations`, body), 422, 'rehabilitation-team-required');
    const recorded = await jonas.post(`/api/cases/${caseId}/rehabilitation`, { kind: 'rehabilitation_team', concerns: 'fleksjob', meetingOn: '2026-11-19', recommendation: 'Teamet indstiller til fortsat fleksjob, 16 timer om ugen.' });
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(recorded.json()).toMatchObject({ kindLabel: 'rehabiliteringsteamets indstilling', concerns: 'fleksjob' });
    const granted = await jonas.post(`/api/cases/${caseId}/visitations`, body);
    expect(granted.statusCode, granted.body).toBe(201);
    expect(granted.json()).toMatchObject({ outcome: 'granted', costDkk: 46_000 });
    fleksjobId = granted.json().interventionId;
    expect((await jonas.get(`/api/cases/${caseId}/rehabilitation`)).json().items).toHaveLength(2);
  });

  it('Jakob pauses his fleksjob to try an ordinary job and returns inside 2 years without re-visitation', async () => {
    const url = `/api/cases/${caseId}/interventions/${fleksjobId}`;
    await jonas.post(`${url}/start`, { startedOn: '2026-12-01' });
    const paused = await jonas.post(`${url}/pause`, { pausedOn: '2027-02-01', reason: 'Prøver fuldtidsjob på ordinære vilkår (16 → 37 timer over 8 måneder).' });
    expect(paused.statusCode, paused.body).toBe(200);
    expect(paused.json()).toMatchObject({ visitationStatus: 'paused', visitationStatusLabel: 'På pause', pause: { pausedOn: '2027-02-01', returnDeadline: '2029-02-01' } });
    // On the 2-year date itself: still inside.
    const back = await jonas.post(`${url}/resume`, { resumedOn: '2029-02-01' });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ visitationStatus: 'running', pause: null });
    const events = (await jonas.get(`/api/cases/${caseId}/events`)).json().items.map((e: any) => e.type);
    expect(events).toEqual(expect.arrayContaining(['intervention_paused', 'intervention_resumed']));
  });

  it('outside the window (paused on a leap day) a return needs a new assessment: refused with the reason, nothing changed', async () => {
    const url = `/api/cases/${caseId}/interventions/${fleksjobId}`;
    expect((await jonas.post(`${url}/pause`, { pausedOn: '2032-02-29', reason: 'Nyt forsøg med ordinært job hos samme arbejdsgiver.' })).json().pause).toEqual({
      pausedOn: '2032-02-29',
      returnDeadline: '2034-02-28',
      reason: 'Nyt forsøg med ordinært job hos samme arbejdsgiver.',
    });
    const before = await tenantDataWithoutAudit(municipalityId);
    const refused = expectProblem(await jonas.post(`${url}/resume`, { resumedOn: '2034-03-01' }), 409, 'return-window-passed');
    expect(refused.detail).toMatch(/udløb 2034-02-28.*ny vurdering/);
    expectProblem(await jonas.post(`${url}/resume`, { resumedOn: '2032-01-01' }), 422, 'validation');
    expect(await tenantDataWithoutAudit(municipalityId)).toEqual(before);
    expect((await jonas.post(`${url}/resume`, { resumedOn: '2034-02-28' })).json().visitationStatus).toBe('running');
  });

  it('only what the rules call pausable can be paused', async () => {
    const praktik = (await jonas.post(`/api/cases/${caseId}/visitations`, { catalogueItemId: items.virksomhedspraktik.id, plannedStart: '2026-12-01', quantity: 4 })).json();
    const url = `/api/cases/${caseId}/interventions/${praktik.interventionId}`;
    await jonas.post(`${url}/start`, { startedOn: '2026-12-01' });
    expectProblem(await jonas.post(`${url}/pause`, { pausedOn: '2027-01-01', reason: 'Vil gerne holde en pause.' }), 409, 'not-pausable');
  });
});

describe('acceptance: under beskaeftigelsesreform-2027 the prerequisite description replaces the rehabilitation team', () => {
  it('from 1 January 2027: a recommendation no longer suffices; the description with health-coordinator advice does; ressourceforløb is closed to new cases', async () => {
    const clock = new TestClock(new Date('2027-01-05T09:00:00Z'));
    const h = await startHarness({ clock });
    const { id: municipalityId, code } = await freshMunicipality();
    const { db } = await testDatabase();
    await sql`insert into municipality_rule_set (municipality_id, from_date, rule_set_id) values (${municipalityId}, '2026-02-01', 'beskaeftigelsesreform-2027')`.execute(db);
    const jonas = await loginEmployee(h.app, 'jonas', code);
    const items = await catalogue(jonas);
    const jakob = await findCitizen(jonas, JAKOB);
    const caseId = (await jonas.post('/api/cases', { citizenId: jakob.id })).json().id;
    const body = { catalogueItemId: items.jobafklaringsforloeb.id, plannedStart: '2027-02-01', quantity: 6 };

    await jonas.post(`/api/cases/${caseId}/rehabilitation`, { kind: 'rehabilitation_team', concerns: 'jobafklaringsforloeb', meetingOn: '2026-12-10', recommendation: 'Teamet indstiller til jobafklaringsforløb.' });
    const refused = expectProblem(await jonas.post(`/api/cases/${caseId}/visitations`, body), 422, 'prerequisite-description-required');
    expect(refused.detail).toMatch(/samlet beskrivelse af borgerens forudsætninger med rådgivning fra en sundhedskoordinator/);
    expectProblem(
      await jonas.post(`/api/cases/${caseId}/rehabilitation`, { kind: 'prerequisite_description', concerns: 'jobafklaringsforloeb', meetingOn: '2027-01-04', recommendation: 'Beskrivelse af Jakobs forudsætninger.' }),
      422,
      'validation',
    );
    const described = await jonas.post(`/api/cases/${caseId}/rehabilitation`, {
      kind: 'prerequisite_description',
      concerns: 'jobafklaringsforloeb',
      meetingOn: '2027-01-04',
      recommendation: 'Samlet beskrivelse af Jakobs forudsætninger for arbejde.',
      healthCoordinatorAdvice: 'Sundhedskoordinatoren anbefaler afklaring af synsnedsættelsens betydning.',
    });
    expect(described.statusCode, described.body).toBe(201);
    const granted = await jonas.post(`/api/cases/${caseId}/visitations`, body);
    expect(granted.statusCode, granted.body).toBe(201);
    expect((await interventionsOf(jonas, caseId)).find((i) => i.id === granted.json().interventionId).ruleSetId).toBe('beskaeftigelsesreform-2027');

    await jonas.post(`/api/cases/${caseId}/rehabilitation`, { kind: 'prerequisite_description', concerns: 'ressourceforloeb', meetingOn: '2027-01-04', recommendation: 'Beskrivelse til ressourceforløb.', healthCoordinatorAdvice: 'Rådgivning fra sundhedskoordinatoren.' });
    expectProblem(await jonas.post(`/api/cases/${caseId}/visitations`, { catalogueItemId: items.ressourceforloeb.id, plannedStart: '2027-02-01', quantity: 6 }), 422, 'ended-for-new-cases');
  });
});

describe('acceptance: outreach quick registration (C13)', () => {
  let h: Harness;
  let municipalityId: string;
  let louise: Client;
  let teamId: string;

  beforeAll(async () => {
    h = await startHarness();
    let code: string;
    ({ id: municipalityId, code } = await freshMunicipality());
    louise = await loginEmployee(h.app, 'louise', code);
    teamId = (await louise.get('/api/organisation')).json().teams.find((t: any) => t.name.startsWith('Team Fremskudt')).id;
  });

  it('a man met at the shelter without a known CPR: name, approximate birth year, place met and team; a case for housing, substance abuse and psychiatry', async () => {
    const res = await louise.post('/api/outreach/registrations', {
      name: 'Ukendt mand, kaldes "Bamse"',
      approximateBirthYear: 1975,
      sex: 'male',
      site: 'Forsorgshjemmet Ly, Havnegade 3',
      teamId,
      needs: ['housing', 'substance_abuse', 'psychiatry'],
      note: 'Sover på gaden; vil gerne tale om bolig.',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ citizenCreated: true, caseOpened: true, identified: false, needs: ['housing', 'substance_abuse', 'psychiatry'] });
    const citizen = (await louise.get(`/api/citizens/${res.json().citizenId}`)).json();
    expect(citizen).toMatchObject({ cpr: null, birthDate: '1975-01-01', openCaseId: res.json().caseId });
    const kase = (await louise.get(`/api/cases/${res.json().caseId}`)).json();
    expect(kase).toMatchObject({ coordinator: { id: louise.me.id }, coordinatingTeam: { id: teamId }, phase: 'consent' });
    const events = (await louise.get(`/api/cases/${res.json().caseId}/events`)).json().items;
    expect(events.find((e: any) => e.type === 'outreach_registered').data).toMatchObject({ site: 'Forsorgshjemmet Ly, Havnegade 3', identified: false });
    // Interventions for housing and substance abuse can be granted straight away, whatever the employment prospects.
    const items = await catalogue(louise);
    const granted = await louise.post(`/api/cases/${res.json().caseId}/visitations`, { catalogueItemId: items.sel_110.id, plannedStart: '2026-11-24', quantity: 1 });
    expect(granted.json()).toMatchObject({ outcome: 'granted', costDkk: 28_000 });
    // An employment tool still needs him in an employment-law target group: no benefit is known yet.
    const refused = expectProblem(await louise.post(`/api/cases/${res.json().caseId}/visitations`, { catalogueItemId: items.virksomhedspraktik.id, plannedStart: '2026-12-01', quantity: 4 }), 422, 'employment-target-required');
    expect(refused.detail).toMatch(/beskæftigelsesredskab/);
  });

  it('the woman leaving prostitution, by CPR: the registered citizen gets a case, no duplicate; again it finds the same case; Kenneth keeps his', async () => {
    const body = { cpr: NATASJA, name: 'Natasja Holm', site: 'Exitcenter Demoby', needs: ['housing', 'psychiatry', 'safety'] };
    const first = (await louise.post('/api/outreach/registrations', body)).json();
    expect(first).toMatchObject({ citizenCreated: false, caseOpened: true, identified: true });
    expect(first.citizenId).toBe((await findCitizen(louise, NATASJA)).id);
    const second = (await louise.post('/api/outreach/registrations', { ...body, site: 'Værestedet' })).json();
    expect(second).toMatchObject({ citizenCreated: false, caseOpened: false, caseId: first.caseId });
    const kenneth = await findCitizen(louise, KENNETH);
    const k = (await louise.post('/api/outreach/registrations', { cpr: KENNETH, name: 'Kenneth Poulsen', site: 'Forsorgshjemmet Ly', needs: ['housing'] })).json();
    expect(k).toMatchObject({ citizenCreated: false, caseOpened: false, caseId: kenneth.openCaseId });
  });

  it('bad input: without CPR the birth year and sex are needed; a bad CPR is refused; nothing changed', async () => {
    const before = await tenantDataWithoutAudit(municipalityId);
    const missing = expectProblem(await louise.post('/api/outreach/registrations', { name: 'Kvinde', site: 'Gaden', needs: ['housing'] }), 422, 'validation');
    expect(missing.errors.map((e: any) => e.path).sort()).toEqual(['body.approximateBirthYear', 'body.sex']);
    expectProblem(await louise.post('/api/outreach/registrations', { cpr: '321399-1234', name: 'X', site: 'Gaden', needs: ['housing'] }), 422, 'invalid-cpr');
    expectProblem(await louise.post('/api/outreach/registrations', { name: 'X', approximateBirthYear: 1980, sex: 'female', site: 'Gaden', needs: [] }), 400, 'validation');
    expectProblem(await louise.post('/api/outreach/registrations', { name: 'X', approximateBirthYear: 2099, sex: 'female', site: 'Gaden', needs: ['housing'] }), 422, 'validation');
    expect(await tenantDataWithoutAudit(municipalityId)).toEqual(before);
  });
});
