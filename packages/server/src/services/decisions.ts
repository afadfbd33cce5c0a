import { sql } from 'kysely';
import { decisionDeadlines, getRuleSet, supersededBy, todayInCopenhagen, type api, type DecisionLetterData, type DeliveryChannel, type RuleSetId } from '@helhed/core';
import type { z } from 'zod';
import type { Access } from '../access/access';
import type { Tx } from '../db/transactions';
import { conflict, notFound, type FieldError } from '../errors';
import { isGranted } from '../decisions/grantable-interventions';
import {
  badRequest,
  createDrafts,
  elementsInForce,
  letterData,
  loadDecisionRow,
  readDecision,
  readDecisions,
  sentLetter,
  staleVersion,
  type DecisionDto,
} from '../decisions/decision-store';
import { ruleSetContext } from '../screening/facts';
import { recordCaseEvent } from './case-events';
import { pdfFilename } from '../letters/memo';
import { queueDecisionLetter, renderDecisionLetterPreview } from './letters';

type Letter = z.infer<typeof api.DecisionLetter>;

/** Drafts the combined decision (or one per sector law under a rule set that says so) from the case's granted interventions. */
export async function draftDecisions(a: Access, caseId: string, body: z.infer<typeof api.DraftDecisionBody>): Promise<{ items: DecisionDto[] }> {
  return a.gateway.run(a.ctx, { action: 'decision.write', subject: { caseId }, resourceType: 'decision' }, async (g) => {
    const { ruleSet } = await ruleSetContext(g.tx, todayInCopenhagen(a.ctx.now()));
    const ids = await createDrafts(g.tx, a.ctx, caseId, ruleSet, body);
    g.setResourceId(ids.join(','));
    return { items: await readDecisions(g.tx, { ids }) };
  });
}

export async function listDecisions(a: Access, caseId: string): Promise<{ items: DecisionDto[] }> {
  return a.gateway.run(a.ctx, { action: 'decision.read', subject: { caseId }, resourceType: 'decision', resourceId: caseId }, async (g) => ({
    // Citizens see what was sent to them, never drafts.
    items: await readDecisions(g.tx, { caseId }, { issuedOnly: a.ctx.principal.kind === 'citizen' }),
  }));
}

export async function getDecision(a: Access, decisionId: string): Promise<DecisionDto> {
  return a.gateway.run(a.ctx, { action: 'decision.read', subject: { owned: 'decision', id: decisionId }, resourceType: 'decision', resourceId: decisionId }, async (g) => {
    return visibleDecision(a, g.tx, decisionId);
  });
}

export async function updateDraft(a: Access, decisionId: string, body: z.infer<typeof api.UpdateDecisionDraftBody>): Promise<DecisionDto> {
  return a.gateway.run(a.ctx, { action: 'decision.write', subject: { owned: 'decision', id: decisionId }, resourceType: 'decision', resourceId: decisionId }, async (g) => {
    const current = await readDecision(g.tx, decisionId);
    const errors: FieldError[] = [];
    (body.elements ?? []).forEach((e, i) => {
      if (!current.elements.some((x) => x.interventionId === e.interventionId)) {
        errors.push({ path: `body.elements.${i}.interventionId`, code: 'not-in-decision', message: 'Indsatsen indgår ikke i afgørelsen.' });
      }
    });
    if (errors.length) throw badRequest('Der kan kun skrives begrundelse for indsatser, som afgørelsen omfatter.', errors, 'not-in-decision');
    await bumpDraft(g.tx, decisionId, body.version, {
      ...(body.reasoning !== undefined ? { reasoning: body.reasoning } : {}),
      ...(body.citizenGoals !== undefined ? { citizen_goals: JSON.stringify(body.citizenGoals) } : {}),
    });
    for (const e of body.elements ?? []) {
      await g.tx.updateTable('decision_element').set({ reasoning: e.reasoning }).where('decision_id', '=', decisionId).where('intervention_id', '=', e.interventionId).execute();
    }
    await recordCaseEvent(g.tx, a.ctx, current.caseId, 'decision_draft_updated', { decisionId });
    return readDecision(g.tx, decisionId);
  });
}

