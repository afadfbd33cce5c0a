import { todayInCopenhagen } from '@helhed/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { inMunicipality } from '../src/db/transactions';
import { readCoordinationSummary } from '../src/services/coordination-overview';
import { testDatabase } from './support/database';
import { findCitizen, freshMunicipality, loginCitizen, loginEmployee, startHarness, type Client, type Harness } from './support/harness';

/**
 * Coordination over HTTP (SPEC C9, C10): Lotte's calendar with the conflict the
 * SPEC names, series across summer time, travel, the family calendar, partners
 * carrying interventions, new information from an import raising one task,
 * messages between citizen and caseworker, and the coherent-course survey.
 */
describe('acceptance: coordination', () => {
  let h: Harness;
  let municipalityId: string;
  let code: string;
  let ole: Client;
  let mette: Client;
  let henrik: Client;
  let lotte: { id: string; openCaseId: string | null };
  let sanne: { id: string; openCaseId: string | null };
  let lotteClient: Client;
  let lotteCase: string;

  const LOTTE_CPR = '120591-1002';
  const localTime = (iso: string) => new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  async function auditRows(citizenId: string, action: string) {
    const { db } = await testDatabase();
    return db.selectFrom('audit_log').select(['outcome', 'actor_kind', 'resource_type']).where('municipality_id', '=', municipalityId).where('citizen_id', '=', citizenId).where('action', '=', action).execute();
  }
  async function countRows(table: 'calendar_entry' | 'message' | 'survey_response' | 'task' | 'partner') {
    const { db } = await testDatabase();
    const r = await db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).where('municipality_id', '=', municipalityId).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  beforeAll(async () => {
    h = await startHarness();
    const m = await freshMunicipality();
    municipalityId = m.id;
    code = m.code;
    ole = await loginEmployee(h.app, 'ole', m.code);
    mette = await loginEmployee(h.app, 'mette', m.code);
    henrik = await loginEmployee(h.app, 'henrik', m.code);
    lotte = await findCitizen(mette, LOTTE_CPR);
    sanne = await findCitizen(mette, '190886-1004');
    lotteCase = lotte.openCaseId!;
    lotteClient = await loginCitizen(h.app, lotte.id);
  });

  it("Lotte's calendar shows the family therapist on the psychologist's and mentor's day, to mette and to Lotte", async () => {
    const res = await mette.get(`/api/cases/${lotteCase}/calendar`);
    expect(res.statusCode, res.body).toBe(200);
    const cal = res.json();
    expect(cal).toMatchObject({ from: '2026-11-23', to: '2027-01-18', rulesId: 'standard-2026' });
    const tuesday = cal.conflicts.find((c: any) => c.ruleId === 'one-conversation-a-day');
    expect(tuesday.date).toBe('2026-11-24');
    const titles = tuesday.occurrenceKeys.map((k: string) => cal.occurrences.find((o: any) => o.key === k).kindLabel);
    expect(titles).toEqual(['Familiebehandling', 'Psykolog', 'Mentor']);
    expect(tuesday.label).toBe('Flere behandlende eller støttende samtaler samme dag');
    expect(tuesday.detail).toMatch(/Familiebehandling kl\. 09\.00/);
    // the weekly family therapy recurs every Tuesday at 09:00 in the window
    const therapy = cal.occurrences.filter((o: any) => o.kind === 'family_therapy');
    expect(therapy).toHaveLength(8);
    expect(therapy.every((o: any) => localTime(o.start) === '09.00')).toBe(true);
    // the jobcenter follow-up 10 minutes after the psychologist, across town
    expect(cal.conflicts.filter((c: any) => c.kind === 'travel')).toEqual([
      expect.objectContaining({ date: '2026-11-24', gapMinutes: 10, travelMinutes: 40 }),
    ]);
    // the citizen sees the same conflicts on her own calendar
    const mine = await lotteClient.get('/api/me/calendar');
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().conflicts).toEqual(cal.conflicts);
    expect(mine.json().occurrences.find((o: any) => o.kind === 'mentor').carrier).toEqual({ kind: 'employee', name: 'Kim Andersen' });
    expect((await auditRows(lotte.id, 'calendar.read')).map((r) => r.actor_kind).sort()).toEqual(['citizen', 'employee']);
  });

  it("the work queue lists the caseload's cases with calendar conflicts; another caseworker's caseload does not show Lotte", async () => {
    const res = await mette.get('/api/caseload/calendar-conflicts');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual([expect.objectContaining({ caseId: lotteCase, citizenName: 'Lotte Frederiksen', firstConflictOn: '2026-11-24' })]);
    expect(res.json().items[0].conflicts).toBeGreaterThanOrEqual(5);
    const louise = await loginEmployee(h.app, 'louise', code);
    expect((await louise.get('/api/caseload/calendar-conflicts')).json().items.map((i: any) => i.caseId)).not.toContain(lotteCase);
  });

  it('a weekly series keeps 10:00 local time across the change to summer time', async () => {
    const created = await mette.post(`/api/cases/${lotteCase}/calendar`, {
      title: 'Samtale på jobcentret',
      kind: 'jobcenter_meeting',
      start: '2027-03-16T10:00:00+01:00',
      end: '2027-03-16T10:45:00+01:00',
      place: { name: 'Jobcenter Helhed, Rådhuspladsen 1', area: 'Centrum' },
      carrier: { text: 'Jobcentret' },
      recurrence: { frequency: 'weekly', until: '2027-04-06' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const cal = (await mette.get(`/api/cases/${lotteCase}/calendar?from=2027-03-10&to=2027-04-30`)).json();
    const series = cal.occurrences.filter((o: any) => o.entryId === created.json().entryId);
    expect(series.map((o: any) => [o.date, o.start])).toEqual([
      ['2027-03-16', '2027-03-16T09:00:00.000Z'],
      ['2027-03-23', '2027-03-23T09:00:00.000Z'],
      ['2027-03-30', '2027-03-30T08:00:00.000Z'],
      ['2027-04-06', '2027-04-06T08:00:00.000Z'],
    ]);
    expect(series.every((o: any) => localTime(o.start) === '10.00' && localTime(o.end) === '10.45')).toBe(true);
  });

  it('finds a travel conflict between areas, none within an area, and a cancelled entry stops counting', async () => {
    const caseId = sanne.openCaseId!;
    const post = (body: object) => mette.post(`/api/cases/${caseId}/calendar`, { kind: 'other', carrier: { text: 'Jobcentret' }, ...body });
    const a = await post({ title: 'Møde i jobcentret', start: '2027-02-02T09:00:00+01:00', end: '2027-02-02T10:00:00+01:00', place: { name: 'Jobcentret', area: 'Centrum' } });
    const b = await post({ title: 'Lægetid', kind: 'health', start: '2027-02-02T10:15:00+01:00', end: '2027-02-02T10:30:00+01:00', place: { name: 'Lægehuset Nordby', area: 'Nordby' } });
    const c = await post({ title: 'Samtale i biblioteket', start: '2027-02-02T11:00:00+01:00', end: '2027-02-02T11:30:00+01:00', place: { name: 'Biblioteket', area: 'Nordby' } });
    expect([a.statusCode, b.statusCode, c.statusCode]).toEqual([201, 201, 201]);
    const cal = (await mette.get(`/api/cases/${caseId}/calendar?from=2027-02-02&to=2027-02-02`)).json();
    expect(cal.conflicts.map((x: any) => [x.kind, x.gapMinutes, x.travelMinutes, x.occurrenceKeys])).toEqual([['travel', 15, 40, [a.json().key, b.json().key]]]);
    expect(cal.conflicts[0].detail).toBe('Møde i jobcentret kl. 09.00 og Lægetid kl. 10.15: 15 min. imellem, men transporten tager ca. 40 min.');
    const cancelled = await mette.post(`/api/calendar-entries/${b.json().entryId}/cancel`, { version: 1, reason: 'Lægen har flyttet tiden' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ cancelled: true, version: 2 });
    expect((await mette.post(`/api/calendar-entries/${b.json().entryId}/cancel`, { version: 1 })).statusCode).toBe(409);
    expect((await mette.get(`/api/cases/${caseId}/calendar?from=2027-02-02&to=2027-02-02`)).json().conflicts).toEqual([]);
  });

  it("the family calendar merges Lotte's and her children's; only household members; each member's read audited", async () => {
    const citizen = await findCitizen(mette, LOTTE_CPR);
    const family = (await mette.get(`/api/cases/${lotteCase}/calendar?scope=family`)).json();
    expect(family.citizens.map((c: any) => c.name.split(' ')[0])).toEqual(['Lotte', 'Emil', 'Freja', 'Noah']);
    const freja = family.citizens.find((c: any) => c.name.startsWith('Freja')).id;
    const school = family.occurrences.find((o: any) => o.kind === 'school_meeting');
    expect(school).toMatchObject({ citizenId: freja, citizenName: expect.stringMatching(/^Freja/), inConflict: false });
    // Lotte's own view has no children's entries
    expect((await mette.get(`/api/cases/${lotteCase}/calendar`)).json().occurrences.some((o: any) => o.citizenId === freja)).toBe(false);
    // two citizens only, by explicit ids
    const two = (await mette.get(`/api/cases/${lotteCase}/calendar?scope=family&citizenIds=${freja}`)).json();
    expect(two.citizens.map((c: any) => c.id).sort()).toEqual([citizen.id, freja].sort());
    expect(new Set(two.occurrences.map((o: any) => o.citizenId))).toEqual(new Set([citizen.id, freja]));
    expect((await auditRows(freja, 'calendar.read')).length).toBeGreaterThanOrEqual(2);
    // an entry for a child of the household is coordinated under the parent's case
    const forFreja = await mette.post(`/api/cases/${lotteCase}/calendar`, { citizenId: freja, title: 'Fysioterapi', kind: 'treatment', start: '2026-12-03T15:00:00+01:00', end: '2026-12-03T15:45:00+01:00' });
    expect(forFreja.statusCode, forFreja.body).toBe(201);
    // someone outside the household: refused, for reading and writing
    const outside = await mette.get(`/api/cases/${lotteCase}/calendar?scope=family&citizenIds=${sanne.id}`);
    expect(outside.statusCode).toBe(403);
    expect(outside.headers['content-type']).toMatch(/problem\+json/);
    const before = await countRows('calendar_entry');
    const wrong = await mette.post(`/api/cases/${lotteCase}/calendar`, { citizenId: sanne.id, title: 'X', kind: 'other', start: '2026-12-03T15:00:00+01:00', end: '2026-12-03T15:45:00+01:00' });
    expect(wrong.statusCode).toBe(422);
    expect(await countRows('calendar_entry')).toBe(before);
  });

  it('a partner from the register carries an intervention and a calendar entry; the citizen network is recorded', async () => {
    const partners = (await mette.get('/api/partners')).json().items;
    expect(partners.map((p: any) => p.name)).toContain('Demoby Frivilligcenter');
    const created = await mette.post('/api/partners', { kind: 'civil_society', name: 'Løbeklubben Demoby', area: 'Nordby', description: 'Motion og fællesskab' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().kindLabel).toBe('Civilsamfundsorganisation');
    const interventions = (await mette.get(`/api/cases/${lotteCase}/interventions`)).json().items;
    const mentor = interventions.find((i: any) => i.title === 'Mentorstøtte');
    const set = await mette.put(`/api/cases/${lotteCase}/interventions/${mentor.id}/partner`, { partnerId: created.json().id });
    expect(set.statusCode, set.body).toBe(200);
    const carriers = (await mette.get(`/api/cases/${lotteCase}/intervention-carriers`)).json().items;
    expect(carriers.find((c: any) => c.interventionId === mentor.id).partner.name).toBe('Løbeklubben Demoby');
    // the seeded anden aktør carries the job-oriented course
    expect(carriers.find((c: any) => c.title.startsWith('Jobrettet')).partner.name).toBe('Jobvejen ApS');
    const run = await mette.post(`/api/cases/${lotteCase}/calendar`, { title: 'Løbetræning', kind: 'other', interventionId: mentor.id, start: '2026-12-05T10:00:00+01:00', end: '2026-12-05T11:00:00+01:00', carrier: { partnerId: created.json().id } });
    expect(run.statusCode, run.body).toBe(201);
    expect(run.json().carrier).toEqual({ kind: 'partner', name: 'Løbeklubben Demoby' });
    const net = await mette.post(`/api/citizens/${lotte.id}/network`, { name: 'Tove Hansen', relation: 'Nabo' });
    expect(net.statusCode, net.body).toBe(201);
    expect((await mette.get(`/api/citizens/${lotte.id}/network`)).json().items.map((p: any) => p.relation)).toEqual(['Søster', 'Nabo']);
    // a citizen cannot write the register
    expect((await lotteClient.post('/api/partners', { kind: 'company', name: 'X' })).statusCode).toBe(403);
  });

  it('a new sector record for a citizen with a case raises one task for the coordinator; the same file again raises nothing', async () => {
    const HEADER = 'source_system,external_id,cpr,kind,sector,code,title,legal_basis,start_date,end_date';
    const upload = (lines: string[]) =>
      h.app.inject({ method: 'POST', url: '/api/imports/sector_records?filename=nyt.csv', headers: { cookie: ole.cookie, 'content-type': 'text/csv' }, payload: [HEADER, ...lines].join('\r\n') + '\r\n' });
    const row = (title: string) => [
      `Psykiatri,PSY-77,${LOTTE_CPR},intervention,health,psykiatrisk_behandling,${title},Sundhedsloven § 140,2026-11-20,`,
      // David has no case: no task
      `Jobcenter,JC-77,030281-1005,plan,employment,min_plan,Min Plan,LAB § 40,2026-11-20,`,
    ];
    const first = await upload(row('Ambulant psykiatrisk behandling'));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().status).toBe('committed');
    const infos = (await mette.get(`/api/cases/${lotteCase}/new-information`)).json().items;
    expect(infos).toHaveLength(1);
    expect(infos[0]).toMatchObject({ source: 'import', sector: 'health', recordKind: 'intervention', title: 'Ambulant psykiatrisk behandling', taskStatus: 'open' });
    const task = (await mette.get('/api/tasks')).json().items.find((t: any) => t.id === infos[0].taskId);
    expect(task).toMatchObject({ kind: 'new_information', title: 'Nye oplysninger (indsats): Ambulant psykiatrisk behandling', dueOn: '2026-12-03' });
    expect(task.detail).not.toMatch(/120591/);
    const tasks = await countRows('task');
    expect((await upload(row('Ambulant psykiatrisk behandling'))).json()).toMatchObject({ status: 'committed', unchanged: 2 });
    expect(await countRows('task')).toBe(tasks);
    expect((await mette.get(`/api/cases/${lotteCase}/new-information`)).json().items).toHaveLength(1);
    // a corrected record is a new version: one more task
    expect((await upload(row('Ambulant psykiatrisk behandling (udvidet)'))).json()).toMatchObject({ status: 'committed', updated: 1 });
    expect((await mette.get(`/api/cases/${lotteCase}/new-information`)).json().items).toHaveLength(2);
    expect(await countRows('task')).toBe(tasks + 1);
  });

  it('a specialist on the case flags new information by hand; the coordinator gets the task', async () => {
    const kim = await loginEmployee(h.app, 'kim', code);
    const res = await kim.post(`/api/cases/${lotteCase}/new-information`, { title: 'Lotte har fået tilbudt praktik i bageriet', note: 'Kan påvirke delmål om arbejde.' });
    expect(res.statusCode, res.body).toBe(201);
    const task = (await mette.get('/api/tasks')).json().items.find((t: any) => t.id === res.json().taskId);
    expect(task).toMatchObject({ kind: 'new_information', title: 'Nye oplysninger: Lotte har fået tilbudt praktik i bageriet' });
    expect(task.detail).toMatch(/Meldt af Kim Andersen/);
  });

  it('messages: Lotte writes, mette reads and answers, unread counts follow; another citizen is refused and it is audited', async () => {
    const started = await lotteClient.post('/api/me/messages', { subject: 'Tirsdage', body: 'Jeg kan ikke nå både familiebehandling og psykolog samme dag.' });
    expect(started.statusCode, started.body).toBe(201);
    const threadId = started.json().id;
    expect((await lotteClient.get('/api/me/messages')).json()).toMatchObject({ unread: 0, items: [{ id: threadId, messages: 1, unread: 0 }] });
    expect((await mette.get(`/api/cases/${lotteCase}/messages`)).json()).toMatchObject({ unread: 1, items: [{ id: threadId, unread: 1 }] });
    const read = (await mette.get(`/api/message-threads/${threadId}`)).json();
    expect(read.items).toEqual([expect.objectContaining({ author: 'citizen', authorName: 'Lotte Frederiksen', readAt: null })]);
    expect((await mette.get(`/api/cases/${lotteCase}/messages`)).json().unread).toBe(0);
    h.clock.advance(60_000);
    const answered = await mette.post(`/api/message-threads/${threadId}/messages`, { body: 'Tak, Lotte. Jeg flytter psykologen til torsdag.' });
    expect(answered.statusCode, answered.body).toBe(201);
    expect(answered.json().items.map((m: any) => m.author)).toEqual(['citizen', 'employee']);
    expect((await lotteClient.get('/api/me/messages')).json().unread).toBe(1);
    const mine = (await lotteClient.get(`/api/message-threads/${threadId}`)).json();
    expect(mine.items[0].readAt).not.toBeNull();
    expect((await lotteClient.get('/api/me/messages')).json().unread).toBe(0);
    // Sanne may not read or write in Lotte's thread
    const sanneClient = await loginCitizen(h.app, sanne.id);
    const denied = await sanneClient.get(`/api/message-threads/${threadId}`);
    expect(denied.statusCode).toBe(403);
    expect(denied.headers['content-type']).toMatch(/problem\+json/);
    expect((await sanneClient.post(`/api/message-threads/${threadId}/messages`, { body: 'Hej' })).statusCode).toBe(403);
    expect((await sanneClient.get('/api/me/messages')).json()).toEqual({ unread: 0, items: [] });
    const audit = await auditRows(lotte.id, 'message.read');
    expect(audit.filter((r) => r.outcome === 'denied' && r.actor_kind === 'citizen')).toHaveLength(1);
    // an unknown thread is 404
    expect((await sanneClient.get('/api/message-threads/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    // a leader reads no messages
    expect((await henrik.get(`/api/cases/${lotteCase}/messages`)).statusCode).toBe(403);
  });

  it('survey: once per quarter per citizen; leaders see only the share, and only from enough answers', async () => {
    const state = (await lotteClient.get('/api/me/survey')).json();
    expect(state).toMatchObject({ question: 'Oplever du et sammenhængende forløb?', period: '2026-Q4', answer: null });
    expect(state.options.map((o: any) => o.label)).toEqual(['Ja, i høj grad', 'Ja, i nogen grad', 'Nej, kun i mindre grad', 'Nej, slet ikke', 'Ved ikke']);
    const first = await lotteClient.post('/api/me/survey', { answer: 'yes_some', comment: 'Bedre end før' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().answer).toMatchObject({ answer: 'yes_some', label: 'Ja, i nogen grad', answeredOn: '2026-11-23' });
    const again = await lotteClient.post('/api/me/survey', { answer: 'no_little' });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toMatch(/allerede svaret/);
    let indicator = (await henrik.get('/api/indicators/coherent-course')).json();
    expect(indicator.periods).toEqual([{ period: '2026-Q4', answers: 1, counted: 1, positive: null, share: null }]);
    expect(JSON.stringify(indicator)).not.toMatch(/Lotte|Bedre/);
    const answer = async (cpr: string, answer: string) => {
      const c = await loginCitizen(h.app, (await findCitizen(mette, cpr)).id);
      expect((await c.post('/api/me/survey', { answer })).statusCode).toBe(201);
    };
    await answer('190886-1004', 'yes_high');
    await answer('141290-1007', 'no_not_at_all');
    indicator = (await henrik.get('/api/indicators/coherent-course')).json();
    expect(indicator.periods).toEqual([{ period: '2026-Q4', answers: 3, counted: 3, positive: null, share: null }]);
    // the indicators' small-numbers rule: a share from five answers
    await answer('090704-4009', 'yes_high');
    await answer('051077-1011', 'no_little');
    indicator = (await henrik.get('/api/indicators/coherent-course')).json();
    expect(indicator.periods).toEqual([{ period: '2026-Q4', answers: 5, counted: 5, positive: 3, share: 3 / 5 }]);
    expect((await mette.get('/api/indicators/coherent-course')).statusCode).toBe(403);
    expect((await lotteClient.get('/api/indicators/coherent-course')).statusCode).toBe(403);
    // a citizen without a case has nothing to answer about
    const bent = await loginCitizen(h.app, (await findCitizen(mette, '020356-0015')).id);
    expect((await bent.post('/api/me/survey', { answer: 'yes_high' })).statusCode).toBe(422);
  });

  it('bad input: 400 problem+json with field paths, and nothing changes', async () => {
    const before = await Promise.all((['calendar_entry', 'message', 'survey_response', 'partner'] as const).map(countRows));
    const cases: [Client, string, unknown, string][] = [
      [mette, `/api/cases/${lotteCase}/calendar`, { title: 'X', kind: 'other', start: '2026-12-01T10:00:00+01:00', end: '2026-12-01T09:00:00+01:00' }, 'body.end'],
      [mette, `/api/cases/${lotteCase}/calendar`, { title: 'X', kind: 'dance', start: '2026-12-01T10:00:00+01:00', end: '2026-12-01T11:00:00+01:00' }, 'body.kind'],
      [mette, `/api/cases/${lotteCase}/calendar`, { title: 'X', kind: 'other', start: '2026-12-01T10:00:00+01:00', end: '2026-12-01T11:00:00+01:00', recurrence: { frequency: 'weekly', until: '2026-11-01' } }, 'body.recurrence.until'],
      [mette, `/api/cases/${lotteCase}/calendar`, { title: 'X', kind: 'other', start: '2026-12-01 10:00', end: '2026-12-01T11:00:00+01:00' }, 'body.start'],
      [mette, `/api/cases/${lotteCase}/calendar`, { title: 'X', kind: 'other', start: '2026-12-01T10:00:00+01:00', end: '2026-12-01T11:00:00+01:00', carrier: { text: 'a', employeeId: '00000000-0000-4000-8000-000000000000' } }, 'body.carrier'],
      [lotteClient, '/api/me/messages', { subject: 'Hej', body: 'x'.repeat(5001) }, 'body.body'],
      [lotteClient, '/api/me/messages', { subject: 'Hej', body: '   ' }, 'body.body'],
      [lotteClient, '/api/me/survey', { answer: 'maybe' }, 'body.answer'],
      [mette, '/api/partners', { kind: 'company', name: 'Firma', cvr: '123' }, 'body.cvr'],
    ];
    for (const [client, url, body, path] of cases) {
      const res = await client.post(url, body);
      expect(res.statusCode, `${url} ${res.body}`).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json().errors.map((e: any) => e.path), res.body).toContain(path);
    }
    expect((await mette.get(`/api/cases/${lotteCase}/calendar?from=2027-01-10&to=2027-01-01`)).statusCode).toBe(422);
    expect((await mette.get(`/api/cases/${lotteCase}/calendar?from=2026-01-01&to=2028-01-01`)).json().detail).toMatch(/højst vise 400 dage/);
    expect((await mette.get(`/api/cases/${lotteCase}/calendar?from=2027-02-30`)).statusCode).toBe(400);
    expect((await mette.get(`/api/cases/${lotteCase}/calendar?citizenIds=abc`)).statusCode).toBe(400);
    const unknownIntervention = await mette.post(`/api/cases/${lotteCase}/calendar`, { title: 'X', kind: 'other', interventionId: '00000000-0000-4000-8000-000000000000', start: '2026-12-01T10:00:00+01:00', end: '2026-12-01T11:00:00+01:00' });
    expect(unknownIntervention.statusCode).toBe(422);
    expect(unknownIntervention.json().errors[0].path).toBe('body.interventionId');
    expect(await Promise.all((['calendar_entry', 'message', 'survey_response', 'partner'] as const).map(countRows))).toEqual(before);
  });

  it("another municipality's caseworker finds none of it: 404 for the calendar, an entry, a thread, the network", async () => {
    const other = await freshMunicipality();
    const stranger = await loginEmployee(h.app, 'mette', other.code);
    const entryId = (await mette.get(`/api/cases/${lotteCase}/calendar`)).json().occurrences[0].entryId;
    const threadId = (await mette.get(`/api/cases/${lotteCase}/messages`)).json().items[0].id;
    for (const res of [
      await stranger.get(`/api/cases/${lotteCase}/calendar`),
      await stranger.post(`/api/calendar-entries/${entryId}/cancel`, { version: 1 }),
      await stranger.get(`/api/message-threads/${threadId}`),
      await stranger.post(`/api/message-threads/${threadId}/messages`, { body: 'Hej' }),
      await stranger.get(`/api/citizens/${lotte.id}/network`),
      await stranger.put(`/api/cases/${lotteCase}/interventions/${entryId}/partner`, { partnerId: null }),
    ]) {
      expect(res.statusCode, res.body).toBe(404);
    }
    expect((await stranger.get('/api/partners')).json().items.map((p: any) => p.name)).not.toContain('Løbeklubben Demoby');
  });

  it('the overview read: calendar with conflicts from today, unread messages, open new-information tasks, in one transaction', async () => {
    const { db } = await testDatabase();
    const summary = await inMunicipality(db, municipalityId, (tx) => readCoordinationSummary(tx, { caseId: lotteCase, citizenIds: [lotte.id] }, h.clock.now()));
    expect(summary.calendar.from).toBe(todayInCopenhagen(h.clock.now()));
    expect(summary.calendar.conflicts.some((c) => c.ruleId === 'one-conversation-a-day')).toBe(true);
    expect(summary.unreadMessages).toBe(0);
    expect(summary.openNewInformation.map((n) => n.source).sort()).toEqual(['import', 'import', 'manual']);
  });

  it('next quarter the citizen may answer again; the indicator shows each quarter', async () => {
    h.clock.current = new Date('2027-01-05T09:00:00Z');
    const again = await loginCitizen(h.app, lotte.id);
    expect((await again.get('/api/me/survey')).json()).toMatchObject({ period: '2027-Q1', answer: null });
    expect((await again.post('/api/me/survey', { answer: 'yes_high' })).statusCode).toBe(201);
    const leader = await loginEmployee(h.app, 'henrik', code);
    const periods = (await leader.get('/api/indicators/coherent-course')).json().periods;
    expect(periods.map((p: any) => [p.period, p.answers])).toEqual([['2026-Q4', 5], ['2027-Q1', 1]]);
    expect((await leader.get('/api/indicators/coherent-course?from=2027-01-01')).json().periods.map((p: any) => p.period)).toEqual(['2027-Q1']);
  });
});
