import { beforeAll, describe, expect, it } from 'vitest';
import { findCitizen, freshMunicipality, loginCitizen, loginEmployee, startHarness, type Client, type Harness } from './support/harness';

/**
 * The seed people's first steps (SPEC §6) over HTTP: registered, consent
 * given, coordinating caseworker assigned, Lotte's contacts counted.
 */
describe('acceptance: first steps of the seed people', () => {
  let h: Harness;
  let code: string;
  let mette: Client;
  let jonas: Client;

  beforeAll(async () => {
    h = await startHarness();
    ({ code } = await freshMunicipality());
    mette = await loginEmployee(h.app, 'mette', code);
    jonas = await loginEmployee(h.app, 'jonas', code);
  });

  it('Lotte has one coordinating caseworker, consent to the holistic effort, and few contacts instead of 13+', async () => {
    const lotte = await findCitizen(mette, '120591-1002');
    expect(lotte.openCaseId).toBeTruthy();
    const kase = (await mette.get(`/api/cases/${lotte.openCaseId}`)).json();
    expect(kase.citizenName).toMatch(/^Lotte/);
    expect(kase.coordinator.name).toBe(mette.me.name);
    expect(kase.holisticConsent).toBe(true);
    expect(kase.ruleSetId).toBe('hovedlov-2022');

    const contacts = (await mette.get(`/api/cases/${lotte.openCaseId}/contacts`)).json();
    const coordinating = contacts.items.filter((c: any) => c.coordinating && c.endedOn === null);
    expect(coordinating).toHaveLength(1);
    expect(coordinating[0].name).toBe(mette.me.name);
    // Before: 13 or more contact persons; now: the coordinating contact plus executing staff.
    const before = contacts.items.filter((c: any) => c.endedOn !== null);
    expect(before.length).toBeGreaterThanOrEqual(13);
    expect(contacts.counts.active).toBeLessThan(before.length);
    expect(contacts.counts.active).toBe(kase.contactCount);
    expect(contacts.counts.activeAuthority).toBeLessThanOrEqual(3);
    expect(contacts.counts.authorityLast12Months).toBeGreaterThan(contacts.counts.activeAuthority);
  });

  it('a new citizen is registered, gets a case, cannot pass consent without it, and moves on once consent is given', async () => {
    const reg = await jonas.post('/api/citizens', { cpr: '010203-4005', name: 'Ny Borger Testesen', address: 'Testvej 1, 9999 Demoby' });
    expect(reg.statusCode).toBe(201);
    const citizen = reg.json();
    expect(citizen.birthDate).toBe('2003-02-01');
    expect(citizen.sex).toBe('male');

    const opened = await jonas.post('/api/cases', { citizenId: citizen.id });
    expect(opened.statusCode).toBe(201);
    const kase = opened.json();
    expect(kase.phase).toBe('consent');
    expect(kase.coordinator.id).toBe(jonas.me.id);

    const blocked = await jonas.post(`/api/cases/${kase.id}/phase`, { to: 'assessment', version: kase.version });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(blocked.json().detail).toMatch(/samtykke/);

    const consent = await jonas.post(`/api/citizens/${citizen.id}/consents`, {
      scope: 'holistic_effort',
      action: 'given',
      form: 'paper_scanned',
      documentRef: 'Scanning 2026-11-23 nr. 1',
    });
    expect(consent.statusCode).toBe(201);

    const moved = await jonas.post(`/api/cases/${kase.id}/phase`, { to: 'assessment', version: kase.version });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().phase).toBe('assessment');

    const events = (await jonas.get(`/api/cases/${kase.id}/events`)).json().items.map((e: any) => e.type);
    expect(events).toEqual(['case_opened', 'consent_given', 'phase_changed']);
  });

  it('withdrawing the holistic consent raises one sector-law decision task per running intervention, due by the rule data', async () => {
    const mads = await findCitizen(jonas, '090704-4009');
    const running = (await jonas.get(`/api/cases/${mads.openCaseId}/interventions`)).json().items.filter((i: any) => i.status === 'running');
    expect(running.length).toBeGreaterThan(0);
    const res = await jonas.post(`/api/citizens/${mads.id}/consents`, { scope: 'holistic_effort', action: 'withdrawn' });
    expect(res.statusCode).toBe(201);
    const { tasks } = res.json();
    expect(tasks).toHaveLength(running.length);
    expect(new Set(tasks.map((t: any) => t.interventionId))).toEqual(new Set(running.map((i: any) => i.id)));
    // Withdrawn on Monday 2026-11-23: 14 days later is Monday 2026-12-07, a working day.
    for (const t of tasks) {
      expect(t.dueOn).toBe('2026-12-07');
      expect(t.title).toMatch(/sektorloven/);
      expect(t.assigneeEmployeeId).toBe(jonas.me.id);
    }
    // The interventions keep running until decided under the sector law.
    const after = (await jonas.get(`/api/cases/${mads.openCaseId}/interventions`)).json().items.filter((i: any) => i.status === 'running');
    expect(after).toHaveLength(running.length);
    const myTasks = (await jonas.get('/api/tasks')).json().items;
    expect(myTasks.map((t: any) => t.id)).toEqual(expect.arrayContaining(tasks.map((t: any) => t.id)));
  });

  it('Lotte logs in and sees her own case and who looked at her data, with dates and purposes', async () => {
    const found = await findCitizen(mette, '120591-1002');
    const lotte = await loginCitizen(h.app, found.id);
    const own = await lotte.get(`/api/cases/${found.openCaseId}`);
    expect(own.statusCode).toBe(200);
    const lookups = (await lotte.get('/api/me/lookups')).json().items;
    expect(lookups.length).toBeGreaterThan(0);
    expect(lookups[0]).toMatchObject({ purpose: 'case_handling', purposeLabel: expect.stringMatching(/Sagsbehandling/) });
    expect(lookups.some((l: any) => l.action === 'Søgte dig frem')).toBe(true);
    expect(lookups.every((l: any) => !Number.isNaN(Date.parse(l.at)))).toBe(true);
  });

  it('coordination moves to a colleague: one coordinating contact still, and the change is counted', async () => {
    const org = (await jonas.get('/api/organisation')).json();
    const louise = org.employees.find((e: any) => e.email.startsWith('louise.'));
    expect(louise.roles).toContain('coordinating_caseworker');
    const martin = await findCitizen(jonas, '141290-1007');
    const before = (await jonas.get(`/api/cases/${martin.openCaseId}`)).json();
    const moved = await jonas.put(`/api/cases/${martin.openCaseId}/coordination`, {
      coordinatorEmployeeId: louise.id,
      coordinatorTeamId: before.coordinatingTeam?.id ?? null,
      version: before.version,
      reason: 'Barsel',
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().coordinator.id).toBe(louise.id);
    expect(moved.json().version).toBe(before.version + 1);
    const newCoordinator = await loginEmployee(h.app, 'louise', code);
    const contacts = (await newCoordinator.get(`/api/cases/${martin.openCaseId}/contacts`)).json();
    const current = contacts.items.filter((c: any) => c.coordinating && c.endedOn === null);
    expect(current.map((c: any) => c.employeeId)).toEqual([louise.id]);
    expect(contacts.counts.coordinatorChangesLast12Months).toBe(1);
    // Jonas no longer coordinates, is no contact, and shares no team with Louise: his access ends.
    expect((await jonas.get(`/api/cases/${martin.openCaseId}`)).statusCode).toBe(403);
  });

  it('the organisation is data the caseworker can read, and a citizen cannot', async () => {
    const org = (await mette.get('/api/organisation')).json();
    expect(org.teams.length).toBeGreaterThanOrEqual(2);
    expect(org.authorityLimits.some((l: any) => l.maxAmountDkk === null)).toBe(true);
    const lotte = await loginCitizen(h.app, (await findCitizen(mette, '120591-1002')).id);
    expect((await lotte.get('/api/organisation')).statusCode).toBe(403);
  });
});
