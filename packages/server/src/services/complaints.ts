import { sql } from 'kysely';
import {
  addDays,
  APPEAL_RESULT_LABELS,
  checkComplaintScope,
  compareDates,
  daysLate,
  getRuleSet,
  reassessmentDeadline,
  todayInCopenhagen,
  type api,
  type AppealResult,
  type RuleSetId,
} from '@helhed/core';
import type { z } from 'zod';
import type { Access } from '../access/access';
import type { RequestContext } from '../access/principal';
import type { Tx } from '../db/transactions';
import { conflict, notFound, type FieldError } from '../errors';
import { buildCaseBundle } from '../decisions/case-bundle';
import { readComplaint, readComplaints, type ComplaintDto } from '../decisions/complaint-store';
import { badRequest, createDrafts, readDecision, staleVersion } from '../decisions/decision-store';
import { ruleSetContext } from '../screening/facts';
import { recordCaseEvent } from './case-events';
import { raiseCoordinatorTask } from './tasks';

/**
 * A complaint about an issued decision, from the citizen (Min plan: today,
 * channel 'portal') or registered by the caseworker from a letter, call or
 * e-mail with the day it was received. Elements that cannot be appealed
 * through the municipality are refused with the reason; a late complaint is
 * recorded as late, never refused silently.
 */
export async function registerComplaint(a: Access, decisionId: string, body: z.infer<typeof api.RegisterComplaintBody>): Promise<ComplaintDto> {
  return a.gateway.run(a.ctx, { action: 'complaint.register', subject: { owned: 'decision', id: decisionId }, resourceType: 'complaint' }, async (g) => {
    const decision = await readDecision(g.tx, decisionId);
    if (decision.status !== 'issued') throw notFound('Afgørelsen');
    const today = todayInCopenhagen(a.ctx.now());
    const byCitizen = a.ctx.principal.kind === 'citizen';
    const errors: FieldError[] = [];
    if (!byCitizen && !body.channel) errors.push({ path: 'body.channel', code: 'required', message: 'Angiv, hvordan klagen er modtaget.' });
    if (!byCitizen && !body.receivedOn) errors.push({ path: 'body.receivedOn', code: 'required', message: 'Angiv, hvornår klagen er modtaget.' });
    const receivedOn = byCitizen ? today : (body.receivedOn ?? today);
    if (compareDates(receivedOn, today) > 0) errors.push({ path: 'body.receivedOn', code: 'in-future', message: 'Modtagelsesdatoen ligger i fremtiden.' });
    if (compareDates(receivedOn, decision.decisionDate!) < 0) errors.push({ path: 'body.receivedOn', code: 'before-decision', message: 'Klagen kan ikke være modtaget før afgørelsen blev sendt.' });
    if (errors.length) throw badRequest('Klagen kan ikke registreres: ' + errors.map((e) => e.message).join(' '), errors);

    const ruleSet = getRuleSet(decision.ruleSetId as RuleSetId);
    const check = checkComplaintScope(
      decision.elements.map((e) => ({ id: e.id, title: e.title, appealable: e.appealable, notAppealableReason: e.notAppealableReason, route: e.complaintRoute })),
      body.scope,
      body.elementIds ?? [],
      ruleSet.decisions,
    );
    if (!check.ok) {
      throw badRequest(
        check.detail,
        check.refused.map((r) => ({ path: 'body.elementIds', code: 'not-appealable', message: `»${r.title}«: ${r.reason}` })),
        'not-appealable',
      );
    }
    const id = crypto.randomUUID();
    const late = daysLate(receivedOn, decision.complaintDeadline!);
    const m = a.ctx.principal.municipalityId;
    await g.tx
      .insertInto('complaint')
      .values({
        municipality_id: m,
        id,
        case_id: decision.caseId,
        decision_id: decisionId,
        status: 'received',
        scope: body.scope,
        not_covered: JSON.stringify(check.notCovered),
        channel: byCitizen ? 'portal' : body.channel!,
        received_on: receivedOn,
        submitted_by_kind: byCitizen ? 'citizen' : 'employee',
        submitted_by_id: a.ctx.principal.id,
        text: body.text,
        complaint_deadline: decision.complaintDeadline!,
        days_late: late,
        reassessment_deadline: reassessmentDeadline(receivedOn, ruleSet.deadlines),
        created_at: a.ctx.now(),
      })
      .execute();
    await g.tx.insertInto('complaint_element').values(check.elementIds.map((element_id) => ({ municipality_id: m, complaint_id: id, element_id }))).execute();
    await recordCaseEvent(g.tx, a.ctx, decision.caseId, 'complaint_received', { complaintId: id, decisionId, scope: body.scope, late: late > 0, daysLate: late });
    g.setResourceId(id);
    return readComplaint(g.tx, id);
  });
}

