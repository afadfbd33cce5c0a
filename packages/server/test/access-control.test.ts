import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from './support/database';
import { findCitizen, freshMunicipality, loginCitizen, loginEmployee, startHarness, type Client, type Harness } from './support/harness';

/**
 * Access control on the server (SPEC §7.3): role + relation (caseload / team /
 * contact) + consent scope for health data, break-the-glass for reads only,
 * every refusal audited. Demo data (seed/demo-municipality.ts):
 * - Lotte: coordinator mette (team-familie: mette, rasmus, hanne, kim);
 *   rasmus's contact on her case ended when it opened, so he reads her case as a team member only.
 * - Mads and Martin: coordinator jonas (team-voksne); kim is both an internal contact and a team-voksne member.
 * - Sanne: coordinator mette. louise is in team-fremskudt only: no relation to Lotte.
 * - peter (specialist) is in no team and is no active contact anywhere.
 */
const RELATION_DETAIL = 'Borgeren er ikke i din sagsstamme eller dit team. Du kan ikke se oplysningerne.';
const CONSENT_DETAIL = 'Der er ikke et gyldigt samtykke til at se helbredsoplysninger fra denne kilde.';
const BREAK_GLASS_DETAIL = 'Nødadgang kræver en skriftlig begrundelse på mindst 15 tegn.';
const BREAK_GLASS = 'helhed-break-glass-reason';
const REASON = 'Borgeren er akut indlagt, og koordinerende sagsbehandler er syg i dag';

