import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from './support/database';
import { findCitizen, freshMunicipality, loginCitizen, loginEmployee, screenMunicipality, startHarness, type Client, type Harness } from './support/harness';

/**
 * The caseworker's one-screen overview of a citizen (issue 4 item 7, SPEC
 * §7.1): Lotte's overview from the demo data, with the rest of a working
 * course added over the API the way a caseworker and Lotte would (screening,
 * plan with a due follow-up, a granted but not started intervention, an issued
 * decision with a complaint, a message, new information). Every section is
 * filled; one call is one audit record; who may see it.
 */
describe('acceptance: citizen overview', () => {
  let h: Harness;
  let municipalityId: string;
  let mette: Client;
  let kim: Client;
  let louise: Client;
  let lotte: { id: string; openCaseId: string | null };
  let caseId: string;
  let grantedId: string;
  let decisionId: string;

  async function auditRows(where: { action?: string } = {}) {
    const { db } = await testDatabase();
    let q = db.selectFrom('audit_log').select(['seq', 'action', 'outcome', 'actor_name', 'citizen_id', 'resource_type', 'reason']).where('municipality_id', '=', municipalityId);
    if (where.action) q = q.where('action', '=', where.action);
    return q.orderBy('seq').execute();
  }

  beforeAll(async () => {
    h = await startHarness();
    const m = await freshMunicipality();
    municipalityId = m.id;
    const ole = await loginEmployee(h.app, 'ole', m.code);
    mette = await loginEmployee(h.app, 'mette', m.code);
    kim = await loginEmployee(h.app, 'kim', m.code);
    louise = await loginEmployee(h.app, 'louise', m.code);
    lotte = await findCitizen(mette, '120591-1002');
    caseId = lotte.openCaseId!;
    const lotteClient = await loginCitizen(h.app, lotte.id);
    const ok = (res: { statusCode: number; body: string }, code: number) => expect(res.statusCode, res.body).toBe(code);

    // The municipality's screening stores Lotte's target-group result.
    await screenMunicipality(ole);
    // Family therapy granted to start 20 November: agreed, not started (today is 23 November).
    const catalogue = Object.fromEntries((await mette.get('/api/catalogue')).json().items.map((i: any) => [i.kind, i]));
    const granted = await mette.post(`/api/cases/${caseId}/visitations`, { catalogueItemId: catalogue.bl_32_familiebehandling.id, plannedStart: '2026-11-20', quantity: 20 });
    ok(granted, 201);
    grantedId = granted.json().interventionId;
    const interventions = (await mette.get(`/api/cases/${caseId}/interventions`)).json().items;
    const mentor = interventions.find((i: any) => i.title.startsWith('Mentor')).id;
    ok(
      await mette.put(`/api/cases/${caseId}/plan`, {
        version: 0,
        reason: 'Første plan, lagt sammen med Lotte',
        startDate: '2026-11-01',
        overallGoal: { citizenWords: 'Jeg vil i arbejde og have overskud til mine børn', caseworkerText: 'Mestre eget liv og komme i job 15 timer om ugen', targetDate: '2027-12-31', followUpDate: '2027-02-01' },
        subGoals: [
          { title: 'Styr på økonomien', domain: 'economy', goalType: 'develop', priority: 1, targetDate: '2027-06-30', followUpDate: '2026-11-20', interventionIds: [mentor] },
        ],
      }),
      200,
    );
    const drafted = await mette.post(`/api/cases/${caseId}/decisions`, { reasoning: 'Du får en samlet indsats.', citizenGoals: ['Jeg vil have overskud til mine børn.'] });
    ok(drafted, 201);
    const draft = drafted.json().items[0];
    decisionId = draft.id;
    const reasoned = await mette.patch(`/api/decisions/${draft.id}`, {
      version: draft.version,
      elements: draft.elements.map((e: any) => ({ interventionId: e.interventionId, reasoning: 'Indsatsen støtter dit mål om overskud i hverdagen.' })),
    });
    ok(reasoned, 200);
    ok(await mette.post(`/api/decisions/${draft.id}/issue`, { version: reasoned.json().version, channel: 'digital_post' }), 200);
    ok(await lotteClient.post(`/api/decisions/${draft.id}/complaints`, { scope: 'whole', text: 'Jeg er ikke enig i afgørelsen.' }), 201);
    ok(await lotteClient.post('/api/me/messages', { subject: 'Tirsdage', body: 'Jeg kan ikke nå både familiebehandling og psykolog samme dag.' }), 201);
    ok(await kim.post(`/api/cases/${caseId}/new-information`, { title: 'Lotte har fået tilbudt praktik i bageriet', note: 'Kan påvirke delmål om arbejde.' }), 201);
  });

  it("mette sees every section of Lotte's overview in one call, which is one audit record", async () => {
    const before = await auditRows();
    const res = await mette.get(`/api/citizens/${lotte.id}/overview`);
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json();
    // exactly one audit record for the call, allowed, about Lotte
    const after = await auditRows();
    expect(after.slice(before.length)).toEqual([
      expect.objectContaining({ action: 'overview.read', outcome: 'allowed', actor_name: 'Mette Kjærgaard', citizen_id: lotte.id, resource_type: 'citizen_overview' }),
    ]);

    expect(o.citizen).toEqual({ id: lotte.id, name: 'Lotte Frederiksen', age: 35, birthDate: '1991-05-12', cprMasked: '120591-xxxx' });
    expect(res.body).not.toContain('120591-1002');
    expect(o.case).toMatchObject({ id: caseId, phase: 'assessment', version: expect.any(Number), coordinator: expect.objectContaining({ name: 'Mette Kjærgaard' }), holisticConsent: true });
    // contacts with the counts the single-topic endpoint gives
    const contacts = (await mette.get(`/api/cases/${caseId}/contacts`)).json();
    expect(o.contacts).toEqual(contacts);
    expect(o.contacts.counts).toMatchObject({ active: expect.any(Number), authorityLast12Months: expect.any(Number) });
    expect(o.contacts.counts.active).toBeGreaterThan(0);
    expect(o.contacts.counts.authorityLast12Months).toBeGreaterThanOrEqual(o.contacts.counts.activeAuthority);
    // consent state per scope
    expect(o.consents).toEqual((await mette.get(`/api/citizens/${lotte.id}/consents`)).json().current);
    expect(o.consents.find((c: any) => c.scope === 'holistic_effort')).toMatchObject({ active: true });
    // plan with goals, progression and the due follow-up
    expect(o.plan).toMatchObject({ version: 1, overallGoal: { citizenWords: 'Jeg vil i arbejde og have overskud til mine børn' } });
    expect(o.plan.subGoals[0]).toMatchObject({ title: 'Styr på økonomien', progress: expect.any(Object) });
    expect(o.dueFollowUps).toEqual([expect.objectContaining({ goalTitle: 'Styr på økonomien', nextFollowUpOn: '2026-11-20', daysOverdue: 3 })]);
    // interventions by sector, the granted family therapy flagged as not started
    expect(o.interventionsBySector.map((s: any) => s.sector)).toEqual(expect.arrayContaining(['adult_social', 'employment']));
    const all = o.interventionsBySector.flatMap((s: any) => s.items);
    expect(all.find((i: any) => i.id === grantedId)).toMatchObject({ notStarted: true });
    expect(all.filter((i: any) => i.notStarted)).toHaveLength(1);
    // calendar today + 8 weeks with the Tuesday conflict
    expect(o.calendar).toMatchObject({ from: '2026-11-23', to: '2027-01-18' });
    expect(o.calendar.conflicts.some((c: any) => c.ruleId === 'one-conversation-a-day' && c.date === '2026-11-24')).toBe(true);
    expect(o.unreadMessages).toBe(1);
    expect(o.openNewInformation).toEqual([expect.objectContaining({ title: 'Lotte har fået tilbudt praktik i bageriet' })]);
    // decisions with the complaint deadline, and the complaint
    expect(o.decisions).toEqual([expect.objectContaining({ id: decisionId, status: 'issued', complaintDeadline: expect.stringMatching(/^2026-12-/) })]);
    expect(o.complaints).toEqual([expect.objectContaining({ decisionId, status: 'received', reassessmentDeadline: expect.any(String) })]);
    // family and open tasks
    expect(o.family.map((f: any) => [f.name, f.relation]).sort()).toEqual([
      ['Emil Frederiksen', 'child'],
      ['Freja Frederiksen', 'child'],
      ['Noah Frederiksen', 'child'],
    ]);
    expect(o.openTasks.map((t: any) => t.kind)).toEqual(expect.arrayContaining([expect.any(String)]));
    expect(o.openTasks.some((t: any) => o.openNewInformation[0].taskId === t.id)).toBe(true);
    expect(o.openTasks.every((t: any) => t.status === 'open')).toBe(true);
    // the latest screening result
    expect(o.screening).toMatchObject({ classification: 'mandatory', ruleSetId: expect.any(String), evaluatedOn: '2026-11-23', summary: expect.stringMatching(/Skal-målgruppen/) });
  });

  it("the case page's address gives the same overview in one call and one audit record; others' cases are not found or refused", async () => {
    const before = await auditRows();
    const res = await mette.get(`/api/cases/${caseId}/overview`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual((await mette.get(`/api/citizens/${lotte.id}/overview`)).json());
    expect((await auditRows()).slice(before.length, before.length + 1)).toEqual([
      expect.objectContaining({ action: 'overview.read', outcome: 'allowed', citizen_id: lotte.id, resource_type: 'citizen_overview' }),
    ]);
    expect((await louise.get(`/api/cases/${caseId}/overview`)).statusCode).toBe(403);
    const other = await freshMunicipality();
    const otherLotte = await findCitizen(await loginEmployee(h.app, 'mette', other.code), '120591-1002');
    const foreign = await mette.get(`/api/cases/${otherLotte.openCaseId}/overview`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).not.toContain('Lotte');
  });

  it('a specialist who is a contact on the case sees it; an unrelated caseworker gets 403, audited as denied', async () => {
    expect((await kim.get(`/api/citizens/${lotte.id}/overview`)).statusCode).toBe(200);
    const denied = await louise.get(`/api/citizens/${lotte.id}/overview`);
    expect(denied.statusCode).toBe(403);
    expect(denied.headers['content-type']).toMatch(/problem\+json/);
    const rows = await auditRows({ action: 'overview.read' });
    expect(rows.map((r) => [r.actor_name, r.outcome])).toEqual(
      expect.arrayContaining([
        ['Kim Andersen', 'allowed'],
        [expect.stringMatching(/^Louise/), 'denied'],
      ]),
    );
    // The citizen has Min plan, not the caseworker's overview; she sees in Danish that it was looked at.
    const lotteClient = await loginCitizen(h.app, lotte.id);
    expect((await lotteClient.get(`/api/citizens/${lotte.id}/overview`)).statusCode).toBe(403);
    const lookups = (await lotteClient.get('/api/me/lookups')).json().items;
    expect(lookups.filter((l: any) => l.action === 'Så overblikket over dig og din sag').length).toBeGreaterThanOrEqual(2);
  });

  it('a citizen of another municipality is not found (404), an id that is no id is refused, nothing is read', async () => {
    const other = await freshMunicipality();
    const otherMette = await loginEmployee(h.app, 'mette', other.code);
    const otherLotte = await findCitizen(otherMette, '120591-1002');
    const before = (await auditRows()).length;
    const res = await mette.get(`/api/citizens/${otherLotte.id}/overview`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('Lotte');
    const rows = (await auditRows()).slice(before);
    expect(rows).toEqual([expect.objectContaining({ action: 'overview.read', outcome: 'denied', citizen_id: null })]);
    const bad = await mette.get('/api/citizens/not-a-uuid/overview');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toEqual(expect.any(String));
  });
});
