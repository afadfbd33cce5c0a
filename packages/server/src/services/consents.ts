import {
  CONSENT_SCOPE_LABELS,
  consentStateAt,
  todayInCopenhagen,
  validateConsentAction,
  withdrawalFollowUps,
  type api,
  type ConsentForm,
  type ConsentRecord,
  type ConsentScope,
  type Sector,
} from '@helhed/core';
import type { z } from 'zod';
import type { Access } from '../access/access';
import type { RequestContext } from '../access/principal';
import type { Tx } from '../db/transactions';
import { invalid } from '../errors';
import { recordCaseEvent } from './case-events';
import { ruleSetContext } from '../screening/facts';
import { readTasks } from './tasks';

type ConsentEntryDto = z.infer<typeof api.ConsentEntry>;

export async function getConsents(a: Access, citizenId: string): Promise<z.infer<typeof api.ConsentOverview>> {
  return a.gateway.run(a.ctx, { action: 'consent.read', subject: { citizenId }, resourceType: 'consent' }, async (g) => {
    const history = await readConsentEntries(g.tx, citizenId);
    return { current: currentConsents(g.consents, a.ctx.now()), history };
  });
}

/** The consent state per scope (and counterpart) at `now`, for people. */
export function currentConsents(records: ConsentRecord[], now: Date): z.infer<typeof api.ConsentOverview>['current'] {
  return [...consentStateAt(records, now.toISOString()).values()].map((s) => ({
    scope: s.latest.scope,
    scopeLabel: CONSENT_SCOPE_LABELS[s.latest.scope],
    counterpart: s.latest.counterpart,
    active: s.active,
    since: s.latest.effectiveAt,
  }));
}

/**
 * Appends a consent record (consent is never edited: giving, withdrawing and
 * renewing are new rows). Withdrawing the holistic effort raises one task per
 * running intervention to decide it under its sector law (SPEC C3); the
 * interventions keep running until those decisions are made.
 */
export async function recordConsent(
  a: Access,
  citizenId: string,
  body: z.infer<typeof api.RecordConsentBody>,
): Promise<z.infer<typeof api.RecordConsentResult>> {
  return a.gateway.run(a.ctx, { action: 'consent.record', subject: { citizenId }, resourceType: 'consent' }, async (g) => {
    const { id, effectiveAt } = await appendConsent(g.tx, a.ctx, { citizenId, caseId: g.caseId, history: g.consents }, body);
    g.setResourceId(id);
    const taskIds: string[] = [];
    if (g.caseId && body.action === 'withdrawn') taskIds.push(...(await raiseWithdrawalTasks(a, g.tx, g.caseId, body.scope, effectiveAt)));
    const consent = (await readConsentEntries(g.tx, citizenId)).find((c) => c.id === id)!;
    const tasks = taskIds.length ? (await readTasks(g.tx, { caseId: g.caseId! })).filter((t) => taskIds.includes(t.id)) : [];
    return { consent, tasks };
  });
}

/**
 * Checks one consent action against the citizen's history and appends it,
 * with the case event when there is a case. Bad input (a time in the future,
 * a consent already given, no written form) is refused with a Danish problem
 * and nothing is written. Access is the caller's gateway call's to judge.
 */
