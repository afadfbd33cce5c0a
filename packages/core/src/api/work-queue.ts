import { z } from 'zod';
import { WORK_ITEM_KINDS } from '../work-queue/items';
import { WORK_URGENCIES } from '../work-queue/urgency';
import { LocalDateSchema, Uuid } from './common';

/** One thing to do in the caseworker's work queue; see core/work-queue. */
export const WorkItem = z.object({
  kind: z.enum(WORK_ITEM_KINDS),
  kindLabel: z.string(),
  /** what to do, in plain Danish */
  what: z.string(),
  /** why it needs doing */
  why: z.string(),
  dueOn: LocalDateSchema.nullable(),
  /** days from today to the deadline; negative when overdue, null without a deadline */
  daysLeft: z.number().int().nullable(),
  urgency: z.enum(WORK_URGENCIES),
  urgencyLabel: z.string(),
  caseId: Uuid,
  citizenId: Uuid,
  citizenName: z.string(),
  relation: z.enum(['coordinator', 'team', 'task']),
  /** the thing to act on, by kind: task, complaint, intervention, goal, message thread; the case for calendar conflicts */
  refId: Uuid,
  since: z.string(),
});

export const WorkQueue = z.object({
  today: LocalDateSchema,
  items: z.array(WorkItem),
  counts: z.object({ overdue: z.number().int(), this_week: z.number().int(), none: z.number().int(), later: z.number().int() }),
  /** target-group candidates waiting for the individual assessment (for those who assess; null otherwise) */
  targetGroup: z.object({ candidates: z.number().int(), mandatory: z.number().int() }).nullable(),
});
