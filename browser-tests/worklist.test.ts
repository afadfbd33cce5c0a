/**
 * Issue 6 in a real browser: the coordinating caseworker's work queue, a
 * complaint from a phone call through reassessment to Ankestyrelsen's
 * result, a citizen's message answered, the visitation forum approving
 * and rejecting against its budget, and the administrator changing that
 * budget on the Organisation page. Independent of the other files' order:
 * mette works on her own citizen, registered here at an outreach site; the
 * forum decides the two requests the demo seeds (no other test touches them).
 */
import { addDays, danishKroner, todayInCopenhagen } from '@helhed/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { api, checkAndPhotograph, expectAccessible, launch, loginAs, newPage, pageProblems, screenMunicipality, screenshotOf, settled, VIEWPORTS } from './browser';

const CITIZEN = 'Jens Worm Kjeldsen';
const CPR = '030385-1123';

let browser: Browser;
let caseId: string;
let citizenId: string;
let threadId: string;

const today = () => todayInCopenhagen(new Date());
const plusDays = (n: number) => addDays(today(), n);



/** What mette's week holds for her own citizen, made the way the API is used: outreach, consent, visitation, plan, calendar, decision, new information, and the citizen's message. */
async function setUpTheCase(): Promise<void> {
  const { context, page } = await newPage(browser, 'desktop');
  await loginAs(page, { username: 'mette' });
  const reg = await api(page, 'post', '/api/outreach/registrations', { cpr: CPR, name: CITIZEN, site: 'Værestedet Havnen', needs: ['housing', 'substance_abuse'] });
  caseId = reg.caseId;
  citizenId = reg.citizenId;
  await api(page, 'post', `/api/citizens/${citizenId}/consents`, { scope: 'holistic_effort', action: 'given', form: 'paper_scanned', documentRef: 'Scannet samtykke fra værestedet' });
  const catalogue = Object.fromEntries(((await api(page, 'get', '/api/catalogue')).items as { kind: string; id: string }[]).map((i) => [i.kind, i.id]));
  // granted three days ago, never started
  await api(page, 'post', `/api/cases/${caseId}/visitations`, { catalogueItemId: catalogue.sel_101, plannedStart: plusDays(-3), quantity: 10 });
  // a part of the decision that cannot be appealed
  await api(page, 'post', `/api/cases/${caseId}/interventions`, { title: 'Målgruppevurdering til FGU', sector: 'education', legalBasis: 'Lov om forberedende grunduddannelse § 2 (målgruppevurdering)', status: 'planned' });
  await api(page, 'put', `/api/cases/${caseId}/plan`, {
    version: 0,
    reason: 'Første plan, lavet med Jens på værestedet.',
    startDate: today(),
    overallGoal: { citizenWords: 'Jeg vil have et sted at bo og holde mig fra stofferne.' },
    subGoals: [{ title: 'Egen bolig', citizenWords: 'Jeg vil have min egen lejlighed.', domain: 'housing', goalType: 'develop', priority: 1, followUpDate: today() }],
  });
  const tomorrow = plusDays(1);
  await api(page, 'post', `/api/cases/${caseId}/calendar`, { title: 'Samtale hos psykolog', kind: 'psychologist', start: `${tomorrow}T09:00:00.000Z`, end: `${tomorrow}T10:00:00.000Z` });
  await api(page, 'post', `/api/cases/${caseId}/calendar`, { title: 'Mentormøde', kind: 'mentor', start: `${tomorrow}T12:00:00.000Z`, end: `${tomorrow}T13:00:00.000Z` });
  const draft = (await api(page, 'post', `/api/cases/${caseId}/decisions`, { reasoning: 'Du får en samlet indsats, så du kan få en bolig og holde fast i behandlingen.' })).items[0];
  const reasoned = await api(page, 'patch', `/api/decisions/${draft.id}`, {
    version: draft.version,
    elements: draft.elements.map((e: { interventionId: string }) => ({ interventionId: e.interventionId, reasoning: 'Indsatsen passer til dit mål om en stabil hverdag.' })),
  });
  await api(page, 'post', `/api/decisions/${draft.id}/issue`, { version: reasoned.version, channel: 'digital_post' }, 200);
  await api(page, 'post', `/api/cases/${caseId}/new-information`, { title: 'Jens er skrevet op til en almen bolig', note: 'Kan flytte ind om tre måneder.' });
  await context.close();

  const jens = await newPage(browser, 'phone');
  await loginAs(jens.page, { citizenName: CITIZEN });
  threadId = (await api(jens.page, 'post', '/api/me/messages', { subject: 'Mødet i morgen', body: 'Jeg kan ikke komme til både psykologen og mentoren i morgen. Kan vi flytte en af dem?' })).id;
  await jens.context.close();
}

