import { z } from 'zod';
import { LocalDateSchema, Uuid } from './common';
import { Contact, HolisticCase, Intervention, Task } from './cases';
import { ConsentOverview } from './consents';
import { Calendar, NewInformation } from './coordination';
import { Complaint, Decision } from './decisions';
import { DueFollowUp, FamilyMember, Plan } from './plan';

/**
 * The caseworker's one-screen overview of a citizen (SPEC §7.1, issue 4 item 7):
 * one call, one transaction, one audit record. For employees; the citizen
 * has "Min plan".
 */
export const CitizenOverview = z.object({
  citizen: z.object({
    id: Uuid,
    name: z.string(),
    age: z.number().int(),
    birthDate: LocalDateSchema,
    cprMasked: z.string().nullable().describe("'DDMMYY-xxxx'; the full number is never in the overview"),
  }),
  case: HolisticCase.nullable(),
  contacts: z.object({
    items: z.array(Contact),
    counts: z.object({
      active: z.number().int(),
      activeAuthority: z.number().int(),
      authorityLast12Months: z.number().int(),
      coordinatorChangesLast12Months: z.number().int(),
    }),
  }),
  consents: ConsentOverview.shape.current,
  plan: Plan.nullable(),
  dueFollowUps: z.array(DueFollowUp),
  /** each intervention carries its "agreed but not started" flag (notStarted) */
  interventionsBySector: z.array(z.object({ sector: z.string(), items: z.array(Intervention) })),
  calendar: Calendar.nullable(),
  unreadMessages: z.number().int(),
  openNewInformation: z.array(NewInformation),
  decisions: z.array(Decision),
  complaints: z.array(Complaint),
  family: z.array(FamilyMember),
  openTasks: z.array(Task),
  screening: z
    .object({ classification: z.enum(['mandatory', 'optional', 'none']), ruleSetId: z.string(), evaluatedOn: LocalDateSchema, summary: z.string() })
    .nullable(),
});
export type CitizenOverview = z.infer<typeof CitizenOverview>;
