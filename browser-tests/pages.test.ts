/**
 * Every route of both apps: it loads, has its own Danish title and one h1,
 * axe finds no serious or critical WCAG 2.1 A/AA violation, and the key pages
 * are photographed at 1280, 768 (tablet) and 360 px. Also: the navigation by
 * keyboard, code splitting and the caseworker app's JS budget.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectAccessible, launch, loginAs, newPage, pageProblems, screenMunicipality, screenshot, settled, textSmallerThan, VIEWPORTS } from './browser';

/** The caseworker app's first load, gzipped JavaScript (docs/benchmarks.md). */
const JS_BUDGET_GZIP_BYTES = 100 * 1024;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function visit(page: Page, path: string, title: string, shot?: string, viewports: (keyof typeof VIEWPORTS)[] = ['desktop']) {
  await page.goto(path);
  await page.locator('main h1').first().waitFor();
  await settled(page);
  expect(await page.title(), path).toBe(`${title} – Helhed`);
  expect(await page.locator('main h1').count(), `one h1 on ${path}`).toBe(1);
  expect(await page.getAttribute('html', 'lang')).toBe('da');
  await expectAccessible(page, path);
  if (shot) {
    for (const v of viewports) {
      await page.setViewportSize(VIEWPORTS[v]);
      await settled(page);
      if (v !== 'desktop') await expectAccessible(page, `${path} at ${VIEWPORTS[v].width} px`);
      await screenshot(page, `${shot}-${VIEWPORTS[v].width}`);
    }
    await page.setViewportSize(VIEWPORTS.desktop);
  }
}

/** On dkfds (root font size 10px): body text at least 16 px, small print at least 14 px, at 360 px wide. */
async function expectReadableOnPhone(page: Page, path: string) {
  await page.setViewportSize(VIEWPORTS.phone);
  expect(await textSmallerThan(page, 14), `small print under 14 px on ${path}`).toEqual([]);
  expect(await textSmallerThan(page, 16, 'main p:not(.form-hint):not(.helptext)'), `body text under 16 px on ${path}`).toEqual([]);
  expect(await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize)), `body text on ${path}`).toBeGreaterThanOrEqual(16);
}

test('the login page', async () => {
  const { context, page } = await newPage(browser, 'desktop');
  await visit(page, '/', 'Log ind', 'login', ['desktop', 'phone']);
  await expectReadableOnPhone(page, '/');
  await context.close();
});

describe('the administrator (first: the work queue needs a screening)', () => {
  test('an administrator screens the municipality with a progress bar and loads a file with an error report', async () => {
    const { context, page } = await newPage(browser, 'desktop');
    await loginAs(page, { username: 'ole' });
    await visit(page, '/', 'Overblik');
    await visit(page, '/screening', 'Screening');
    await page.getByRole('button', { name: 'Start screening' }).click();
    await page.locator('progress').waitFor();
    await page.getByText(/^Færdig .*i skal-gruppen/).waitFor({ timeout: 60_000 });
    expect(await page.locator('progress').getAttribute('value')).toBe('1');
    await expectAccessible(page, 'a finished screening');
    await screenshot(page, 'admin-screening-1280');

    await visit(page, '/import', 'Import');
    await page.getByLabel('Fil', { exact: true }).setInputFiles({ name: 'forkert.csv', mimeType: 'text/csv', buffer: Buffer.from(
        'source_system,external_id,cpr,kind,sector,code,title,legal_basis,start_date,end_date\r\n' +
          'Jobcenter,JC-1,123456-78,plan,employment,min_plan,Min Plan,LAB § 40,2025-01-01,\r\n',
      ),
    });
    await page.getByRole('button', { name: 'Indlæs filen' }).click();
    const link = page.getByRole('link', { name: 'Hent fejlrapporten (CSV)' });
    await link.waitFor();
    await expectAccessible(page, 'a rejected import');
    await screenshot(page, 'admin-import-rejected-1280');
    const report = await page.request.get((await link.getAttribute('href'))!);
    expect(report.status()).toBe(200);
    expect(report.headers()['content-type']).toMatch(/^text\/csv/);
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });
});

