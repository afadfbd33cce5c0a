/** Debian's Chromium driven by playwright-core (never a downloaded browser), axe, screenshots and logins. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const CHROMIUM = process.env.HELHED_CHROMIUM ?? '/usr/bin/chromium';
const SCREENSHOTS = path.resolve(import.meta.dirname, '../test-artifacts/screenshots');

export const baseUrl = () => inject('baseUrl');

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // playwright gives each launch a fresh, temporary user-data-dir
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export const VIEWPORTS = {
  desktop: { width: 1280, height: 900 },
  tablet: { width: 768, height: 1024 },
  phone: { width: 360, height: 780 },
} as const;

export async function newPage(browser: Browser, viewport: keyof typeof VIEWPORTS): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: baseUrl(), viewport: VIEWPORTS[viewport], locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    // answers the app handles (401 → login, 400/404/409 → a Danish message) are logged by Chromium, not errors of the page
    if (m.type() === 'error' && !/Failed to load resource: the server responded with a status of 4\d\d/.test(m.text())) problems.push(`console error: ${m.text()}`);
  });
  (page as Page & { problems: string[] }).problems = problems;
  return { context, page };
}

/** Errors the page logged (uncaught exceptions, console errors other than expected 401/404 answers). */
export const pageProblems = (page: Page): string[] => (page as Page & { problems?: string[] }).problems ?? [];

export type DevUsers = { employees: { username: string; name: string }[]; citizens: { id: string; name: string }[] };

export async function devUsers(page: Page): Promise<DevUsers> {
  const r = await page.request.get('/auth/dev-users');
  expect(r.ok()).toBe(true);
  return (await r.json()) as DevUsers;
}

/** Logs in through the development login's API (the cookie lands in the page's context). */
export async function loginAs(page: Page, who: { username: string } | { citizenName: string }): Promise<void> {
  let body: Record<string, string>;
  if ('username' in who) body = { kind: 'employee', username: who.username };
  else {
    const citizen = (await devUsers(page)).citizens.find((c) => c.name.startsWith(who.citizenName));
    if (!citizen) throw new Error(`no demo citizen ${who.citizenName}`);
    body = { kind: 'citizen', citizenId: citizen.id };
  }
  const r = await page.request.post('/auth/dev-login', { data: body });
  expect(r.status(), await r.text()).toBe(200);
}

/** axe (WCAG 2.1 A and AA): no serious or critical violation on the page as it is now. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad.map((v) => `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n  ')}`).join('\n');
  expect(report, `axe on ${what}`).toBe('');
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** A screenshot of one part of the page (a section), for reading it at full size. */
export async function screenshotOf(locator: Locator, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await locator.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/** Waits until no "Henter …" status is shown (the page's data has arrived). */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => ![...document.querySelectorAll('[role="status"]')].some((e) => /^Henter/.test(e.textContent ?? '')), null, { timeout: 15_000 });
}

/** The demo starts unscreened: the administrator (ole) screens the municipality through the API, so the work queue has candidates. */
export async function screenMunicipality(browser: Browser): Promise<void> {
  const { context, page } = await newPage(browser, 'desktop');
  await loginAs(page, { username: 'ole' });
  const started = await page.request.post('/api/screenings', { data: {} });
  expect(started.status()).toBe(202);
  const { runId } = (await started.json()) as { runId: string };
  const until = Date.now() + 60_000;
  let status = 'queued';
  while (status !== 'done' && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 500));
    status = ((await (await page.request.get(`/api/screenings/${runId}`)).json()) as { status: string }).status;
    if (status === 'failed') throw new Error('the screening failed');
  }
  if (status !== 'done') throw new Error(`the screening did not finish within 60 s (${status})`);
  await context.close();
}

/**
 * Visible text set smaller than `minPx`: the computed size of each element
 * the selector picks that has text of its own, as 'tag.class "text…" 11px'
 * for the assertion message.
 */
export async function textSmallerThan(page: Page, minPx: number, selector = 'body *'): Promise<string[]> {
  return page.evaluate(
    ({ minPx, selector }) =>
      [...document.querySelectorAll<HTMLElement>(selector)]
        .filter((e) => [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== ''))
        .filter((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden' && !e.closest('.sr-only, .visually-hidden'))
        .map((e) => ({ e, px: parseFloat(getComputedStyle(e).fontSize) }))
        .filter(({ px }) => px < minPx)
        .map(({ e, px }) => `${e.tagName.toLowerCase()}${e.className ? `.${String(e.className).split(' ').join('.')}` : ''} "${(e.textContent ?? '').trim().slice(0, 30)}" ${px}px`),
    { minPx, selector },
  );
}

/** The API called as the logged-in page (its session cookie), with the status expected; the answer's JSON. */
export async function api(page: Page, method: 'get' | 'post' | 'put' | 'patch', path: string, data?: unknown, status = method === 'post' ? 201 : 200) {
  const res = await page.request[method](path, data === undefined ? undefined : { data });
  expect(res.status(), `${method.toUpperCase()} ${path}: ${await res.text()}`).toBe(status);
  return res.json();
}

/** axe at every width, and a photograph at each (caseworker pages: desktop and tablet, C13); `part` photographed alone too. */
export async function checkAndPhotograph(page: Page, name: string, what: string, part?: Locator) {
  for (const v of ['desktop', 'tablet'] as const) {
    await page.setViewportSize(VIEWPORTS[v]);
    await settled(page);
    await expectAccessible(page, `${what} at ${VIEWPORTS[v].width} px`);
    await screenshot(page, `${name}-${VIEWPORTS[v].width}`);
    if (part) await screenshotOf(part, `${name}-part-${VIEWPORTS[v].width}`);
  }
  await page.setViewportSize(VIEWPORTS.desktop);
}