export async function discardDraft(a: Access, decisionId: string, body: z.infer<typeof api.VersionBody>): Promise<DecisionDto> {
  return a.gateway.run(a.ctx, { action: 'decision.write', subject: { owned: 'decision', id: decisionId }, resourceType: 'decision', resourceId: decisionId }, async (g) => {
    const row = await loadDecisionRow(g.tx, decisionId);
    await bumpDraft(g.tx, decisionId, body.version, { status: 'discarded' });
    await recordCaseEvent(g.tx, a.ctx, row.case_id, 'decision_draft_discarded', { decisionId });
    return readDecision(g.tx, decisionId);
  });
}

/** The letter as it would be if sent today by `channel`; an issued decision shows the letter that was sent. */
export async function previewDecision(a: Access, decisionId: string, channel: DeliveryChannel = 'digital_post'): Promise<{ decision: DecisionDto; letter: Letter; preview: true }> {
  return a.gateway.run(a.ctx, { action: 'decision.read', subject: { owned: 'decision', id: decisionId }, resourceType: 'decision_letter', resourceId: decisionId }, async (g) => {
    const decision = await visibleDecision(a, g.tx, decisionId);
    if (decision.status === 'issued') return { decision, letter: (await loadDecisionRow(g.tx, decisionId)).letter as Letter, preview: true as const };
    return { decision, letter: await letterToday(a, g.tx, decision, channel), preview: true as const };
  });
}

/**
 * The decision letter as PDF: for a draft, as it would look if sent today by
 * `channel` (nothing stored or sent); for an issued decision, the PDF that was sent.
 */
export async function previewDecisionPdf(a: Access, decisionId: string, channel: DeliveryChannel = 'digital_post'): Promise<{ pdf: Uint8Array; filename: string }> {
  return a.gateway.run(a.ctx, { action: 'decision.read', subject: { owned: 'decision', id: decisionId }, resourceType: 'decision_letter_pdf', resourceId: decisionId }, async (g) => {
    const decision = await visibleDecision(a, g.tx, decisionId);
    if (decision.status === 'issued') {
      const sent = await g.tx.selectFrom('letter').select('pdf').where('decision_id', '=', decisionId).orderBy('created_at').executeTakeFirst();
      if (sent) return { pdf: sent.pdf, filename: pdfFilename({ decisionDate: decision.decisionDate! }) };
    }
    const data = withMissingMarked(await letterToday(a, g.tx, decision, channel));
    const pdf = await renderDecisionLetterPreview(await sentLetter(g.tx, data, decision, crypto.randomUUID()));
    return { pdf, filename: `udkast-afgoerelse-${data.decisionDate}.pdf` };
  });
}

const MISSING = '[Begrundelsen mangler – den skal skrives, før afgørelsen kan sendes.]';

/** A draft's preview shows where reasoning is still missing instead of refusing to render. */
function withMissingMarked(data: DecisionLetterData): DecisionLetterData {
  const mark = (text: string) => (text.trim() ? text : MISSING);
  return { ...data, overallReasoning: mark(data.overallReasoning), elements: data.elements.map((e) => ({ ...e, reasoning: mark(e.reasoning) })) };
}

/** Citizens see what was sent to them, never drafts. */
async function visibleDecision(a: Access, tx: Tx, decisionId: string): Promise<DecisionDto> {
  const decision = await readDecision(tx, decisionId);
  if (a.ctx.principal.kind === 'citizen' && decision.status !== 'issued') throw notFound('Afgørelsen');
  return decision;
}

async function letterToday(a: Access, tx: Tx, decision: DecisionDto, channel: DeliveryChannel): Promise<DecisionLetterData> {
  const today = todayInCopenhagen(a.ctx.now());
  const deadlines = getRuleSet(decision.ruleSetId as RuleSetId).deadlines;
  return letterData(tx, decision, { decisionDate: today, channel, ...decisionDeadlines(today, channel, deadlines) });
}

/**
 * Issues a draft: dated today, sent by `channel`, with its receipt date and
 * complaint deadline; supersedes the elements in force for the same
 * interventions; the letter data is frozen with it. Immutable afterwards.
 */
