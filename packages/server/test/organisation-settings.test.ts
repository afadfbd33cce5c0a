import { beforeAll, describe, expect, it } from 'vitest';
import { findCitizen, freshMunicipality, loginCitizen, loginEmployee, startHarness, type Client, type Harness } from './support/harness';
import { tenantDataWithoutAudit } from './support/snapshot';
import { expectProblem } from './support/problems';

/**
 * Organisation data the municipality edits itself (issue 4; SPEC C6, C9, C12)
 * over HTTP: authority limits with their history, followed by visitation on
 * the day of the decision; the municipality's own calendar conflict rules,
 * used by every calendar read. Only the administrator changes them; bad input
 * and stale edits change nothing.
 */

const LOTTE = '120591-1002';
const DAY = 86_400_000;

describe('acceptance: authority limits as the municipality’s data', () => {
  let h: Harness;
  let municipalityId: string;
  let ole: Client;
  let mette: Client;
  let henrik: Client;
  let lotteCase: string;
  let familyTherapyId: string;
  let caseworkerLimit: any;
  let code: string;
  /** The next day: sessions do not last that long, so both log in again. */
  const nextDay = async () => {
    h.clock.advance(DAY);
    ole = await loginEmployee(h.app, 'ole', code);
    mette = await loginEmployee(h.app, 'mette', code);
  };

  const limits = async (on?: string) => {
    const res = await ole.get(`/api/authority-limits${on ? `?on=${on}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  /** 70 hours of family therapy at 850 kr. = 59 500 kr.: above 50 000, below 75 000. */
  const visitation = () =>
    mette.post(`/api/cases/${lotteCase}/visitations`, { catalogueItemId: familyTherapyId, plannedStart: '2026-12-14', quantity: 70, reasoning: 'Familien har brug for et længere forløb end sædvanligt.' });

  beforeAll(async () => {
    h = await startHarness();
    const m = await freshMunicipality();
    municipalityId = m.id;
    code = m.code;
    ole = await loginEmployee(h.app, 'ole', m.code);
    mette = await loginEmployee(h.app, 'mette', m.code);
    henrik = await loginEmployee(h.app, 'henrik', m.code);
    lotteCase = (await findCitizen(mette, LOTTE)).openCaseId!;
    familyTherapyId = (await mette.get('/api/catalogue')).json().items.find((i: any) => i.kind === 'bl_32_familiebehandling').id;
  });

  it('the administrator lists the limits in force with unit, role and who made them; the catalogue’s categories to choose from', async () => {
    const list = await limits();
    expect(list.on).toBe('2026-11-23');
    expect(list.items).toHaveLength(5);
    expect(list.items.every((l: any) => l.status === 'in_force' && l.validFrom === '2024-01-01' && l.validUntil === null)).toBe(true);
    caseworkerLimit = list.items.find((l: any) => l.role === 'coordinating_caseworker');
    expect(caseworkerLimit).toMatchObject({ roleLabel: 'Koordinerende sagsbehandler', category: '*', maxAmountDkk: 50_000, unitName: expect.any(String) });
    expect(list.categories).toEqual(expect.arrayContaining(['beskaeftigelse', 'boern_familie', 'individuel_stoette']));
    // the leader reads them too; neither may change them
    expect((await henrik.get('/api/authority-limits')).statusCode).toBe(200);
  });

  it('a caseworker (or a leader) can neither read nor change them: 403, and nothing changes', async () => {
    const before = await tenantDataWithoutAudit(municipalityId);
    expectProblem(await mette.get('/api/authority-limits'), 403, 'forbidden');
    expectProblem(await mette.post(`/api/authority-limits/${caseworkerLimit.id}/change`, { maxAmountDkk: 1_000_000, effectiveFrom: '2026-11-23' }), 403, 'forbidden');
    expectProblem(await henrik.post(`/api/authority-limits/${caseworkerLimit.id}/end`, { effectiveFrom: '2026-11-23' }), 403, 'forbidden');
    expectProblem(await mette.post('/api/authority-limits', { role: 'coordinating_caseworker', unitId: caseworkerLimit.unitId, category: 'bolig', maxAmountDkk: 1, validFrom: '2026-11-23' }), 403, 'forbidden');
    expectProblem(await mette.put('/api/conflict-rules', { version: 0, rules: null }), 403, 'forbidden');
    expect(await tenantDataWithoutAudit(municipalityId)).toEqual(before);
  });

  it.each([
    ['a negative amount', 'change', { maxAmountDkk: -1, effectiveFrom: '2026-11-24' }, 400, 'validation'],
    ['more than two decimals', 'change', { maxAmountDkk: 10.005, effectiveFrom: '2026-11-24' }, 400, 'validation'],
    ['no date', 'change', { maxAmountDkk: 60_000 }, 400, 'validation'],
    ['an unknown field', 'end', { effectiveFrom: '2026-11-24', amount: 1 }, 400, 'validation'],
    ['a date that does not exist', 'end', { effectiveFrom: '2026-02-30' }, 400, 'validation'],
    ['backwards', 'change', { maxAmountDkk: 60_000, effectiveFrom: '2026-11-22' }, 422, 'backdated'],
    ['the same amount', 'change', { maxAmountDkk: 50_000, effectiveFrom: '2026-11-24' }, 422, 'unchanged'],
    ['ending backwards', 'end', { effectiveFrom: '2026-11-01' }, 422, 'backdated'],
  ])('bad input (%s) is refused with a Danish problem, and nothing changes', async (_what, verb, body, status, type) => {
    const before = await tenantDataWithoutAudit(municipalityId);
    const problem = expectProblem(await ole.post(`/api/authority-limits/${caseworkerLimit.id}/${verb}`, body), status, type);
    expect(problem.detail).toMatch(/[æøå]|Ugyldige|oplysninger|dato|Beløb/i);
    expect(await tenantDataWithoutAudit(municipalityId)).toEqual(before);
  });

  it.each([
    ['an unknown unit', { unitId: '00000000-0000-4000-8000-000000000000', category: 'bolig' }, 422, /Enheden findes ikke/],
    ['a category the catalogue does not have', { category: 'rumrejser' }, 422, /ingen indsatser i kategorien/],
    ['a second limit for the same role, unit and category', { category: '*' }, 409, /har allerede en grænse/],
    ['from yesterday', { category: 'bolig', validFrom: '2026-11-22' }, 422, /bagud/],
  ])('a new limit with %s is refused, and nothing changes', async (_what, changes, status, message) => {
    const before = await tenantDataWithoutAudit(municipalityId);
    const body = { role: 'coordinating_caseworker', unitId: caseworkerLimit.unitId, maxAmountDkk: 10_000, validFrom: '2026-11-23', ...changes };
    expect(expectProblem(await ole.post('/api/authority-limits', body), status).detail).toMatch(message);
    expect(await tenantDataWithoutAudit(municipalityId)).toEqual(before);
  });

  it('a change from tomorrow: today visitation still judges by 50 000 (forum), tomorrow by 75 000 (granted); the history keeps both', async () => {
    expect((await visitation()).json()).toMatchObject({ outcome: 'forum', authorityMaxDkk: 50_000 });
    const changed = await ole.post(`/api/authority-limits/${caseworkerLimit.id}/change`, { maxAmountDkk: 75_000, effectiveFrom: '2026-11-24', reason: 'Byrådets beslutning 19. november' });
    expect(changed.statusCode, changed.body).toBe(201);
    expect(changed.json()).toMatchObject({ maxAmountDkk: 75_000, validFrom: '2026-11-24', validUntil: null, status: 'planned', replacesId: caseworkerLimit.id, createdByName: 'Ole Brandt', reason: 'Byrådets beslutning 19. november' });
    const history = (await limits()).items.filter((l: any) => l.role === 'coordinating_caseworker');
    expect(history.map((l: any) => [l.maxAmountDkk, l.validFrom, l.validUntil, l.status])).toEqual([
      [75_000, '2026-11-24', null, 'planned'],
      [50_000, '2024-01-01', '2026-11-23', 'in_force'],
    ]);
    expect(history[1]).toMatchObject({ endedByName: 'Ole Brandt', endReason: 'Byrådets beslutning 19. november' });
    // the organisation everyone reads shows today's limit
    expect((await mette.get('/api/organisation')).json().authorityLimits.find((l: any) => l.role === 'coordinating_caseworker').maxAmountDkk).toBe(50_000);
    expect((await visitation()).json()).toMatchObject({ outcome: 'forum', authorityMaxDkk: 50_000 });

    await nextDay();
    expect((await visitation()).json()).toMatchObject({ outcome: 'granted', authorityMaxDkk: 75_000 });
    // the old row is history now: changing it again is a conflict, not a rewrite
    expectProblem(await ole.post(`/api/authority-limits/${caseworkerLimit.id}/change`, { maxAmountDkk: 90_000, effectiveFrom: '2026-11-25' }), 409, 'already-ended');
    caseworkerLimit = changed.json();
  });

  it('a limit ended yesterday no longer applies today: everything goes to the forum', async () => {
    const ended = await ole.post(`/api/authority-limits/${caseworkerLimit.id}/end`, { effectiveFrom: '2026-11-25', reason: 'Ny organisering' });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ validUntil: '2026-11-24', status: 'in_force', endReason: 'Ny organisering' });
    expect((await visitation()).json()).toMatchObject({ outcome: 'granted' });

    await nextDay();
    expect((await limits()).items.find((l: any) => l.id === caseworkerLimit.id).status).toBe('ended');
    expect((await visitation()).json()).toMatchObject({ outcome: 'forum', authorityMaxDkk: null });
    // what was in force on a past day can still be read
    const then = (await limits('2026-11-23')).items.filter((l: any) => l.role === 'coordinating_caseworker' && l.status === 'in_force');
    expect(then.map((l: any) => l.maxAmountDkk)).toEqual([50_000]);
  });

  it('a new limit after the old one ended: from today it applies', async () => {
    const created = await ole.post('/api/authority-limits', { role: 'coordinating_caseworker', unitId: caseworkerLimit.unitId, category: '*', maxAmountDkk: 60_000, validFrom: '2026-11-25' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ status: 'in_force', replacesId: null });
    expect((await visitation()).json()).toMatchObject({ outcome: 'granted', authorityMaxDkk: 60_000 });
  });
});

