import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOutboxOnce } from '../src/letters/outbox';
import { FileDropTransport } from '../src/letters/transport';
import { testDatabase } from './support/database';
import { findCitizen, freshMunicipality, loginCitizen, loginEmployee, startHarness, type Client, type Harness } from './support/harness';

/** Text of a PDF as a person reads it, whitespace collapsed. */
async function pdfText(pdf: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}
const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

/**
 * The branches wired together, over HTTP, walking Lotte (120591-1002, mette):
 * the plan's goals in her own words go into the draft; catalogue interventions
 * count once granted (not while at the forum) with the catalogue's own flags;
 * the draft is previewed as PDF; issuing queues exactly one letter in the same
 * transaction; the outbox delivers it as MeMo with her CPR, the deadline and
 * the PDF; the complaint bundle carries the plan and the assessment.
 */
describe('acceptance: an issued decision is a letter (Lotte)', () => {
  let h: Harness;
  let code: string;
  let municipalityId: string;
  let mette: Client;
  let lotte: Client;
  let lotteId: string;
  let caseId: string;
  let dir: string;
  let decision: any;
  const granted: Record<string, string> = {};
  const goals = ['Jeg vil i arbejde og have overskud til mine børn', 'Jeg vil ikke være bange for at åbne mine breve'];

  beforeAll(async () => {
    h = await startHarness();
    h.clock.current = new Date('2026-11-23T09:00:00Z');
    ({ id: municipalityId, code } = await freshMunicipality());
    mette = await loginEmployee(h.app, 'mette', code);
    const found = await findCitizen(mette, '120591-1002');
    lotteId = found.id;
    caseId = found.openCaseId!;
    lotte = await loginCitizen(h.app, lotteId);
    dir = await mkdtemp(path.join(tmpdir(), 'helhed-decision-letters-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('catalogue interventions count once granted, with the catalogue item’s own flags; a request at the forum does not', async () => {
    const ole = await loginEmployee(h.app, 'ole', code);
    const items = Object.fromEntries((await mette.get('/api/catalogue')).json().items.map((i: any) => [i.kind, i]));
    // The municipality marks its internship as a procedural step that cannot be appealed (the catalogue's flag, not the rule data).
    const reason = 'Virksomhedspraktikken er et led i sagens oplysning og kan ikke påklages særskilt.';
    const changed = await ole.patch(`/api/catalogue/${items.virksomhedspraktik.id}`, { appealable: false, complaintRoute: 'none', noComplaintReason: reason, version: items.virksomhedspraktik.version });
    expect(changed.statusCode, changed.body).toBe(200);
    const direct = await mette.post(`/api/cases/${caseId}/visitations`, { catalogueItemId: items.virksomhedspraktik.id, plannedStart: '2026-12-07', endDate: '2027-01-29', quantity: 8 });
    expect(direct.json()).toMatchObject({ outcome: 'granted' });
    granted.internship = direct.json().interventionId;
    const forum = await mette.post(`/api/cases/${caseId}/visitations`, {
      catalogueItemId: items.sel_107.id, plannedStart: '2026-12-01', endDate: '2027-02-28', quantity: 3, reasoning: 'Midlertidigt botilbud mens gælden ordnes.',
    });
    expect(forum.json()).toMatchObject({ outcome: 'forum' });
    granted.atForum = forum.json().interventionId;

    const plan = await mette.put(`/api/cases/${caseId}/plan`, {
      version: 0,
      reason: 'Første plan, lagt sammen med Lotte',
      startDate: '2026-11-23',
      overallGoal: { citizenWords: goals[0], caseworkerText: 'Mestre eget liv og komme i job' },
      subGoals: [
        { title: 'Styr på økonomien', citizenWords: goals[1], domain: 'economy', goalType: 'develop', priority: 1 },
        { title: 'Holde sig fri af alkohol', domain: 'health', goalType: 'maintain', priority: 2 },
      ],
    });
    expect(plan.statusCode, plan.body).toBe(200);

    const res = await mette.post(`/api/cases/${caseId}/decisions`, { reasoning: 'Du får en samlet indsats, så du kan mestre din hverdag og komme tættere på et job.' });
    expect(res.statusCode, res.body).toBe(201);
    decision = res.json().items[0];
    // No goals in the body: her own words from the plan as it stands.
    expect(decision.citizenGoals).toEqual(goals);
    const ids = decision.elements.map((e: any) => e.interventionId);
    expect(ids).toContain(granted.internship);
    expect(ids).not.toContain(granted.atForum);
    expect(decision.elements.find((e: any) => e.interventionId === granted.internship)).toMatchObject({ appealable: false, complaintRoute: 'none', notAppealableReason: reason });
  });

  it('the draft as PDF: not stored, not sent, not shown to the citizen; audited as a read', async () => {
    const preview = await mette.get(`/api/decisions/${decision.id}/preview.pdf?channel=ordinary_post`);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.headers['content-type']).toMatch(/application\/pdf/);
    const text = await pdfText(preview.rawPayload);
    expect(text).toContain(decision.title);
    for (const goal of goals) expect(text).toContain(`„${goal}“`);
    // Reasoning not yet written is marked, once per element.
    expect(count(text, 'Begrundelsen mangler')).toBe(decision.elements.length);
    expect((await lotte.get(`/api/decisions/${decision.id}/preview.pdf`)).statusCode).toBe(404);
    expect((await mette.get(`/api/decisions/${crypto.randomUUID()}/preview.pdf`)).statusCode).toBe(404);
    expect((await mette.get(`/api/decisions/${decision.id}/preview.pdf?channel=pigeon`)).statusCode).toBe(400);
    expect((await mette.get(`/api/citizens/${lotteId}/letters`)).json().items).toEqual([]);
    const { db } = await testDatabase();
    const reads = await db.selectFrom('audit_log').select(['action', 'citizen_id']).where('municipality_id', '=', municipalityId).where('resource_type', '=', 'decision_letter_pdf').execute();
    expect(reads).toEqual(expect.arrayContaining([{ action: 'decision.read', citizen_id: lotteId }]));
  });

  it('a decision that fails to issue queues no letter', async () => {
    // Reasoning for the elements is still missing: 400, nothing queued.
    const refused = await mette.post(`/api/decisions/${decision.id}/issue`, { version: decision.version, channel: 'digital_post' });
    expect(refused.statusCode).toBe(400);
    const { db } = await testDatabase();
    expect(await db.selectFrom('letter').select('id').where('municipality_id', '=', municipalityId).execute()).toEqual([]);
    expect(await db.selectFrom('outbox_message').select('letter_id').where('municipality_id', '=', municipalityId).execute()).toEqual([]);
  });

  let letterId: string;
  it('issued: one letter queued with it, in her letters with deadline and legal bases', async () => {
    const elements = decision.elements.map((e: any) => ({ interventionId: e.interventionId, reasoning: `Begrundelse for ${e.title}: den passer til dine mål.` }));
    const edited = await mette.patch(`/api/decisions/${decision.id}`, { version: decision.version, elements });
    expect(edited.statusCode, edited.body).toBe(200);
    const issued = await mette.post(`/api/decisions/${decision.id}/issue`, { version: edited.json().version, channel: 'digital_post' });
    expect(issued.statusCode, issued.body).toBe(200);
    decision = issued.json().decision;
    expect(decision.complaintDeadline).toBe('2026-12-21');

    const letters = (await lotte.get(`/api/citizens/${lotteId}/letters`)).json().items;
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ decisionId: decision.id, caseId, title: decision.title, complaintDeadline: '2026-12-21', decisionDate: '2026-11-23', channel: 'digital_post', status: 'queued', scope: 'combined' });
    expect(letters[0].legalBases).toEqual([...new Set(decision.elements.map((e: any) => e.legalBasis))]);
    letterId = letters[0].id;
    // Issuing again is refused; still one letter.
    expect((await mette.post(`/api/decisions/${decision.id}/issue`, { version: decision.version, channel: 'digital_post' })).statusCode).toBe(409);
    expect((await mette.get(`/api/citizens/${lotteId}/letters`)).json().items).toHaveLength(1);
  });

  it('the outbox delivers it: MeMo with her CPR, the deadline and the PDF; the PDF has every element, its legal basis and one complaint guidance', async () => {
    const { db } = await testDatabase();
    const summary = await runOutboxOnce(db, new FileDropTransport(dir), { municipalityId, now: () => h.clock.now() });
    expect(summary).toMatchObject({ claimed: 1, delivered: 1, failed: 0 });
    expect(await readdir(dir)).toEqual([`${letterId}.xml`]);
    const memo = new XMLParser({ parseTagValue: false }).parse(await readFile(path.join(dir, `${letterId}.xml`), 'utf8'))['memo:Message'];
    expect(memo['memo:MessageHeader']['memo:Recipient']['memo:recipientID']).toBe('1205911002');
    expect(memo['memo:MessageHeader']['memo:replyByDateTime']).toMatch(/^2026-12-21T/);
    const pdf = Buffer.from(memo['memo:MessageBody']['memo:MainDocument']['memo:File']['memo:content'], 'base64');

    const sent = await lotte.get(`/api/letters/${letterId}/pdf`);
    expect(sent.statusCode).toBe(200);
    expect(sent.rawPayload.equals(pdf)).toBe(true);
    // The issued decision's preview is the letter as sent.
    expect((await mette.get(`/api/decisions/${decision.id}/preview.pdf`)).rawPayload.equals(pdf)).toBe(true);

    const text = await pdfText(pdf);
    for (const e of decision.elements) {
      expect(text).toContain(e.title);
      expect(text).toContain(`Lovgrundlag: ${e.legalBasis}`);
    }
    expect(text).toContain('Kan ikke påklages.');
    expect(count(text, 'Klagefrist')).toBe(1);
    expect(text).toContain('21. december 2026');
    expect(text).toContain('Helhed Demokommune');
    expect(text).toContain('Rådhuspladsen 1');
    expect(text).toContain('Kastanjevej 14, 1. th.');
    expect(text).toContain(mette.me.name);
    expect(text).not.toContain('120591');
    expect((await lotte.get(`/api/citizens/${lotteId}/letters`)).json().items[0]).toMatchObject({ status: 'delivered' });
  });

  it('upheld after a complaint, the bundle for Ankestyrelsen carries the plan with its history and the assessment', async () => {
    const assessment = await mette.put(`/api/cases/${caseId}/assessment`, {
      version: 0,
      status: 'completed',
      citizenGoals: goals[0],
      domains: [{ domain: 'economy', citizenWords: 'Regningerne hober sig op.', barriers: 'Gæld', level: 'severe' }],
    });
    expect(assessment.statusCode, assessment.body).toBe(200);
    const complaint = (await lotte.post(`/api/decisions/${decision.id}/complaints`, { scope: 'whole', text: 'Jeg er ikke enig.' })).json();
    const upheld = await mette.post(`/api/complaints/${complaint.id}/reassessment`, { version: complaint.version, outcome: 'uphold', reasoning: 'Indsatsen er nødvendig og tilstrækkelig.' });
    expect(upheld.statusCode, upheld.body).toBe(200);
    const b = (await mette.get(`/api/complaints/${complaint.id}/bundle`)).json();
    expect(b.index.map((d: any) => d.key)).toEqual(expect.arrayContaining(['udredning', 'plan', 'plan-historik']));
    expect(b.documents.plan.overallGoal.citizenWords).toBe(goals[0]);
    expect(b.documents['plan-historik'].map((v: any) => v.version)).toEqual([1]);
    expect(b.documents.udredning.domains.find((d: any) => d.domain === 'economy')).toMatchObject({ barriers: 'Gæld', level: 'severe' });
  });
});

