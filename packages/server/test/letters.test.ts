import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { legalBasisText, sampleDecisionLetter, type DecisionLetter } from '@helhed/core';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChains } from '../src/audit/verify-chain';
import { ProblemError } from '../src/errors';
import { buildMemoMessage, endOfDanishDay, xmlEscape } from '../src/letters/memo';
import { runOutboxOnce } from '../src/letters/outbox';
import { FileDropTransport } from '../src/letters/transport';
import { renderDecisionLetterPreview } from '../src/services/letters';
import { testDatabase } from './support/database';
import { findCitizen, freshMunicipality, loginCitizen, loginEmployee, startHarness, type Client, type Harness } from './support/harness';
import { employeeAccess, issueLetter, letterFor } from './support/letters';

/** Text of a PDF as a person reads it: every page, whitespace (line wraps) collapsed. */
async function pdfText(pdf: Uint8Array): Promise<{ text: string; pages: number; info: Record<string, unknown>; roles: string[] }> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { text, totalPages } = await extractText(doc, { mergePages: true });
  const meta = await doc.getMetadata();
  const roles: string[] = [];
  const walk = (node: { role?: string; children?: unknown[] }) => {
    if (node.role) roles.push(node.role);
    for (const child of node.children ?? []) walk(child as never);
  };
  for (let p = 1; p <= totalPages; p++) walk((await (await doc.getPage(p)).getStructTree()) as never);
  return { text: text.replace(/\s+/g, ' '), pages: totalPages, info: meta.info as Record<string, unknown>, roles };
}

