import { buildWorkQueue, countByUrgency, todayInCopenhagen, type api, type WorkCase, type WorkRelation, type WorkSource } from '@helhed/core';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Access } from '../access/access';
import type { Tx } from '../db/transactions';
import { calendarWindow, conflictsByCase } from './calendar';
import { inCaseloadOf } from './cases';
import { threadsAwaitingAnswer } from './messages';
import { listDueFollowUps } from './plan-read';
import { countAwaitingAssessment } from './target-group';
import { readTasks } from './tasks';
import { listNotStarted, NOT_STARTED_TASK_KIND } from './visitation/not-started';

type WorkQueue = z.infer<typeof api.WorkQueue>;

/**
 * The caseworker's work queue (issue 6): one prioritised list of what needs
 * doing across the caseload — my open tasks, complaints waiting for
 * reassessment (or for a decision on a late complaint), interventions agreed
 * but not started, calendar conflicts, goals due for follow-up and citizens'
 * unread messages — plus how many target-group candidates wait for
 * assessment. One gateway call: one transaction, one audit record (a search
 * over the caseload, like /caseload and /tasks). Built from the same read
 * functions as the single-topic endpoints.
 */
export async function myWorkQueue(a: Access): Promise<WorkQueue> {
  const me = a.ctx.principal;
  const now = a.ctx.now();
  const today = todayInCopenhagen(now);
  return a.gateway.run(a.ctx, { action: 'caseload.read', subject: { search: { workQueueOf: me.id }, resolve: async () => null }, resourceType: 'work_queue' }, async (g) => {
    const tx = g.tx;
    const cases = await workCases(tx, me.id);
    const caseload = cases.filter((c) => c.relation !== 'task');
    const caseIds = caseload.map((c) => c.caseId);
    const tasks = await readTasks(tx, { assignee: me.id ?? '', openOnly: true });
    const taskedInterventions = new Set(tasks.filter((t) => t.kind === NOT_STARTED_TASK_KIND).map((t) => t.interventionId));
    const sources: WorkSource[] = [
      ...tasks.map((t): WorkSource => ({ kind: 'task', caseId: t.caseId, taskId: t.id, title: t.title, detail: t.detail, legalBasis: t.legalBasis, dueOn: t.dueOn, createdAt: t.createdAt })),
      ...(await complaintsAwaitingReassessment(tx, caseIds)),
      // An intervention the not-started sweep already gave me a task for is that task.
      ...(await listNotStarted(tx, { today, caseIds }))
        .filter((n) => !taskedInterventions.has(n.interventionId))
        .map((n): WorkSource => ({ kind: 'not_started', caseId: n.caseId, interventionId: n.interventionId, title: n.title, plannedStart: n.plannedStart })),
      ...(await conflictsByCase(tx, caseload, calendarWindow(now))).map((c): WorkSource => ({ kind: 'calendar_conflict', caseId: c.caseId, conflicts: c.conflicts, firstConflictOn: c.firstConflictOn })),
      ...(await listDueFollowUps(tx, { onDate: today, caseIds })).map((f): WorkSource => ({ kind: 'follow_up', caseId: f.caseId, goalId: f.goalId, goalTitle: f.goalTitle, nextFollowUpOn: f.nextFollowUpOn })),
      ...(await threadsAwaitingAnswer(tx, caseIds)).map((t): WorkSource => ({ kind: 'unread_messages', ...t })),
    ];
    const items = buildWorkQueue(sources, cases, today);
    const assesses = me.kind === 'employee' && me.roles.includes('coordinating_caseworker');
    return { today, items, counts: countByUrgency(items), targetGroup: assesses ? await countAwaitingAssessment(tx) : null };
  });
}

/** The open cases of my caseload, and any case where an open task of mine lies (e.g. after the case moved to a colleague). */
async function workCases(tx: Tx, employeeId: string | null): Promise<WorkCase[]> {
  // coalesce: a case without a coordinating team makes inCaseloadOf null, not false.
  const { rows } = await sql<{ id: string; citizen_id: string; citizen_name: string; in_caseload: boolean; mine: boolean }>`
    select k.id, k.citizen_id, c.name as citizen_name,
      (k.closed_at is null and coalesce(${inCaseloadOf(employeeId)}, false)) as in_caseload,
      coalesce(k.coordinator_employee_id = ${employeeId}, false) as mine
    from holistic_case k
    join citizen c on c.id = k.citizen_id
    where (k.closed_at is null and ${inCaseloadOf(employeeId)})
      or exists (select 1 from task t where t.case_id = k.id and t.assignee_employee_id = ${employeeId} and t.status = 'open')
  `.execute(tx);
  return rows.map((r) => ({
    caseId: r.id,
    citizenId: r.citizen_id,
    citizenName: r.citizen_name,
    relation: (!r.in_caseload ? 'task' : r.mine ? 'coordinator' : 'team') satisfies WorkRelation,
  }));
}

/** Complaints received and not yet reassessed (nor refused as late). */
async function complaintsAwaitingReassessment(tx: Tx, caseIds: readonly string[]): Promise<WorkSource[]> {
  if (caseIds.length === 0) return [];
  const rows = await tx
    .selectFrom('complaint as c')
    .innerJoin('decision as d', 'd.id', 'c.decision_id')
    .select(['c.id', 'c.case_id', 'd.title', 'c.channel', 'c.received_on', 'c.complaint_deadline', 'c.days_late', 'c.late_handling', 'c.reassessment_deadline', 'c.created_at'])
    .where('c.status', '=', 'received')
    .where('c.case_id', 'in', [...caseIds])
    .execute();
  return rows.map((r) => ({
    kind: 'complaint',
    caseId: r.case_id,
    complaintId: r.id,
    decisionTitle: r.title,
    channel: r.channel,
    receivedOn: r.received_on,
    complaintDeadline: r.complaint_deadline,
    daysLate: r.days_late,
    lateHandling: r.late_handling,
    reassessmentDeadline: r.reassessment_deadline,
    createdAt: r.created_at.toISOString(),
  }));
}
