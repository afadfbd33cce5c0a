import { budgetChangeProblem, budgetPeriodStatus, danishDate, danishKroner, todayInCopenhagen, type api, type LocalDate } from '@helhed/core';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Access } from '../../access/access';
import type { Tx } from '../../db/transactions';
import { conflict, invalid, notFound } from '../../errors';
import { readBudgetUse } from './forum';
import { num, requireRole } from './common';

type BudgetPeriod = z.infer<typeof api.BudgetPeriod>;

/**
 * The visitation forum's budget as the municipality's own data (SPEC C6,
 * C12): the administrator sets a budget for a period and changes its amount;
 * leaders read. The period keeps its row — the forum's approvals point at
 * it — and every amount it has had is a row of `forum_budget_change`, with
 * who, when and why. An edit names the version it started from; a stale
 * one is refused, so two administrators never overwrite each other.
 */

/** Every period of every forum with its use (today) and the history of its amount. */
export async function listBudgetPeriods(a: Access): Promise<z.infer<typeof api.BudgetPeriodList>> {
  requireRole(a, 'organisation.read');
  const today = todayInCopenhagen(a.ctx.now());
  return a.gateway.administrative(a.ctx, async (tx) => {
    const [items, forums] = await Promise.all([readPeriods(tx, today), readForums(tx)]);
    return { today, forums, items };
  });
}

export async function createBudget(a: Access, body: z.infer<typeof api.CreateBudgetBody>): Promise<BudgetPeriod> {
  requireRole(a, 'organisation.manage');
  const today = todayInCopenhagen(a.ctx.now());
  const errors = [];
  if (body.periodEnd < body.periodStart) errors.push({ path: 'body.periodEnd', code: 'before-start', message: 'Perioden slutter, før den begynder. Vælg en slutdato efter startdatoen.' });
  else if (body.periodEnd < today) errors.push({ path: 'body.periodEnd', code: 'backdated', message: 'Perioden er allerede slut. Et budget kan kun sættes for en løbende eller kommende periode.' });
  if (errors.length) throw invalid(errors.map((e) => e.message).join(' '), errors, errors[0]!.code);
  return a.gateway.administrative(a.ctx, async (tx) => {
    if (!(await tx.selectFrom('team').select('id').where('id', '=', body.forumTeamId).executeTakeFirst())) {
      throw invalid('Visitationsforummet findes ikke.', [{ path: 'body.forumTeamId', code: 'unknown-team', message: 'Vælg et visitationsforum på listen.' }]);
    }
    // Two administrators adding periods for one forum at once: one waits, then sees the other's period.
    await sql`select pg_advisory_xact_lock(hashtext(${`forum_budget|${body.forumTeamId}`}))`.execute(tx);
    const overlap = await tx
      .selectFrom('forum_budget')
      .select(['period_start', 'period_end'])
      .where('forum_team_id', '=', body.forumTeamId)
      .where('period_start', '<=', body.periodEnd)
      .where('period_end', '>=', body.periodStart)
      .orderBy('period_start')
      .executeTakeFirst();
    if (overlap) {
      throw conflict(
        `Forummet har allerede et budget for ${danishDate(overlap.period_start)} – ${danishDate(overlap.period_end)}, som overlapper perioden. Ret beløbet for den periode i stedet, eller vælg datoer uden for den.`,
        'budget-overlap',
      );
    }
    const id = crypto.randomUUID();
    await tx
      .insertInto('forum_budget')
      .values({ municipality_id: a.ctx.principal.municipalityId, id, forum_team_id: body.forumTeamId, period_start: body.periodStart, period_end: body.periodEnd, budget_dkk: body.budgetDkk })
      .execute();
    await recordAmount(tx, a, { budgetId: id, version: 1, budgetDkk: body.budgetDkk, previousDkk: null, reason: body.reason ?? null });
    return readOne(tx, id, today);
  });
}

