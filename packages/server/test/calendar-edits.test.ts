import { copenhagenInstant } from '@helhed/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { findCitizen, freshMunicipality, loginCitizen, loginEmployee, startHarness, type Client, type Harness } from './support/harness';
import { snapshot } from './support/snapshot';
import { expectProblem } from './support/problems';

/**
 * Editing calendar entries over HTTP (issue 4; SPEC C9.2, C10): Lotte's
 * jobcenter follow-up moved so the travel conflict goes, one Tuesday of her
 * weekly family therapy moved to Wednesday and another cancelled (exceptions,
 * not new series), the series ended early; a stale edit is refused (409) and
 * bad input changes nothing; Lotte sees every change in "Min plan".
 */

const LOTTE = '120591-1002';
const at = (date: string, time: string) => copenhagenInstant(date, time).toISOString();

describe('acceptance: editing calendar entries', () => {
  let h: Harness;
  let municipalityId: string;
  let mette: Client;
  let jonas: Client;
  let lotteClient: Client;
  let lotteCase: string;

  const calendar = async (client: Client = mette) => {
    const res = await client.get(client === lotteClient ? '/api/me/calendar' : `/api/cases/${lotteCase}/calendar`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const occurrence = async (title: string, date: string, client: Client = mette) => (await calendar(client)).occurrences.find((o: any) => o.title === title && o.seriesDate === date);
  const data = async () => {
    const { tables } = await snapshot(municipalityId);
    return { calendar_entry: tables.calendar_entry, calendar_exception: tables.calendar_exception, case_event: tables.case_event };
  };

  beforeAll(async () => {
    h = await startHarness();
    const m = await freshMunicipality();
    municipalityId = m.id;
    mette = await loginEmployee(h.app, 'mette', m.code);
    jonas = await loginEmployee(h.app, 'jonas', m.code);
    const lotte = await findCitizen(mette, LOTTE);
    lotteCase = lotte.openCaseId!;
    lotteClient = await loginCitizen(h.app, lotte.id);
  });

  it('moving the jobcenter follow-up an hour later removes the travel conflict, for the caseworker and in "Min plan"', async () => {
    const followUp = await occurrence('Opfølgning på jobrettet forløb', '2026-11-24');
    expect((await calendar()).conflicts.filter((c: any) => c.kind === 'travel')).toHaveLength(1);
    const res = await mette.patch(`/api/calendar-entries/${followUp.entryId}`, {
      version: followUp.version,
      start: at('2026-11-24', '14:40'),
      end: at('2026-11-24', '15:20'),
      place: { name: 'Jobcentret, Torvet 1', area: 'Centrum' },
      carrier: { text: 'Lone Berg, Jobvejen' },
      reason: 'Borgeren kan ikke nå det',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: followUp.version + 1, start: at('2026-11-24', '14:40'), carrier: { kind: 'text', name: 'Lone Berg, Jobvejen' }, place: { name: 'Jobcentret, Torvet 1' } });
    for (const client of [mette, lotteClient]) {
      const cal = await calendar(client);
      expect(cal.conflicts.filter((c: any) => c.kind === 'travel')).toEqual([]);
      expect(cal.occurrences.find((o: any) => o.entryId === followUp.entryId).start).toBe(at('2026-11-24', '14:40'));
    }
    const history = (await mette.get(`/api/cases/${lotteCase}/events`)).json();
    expect(JSON.stringify(history)).toMatch(/calendar_entry_changed/);
  });

  it('a stale edit (from the version before) is refused with 409 and changes nothing', async () => {
    const followUp = await occurrence('Opfølgning på jobrettet forløb', '2026-11-24');
    const before = await data();
    expectProblem(await mette.patch(`/api/calendar-entries/${followUp.entryId}`, { version: followUp.version - 1, title: 'Gammel titel' }), 409, 'stale-version');
    expect(await data()).toEqual(before);
  });

  it.each([
    ['the end before the start', { start: at('2026-11-24', '15:00'), end: at('2026-11-24', '14:00') }, 400],
    ['a start without an end', { start: at('2026-11-24', '15:00') }, 400],
    ['longer than a day', { start: at('2026-11-24', '15:00'), end: at('2026-11-26', '15:00') }, 400],
    ['an unknown field', { colour: 'red' }, 400],
    ['an employee who does not exist', { carrier: { employeeId: '00000000-0000-4000-8000-000000000000' } }, 422],
    ['two carriers at once', { carrier: { text: 'A', partnerId: '00000000-0000-4000-8000-000000000000' } }, 400],
    ['nothing to change', {}, 422],
  ])('bad input (%s) is refused with a Danish problem, and nothing changes', async (_what, changes, status) => {
    const followUp = await occurrence('Opfølgning på jobrettet forløb', '2026-11-24');
    const before = await data();
    const problem = expectProblem(await mette.patch(`/api/calendar-entries/${followUp.entryId}`, { version: followUp.version, ...changes }), status);
    expect(problem.detail.length).toBeGreaterThan(10);
    expect(await data()).toEqual(before);
  });

  it('a caseworker without a relation to Lotte cannot edit her calendar', async () => {
    const therapy = await occurrence('Familiebehandling', '2026-11-24');
    const before = await data();
    expect((await jonas.post(`/api/calendar-entries/${therapy.entryId}/occurrences`, { action: 'cancel', version: therapy.version, seriesDate: '2026-11-24' })).statusCode).toBe(403);
    expect(await data()).toEqual(before);
  });

  it('one Tuesday of the weekly family therapy moved to Wednesday: only that one moves, the conversation-a-day conflict of that Tuesday loses it', async () => {
    const therapy = await occurrence('Familiebehandling', '2026-11-24');
    const conflictOnTuesday = async () => (await calendar()).conflicts.find((c: any) => c.ruleId === 'one-conversation-a-day' && c.date === '2026-11-24');
    expect((await conflictOnTuesday()).occurrenceKeys).toContain(therapy.key);
    const res = await mette.post(`/api/calendar-entries/${therapy.entryId}/occurrences`, {
      action: 'move',
      version: therapy.version,
      seriesDate: '2026-11-24',
      start: at('2026-11-25', '09:00'),
      end: at('2026-11-25', '10:30'),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ key: therapy.key, seriesDate: '2026-11-24', date: '2026-11-25', moved: true, cancelled: false });
    expect((await conflictOnTuesday())?.occurrenceKeys ?? []).not.toContain(therapy.key);
    // the other Tuesdays keep 09:00; Lotte sees Wednesday
    const all = (await calendar(lotteClient)).occurrences.filter((o: any) => o.entryId === therapy.entryId);
    expect(all.filter((o: any) => o.moved).map((o: any) => o.date)).toEqual(['2026-11-25']);
    expect(all.filter((o: any) => !o.moved).every((o: any) => new Date(o.start).getUTCHours() === 8)).toBe(true);
    expect(all).toHaveLength(8);
  });

  it('one Tuesday cancelled and put back again; a day the series does not fall on is refused', async () => {
    let therapy = await occurrence('Familiebehandling', '2026-12-01');
    const cancelled = await mette.post(`/api/calendar-entries/${therapy.entryId}/occurrences`, { action: 'cancel', version: therapy.version, seriesDate: '2026-12-01', reason: 'Behandleren er syg' });
    expect(cancelled.json()).toMatchObject({ cancelled: true, seriesDate: '2026-12-01' });
    expect((await occurrence('Familiebehandling', '2026-12-01', lotteClient)).cancelled).toBe(true);
    therapy = await occurrence('Familiebehandling', '2026-12-01');
    const before = await data();
    expectProblem(await mette.post(`/api/calendar-entries/${therapy.entryId}/occurrences`, { action: 'cancel', version: therapy.version, seriesDate: '2026-12-02' }), 422, 'not-an-occurrence');
    expectProblem(await mette.post(`/api/calendar-entries/${therapy.entryId}/occurrences`, { action: 'cancel', version: therapy.version - 1, seriesDate: '2026-12-08' }), 409, 'stale-version');
    expect(await data()).toEqual(before);
    const restored = await mette.post(`/api/calendar-entries/${therapy.entryId}/occurrences`, { action: 'restore', version: therapy.version, seriesDate: '2026-12-01' });
    expect(restored.json()).toMatchObject({ cancelled: false, moved: false, date: '2026-12-01' });
  });

  it('the series ended from a date: no occurrences from then on; not backwards, not before it began', async () => {
    const therapy = await occurrence('Familiebehandling', '2026-12-01');
    const before = await data();
    expectProblem(await mette.post(`/api/calendar-entries/${therapy.entryId}/end-series`, { version: therapy.version, from: '2026-11-20' }), 422, 'backdated');
    expect(await data()).toEqual(before);
    const res = await mette.post(`/api/calendar-entries/${therapy.entryId}/end-series`, { version: therapy.version, from: '2026-12-15', reason: 'Forløbet afsluttes' });
    expect(res.statusCode, res.body).toBe(200);
    const left = (await calendar(lotteClient)).occurrences.filter((o: any) => o.entryId === therapy.entryId).map((o: any) => o.date);
    expect(left).toEqual(['2026-11-25', '2026-12-01', '2026-12-08']);
  });
});
