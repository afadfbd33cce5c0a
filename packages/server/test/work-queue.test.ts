import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from './support/database';
import { findCitizen, freshMunicipality, loginCitizen, loginEmployee, screenMunicipality, startHarness, type Client, type Harness } from './support/harness';

/**
 * The coordinating caseworker's work queue (issue 6): Lotte's course as mette
 * meets it on Monday 23 November 2026 — a granted intervention not started,
 * a goal due for follow-up, the demo calendar's Tuesday conflict, a complaint
 * received by phone, Lotte's unread message, a task from new information —
 * and the candidates waiting for assessment. One prioritised list, one audit
 * record; acting on an item takes it off the list.
 */
describe('acceptance: the work queue', () => {
  let h: Harness;
  let code: string;
  let municipalityId: string;
  let mette: Client;
  let lotte: { id: string; openCaseId: string | null };
  let caseId: string;
  let grantedId: string;
  let decision: { id: string; version: number };
  let complaintId: string;
  let threadId: string;
  const ok = (res: { statusCode: number; body: string }, status: number) => expect(res.statusCode, res.body).toBe(status);
  const queueOf = async (client: Client) => {
    const res = await client.get('/api/work-queue');
    ok(res, 200);
    return res.json();
  };
  const lottesItems = async (client: Client = mette) => (await queueOf(client)).items.filter((i: any) => i.caseId === caseId);

  beforeAll(async () => {
    h = await startHarness();
    ({ id: municipalityId, code } = await freshMunicipality());
    const ole = await loginEmployee(h.app, 'ole', code);
    const kim = await loginEmployee(h.app, 'kim', code);
    mette = await loginEmployee(h.app, 'mette', code);
    lotte = await findCitizen(mette, '120591-1002');
    caseId = lotte.openCaseId!;
    const lotteClient = await loginCitizen(h.app, lotte.id);

    await screenMunicipality(ole);
    const catalogue = Object.fromEntries((await mette.get('/api/catalogue')).json().items.map((i: any) => [i.kind, i]));
    const granted = await mette.post(`/api/cases/${caseId}/visitations`, { catalogueItemId: catalogue.bl_32_familiebehandling.id, plannedStart: '2026-11-20', quantity: 20 });
    ok(granted, 201);
    grantedId = granted.json().interventionId;
    ok(
      await mette.put(`/api/cases/${caseId}/plan`, {
        version: 0,
        reason: 'Første plan, lagt sammen med Lotte',
        startDate: '2026-11-01',
        overallGoal: { citizenWords: 'Jeg vil i arbejde og have overskud til mine børn', followUpDate: '2027-02-01' },
        subGoals: [{ title: 'Styr på økonomien', domain: 'economy', goalType: 'develop', priority: 1, followUpDate: '2026-11-20' }],
      }),
      200,
    );
    const drafted = await mette.post(`/api/cases/${caseId}/decisions`, { reasoning: 'Du får en samlet indsats.' });
    ok(drafted, 201);
    const draft = drafted.json().items[0];
    const reasoned = await mette.patch(`/api/decisions/${draft.id}`, {
      version: draft.version,
      elements: draft.elements.map((e: any) => ({ interventionId: e.interventionId, reasoning: 'Indsatsen støtter dit mål om overskud i hverdagen.' })),
    });
    ok(reasoned, 200);
    ok(await mette.post(`/api/decisions/${draft.id}/issue`, { version: reasoned.json().version, channel: 'digital_post' }), 200);
    decision = { id: draft.id, version: reasoned.json().version };
    const complaint = await mette.post(`/api/decisions/${draft.id}/complaints`, { scope: 'whole', channel: 'phone', receivedOn: '2026-11-23', text: 'Lotte ringede: hun er uenig i afgørelsen.' });
    ok(complaint, 201);
    complaintId = complaint.json().id;
    const thread = await lotteClient.post('/api/me/messages', { subject: 'Tirsdage', body: 'Jeg kan ikke nå både familiebehandling og psykolog samme dag.' });
    ok(thread, 201);
    threadId = thread.json().id;
    ok(await kim.post(`/api/cases/${caseId}/new-information`, { title: 'Lotte har fået tilbudt praktik i bageriet' }), 201);
  });

  it("mette's queue holds every kind of work on Lotte's case, most pressing first, each with who, what, why and by when", async () => {
    const queue = await queueOf(mette);
    expect(queue.today).toBe('2026-11-23');
    const items = queue.items.filter((i: any) => i.caseId === caseId);
    expect(items.map((i: any) => [i.kind, i.urgency, i.dueOn])).toEqual([
      ['not_started', 'overdue', '2026-11-20'],
      ['follow_up', 'overdue', '2026-11-20'],
      ['calendar_conflict', 'this_week', '2026-11-24'],
      // saving the plan raised the family-plan obligation (a task without a deadline)
      ['task', 'none', null],
      ['unread_messages', 'none', null],
      ['task', 'later', '2026-12-03'],
      ['reassessment', 'later', '2026-12-21'],
    ]);
    for (const i of items) expect(i).toMatchObject({ citizenName: 'Lotte Frederiksen', citizenId: lotte.id, relation: 'coordinator' });
    const by: Record<string, any> = Object.fromEntries(items.map((i: any) => [i.kind, i]));
    expect(by.not_started).toMatchObject({ refId: grantedId, what: 'Sæt gang i »Familiebehandling«', daysLeft: -3, urgencyLabel: 'Overskredet' });
    expect(by.follow_up).toMatchObject({ what: 'Følg op på målet »Styr på økonomien«', why: 'Opfølgningen var planlagt til 20. november 2026.' });
    expect(by.calendar_conflict).toMatchObject({ refId: caseId, daysLeft: 1, urgencyLabel: 'Frist denne uge' });
    expect(by.unread_messages).toMatchObject({ refId: threadId, what: 'Svar på beskeden »Tirsdage«' });
    expect(items.filter((i: any) => i.kind === 'task').map((i: any) => i.what)).toEqual(['Tilbyd en helhedsorienteret plan for hele familien', 'Nye oplysninger: Lotte har fået tilbudt praktik i bageriet']);
    expect(by.reassessment).toMatchObject({ refId: complaintId, what: 'Genvurdér afgørelsen »Samlet afgørelse om din helhedsorienterede indsats«' });
    expect(by.reassessment.why).toMatch(/modtaget pr\. telefon 23\. november 2026/);
    // the whole list is ordered and counted
    const rank = ['overdue', 'this_week', 'none', 'later'];
    const ranks = queue.items.map((i: any) => rank.indexOf(i.urgency));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(Object.values(queue.counts).reduce((a: number, b: any) => a + b, 0)).toBe(queue.items.length);
    expect(queue.targetGroup.candidates).toBeGreaterThan(0);
    expect(queue.targetGroup.mandatory).toBeGreaterThan(0);
    expect(queue.targetGroup.mandatory).toBeLessThanOrEqual(queue.targetGroup.candidates);
  });

  it('one call is one audit record: a search over the caseload, no citizen named', async () => {
    const { db } = await testDatabase();
    const rows = () => db.selectFrom('audit_log').select(['seq', 'action', 'outcome', 'citizen_id', 'resource_type', 'actor_name']).where('municipality_id', '=', municipalityId).orderBy('seq').execute();
    const before = await rows();
    await queueOf(mette);
    expect((await rows()).slice(before.length)).toEqual([
      expect.objectContaining({ action: 'caseload.read', outcome: 'allowed', citizen_id: null, resource_type: 'work_queue', actor_name: 'Mette Kjærgaard' }),
    ]);
  });

  it("who sees what: the team's specialist sees the case's work but not mette's tasks nor the candidates; another caseworker nothing of Lotte's; a citizen nothing", async () => {
    const rasmus = await loginEmployee(h.app, 'rasmus', code);
    const his = await queueOf(rasmus);
    const lottes = his.items.filter((i: any) => i.caseId === caseId);
    expect(lottes.map((i: any) => i.kind).sort()).toEqual(['calendar_conflict', 'follow_up', 'not_started', 'reassessment', 'unread_messages']);
    for (const i of lottes) expect(i.relation).toBe('team');
    expect(his.targetGroup).toBeNull();
    const jonas = await loginEmployee(h.app, 'jonas', code);
    expect((await queueOf(jonas)).items.filter((i: any) => i.caseId === caseId)).toEqual([]);
    const lotteClient = await loginCitizen(h.app, lotte.id);
    const refused = await lotteClient.get('/api/work-queue');
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('acting on an item takes it off: the message read, the complaint reassessed; the not-started sweep turns the flag into one task', async () => {
    ok(await mette.get(`/api/message-threads/${threadId}`), 200);
    const version = (await mette.get(`/api/complaints/${complaintId}`)).json().version;
    ok(await mette.post(`/api/complaints/${complaintId}/reassessment`, { version, outcome: 'uphold', reasoning: 'Afgørelsen er rigtig; vi fastholder den.' }), 200);
    const henrik = await loginEmployee(h.app, 'henrik', code);
    ok(await henrik.post('/api/visitation/not-started/sweep', {}), 200);
    const kinds = (await lottesItems()).map((i: any) => i.kind);
    expect(kinds).not.toContain('unread_messages');
    expect(kinds).not.toContain('reassessment');
    expect(kinds).not.toContain('not_started');
    const notStartedTasks = (await lottesItems()).filter((i: any) => i.kind === 'task' && /ikke startet/.test(i.what));
    expect(notStartedTasks).toHaveLength(1);
    expect(notStartedTasks[0].why).toMatch(/skulle være startet 2026-11-20/);
  });

  it('a complaint that came late asks for a decision on it first, then for the reassessment', async () => {
    h.clock.current = new Date('2027-01-05T09:00:00Z');
    mette = await loginEmployee(h.app, 'mette', code);
    const late = await mette.post(`/api/decisions/${decision.id}/complaints`, { scope: 'whole', channel: 'letter', receivedOn: '2027-01-04', text: 'Brev fra Lotte: jeg klager over afgørelsen.' });
    ok(late, 201);
    const lateId = late.json().id;
    const item = (await lottesItems()).find((i: any) => i.refId === lateId);
    expect(item).toMatchObject({ kind: 'late_complaint', what: 'Tag stilling til en klage, der kom for sent', urgency: 'later' });
    expect(item.why).toMatch(/pr\. brev 4\. januar 2027, 14 dage efter klagefristen 21\. december 2026/);
    ok(await mette.post(`/api/complaints/${lateId}/late-handling`, { version: late.json().version, handling: 'consider', reason: 'Lotte var indlagt i december.' }), 200);
    expect((await lottesItems()).find((i: any) => i.refId === lateId)).toMatchObject({ kind: 'reassessment' });
  });

  it("when the case moves to a colleague, mette keeps only her own open tasks on it, marked as such", async () => {
    const org = (await mette.get('/api/organisation')).json();
    const louise = org.employees.find((e: any) => e.email.startsWith('louise.'));
    const before = (await mette.get(`/api/cases/${caseId}`)).json();
    ok(await mette.put(`/api/cases/${caseId}/coordination`, { coordinatorEmployeeId: louise.id, coordinatorTeamId: null, version: before.version, reason: 'Mette skifter til et andet team' }), 200);
    const left = await lottesItems();
    expect(left.length).toBeGreaterThan(0);
    for (const i of left) expect(i).toMatchObject({ kind: 'task', relation: 'task', citizenName: 'Lotte Frederiksen' });
    const louiseClient = await loginEmployee(h.app, 'louise', code);
    const hers = await lottesItems(louiseClient);
    expect(hers.map((i: any) => i.kind)).toEqual(expect.arrayContaining(['reassessment', 'follow_up']));
    for (const i of hers) expect(i.relation).toBe('coordinator');
  });
});