beforeAll(async () => {
  browser = await launch();
  await screenMunicipality(browser);
  await setUpTheCase();
});
afterAll(async () => {
  await browser?.close();
});

/** Mette's work-queue items about the test citizen, with every item shown. */
async function myItems(page: Page) {
  await page.goto('/');
  const queue = page.getByRole('region', { name: 'Arbejdsliste' });
  await queue.locator('.work-list').waitFor();
  await settled(page);
  const more = queue.getByRole('button', { name: /^Vis alle/ });
  if (await more.isVisible()) await more.click();
  return { queue, items: queue.locator('.work-list > li').filter({ hasText: CITIZEN }) };
}

describe('the coordinating caseworker’s week', () => {
  test('mette registers a complaint from a phone call: a part that cannot be appealed is refused with the reason; the complaint page shows its deadlines', async () => {
    const { context, page } = await newPage(browser, 'desktop');
    await loginAs(page, { username: 'mette' });
    await page.goto(`/sager/${caseId}`);
    await page.getByRole('heading', { level: 1, name: CITIZEN }).waitFor();
    await settled(page);
    const decisions = page.getByRole('region', { name: 'Afgørelser og klager' });
    await decisions.getByRole('button', { name: 'Registrér en klage fra brev, telefon eller e-mail' }).click();
    const form = decisions.getByRole('form', { name: 'Registrér en klage' });
    await form.getByRole('group', { name: 'Hvordan er klagen modtaget?' }).getByLabel('Telefon').check();
    await form.getByRole('group', { name: 'Hvad klager borgeren over?' }).getByLabel('En eller flere dele af den').check();
    await form.getByLabel(/Målgruppevurdering til FGU/).check();
    await form.getByLabel('Borgerens klage').fill('Jens ringede: han er uenig i vurderingen til FGU og i behandlingen.');
    await expectAccessible(page, 'the complaint registration form');
    await form.getByRole('button', { name: 'Registrér klagen' }).click();
    // the server's reason, shown as it is; nothing registered
    await form.getByRole('alert').filter({ hasText: /FGU/ }).waitFor();
    expect(await form.getByRole('alert').textContent()).toMatch(/kan ikke påklages/i);
    await screenshotOf(decisions, 'worklist-register-complaint-refused-1280');
    expect((await api(page, 'get', `/api/cases/${caseId}/complaints`)).items).toEqual([]);

    await form.getByRole('group', { name: 'Hvad klager borgeren over?' }).getByLabel('Hele afgørelsen').check();
    await form.getByRole('button', { name: 'Registrér klagen' }).click();
    await page.getByRole('heading', { level: 1, name: `Klage: ${CITIZEN}` }).waitFor();
    await settled(page);
    expect(page.url()).toMatch(/\/klager\/[0-9a-f-]{36}$/);
    const deadlines = page.getByRole('region', { name: 'Frister' });
    await deadlines.getByText('Klagen kom inden fristen.').waitFor();
    await deadlines.getByText(/^Frist om \d+ dage$/).waitFor();
    const facts = page.getByRole('region', { name: 'Klagen' });
    await facts.getByText(/Telefon, registreret af kommunen/).waitFor();
    // a part that cannot be appealed is not covered, with the reason
    await facts.getByText(/Målgruppevurdering til FGU: .*/).waitFor();
    expect(await page.title()).toBe(`Klage: ${CITIZEN} – Helhed`);
    await checkAndPhotograph(page, 'worklist-complaint-received', 'a received complaint');
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  test("mette's work queue shows every kind of work, most pressing first, marked in words; the candidates wait too", async () => {
    const { context, page } = await newPage(browser, 'desktop');
    await loginAs(page, { username: 'mette' });
    const { queue, items } = await myItems(page);
    const kinds = await items.locator('.work-kind').allTextContents();
    expect(new Set(kinds)).toEqual(new Set(['Klage: genvurdering', 'Opgave', 'Besked fra borgeren', 'Aftalt, men ikke startet', 'Opfølgning på mål', 'Konflikt i kalenderen']));
    // urgency in words as well as colour: overdue, this week, no deadline, later
    const byKind = (label: string) => items.filter({ has: page.locator('.work-kind', { hasText: label }) });
    expect(await byKind('Aftalt, men ikke startet').locator('.badge').textContent()).toBe('Overskredet');
    expect(await byKind('Aftalt, men ikke startet').textContent()).toMatch(/3 dage over fristen/);
    expect(await byKind('Opfølgning på mål').locator('.badge').textContent()).toBe('Frist denne uge');
    expect(await byKind('Opfølgning på mål').textContent()).toMatch(/\(i dag\)/);
    expect(await byKind('Besked fra borgeren').locator('.badge').textContent()).toBe('Uden frist');
    expect(await byKind('Klage: genvurdering').textContent()).toMatch(/modtaget pr\. telefon/);
    // one prioritised list: overdue before this week before no deadline before later
    const order = ['Overskredet', 'Frist denne uge', 'Uden frist', 'Senere frist'];
    const ranks = (await queue.locator('.work-list > li .item-title .badge').allTextContents()).map((b) => order.indexOf(b));
    expect(ranks.every((r) => r >= 0)).toBe(true);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    await queue.getByText(/borgere? i målgruppen venter på en vurdering/).waitFor();
    await queue.getByRole('link', { name: 'Se arbejdskøen for målgruppen' }).waitFor();
    await checkAndPhotograph(page, 'worklist-overview', 'the work queue');

    // an item leads to where the work is done
    await byKind('Klage: genvurdering').getByRole('link', { name: /^Behandl klagen/ }).click();
    await page.getByRole('heading', { level: 1, name: `Klage: ${CITIZEN}` }).waitFor();
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  test("mette upholds the decision, collects the case file for Ankestyrelsen and records its result", async () => {
    const { context, page } = await newPage(browser, 'desktop');
    await loginAs(page, { username: 'mette' });
    const { items } = await myItems(page);
    await items.filter({ hasText: 'Klage: genvurdering' }).getByRole('link', { name: /^Behandl klagen/ }).click();
    await page.getByRole('heading', { level: 1, name: `Klage: ${CITIZEN}` }).waitFor();
    await settled(page);
    const reassessment = page.getByRole('region', { name: 'Genvurdering' });
    // bad input: no outcome → a Danish message, nothing changed
    await reassessment.getByRole('button', { name: 'Gem genvurderingen' }).click();
    await reassessment.getByRole('alert').filter({ hasText: /Vælg, om afgørelsen ændres eller fastholdes/ }).waitFor();
    await reassessment.getByLabel(/Afgørelsen fastholdes/).check();
    await reassessment.getByLabel('Begrundelse for genvurderingen').fill('Vurderingen til FGU og behandlingen er i orden; kommunen fastholder afgørelsen.');
    await reassessment.getByRole('button', { name: 'Fasthold og send til Ankestyrelsen' }).click();
    await reassessment.getByRole('status').filter({ hasText: /Kommunen har fastholdt afgørelsen.*sendt til Ankestyrelsen/ }).waitFor();

    const appeal = page.getByRole('region', { name: 'Ankestyrelsen' });
    await appeal.getByRole('button', { name: 'Saml sagens akter til Ankestyrelsen' }).click();
    const index = appeal.getByRole('table', { name: /Aktfortegnelse/ });
    await index.waitFor();
    expect(await index.locator('tbody tr').count()).toBeGreaterThan(2);
    await appeal.getByRole('link', { name: 'Gem akterne som fil (JSON)' }).waitFor();
    await checkAndPhotograph(page, 'worklist-complaint-upheld', 'an upheld complaint with the case file');

    await appeal.getByRole('group', { name: 'Ankestyrelsens resultat' }).getByLabel(/^Stadfæstet/).check();
    await appeal.getByLabel('Note (valgfri)').fill('Ankestyrelsen giver kommunen ret i alle dele.');
    await appeal.getByRole('button', { name: 'Registrér resultatet' }).click();
    await appeal.getByRole('status').filter({ hasText: 'Ankestyrelsens afgørelse er registreret: Stadfæstet' }).waitFor();
    await page.getByText('Afsluttet', { exact: true }).waitFor();
    await page.getByRole('region', { name: 'Frister' }).getByText(/Ankestyrelsens afgørelse: Stadfæstet/).waitFor();
    await checkAndPhotograph(page, 'worklist-complaint-closed', 'a closed complaint');

    const complaints = (await api(page, 'get', `/api/cases/${caseId}/complaints`)).items;
    expect(complaints).toEqual([expect.objectContaining({ status: 'closed', channel: 'phone', reassessment: expect.objectContaining({ outcome: 'uphold' }), appealResult: expect.objectContaining({ result: 'stadfaestet' }) })]);
    // done work leaves the queue
    const { items: after } = await myItems(page);
    expect(await after.filter({ hasText: 'Klage: genvurdering' }).count()).toBe(0);
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  test("mette answers the citizen's message on a tablet: the thread opens from the work queue, the unread mark goes", async () => {
    const { context, page } = await newPage(browser, 'tablet');
    await loginAs(page, { username: 'mette' });
    const { items } = await myItems(page);
    await items.filter({ hasText: 'Besked fra borgeren' }).getByRole('link', { name: /^Læs og svar/ }).click();
    await page.getByRole('heading', { level: 1, name: CITIZEN }).waitFor();
    expect(page.url()).toContain(`traad=${threadId}`);
    const messages = page.getByRole('region', { name: 'Beskeder' });
    const thread = messages.getByRole('list', { name: 'Beskeder i »Mødet i morgen«' });
    await thread.getByText(/både psykologen og mentoren/).waitFor();
    await settled(page);
    await messages.getByText('Alle beskeder fra borgeren er læst.').waitFor();
    // the anchor brought the section into view
    expect(await messages.evaluate((el) => el.getBoundingClientRect().top < window.innerHeight)).toBe(true);
    await messages.getByRole('button', { name: 'Send svar' }).click();
    await messages.getByRole('alert').filter({ hasText: 'Skriv dit svar' }).waitFor();
    await messages.getByLabel('Dit svar').fill('Tak, Jens. Jeg flytter mentormødet til torsdag kl. 13.');
    await messages.getByRole('button', { name: 'Send svar' }).click();
    await thread.getByText(/flytter mentormødet til torsdag/).waitFor();
    await expectAccessible(page, 'the answered thread at 768 px');
    await screenshotOf(messages, 'worklist-messages-768');
    await page.setViewportSize(VIEWPORTS.desktop);
    await expectAccessible(page, 'the answered thread at 1280 px');
    await screenshotOf(messages, 'worklist-messages-1280');

    // a new thread to the citizen
    await messages.getByRole('button', { name: 'Skriv en ny besked til borgeren' }).click();
    await messages.getByLabel('Emne').fill('Bolig');
    await messages.getByLabel('Besked', { exact: true }).fill('Boligkontoret ringer til dig i næste uge.');
    await messages.getByRole('button', { name: 'Send beskeden' }).click();
    await messages.getByRole('list', { name: 'Beskeder i »Bolig«' }).waitFor();

    const { items: after } = await myItems(page);
    expect(await after.filter({ hasText: 'Besked fra borgeren' }).count()).toBe(0);
    // the citizen sees both answers as unread from the municipality, and answers again
    const jens = await newPage(browser, 'phone');
    await loginAs(jens.page, { citizenName: CITIZEN });
    expect((await api(jens.page, 'get', '/api/me/messages')).unread).toBe(2);
    await api(jens.page, 'post', `/api/message-threads/${threadId}/messages`, { body: 'Torsdag passer fint. Tak.' });
    await jens.context.close();
    // unread is marked in words on the case page until the thread is opened
    await page.goto(`/sager/${caseId}#beskeder`);
    await settled(page);
    await messages.getByText('1 ulæst besked fra borgeren.').waitFor();
    const unread = messages.locator('.thread-list > li').filter({ hasText: 'Mødet i morgen' });
    expect(await unread.locator('.badge').textContent()).toBe('1 ulæst');
    await unread.getByRole('button', { name: /^Åbn tråden/ }).click();
    await unread.getByText('Torsdag passer fint. Tak.').waitFor();
    await messages.getByText('Alle beskeder fra borgeren er læst.').waitFor();
    expect(await unread.locator('.badge').count()).toBe(0);
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });
});

describe('the visitation forum', () => {
  test('lene approves one request and rejects another with a reason; the budget moves and is shown', async () => {
    const { context, page } = await newPage(browser, 'desktop');
    await loginAs(page, { username: 'lene' });
    const budgetOf = async () => (await api(page, 'get', '/api/visitation-forum/budgets')).items[0] as { grantedDkk: number; committedDkk: number; remainingDkk: number };
    const before = await budgetOf();
    await page.goto('/visitationsforum');
    await page.getByRole('heading', { level: 1, name: 'Visitationsforum' }).waitFor();
    await settled(page);
    const budget = page.getByRole('region', { name: 'Budget' });
    await budget.getByRole('cell', { name: danishKroner(before.grantedDkk), exact: true }).first().waitFor();
    const queue = page.getByRole('region', { name: 'Indstillinger til forummet' });
    // by title and amount: other stories may send requests of the same kind to the forum
    const request = (title: string, amountDkk: number) => queue.locator('.item-list > li').filter({ hasText: title }).filter({ hasText: danishKroner(amountDkk) });
    const pending = (title: string, amountDkk: number) => request(title, amountDkk).filter({ hasText: 'Afventer' });
    await checkAndPhotograph(page, 'worklist-forum', 'the forum with pending requests');

    // approve Martin's temporary residence
    const stay = pending('Midlertidigt botilbud', 135_000);
    await stay.getByRole('button', { name: /^Åbn indstillingen/ }).click();
    await stay.getByText(/Martin Kristensen/).waitFor();
    await stay.getByText(/Forummets budget har .* tilbage/).waitFor();
    await expectAccessible(page, 'a request opened before the forum');
    // without a reason nothing is decided
    await stay.getByRole('button', { name: 'Godkend' }).click();
    await stay.getByRole('alert').filter({ hasText: /begrundelse/ }).waitFor();
    await stay.getByLabel('Forummets begrundelse').fill('Godkendt: et stabilt ophold er afgørende for behandlingen.');
    await stay.getByRole('button', { name: 'Godkend' }).click();
    await page.getByRole('status').filter({ hasText: /^Godkendt: Midlertidigt botilbud med døgnstøtte \(135\.000 kr\.\)\./ }).waitFor();
    const approved = await budgetOf();
    expect(approved).toMatchObject({ grantedDkk: before.grantedDkk + 135_000, committedDkk: before.committedDkk - 135_000, remainingDkk: before.remainingDkk - 135_000 });
    await budget.getByRole('cell', { name: danishKroner(approved.grantedDkk), exact: true }).first().waitFor();
    await budget.getByRole('cell', { name: danishKroner(approved.remainingDkk), exact: true }).first().waitFor();

    // reject Kenneth's hour pool with a reason: nothing granted, the commitment released
    const pool = pending('Fleksibel støtte (timepulje)', 67_500);
    await pool.getByRole('button', { name: /^Åbn indstillingen/ }).click();
    await pool.getByText(/Kenneth Poulsen/).waitFor();
    await pool.getByLabel('Forummets begrundelse').fill('Afvist: bostøtten udvides i stedet inden for den eksisterende bevilling.');
    await pool.getByRole('button', { name: 'Afvis' }).click();
    await page.getByRole('status').filter({ hasText: /^Afvist: Ekstra støttetimer/ }).waitFor();
    const rejected = await budgetOf();
    expect(rejected).toMatchObject({ grantedDkk: approved.grantedDkk, committedDkk: approved.committedDkk - 67_500, remainingDkk: approved.remainingDkk });
    await budget.getByRole('cell', { name: danishKroner(rejected.committedDkk), exact: true }).first().waitFor();
    await request('Midlertidigt botilbud', 135_000).getByText('Godkendt', { exact: true }).waitFor();
    await request('Fleksibel støtte (timepulje)', 67_500).getByText('Afvist', { exact: true }).waitFor();
    await checkAndPhotograph(page, 'worklist-forum-decided', 'the forum after its decisions');
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  test('ole raises the current period’s budget on the Organisation page and the forum sees it; lowering it below what is approved is refused in Danish', async () => {
    const admin = await newPage(browser, 'desktop');
    await loginAs(admin.page, { username: 'ole' });
    const { page } = admin;
    type Period = { id: string; forumName: string; status: string; budgetDkk: number; grantedDkk: number; remainingDkk: number };
    const currentPeriod = async () => ((await api(page, 'get', '/api/visitation-forum/budgets/periods')).items as Period[]).find((p) => p.status === 'current')!;
    const before = await currentPeriod();
    // the forum has approved something this period (the test above, at least), so there is a floor
    expect(before.grantedDkk).toBeGreaterThan(0);
    await page.goto('/organisation');
    await page.getByRole('heading', { level: 1, name: 'Organisation' }).waitFor();
    await settled(page);
    const budget = page.getByRole('region', { name: 'Visitationsforummets budget' });
    const row = budget.getByRole('row').filter({ hasText: 'Løbende' });
    await expect.poll(() => row.textContent()).toContain(danishKroner(before.budgetDkk));
    const changeForm = budget.locator('form').filter({ has: page.getByRole('heading', { name: /^Ret budgettet/ }) });

    // raise it by 100.000 kr., typed the Danish way, with the reason
    const raised = before.budgetDkk + 100_000;
    await row.getByRole('button', { name: /^Ret budget for / }).click();
    await changeForm.getByLabel('Nyt budget for hele perioden (kr.)').fill(new Intl.NumberFormat('da-DK').format(raised));
    await changeForm.getByLabel('Begrundelse').fill('Tillægsbevilling fra byrådet');
    await changeForm.getByRole('button', { name: 'Gem det nye budget' }).click();
    await budget.getByRole('status').filter({ hasText: `er nu ${danishKroner(raised)}` }).waitFor();
    await expect.poll(() => row.textContent()).toContain(danishKroner(raised));
    // the history: the new amount, from what, by whom and why
    await budget.getByRole('row').filter({ hasText: 'Tillægsbevilling fra byrådet' }).filter({ hasText: `hævet fra ${danishKroner(before.budgetDkk)}` }).filter({ hasText: 'Ole Brandt' }).waitFor();
    await checkAndPhotograph(page, 'worklist-forum-budget-raised', 'the forum budget after it was raised');

    // the forum's own page shows the new budget and what is left
    const forum = await newPage(browser, 'desktop');
    await loginAs(forum.page, { username: 'lene' });
    await forum.page.goto('/visitationsforum');
    await forum.page.getByRole('heading', { level: 1, name: 'Visitationsforum' }).waitFor();
    await settled(forum.page);
    const forumBudget = forum.page.getByRole('region', { name: 'Budget' });
    await forumBudget.getByRole('cell', { name: danishKroner(raised), exact: true }).waitFor();
    await forumBudget.getByRole('cell', { name: danishKroner(before.remainingDkk + 100_000), exact: true }).waitFor();
    expect(pageProblems(forum.page)).toEqual([]);
    await forum.context.close();

    // below what the forum has approved: the server's refusal, with the figures, in the form's error summary; nothing changes
    await row.getByRole('button', { name: /^Ret budget for / }).click();
    await changeForm.getByLabel('Nyt budget for hele perioden (kr.)').fill('1.000');
    await changeForm.getByLabel('Begrundelse').fill('Besparelse');
    await changeForm.getByRole('button', { name: 'Gem det nye budget' }).click();
    const refusal = changeForm.getByRole('alert');
    await refusal.filter({ hasText: `Budgettet kan ikke sættes til 1.000 kr.: forummet har allerede godkendt ${danishKroner(before.grantedDkk)}` }).waitFor();
    expect(await refusal.textContent()).toContain(`skal være mindst ${danishKroner(before.grantedDkk)}`);
    await checkAndPhotograph(page, 'worklist-forum-budget-refused', 'the refusal to lower the budget below what is approved');
    await screenshotOf(budget, 'worklist-forum-budget-section');
    expect((await currentPeriod()).budgetDkk).toBe(raised);
    // by keyboard: Fortryd leaves the form, and focus goes back to the button that opened it
    await changeForm.getByRole('button', { name: 'Fortryd' }).focus();
    await page.keyboard.press('Enter');
    expect(await changeForm.count()).toBe(0);
    await expect.poll(() => row.getByRole('button', { name: /^Ret budget for / }).evaluate((b) => b === document.activeElement)).toBe(true);
    expect(pageProblems(page)).toEqual([]);
    await admin.context.close();
  });
});
