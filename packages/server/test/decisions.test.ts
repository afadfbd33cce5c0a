import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from './support/database';
import { findCitizen, freshMunicipality, loginCitizen, loginEmployee, startHarness, type Client, type Harness } from './support/harness';

/**
 * Issue 5 over HTTP, walking Lotte (120591-1002, coordinator mette): the
 * combined decision from her granted interventions, preview, issue by
 * Digital Post, complaints (refused element, whole decision), uphold and the
 * bundle for Ankestyrelsen, "hjemvist", change superseding an element, the
 * same case under plan-2018 (one decision per sector law), a late complaint,
 * the leaders' deadline board, and the Easter / ordinary-post deadline.
 */
describe('acceptance: combined decision and one complaint route (Lotte)', () => {
  let h: Harness;
  let code: string;
  let municipalityId: string;
  let mette: Client;
  let lotte: Client;
  let caseId: string;
  let lotteId: string;
  let sanneId: string;
  const added: Record<string, string> = {};
  let decision: any;
  let firstDecisionId: string;

  const at = async (iso: string) => {
    h.clock.current = new Date(iso);
    mette = await loginEmployee(h.app, 'mette', code);
    lotte = await loginCitizen(h.app, lotteId);
  };
  const elementByTitle = (d: any, title: RegExp) => d.elements.find((e: any) => title.test(e.title));

  beforeAll(async () => {
    h = await startHarness();
    ({ id: municipalityId, code } = await freshMunicipality());
    mette = await loginEmployee(h.app, 'mette', code);
    const found = await findCitizen(mette, '120591-1002');
    lotteId = found.id;
    caseId = found.openCaseId!;
    sanneId = (await findCitizen(mette, '190886-1004')).id;
    lotte = await loginCitizen(h.app, lotteId);
  });

  it('grants interventions and drafts one combined decision: non-appealable, health route and benefits marked by rule data', async () => {
    for (const [key, body] of Object.entries({
      psychology: { title: 'Psykologforløb (samtaler om depression)', sector: 'health', legalBasis: 'Sundhedsloven § 69', status: 'planned', startDate: '2026-12-01' },
      fgu: { title: 'Målgruppevurdering til FGU', sector: 'education', legalBasis: 'Lov om forberedende grunduddannelse § 2 (målgruppevurdering)', status: 'planned' },
      benefit: { title: 'Kontanthjælp', sector: 'benefits', legalBasis: 'Lov om aktiv socialpolitik § 11', status: 'running' },
    })) {
      const res = await mette.post(`/api/cases/${caseId}/interventions`, body);
      expect(res.statusCode, res.body).toBe(201);
      added[key] = res.json().id;
    }
    const granted = (await mette.get(`/api/cases/${caseId}/interventions`)).json().items;
    const res = await mette.post(`/api/cases/${caseId}/decisions`, {
      reasoning: 'Du får en samlet indsats, så du kan mestre din hverdag og komme tættere på et job.',
      citizenGoals: ['Jeg vil have overskud til mine børn.', 'Jeg vil gerne arbejde i et køkken igen.'],
    });
    expect(res.statusCode, res.body).toBe(201);
    const items = res.json().items;
    expect(items).toHaveLength(1);
    decision = items[0];
    expect(decision).toMatchObject({ status: 'draft', mode: 'combined', sectorLaw: 'hovedloven', ruleSetId: 'hovedlov-2022', version: 1 });
    expect(decision.title).toBe('Samlet afgørelse om din helhedsorienterede indsats');
    // Every granted intervention except the benefit is an element.
    expect(decision.elements).toHaveLength(granted.length - 1);
    const fgu = elementByTitle(decision, /FGU/);
    expect(fgu).toMatchObject({ appealable: false, complaintRoute: 'none' });
    expect(fgu.notAppealableReason).toMatch(/processuel beslutning/);
    expect(elementByTitle(decision, /Psykolog/)).toMatchObject({ appealable: true, complaintRoute: 'patient_complaints', complaintBody: 'Styrelsen for Patientklager', legalBasis: 'Sundhedsloven § 69' });
    const sel85 = elementByTitle(decision, /Socialpædagogisk/);
    expect(sel85).toMatchObject({ appealable: true, complaintRoute: 'ankestyrelsen' });
    expect(sel85.legalBasis).toBe('Lov om en helhedsorienteret indsats (samlet afgørelse), jf. Serviceloven § 85');
    expect(decision.outsideDecision).toEqual([{ interventionId: added.benefit, title: 'Kontanthjælp', note: expect.stringMatching(/forsørgelsesydelser.*beskæftigelseslovgivningen/i) }]);
  });

  it('bad input → 400 and nothing changed; a second draft → 409; a stale edit → 409', async () => {
    const before = (await mette.get(`/api/decisions/${decision.id}`)).json();
    const wrongType = await mette.post(`/api/cases/${caseId}/decisions`, { reasoning: 42 });
    expect(wrongType.statusCode).toBe(400);
    const unknown = await mette.patch(`/api/decisions/${decision.id}`, { version: 1, reasoning: 'Ny', elements: [{ interventionId: crypto.randomUUID(), reasoning: 'x' }] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(unknown.json().errors[0]).toMatchObject({ path: 'body.elements.0.interventionId', code: 'not-in-decision' });
    expect((await mette.get(`/api/decisions/${decision.id}`)).json()).toEqual(before);
    const second = await mette.post(`/api/cases/${caseId}/decisions`, { reasoning: 'igen' });
    expect(second.statusCode).toBe(409);
    expect(second.json().type).toMatch(/draft-exists/);

    const elements = decision.elements.map((e: any) => ({ interventionId: e.interventionId, reasoning: `Begrundelse for ${e.title}: den passer til dine mål.` }));
    const edited = await mette.patch(`/api/decisions/${decision.id}`, { version: 1, elements });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().version).toBe(2);
    const stale = await mette.patch(`/api/decisions/${decision.id}`, { version: 1, reasoning: 'En andens ændring' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().type).toMatch(/stale-version/);
    // Two edits of the same version at once: exactly one wins.
    const jonas = await loginEmployee(h.app, 'jonas', code);
    const both = await Promise.all([
      mette.patch(`/api/decisions/${decision.id}`, { version: 2, citizenGoals: ['Jeg vil have overskud til mine børn.', 'Jeg vil gerne arbejde i et køkken igen.'] }),
      mette.patch(`/api/decisions/${decision.id}`, { version: 2, citizenGoals: ['Overskrevet'] }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = both.find((r) => r.statusCode === 200)!.json();
    if (winner.citizenGoals[0] === 'Overskrevet') {
      const restore = await mette.patch(`/api/decisions/${decision.id}`, { version: 3, citizenGoals: ['Jeg vil have overskud til mine børn.', 'Jeg vil gerne arbejde i et køkken igen.'] });
      expect(restore.statusCode).toBe(200);
    }
    expect((await jonas.patch(`/api/decisions/${decision.id}`, { version: 3, reasoning: 'Ikke min sag' })).statusCode).toBe(403);
    decision = (await mette.get(`/api/decisions/${decision.id}`)).json();
    expect(decision.reasoning).toMatch(/samlet indsats/);
    expect(decision.version).toBeGreaterThanOrEqual(3);
  });

  it('preview returns the full letter data with one complaint guidance and the deadline for the chosen channel', async () => {
    const res = await mette.get(`/api/decisions/${decision.id}/preview`);
    expect(res.statusCode, res.body).toBe(200);
    const { letter } = res.json();
    expect(letter).toMatchObject({
      decisionDate: '2026-11-23',
      channel: 'digital_post',
      receiptDate: '2026-11-23',
      complaintDeadline: '2026-12-21',
      citizen: { name: 'Lotte Frederiksen', cpr: '120591-1002' },
      citizenGoals: ['Jeg vil have overskud til mine børn.', 'Jeg vil gerne arbejde i et køkken igen.'],
      coordinatingContact: { name: mette.me.name },
      ruleSet: { id: 'hovedlov-2022' },
    });
    expect(letter.elements).toHaveLength(decision.elements.length);
    for (const e of letter.elements) expect(e.reasoning).toMatch(/Begrundelse for/);
    const [main, ...others] = letter.complaintGuidance.sections;
    expect(main.route).toBe('ankestyrelsen');
    expect(main.text).toContain('21. december 2026');
    expect(others.map((s: any) => s.route).sort()).toEqual(['none', 'patient_complaints']);
    expect(others.find((s: any) => s.route === 'none').text).toContain('Målgruppevurdering til FGU');
    const post = (await mette.get(`/api/decisions/${decision.id}/preview?channel=ordinary_post`)).json().letter;
    expect(post).toMatchObject({ receiptDate: '2026-12-01', complaintDeadline: '2026-12-29' });
    expect((await mette.get(`/api/decisions/${decision.id}/preview?channel=pigeon`)).statusCode).toBe(400);
  });

  it('a specialist cannot issue; the citizen does not see the draft', async () => {
    const kim = await loginEmployee(h.app, 'kim', code);
    const denied = await kim.post(`/api/decisions/${decision.id}/issue`, { version: decision.version, channel: 'digital_post' });
    expect(denied.statusCode).toBe(403);
    expect((await kim.get(`/api/decisions/${decision.id}`)).statusCode).toBe(200);
    expect((await lotte.get(`/api/decisions/${decision.id}`)).statusCode).toBe(404);
    expect((await lotte.get(`/api/cases/${caseId}/decisions`)).json().items).toEqual([]);
  });

  it('issues by Digital Post: received the same day, complaint deadline 4 weeks later; immutable afterwards', async () => {
    const res = await mette.post(`/api/decisions/${decision.id}/issue`, { version: decision.version, channel: 'digital_post' });
    expect(res.statusCode, res.body).toBe(200);
    const { decision: issued, letter } = res.json();
    expect(issued).toMatchObject({ status: 'issued', decisionDate: '2026-11-23', channel: 'digital_post', receiptDate: '2026-11-23', complaintDeadline: '2026-12-21', issuedBy: mette.me.name });
    expect(issued.elements.every((e: any) => e.inForce)).toBe(true);
    expect(letter.complaintDeadline).toBe('2026-12-21');
    firstDecisionId = issued.id;
    decision = issued;
    expect((await mette.post(`/api/decisions/${decision.id}/issue`, { version: issued.version, channel: 'digital_post' })).statusCode).toBe(409);
    expect((await mette.patch(`/api/decisions/${decision.id}`, { version: issued.version, reasoning: 'Ændret bagefter' })).statusCode).toBe(409);
    // Final in the database too, whoever asks (trigger), elements included.
    const { db } = await testDatabase();
    await expect(db.updateTable('decision').set({ reasoning: 'Ændret i databasen' }).where('id', '=', issued.id).execute()).rejects.toThrow(/issued/);
    await expect(db.updateTable('decision_element').set({ reasoning: 'x' }).where('decision_id', '=', issued.id).execute()).rejects.toThrow(/issued/);
    // The letter as sent is what the preview shows from now on.
    expect((await lotte.get(`/api/decisions/${decision.id}/preview`)).json().letter).toEqual(letter);
    const events = (await mette.get(`/api/cases/${caseId}/events`)).json().items.map((e: any) => e.type);
    expect(events).toEqual(expect.arrayContaining(['decision_drafted', 'decision_draft_updated', 'decision_issued']));
  });

  it('the citizen complaining about a non-appealable element is refused with the reason; another citizen cannot complain', async () => {
    const fgu = elementByTitle(decision, /FGU/);
    const refused = await lotte.post(`/api/decisions/${decision.id}/complaints`, { scope: 'elements', elementIds: [fgu.id], text: 'Jeg er uenig.' });
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.json().detail).toContain('»Målgruppevurdering til FGU«');
    expect(refused.json().detail).toMatch(/kan ikke påklages/);
    const health = elementByTitle(decision, /Psykolog/);
    const elsewhere = await lotte.post(`/api/decisions/${decision.id}/complaints`, { scope: 'elements', elementIds: [health.id], text: 'Psykologen passer ikke.' });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().detail).toMatch(/Styrelsen for Patientklager/);
    const sanne = await loginCitizen(h.app, sanneId);
    expect((await sanne.post(`/api/decisions/${decision.id}/complaints`, { scope: 'whole', text: 'Klage' })).statusCode).toBe(403);
    expect((await mette.get(`/api/cases/${caseId}/complaints`)).json().items).toEqual([]);
  });

  let complaint: any;
  it('a complaint about the whole decision gets its reassessment deadline; upheld, the bundle goes to Ankestyrelsen', async () => {
    const res = await lotte.post(`/api/decisions/${decision.id}/complaints`, { scope: 'whole', text: 'Jeg er ikke enig i afgørelsen.' });
    expect(res.statusCode, res.body).toBe(201);
    complaint = res.json();
    expect(complaint).toMatchObject({ status: 'received', channel: 'portal', submittedBy: 'citizen', receivedOn: '2026-11-23', late: false, reassessmentDeadline: '2026-12-21' });
    expect(complaint.notCovered.map((n: any) => n.title).sort()).toEqual(['Målgruppevurdering til FGU', 'Psykologforløb (samtaler om depression)']);
    expect(complaint.elements).toHaveLength(decision.elements.length - 2);

    const kim = await loginEmployee(h.app, 'kim', code);
    expect((await kim.post(`/api/complaints/${complaint.id}/reassessment`, { version: 1, outcome: 'uphold', reasoning: 'x' })).statusCode).toBe(403);
    expect((await mette.get(`/api/complaints/${complaint.id}/bundle`)).statusCode).toBe(409);
    const upheld = await mette.post(`/api/complaints/${complaint.id}/reassessment`, { version: complaint.version, outcome: 'uphold', reasoning: 'Indsatsen er nødvendig og tilstrækkelig.' });
    expect(upheld.statusCode, upheld.body).toBe(200);
    complaint = upheld.json();
    expect(complaint).toMatchObject({ status: 'forwarded', forwardedOn: '2026-11-23', reassessment: { outcome: 'uphold', decidedOn: '2026-11-23' } });

    const bundle = await mette.get(`/api/complaints/${complaint.id}/bundle`);
    expect(bundle.statusCode, bundle.body).toBe(200);
    expect(bundle.headers['content-disposition']).toMatch(/attachment/);
    const b = bundle.json();
    expect(b.recipient).toBe('Ankestyrelsen');
    expect(b.index.map((d: any) => d.key)).toEqual(expect.arrayContaining(['afgoerelse', 'klage', 'genvurdering', 'indsatser', 'sagsforloeb']));
    for (const entry of b.index) expect(Object.keys(b.documents)).toContain(entry.key);
    expect(b.index.find((d: any) => d.key === 'afgoerelse').date).toBe('2026-11-23');
    expect(b.documents.afgoerelse.letter.complaintDeadline).toBe('2026-12-21');
    const { db } = await testDatabase();
    const exports = await db.selectFrom('audit_log').select(['action', 'resource_type', 'citizen_id']).where('municipality_id', '=', municipalityId).where('action', '=', 'complaint.export').execute();
    expect(exports).toEqual([{ action: 'complaint.export', resource_type: 'complaint_bundle', citizen_id: lotteId }]);
  });

  it('the leader sees the deadlines by unit and caseworker, without citizen details; a caseworker cannot', async () => {
    const henrik = await loginEmployee(h.app, 'henrik', code);
    const res = await henrik.get('/api/deadlines');
    expect(res.statusCode, res.body).toBe(200);
    const board = res.json();
    const mine = board.items.filter((i: any) => i.caseId === caseId);
    expect(mine.map((i: any) => [i.kind, i.dueOn, i.state])).toEqual(
      expect.arrayContaining([
        ['complaint', '2026-12-21', 'running'],
        ['reassessment', '2026-12-21', 'met'],
        ['forwarding', '2026-12-21', 'met'],
      ]),
    );
    expect(mine.every((i: any) => i.caseworkerName === mette.me.name && i.unitName.length > 0)).toBe(true);
    expect(board.summary.find((s: any) => s.caseworkerName === mette.me.name && s.kind === 'reassessment')).toMatchObject({ met: 1, overdue: 0 });
    expect(res.body).not.toMatch(/Lotte|120591|Jeg er ikke enig/);
    expect((await henrik.get('/api/deadlines?state=met')).json().items.every((i: any) => i.state === 'met')).toBe(true);
    expect((await mette.get('/api/deadlines')).statusCode).toBe(403);
  });

  it('Ankestyrelsen remands ("hjemvist"): the case goes back to the decision phase with a task for the coordinator', async () => {
    const bad = await mette.post(`/api/complaints/${complaint.id}/appeal-result`, { version: complaint.version, result: 'hjemvist', receivedOn: '2026-11-01' });
    expect(bad.statusCode).toBe(400);
    expect((await mette.get(`/api/complaints/${complaint.id}`)).json().status).toBe('forwarded');
    const res = await mette.post(`/api/complaints/${complaint.id}/appeal-result`, { version: complaint.version, result: 'hjemvist', receivedOn: '2026-11-23', note: 'Sagen skal oplyses bedre.' });
    expect(res.statusCode, res.body).toBe(200);
    complaint = res.json();
    expect(complaint).toMatchObject({ status: 'closed', appealResult: { result: 'hjemvist', resultLabel: 'Hjemvist' } });
    expect((await mette.get(`/api/cases/${caseId}`)).json().phase).toBe('decision');
    const task = (await mette.get(`/api/cases/${caseId}/tasks`)).json().items.find((t: any) => t.id === complaint.appealResult.taskId);
    expect(task).toMatchObject({ kind: 'appeal_remanded', status: 'open', dueOn: '2026-12-07', assigneeEmployeeId: mette.me.id });
  });

  it('change on reassessment: the new decision supersedes the complained element; the rest stays in force', async () => {
    const mentor = elementByTitle(decision, /Mentor/);
    const reg = await mette.post(`/api/decisions/${decision.id}/complaints`, { scope: 'elements', elementIds: [mentor.id], channel: 'phone', receivedOn: '2026-11-23', text: 'Lotte ringede: hun vil have en anden mentor.' });
    expect(reg.statusCode, reg.body).toBe(201);
    expect(reg.json()).toMatchObject({ submittedBy: 'employee', channel: 'phone', elements: [{ id: mentor.id }] });
    const missingChange = await mette.post(`/api/complaints/${reg.json().id}/reassessment`, { version: 1, outcome: 'change', reasoning: 'Borgeren får ret.' });
    expect(missingChange.statusCode).toBe(400);
    const changed = await mette.post(`/api/complaints/${reg.json().id}/reassessment`, {
      version: 1,
      outcome: 'change',
      reasoning: 'Borgeren får ret.',
      change: { reasoning: 'Du får en ny mentor.', elements: [{ interventionId: mentor.interventionId, reasoning: 'En mentor med erfaring fra køkkenbranchen.' }] },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const newDecisionId = changed.json().reassessment.newDecisionId;
    const draft = (await mette.get(`/api/decisions/${newDecisionId}`)).json();
    expect(draft).toMatchObject({ status: 'draft', origin: 'reassessment', complaintId: reg.json().id });
    expect(draft.elements.map((e: any) => e.interventionId)).toEqual([mentor.interventionId]);
    const issued = await mette.post(`/api/decisions/${newDecisionId}/issue`, { version: draft.version, channel: 'ordinary_post' });
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json().decision).toMatchObject({ receiptDate: '2026-12-01', complaintDeadline: '2026-12-29' });
    expect(issued.json().letter.elements[0].supersedes).toEqual({ decisionId: firstDecisionId, decisionDate: '2026-11-23' });

    const history = (await mette.get(`/api/cases/${caseId}/decisions`)).json().items;
    const first = history.find((d: any) => d.id === firstDecisionId);
    const second = history.find((d: any) => d.id === newDecisionId);
    expect(elementByTitle(first, /Mentor/)).toMatchObject({ inForce: false, supersededByDecisionId: newDecisionId });
    expect(first.elements.filter((e: any) => e.inForce)).toHaveLength(first.elements.length - 1);
    expect(second.elements[0]).toMatchObject({ inForce: true, supersedesElementId: mentor.id });
    expect(first.ruleSetId).toBe('hovedlov-2022');
  });

  it('under plan-2018 the same flow gives one decision per sector law, each with its own route; old decisions keep their rule set', async () => {
    const { db } = await testDatabase();
    await db.insertInto('municipality_rule_set').values({ municipality_id: municipalityId, from_date: '2026-12-01', rule_set_id: 'plan-2018' }).execute();
    await at('2026-12-02T09:00:00Z');
    const res = await mette.post(`/api/cases/${caseId}/decisions`, { reasoning: 'Afgørelser efter de gældende sektorlove.' });
    expect(res.statusCode, res.body).toBe(201);
    const drafts = res.json().items;
    expect(drafts.every((d: any) => d.mode === 'per_sector' && d.ruleSetId === 'plan-2018')).toBe(true);
    expect(drafts.map((d: any) => d.sectorLaw).sort()).toEqual(['beskaeftigelse', 'serviceloven', 'sundhedsloven', 'ungeindsats']);
    const service = drafts.find((d: any) => d.sectorLaw === 'serviceloven');
    expect(service.title).toBe('Afgørelse efter lov om social service');
    expect(service.elements.map((e: any) => e.legalBasis)).toEqual(['Serviceloven § 85']);
    const employment = drafts.find((d: any) => d.sectorLaw === 'beskaeftigelse');
    expect(employment.elements.map((e: any) => e.title).sort()).toEqual(['Jobrettet forløb hos anden aktør (Jobvejen ApS)', 'Mentorstøtte']);
    expect(drafts.find((d: any) => d.sectorLaw === 'sundhedsloven').elements[0].complaintRoute).toBe('patient_complaints');
    expect(drafts[0].outsideDecision.map((o: any) => o.title)).toEqual(['Kontanthjælp']);

    for (const e of service.elements) {
      const r = await mette.patch(`/api/decisions/${service.id}`, { version: service.version, elements: [{ interventionId: e.interventionId, reasoning: 'Støtten fortsætter.' }] });
      expect(r.statusCode).toBe(200);
    }
    const issued = await mette.post(`/api/decisions/${service.id}/issue`, { version: service.version + 1, channel: 'digital_post' });
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json().letter.complaintGuidance.sections).toHaveLength(1);
    expect(issued.json().letter.ruleSet.id).toBe('plan-2018');
    expect(issued.json().decision.complaintDeadline).toBe('2026-12-30');
    // The remaining per-sector drafts are discarded (each its own decision).
    for (const d of drafts.filter((x: any) => x.id !== service.id)) {
      expect((await mette.post(`/api/decisions/${d.id}/discard`, { version: d.version })).statusCode).toBe(200);
    }
    const history = (await mette.get(`/api/cases/${caseId}/decisions`)).json().items.filter((d: any) => d.status === 'issued');
    expect(history.map((d: any) => d.ruleSetId)).toEqual(['hovedlov-2022', 'hovedlov-2022', 'plan-2018']);
  });

  it('a late complaint is recorded as late and waits for the caseworker to decide; then it is reassessed', async () => {
    await at('2027-01-05T09:00:00Z');
    const reg = await mette.post(`/api/decisions/${firstDecisionId}/complaints`, { scope: 'whole', channel: 'letter', receivedOn: '2027-01-04', text: 'Brev fra Lotte.' });
    expect(reg.statusCode, reg.body).toBe(201);
    const late = reg.json();
    expect(late).toMatchObject({ late: true, daysLate: 14, complaintDeadline: '2026-12-21', reassessmentDeadline: '2027-02-01', lateHandling: null });
    const blocked = await mette.post(`/api/complaints/${late.id}/reassessment`, { version: late.version, outcome: 'uphold', reasoning: 'Fastholdt.' });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().type).toMatch(/late-undecided/);
    const decided = await mette.post(`/api/complaints/${late.id}/late-handling`, { version: late.version, handling: 'consider', reason: 'Lotte var indlagt i klageperioden.' });
    expect(decided.statusCode, decided.body).toBe(200);
    const henrik = await loginEmployee(h.app, 'henrik', code);
    const item = (await henrik.get('/api/deadlines')).json().items.find((i: any) => i.complaintId === late.id && i.kind === 'reassessment');
    expect(item).toMatchObject({ state: 'running', dueOn: '2027-02-01', daysLeft: 27 });
    // The remanded case's task (due 7 December) is still open: overdue.
    const board = (await henrik.get('/api/deadlines?state=overdue')).json();
    expect(board.items.map((i: any) => [i.kind, i.dueOn, i.complaintId])).toEqual([['appeal_follow_up', '2026-12-07', complaint.id]]);
    expect(board.summary).toEqual([{ unitName: expect.any(String), caseworkerName: mette.me.name, kind: 'appeal_follow_up', running: 0, overdue: 1, met: 0, missed: 0 }]);
    const upheld = await mette.post(`/api/complaints/${late.id}/reassessment`, { version: decided.json().version, outcome: 'uphold', reasoning: 'Fastholdt.' });
    expect(upheld.statusCode, upheld.body).toBe(200);
  });
});

describe('acceptance: a decision issued the Friday before Easter and sent by ordinary post', () => {
  it('is received after Easter and its complaint and reassessment deadlines move over the closed days', async () => {
    const h = await startHarness();
    const { code } = await freshMunicipality();
    h.clock.current = new Date('2026-03-27T09:00:00Z');
    let mette = await loginEmployee(h.app, 'mette', code);
    const lotte = await findCitizen(mette, '120591-1002');
    const drafted = await mette.post(`/api/cases/${lotte.openCaseId}/decisions`, { reasoning: 'Samlet indsats.' });
    expect(drafted.statusCode, drafted.body).toBe(201);
    const draft = drafted.json().items[0];
    const elements = draft.elements.map((e: any) => ({ interventionId: e.interventionId, reasoning: 'Begrundet.' }));
    const ready = (await mette.patch(`/api/decisions/${draft.id}`, { version: draft.version, elements })).json();
    const issued = await mette.post(`/api/decisions/${draft.id}/issue`, { version: ready.version, channel: 'ordinary_post' });
    expect(issued.statusCode, issued.body).toBe(200);
    // 6 working days after Friday 27 March 2026, skipping Skærtorsdag, Langfredag and 2. påskedag.
    expect(issued.json().decision).toMatchObject({ decisionDate: '2026-03-27', receiptDate: '2026-04-09', complaintDeadline: '2026-05-07' });
    expect(issued.json().letter.complaintGuidance.sections[0].text).toContain('7. maj 2026');

    h.clock.current = new Date('2026-04-16T09:00:00Z');
    mette = await loginEmployee(h.app, 'mette', code);
    const complaint = await mette.post(`/api/decisions/${draft.id}/complaints`, { scope: 'whole', channel: 'letter', receivedOn: '2026-04-16', text: 'Klage pr. brev.' });
    expect(complaint.statusCode, complaint.body).toBe(201);
    // 4 weeks after 16 April 2026 is Kristi Himmelfartsdag → Friday 15 May.
    expect(complaint.json()).toMatchObject({ reassessmentDeadline: '2026-05-15', late: false });
    await h.app.close();
  });
});