export async function issueDecision(a: Access, decisionId: string, body: z.infer<typeof api.IssueDecisionBody>): Promise<{ decision: DecisionDto; letter: Letter }> {
  return a.gateway.run(a.ctx, { action: 'decision.issue', subject: { owned: 'decision', id: decisionId }, resourceType: 'decision', resourceId: decisionId }, async (g) => {
    const decision = await readDecision(g.tx, decisionId);
    if (decision.status !== 'draft') throw conflict('Afgørelsen er allerede sendt eller kasseret og kan ikke ændres.', 'not-draft');
    if (decision.version !== body.version) throw staleVersion('Udkastet');
    const missing: FieldError[] = [];
    if (!decision.reasoning.trim()) missing.push({ path: 'reasoning', code: 'reasoning-missing', message: 'Begrundelsen for indsatsen som helhed mangler.' });
    for (const e of decision.elements) {
      if (!e.reasoning.trim()) missing.push({ path: `elements.${e.interventionId}.reasoning`, code: 'reasoning-missing', message: `Begrundelsen for »${e.title}« mangler.` });
    }
    if (missing.length) throw badRequest(`Afgørelsen kan ikke sendes uden begrundelse: ${missing.map((m) => m.message).join(' ')}`, missing, 'reasoning-missing');

    const today = todayInCopenhagen(a.ctx.now());
    const { ruleSet } = await ruleSetContext(g.tx, today);
    if (ruleSet.id !== decision.ruleSetId) {
      throw conflict(`Kommunen arbejder nu efter »${ruleSet.title}«. Kassér udkastet, og lav et nyt efter de gældende regler.`, 'rule-set-changed');
    }
    const stillGranted = await g.tx
      .selectFrom('intervention')
      .select('id')
      .where('id', 'in', decision.elements.map((e) => e.interventionId))
      .where(isGranted)
      .execute();
    if (stillGranted.length !== decision.elements.length) {
      throw conflict('En af indsatserne er ikke længere bevilget. Kassér udkastet, og lav et nyt.', 'intervention-changed');
    }

    const superseding = supersededBy(decision.elements.map((e) => e.interventionId), await elementsInForce(g.tx, decision.caseId));
    for (const [interventionId, elementId] of superseding) {
      await g.tx.updateTable('decision_element').set({ supersedes_element_id: elementId }).where('decision_id', '=', decisionId).where('intervention_id', '=', interventionId).execute();
    }
    const dates = { decisionDate: today, channel: body.channel, ...decisionDeadlines(today, body.channel, ruleSet.deadlines) };
    const toIssue = await readDecision(g.tx, decisionId);
    const letter = await letterData(g.tx, toIssue, dates);
    // The letter goes out with the decision: same transaction, one letter per issued decision.
    await queueDecisionLetter(g.tx, a.ctx, await sentLetter(g.tx, letter, toIssue, crypto.randomUUID()));
    await bumpDraft(g.tx, decisionId, body.version, {
      status: 'issued',
      decision_date: dates.decisionDate,
      channel: dates.channel,
      receipt_date: dates.receiptDate,
      complaint_deadline: dates.complaintDeadline,
      letter: JSON.stringify(letter),
      issued_at: a.ctx.now(),
      issued_by: a.ctx.principal.id,
    });
    await recordCaseEvent(g.tx, a.ctx, decision.caseId, 'decision_issued', {
      decisionId,
      ruleSetId: decision.ruleSetId,
      channel: dates.channel,
      receiptDate: dates.receiptDate,
      complaintDeadline: dates.complaintDeadline,
      supersedesElementIds: [...superseding.values()],
    });
    return { decision: await readDecision(g.tx, decisionId), letter };
  });
}

/** Optimistic concurrency on drafts: only the version the client saw, and only while it is a draft. */
async function bumpDraft(tx: Tx, decisionId: string, expected: number, changes: Record<string, unknown>): Promise<void> {
  const result = await tx
    .updateTable('decision')
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', decisionId)
    .where('status', '=', 'draft')
    .where('version', '=', expected)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 1) return;
  const row = await loadDecisionRow(tx, decisionId);
  if (row.status !== 'draft') throw conflict('Afgørelsen er allerede sendt eller kasseret og kan ikke ændres.', 'not-draft');
  throw staleVersion('Udkastet');
}