const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe('decision letter PDF (plain, accessible Danish)', () => {
  const letter = sampleDecisionLetter();
  let pdf: Uint8Array;
  let read: Awaited<ReturnType<typeof pdfText>>;

  beforeAll(async () => {
    pdf = await renderDecisionLetterPreview(letter);
    read = await pdfText(pdf);
  });

  it("carries every element with its reasoning and legal basis, the citizen's goals and one complaint guidance with the deadline written out", () => {
    const t = read.text;
    expect(t).toContain('Helhed Demokommune');
    expect(t).toContain('Lotte Frederiksen Kastanjevej 14, 1. th. 9999 Demoby');
    expect(t).toContain('Dato: 7. april 2026');
    expect(t).toContain('Afgørelse om din helhedsorienterede indsats');
    letter.elements.forEach((e, i) => {
      expect(t).toContain(`${i + 1}. ${e.title}`);
      expect(t).toContain(`Begrundelse: ${e.reasoning}`);
      expect(t).toContain(`Lovgrundlag: ${legalBasisText(e)}`);
    });
    for (const goal of letter.citizenGoals) expect(t).toContain(`„${goal}“`);
    expect(t).toContain('Klagefrist: Vi skal have din klage senest tirsdag den 5. maj 2026.');
    expect(count(t, 'Klagefrist')).toBe(1);
    expect(count(t, 'Sådan klager du')).toBe(2); // the heading, and the health note pointing to it
    expect(t).toContain('genvurdering');
    expect(t).toContain(letter.benefitsNote!);
  });

  it('marks the element that cannot be appealed, with why, and gives the health element its own route', () => {
    const t = read.text;
    expect(t).toContain(`Kan ikke påklages. ${letter.elements[5]!.nonAppealableReason}`);
    expect(count(t, 'Kan ikke påklages.')).toBe(1);
    expect(t).toContain(`Klager over „${letter.elements[4]!.title}“ behandles ikke af Ankestyrelsen`);
    expect(t).toContain('Styrelsen for Patientklager');
  });

  it('ends with the coordinating contact and does not print the CPR number', () => {
    const c = letter.coordinatingContact;
    expect(read.text).toContain(`${c.name}, ${c.title}`);
    expect(read.text).toContain(`Telefon: ${c.phone}`);
    expect(read.text).toContain(`E-mail: ${c.email}`);
    expect(read.text).not.toContain('120591');
    expect(read.text).toContain(`Side 1 af ${read.pages}`);
  });

  it('is tagged: language, title shown, headings, paragraphs and lists in reading order, PDF/UA identification, embedded font', () => {
    expect(read.info).toMatchObject({ Language: 'da-DK', Title: 'Afgørelse om din helhedsorienterede indsats – Helhed Demokommune, 7. april 2026', PDFFormatVersion: '1.7' });
    // Each page's structure tree starts at the one Document element.
    expect(read.roles.filter((r) => r === 'Document')).toHaveLength(read.pages);
    expect(read.roles.filter((r) => r === 'H1')).toHaveLength(1);
    expect(read.roles.filter((r) => r === 'H3').length).toBe(letter.elements.length + 1);
    expect(read.roles.filter((r) => r === 'H2').length).toBeGreaterThanOrEqual(6);
    expect(read.roles).toEqual(expect.arrayContaining(['P', 'L', 'LI', 'Lbl', 'LBody']));
    const raw = Buffer.from(pdf).toString('latin1');
    expect(raw).toContain('/DisplayDocTitle true');
    expect(raw).toContain('/Marked true');
    expect(raw).toContain('pdfuaid:part');
    expect(raw).toContain('/FontFile2'); // TrueType embedded
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+AtkinsonHyperlegible-Regular/);
    expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/); // no un-embedded standard font
  });

  it('renders the same letter to the same bytes (metadata dated by the decision)', async () => {
    expect(Buffer.from(await renderDecisionLetterPreview(letter)).equals(Buffer.from(pdf))).toBe(true);
  });

  it('a per-sector letter under plan-2018 carries only its sector and its own guidance', async () => {
    const base = sampleDecisionLetter();
    const sector = sampleDecisionLetter({
      scope: 'sector',
      sector: 'employment',
      ruleSet: { id: 'plan-2018', label: 'Én helhedsorienteret plan (lov nr. 707 af 8. juni 2018)' },
      title: 'Afgørelse om mentor og jobrettet forløb',
      elements: base.elements.filter((e) => e.sector === 'employment'),
      benefitsNote: null,
      complaintGuidance: { ...base.complaintGuidance, healthRoute: null },
    });
    const { text } = await pdfText(await renderDecisionLetterPreview(sector));
    expect(text).toContain('den hjælp, du får inden for beskæftigelsesområdet');
    expect(text).toContain('Lovgrundlag: Lov om en aktiv beskæftigelsesindsats § 167');
    expect(text).not.toContain('Serviceloven');
    expect(text).not.toContain('Styrelsen for Patientklager');
    expect(text).toContain('reglerne for beskæftigelsesområdet (Én helhedsorienteret plan');
  });

  it('a long letter (12 elements, long reasoning) flows over pages and keeps every element', async () => {
    const base = sampleDecisionLetter();
    const elements = Array.from({ length: 12 }, (_, i) => ({ ...base.elements[i % 5]!, title: `Indsats nummer ${i + 1}`, reasoning: `Begrundelse ${i + 1}. ${'Vi har lagt vægt på din egen beskrivelse. '.repeat(8)}` }));
    const { text, pages } = await pdfText(await renderDecisionLetterPreview(sampleDecisionLetter({ elements })));
    expect(pages).toBeGreaterThan(4);
    for (let i = 1; i <= 12; i++) expect(text).toContain(`${i}. Indsats nummer ${i} Begrundelse: Begrundelse ${i}.`);
    expect(text).toContain(`Side ${pages} af ${pages}`);
  });

  it('a preview of an incomplete letter is refused with the fields that are wrong', async () => {
    const bad = { ...sampleDecisionLetter(), elements: [] } as DecisionLetter;
    const error = await renderDecisionLetterPreview(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).status).toBe(422);
    expect((error as ProblemError).errors.map((e) => e.path)).toContain('elements');
  });
});

