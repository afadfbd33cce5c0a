import { z } from 'zod';
import { COMPLAINT_ROUTES } from '../letters/decision-letter';
import { COST_MODELS, VISITATION_STATUSES } from '../visitation/visitation';
import { LocalDateSchema, Uuid } from './common';

/** The visitation fields of an intervention (SPEC C6); spread into `Intervention` in cases.ts. */
export const InterventionVisitationFields = {
  catalogueItemId: Uuid.nullable(),
  /** the catalogue item's kind code, e.g. 'fleksjob', 'individuel_stoette' */
  kind: z.string().nullable(),
  visitationStatus: z.enum(VISITATION_STATUSES).nullable(),
  visitationStatusLabel: z.string().nullable(),
  /** planned start = startDate; the day it actually started */
  startedOn: LocalDateSchema.nullable(),
  quantity: z.number().nullable(),
  costModel: z.enum(COST_MODELS).nullable(),
  unitPriceDkk: z.number().nullable(),
  costDkk: z.number().nullable(),
  executingEmployeeId: Uuid.nullable(),
  executingName: z.string().nullable(),
  appealable: z.boolean().nullable(),
  complaintRoute: z.enum(COMPLAINT_ROUTES).nullable(),
  /** a forsørgelsesydelse: decided under employment law, outside the combined decision */
  isBenefit: z.boolean().nullable(),
  /** components of a combined intervention granted as one element (e.g. mentor + § 85) */
  combinedOf: z.array(z.string()),
  ruleSetId: z.string().nullable(),
  /** granted or approved, planned start passed, not started */
  notStarted: z.boolean(),
  hoursPool: z
    .object({ totalHours: z.number(), usedHours: z.number(), remainingHours: z.number(), periodStart: LocalDateSchema, periodEnd: LocalDateSchema })
    .nullable(),
  pause: z.object({ pausedOn: LocalDateSchema, returnDeadline: LocalDateSchema, reason: z.string() }).nullable(),
  forumRequestId: Uuid.nullable(),
};
