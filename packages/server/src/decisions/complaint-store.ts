import { APPEAL_RESULT_LABELS, type api } from '@helhed/core';
import type { z } from 'zod';
import type { Tx } from '../db/transactions';

export type ComplaintDto = z.infer<typeof api.Complaint>;

export async function readComplaints(tx: Tx, where: { caseId?: string; id?: string }): Promise<ComplaintDto[]> {
  let q = tx.selectFrom('complaint').selectAll();
  if (where.caseId) q = q.where('case_id', '=', where.caseId);
  if (where.id) q = q.where('id', '=', where.id);
  const rows = await q.orderBy('created_at').orderBy('id').execute();
  const elements = rows.length
    ? await tx
        .selectFrom('complaint_element as c')
        .innerJoin('decision_element as e', 'e.id', 'c.element_id')
        .select(['c.complaint_id', 'e.id', 'e.title', 'e.position'])
        .where('c.complaint_id', 'in', rows.map((r) => r.id))
        .orderBy('e.position')
        .execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    decisionId: r.decision_id,
    status: r.status,
    scope: r.scope,
    elements: elements.filter((e) => e.complaint_id === r.id).map((e) => ({ id: e.id, title: e.title })),
    notCovered: r.not_covered as ComplaintDto['notCovered'],
    channel: r.channel,
    receivedOn: r.received_on,
    submittedBy: r.submitted_by_kind,
    text: r.text,
    complaintDeadline: r.complaint_deadline,
    late: r.days_late > 0,
    daysLate: r.days_late,
    lateHandling: r.late_handling,
    lateHandlingReason: r.late_handling_reason,
    reassessmentDeadline: r.reassessment_deadline,
    reassessment:
      r.reassessment_outcome && r.reassessed_on
        ? { outcome: r.reassessment_outcome, reasoning: r.reassessment_reasoning ?? '', decidedOn: r.reassessed_on, newDecisionId: r.new_decision_id }
        : null,
    forwardedOn: r.forwarded_on,
    appealResult:
      r.appeal_result && r.appeal_result_on
        ? { result: r.appeal_result, resultLabel: APPEAL_RESULT_LABELS[r.appeal_result], receivedOn: r.appeal_result_on, note: r.appeal_note, taskId: r.appeal_task_id }
        : null,
    version: r.version,
  }));
}

export async function readComplaint(tx: Tx, id: string): Promise<ComplaintDto> {
  return (await readComplaints(tx, { id }))[0]!;
}
