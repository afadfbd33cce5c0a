import { ageOn, budgetUse, danishKroner, EXECUTION_STATUS, fitsBudget, todayInCopenhagen, type api, type LocalDate } from '@helhed/core';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Access } from '../../access/access';
import type { Tx } from '../../db/transactions';
import { conflict } from '../../errors';
import { recordCaseEvent } from '../case-events';
import { requireRole } from './common';

type BudgetDto = z.infer<typeof api.BudgetUse>;
type QueueItem = z.infer<typeof api.ForumQueueItem>;
type RequestDto = z.infer<typeof api.ForumRequest>;

/**
 * The forum's queue without names (item, amount, requesting unit): enough to
 * plan a meeting, nothing about a person. Opening one request is a personal
 * data read through the gateway (relation 'forum'), audited per citizen.
 */
export async function forumQueue(a: Access): Promise<{ items: QueueItem[] }> {
  requireRole(a, 'visitation.forum_queue');
  return a.gateway.administrative(a.ctx, async (tx) => ({ items: await readQueue(tx, a.ctx.principal.id) }));
}

async function readQueue(tx: Tx, employeeId: string | null, requestId?: string): Promise<QueueItem[]> {
  let q = tx
    .selectFrom('visitation_request as r')
    .innerJoin('intervention as i', 'i.id', 'r.intervention_id')
    .innerJoin('catalogue_item as c', 'c.id', 'i.catalogue_item_id')
    .innerJoin('employee as e', 'e.id', 'r.requested_by')
    .innerJoin('org_unit as u', 'u.id', 'e.unit_id')
    .select(['r.id', 'r.status', 'r.cost_dkk', 'r.requested_at', 'r.decided_at', 'c.title as item_title', 'c.category', 'u.name as unit_name']);
  if (requestId) q = q.where('r.id', '=', requestId);
  // Leaders see every forum's queue; a forum member the forums they sit in.
  else if (employeeId)
    q = q.where((eb) =>
      eb.or([
        eb.exists(eb.selectFrom('team_member as m').select('m.team_id').whereRef('m.team_id', '=', 'r.forum_team_id').where('m.employee_id', '=', employeeId)),
        eb.exists(eb.selectFrom('employee_role as er').select('er.role').where('er.employee_id', '=', employeeId).where('er.role', '=', 'leader')),
      ]),
    );
  const rows = await q.orderBy(sql`case when r.status = 'pending' then 0 else 1 end`).orderBy('r.requested_at').orderBy('r.id').execute();
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    itemTitle: r.item_title,
    category: r.category,
    costDkk: Number(r.cost_dkk),
    requestedAt: r.requested_at.toISOString(),
    requestedByUnit: r.unit_name,
    decidedAt: r.decided_at?.toISOString() ?? null,
  }));
}

/** One request before the forum, with what is needed to decide it: audited as a read of the citizen's data. */
export async function getForumRequest(a: Access, requestId: string): Promise<RequestDto> {
  return a.gateway.run(
    a.ctx,
    { action: 'visitation.forum_read', subject: { owned: 'visitation_request', id: requestId }, resourceType: 'visitation_request', resourceId: requestId },
    (g) => readRequest(g.tx, requestId, todayInCopenhagen(a.ctx.now())),
  );
}

async function readRequest(tx: Tx, requestId: string, today: LocalDate): Promise<RequestDto> {
  const [base] = await readQueue(tx, null, requestId);
  const r = await tx
    .selectFrom('visitation_request as r')
    .innerJoin('intervention as i', 'i.id', 'r.intervention_id')
    .innerJoin('catalogue_item as c', 'c.id', 'i.catalogue_item_id')
    .innerJoin('citizen as z', 'z.id', 'r.citizen_id')
    .innerJoin('employee as e', 'e.id', 'r.requested_by')
    .select([
      'r.case_id',
      'r.intervention_id',
      'r.authority_max_dkk',
      'r.caseworker_reasoning',
      'r.decision_reasoning',
      'r.budget_id',
      'r.forum_team_id',
      'i.title',
      'i.legal_basis',
      'i.start_date',
      'i.quantity',
      'i.unit_price_dkk',
      'c.cost_model',
      'z.name as citizen_name',
      'z.birth_date',
      'e.name as requested_by_name',
    ])
    .where('r.id', '=', requestId)
    .executeTakeFirstOrThrow();
  // The rest of the effort, so the forum sees the request in its context (titles and status only).
  const others = await tx
    .selectFrom('intervention')
    .select(['title', 'sector', 'status'])
    .where('case_id', '=', r.case_id)
    .where('id', '<>', r.intervention_id)
    .orderBy('created_at')
    .execute();
  const budgets = await readBudgetUse(tx, { onDate: today, forumTeamId: r.forum_team_id, budgetId: r.budget_id });
  return {
    ...base!,
    citizenName: r.citizen_name,
    citizenAge: ageOn(r.birth_date, today),
    caseId: r.case_id,
    interventionId: r.intervention_id,
    title: r.title,
    legalBasis: r.legal_basis,
    plannedStart: r.start_date,
    quantity: Number(r.quantity),
    costModel: r.cost_model,
    unitPriceDkk: Number(r.unit_price_dkk),
    requestedByName: r.requested_by_name,
    authorityMaxDkk: r.authority_max_dkk === null ? null : Number(r.authority_max_dkk),
    caseworkerReasoning: r.caseworker_reasoning,
    otherInterventions: others,
    decisionReasoning: r.decision_reasoning,
    budget: budgets[0] ?? null,
  };
}