export async function getComplaint(a: Access, complaintId: string): Promise<ComplaintDto> {
  return a.gateway.run(a.ctx, { action: 'complaint.read', subject: { owned: 'complaint', id: complaintId }, resourceType: 'complaint', resourceId: complaintId }, (g) =>
    readComplaint(g.tx, complaintId),
  );
}

export async function listComplaints(a: Access, caseId: string): Promise<{ items: ComplaintDto[] }> {
  return a.gateway.run(a.ctx, { action: 'complaint.read', subject: { caseId }, resourceType: 'complaint', resourceId: caseId }, async (g) => ({
    items: await readComplaints(g.tx, { caseId }),
  }));
}

/** The caseworker's decision on a late complaint: consider it anyway, or refuse it with a reason. */
export async function handleLateComplaint(a: Access, complaintId: string, body: z.infer<typeof api.LateHandlingBody>): Promise<ComplaintDto> {
  return a.gateway.run(a.ctx, { action: 'complaint.reassess', subject: { owned: 'complaint', id: complaintId }, resourceType: 'complaint', resourceId: complaintId }, async (g) => {
    const current = await readComplaint(g.tx, complaintId);
    if (!current.late) throw conflict('Klagen er modtaget inden fristen; der er intet at tage stilling til.', 'not-late');
    if (current.lateHandling !== null || current.status !== 'received') throw conflict('Der er allerede taget stilling til den sene klage.', 'late-decided');
    await bumpComplaint(g.tx, complaintId, body.version, {
      late_handling: body.handling,
      late_handling_reason: body.reason,
      ...(body.handling === 'refuse' ? { status: 'refused_late' } : {}),
    });
    await recordCaseEvent(g.tx, a.ctx, current.caseId, 'complaint_late_handled', { complaintId, handling: body.handling });
    return readComplaint(g.tx, complaintId);
  });
}

/**
 * The municipality's reassessment: 'change' drafts a new decision about the
 * complained elements (issued, it supersedes them); 'uphold' sends the
 * complaint on to Ankestyrelsen (the bundle is then exported).
 */
export async function reassessComplaint(a: Access, complaintId: string, body: z.infer<typeof api.ReassessComplaintBody>): Promise<ComplaintDto> {
  return a.gateway.run(a.ctx, { action: 'complaint.reassess', subject: { owned: 'complaint', id: complaintId }, resourceType: 'complaint', resourceId: complaintId }, async (g) => {
    const current = await readComplaint(g.tx, complaintId);
    if (current.status !== 'received') throw conflict('Klagen er allerede genvurderet eller afsluttet.', 'already-reassessed');
    if (current.version !== body.version) throw staleVersion('Klagen');
    if (current.late && current.lateHandling === null) {
      throw conflict(`Klagen er modtaget ${current.daysLate} dag(e) efter klagefristen. Tag først stilling til, om den skal behandles.`, 'late-undecided');
    }
    const today = todayInCopenhagen(a.ctx.now());
    let newDecisionId: string | null = null;
    if (body.outcome === 'change') {
      const decision = await readDecision(g.tx, current.decisionId);
      const complained = new Set(current.elements.map((e) => e.id));
      const interventionIds = decision.elements.filter((e) => complained.has(e.id)).map((e) => e.interventionId);
      // The new decision is made under the rules in force on its own date.
      const { ruleSet } = await ruleSetContext(g.tx, today);
      const ids = await createDrafts(g.tx, a.ctx, current.caseId, ruleSet, {
        reasoning: body.change!.reasoning,
        interventionIds,
        elements: body.change!.elements,
        citizenGoals: decision.citizenGoals,
        origin: 'reassessment',
        complaintId,
      });
      newDecisionId = ids[0]!;
    }
    await bumpComplaint(g.tx, complaintId, body.version, {
      status: body.outcome === 'change' ? 'changed' : 'forwarded',
      reassessment_outcome: body.outcome,
      reassessment_reasoning: body.reasoning,
      reassessed_on: today,
      new_decision_id: newDecisionId,
      forwarded_on: body.outcome === 'uphold' ? today : null,
    });
    await recordCaseEvent(g.tx, a.ctx, current.caseId, 'complaint_reassessed', {
      complaintId,
      outcome: body.outcome,
      newDecisionId,
      forwardedOn: body.outcome === 'uphold' ? today : null,
      deadline: current.reassessmentDeadline,
      inTime: compareDates(today, current.reassessmentDeadline) <= 0,
    });
    return readComplaint(g.tx, complaintId);
  });
}

