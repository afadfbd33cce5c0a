/**
 * Stories of issue 6 item 5 that today's API supports, in a real browser.
 * The remaining ones are written out as TODOs at the end: they need the plan,
 * visitation, decision and complaint APIs being built on other branches.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectAccessible, launch, loginAs, newPage, pageProblems, screenMunicipality, screenshot, settled } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
  await screenMunicipality(browser);
});
afterAll(async () => {
  await browser?.close();
});

describe('the coordinating caseworker', () => {
  test('mette logs in, opens the work queue, reads a candidate’s reasons and records the assessment', async () => {
    const { context, page } = await newPage(browser, 'desktop');
    await page.goto('/');
    await page.getByRole('heading', { name: 'Log ind i Helhed' }).waitFor();
    await page.getByRole('button', { name: /Mette Kjærgaard/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Overblik' }).waitFor();
    expect(await page.title()).toBe('Overblik – Helhed');

    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Målgruppe' }).click();
    await page.getByRole('heading', { level: 1, name: 'Målgruppe: arbejdskø' }).waitFor();
    await settled(page);
    // the skal-group comes first
    const sections = await page.locator('main section h2').allTextContents();
    expect(sections.length).toBeGreaterThan(0);
    expect(sections[0]).toMatch(/^Skal tilbydes indsatsen/);
    await expectAccessible(page, 'the work queue');
    await screenshot(page, 'caseworker-queue-1280');

    const first = page.locator('main table tbody tr').first();
    const name = (await first.locator('th a').textContent())!;
    await first.locator('th a').click();
    await page.getByRole('heading', { level: 1, name: `Målgruppevurdering: ${name}` }).waitFor();
    await settled(page);
    // every criterion with its legal source, and the records behind the result
    await page.getByRole('heading', { name: 'Grundbetingelser' }).waitFor();
    expect(await page.locator('.criteria li').count()).toBeGreaterThan(2);
    expect(await page.locator('.criteria .source').first().textContent()).toMatch(/^Kilde: /);
    await page.getByRole('heading', { name: 'Registreringer fra fagsystemerne' }).waitFor();
    // a procedural decision without complaint guidance
    await expect.poll(() => page.getByText('processuel beslutning').first().isVisible()).toBe(true);
    await expectAccessible(page, 'a candidate’s screening result');
    await screenshot(page, 'caseworker-candidate-1280');

    // bad input: too short a reasoning → the API's Danish message, nothing saved
    await page.getByRole('group', { name: /koordineret indsats/ }).getByLabel('Ja').check();
    await page.getByRole('group', { name: /potentiale/ }).getByLabel('Ja').check();
    await page.getByLabel(/Begrundelse/).fill('Kort');
    await page.getByRole('button', { name: 'Gem vurderingen' }).click();
    await page.getByRole('alert').filter({ hasText: /10 tegn/ }).waitFor();

    await page.getByLabel(/Begrundelse/).fill('Flere forvaltninger er involveret, og borgeren ønsker at komme i uddannelse.');
    await page.getByRole('button', { name: 'Gem vurderingen' }).click();
    const saved = page.getByRole('status').filter({ hasText: 'Vurderingen er gemt' });
    await saved.waitFor();
    expect(await saved.textContent()).toMatch(/skal tilbydes indsatsen/);
    expect(await saved.textContent()).toMatch(/Klagevejledning: ingen/);
    await expectAccessible(page, 'the recorded assessment');

    // the assessed candidate has left the queue
    await page.getByRole('link', { name: 'Arbejdskø' }).click();
    await page.getByRole('heading', { level: 1, name: 'Målgruppe: arbejdskø' }).waitFor();
    await settled(page);
    expect(await page.locator('main table tbody th a', { hasText: name }).count()).toBe(0);
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });
});

describe('the citizen on a phone', () => {
  test('Lotte logs in at 360 px, sees her contact, withdraws the health-information consent and sees who looked at her data', async () => {
    // Mette opens Lotte's case first, so there is a look-up for Lotte to see.
    const mette = await newPage(browser, 'desktop');
    await loginAs(mette.page, { username: 'mette' });
    const caseload = (await (await mette.page.request.get('/api/caseload')).json()) as { items: { id: string; citizenName: string }[] };
    const lotteCase = caseload.items.find((c) => c.citizenName.startsWith('Lotte'))!;
    expect((await mette.page.request.get(`/api/cases/${lotteCase.id}`)).status()).toBe(200);
    await mette.context.close();

    const { context, page } = await newPage(browser, 'phone');
    await page.goto('/');
    await page.getByRole('button', { name: /Lotte/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Min plan' }).waitFor();
    await settled(page);
    expect(await page.title()).toBe('Min plan – Helhed');
    const contact = page.getByRole('region', { name: 'Din kontaktperson' });
    await contact.getByText('Mette Kjærgaard').waitFor();
    // the plan API is not merged yet: the portal says so, and invents nothing
    await page.getByRole('region', { name: 'Din plan' }).getByText(/ikke klar til at blive vist/).waitFor();
    // nothing wider than the phone
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(page, 'Min plan at 360 px');
    await screenshot(page, 'citizen-home-360');

    await page.getByRole('link', { name: 'Mine samtykker' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mine samtykker' }).waitFor();
    await settled(page);
    const doctor = page.getByRole('region', { name: 'Indhentning af helbredsoplysninger' }).filter({ hasText: 'Lægehuset Torvegade' });
    await doctor.getByRole('button', { name: 'Hvad betyder samtykket?' }).click();
    await doctor.getByText(/oplysninger om dit helbred fra Lægehuset Torvegade/).first().waitFor();
    await expectAccessible(page, 'my consents');
    await screenshot(page, 'citizen-consents-360');

    await doctor.getByRole('button', { name: /Træk samtykket tilbage/ }).click();
    const confirm = doctor.getByRole('group', { name: 'Vil du trække samtykket tilbage?' });
    await confirm.waitFor();
    // focus moved to the question
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Vil du trække samtykket tilbage?');
    await confirm.getByRole('button', { name: 'Ja, træk samtykket tilbage' }).click();
    await page.getByRole('status').filter({ hasText: 'Dit samtykke er trukket tilbage.' }).waitFor();
    await expect.poll(() => doctor.locator('.status-tag').textContent()).toBe('Trukket tilbage');
    // the other health source is untouched
    const specialist = page.getByRole('region', { name: 'Indhentning af helbredsoplysninger' }).filter({ hasText: 'Per Aagaard' });
    expect(await specialist.locator('.status-tag').textContent()).toBe('Givet');
    await expectAccessible(page, 'my consents after withdrawing');
    await screenshot(page, 'citizen-consent-withdrawn-360');

    await page.getByRole('link', { name: 'Tilbage til Min plan' }).click();
    await page.getByRole('link', { name: 'Hvem har set mine oplysninger' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hvem har set mine oplysninger' }).waitFor();
    await settled(page);
    const entries = page.locator('.lookup-list li');
    expect(await entries.count()).toBeGreaterThan(0);
    // dates, who (the municipal unit) and why: Mette's look at the case above is listed
    expect(await page.locator('.lookup-list').textContent()).toMatch(/Så din sag/);
    expect(await entries.first().textContent()).toMatch(/Hvorfor:/);
    await expectAccessible(page, 'who has looked at my data');
    await screenshot(page, 'citizen-lookups-360');
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });
});

// TODO(issue 6, item 5) — complete when the plan/visitation/decision APIs are merged:
//   A caseworker takes Lotte from candidate to issued decision: work queue → assessment (offer) →
//   open the case → consent recorded → the one assessment (udredning) → the plan with goals →
//   interventions visitated (the forum approves those beyond her authority) → preview the combined
//   decision (one complaint guidance; the target-group assessment marked not appealable) → issue it;
//   the citizen overview shows the decision and its PDF; axe on each step; screenshots of the overview,
//   the plan and the calendar with a conflict.
// TODO(issue 6, item 5) — complete when the complaint API is merged:
//   Lotte, on a 360 px phone, sees her plan and goals in her own words, opens her decision (PDF), and
//   files a complaint about one element from /borger/klage; the caseworker sees it in the work queue with
//   the 4-week reassessment deadline; axe on each step; screenshot of the complaint receipt.