/** A new amount for the whole period. Not below what the forum has approved in it; never for a period that is over. */
export async function changeBudget(a: Access, budgetId: string, body: z.infer<typeof api.ChangeBudgetBody>): Promise<BudgetPeriod> {
  requireRole(a, 'organisation.manage');
  const today = todayInCopenhagen(a.ctx.now());
  return a.gateway.administrative(a.ctx, async (tx) => {
    // The same lock an approval takes: a change and an approval in the period are judged one after the other.
    const row = await tx.selectFrom('forum_budget').select(['version', 'budget_dkk']).where('id', '=', budgetId).forUpdate().executeTakeFirst();
    if (!row) throw notFound('Budgettet');
    if (row.version !== body.version) {
      throw conflict(`Budgettet er ændret af en anden, siden du hentede det (nu ${danishKroner(Number(row.budget_dkk))}). Hent siden igen, og ret derefter.`, 'stale-version');
    }
    const [use] = await readBudgetUse(tx, { budgetId });
    const problem = budgetChangeProblem(use!, body.budgetDkk, today);
    if (problem?.code === 'unchanged') throw invalid(problem.message, [{ path: 'body.budgetDkk', code: problem.code, message: 'Beløbet er uændret.' }], problem.code);
    if (problem) throw conflict(problem.message, problem.code);
    const version = row.version + 1;
    await tx.updateTable('forum_budget').set({ budget_dkk: body.budgetDkk, version }).where('id', '=', budgetId).execute();
    await recordAmount(tx, a, { budgetId, version, budgetDkk: body.budgetDkk, previousDkk: Number(row.budget_dkk), reason: body.reason });
    return readOne(tx, budgetId, today);
  });
}

async function recordAmount(tx: Tx, a: Access, change: { budgetId: string; version: number; budgetDkk: number; previousDkk: number | null; reason: string | null }): Promise<void> {
  await tx
    .insertInto('forum_budget_change')
    .values({
      municipality_id: a.ctx.principal.municipalityId,
      budget_id: change.budgetId,
      version: change.version,
      budget_dkk: change.budgetDkk,
      previous_dkk: change.previousDkk,
      reason: change.reason,
      changed_at: a.ctx.now(),
      changed_by: a.ctx.principal.id,
    })
    .execute();
}

/** The teams that sit as a visitation forum (a member holds the role), and any team that has had a budget. */
async function readForums(tx: Tx): Promise<{ id: string; name: string }[]> {
  return tx
    .selectFrom('team as t')
    .select(['t.id', 't.name'])
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('team_member as m')
            .innerJoin('employee_role as r', 'r.employee_id', 'm.employee_id')
            .select('m.team_id')
            .whereRef('m.team_id', '=', 't.id')
            .where('r.role', '=', 'visitation_forum'),
        ),
        eb.exists(eb.selectFrom('forum_budget as b').select('b.id').whereRef('b.forum_team_id', '=', 't.id')),
      ]),
    )
    .orderBy('t.name')
    .execute();
}

async function readOne(tx: Tx, id: string, today: LocalDate): Promise<BudgetPeriod> {
  return (await readPeriods(tx, today, id))[0]!;
}

async function readPeriods(tx: Tx, today: LocalDate, budgetId?: string): Promise<BudgetPeriod[]> {
  const uses = await readBudgetUse(tx, budgetId ? { budgetId } : {});
  if (uses.length === 0) return [];
  const changes = await tx
    .selectFrom('forum_budget_change as c')
    .leftJoin('employee as e', 'e.id', 'c.changed_by')
    .select(['c.budget_id', 'c.version', 'c.budget_dkk', 'c.previous_dkk', 'c.reason', 'c.changed_at', 'e.name as changed_by_name'])
    .where('c.budget_id', 'in', uses.map((u) => u.id))
    .orderBy('c.version', 'desc')
    .execute();
  return uses
    .map((use) => ({
      ...use,
      status: budgetPeriodStatus(use, today),
      history: changes
        .filter((c) => c.budget_id === use.id)
        .map((c) => ({
          version: c.version,
          budgetDkk: Number(c.budget_dkk),
          previousDkk: num(c.previous_dkk),
          reason: c.reason,
          changedAt: c.changed_at.toISOString(),
          changedByName: c.changed_by_name,
        })),
    }))
    .sort((x, y) => x.forumName.localeCompare(y.forumName, 'da') || y.periodStart.localeCompare(x.periodStart));
}