/** The case bundle for Ankestyrelsen; an export of personal data, audited as such. */
export async function exportComplaintBundle(a: Access, complaintId: string): Promise<z.infer<typeof api.ComplaintBundle>> {
  return a.gateway.run(a.ctx, { action: 'complaint.export', subject: { owned: 'complaint', id: complaintId }, resourceType: 'complaint_bundle', resourceId: complaintId }, async (g) => {
    const complaint = await readComplaint(g.tx, complaintId);
    if (complaint.reassessment?.outcome !== 'uphold') {
      throw conflict('Sagen sendes kun til Ankestyrelsen, når kommunen har fastholdt afgørelsen ved genvurderingen.', 'not-upheld');
    }
    const bundle = await buildCaseBundle(g.tx, complaint, a.ctx.now());
    await recordCaseEvent(g.tx, a.ctx, complaint.caseId, 'complaint_bundle_exported', { complaintId, documents: bundle.index.length });
    return bundle;
  });
}

const FOLLOW_UP: Record<AppealResult, { kind: string; title: string } | null> = {
  stadfaestet: null,
  hjemvist: { kind: 'appeal_remanded', title: 'Ankestyrelsen har hjemvist sagen: behandl den igen og træf en ny afgørelse' },
  aendret: { kind: 'appeal_implement', title: 'Ankestyrelsen har ændret afgørelsen: gennemfør den ændrede afgørelse' },
  ophaevet: { kind: 'appeal_implement', title: 'Ankestyrelsen har ophævet afgørelsen: gennemfør resultatet' },
};

/**
 * Ankestyrelsen's result, acted on: 'hjemvist' reopens the case (back to the
 * decision phase) with a task for the coordinating caseworker; 'ændret' and
 * 'ophævet' give a task to implement the result; 'stadfæstet' closes the complaint.
 */
export async function recordAppealResult(a: Access, complaintId: string, body: z.infer<typeof api.AppealResultBody>): Promise<ComplaintDto> {
  return a.gateway.run(a.ctx, { action: 'complaint.reassess', subject: { owned: 'complaint', id: complaintId }, resourceType: 'complaint', resourceId: complaintId }, async (g) => {
    const current = await readComplaint(g.tx, complaintId);
    if (current.status !== 'forwarded') throw conflict('Klagen er ikke sendt til Ankestyrelsen, eller resultatet er allerede registreret.', 'not-forwarded');
    if (current.version !== body.version) throw staleVersion('Klagen');
    const today = todayInCopenhagen(a.ctx.now());
    const errors: FieldError[] = [];
    if (compareDates(body.receivedOn, current.forwardedOn!) < 0) errors.push({ path: 'body.receivedOn', code: 'before-forwarding', message: 'Ankestyrelsens afgørelse kan ikke være modtaget, før sagen blev sendt.' });
    if (compareDates(body.receivedOn, today) > 0) errors.push({ path: 'body.receivedOn', code: 'in-future', message: 'Datoen ligger i fremtiden.' });
    if (errors.length) throw badRequest(errors.map((e) => e.message).join(' '), errors);

    const decision = await readDecision(g.tx, current.decisionId);
    const followUp = FOLLOW_UP[body.result];
    let taskId: string | null = null;
    if (followUp) taskId = await followUpTask(g.tx, a.ctx, current.caseId, followUp, addDays(body.receivedOn, getRuleSet(decision.ruleSetId as RuleSetId).deadlines.appealResultFollowUpDays), body.note);
    if (body.result === 'hjemvist') await reopenForDecision(g.tx, a.ctx, current.caseId);
    await bumpComplaint(g.tx, complaintId, body.version, {
      status: 'closed',
      appeal_result: body.result,
      appeal_result_on: body.receivedOn,
      appeal_note: body.note ?? null,
      appeal_task_id: taskId,
    });
    await recordCaseEvent(g.tx, a.ctx, current.caseId, 'appeal_result_recorded', { complaintId, result: body.result, label: APPEAL_RESULT_LABELS[body.result], taskId });
    return readComplaint(g.tx, complaintId);
  });
}

function followUpTask(tx: Tx, ctx: RequestContext, caseId: string, followUp: { kind: string; title: string }, dueOn: string, note: string | undefined): Promise<string> {
  return raiseCoordinatorTask(tx, ctx, { caseId, kind: followUp.kind, title: followUp.title, detail: note, dueOn });
}

/** A remanded case goes back to the decision phase (and is opened again if it was closed). */
async function reopenForDecision(tx: Tx, ctx: RequestContext, caseId: string): Promise<void> {
  const kase = await tx.selectFrom('holistic_case').select(['phase', 'closed_at']).where('id', '=', caseId).executeTakeFirstOrThrow();
  if (kase.phase === 'decision' && kase.closed_at === null) return;
  await tx.updateTable('holistic_case').set({ phase: 'decision', closed_at: null, version: sql`version + 1` }).where('id', '=', caseId).execute();
  await recordCaseEvent(tx, ctx, caseId, 'phase_changed', { from: kase.phase, to: 'decision', reason: 'hjemvist' });
}

async function bumpComplaint(tx: Tx, complaintId: string, expected: number, changes: Record<string, unknown>): Promise<void> {
  const result = await tx
    .updateTable('complaint')
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', complaintId)
    .where('version', '=', expected)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw staleVersion('Klagen');
}