describe('the caseworker workspace', () => {
  beforeAll(() => screenMunicipality(browser));

  test('every page of a coordinating caseworker (mette), on a desktop and a tablet', async () => {
    const { context, page } = await newPage(browser, 'desktop');
    await loginAs(page, { username: 'mette' });
    await visit(page, '/', 'Overblik', 'caseworker-overview', ['desktop', 'tablet']);
    await visit(page, '/opgaver', 'Opgaver');
    await visit(page, '/soeg', 'Find borger');
    await page.getByLabel('CPR-nummer').fill('120591-1002');
    await page.getByRole('button', { name: 'Søg' }).click();
    await page.locator('main').getByRole('link', { name: /Lotte/ }).first().waitFor();
    await expectAccessible(page, 'the CPR search with a result');

    await visit(page, '/maalgruppe', 'Målgruppe: arbejdskø', 'caseworker-queue', ['tablet']);
    const href = await page.locator('main table tbody th a').first().getAttribute('href');
    const name = await page.locator('main table tbody th a').first().textContent();
    await visit(page, href!, `Målgruppevurdering: ${name}`, 'caseworker-candidate', ['tablet']);
    await visit(page, '/indfasning', 'Indfasning', 'caseworker-phase-in', ['desktop', 'tablet']);
    // the chart is an image with a title and a description, and the table carries its numbers
    expect(await page.locator('svg[role="img"] title').textContent()).toBe('Indfasning af målgruppen');
    expect(await page.locator('svg[role="img"] desc').textContent()).toMatch(/Kandidater: \d+ og \d+/);
    expect(await page.locator('main table tbody tr').count()).toBe(5);

    const caseload = (await (await page.request.get('/api/caseload')).json()) as { items: { id: string; citizenName: string }[] };
    const lotte = caseload.items.find((c) => c.citizenName.startsWith('Lotte'))!;
    await visit(page, `/sager/${lotte.id}`, `Sag: ${lotte.citizenName}`, 'caseworker-case', ['desktop', 'tablet']);
    // plan, calendar and decisions come from their APIs (Lotte's family calendar has the SPEC's conflict)
    await page.getByRole('region', { name: 'Kalender' }).getByText(/konflikt/i).first().waitFor();
    await page.getByRole('region', { name: 'Afgørelser og klager' }).getByRole('heading', { name: 'Klager', exact: true }).waitFor();
    // the case page reads its sections in one call: the overview (the history and the message threads are read on their own)
    const reads: string[] = [];
    page.on('request', (r) => r.method() === 'GET' && new URL(r.url()).pathname.startsWith('/api/') && reads.push(new URL(r.url()).pathname));
    await page.reload();
    await page.locator('main h1').waitFor();
    await settled(page);
    expect(reads.sort()).toEqual([`/api/cases/${lotte.id}/events`, `/api/cases/${lotte.id}/messages`, `/api/cases/${lotte.id}/overview`]);
    await visit(page, `/sager/${lotte.id}/udredning`, `Udredning: ${lotte.citizenName}`, 'caseworker-assessment', ['tablet']);
    await visit(page, `/sager/${lotte.id}/plan`, `Plan: ${lotte.citizenName}`, 'caseworker-plan-page', ['tablet']);
    await visit(page, '/findes-ikke', 'Siden findes ikke');
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  test('the visitation forum (lene): the queue without names and the budget use', async () => {
    const { context, page } = await newPage(browser, 'desktop');
    await loginAs(page, { username: 'lene' });
    await visit(page, '/visitationsforum', 'Visitationsforum', 'forum', ['desktop', 'tablet']);
    await page.getByRole('region', { name: 'Budget' }).waitFor();
    const queue = page.getByRole('region', { name: 'Indstillinger til forummet' });
    await queue.waitFor();
    const open = queue.getByRole('button', { name: 'Åbn indstillingen' });
    if ((await open.count()) > 0) {
      await open.first().click();
      await queue.getByText(/Begrundelse:/).first().waitFor();
      await expectAccessible(page, 'a request before the forum');
    }
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  test('the menu is reachable by keyboard: skip link first, every item in order, visible focus, Enter follows', async () => {
    const { context, page } = await newPage(browser, 'desktop');
    await loginAs(page, { username: 'mette' });
    await page.goto('/');
    await page.locator('main h1').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Gå til indhold');
    const menu = await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link').allTextContents();
    expect(menu).toEqual(['Overblik', 'Opgaver', 'Find borger', 'Målgruppe', 'Indfasning']);
    const reached: string[] = [];
    for (let i = 0; i < 12 && reached.length < menu.length; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const style = el ? getComputedStyle(el) : null;
        return { text: el?.textContent ?? '', inMenu: !!el?.closest('nav[aria-label="Hovedmenu"]'), outline: style ? `${style.outlineStyle} ${style.outlineWidth}` : '' };
      });
      if (focused.inMenu) {
        reached.push(focused.text);
        expect(focused.outline, `visible focus on ${focused.text}`).not.toMatch(/^none|0px$/);
      }
    }
    expect(reached).toEqual(menu);
    // back from "Indfasning" to "Målgruppe" and follow it with Enter
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Målgruppe');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Målgruppe: arbejdskø' }).waitFor();
    // focus moved to the new page's heading
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    // the skip link goes to main
    await page.keyboard.press('Shift+Tab');
    await page.goto('/');
    await page.locator('main h1').waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('indhold');
    await context.close();
  });

  test(`the caseworker app's first load stays within ${JS_BUDGET_GZIP_BYTES / 1024} KB of gzipped JavaScript and does not load the citizen portal`, async () => {
    const { context, page } = await newPage(browser, 'desktop');
    await loginAs(page, { username: 'mette' });
    const scripts = new Map<string, Buffer>();
    page.on('response', async (r) => {
      if (r.url().endsWith('.js')) scripts.set(new URL(r.url()).pathname, await r.body());
    });
    await page.goto('/');
    await page.locator('main h1').waitFor();
    await settled(page);
    await page.waitForLoadState('networkidle');
    const names = [...scripts.keys()];
    expect(names.some((n) => /WorkspaceApp/.test(n))).toBe(true);
    expect(names.filter((n) => /CitizenApp|LoginApp/.test(n))).toEqual([]);
    const gzipped = [...scripts.values()].reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0);
    console.log(`caseworker first load: ${names.length} scripts, ${(gzipped / 1024).toFixed(1)} KB gzipped: ${names.join(', ')}`);
    expect(gzipped).toBeLessThanOrEqual(JS_BUDGET_GZIP_BYTES);
    await context.close();
  });
});

