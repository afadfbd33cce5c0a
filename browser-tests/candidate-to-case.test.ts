/**
 * Issue 6's story from the start, in a real browser: a coordinating
 * caseworker takes a screened candidate without a case from the target-group
 * queue to an issued combined decision — reasons, assessment, written consent,
 * the case opened, assessment, visitation, plan, decision.
 * It screens the municipality itself and picks whichever candidate is waiting,
 * so it does not depend on the other files' order or what they changed.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectAccessible, launch, newPage, pageProblems, screenMunicipality, screenshot, screenshotOf, settled, VIEWPORTS } from './browser';
import { backToCase, draftDecision, moveToPhase, reasonPreviewAndIssue, visitFromCatalogue } from './casework';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
  await screenMunicipality(browser);
});
afterAll(async () => {
  await browser?.close();
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('from candidate to issued decision, in the UI', () => {
  test('mette picks a waiting candidate from the queue, records assessment and consent, opens the case and issues the combined decision', async () => {
    const { context, page } = await newPage(browser, 'desktop');
    await page.goto('/');
    await page.getByRole('button', { name: /Mette Kjærgaard/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Overblik' }).waitFor();
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Målgruppe' }).click();
    await page.getByRole('heading', { level: 1, name: 'Målgruppe: arbejdskø' }).waitFor();
    await settled(page);

    // the skal-group comes first; its last candidate (another story assesses the first)
    const mandatory = page.locator('main section').filter({ has: page.getByRole('heading', { level: 2, name: /^Skal tilbydes indsatsen/ }) });
    const link = mandatory.locator('tbody tr th a').last();
    const name = (await link.textContent())!.trim();
    const citizen = new RegExp(`^${escape(name)}`);
    await link.click();
    await page.getByRole('heading', { level: 1, name: `Målgruppevurdering: ${name}` }).waitFor();
    await settled(page);
    await page.getByRole('heading', { name: 'Veje ind i målgruppen' }).waitFor();
    expect(await page.locator('.criteria li.met').count()).toBeGreaterThan(0);
    // no case yet, so no way on before the assessment
    expect(await page.getByRole('heading', { name: 'Næste skridt: samtykke og sag' }).count()).toBe(0);

    await page.getByRole('group', { name: /koordineret indsats/ }).getByLabel('Ja').check();
    await page.getByRole('group', { name: /potentiale/ }).getByLabel('Ja').check();
    await page.getByLabel(/Begrundelse/).fill('Flere forvaltninger er involveret, og borgeren vil gerne tættere på arbejde.');
    await page.getByRole('button', { name: 'Gem vurderingen' }).click();
    await page.getByRole('status').filter({ hasText: 'Vurderingen er gemt' }).waitFor();

    // the next step: written consent and the case
    const step = page.getByRole('region', { name: 'Næste skridt: samtykke og sag' });
    await step.waitFor();
    const form = step.getByRole('form', { name: 'Opret den helhedsorienterede sag' });
    // nothing chosen: a Danish message, nothing opened
    await form.getByRole('button', { name: 'Registrér samtykket og opret sagen' }).click();
    await form.getByRole('alert').filter({ hasText: 'Angiv, om borgeren har givet skriftligt samtykke.' }).waitFor();
    // a date in the future: the server's Danish message as it is
    const consentGroup = form.getByRole('group', { name: 'Har borgeren givet skriftligt samtykke til den helhedsorienterede indsats?' });
    await consentGroup.getByLabel(/^Ja, på papir/).check();
    await form.getByLabel('Samtykket er givet den').fill('2099-01-01');
    await form.getByRole('button', { name: 'Registrér samtykket og opret sagen' }).click();
    await form.getByRole('alert').filter({ hasText: 'Et samtykke kan ikke registreres med virkning i fremtiden.' }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/maalgruppe\//);

    const today = await page.evaluate(() => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date()));
    await form.getByLabel('Samtykket er givet den').fill(today);
    await form.getByLabel(/^Reference til blanketten/).fill('Scannet blanket, journal 2026-0042');
    await form.getByRole('group', { name: 'Hvem koordinerer sagen?' }).getByLabel(/^Mig \(Mette Kjærgaard\)/).check();
    await form.getByLabel(/^Koordinerende team/).selectOption({ label: 'Koordinationsteam Familier' });
    await expectAccessible(page, 'the candidate’s next step');
    await screenshotOf(step, 'caseworker-candidate-next-step-1280');
    // on a tablet too: nothing wider than the screen, still accessible
    await page.setViewportSize(VIEWPORTS.tablet);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(VIEWPORTS.tablet.width);
    await expectAccessible(page, 'the candidate’s next step at 768 px');
    await screenshotOf(step, 'caseworker-candidate-next-step-768');
    await page.setViewportSize(VIEWPORTS.desktop);

    // opened: on the new case page, past the consent phase, Mette coordinating
    await form.getByRole('button', { name: 'Registrér samtykket og opret sagen' }).click();
    await page.getByRole('heading', { level: 1, name: citizen }).waitFor();
    await settled(page);
    const caseId = new URL(page.url()).pathname.split('/').pop()!;
    const summary = page.getByRole('region', { name: 'Om sagen' });
    await summary.getByText('Udredning', { exact: true }).waitFor();
    await summary.getByText('Givet', { exact: true }).waitFor();
    await summary.getByText('Koordinationsteam Familier', { exact: true }).waitFor();
    await page.getByRole('region', { name: 'Samtykker' }).getByText(/den helhedsorienterede indsats/).first().waitFor();
    await expectAccessible(page, 'the new case page');
    await screenshot(page, 'caseworker-new-case-1280');

    // back on the candidate page the case is linked, not offered again
    await page.goBack();
    await page.getByRole('region', { name: 'Helhedsorienteret sag' }).getByRole('link', { name: 'Gå til sagen' }).click();
    await page.getByRole('heading', { level: 1, name: citizen }).waitFor();
    await settled(page);

    // the assessment: the citizen's own goals
    await page.getByRole('link', { name: 'Åbn udredningen' }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`^Udredning: ${escape(name)}`) }).waitFor();
    await settled(page);
    await page.getByLabel('Med borgerens egne ord', { exact: true }).fill('Jeg vil have styr på min hverdag og prøve at arbejde igen.');
    await page.getByRole('button', { name: 'Gem udredningen' }).click();
    await page.getByRole('status').filter({ hasText: /^Udredningen er gemt \(version \d+\)\.$/ }).waitFor();
    await expectAccessible(page, 'the new case’s assessment');

    // visitation within the caseworker's authority
    await backToCase(page, citizen);
    await moveToPhase(page, 'Plan');
    const interventions = await visitFromCatalogue(page, 'Samlet støtteperson (mentor og socialpædagogisk støtte)', { 'Antal timer': '8' });
    await interventions.getByRole('status').filter({ hasText: /^Bevilget: »Samlet støtteperson.*inden for din bevillingskompetence/ }).waitFor();

    // the plan: the overall goal and one sub-goal tied to the intervention
    await page.getByRole('region', { name: 'Plan' }).getByRole('link', { name: /^(Lav planen|Ret planen og se versionerne)$/ }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`^Plan: ${escape(name)}`) }).waitFor();
    await settled(page);
    await page.getByLabel('Borgerens mål med egne ord').fill('Jeg vil have styr på min hverdag og prøve at arbejde igen.');
    const goals = page.getByRole('region', { name: /^Delmål \d+/ });
    await page.getByRole('button', { name: 'Tilføj delmål' }).click();
    await goals.last().getByLabel('Titel').fill('En fast hverdag');
    await goals.last().getByRole('checkbox', { name: /^Samlet støtteperson/ }).first().check();
    await page.getByLabel(/^Hvorfor (laves planen nu|ændres planen)\?$/).fill('Første plan, lavet sammen med borgeren.');
    await page.getByRole('button', { name: 'Gem planen' }).click();
    await page.getByRole('status').filter({ hasText: /^Planen er gemt som version \d+\.$/ }).waitFor();
    await expectAccessible(page, 'the new case’s plan');

    // the combined decision: drafted, reasoned, previewed, issued
    await backToCase(page, citizen);
    await moveToPhase(page, 'Afgørelse');
    const decisions = await draftDecision(page, 'Du får en samlet indsats med én støtteperson, så du kan få en fast hverdag.');
    await decisions.getByText(/Samlet støtteperson/).first().waitFor();
    await reasonPreviewAndIssue(page, decisions, 'caseworker-new-case-decision-preview-1280');
    await expectAccessible(page, 'the new case with its issued decision');

    const issued = (await (await page.request.get(`/api/cases/${caseId}/decisions`)).json()) as { items: { status: string; elements: { title: string }[] }[] };
    expect(issued.items.filter((d) => d.status === 'issued').flatMap((d) => d.elements.map((e) => e.title))).toContain('Samlet støtteperson (mentor og socialpædagogisk støtte)');
    const events = (await (await page.request.get(`/api/cases/${caseId}/events`)).json()) as { items: { type: string }[] };
    expect(events.items.map((e) => e.type).slice(0, 3)).toEqual(['case_opened', 'consent_given', 'phase_changed']);
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });
});
