import { beforeAll, describe, expect, it } from 'vitest';
import { findCitizen, freshMunicipality, loginCitizen, loginEmployee, startHarness, type Client, type Harness } from './support/harness';

/** The seed people through screening, the work queue and the individual assessment (SPEC C2, §6) over HTTP. */
describe('acceptance: target-group screening', () => {
  let h: Harness;
  let code: string;
  let ole: Client;
  let mette: Client;

  async function screenAndWait(client: Client, body: Record<string, unknown> = {}) {
    h.clock.advance(60_000); // each run at its own time, as in life
    const started = await client.post('/api/screenings', body);
    expect(started.statusCode, started.body).toBe(202);
    const { runId } = started.json();
    for (let i = 0; i < 200; i++) {
      const run = (await client.get(`/api/screenings/${runId}`)).json();
      if (run.status === 'done' || run.status === 'failed') return run;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('screening did not finish');
  }

  beforeAll(async () => {
    h = await startHarness();
    ({ code } = await freshMunicipality());
    ole = await loginEmployee(h.app, 'ole', code);
    mette = await loginEmployee(h.app, 'mette', code);
  });

  it('screens the whole municipality as a background run with progress; the queue puts mandatory first, then optional', async () => {
    const run = await screenAndWait(ole, { onDate: '2026-11-23' });
    expect(run).toMatchObject({ status: 'done', ruleSetId: 'hovedlov-2022', evaluatedOn: '2026-11-23', progress: 1 });
    expect(run.citizensDone).toBe(run.citizensTotal);
    expect(run.citizensTotal).toBeGreaterThan(15);
    const queue = (await mette.get('/api/target-group/queue')).json().items;
    // Citizens with an open case (Lotte, Sanne, Martin, Mads, Kenneth) are not in the queue.
    // Equal waiting time within a group: the order between the two is by id, so compare as sets.
    expect(queue.map((q: any) => q.classification)).toEqual(['mandatory', 'mandatory', 'optional', 'optional']);
    expect(queue.slice(0, 2).map((q: any) => q.name.split(' ')[0]).sort()).toEqual(['David', 'Natasja']);
    expect(queue.slice(2).map((q: any) => q.name.split(' ')[0]).sort()).toEqual(['Camilla', 'Jakob']);
    expect(queue.every((q: any) => q.waitingDays === 0 && q.summary.length > 20)).toBe(true);
  });

  it.each([
    ['Lotte', '120591-1002', 'mandatory', /Skal-målgruppen/],
    ['David', '030281-1005', 'mandatory', /Skal-målgruppen/],
    ['Jakob (fleksjob)', '170389-1009', 'optional', /fleksjob/],
    ['Camilla (psykiatri)', '290292-1010', 'optional', /psykiatrien/],
    ['Mads (under 25)', '090704-4009', 'optional', /under 25/],
    ['the young craftsman (dagpenge)', '040500-4014', 'none', /Ikke i målgruppen/],
    ['the father with stress', '150184-1013', 'none', /Ikke i målgruppen/],
    ['the 17-year-old', '200409-4016', 'none', /Under 18 år/],
    ['the 70-year-old', '020356-0015', 'none', /folkepensionsalderen/],
  ])('%s: %s → %s, with a readable reason, the records and the legal source', async (_who, cpr, expected, reason) => {
    const c = await findCitizen(mette, cpr);
    const res = (await mette.get(`/api/citizens/${c.id}/screening-results`)).json();
    expect(res.current.classification).toBe(expected);
    expect(res.current.summary).toMatch(reason);
    expect(res.current.ruleSetId).toBe('hovedlov-2022');
    if (expected === 'none') {
      expect(res.items).toEqual([]);
      return;
    }
    // Stored by the screening run, with the same verdict and every criterion explained.
    expect(res.items[0]).toMatchObject({ classification: expected, ruleSetId: 'hovedlov-2022', evaluatedOn: '2026-11-23' });
    const met = res.current.routes.filter((r: any) => r.met);
    expect(met.length).toBeGreaterThan(0);
    for (const criterion of met[0].criteria) {
      expect(criterion.met).toBe(true);
      expect(criterion.source.law.length).toBeGreaterThan(3);
    }
    const recordIds = met[0].criteria.flatMap((x: any) => x.recordIds);
    const records = res.current.records.filter((r: any) => recordIds.includes(r.id));
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((r: any) => r.legalBasis && r.sourceSystem)).toBe(true);
    // The stored result keeps a copy of every record any route relied on.
    const used = new Set(res.current.routes.flatMap((r: any) => r.criteria.flatMap((x: any) => x.recordIds)));
    expect(res.items[0].explanation.records.map((r: any) => r.id).sort()).toEqual([...used].sort());
    // Stored compactly, it reads back in the evaluator's words: summary, gates (with the
    // citizen's own pension date), routes and criteria with their legal sources.
    expect(res.items[0].summary).toBe(res.current.summary);
    expect(res.items[0].explanation.gates).toEqual(res.current.gates);
    const sorted = (routes: any[]) => routes.map((r) => ({ ...r, criteria: r.criteria.map((x: any) => ({ ...x, recordIds: [...x.recordIds].sort() })) }));
    expect(sorted(res.items[0].explanation.routes)).toEqual(sorted(res.current.routes));
  });

  it('the same person under plan-2018, hovedlov-2022 and the 2027 reform; old results keep their rule set', async () => {
    const lotte = await findCitizen(mette, '120591-1002');
    await screenAndWait(ole, { onDate: '2026-11-23', ruleSetId: 'plan-2018' });
    let res = (await mette.get(`/api/citizens/${lotte.id}/screening-results`)).json();
    expect(res.items[0].ruleSetId).toBe('plan-2018');
    expect(res.items[0].classification).not.toBe('mandatory'); // plan-2018 has no duty to offer
    expect(res.items[1]).toMatchObject({ ruleSetId: 'hovedlov-2022', classification: 'mandatory' });

    await screenAndWait(ole, { onDate: '2027-01-04', ruleSetId: 'beskaeftigelsesreform-2027' });
    res = (await mette.get(`/api/citizens/${lotte.id}/screening-results`)).json();
    expect(res.items[0].ruleSetId).toBe('beskaeftigelsesreform-2027');
    expect(res.items.map((i: any) => i.ruleSetId)).toEqual(['beskaeftigelsesreform-2027', 'plan-2018', 'hovedlov-2022']);
    expect(res.items[0].summary).not.toMatch(/jobcent/i);
  });

  it('a screening that finds nothing new stores nothing new', async () => {
    const first = await screenAndWait(ole, { onDate: '2026-11-23' });
    const again = await screenAndWait(ole, { onDate: '2026-11-23' });
    expect(first.changed).toBeGreaterThan(0); // back from the 2027 rules of the previous test
    expect(again.changed).toBe(0);
    expect(again.mandatory).toBe(first.mandatory);
  });

  it('the individual assessment is a procedural decision: not appealable, no complaint guidance; it leaves the queue', async () => {
    const david = await findCitizen(mette, '030281-1005');
    const res = await mette.post(`/api/citizens/${david.id}/target-group-assessments`, {
      coordinationNeed: true,
      developmentPotential: true,
      reasoning: 'Flere forvaltninger er involveret, og David ønsker selv at komme i job.',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ outcome: 'offer', kind: 'procedural_decision', appealable: false, complaintGuidance: null, ruleSetId: 'hovedlov-2022' });
    expect(res.json().notice).toMatch(/ikke en afgørelse/);
    const queue = (await mette.get('/api/target-group/queue')).json().items.map((q: any) => q.citizenId);
    expect(queue).not.toContain(david.id);
    const phaseIn = (await ole.get('/api/target-group/phase-in')).json();
    expect(phaseIn.mandatory.offered).toBeGreaterThanOrEqual(1);
    expect(phaseIn.mandatory.candidates).toBeGreaterThanOrEqual(phaseIn.mandatory.offered);
    expect(phaseIn.mandatory.offeredShare).toBeGreaterThan(0);
    const short = await mette.post(`/api/citizens/${david.id}/target-group-assessments`, { coordinationNeed: true, developmentPotential: false, reasoning: 'kort' });
    expect(short.statusCode).toBe(400);
  });

  it('only the roles that should may run screenings and read candidates', async () => {
    const kim = await loginEmployee(h.app, 'kim', code);
    expect((await kim.post('/api/screenings', {})).statusCode).toBe(403);
    expect((await kim.get('/api/target-group/queue')).statusCode).toBe(403);
    const lotte = await loginCitizen(h.app, (await findCitizen(mette, '120591-1002')).id);
    expect((await lotte.get('/api/target-group/queue')).statusCode).toBe(403);
    expect((await mette.post('/api/screenings', {})).statusCode).toBe(403);
  });
});