describe('Min plan, the citizen portal', () => {
  const pages: [string, string, string?][] = [
    ['/borger', 'Min plan', 'citizen-home'],
    ['/borger/samtykker', 'Mine samtykker', 'citizen-consents'],
    ['/borger/hvem-har-set', 'Hvem har set mine oplysninger'],
    ['/borger/kalender', 'Min kalender', 'citizen-calendar'],
    ['/borger/afgoerelser', 'Mine afgørelser'],
    ['/borger/klage', 'Klag over en afgørelse', 'citizen-complaint'],
    ['/borger/beskeder', 'Skriv til din kontaktperson'],
    ['/borger/spoergeskema', 'Oplever du et sammenhængende forløb?'],
  ];

  test('every page at 360 px and 1280 px; pages whose API has not landed say so', async () => {
    const { context, page } = await newPage(browser, 'phone');
    await loginAs(page, { citizenName: 'Lotte' });
    for (const [path, title, shot] of pages) {
      await visit(page, path, title, shot, ['phone', 'desktop']);
      await page.setViewportSize(VIEWPORTS.phone);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `no sideways scrolling on ${path}`).toBeLessThanOrEqual(360);
      // Det Fælles Designsystem's header names the municipality
      expect(await page.locator('header.header .municipality').textContent()).toBe('Helhed Demokommune');
      await expectReadableOnPhone(page, path);
    }
    await page.goto('/borger/kalender');
    await page.getByText(/konflikt/i).first().waitFor();
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  test('every page of the portal is reachable by keyboard from Min plan, and the portal does not load the caseworker app', async () => {
    const { context, page } = await newPage(browser, 'phone');
    await loginAs(page, { citizenName: 'Lotte' });
    const scripts: string[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('.js')) scripts.push(new URL(r.url()).pathname);
    });
    await page.goto('/borger');
    await settled(page);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Gå til sidens indhold');
    const reached = new Set<string>();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const href = await page.evaluate(() => document.activeElement?.getAttribute('href'));
      if (href) reached.add(href);
    }
    for (const [path] of pages) expect(reached, path).toContain(path);
    expect(scripts.filter((n) => /WorkspaceApp|LoginApp/.test(n))).toEqual([]);
    await context.close();
  });
});
