/**
 * Issue 4 in a real browser: the administrator (ole) gives coordinating
 * caseworkers a higher authority limit for children-and-family interventions
 * on the Organisation page, and mette's visitation is granted within it; mette
 * moves one Tuesday of a weekly mentor conversation off her citizen's
 * psychologist day, and the calendar conflict goes — and comes back when she
 * puts it back; she adds an appointment on Lotte's calendar on top of her
 * Thursday mentor conversation and is told of the conflict. Independent of the
 * other files' order: mette works on her own citizen, registered here, the new
 * limit covers a category no other file grants from, and Lotte's new
 * appointment only adds a conflict to those the demo gives her.
 */
import { addDays, copenhagenInstant, copenhagenWallClock, danishDate, todayInCopenhagen } from '@helhed/core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { api, checkAndPhotograph, expectAccessible, launch, loginAs, newPage, pageProblems, screenshot, settled } from './browser';

const CITIZEN = 'Karen Vestergaard Holm';
const CPR = '140292-2346';

let browser: Browser;
let caseId: string;
let tuesday: string;

const at = (date: string, time: string) => copenhagenInstant(date, time).toISOString();



/** Mette's own citizen: met at an outreach site, consent on paper, a weekly mentor conversation on Tuesdays and the psychologist one Tuesday. */
async function setUpTheCase(): Promise<void> {
  const { context, page } = await newPage(browser, 'desktop');
  await loginAs(page, { username: 'mette' });
  const reg = await api(page, 'post', '/api/outreach/registrations', { cpr: CPR, name: CITIZEN, site: 'Familiehuset', needs: ['housing'] });
  caseId = reg.caseId;
  await api(page, 'post', `/api/citizens/${reg.citizenId}/consents`, { scope: 'holistic_effort', action: 'given', form: 'paper_scanned', documentRef: 'Scannet samtykke' });
  const today = todayInCopenhagen(new Date());
  const weekday = new Date(`${today}T12:00:00Z`).getUTCDay();
  tuesday = addDays(today, ((2 - weekday + 7) % 7) || 7);
  await api(page, 'post', `/api/cases/${caseId}/calendar`, { title: 'Mentorsamtale', kind: 'mentor', start: at(tuesday, '10:00'), end: at(tuesday, '11:00'), recurrence: { frequency: 'weekly', until: addDays(tuesday, 28) } });
  await api(page, 'post', `/api/cases/${caseId}/calendar`, { title: 'Samtale hos psykolog', kind: 'psychologist', start: at(tuesday, '13:00'), end: at(tuesday, '14:00') });
  await context.close();
}

beforeAll(async () => {
  browser = await launch();
  await setUpTheCase();
});
afterAll(async () => {
  await browser?.close();
});