/**
 * The forum approves (against its budget for the period of the decision
 * date: the approval consumes it) or rejects, always with reasoning.
 */
export async function decideForumRequest(a: Access, requestId: string, body: z.infer<typeof api.DecideForumRequestBody>): Promise<RequestDto> {
  return a.gateway.run(
    a.ctx,
    { action: 'visitation.decide', subject: { owned: 'visitation_request', id: requestId }, resourceType: 'visitation_request', resourceId: requestId },
    async (g) => {
      const tx = g.tx;
      const now = a.ctx.now();
      const today = todayInCopenhagen(now);
      // Lock the request: two members deciding at once → one wins, the other sees it decided.
      const request = await tx.selectFrom('visitation_request').selectAll().where('id', '=', requestId).forUpdate().executeTakeFirstOrThrow();
      if (request.status !== 'pending') throw conflict('Anmodningen er allerede afgjort.', 'already-decided');
      let budgetId: string | null = null;
      if (body.decision === 'approved') {
        // Lock the budget row so concurrent approvals cannot overspend it.
        const budget = await tx
          .selectFrom('forum_budget')
          .select('id')
          .where('forum_team_id', '=', request.forum_team_id)
          .where('period_start', '<=', today)
          .where('period_end', '>=', today)
          .orderBy('period_start')
          .forUpdate()
          .executeTakeFirst();
        if (!budget) throw conflict('Visitationsforummet har intet budget for perioden og kan ikke bevilge.', 'no-forum-budget');
        const [use] = await readBudgetUse(tx, { onDate: today, budgetId: budget.id });
        const cost = Number(request.cost_dkk);
        if (!fitsBudget(use!, cost)) {
          throw conflict(
            `Budgettet rækker ikke: ${danishKroner(cost)} er mere end de ${danishKroner(use!.remainingDkk)}, der er tilbage for perioden.`,
            'budget-exceeded',
          );
        }
        budgetId = budget.id;
      }
      await tx
        .updateTable('visitation_request')
        .set({ status: body.decision, decided_by: a.ctx.principal.id, decided_at: now, decision_reasoning: body.reasoning, budget_id: budgetId })
        .where('id', '=', requestId)
        .execute();
      const to = body.decision === 'approved' ? 'approved' : 'rejected';
      await tx
        .updateTable('intervention')
        .set({
          visitation_status: to,
          status: EXECUTION_STATUS[to],
          granted_by: to === 'approved' ? a.ctx.principal.id : null,
          granted_at: to === 'approved' ? now : null,
          version: sql`version + 1`,
        })
        .where('id', '=', request.intervention_id)
        .execute();
      await recordCaseEvent(tx, a.ctx, request.case_id, body.decision === 'approved' ? 'forum_approved' : 'forum_rejected', {
        interventionId: request.intervention_id,
        forumRequestId: requestId,
        costDkk: Number(request.cost_dkk),
        reasoning: body.reasoning,
      });
      return readRequest(tx, requestId, today);
    },
  );
}

// ---------------------------------------------------------------- budgets

/** Budget use per forum budget (those covering `onDate`, or one by id): granted, committed (pending), remaining. A plain read. */
export async function readBudgetUse(tx: Tx, filter: { onDate?: LocalDate; forumTeamId?: string; budgetId?: string | null }): Promise<BudgetDto[]> {
  let q = tx.selectFrom('forum_budget as b').innerJoin('team as t', 't.id', 'b.forum_team_id').selectAll('b').select('t.name as forum_name');
  if (filter.budgetId) q = q.where('b.id', '=', filter.budgetId);
  else {
    if (filter.onDate) q = q.where('b.period_start', '<=', filter.onDate).where('b.period_end', '>=', filter.onDate);
    if (filter.forumTeamId) q = q.where('b.forum_team_id', '=', filter.forumTeamId);
  }
  const budgets = await q.orderBy('b.period_start').orderBy('t.name').execute();
  if (budgets.length === 0) return [];
  const requests = await tx
    .selectFrom('visitation_request')
    .select(['status', 'cost_dkk', 'budget_id', 'forum_team_id', 'requested_at'])
    .where('forum_team_id', 'in', budgets.map((b) => b.forum_team_id))
    .where('status', 'in', ['approved', 'pending'])
    .execute();
  return budgets.map((b) => {
    const granted = requests.filter((r) => r.status === 'approved' && r.budget_id === b.id).map((r) => Number(r.cost_dkk));
    // Pending requests count against the budget of the period they were asked in.
    const pending = requests
      .filter((r) => {
        const day = todayInCopenhagen(r.requested_at);
        return r.status === 'pending' && r.forum_team_id === b.forum_team_id && day >= b.period_start && day <= b.period_end;
      })
      .map((r) => Number(r.cost_dkk));
    return {
      id: b.id,
      forumTeamId: b.forum_team_id,
      forumName: b.forum_name,
      periodStart: b.period_start,
      periodEnd: b.period_end,
      version: b.version,
      ...budgetUse(Number(b.budget_dkk), granted, pending),
    };
  });
}

export async function listBudgets(a: Access, onDate?: LocalDate): Promise<{ items: BudgetDto[] }> {
  requireRole(a, 'visitation.forum_queue');
  return a.gateway.administrative(a.ctx, async (tx) => ({ items: await readBudgetUse(tx, { onDate: onDate ?? todayInCopenhagen(a.ctx.now()) }) }));
}