describe('acceptance: the municipality’s calendar conflict rules', () => {
  let h: Harness;
  let municipalityId: string;
  let ole: Client;
  let mette: Client;
  let lotteClient: Client;
  let lotteCase: string;
  let otherOle: Client;

  const sameDayConflicts = async (client: Client, path: string) => {
    const cal = (await client.get(path)).json();
    return { rulesId: cal.rulesId, ids: [...new Set(cal.conflicts.filter((c: any) => c.kind === 'same_day').map((c: any) => c.ruleId))].sort() };
  };

  beforeAll(async () => {
    h = await startHarness();
    const m = await freshMunicipality();
    municipalityId = m.id;
    ole = await loginEmployee(h.app, 'ole', m.code);
    mette = await loginEmployee(h.app, 'mette', m.code);
    const lotte = await findCitizen(mette, LOTTE);
    lotteCase = lotte.openCaseId!;
    lotteClient = await loginCitizen(h.app, lotte.id);
    otherOle = await loginEmployee(h.app, 'ole', (await freshMunicipality()).code);
  });

  it('the standard rules apply until the municipality sets its own', async () => {
    const setting = (await ole.get('/api/conflict-rules')).json();
    expect(setting).toMatchObject({ version: 0, rulesId: 'standard-2026', standard: true, history: [] });
    expect(setting.rules).toEqual(setting.standardRules);
    expect(await sameDayConflicts(mette, `/api/cases/${lotteCase}/calendar`)).toEqual({ rulesId: 'standard-2026', ids: ['one-conversation-a-day', 'three-appointments-a-day'] });
  });

  it.each([
    ['no conversations allowed (0 a day)', (r: any) => ({ ...r, sameDay: [{ ...r.sameDay[0], maxPerDay: 0 }] }), 400],
    ['an unknown kind of appointment', (r: any) => ({ ...r, sameDay: [{ ...r.sameDay[0], kinds: ['tandlæge'] }] }), 400],
    ['travel time of five hours', (r: any) => ({ ...r, travel: { ...r.travel, differentAreaMinutes: 300 } }), 400],
    ['within an area slower than between areas', (r: any) => ({ ...r, travel: { ...r.travel, sameAreaMinutes: 50 } }), 422],
    ['two rules with one name', (r: any) => ({ ...r, sameDay: [r.sameDay[0], { ...r.sameDay[1], label: r.sameDay[0].label }] }), 422],
  ])('bad rules (%s) are refused, and nothing changes', async (_what, edit, status) => {
    const before = await tenantDataWithoutAudit(municipalityId);
    const { standardRules } = (await ole.get('/api/conflict-rules')).json();
    expectProblem(await ole.put('/api/conflict-rules', { version: 0, rules: edit(standardRules) }), status);
    expect(await tenantDataWithoutAudit(municipalityId)).toEqual(before);
  });

  it('the municipality allows two conversations a day and asks for 15 minutes between appointments: every calendar read follows, the citizen’s too', async () => {
    const { standardRules } = (await ole.get('/api/conflict-rules')).json();
    const rules = { ...standardRules, sameDay: [{ ...standardRules.sameDay[0], maxPerDay: 2 }, standardRules.sameDay[1]], minimumGapMinutes: 15 };
    const res = await ole.put('/api/conflict-rules', { version: 0, rules, reason: 'Aftalt i styregruppen' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: 1, rulesId: 'kommune-v1', standard: false, history: [{ version: 1, createdByName: 'Ole Brandt', reason: 'Aftalt i styregruppen' }] });
    // Lotte's Tuesday has three conversations: still one too many for two a day
    const cal = (await mette.get(`/api/cases/${lotteCase}/calendar`)).json();
    expect(cal.rulesId).toBe('kommune-v1');
    expect(cal.conflicts.find((c: any) => c.ruleId === 'one-conversation-a-day').occurrenceKeys).toHaveLength(3);
    expect((await lotteClient.get('/api/me/calendar')).json().rulesId).toBe('kommune-v1');
    // the overview (the case page's one call) and the work queue's conflicts read the same rules
    expect((await mette.get(`/api/cases/${lotteCase}/overview`)).json().calendar.rulesId).toBe('kommune-v1');
    // another municipality keeps the standard rules
    expect((await otherOle.get('/api/conflict-rules')).json()).toMatchObject({ version: 0, standard: true });
  });

  it('three a day: the conflict is gone; an edit from an old version is refused (409) and changes nothing', async () => {
    const current = (await ole.get('/api/conflict-rules')).json();
    const rules = { ...current.rules, sameDay: [{ ...current.rules.sameDay[0], maxPerDay: 3 }, current.rules.sameDay[1]] };
    expect((await ole.put('/api/conflict-rules', { version: 1, rules })).statusCode).toBe(200);
    expect(await sameDayConflicts(lotteClient, '/api/me/calendar')).toEqual({ rulesId: 'kommune-v2', ids: ['three-appointments-a-day'] });
    const before = await tenantDataWithoutAudit(municipalityId);
    expectProblem(await ole.put('/api/conflict-rules', { version: 1, rules: null }), 409, 'stale-version');
    expect(await tenantDataWithoutAudit(municipalityId)).toEqual(before);
  });

  it('back to the standard rules: a new version, the earlier ones kept', async () => {
    const res = await ole.put('/api/conflict-rules', { version: 2, rules: null, reason: 'Tilbage til standard' });
    expect(res.json()).toMatchObject({ version: 3, rulesId: 'standard-2026', standard: true });
    expect(res.json().history.map((x: any) => [x.version, x.rulesId])).toEqual([
      [3, 'standard-2026'],
      [2, 'kommune-v2'],
      [1, 'kommune-v1'],
    ]);
    expect(await sameDayConflicts(mette, `/api/cases/${lotteCase}/calendar`)).toEqual({ rulesId: 'standard-2026', ids: ['one-conversation-a-day', 'three-appointments-a-day'] });
  });
});