describe('MeMo 1.1 message', () => {
  const letter = sampleDecisionLetter();
  const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0xff, 0x00, 0x80]);
  const xml = buildMemoMessage(letter, pdf, { createdAt: new Date('2026-04-07T09:15:00Z') });
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, preserveOrder: false });
  const parsed = parser.parse(xml);
  const header = parsed['memo:Message']['memo:MessageHeader'];
  const body = parsed['memo:Message']['memo:MessageBody'];

  it('is well-formed XML with the MeMo namespace and version on the root', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(parsed['memo:Message']).toMatchObject({ '@xmlns:memo': 'https://DigitalPost.dk/MeMo-1', '@memoVersion': '1.1' });
  });

  it('carries the PDF as the main document, base64, Danish', () => {
    const file = body['memo:MainDocument']['memo:File'];
    expect(file).toMatchObject({ 'memo:encodingFormat': 'application/pdf', 'memo:filename': 'afgoerelse-2026-04-07.pdf', 'memo:language': 'da' });
    expect(Buffer.from(file['memo:content'], 'base64').equals(Buffer.from(pdf))).toBe(true);
    expect(body['memo:createdDateTime']).toBe('2026-04-07T09:15:00.000Z');
  });

  it('is addressed to the CPR recipient from the municipality (CVR), with the complaint deadline as reply-by', () => {
    expect(header).toMatchObject({
      'memo:messageType': 'DIGITALPOST',
      'memo:messageUUID': letter.letterId,
      'memo:label': letter.title,
      'memo:mandatory': 'true',
      'memo:legalNotification': 'true',
      'memo:replyByDateTime': '2026-05-05T23:59:59+02:00',
      'memo:Sender': { 'memo:senderID': '99999999', 'memo:idType': 'CVR', 'memo:label': 'Helhed Demokommune' },
      'memo:Recipient': { 'memo:recipientID': '1205911002', 'memo:idType': 'CPR', 'memo:label': 'Lotte Frederiksen' },
    });
    expect(header['memo:ContentData']['grd:CPRdata']).toEqual({ 'grd:cprNumber': '1205911002', 'grd:name': 'Lotte Frederiksen' });
    expect(header['memo:ContentData']['memo:CaseID']).toEqual({ 'memo:caseID': letter.caseId, 'memo:caseSystem': 'Helhed' });
    expect(body['memo:MainDocument']['memo:Action']).toEqual({
      'memo:label': 'Klag over afgørelsen',
      'memo:actionCode': 'SELVBETJENING',
      'memo:endDateTime': '2026-05-05T23:59:59+02:00',
      'memo:EntryPoint': { 'memo:url': letter.complaintGuidance.complaintUrl },
    });
  });

  it('keeps the schema order of the header', () => {
    const ordered = new XMLParser({ preserveOrder: true, ignoreAttributes: false }).parse(xml);
    const message = ordered.find((n: Record<string, unknown>) => 'memo:Message' in n)['memo:Message'];
    const headerNames = Object.keys(message[0]).includes('memo:MessageHeader') ? message[0]['memo:MessageHeader'].map((n: object) => Object.keys(n)[0]) : [];
    expect(headerNames).toEqual([
      'memo:messageType',
      'memo:messageUUID',
      'memo:label',
      'memo:replyByDateTime',
      'memo:mandatory',
      'memo:legalNotification',
      'memo:Sender',
      'memo:Recipient',
      'memo:ContentData',
    ]);
    expect(Object.keys(message[1])[0]).toBe('memo:MessageBody');
  });

  it('escapes markup and drops characters XML cannot carry', () => {
    const tricky = sampleDecisionLetter({ title: 'Afgørelse <om> "støtte" & \'mentor\' \u0001\u0007 🙂', recipient: { ...letter.recipient, name: 'Ø & Å <Test>' } });
    const x = buildMemoMessage(tricky, pdf, { createdAt: new Date('2026-04-07T09:15:00Z') });
    expect(XMLValidator.validate(x)).toBe(true);
    const h = parser.parse(x)['memo:Message']['memo:MessageHeader'];
    expect(h['memo:label']).toBe('Afgørelse <om> "støtte" & \'mentor\'  🙂');
    expect(h['memo:Recipient']['memo:label']).toBe('Ø & Å <Test>');
    expect(xmlEscape('a\uD800b')).toBe('ab');
  });

  it.each([
    ['2026-05-05', '2026-05-05T23:59:59+02:00'], // summer time
    ['2026-12-01', '2026-12-01T23:59:59+01:00'], // winter time
    ['2026-03-29', '2026-03-29T23:59:59+02:00'], // the day summer time starts
    ['2026-10-25', '2026-10-25T23:59:59+01:00'], // the day it ends
  ])('the deadline %s ends at %s, Danish time', (date, expected) => {
    expect(endOfDanishDay(date)).toBe(expected);
  });

  it('leaves out the action when the municipality has no complaint page', () => {
    const noUrl = sampleDecisionLetter({ complaintGuidance: { ...letter.complaintGuidance, complaintUrl: undefined } });
    const x = parser.parse(buildMemoMessage(noUrl, pdf, { createdAt: new Date() }));
    expect(x['memo:Message']['memo:MessageBody']['memo:MainDocument']['memo:Action']).toBeUndefined();
  });
});