describe('under plan-2018: one letter per sector-law decision', () => {
  it('every per-sector decision issued gives its own sector letter with its own route', async () => {
    const h = await startHarness();
    h.clock.current = new Date('2026-12-02T09:00:00Z');
    const { id: municipalityId, code } = await freshMunicipality();
    const { db } = await testDatabase();
    await db.insertInto('municipality_rule_set').values({ municipality_id: municipalityId, from_date: '2026-12-01', rule_set_id: 'plan-2018' }).execute();
    const mette = await loginEmployee(h.app, 'mette', code);
    const lotte = await findCitizen(mette, '120591-1002');
    const psychology = { title: 'Psykologforløb (samtaler om depression)', sector: 'health', legalBasis: 'Sundhedsloven § 69', status: 'planned', startDate: '2026-12-07' };
    expect((await mette.post(`/api/cases/${lotte.openCaseId}/interventions`, psychology)).statusCode).toBe(201);
    const res = await mette.post(`/api/cases/${lotte.openCaseId}/decisions`, { reasoning: 'Afgørelser efter de gældende sektorlove.', citizenGoals: [] });
    expect(res.statusCode, res.body).toBe(201);
    const drafts = res.json().items;
    expect(drafts.map((d: any) => d.sectorLaw).sort()).toEqual(['beskaeftigelse', 'serviceloven', 'sundhedsloven']);
    // Without the municipality's letterhead no letter can be made: refused, the decision stays a draft, nothing queued.
    const letterhead = await db.selectFrom('municipality').select(['letter_address_lines', 'letter_phone', 'letter_web']).where('id', '=', municipalityId).executeTakeFirstOrThrow();
    await db.updateTable('municipality').set({ letter_phone: null }).where('id', '=', municipalityId).execute();
    const first = drafts[0];
    const firstElements = first.elements.map((e: any) => ({ interventionId: e.interventionId, reasoning: 'Støtten fortsætter.' }));
    expect((await mette.patch(`/api/decisions/${first.id}`, { version: first.version, elements: firstElements })).statusCode).toBe(200);
    const refused = await mette.post(`/api/decisions/${first.id}/issue`, { version: first.version + 1, channel: 'digital_post' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().type).toMatch(/no-letterhead/);
    expect(refused.json().detail).toMatch(/brevhoved/);
    expect((await mette.get(`/api/decisions/${first.id}`)).json()).toMatchObject({ status: 'draft', version: first.version + 1 });
    expect((await mette.get(`/api/citizens/${lotte.id}/letters`)).json().items).toEqual([]);
    await db.updateTable('municipality').set({ letter_phone: letterhead.letter_phone }).where('id', '=', municipalityId).execute();
    first.version += 1;
    first.elements = [];

    for (const d of drafts) {
      const elements = d.elements.map((e: any) => ({ interventionId: e.interventionId, reasoning: 'Støtten fortsætter.' }));
      if (elements.length) expect((await mette.patch(`/api/decisions/${d.id}`, { version: d.version, elements })).statusCode).toBe(200);
      const issued = await mette.post(`/api/decisions/${d.id}/issue`, { version: elements.length ? d.version + 1 : d.version, channel: 'digital_post' });
      expect(issued.statusCode, `${d.sectorLaw}: ${issued.body}`).toBe(200);
    }
    const letters = (await mette.get(`/api/citizens/${lotte.id}/letters`)).json().items;
    expect(letters.map((l: any) => l.decisionId).sort()).toEqual(drafts.map((d: any) => d.id).sort());
    expect(letters.every((l: any) => l.scope === 'sector' && l.sector && l.ruleSet.id === 'plan-2018')).toBe(true);
    const health = letters.find((l: any) => l.decisionId === drafts.find((d: any) => d.sectorLaw === 'sundhedsloven').id);
    const text = await pdfText((await mette.get(`/api/letters/${health.id}/pdf`)).rawPayload);
    expect(text).toContain('Styrelsen for Patientklager');
  });
});
