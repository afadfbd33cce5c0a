import { z } from 'zod';
import { RULE_SET_IDS } from '../rules/types';
import { COMPLAINT_ROUTES } from '../letters/decision-letter';
import { COST_MODELS } from '../visitation/visitation';
import { SECTORS } from '../vocabulary';
import { DkkAmount, Instant, LocalDateSchema, LongText, Name, ShortText, Uuid, Version } from './common';

export { InterventionVisitationFields } from './visitation-fields';

const Code = z.string().trim().regex(/^[a-z0-9_]{2,60}$/, 'små bogstaver, tal og _');
const Reason = z.string().trim().min(10).max(4000);

export const LegalBasisInput = z.strictObject({
  law: ShortText,
  section: z.string().trim().max(200),
  ruleSets: z.array(z.enum(RULE_SET_IDS)).min(1),
});

const CatalogueItemFields = {
  kind: Code.describe("machine code, e.g. 'mentor', 'fleksjob', 'individuel_stoette'"),
  title: ShortText,
  description: LongText.optional(),
  sector: z.enum(SECTORS),
  /** authority-limit category, e.g. 'beskaeftigelse', 'individuel_stoette' */
  category: Code,
  legalBases: z.array(LegalBasisInput).min(1).max(10),
  ownerUnitId: Uuid,
  costModel: z.enum(COST_MODELS),
  unitPriceDkk: DkkAmount,
  appealable: z.boolean(),
  complaintRoute: z.enum(COMPLAINT_ROUTES),
  /** why a complaint route is 'none' (required then) */
  noComplaintReason: z.string().trim().max(500).optional(),
  isBenefit: z.boolean(),
  requiresRehabilitation: z.boolean(),
  /** granted as a pool of hours over a period instead of fixed weekly hours */
  flexibleHours: z.boolean(),
  /** kinds combined into this one intervention with one decision element and one primary person */
  combinedOf: z.array(Code).max(5).optional(),
};

export const CreateCatalogueItemBody = z.strictObject(CatalogueItemFields);
export const UpdateCatalogueItemBody = z.strictObject({
  ...Object.fromEntries(Object.entries(CatalogueItemFields).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof typeof CatalogueItemFields]: z.ZodOptional<(typeof CatalogueItemFields)[K]>;
  },
  active: z.boolean().optional(),
  version: Version,
});

export const CatalogueItem = z.object({
  id: Uuid,
  kind: z.string(),
  title: z.string(),
  description: z.string(),
  sector: z.string(),
  category: z.string(),
  legalBases: z.array(z.object({ law: z.string(), section: z.string(), ruleSets: z.array(z.string()) })),
  ownerUnitId: Uuid,
  ownerUnitName: z.string(),
  costModel: z.enum(COST_MODELS),
  costModelLabel: z.string(),
  unitPriceDkk: z.number(),
  appealable: z.boolean(),
  complaintRoute: z.enum(COMPLAINT_ROUTES),
  complaintRouteLabel: z.string(),
  noComplaintReason: z.string().nullable(),
  isBenefit: z.boolean(),
  requiresRehabilitation: z.boolean(),
  flexibleHours: z.boolean(),
  combinedOf: z.array(z.string()),
  active: z.boolean(),
  version: Version,
});
export const CatalogueList = z.object({ items: z.array(CatalogueItem) });
export const CatalogueQuery = z.strictObject({
  /** only items that exist under the rule set the municipality works under on this date */
  availableOn: LocalDateSchema.optional(),
});
export const CatalogueItemParams = z.strictObject({ itemId: Uuid });

export const RequestVisitationBody = z.strictObject({
  catalogueItemId: Uuid,
  /** defaults to the catalogue item's title */
  title: ShortText.optional(),
  plannedStart: LocalDateSchema,
  endDate: LocalDateSchema.optional(),
  /** hours (per_hour; the pool size for flexible hours), weeks, months or pieces (one_off) */
  quantity: z.number().positive().max(100_000),
  executingEmployeeId: Uuid.optional(),
  executingName: Name.optional(),
  /** the caseworker's reasoning; required when the request goes to the forum */
  reasoning: z.string().trim().max(4000).optional(),
});
export const VisitationResult = z.object({
  outcome: z.enum(['granted', 'forum']),
  interventionId: Uuid,
  forumRequestId: Uuid.nullable(),
  costDkk: z.number(),
  authorityMaxDkk: z.number().nullable(),
  detail: z.string(),
});

export const CaseInterventionParams = z.strictObject({ caseId: Uuid, interventionId: Uuid });
export const StartInterventionBody = z.strictObject({ startedOn: LocalDateSchema });
export const EndInterventionBody = z.strictObject({ endedOn: LocalDateSchema });
export const RegisterHoursBody = z.strictObject({
  usedOn: LocalDateSchema,
  hours: z.number().positive().max(24),
  note: z.string().trim().max(500).optional(),
});
export const PauseInterventionBody = z.strictObject({ pausedOn: LocalDateSchema, reason: Reason });
export const ResumeInterventionBody = z.strictObject({ resumedOn: LocalDateSchema });

export const RecordRehabilitationBody = z.strictObject({
  kind: z.enum(['rehabilitation_team', 'prerequisite_description']),
  /** the catalogue kind the decision concerns, e.g. 'fleksjob' */
  concerns: Code,
  meetingOn: LocalDateSchema,
  recommendation: z.string().trim().min(10).max(10_000),
  /** required for the prerequisite description (the health coordinator's advice) */
  healthCoordinatorAdvice: z.string().trim().max(10_000).optional(),
});
export const RehabilitationRecord = z.object({
  id: Uuid,
  kind: z.enum(['rehabilitation_team', 'prerequisite_description']),
  kindLabel: z.string(),
  concerns: z.string(),
  meetingOn: LocalDateSchema,
  recommendation: z.string(),
  healthCoordinatorAdvice: z.string().nullable(),
  recordedAt: Instant,
});