describe('organisation data the municipality edits itself', () => {
  test('ole adds a limit for children-and-family interventions; mette’s visitation of 59.500 kr. is granted within it; ole ends it from tomorrow', async () => {
    const admin = await newPage(browser, 'desktop');
    await loginAs(admin.page, { username: 'ole' });
    const { page } = admin;
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Organisation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organisation' }).waitFor();
    await settled(page);
    const limits = page.getByRole('region', { name: 'Bevillingskompetence' });
    const caseworkerRow = limits.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Koordinerende sagsbehandler/ }) }).filter({ hasText: 'Alle kategorier' });
    await expect.poll(() => caseworkerRow.textContent()).toMatch(/50\.000 kr\..*Gælder/);
    await checkAndPhotograph(page, 'admin-organisation', 'the Organisation page');

    await limits.getByRole('button', { name: 'Ny grænse' }).click();
    const form = limits.locator('form').filter({ has: page.getByRole('heading', { name: 'Ny bevillingsgrænse' }) });
    await form.getByLabel('Rolle').selectOption({ label: 'Koordinerende sagsbehandler' });
    const unitName = (await caseworkerRow.locator('th .sub-inline').textContent())!;
    await form.getByLabel('Enhed').selectOption({ label: unitName });
    await form.getByLabel('Kategori i kataloget').selectOption({ label: 'Børn og familie' });
    // a typing error first: a clear Danish message, nothing saved
    await form.getByLabel('Beløbsgrænse pr. bevilling (kr.)').fill('hundrede tusind');
    await form.getByRole('button', { name: 'Opret grænsen' }).click();
    await form.getByRole('alert').filter({ hasText: 'Skriv beløbet i kroner' }).waitFor();
    await checkAndPhotograph(page, 'admin-new-limit', 'the new-limit form with an error', limits);
    await form.getByLabel('Beløbsgrænse pr. bevilling (kr.)').fill('100.000');
    await form.getByLabel('Begrundelse (valgfri)').fill('Familiesager kræver ofte længere forløb');
    await form.getByRole('button', { name: 'Opret grænsen' }).click();
    await limits.getByRole('status').filter({ hasText: /^Ny grænse for Koordinerende sagsbehandler, .*Børn og familie/ }).waitFor();
    const familyRow = limits.getByRole('row').filter({ hasText: 'Børn og familie' }).filter({ has: page.getByRole('rowheader', { name: /^Koordinerende sagsbehandler/ }) });
    await expect.poll(() => familyRow.textContent()).toMatch(/100\.000 kr\..*Gælder/);

    // mette visits family therapy for 70 hours: 59.500 kr., above her general 50.000 but within the new limit
    const caseworker = await newPage(browser, 'desktop');
    await loginAs(caseworker.page, { username: 'mette' });
    const m = caseworker.page;
    await m.goto(`/sager/${caseId}`);
    await m.getByRole('heading', { level: 1, name: CITIZEN }).waitFor();
    await settled(m);
    const interventions = m.getByRole('region', { name: 'Indsatser' });
    await interventions.getByRole('button', { name: 'Visitér en indsats fra kataloget' }).click();
    await interventions.getByLabel('Indsats').selectOption({ label: 'Familiebehandling' });
    await interventions.getByLabel('Antal timer').fill('70');
    await interventions.getByRole('button', { name: 'Visitér indsatsen' }).click();
    await interventions.getByRole('status').filter({ hasText: /^Bevilget: »Familiebehandling«\. Bevilget inden for din bevillingskompetence \(59\.500 kr\.\)/ }).waitFor();
    expect(pageProblems(m)).toEqual([]);
    await caseworker.context.close();

    // ole ends the limit from tomorrow: today it still applies
    await limits.getByRole('button', { name: `Afslut grænsen for Koordinerende sagsbehandler, ${unitName}, Børn og familie` }).click();
    const end = limits.locator('form').filter({ has: page.getByRole('heading', { name: /^Afslut grænsen/ }) });
    await end.getByLabel('Gælder ikke længere fra').fill(addDays(todayInCopenhagen(new Date()), 1));
    await end.getByRole('button', { name: 'Afslut grænsen' }).click();
    await limits.getByRole('status').filter({ hasText: /gælder til og med/ }).waitFor();
    await expect.poll(() => familyRow.textContent()).toContain(`– ${danishDate(todayInCopenhagen(new Date()))}`);
    await checkAndPhotograph(page, 'admin-limit-ended', 'the Organisation page after the limit was ended', limits);
    expect(pageProblems(page)).toEqual([]);
    await admin.context.close();
  });

  test('the calendar rules show the standard values; a leader reads them but cannot change them', async () => {
    const { context, page } = await newPage(browser, 'tablet');
    await loginAs(page, { username: 'henrik' });
    await page.goto('/organisation');
    await page.getByRole('heading', { level: 1, name: 'Organisation' }).waitFor();
    await settled(page);
    const rules = page.getByRole('region', { name: 'Kalenderregler' });
    await expect.poll(() => rules.getByLabel('Transport mellem to områder (minutter)').inputValue()).toBe('40');
    expect(await rules.getByLabel('Transport mellem to områder (minutter)').isDisabled()).toBe(true);
    expect(await rules.getByRole('button', { name: 'Gem reglerne' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Ny grænse' }).count()).toBe(0);
    await expectAccessible(page, 'the Organisation page for a leader');
    await screenshot(page, 'admin-organisation-leader-768');
    await context.close();
  });
});

describe('changing appointments on the case calendar', () => {
  test('mette moves one Tuesday of the weekly mentor conversation to Wednesday: the conflict goes; put back, it returns', async () => {
    const { context, page } = await newPage(browser, 'desktop');
    await loginAs(page, { username: 'mette' });
    await page.goto(`/sager/${caseId}`);
    await page.getByRole('heading', { level: 1, name: CITIZEN }).waitFor();
    await settled(page);
    const calendar = page.getByRole('region', { name: 'Kalender' });
    const conflicts = calendar.getByRole('note', { name: 'Konflikter i kalenderen' });
    await conflicts.filter({ hasText: 'Flere behandlende eller støttende samtaler samme dag' }).waitFor();

    await calendar.getByRole('button', { name: new RegExp(`^Ret Mentorsamtale ${danishDate(tuesday)}`) }).click();
    const editor = calendar.getByRole('group', { name: `Ret »Mentorsamtale« ${danishDate(tuesday)}` });
    await editor.getByRole('radio', { name: 'Kun denne gang' }).check();
    const wednesday = addDays(tuesday, 1);
    await editor.getByLabel('Dato').fill(wednesday);
    await checkAndPhotograph(page, 'admin-calendar-editor', 'the calendar with the editor open', calendar);
    await editor.getByRole('button', { name: 'Flyt denne gang' }).click();
    await calendar.getByRole('status').filter({ hasText: `»Mentorsamtale« er flyttet til ${danishDate(wednesday)} kl. 10:00. De andre gange er uændrede.` }).waitFor();
    await conflicts.waitFor({ state: 'detached' });
    const moved = calendar.locator('li.item').filter({ hasText: 'Mentorsamtale' }).filter({ hasText: 'Flyttet' });
    await expect.poll(() => moved.textContent()).toContain(danishDate(wednesday));
    await checkAndPhotograph(page, 'admin-calendar-moved', 'the calendar after one occurrence was moved', calendar);

    await calendar.getByRole('button', { name: new RegExp(`^Ret Mentorsamtale ${danishDate(wednesday)}`) }).click();
    await calendar.getByRole('button', { name: 'Tilbage til den faste tid' }).click();
    await calendar.getByRole('status').filter({ hasText: 'er tilbage på den faste tid' }).waitFor();
    await conflicts.filter({ hasText: 'Flere behandlende eller støttende samtaler samme dag' }).waitFor();
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });
});

describe('adding an appointment to the case calendar', () => {
  test("mette adds a doctor's appointment on top of Lotte's mentor conversation: refused while it ends before it starts, then added and marked as a conflict", async () => {
    const { context, page } = await newPage(browser, 'desktop');
    await loginAs(page, { username: 'mette' });
    const caseload = (await api(page, 'get', '/api/caseload')) as { items: { id: string; citizenName: string }[] };
    const lotte = caseload.items.find((c) => c.citizenName.startsWith('Lotte'))!;
    type Occurrence = { title: string; start: string; end: string; cancelled: boolean };
    const occurrences = async () => ((await api(page, 'get', `/api/cases/${lotte.id}/overview`)) as { calendar: { occurrences: Occurrence[] } }).calendar.occurrences;
    // the demo's weekly mentor conversation on Thursdays: the new appointment starts half an hour into it
    const mentor = (await occurrences()).find((o) => o.title === 'Mentorsamtale' && !o.cancelled)!;
    const halfAnHourLater = (iso: string) => copenhagenWallClock(new Date(Date.parse(iso) + 30 * 60_000));
    const { date, time: from } = halfAnHourLater(mentor.start);
    const to = halfAnHourLater(mentor.end).time;
    const title = 'Samtale hos egen læge';

    await page.goto(`/sager/${lotte.id}`);
    await page.getByRole('heading', { level: 1, name: /^Lotte/ }).waitFor();
    await settled(page);
    const calendar = page.getByRole('region', { name: 'Kalender' });
    await calendar.getByRole('button', { name: 'Ny aftale' }).click();
    const form = calendar.getByRole('form', { name: 'Ny aftale' });
    await form.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Ny aftale');
    await form.getByLabel('Titel').fill(title);
    await form.getByLabel('Slags aftale').selectOption({ label: 'Læge eller sygehus' });
    await form.getByLabel('Dato').fill(date);
    await form.getByLabel('Fra kl.').fill(from);
    // a slip first: the end before the start — the server's Danish message at the field, nothing created
    await form.getByLabel('Til kl.').fill('08:00');
    await form.getByRole('button', { name: 'Opret aftalen' }).click();
    await form.getByRole('alert').filter({ hasText: 'Aftalen skal slutte efter den starter.' }).waitFor();
    expect(await form.getByLabel('Til kl.').getAttribute('aria-invalid')).toBe('true');
    expect((await occurrences()).filter((o) => o.title === title)).toEqual([]);
    await checkAndPhotograph(page, 'admin-calendar-new-entry', 'the calendar with the new-appointment form and an error', calendar);

    await form.getByLabel('Til kl.').fill(to);
    await form.getByLabel('Sted (valgfrit)').fill('Lægehuset, Torvet 3');
    await form.getByLabel('Hvem står for aftalen (valgfrit)').selectOption({ label: 'Skriv et navn' });
    await form.getByLabel('Navn på den, der står for aftalen').fill('Egen læge');
    await form.getByRole('button', { name: 'Opret aftalen' }).click();
    const notice = calendar.getByRole('status').filter({ hasText: `Aftalen er oprettet: »${title}« ${danishDate(date)} kl. ${from}.` });
    await notice.filter({ hasText: 'Den falder sammen med en anden aftale – se konflikterne øverst.' }).waitFor();
    await form.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('status');
    const added = calendar.locator('li.item').filter({ hasText: title });
    await added.getByText('Konflikt', { exact: true }).waitFor();
    expect(await added.textContent()).toMatch(/Læge eller sygehus.*Lægehuset, Torvet 3.*Med: Egen læge/);
    await calendar.getByRole('note', { name: 'Konflikter i kalenderen' }).getByText(new RegExp(`^Aftaler overlapper i tid: Mentorsamtale kl\\. \\S+ og ${title} kl\\. \\S+ ligger oven i hinanden\\.$`)).waitFor();
    expect((await occurrences()).filter((o) => o.title === title)).toHaveLength(1);
    await checkAndPhotograph(page, 'admin-calendar-new-entry-added', 'the calendar after an appointment was added', calendar);
    expect(pageProblems(page)).toEqual([]);
    await context.close();

    // the citizen sees her calendar, and cannot add to it
    const citizen = await newPage(browser, 'phone');
    await loginAs(citizen.page, { citizenName: 'Lotte' });
    await citizen.page.goto('/borger/kalender');
    await citizen.page.getByText(title).first().waitFor();
    expect(await citizen.page.getByRole('button', { name: 'Ny aftale' }).count()).toBe(0);
    await citizen.context.close();
  });
});
