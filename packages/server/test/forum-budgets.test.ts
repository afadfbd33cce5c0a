import { beforeAll, describe, expect, it } from 'vitest';
import { freshMunicipality, loginEmployee, startHarness, type Client, type Harness } from './support/harness';
import { tenantDataWithoutAudit } from './support/snapshot';
import { expectProblem } from './support/problems';

/**
 * The visitation forum's budget as the municipality's data (SPEC C6, C12)
 * over HTTP: the administrator sets a period's budget and changes its amount,
 * every amount kept with who, when and why; the forum's own figures follow.
 * A change names the version it started from. Overlapping periods, a period
 * that ends before it begins, a negative amount and a budget below what the
 * forum has approved are refused in Danish, with the figures, and change
 * nothing. Only the administrator writes; leaders read.
 */

describe('acceptance: the forum budget as the municipality’s data', () => {
  let h: Harness;
  let municipalityId: string;
  let code: string;
  let ole: Client;
  let henrik: Client;
  let lene: Client;
  let mette: Client;
  let current: any;
  let forumTeamId: string;

  const periods = async (client = ole) => {
    const res = await client.get('/api/visitation-forum/budgets/periods');
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  /** what the forum itself reads: the budget in force today */
  const forumBudget = async () => (await lene.get('/api/visitation-forum/budgets')).json().items[0];

  beforeAll(async () => {
    h = await startHarness();
    const m = await freshMunicipality();
    municipalityId = m.id;
    code = m.code;
    [ole, henrik, lene, mette] = (await Promise.all(['ole', 'henrik', 'lene', 'mette'].map((u) => loginEmployee(h.app, u, code)))) as [Client, Client, Client, Client];
  });

  it('the administrator lists every period with its use and the history of its amount; the forums to choose from', async () => {
    const list = await periods();
    expect(list.today).toBe('2026-11-23');
    expect(list.forums.map((f: any) => f.name)).toEqual(['Tværgående visitationsforum']);
    forumTeamId = list.forums[0].id;
    expect(list.items.map((b: any) => [b.periodStart, b.periodEnd, b.budgetDkk, b.status, b.version])).toEqual([
      ['2027-01-01', '2027-12-31', 650_000, 'planned', 1],
      ['2026-01-01', '2026-12-31', 600_000, 'current', 1],
    ]);
    current = list.items[1];
    expect(current).toMatchObject({ grantedDkk: 0, committedDkk: 202_500, remainingDkk: 600_000 });
    expect(current.history).toEqual([{ version: 1, budgetDkk: 600_000, previousDkk: null, reason: 'Demokommunens budget', changedAt: expect.any(String), changedByName: null }]);
    // the leader reads them too
    expect((await periods(henrik)).items).toHaveLength(2);
  });

  it('a caseworker cannot read them; neither a caseworker, a leader nor the forum may set or change a budget: 403, and nothing changes', async () => {
    const before = await tenantDataWithoutAudit(municipalityId);
    expectProblem(await mette.get('/api/visitation-forum/budgets/periods'), 403, 'forbidden');
    for (const who of [mette, henrik, lene]) {
      expectProblem(await who.patch(`/api/visitation-forum/budgets/${current.id}`, { version: 1, budgetDkk: 1_000_000, reason: 'Mere til forummet' }), 403, 'forbidden');
      expectProblem(await who.post('/api/visitation-forum/budgets', { forumTeamId, periodStart: '2028-01-01', periodEnd: '2028-12-31', budgetDkk: 1 }), 403, 'forbidden');
    }
    expect(await tenantDataWithoutAudit(municipalityId)).toEqual(before);
  });

  it.each([
    ['a negative amount', { budgetDkk: -1 }, 400, 'validation', /negativt/],
    ['more than two decimals', { budgetDkk: 10.005 }, 400, 'validation', /to decimaler/],
    ['no reason', { reason: undefined }, 400, 'validation', /Ugyldige|reason/],
    ['no version', { version: undefined }, 400, 'validation', /Ugyldige|version/],
    ['the same amount', { budgetDkk: 600_000 }, 422, 'unchanged', /allerede på 600\.000 kr\. – skriv/],
    ['a stale version', { version: 2 }, 409, 'stale-version', /ændret af en anden.*600\.000 kr\./],
  ])('a change with %s is refused in Danish, and nothing changes', async (_what, changes, status, type, message) => {
    const before = await tenantDataWithoutAudit(municipalityId);
    const body = { version: 1, budgetDkk: 700_000, reason: 'Byrådets budgetforlig', ...changes };
    const problem = expectProblem(await ole.patch(`/api/visitation-forum/budgets/${current.id}`, body), status, type);
    expect(JSON.stringify(problem)).toMatch(message);
    expect(await tenantDataWithoutAudit(municipalityId)).toEqual(before);
  });

  it.each([
    ['a period that ends before it begins', { periodStart: '2028-12-31', periodEnd: '2028-01-01' }, 422, 'before-start', /slutter, før den begynder/],
    ['a period that is over', { periodStart: '2025-01-01', periodEnd: '2025-12-31' }, 422, 'backdated', /allerede slut/],
    ['a period overlapping the next year’s', { periodStart: '2027-07-01', periodEnd: '2028-06-30' }, 409, 'budget-overlap', /1\. januar 2027 – 31\. december 2027, som overlapper/],
    ['a negative amount', { budgetDkk: -5 }, 400, 'validation', /negativt/],
    ['an unknown forum', { forumTeamId: '00000000-0000-4000-8000-000000000000' }, 422, 'validation', /findes ikke/],
  ])('a new period with %s is refused in Danish, and nothing changes', async (_what, changes, status, type, message) => {
    const before = await tenantDataWithoutAudit(municipalityId);
    const body = { forumTeamId, periodStart: '2028-01-01', periodEnd: '2028-12-31', budgetDkk: 700_000, ...changes };
    const problem = expectProblem(await ole.post('/api/visitation-forum/budgets', body), status, type);
    expect(JSON.stringify(problem)).toMatch(message);
    expect(await tenantDataWithoutAudit(municipalityId)).toEqual(before);
  });

  it('raising the current period’s budget: a new version with who and why, and the forum’s figures follow', async () => {
    const res = await ole.patch(`/api/visitation-forum/budgets/${current.id}`, { version: 1, budgetDkk: 750_000, reason: 'Byrådets budgetforlig 12. november' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: current.id, version: 2, budgetDkk: 750_000, grantedDkk: 0, committedDkk: 202_500, remainingDkk: 750_000, uncommittedDkk: 547_500, status: 'current' });
    expect(res.json().history.map((c: any) => [c.version, c.budgetDkk, c.previousDkk, c.changedByName, c.reason])).toEqual([
      [2, 750_000, 600_000, 'Ole Brandt', 'Byrådets budgetforlig 12. november'],
      [1, 600_000, null, null, 'Demokommunens budget'],
    ]);
    expect(await forumBudget()).toMatchObject({ id: current.id, budgetDkk: 750_000, remainingDkk: 750_000, version: 2 });
    // the screen that still shows version 1 cannot overwrite it
    expectProblem(await ole.patch(`/api/visitation-forum/budgets/${current.id}`, { version: 1, budgetDkk: 800_000, reason: 'Gammel skærm' }), 409, 'stale-version');
    current = res.json();
  });

  it('after an approval, the budget cannot go below what the forum has approved — the message says the figures; down to it, it can', async () => {
    const martin = (await lene.get('/api/visitation-forum/requests')).json().items.find((q: any) => q.status === 'pending' && q.costDkk === 135_000);
    const approved = await lene.post(`/api/visitation-forum/requests/${martin.id}/decision`, { decision: 'approved', reasoning: 'Et stabilt ophold er afgørende for behandlingen.' });
    expect(approved.statusCode, approved.body).toBe(200);
    const before = await tenantDataWithoutAudit(municipalityId);
    const refused = expectProblem(await ole.patch(`/api/visitation-forum/budgets/${current.id}`, { version: 2, budgetDkk: 100_000, reason: 'Besparelse' }), 409, 'below-granted');
    expect(refused.detail).toBe(
      'Budgettet kan ikke sættes til 100.000 kr.: forummet har allerede godkendt 135.000 kr. i perioden 1. januar 2026 – 31. december 2026. Budgettet skal være mindst 135.000 kr.',
    );
    expect(await tenantDataWithoutAudit(municipalityId)).toEqual(before);

    // Below what is approved and pending together is allowed: the forum may still reject the pending request.
    const lowered = await ole.patch(`/api/visitation-forum/budgets/${current.id}`, { version: 2, budgetDkk: 150_000, reason: 'Besparelse i december' });
    expect(lowered.statusCode, lowered.body).toBe(200);
    expect(lowered.json()).toMatchObject({ version: 3, budgetDkk: 150_000, grantedDkk: 135_000, committedDkk: 67_500, remainingDkk: 15_000, uncommittedDkk: -52_500 });
    current = lowered.json();
    // and the forum cannot approve beyond what is left
    const kenneth = (await lene.get('/api/visitation-forum/requests')).json().items.find((q: any) => q.status === 'pending' && q.costDkk === 67_500);
    expectProblem(await lene.post(`/api/visitation-forum/requests/${kenneth.id}/decision`, { decision: 'approved', reasoning: 'Vi vil gerne give de ekstra timer.' }), 409, 'budget-exceeded');
  });

  it('a new period after the others: its first amount is history too; two administrators changing at once — one wins, the other is stale', async () => {
    const made = await ole.post('/api/visitation-forum/budgets', { forumTeamId, periodStart: '2028-01-01', periodEnd: '2028-12-31', budgetDkk: 700_000.99, reason: 'Budget 2028' });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ status: 'planned', version: 1, budgetDkk: 700_000.99, history: [{ version: 1, previousDkk: null, changedByName: 'Ole Brandt', reason: 'Budget 2028' }] });
    const results = await Promise.all(
      [710_000, 720_000].map((budgetDkk) => ole.patch(`/api/visitation-forum/budgets/${made.json().id}`, { version: 1, budgetDkk, reason: 'Samtidig ændring' })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const after = (await periods()).items.find((b: any) => b.id === made.json().id);
    expect(after.version).toBe(2);
    expect(after.history).toHaveLength(2);
  });

  it('a period that is over is history: its amount is not changed', async () => {
    h.clock.advance(60 * 86_400_000);
    // sessions do not last that long: log in again
    ole = await loginEmployee(h.app, 'ole', code);
    const before = await tenantDataWithoutAudit(municipalityId);
    expect(expectProblem(await ole.patch(`/api/visitation-forum/budgets/${current.id}`, { version: current.version, budgetDkk: 200_000, reason: 'For sent' }), 409, 'period-ended').detail).toMatch(/er slut, og dens budget er historik/);
    expect(await tenantDataWithoutAudit(municipalityId)).toEqual(before);
    expect((await periods()).items.find((b: any) => b.id === current.id).status).toBe('ended');
  });
});
