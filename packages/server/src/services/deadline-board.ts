import { sql } from 'kysely';
import { daysBetween, deadlineState, DEADLINE_KIND_LABELS, todayInCopenhagen, type api, type DeadlineKind, type DeadlineState } from '@helhed/core';
import type { z } from 'zod';
import type { Access } from '../access/access';

type Board = z.infer<typeof api.DeadlineBoard>;

/**
 * The leaders' deadline board (SPEC C8): the citizens' running complaint
 * deadlines, the municipality's reassessment and forwarding deadlines and the
 * follow-up on Ankestyrelsen's results — due, overdue, met, missed — by unit
 * and caseworker. Leaders see no citizen: no name, CPR or complaint text,
 * only dates, opaque case references, the unit and the caseworker.
 * Audited once per view, as a search without a citizen.
 */
export async function deadlineBoard(a: Access, query: z.infer<typeof api.DeadlineBoardQuery>): Promise<Board> {
  const today = todayInCopenhagen(a.ctx.now());
  return a.gateway.run(
    a.ctx,
    { action: 'deadlines.read', subject: { search: { deadlineBoard: today, state: query.state ?? null }, resolve: async () => null }, resourceType: 'deadline_board' },
    async (g) => {
      const { rows } = await sql<{ kind: DeadlineKind; due_on: string; done_on: string | null; case_id: string; decision_id: string | null; complaint_id: string | null; caseworker_name: string; unit_name: string }>`
        select x.kind, x.due_on, x.done_on, x.case_id, x.decision_id, x.complaint_id,
          coalesce(e.name, 'Team: ' || t.name, '') as caseworker_name,
          coalesce(ue.name, ut.name, '') as unit_name
        from (
          select 'complaint' as kind, d.complaint_deadline as due_on, null::date as done_on, d.case_id, d.id as decision_id, null::uuid as complaint_id
            from decision d where d.status = 'issued' and d.complaint_deadline >= ${today}::date
          union all
          select 'reassessment', c.reassessment_deadline, c.reassessed_on, c.case_id, c.decision_id, c.id
            from complaint c where c.status <> 'refused_late'
          union all
          select 'forwarding', c.reassessment_deadline, c.forwarded_on, c.case_id, c.decision_id, c.id
            from complaint c where c.reassessment_outcome = 'uphold'
          union all
          select 'appeal_follow_up', tk.due_on, (tk.completed_at at time zone 'Europe/Copenhagen')::date, c.case_id, c.decision_id, c.id
            from complaint c join task tk on tk.id = c.appeal_task_id where tk.status <> 'cancelled'
        ) x
        join holistic_case k on k.id = x.case_id
        left join employee e on e.id = k.coordinator_employee_id
        left join org_unit ue on ue.id = e.unit_id
        left join team t on t.id = k.coordinator_team_id
        left join org_unit ut on ut.id = t.unit_id
        order by x.due_on, x.kind, x.case_id
      `.execute(g.tx);
      const items = rows
        .map((r) => {
          const state: DeadlineState = deadlineState(r.due_on, r.done_on, today);
          return {
            kind: r.kind,
            kindLabel: DEADLINE_KIND_LABELS[r.kind],
            dueOn: r.due_on,
            doneOn: r.done_on,
            state,
            daysLeft: daysBetween(today, r.due_on),
            caseId: r.case_id,
            decisionId: r.decision_id,
            complaintId: r.complaint_id,
            unitName: r.unit_name,
            caseworkerName: r.caseworker_name,
          };
        })
        .filter((i) => !query.state || i.state === query.state);
      const summary = new Map<string, Board['summary'][number]>();
      for (const i of items) {
        const key = `${i.unitName}\u0000${i.caseworkerName}\u0000${i.kind}`;
        const row = summary.get(key) ?? { unitName: i.unitName, caseworkerName: i.caseworkerName, kind: i.kind, running: 0, overdue: 0, met: 0, missed: 0 };
        row[i.state] += 1;
        summary.set(key, row);
      }
      return { today, items, summary: [...summary.values()] };
    },
  );
}