describe('access control: role + relation + consent, audited', () => {
  let h: Harness;
  let m: { id: string; code: string };
  const users: Record<string, Client> = {};
  let lotte: { id: string; openCaseId: string };
  let sanne: { id: string; openCaseId: string };
  let mads: { id: string; openCaseId: string };
  let martin: { id: string; openCaseId: string };

  beforeAll(async () => {
    h = await startHarness();
    m = await freshMunicipality();
    for (const u of ['mette', 'jonas', 'louise', 'rasmus', 'kim', 'peter', 'ole', 'henrik']) users[u] = await loginEmployee(h.app, u, m.code);
    const find = async (c: Client, cpr: string) => {
      const f = await findCitizen(c, cpr);
      return { id: f.id, openCaseId: f.openCaseId! };
    };
    lotte = await find(users.mette!, '120591-1002');
    sanne = await find(users.mette!, '190886-1004');
    mads = await find(users.jonas!, '090704-4009');
    martin = await find(users.jonas!, '141290-1007');
  });

  async function lastAuditOf(actorId: string) {
    const { db } = await testDatabase();
    return db
      .selectFrom('audit_log')
      .selectAll()
      .where('municipality_id', '=', m.id)
      .where('actor_id', '=', actorId)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
  }

  async function auditCount() {
    const { db } = await testDatabase();
    const row = await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('municipality_id', '=', m.id).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  it("(a) a coordinating caseworker outside the citizen's caseload and team is refused 403 in Danish, and the refusal is audited", async () => {
    const louise = users.louise!;
    const res = await louise.get(`/api/cases/${lotte.openCaseId}`);
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ type: 'https://helhed.dk/problems/forbidden', status: 403, title: 'Adgang nægtet', detail: RELATION_DETAIL });
    expect(res.body).not.toContain('Lotte');

    const row = await lastAuditOf(louise.me.id);
    expect(row).toMatchObject({
      outcome: 'denied',
      reason: 'relation',
      actor_kind: 'employee',
      actor_name: 'Louise Friis',
      citizen_id: lotte.id,
      action: 'case.read',
      resource_id: lotte.openCaseId,
      purpose: 'case_handling',
    });
    // The same for the other parts of the case.
    for (const url of [`/api/cases/${lotte.openCaseId}/contacts`, `/api/citizens/${lotte.id}/consents`, `/api/citizens/${lotte.id}/sector-records`]) {
      expect((await louise.get(url)).statusCode, url).toBe(403);
    }
  });

  it('(b) a team colleague of the coordinator (rasmus in team-familie, no active contact) may read the case', async () => {
    const { db } = await testDatabase();
    const rasmus = users.rasmus!;
    const activeContact = await db
      .selectFrom('case_contact')
      .select('id')
      .where('municipality_id', '=', m.id)
      .where('case_id', '=', lotte.openCaseId)
      .where('employee_id', '=', rasmus.me.id)
      .where('ended_on', 'is', null)
      .execute();
    expect(activeContact).toEqual([]);

    const res = await rasmus.get(`/api/cases/${lotte.openCaseId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().citizenName).toBe('Lotte Frederiksen');
    expect((await rasmus.get(`/api/cases/${lotte.openCaseId}/contacts`)).statusCode).toBe(200);
    expect(await lastAuditOf(rasmus.me.id)).toMatchObject({ outcome: 'allowed', reason: null, action: 'contact.read', citizen_id: lotte.id });
    // Reading is not deciding: a specialist cannot change the case.
    const update = await rasmus.patch(`/api/citizens/${lotte.id}`, { phone: '+45 00 00 09 09' });
    expect(update.statusCode).toBe(403);
  });

  it('(c) an internal contact may read the case but not record consent', async () => {
    const kim = users.kim!;
    expect((await kim.get(`/api/cases/${mads.openCaseId}`)).statusCode).toBe(200);
    const consent = await kim.post(`/api/citizens/${mads.id}/consents`, { scope: 'family_plan', action: 'given', form: 'digital' });
    expect(consent.statusCode).toBe(403);
    expect(await lastAuditOf(kim.me.id)).toMatchObject({ outcome: 'denied', reason: 'role', action: 'consent.record', citizen_id: mads.id });

    // A pure contact relation (peter: no team) opens when jonas adds him and closes when the contact ends.
    const peter = users.peter!;
    expect((await peter.get(`/api/cases/${mads.openCaseId}`)).statusCode).toBe(403);
    const added = await users.jonas!.post(`/api/cases/${mads.openCaseId}/contacts`, {
      kind: 'internal',
      employeeId: peter.me.id,
      role: 'Ydelsessagsbehandler',
      sector: 'benefits',
      authority: true,
      since: '2026-11-23',
    });
    expect(added.statusCode).toBe(201);
    const read = await peter.get(`/api/cases/${mads.openCaseId}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().citizenName).toMatch(/^Mads/);
    const peterConsent = await peter.post(`/api/citizens/${mads.id}/consents`, { scope: 'family_plan', action: 'given', form: 'digital' });
    expect(peterConsent.statusCode).toBe(403);
    expect((await peter.get(`/api/citizens/${mads.id}/health-documents`)).statusCode).toBe(403);
    const consents = (await users.jonas!.get(`/api/citizens/${mads.id}/consents`)).json();
    expect(consents.history.filter((c: any) => c.scope === 'family_plan')).toEqual([]);

    const ended = await users.jonas!.post(`/api/cases/${mads.openCaseId}/contacts/${added.json().id}/end`, { endedOn: '2026-11-23' });
    expect(ended.statusCode).toBe(200);
    expect((await peter.get(`/api/cases/${mads.openCaseId}`)).statusCode).toBe(403);
  });

  describe('(d) break-the-glass', () => {
    it('a written reason lets louise READ Lotte\'s case, audited as allowed_break_glass with purpose and reason', async () => {
      const louise = users.louise!.withHeaders({ [BREAK_GLASS]: encodeURIComponent(REASON) });
      const res = await louise.get(`/api/cases/${lotte.openCaseId}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().id).toBe(lotte.openCaseId);
      expect(await lastAuditOf(louise.me.id)).toMatchObject({
        outcome: 'allowed_break_glass',
        purpose: 'break_the_glass',
        reason: REASON,
        action: 'case.read',
        citizen_id: lotte.id,
      });
      // Reported to the citizen: her look-ups show the emergency access.
      const lotteSelf = await loginCitizen(h.app, lotte.id);
      const lookups = (await lotteSelf.get('/api/me/lookups')).json().items;
      expect(lookups[0]).toMatchObject({ purpose: 'break_the_glass', purposeLabel: 'Nødadgang med skriftlig begrundelse', action: 'Så din sag' });
    });

    it('a reason shorter than 15 characters is refused 403 and audited', async () => {
      const louise = users.louise!.withHeaders({ [BREAK_GLASS]: encodeURIComponent('Akut behov') });
      const res = await louise.get(`/api/cases/${lotte.openCaseId}`);
      expect(res.statusCode).toBe(403);
      expect(res.json().detail).toBe(BREAK_GLASS_DETAIL);
      expect(await lastAuditOf(louise.me.id)).toMatchObject({ outcome: 'denied', reason: 'break_glass_reason', purpose: 'case_handling' });
    });

    it('break-the-glass never allows writes', async () => {
      const louise = users.louise!.withHeaders({ [BREAK_GLASS]: encodeURIComponent(REASON) });
      const patch = await louise.patch(`/api/citizens/${lotte.id}`, { phone: '+45 00 00 07 07' });
      expect(patch.statusCode).toBe(403);
      expect(patch.json().detail).toBe(RELATION_DETAIL);
      expect(await lastAuditOf(louise.me.id)).toMatchObject({ outcome: 'denied', reason: 'relation', action: 'case.update' });
      const consent = await louise.post(`/api/citizens/${lotte.id}/consents`, { scope: 'disclosure', counterpart: 'Forsorgshjemmet Ly', action: 'given', form: 'digital' });
      expect(consent.statusCode).toBe(403);
      const contact = await louise.post(`/api/cases/${lotte.openCaseId}/contacts`, { kind: 'external', name: 'X', role: 'Y', sector: 'health', authority: false, since: '2026-11-23' });
      expect(contact.statusCode).toBe(403);
      // Nothing was written.
      const citizen = (await users.mette!.get(`/api/citizens/${lotte.id}`)).json();
      expect(citizen.phone).toBe('+45 00 00 01 01');
      const consents = (await users.mette!.get(`/api/citizens/${lotte.id}/consents`)).json();
      expect(consents.history.some((c: any) => c.scope === 'disclosure')).toBe(false);
    });

    it('a malformed (not URL-encoded) reason is a 400', async () => {
      const res = await users.louise!.withHeaders({ [BREAK_GLASS]: '%E0%A4%A' }).get(`/api/cases/${lotte.openCaseId}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().type).toBe('https://helhed.dk/problems/bad-header');
    });
  });

  it('(e) the administrator and the leader cannot read a case without break-the-glass; only the leader may break the glass', async () => {
    const ole = users.ole!;
    const henrik = users.henrik!;
    const oleRes = await ole.get(`/api/cases/${lotte.openCaseId}`);
    expect(oleRes.statusCode).toBe(403);
    expect(await lastAuditOf(ole.me.id)).toMatchObject({ outcome: 'denied', reason: 'role', citizen_id: lotte.id });
    const henrikRes = await henrik.get(`/api/cases/${lotte.openCaseId}`);
    expect(henrikRes.statusCode).toBe(403);
    expect(await lastAuditOf(henrik.me.id)).toMatchObject({ outcome: 'denied', reason: 'relation', citizen_id: lotte.id });

    const withReason = { [BREAK_GLASS]: encodeURIComponent('Ledelsestilsyn efter henvendelse fra borgerens advokat') };
    expect((await ole.withHeaders(withReason).get(`/api/cases/${lotte.openCaseId}`)).statusCode).toBe(403);
    expect(await lastAuditOf(ole.me.id)).toMatchObject({ outcome: 'denied', reason: 'role' });
    expect((await henrik.withHeaders(withReason).get(`/api/cases/${lotte.openCaseId}`)).statusCode).toBe(200);
    expect(await lastAuditOf(henrik.me.id)).toMatchObject({ outcome: 'allowed_break_glass', purpose: 'break_the_glass' });
  });

  it("(f) a citizen reads only their own case: another citizen's case is 403 (relation), and their look-ups exclude their own reads", async () => {
    const lotteSelf = await loginCitizen(h.app, lotte.id);
    expect((await lotteSelf.get(`/api/cases/${lotte.openCaseId}`)).statusCode).toBe(200);
    expect((await lotteSelf.get(`/api/citizens/${lotte.id}/consents`)).statusCode).toBe(200);
    expect(await lastAuditOf(lotte.id)).toMatchObject({ actor_kind: 'citizen', outcome: 'allowed', purpose: 'citizen_self_service', action: 'consent.read' });

    // The gateway resolves Sanne's case (same municipality), then the policy refuses: 403, not 404.
    const other = await lotteSelf.get(`/api/cases/${sanne.openCaseId}`);
    expect(other.statusCode).toBe(403);
    expect(other.body).not.toContain('Sanne');
    expect(await lastAuditOf(lotte.id)).toMatchObject({ outcome: 'denied', reason: 'relation', citizen_id: sanne.id, actor_kind: 'citizen' });
    // A citizen cannot break the glass, and cannot set a purpose.
    const tricked = await lotteSelf.withHeaders({ [BREAK_GLASS]: encodeURIComponent(REASON), 'helhed-purpose': 'complaint_handling' }).get(`/api/cases/${sanne.openCaseId}`);
    expect(tricked.statusCode).toBe(403);
    expect(await lastAuditOf(lotte.id)).toMatchObject({ outcome: 'denied', purpose: 'citizen_self_service', reason: 'relation' });

    const lookups = (await lotteSelf.get('/api/me/lookups')).json().items;
    expect(lookups.some((l: any) => l.purpose === 'citizen_self_service')).toBe(false);
    const { db } = await testDatabase();
    const employeeReads = await db
      .selectFrom('audit_log')
      .select('seq')
      .where('municipality_id', '=', m.id)
      .where('citizen_id', '=', lotte.id)
      .where('actor_kind', '=', 'employee')
      .where('outcome', '!=', 'denied')
      .execute();
    expect(lookups).toHaveLength(employeeReads.length);
    expect(lookups.length).toBeGreaterThan(0);
  });

  describe('(g) health information follows the consent per source, at the moment of reading', () => {
    const PSYCH = 'Region Hovedstadens Psykiatri';
    const GP = 'Lægehuset Vestergade, Demoby';
    let docPsych: string;
    let docGp: string;

    async function healthDocsOfMartin() {
      const { db } = await testDatabase();
      return db.selectFrom('health_document').select(['id', 'source']).where('municipality_id', '=', m.id).where('citizen_id', '=', martin.id).execute();
    }

    it("a document from a source Martin has not consented to (withdrawn 2026-06-15, or never given) is refused 422 and nothing is stored", async () => {
      const jonas = users.jonas!;
      for (const source of [PSYCH, GP]) {
        const res = await jonas.post(`/api/citizens/${martin.id}/health-documents`, { source, kind: 'psychiatric_treatment_plan', title: 'Behandlingsplan', content: 'Indhold' });
        expect(res.statusCode, source).toBe(422);
        expect(res.json().type).toBe('https://helhed.dk/problems/no-health-consent');
        expect(res.json().errors[0].path).toBe('body.source');
      }
      expect(await healthDocsOfMartin()).toEqual([]);
      expect((await jonas.get(`/api/citizens/${martin.id}/health-documents`)).json()).toEqual({ items: [], withheld: 0 });
    });

    it('with consent given for the psychiatry, its document is received and read; consent for one source does not open another', async () => {
      const jonas = users.jonas!;
      h.clock.advance(60_000);
      const given = await jonas.post(`/api/citizens/${martin.id}/consents`, { scope: 'health_information', counterpart: PSYCH, action: 'given', form: 'paper_scanned', documentRef: 'Scannet samtykke 2026-11-23' });
      expect(given.statusCode).toBe(201);
      h.clock.advance(60_000);
      const received = await jonas.post(`/api/citizens/${martin.id}/health-documents`, { source: PSYCH, kind: 'psychiatric_treatment_plan', title: 'Behandlingsplan', content: 'Plan fra psykiatrien' });
      expect(received.statusCode).toBe(201);
      docPsych = received.json().id;
      const read = await jonas.get(`/api/health-documents/${docPsych}`);
      expect(read.statusCode).toBe(200);
      expect(read.json()).toMatchObject({ id: docPsych, source: PSYCH, content: 'Plan fra psykiatrien' });

      const other = await jonas.post(`/api/citizens/${martin.id}/health-documents`, { source: GP, kind: 'other', title: 'Journalnotat', content: 'Fra lægen' });
      expect(other.statusCode).toBe(422);
      expect((await healthDocsOfMartin()).map((d) => d.source)).toEqual([PSYCH]);

      // Now consent for the GP too, and a document from there.
      h.clock.advance(60_000);
      expect((await jonas.post(`/api/citizens/${martin.id}/consents`, { scope: 'health_information', counterpart: GP, action: 'given', form: 'digital' })).statusCode).toBe(201);
      h.clock.advance(60_000);
      const gpDoc = await jonas.post(`/api/citizens/${martin.id}/health-documents`, { source: GP, kind: 'other', title: 'Journalnotat', content: 'Fra lægen' });
      expect(gpDoc.statusCode).toBe(201);
      docGp = gpDoc.json().id;
      expect((await jonas.get(`/api/citizens/${martin.id}/health-documents`)).json()).toMatchObject({ withheld: 0, items: [{ id: docGp }, { id: docPsych }] });
    });

    it("after Martin withdraws the psychiatry consent himself, the caseworker's read is refused (consent, audited) and the list withholds it; the GP document stays readable", async () => {
      h.clock.advance(60_000);
      const martinSelf = await loginCitizen(h.app, martin.id);
      const withdrawn = await martinSelf.post(`/api/citizens/${martin.id}/consents`, { scope: 'health_information', counterpart: PSYCH, action: 'withdrawn' });
      expect(withdrawn.statusCode).toBe(201);
      expect(withdrawn.json().consent).toMatchObject({ action: 'withdrawn', counterpart: PSYCH, recordedBy: expect.stringMatching(/^Martin/) });
      h.clock.advance(60_000);

      const jonas = users.jonas!;
      const refused = await jonas.get(`/api/health-documents/${docPsych}`);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().detail).toBe(CONSENT_DETAIL);
      expect(refused.body).not.toContain('Plan fra psykiatrien');
      expect(await lastAuditOf(jonas.me.id)).toMatchObject({ outcome: 'denied', reason: 'consent', action: 'health.read', resource_id: docPsych, citizen_id: martin.id });

      const list = (await jonas.get(`/api/citizens/${martin.id}/health-documents`)).json();
      expect(list.withheld).toBe(1);
      expect(list.items.map((d: any) => d.id)).toEqual([docGp]);
      expect((await jonas.get(`/api/health-documents/${docGp}`)).statusCode).toBe(200);

      // Break-the-glass does not override a missing health consent.
      const louise = users.louise!.withHeaders({ [BREAK_GLASS]: encodeURIComponent(REASON) });
      expect((await louise.get(`/api/health-documents/${docPsych}`)).statusCode).toBe(403);
      expect(await lastAuditOf(louise.me.id)).toMatchObject({ outcome: 'denied', reason: 'consent' });
      // The document is kept; the citizen still sees his own data.
      expect((await martinSelf.get(`/api/health-documents/${docPsych}`)).statusCode).toBe(200);
    });
  });

  describe('(h) the purpose of an access', () => {
    it('helhed-purpose: complaint_handling is recorded in the audit row and shown to the citizen', async () => {
      const mette = users.mette!.withHeaders({ 'helhed-purpose': 'complaint_handling' });
      expect((await mette.get(`/api/cases/${sanne.openCaseId}`)).statusCode).toBe(200);
      expect(await lastAuditOf(mette.me.id)).toMatchObject({ purpose: 'complaint_handling', outcome: 'allowed', action: 'case.read', citizen_id: sanne.id });
      const sanneSelf = await loginCitizen(h.app, sanne.id);
      const lookups = (await sanneSelf.get('/api/me/lookups')).json().items;
      expect(lookups[0]).toMatchObject({ purpose: 'complaint_handling', purposeLabel: 'Behandling af klage' });
    });

    it('an unknown purpose is a 400 and nothing is read or audited', async () => {
      const before = await auditCount();
      const res = await users.mette!.withHeaders({ 'helhed-purpose': 'curiosity' }).get(`/api/cases/${sanne.openCaseId}`);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ type: 'https://helhed.dk/problems/unknown-purpose', errors: [{ path: 'header.helhed-purpose' }] });
      expect(res.body).not.toContain('Sanne');
      expect(await auditCount()).toBe(before);
    });
  });
});