export async function appendConsent(
  tx: Tx,
  ctx: RequestContext,
  at: { citizenId: string; caseId: string | null; history: readonly ConsentRecord[] },
  body: z.infer<typeof api.RecordConsentBody>,
): Promise<{ id: string; effectiveAt: Date }> {
  const now = ctx.now();
  const effectiveAt = body.effectiveAt ? new Date(body.effectiveAt) : now;
  if (effectiveAt.getTime() > now.getTime() + 60_000) {
    throw invalid('Et samtykke kan ikke registreres med virkning i fremtiden.', [
      { path: 'body.effectiveAt', code: 'future', message: 'Tidspunktet ligger i fremtiden.' },
    ]);
  }
  const form: ConsentForm | null = body.action === 'given' ? (ctx.principal.kind === 'citizen' ? 'digital' : body.form ?? null) : body.form ?? null;
  const problem = validateConsentAction(at.history, {
    scope: body.scope,
    counterpart: body.counterpart ?? null,
    action: body.action,
    form,
    effectiveAt: effectiveAt.toISOString(),
  });
  if (problem) throw invalid(problem, [{ path: 'body', code: 'consent-state', message: problem }], 'consent-not-allowed');

  const id = crypto.randomUUID();
  await tx
    .insertInto('consent')
    .values({
      municipality_id: ctx.principal.municipalityId,
      id,
      citizen_id: at.citizenId,
      case_id: at.caseId,
      scope: body.scope,
      counterpart: body.counterpart ?? null,
      action: body.action,
      form,
      document_ref: body.documentRef ?? null,
      note: body.note ?? null,
      effective_at: effectiveAt,
      recorded_at: now,
      recorded_by_kind: ctx.principal.kind,
      recorded_by_id: ctx.principal.id,
    })
    .execute();
  if (at.caseId) {
    await recordCaseEvent(tx, ctx, at.caseId, body.action === 'given' ? 'consent_given' : 'consent_withdrawn', {
      consentId: id,
      scope: body.scope,
      counterpart: body.counterpart ?? null,
    });
  }
  return { id, effectiveAt };
}

async function raiseWithdrawalTasks(a: Access, tx: Tx, caseId: string, scope: ConsentScope, effectiveAt: Date): Promise<string[]> {
  const running = await tx
    .selectFrom('intervention')
    .select(['id', 'title', 'sector', 'legal_basis'])
    .where('case_id', '=', caseId)
    .where('status', '=', 'running')
    .execute();
  const { ruleSet } = await ruleSetContext(tx, todayInCopenhagen(effectiveAt));
  const followUps = withdrawalFollowUps(
    { effectiveOn: todayInCopenhagen(effectiveAt), scope },
    running.map((r) => ({ id: r.id, title: r.title, sector: r.sector as Sector, legalBasis: r.legal_basis })),
    ruleSet,
  );
  if (followUps.length === 0) return [];
  const kase = await tx.selectFrom('holistic_case').select('coordinator_employee_id').where('id', '=', caseId).executeTakeFirstOrThrow();
  const rows = followUps.map((f) => ({
    municipality_id: a.ctx.principal.municipalityId,
    id: crypto.randomUUID(),
    case_id: caseId,
    kind: 'sector_decision_after_withdrawal',
    title: f.title,
    detail:
      'Borgeren har tilbagekaldt samtykket til den helhedsorienterede indsats. Indsatsen fortsætter, indtil der er truffet afgørelse efter sektorloven. Borgeren skal ikke søge på ny.',
    legal_basis: f.legalBasis,
    due_on: f.dueOn,
    status: 'open' as const,
    assignee_employee_id: kase.coordinator_employee_id,
    intervention_id: f.interventionId,
    created_at: a.ctx.now(),
  }));
  await tx.insertInto('task').values(rows).execute();
  for (const r of rows) await recordCaseEvent(tx, a.ctx, caseId, 'task_created', { taskId: r.id, kind: r.kind, dueOn: r.due_on });
  return rows.map((r) => r.id);
}

async function readConsentEntries(tx: Tx, citizenId: string): Promise<ConsentEntryDto[]> {
  const rows = await tx
    .selectFrom('consent as c')
    .leftJoin('employee as e', 'e.id', 'c.recorded_by_id')
    .leftJoin('citizen as z', 'z.id', 'c.recorded_by_id')
    .selectAll('c')
    .select(['e.name as employee_name', 'z.name as citizen_name'])
    .where('c.citizen_id', '=', citizenId)
    .orderBy('c.recorded_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    scope: r.scope as ConsentScope,
    scopeLabel: CONSENT_SCOPE_LABELS[r.scope as ConsentScope],
    counterpart: r.counterpart,
    action: r.action,
    form: r.form as ConsentForm | null,
    effectiveAt: r.effective_at.toISOString(),
    recordedAt: r.recorded_at.toISOString(),
    recordedBy: r.employee_name ?? r.citizen_name ?? 'System',
    documentRef: r.document_ref,
  }));
}
