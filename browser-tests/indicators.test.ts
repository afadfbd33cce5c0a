/**
 * SPEC C11 in the browser: a leader logs in on the login page (Det Fælles
 * Designsystem), opens "Indikatorer", sees every chart with its reading and
 * numbers, picks a period and downloads the files; a caseworker has no such
 * page. Independent of the other files: it needs only the seeded demo
 * (which has the indicators' history) and changes nothing.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectAccessible, launch, loginAs, newPage, pageProblems, screenshot, screenshotOf, settled, VIEWPORTS } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const SECTIONS = [
  'Indfasning af skal-gruppen',
  'Samtykke',
  'Kontaktpersoner pr. borger',
  'Tid fra samtykke til første plan',
  'Tid fra samtykke til første samlede afgørelse',
  'Aftalte indsatser, der ikke er startet',
  'Klager og deres udfald',
  'Beskæftigelse år for år',
  'Oplever borgerne et sammenhængende forløb?',
];

async function openAllTables(page: Page) {
  for (const summary of await page.locator('details > summary').all()) {
    if (!(await summary.evaluate((s) => (s.parentElement as HTMLDetailsElement).open))) await summary.click();
  }
}

describe('the login page on Det Fælles Designsystem', () => {
  test('dkfds header and alert, the demo people as choices, accessible at 1280 and 360 px', async () => {
    const { context, page } = await newPage(browser, 'desktop');
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Log ind i Helhed' }).waitFor();
    await settled(page);
    expect(await page.title()).toBe('Log ind – Helhed');
    // the design system's own classes: header, alert; the workspace's stylesheet is not on the page
    await page.locator('header.header .solution-heading').waitFor();
    await page.locator('.alert.alert-info').first().waitFor();
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/IBM Plex Sans/);
    expect(await page.locator('main h1').count()).toBe(1);
    await page.getByRole('button', { name: /Henrik Dahl/ }).waitFor();
    await page.getByRole('button', { name: /Lotte Frederiksen/ }).waitFor();
    // the indicators' background citizens are not offered as logins
    expect(await page.getByRole('region', { name: 'Borgere' }).getByRole('button').count()).toBeLessThan(20);
    await expectAccessible(page, 'the login page');
    await screenshot(page, 'login-dkfds-1280');
    await page.setViewportSize(VIEWPORTS.phone);
    await expectAccessible(page, 'the login page at 360 px');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'login-dkfds-360');
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });
});

describe('Indikatorer for leaders', () => {
  test('henrik logs in, opens Indikatorer from the menu and sees every indicator as a chart with a reading and its numbers', async () => {
    const { context, page } = await newPage(browser, 'desktop');
    const scripts: string[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('.js')) scripts.push(new URL(r.url()).pathname);
    });
    await page.goto('/');
    await page.getByRole('button', { name: /Henrik Dahl/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Overblik' }).waitFor();
    expect(scripts.some((s) => /IndicatorsPage/.test(s))).toBe(false);

    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Indikatorer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Indikatorer' }).waitFor();
    await settled(page);
    expect(await page.title()).toBe('Indikatorer – Helhed');
    // the page is its own chunk, fetched when opened
    expect(scripts.some((s) => /IndicatorsPage/.test(s))).toBe(true);
    await page.getByRole('status').filter({ hasText: /^Viser / }).waitFor();

    for (const title of SECTIONS) {
      const region = page.getByRole('region', { name: title, exact: true });
      await region.waitFor();
      const svg = region.locator('svg[role="img"]');
      expect(await svg.count(), title).toBeGreaterThanOrEqual(1);
      expect((await svg.first().locator('title').textContent())?.length, title).toBeGreaterThan(5);
      expect((await svg.first().locator('desc').textContent())?.length, title).toBeGreaterThan(5);
      // drawn, not empty: bars, ranges or columns
      expect(await svg.first().locator('rect').count(), `${title}: marks in the chart`).toBeGreaterThan(0);
      const reading = (await region.locator('p.reading').textContent()) ?? '';
      expect(reading, title).toMatch(/\d/);
      expect(reading, title).not.toMatch(/NaN|undefined|null/);
    }
    // Danish numbers and months
    await expect.poll(() => page.locator('main').textContent()).toMatch(/Viser [a-zæøå]+ \d{4} til [a-zæøå]+ \d{4}/);
    await expectAccessible(page, 'Indikatorer');
    await screenshot(page, 'indicators-1280');
    for (const [i, title] of SECTIONS.entries()) await screenshotOf(page.getByRole('region', { name: title, exact: true }), `indicators-section-${i + 1}-1280`);

    await openAllTables(page);
    for (const title of SECTIONS) {
      const rows = page.getByRole('region', { name: title, exact: true }).locator('details.numbers table tbody tr');
      expect(await rows.count(), `${title}: table rows`).toBeGreaterThan(0);
    }
    await page.getByRole('region', { name: 'Beskæftigelse år for år' }).getByText(/ikke modtager nogen forsørgelsesydelse/).waitFor();
    await expectAccessible(page, 'Indikatorer with every table open');
    await screenshot(page, 'indicators-tables-1280');

    await page.setViewportSize(VIEWPORTS.tablet);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Indikatorer' }).waitFor();
    await settled(page);
    await expectAccessible(page, 'Indikatorer at 768 px');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await screenshot(page, 'indicators-768');
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  test('the period picker: a preset, months of one’s own with a Danish error, and the address keeps the period', async () => {
    const { context, page } = await newPage(browser, 'desktop');
    await loginAs(page, { username: 'henrik' });
    await page.goto('/indikatorer');
    await page.getByRole('heading', { level: 1, name: 'Indikatorer' }).waitFor();
    await settled(page);
    const lastYear = new Date().getFullYear() - 1;
    await page.getByLabel('Periode', { exact: true }).selectOption({ label: `Sidste år (${lastYear})` });
    await page.getByRole('status').filter({ hasText: `Viser januar ${lastYear} til december ${lastYear}` }).waitFor();
    expect(new URL(page.url()).search).toBe(`?fra=${lastYear}-01&til=${lastYear}-12`);

    await page.getByLabel('Periode', { exact: true }).selectOption({ label: 'Vælg selv måneder' });
    await page.getByLabel('Fra måned').fill(`${lastYear}-06`);
    await page.getByLabel('Til måned').fill(`${lastYear}-02`);
    await page.getByRole('button', { name: 'Vis perioden' }).click();
    await page.getByRole('alert').filter({ hasText: 'Slutmåneden ligger før startmåneden.' }).waitFor();
    await expectAccessible(page, 'the period picker with an error');
    await page.getByLabel('Til måned').fill(`${lastYear}-09`);
    await page.getByRole('button', { name: 'Vis perioden' }).click();
    await page.getByRole('status').filter({ hasText: `Viser juni ${lastYear} til september ${lastYear}` }).waitFor();

    // a shared address opens the same period
    await page.goto(`/indikatorer?fra=${lastYear}-03&til=${lastYear}-04`);
    await page.getByRole('status').filter({ hasText: `Viser marts ${lastYear} til april ${lastYear}` }).waitFor();
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  test('the downloads: the figures as CSV and the pseudonymised export, without names or CPR numbers', async () => {
    const { context, page } = await newPage(browser, 'desktop');
    await loginAs(page, { username: 'henrik' });
    await page.goto('/indikatorer');
    await page.getByRole('heading', { level: 1, name: 'Indikatorer' }).waitFor();
    const tables = await page.request.get((await page.getByRole('link', { name: 'Hent tallene (CSV)' }).getAttribute('href'))!);
    expect(tables.status()).toBe(200);
    expect(tables.headers()['content-type']).toMatch(/^text\/csv/);
    expect((await tables.text()).split('\r\n')[0]).toBe('indikator,periode,maal,vaerdi');
    const exportLink = page.getByRole('link', { name: 'Hent pseudonymiseret udtræk (CSV)' });
    expect(await exportLink.getAttribute('download')).not.toBeNull();
    const csv = await (await page.request.get((await exportLink.getAttribute('href'))!)).text();
    expect(csv.split('\r\n')[0]).toMatch(/^pseudonym,aldersgruppe,koen,maalgruppe,/);
    expect(csv).not.toMatch(/Lotte|Frederiksen/);
    // no field is a CPR number, with or without its hyphen
    expect(csv.split(/[,\r\n]+/).filter((field) => /^\d{6}-?\d{4}$/.test(field))).toEqual([]);
    await context.close();
  });

  test('a coordinating caseworker has no Indikatorer in the menu and is refused the page in plain Danish', async () => {
    const { context, page } = await newPage(browser, 'desktop');
    await loginAs(page, { username: 'mette' });
    await page.goto('/');
    await page.locator('main h1').waitFor();
    expect(await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Indikatorer' }).count()).toBe(0);
    await page.goto('/indikatorer');
    await page.getByRole('alert').filter({ hasText: /rolle giver ikke adgang/ }).waitFor();
    await expectAccessible(page, 'Indikatorer refused');
    await context.close();
  });
});