describe('letters to the citizen over HTTP: issue, list, read the PDF, delivery status', () => {
  let h: Harness;
  let municipalityId: string;
  let code: string;
  let mette: Client;
  let lotte: { id: string; openCaseId: string | null };
  let sanne: { id: string; openCaseId: string | null };
  let dir: string;
  const db = async () => (await testDatabase()).db;

  beforeAll(async () => {
    h = await startHarness();
    ({ id: municipalityId, code } = await freshMunicipality());
    mette = await loginEmployee(h.app, 'mette', code);
    lotte = await findCitizen(mette, '120591-1002');
    sanne = await findCitizen(mette, '190886-1004');
    dir = await mkdtemp(path.join(tmpdir(), 'helhed-letters-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const letterRows = async (citizenId: string) => (await db()).selectFrom('letter').select(['id']).where('citizen_id', '=', citizenId).execute();

  it("issues Lotte's decision letter in the decision's transaction; she and her caseworker see who sent what, when, under which law", async () => {
    const a = await employeeAccess(await db(), municipalityId, mette.me.id, h.clock.now);
    const letter = letterFor(lotte.id, lotte.openCaseId!);
    const queued = await issueLetter(a, letter);
    expect(queued).toMatchObject({ letterId: letter.letterId, created: true, status: 'queued' });

    const list = await mette.get(`/api/citizens/${lotte.id}/letters`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.headers['cache-control']).toBe('no-store');
    const item = list.json().items.find((i: { id: string }) => i.id === letter.letterId);
    expect(item).toEqual({
      id: letter.letterId,
      caseId: lotte.openCaseId,
      decisionId: letter.decisionId,
      title: 'Afgørelse om din helhedsorienterede indsats',
      sender: 'Helhed Demokommune',
      signedBy: 'Mette Kjærgaard',
      sentAt: h.clock.now().toISOString(),
      decisionDate: '2026-04-07',
      complaintDeadline: '2026-05-05',
      ruleSet: letter.ruleSet,
      legalBases: letter.elements.map(legalBasisText),
      scope: 'combined',
      sector: null,
      channel: 'digital_post',
      channelLabel: 'Digital Post',
      status: 'queued',
      statusLabel: 'Venter på afsendelse',
      deliveredAt: null,
      pdfUrl: `/api/letters/${letter.letterId}/pdf`,
    });

    const me = await loginCitizen(h.app, lotte.id);
    const own = await me.get(`/api/citizens/${lotte.id}/letters`);
    expect(own.statusCode).toBe(200);
    expect(own.json().items.map((i: { id: string }) => i.id)).toContain(letter.letterId);
    const pdf = await me.get(`/api/letters/${letter.letterId}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['cache-control']).toBe('no-store');
    expect(pdf.headers['content-disposition']).toBe('inline; filename="afgoerelse-2026-04-07.pdf"');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const { text } = await pdfText(new Uint8Array(pdf.rawPayload));
    expect(text).toContain('Klagefrist: Vi skal have din klage senest tirsdag den 5. maj 2026.');

    // The case history says a letter went out; reading the PDF is in the audit log with the citizen's purpose.
    const events = (await mette.get(`/api/cases/${lotte.openCaseId}/events`)).json();
    expect(JSON.stringify(events)).toContain('letter_queued');
    const audit = await (await db())
      .selectFrom('audit_log')
      .select(['action', 'outcome', 'actor_kind', 'resource_type', 'purpose'])
      .where('municipality_id', '=', municipalityId)
      .where('resource_id', '=', letter.letterId)
      .where('action', '=', 'letter.read')
      .execute();
    expect(audit).toEqual([{ action: 'letter.read', outcome: 'allowed', actor_kind: 'citizen', resource_type: 'letter_pdf', purpose: 'citizen_self_service' }]);
  });

  it('a citizen sees only their own letters; staff without a relation to the citizen are refused (and it is audited)', async () => {
    // Sanne's coordinator issues her a letter.
    const d = await db();
    const sanneCase = await d.selectFrom('holistic_case').select(['coordinator_employee_id']).where('id', '=', sanne.openCaseId!).executeTakeFirstOrThrow();
    const a = await employeeAccess(d, municipalityId, sanneCase.coordinator_employee_id!, h.clock.now);
    const letter = letterFor(sanne.id, sanne.openCaseId!, { recipient: { ...sampleDecisionLetter().recipient, citizenId: sanne.id, name: 'Sanne', cpr: '190886-1004' } });
    await issueLetter(a, letter);

    const lotteAsCitizen = await loginCitizen(h.app, lotte.id);
    const list = await lotteAsCitizen.get(`/api/citizens/${sanne.id}/letters`);
    expect(list.statusCode).toBe(403);
    expect(list.headers['content-type']).toMatch(/^application\/problem\+json/);
    const pdf = await lotteAsCitizen.get(`/api/letters/${letter.letterId}/pdf`);
    expect(pdf.statusCode).toBe(403);
    expect(pdf.body).not.toContain('%PDF');
    const ownList = (await lotteAsCitizen.get(`/api/citizens/${lotte.id}/letters`)).json().items.map((i: { id: string }) => i.id);
    expect(ownList).not.toContain(letter.letterId);

    // A coordinating caseworker of another team, and a leader without break-the-glass.
    for (const username of ['louise', 'henrik']) {
      const other = await loginEmployee(h.app, username, code);
      expect((await other.get(`/api/citizens/${lotte.id}/letters`)).statusCode, username).toBe(403);
    }
    const denied = await d
      .selectFrom('audit_log')
      .select(['actor_kind', 'outcome'])
      .where('municipality_id', '=', municipalityId)
      .where('action', '=', 'letter.read')
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied.length).toBeGreaterThanOrEqual(4);

    // An id that does not exist, or a malformed one.
    expect((await mette.get(`/api/letters/${crypto.randomUUID()}/pdf`)).statusCode).toBe(404);
    expect((await mette.get('/api/letters/not-a-uuid/pdf')).statusCode).toBe(400);
  });

  it('the same letter twice is stored and sent once; a different letter under the same id is refused and changes nothing', async () => {
    const d = await db();
    const a = await employeeAccess(d, municipalityId, mette.me.id, h.clock.now);
    const letter = letterFor(lotte.id, lotte.openCaseId!);
    const first = await issueLetter(a, letter);
    // Same content, fields in another order: still the same letter.
    const reordered = Object.fromEntries(Object.entries(letter).reverse()) as DecisionLetter;
    const again = await issueLetter(a, reordered);
    expect(again).toEqual({ ...first, created: false });
    const before = (await letterRows(lotte.id)).length;
    const changed = { ...letter, title: 'Et andet brev' };
    const error = await issueLetter(a, changed).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).status).toBe(409);
    expect((error as ProblemError).code).toBe('letter-exists');
    expect((await letterRows(lotte.id)).length).toBe(before);
    const outbox = await d.selectFrom('outbox_message').select(['id']).where('letter_id', '=', letter.letterId).execute();
    expect(outbox).toHaveLength(1);
  });

  it('bad input is refused with the fields and nothing is stored: a letter to someone not on the case, an incomplete letter, an unknown case', async () => {
    const d = await db();
    const a = await employeeAccess(d, municipalityId, mette.me.id, h.clock.now);
    const lettersBefore = (await letterRows(lotte.id)).length + (await letterRows(sanne.id)).length;
    const eventsBefore = (await d.selectFrom('case_event').select('id').where('case_id', '=', lotte.openCaseId!).execute()).length;
    const wrongRecipient = letterFor(sanne.id, lotte.openCaseId!);
    const incomplete = { ...letterFor(lotte.id, lotte.openCaseId!), complaintGuidance: { ...sampleDecisionLetter().complaintGuidance, deadline: '2026-02-30' } };
    for (const [bad, path] of [
      [wrongRecipient, 'recipient.citizenId'],
      [incomplete, 'complaintGuidance.deadline'],
    ] as const) {
      const error = await issueLetter(a, bad as DecisionLetter).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ProblemError);
      expect((error as ProblemError).status).toBe(422);
      expect((error as ProblemError).errors.map((e) => e.path)).toContain(path);
    }
    // A case id that is not in this municipality: the gateway does not find it.
    const elsewhere = letterFor(lotte.id, crypto.randomUUID());
    await expect(issueLetter(a, elsewhere)).rejects.toMatchObject({ status: 404 });
    expect((await letterRows(lotte.id)).length + (await letterRows(sanne.id)).length).toBe(lettersBefore);
    expect((await d.selectFrom('case_event').select('id').where('case_id', '=', lotte.openCaseId!).execute()).length).toBe(eventsBefore);
  });

  it('the outbox delivers the MeMo message: one file per letter, status "Sendt", delivery audited, the chain verifies', async () => {
    const d = await db();
    const transport = new FileDropTransport(dir);
    const summary = await runOutboxOnce(d, transport, { municipalityId, now: h.clock.now });
    const queued = await d.selectFrom('letter').select(['id']).where('municipality_id', '=', municipalityId).execute();
    expect(summary).toEqual({ claimed: queued.length, delivered: queued.length, retried: 0, failed: 0 });
    const files = (await readdir(dir)).sort();
    expect(files).toEqual(queued.map((l) => `${l.id}.xml`).sort());

    const list = (await mette.get(`/api/citizens/${lotte.id}/letters`)).json().items;
    expect(list.length).toBeGreaterThan(0);
    for (const item of list) expect(item).toMatchObject({ status: 'delivered', statusLabel: 'Sendt', deliveredAt: h.clock.now().toISOString() });

    // The file is the stored MeMo message, carrying the stored PDF.
    const one = list[0];
    const xml = await readFile(path.join(dir, `${one.id}.xml`), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const stored = await d.selectFrom('letter').select(['pdf']).where('id', '=', one.id).executeTakeFirstOrThrow();
    const content = new XMLParser({ parseTagValue: false }).parse(xml)['memo:Message']['memo:MessageBody']['memo:MainDocument']['memo:File']['memo:content'];
    expect(Buffer.from(content, 'base64').equals(Buffer.from(stored.pdf))).toBe(true);

    const delivered = await d.selectFrom('audit_log').select(['citizen_id', 'actor_kind', 'outcome']).where('municipality_id', '=', municipalityId).where('action', '=', 'letter.deliver').execute();
    expect(delivered).toHaveLength(queued.length);
    expect(delivered.every((r) => r.actor_kind === 'system' && r.outcome === 'allowed')).toBe(true);
    expect((await verifyAuditChains(d)).problems).toEqual([]);

    // A second pass has nothing to do.
    expect(await runOutboxOnce(d, transport, { municipalityId, now: h.clock.now })).toEqual({ claimed: 0, delivered: 0, retried: 0, failed: 0 });
  });
});
