import { daysBetween, todayInCopenhagen, type api, type LocalDate } from '@helhed/core';
import type { z } from 'zod';
import type { Access } from '../../access/access';
import type { RequestContext } from '../../access/principal';
import type { Tx } from '../../db/transactions';
import { recordCaseEvent } from '../case-events';

type NotStarted = z.infer<typeof api.NotStartedItem>;

/**
 * "Agreed but not started" (SPEC C6): granted or approved interventions whose
 * planned start date lies before `today` and which have not started; the
 * same rule as core's isAgreedButNotStarted, as one query. A plain read.
 */
export async function listNotStarted(tx: Tx, filter: { today: LocalDate; coordinatorEmployeeId?: string; caseId?: string; caseIds?: readonly string[] }): Promise<NotStarted[]> {
  if (filter.caseIds?.length === 0) return [];
  let q = tx
    .selectFrom('intervention as i')
    .innerJoin('holistic_case as k', 'k.id', 'i.case_id')
    .select(['i.id', 'i.case_id', 'k.citizen_id', 'i.title', 'i.start_date', 'k.coordinator_employee_id'])
    .where('i.visitation_status', 'in', ['approved', 'granted'])
    .where('i.started_on', 'is', null)
    .where('i.start_date', '<', filter.today)
    .where('k.closed_at', 'is', null);
  if (filter.coordinatorEmployeeId) q = q.where('k.coordinator_employee_id', '=', filter.coordinatorEmployeeId);
  if (filter.caseId) q = q.where('i.case_id', '=', filter.caseId);
  if (filter.caseIds) q = q.where('i.case_id', 'in', [...filter.caseIds]);
  const rows = await q.orderBy('i.start_date').orderBy('i.id').execute();
  return rows.map((r) => ({
    interventionId: r.id,
    caseId: r.case_id,
    citizenId: r.citizen_id,
    title: r.title,
    plannedStart: r.start_date!,
    daysLate: daysBetween(r.start_date!, filter.today),
    coordinatorEmployeeId: r.coordinator_employee_id,
  }));
}

/** The caseworker's own cases' not-started interventions. */
export async function myNotStarted(a: Access): Promise<{ items: NotStarted[] }> {
  const me = a.ctx.principal;
  return a.gateway.run(a.ctx, { action: 'caseload.read', subject: { search: { notStartedOf: me.id }, resolve: async () => null }, resourceType: 'intervention' }, async (g) => ({
    items: await listNotStarted(g.tx, { today: todayInCopenhagen(a.ctx.now()), coordinatorEmployeeId: me.id ?? '' }),
  }));
}

/**
 * Raises one task per not-started intervention for the case's coordinating
 * caseworker; idempotent (an intervention that already has such a task gets
 * no second one). Batch work over many citizens: audited once, like a screening.
 */
export async function sweepNotStarted(a: Access): Promise<z.infer<typeof api.SweepResult>> {
  const today = todayInCopenhagen(a.ctx.now());
  return a.gateway.run(a.ctx, { action: 'visitation.sweep', subject: { search: { notStartedOn: today }, resolve: async () => null }, resourceType: 'intervention' }, async (g) => {
    const flagged = await listNotStarted(g.tx, { today });
    const raised = await raiseNotStartedTasks(g.tx, a.ctx, flagged);
    return { flagged: flagged.length, tasksRaised: raised, on: today };
  });
}

export const NOT_STARTED_TASK_KIND = 'intervention_not_started';

async function raiseNotStartedTasks(tx: Tx, ctx: RequestContext, flagged: NotStarted[]): Promise<number> {
  if (flagged.length === 0) return 0;
  const existing = await tx
    .selectFrom('task')
    .select('intervention_id')
    .where('kind', '=', NOT_STARTED_TASK_KIND)
    .where('intervention_id', 'in', flagged.map((f) => f.interventionId))
    .execute();
  const has = new Set(existing.map((e) => e.intervention_id));
  const fresh = flagged.filter((f) => !has.has(f.interventionId));
  let raised = 0;
  for (const f of fresh) {
    const inserted = await tx
      .insertInto('task')
      .values({
        municipality_id: ctx.principal.municipalityId,
        id: crypto.randomUUID(),
        case_id: f.caseId,
        kind: NOT_STARTED_TASK_KIND,
        title: `Aftalt, men ikke startet: ${f.title}`,
        detail: `Indsatsen skulle være startet ${f.plannedStart} (${f.daysLate} dage siden). Følg op med den udførende, eller ret startdatoen i planen.`,
        legal_basis: null,
        due_on: null,
        status: 'open',
        assignee_employee_id: f.coordinatorEmployeeId,
        intervention_id: f.interventionId,
        created_at: ctx.now(),
      })
      .onConflict((oc) => oc.columns(['municipality_id', 'intervention_id']).where('kind', '=', NOT_STARTED_TASK_KIND).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) continue;
    raised++;
    await recordCaseEvent(tx, ctx, f.caseId, 'intervention_not_started_flagged', { interventionId: f.interventionId, plannedStart: f.plannedStart });
  }
  return raised;
}
