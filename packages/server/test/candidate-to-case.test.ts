import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from './support/database';
import { findCitizen, freshMunicipality, loginEmployee, screenMunicipality, startHarness, type Client, type Harness } from './support/harness';

/**
 * From candidate to case (SPEC C2 → C1, C3): the candidate page's picture
 * (latest assessment, open case) and opening the case with the written consent
 * given at intake — in one step, or without it (the case waits in the consent phase).
 */
describe('from candidate to case', () => {
  let h: Harness;
  let m: { id: string; code: string };
  let mette: Client;

  beforeAll(async () => {
    h = await startHarness();
    m = await freshMunicipality();
    mette = await loginEmployee(h.app, 'mette', m.code);
  });

  const picture = async (citizenId: string) => (await mette.get(`/api/citizens/${citizenId}/screening-results`)).json();

  async function auditOf(citizenId: string) {
    const { db } = await testDatabase();
    return db
      .selectFrom('audit_log')
      .select(['action', 'resource_type', 'resource_id', 'outcome', 'reason'])
      .where('municipality_id', '=', m.id)
      .where('citizen_id', '=', citizenId)
      .orderBy('seq')
      .execute();
  }

  it('the candidate page knows the citizen, the latest assessment and the open case', async () => {
    const david = await findCitizen(mette, '030281-1005');
    const before = await picture(david.id);
    expect(before).toMatchObject({ citizenName: 'David Østergaard', latestAssessment: null, openCase: null });
    expect(before.current.classification).toBe('mandatory');

    const assessed = await mette.post(`/api/citizens/${david.id}/target-group-assessments`, {
      coordinationNeed: true,
      developmentPotential: true,
      reasoning: 'Misbrug, ADHD og ledighed: flere forvaltninger skal arbejde sammen.',
    });
    expect(assessed.statusCode).toBe(201);
    expect((await picture(david.id)).latestAssessment).toEqual({ id: assessed.json().id, outcome: 'offer', assessedAt: '2026-11-23T10:00:00.000Z', assessedBy: 'Mette Kjærgaard', current: true });

    // Sanne already has a case: the picture points to it and names who coordinates it
    const sanne = await findCitizen(mette, '190886-1004');
    expect((await picture(sanne.id)).openCase).toEqual({ id: sanne.openCaseId, phaseLabel: expect.any(String), coordinatorName: expect.any(String), teamName: 'Koordinationsteam Familier' });
  });

  it('opens the case with the paper consent given yesterday: past the consent phase at once, every step in the history and the audit log', async () => {
    const david = await findCitizen(mette, '030281-1005');
    const res = await mette.post('/api/cases', {
      citizenId: david.id,
      holisticConsent: { form: 'paper_scanned', effectiveAt: '2026-11-22T13:00:00+01:00', documentRef: 'Scanning 2026-11-22 nr. 7' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const kase = res.json();
    expect(kase).toMatchObject({ citizenId: david.id, phase: 'assessment', phaseLabel: 'Udredning', holisticConsent: true, coordinator: { id: mette.me.id }, coordinatingTeam: null });

    const events = (await mette.get(`/api/cases/${kase.id}/events`)).json().items;
    expect(events.map((e: { type: string }) => e.type)).toEqual(['case_opened', 'consent_given', 'phase_changed']);
    expect(events[2].data).toMatchObject({ from: 'consent', to: 'assessment' });

    const consents = (await mette.get(`/api/citizens/${david.id}/consents`)).json();
    expect(consents.history).toEqual([
      expect.objectContaining({ scope: 'holistic_effort', action: 'given', form: 'paper_scanned', effectiveAt: '2026-11-22T12:00:00.000Z', recordedBy: 'Mette Kjærgaard', documentRef: 'Scanning 2026-11-22 nr. 7' }),
    ]);
    // the consent has its own audit record beside the case's
    const audit = await auditOf(david.id);
    const opened = audit.filter((r) => r.action === 'case.create' || r.action === 'consent.record');
    expect(opened).toEqual([
      { action: 'case.create', resource_type: 'holistic_case', resource_id: kase.id, outcome: 'allowed', reason: null },
      { action: 'consent.record', resource_type: 'consent', resource_id: consents.history[0].id, outcome: 'allowed', reason: null },
    ]);
    expect((await picture(david.id)).openCase).toEqual({ id: kase.id, phaseLabel: 'Udredning', coordinatorName: 'Mette Kjærgaard', teamName: null });

    // a second case for the same citizen is refused in Danish
    const again = await mette.post('/api/cases', { citizenId: david.id });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('Borgeren har allerede en åben helhedsorienteret sag.');
  });

  it('without consent the case opens in the consent phase and cannot move on', async () => {
    const natasja = await findCitizen(mette, '220697-1012');
    const res = await mette.post('/api/cases', { citizenId: natasja.id });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ phase: 'consent', holisticConsent: false });
    const blocked = await mette.post(`/api/cases/${res.json().id}/phase`, { to: 'assessment', version: res.json().version });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().detail).toMatch(/uden borgerens samtykke/);
  });

  it('bad consent input is refused in Danish and nothing is opened', async () => {
    const camilla = await findCitizen(mette, '290292-1010');
    const future = await mette.post('/api/cases', { citizenId: camilla.id, holisticConsent: { form: 'digital', effectiveAt: '2026-11-30T09:00:00+01:00' } });
    expect(future.statusCode).toBe(422);
    expect(future.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(future.json()).toMatchObject({ detail: 'Et samtykke kan ikke registreres med virkning i fremtiden.', errors: [{ path: 'body.effectiveAt' }] });

    const noForm = await mette.post('/api/cases', { citizenId: camilla.id, holisticConsent: { documentRef: 'Blanket' } });
    expect(noForm.statusCode).toBe(400);
    expect(noForm.json().errors[0].path).toBe('body.holisticConsent.form');

    expect((await picture(camilla.id)).openCase).toBeNull();
    expect((await findCitizen(mette, '290292-1010')).openCaseId).toBeNull();
    expect((await mette.get(`/api/citizens/${camilla.id}/consents`)).statusCode).toBe(403);
  });

  it('a caseworker may open a case for a team she is not in, but not record its consent: refused, audited as such, nothing written', async () => {
    const soeren = await findCitizen(mette, '150184-1013');
    const org = (await mette.get('/api/organisation')).json();
    const other = org.teams.find((t: { memberIds: string[] }) => !t.memberIds.includes(mette.me.id) && t.memberIds.length > 0);
    expect(other).toBeDefined();

    const refused = await mette.post('/api/cases', { citizenId: soeren.id, coordinatorTeamId: other.id, holisticConsent: { form: 'paper_scanned' } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toMatch(/sagsstamme/);
    const denial = (await auditOf(soeren.id)).at(-1);
    expect(denial).toMatchObject({ action: 'consent.record', outcome: 'denied', reason: 'relation' });
    expect((await findCitizen(mette, '150184-1013')).openCaseId).toBeNull();

    const opened = await mette.post('/api/cases', { citizenId: soeren.id, coordinatorTeamId: other.id });
    expect(opened.statusCode).toBe(201);
    expect(opened.json()).toMatchObject({ phase: 'consent', coordinator: null, coordinatingTeam: { id: other.id } });
  });

  // last: it moves the clock
  it('an assessment made before a newer screening result is no longer current: the candidate is assessed again', async () => {
    const camilla = await findCitizen(mette, '290292-1010');
    const assessed = await mette.post(`/api/citizens/${camilla.id}/target-group-assessments`, {
      coordinationNeed: true,
      developmentPotential: true,
      reasoning: 'Behandlingsplan fra psykiatrien og ønske om uddannelse.',
    });
    expect(assessed.statusCode).toBe(201);
    expect((await picture(camilla.id)).latestAssessment).toMatchObject({ outcome: 'offer', current: true });

    h.clock.advance(5 * 60 * 1000);
    await screenMunicipality(await loginEmployee(h.app, 'ole', m.code));
    const after = await picture(camilla.id);
    expect(after.items[0].evaluatedAt).toBe('2026-11-23T10:05:00.000Z');
    expect(after.latestAssessment).toMatchObject({ id: assessed.json().id, current: false });
    const queue = (await mette.get('/api/target-group/queue')).json().items;
    expect(queue.map((i: { citizenId: string }) => i.citizenId)).toContain(camilla.id);
  });
});
