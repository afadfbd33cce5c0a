import { sql } from 'kysely';
import type { api } from '@helhed/core';
import type { z } from 'zod';
import type { Access } from '../access/access';
import type { RequestContext } from '../access/principal';
import type { Tx } from '../db/transactions';
import { conflict } from '../errors';
import { recordCaseEvent } from './case-events';

type TaskDto = z.infer<typeof api.Task>;

export async function listCaseTasks(a: Access, caseId: string): Promise<{ items: TaskDto[] }> {
  return a.gateway.run(a.ctx, { action: 'task.read', subject: { caseId }, resourceType: 'task', resourceId: caseId }, async (g) => ({
    items: await readTasks(g.tx, { caseId }),
  }));
}

/** The employee's own open tasks across their cases. */
export async function myOpenTasks(a: Access): Promise<{ items: TaskDto[] }> {
  const me = a.ctx.principal;
  return a.gateway.run(a.ctx, { action: 'caseload.read', subject: { search: { tasksOf: me.id }, resolve: async () => null }, resourceType: 'task' }, async (g) => ({
    items: await readTasks(g.tx, { assignee: me.id ?? '', openOnly: true }),
  }));
}

export async function completeTask(a: Access, taskId: string, body: z.infer<typeof api.CompleteTaskBody>): Promise<TaskDto> {
  return a.gateway.run(a.ctx, { action: 'task.write', subject: { owned: 'task', id: taskId }, resourceType: 'task', resourceId: taskId }, async (g) => {
    const result = await g.tx
      .updateTable('task')
      .set({ status: 'done', completed_at: a.ctx.now(), version: sql`version + 1` })
      .where('id', '=', taskId)
      .where('status', '=', 'open')
      .where('version', '=', body.version)
      .returning('case_id')
      .executeTakeFirst();
    if (!result) throw conflict('Opgaven er allerede løst eller ændret af en anden. Hent den igen.', 'stale-version');
    await recordCaseEvent(g.tx, a.ctx, result.case_id, 'task_completed', { taskId, note: body.note ?? null });
    return (await readTasks(g.tx, { caseId: result.case_id })).find((t) => t.id === taskId)!;
  });
}

export async function readTasks(tx: Tx, filter: { caseId?: string; assignee?: string; openOnly?: boolean }): Promise<TaskDto[]> {
  let q = tx.selectFrom('task').selectAll();
  if (filter.caseId) q = q.where('case_id', '=', filter.caseId);
  if (filter.assignee) q = q.where('assignee_employee_id', '=', filter.assignee);
  if (filter.openOnly) q = q.where('status', '=', 'open');
  const rows = await q.orderBy('due_on').orderBy('created_at').execute();
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    kind: r.kind,
    title: r.title,
    detail: r.detail,
    legalBasis: r.legal_basis,
    dueOn: r.due_on,
    status: r.status,
    assigneeEmployeeId: r.assignee_employee_id,
    interventionId: r.intervention_id,
    createdAt: r.created_at.toISOString(),
    completedAt: r.completed_at?.toISOString() ?? null,
    version: r.version,
  }));
}

/**
 * A task for the case's coordinating caseworker, with its case event: how the
 * system asks a person to act (complaint follow-ups, the family obligation,
 * new information). Runs inside the caller's transaction.
 */
export async function raiseCoordinatorTask(
  tx: Tx,
  ctx: RequestContext,
  t: { caseId: string; kind: string; title: string; detail?: string; legalBasis?: string | null; dueOn?: string | null; event?: Record<string, unknown> },
): Promise<string> {
  const kase = await tx.selectFrom('holistic_case').select('coordinator_employee_id').where('id', '=', t.caseId).executeTakeFirstOrThrow();
  const id = crypto.randomUUID();
  await tx
    .insertInto('task')
    .values({
      municipality_id: ctx.principal.municipalityId,
      id,
      case_id: t.caseId,
      kind: t.kind,
      title: t.title,
      detail: t.detail ?? '',
      legal_basis: t.legalBasis ?? null,
      due_on: t.dueOn ?? null,
      status: 'open',
      assignee_employee_id: kase.coordinator_employee_id,
      intervention_id: null,
      created_at: ctx.now(),
    })
    .execute();
  await recordCaseEvent(tx, ctx, t.caseId, 'task_created', { taskId: id, kind: t.kind, dueOn: t.dueOn ?? null, ...t.event });
  return id;
}

