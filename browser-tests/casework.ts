/** Steps on the case page the caseworker stories share: moving the phase, visiting from the catalogue, drafting and issuing the decision. */
import type { Locator, Page } from 'playwright-core';
import { expectAccessible, screenshotOf, settled } from './browser';

/** Back to the case page through the breadcrumb, from the assessment or the plan. */
export async function backToCase(page: Page, citizen: RegExp): Promise<void> {
  await page.getByRole('navigation', { name: 'Brødkrumme' }).getByRole('link', { name: citizen }).click();
  await page.getByRole('heading', { level: 1, name: citizen }).waitFor();
  await settled(page);
}

/** Moves the case to the phase with this Danish label; the server's consent gate and rules decide. */
export async function moveToPhase(page: Page, label: string): Promise<void> {
  await page.getByLabel('Ny fase').selectOption({ label });
  await page.getByRole('button', { name: 'Skift fase' }).click();
  await page.getByRole('region', { name: 'Om sagen' }).getByRole('status').filter({ hasText: `Sagen er nu i fasen »${label}«.` }).waitFor();
}

/** Visits an intervention from the catalogue in the case's "Indsatser" section (the outcome is the caller's to check). */
export async function visitFromCatalogue(page: Page, title: string, fill: Record<string, string> = {}): Promise<Locator> {
  const interventions = page.getByRole('region', { name: 'Indsatser' });
  await interventions.getByRole('button', { name: 'Visitér en indsats fra kataloget' }).click();
  await interventions.getByLabel('Indsats', { exact: true }).selectOption({ label: title });
  for (const [label, value] of Object.entries(fill)) await interventions.getByLabel(label).fill(value);
  await interventions.getByRole('button', { name: 'Visitér indsatsen' }).click();
  return interventions;
}

/** A draft of the combined decision; first without the reasoning to the citizen, which the server asks for. */
export async function draftDecision(page: Page, reasoning: string): Promise<Locator> {
  const decisions = page.getByRole('region', { name: 'Afgørelser og klager' });
  await decisions.getByRole('button', { name: 'Lav udkast til afgørelse' }).click();
  await decisions.getByRole('alert').filter({ hasText: /begrundelse/ }).waitFor();
  await decisions.getByLabel(/Begrundelse til borgeren/).fill(reasoning);
  await decisions.getByRole('button', { name: 'Lav udkast til afgørelse' }).click();
  await decisions.getByText('Udkast', { exact: true }).waitFor();
  return decisions;
}

/**
 * Issues the draft: refused without a reasoning per element, then reasoned,
 * previewed (axe, a screenshot of the letter) and sent with Digital Post.
 */
export async function reasonPreviewAndIssue(page: Page, decisions: Locator, screenshotName: string): Promise<void> {
  await decisions.getByRole('button', { name: 'Send afgørelsen' }).click();
  await decisions.getByRole('alert').filter({ hasText: /kan ikke sendes uden begrundelse/ }).waitFor();
  const fields = decisions.getByLabel(/^Begrundelse for »/);
  for (let i = 0; i < (await fields.count()); i++) await fields.nth(i).fill('Indsatsen passer til dine mål, og du har selv ønsket den.');
  await decisions.getByRole('button', { name: 'Gem begrundelserne' }).click();
  await page.getByRole('status').filter({ hasText: 'Begrundelserne er gemt.' }).waitFor();
  await decisions.getByRole('button', { name: 'Forhåndsvis brevet' }).click();
  const preview = decisions.getByRole('region', { name: 'Forhåndsvisning af brevet' });
  await preview.getByRole('heading', { name: 'Klagevejledning' }).waitFor();
  await settled(page);
  await expectAccessible(page, 'the decision preview');
  await screenshotOf(decisions, screenshotName);
  await decisions.getByLabel('Send med').selectOption('digital_post');
  await decisions.getByRole('button', { name: 'Send afgørelsen' }).click();
  await page.getByRole('status').filter({ hasText: 'Afgørelsen er sendt med Digital Post' }).waitFor();
  await decisions.getByText('Sendt', { exact: true }).waitFor();
}