export const ForumRequestParams = z.strictObject({ requestId: Uuid });
export const ForumQueueItem = z.object({
  id: Uuid,
  status: z.enum(['pending', 'approved', 'rejected']),
  itemTitle: z.string(),
  category: z.string(),
  costDkk: z.number(),
  requestedAt: Instant,
  requestedByUnit: z.string(),
  decidedAt: Instant.nullable(),
});
export const ForumQueue = z.object({ items: z.array(ForumQueueItem) });
export const ForumRequest = ForumQueueItem.extend({
  citizenName: z.string(),
  citizenAge: z.number().int(),
  caseId: Uuid,
  interventionId: Uuid,
  title: z.string(),
  legalBasis: z.string(),
  plannedStart: LocalDateSchema.nullable(),
  quantity: z.number(),
  costModel: z.enum(COST_MODELS),
  unitPriceDkk: z.number(),
  requestedByName: z.string(),
  authorityMaxDkk: z.number().nullable(),
  caseworkerReasoning: z.string(),
  otherInterventions: z.array(z.object({ title: z.string(), sector: z.string(), status: z.string() })),
  decisionReasoning: z.string().nullable(),
  budget: z.lazy(() => BudgetUse).nullable(),
});
export const DecideForumRequestBody = z.strictObject({
  decision: z.enum(['approved', 'rejected']),
  reasoning: Reason,
});

export const BudgetUse = z.object({
  id: Uuid,
  forumTeamId: Uuid,
  forumName: z.string(),
  periodStart: LocalDateSchema,
  periodEnd: LocalDateSchema,
  /** counts the changes of the amount: a change names the version it started from */
  version: Version,
  budgetDkk: z.number(),
  grantedDkk: z.number(),
  committedDkk: z.number(),
  remainingDkk: z.number(),
  uncommittedDkk: z.number(),
});
export const BudgetList = z.object({ items: z.array(BudgetUse) });
/** A forum's budget for a period (the administrator's, SPEC C6, C12); periods of one forum never overlap. */
export const CreateBudgetBody = z.strictObject({
  forumTeamId: Uuid,
  periodStart: LocalDateSchema,
  periodEnd: LocalDateSchema,
  budgetDkk: DkkAmount,
  reason: ShortText.optional(),
});
export const BudgetParams = z.strictObject({ budgetId: Uuid });
/** A new amount for the whole period, from the version the edit started from; why is required, it is the history. */
export const ChangeBudgetBody = z.strictObject({
  version: Version,
  budgetDkk: DkkAmount,
  reason: ShortText,
});
export const BudgetChange = z.object({
  version: Version,
  budgetDkk: z.number(),
  /** null: the first amount */
  previousDkk: z.number().nullable(),
  reason: z.string().nullable(),
  changedAt: Instant,
  /** null: set before the history was kept */
  changedByName: z.string().nullable(),
});
export const BudgetPeriod = BudgetUse.extend({
  /** on today's date: running, not begun yet, or over (history, no longer changed) */
  status: z.enum(['current', 'planned', 'ended']),
  /** newest first */
  history: z.array(BudgetChange),
});
export const BudgetPeriodList = z.object({
  today: LocalDateSchema,
  /** the teams that sit as a visitation forum (a member with the role) or have had a budget */
  forums: z.array(z.object({ id: Uuid, name: z.string() })),
  /** every period, newest first within each forum */
  items: z.array(BudgetPeriod),
});

export const NotStartedItem = z.object({
  interventionId: Uuid,
  caseId: Uuid,
  citizenId: Uuid,
  title: z.string(),
  plannedStart: LocalDateSchema,
  daysLate: z.number().int(),
  coordinatorEmployeeId: Uuid.nullable(),
});
export const NotStartedList = z.object({ items: z.array(NotStartedItem) });
/** The sweep takes no options: an empty object. */
export const SweepBody = z.strictObject({});
export const SweepResult = z.object({ flagged: z.number().int(), tasksRaised: z.number().int(), on: LocalDateSchema });

export const OUTREACH_NEEDS = ['housing', 'substance_abuse', 'psychiatry', 'health', 'income', 'safety', 'other'] as const;
export const OutreachRegistrationBody = z.strictObject({
  /** optional: the citizen may not know or give it */
  cpr: z.string().trim().max(11).optional(),
  name: Name,
  /** when no CPR: the approximate birth year */
  approximateBirthYear: z.number().int().min(1900).max(2100).optional(),
  sex: z.enum(['female', 'male']).optional(),
  /** where the citizen was met, e.g. 'Forsorgshjemmet Ly' */
  site: ShortText,
  teamId: Uuid.optional(),
  needs: z.array(z.enum(OUTREACH_NEEDS)).min(1).max(OUTREACH_NEEDS.length),
  note: z.string().trim().max(2000).optional(),
  contactHint: z.string().trim().max(300).optional(),
});
export const OutreachRegistration = z.object({
  id: Uuid,
  citizenId: Uuid,
  caseId: Uuid,
  citizenCreated: z.boolean(),
  caseOpened: z.boolean(),
  identified: z.boolean(),
  site: z.string(),
  needs: z.array(z.enum(OUTREACH_NEEDS)),
});
