import { z } from 'zod';
import { FFB_DOMAIN_IDS, FOLLOW_UP_RESULTS, FUNCTIONAL_LEVELS, GOAL_TYPES, PROGRESSION_MAX, PROGRESSION_MIN } from '../ffb';
import { Instant, LocalDateSchema, LongText, ShortText, Uuid } from './common';

const Text = z.string().trim().max(4000);
const Reason = z.string().trim().min(3).max(2000);
/** 0 = nothing exists yet (the first version); otherwise the version the client read. */
const ExpectedVersion = z.number().int().min(0);

// ----------------------------------------------------------------- assessment

export const AssessmentDomainInput = z.strictObject({
  domain: z.enum(FFB_DOMAIN_IDS),
  citizenWords: Text.default(''),
  resources: Text.default(''),
  barriers: Text.default(''),
  level: z.enum(FUNCTIONAL_LEVELS).default('not_assessed'),
  notes: Text.default(''),
});

export const SaveAssessmentBody = z.strictObject({
  version: ExpectedVersion,
  status: z.enum(['in_progress', 'completed']),
  /** the citizen's own goals, dreams and wishes */
  citizenGoals: Text.default(''),
  domains: z.array(AssessmentDomainInput).max(40),
});

export const ConfirmRecordBody = z.strictObject({
  sectorRecordId: Uuid,
  note: LongText.optional(),
});

const SectorRecordForDomain = z.object({
  id: Uuid,
  kind: z.enum(['benefit', 'plan', 'intervention']),
  code: z.string(),
  title: z.string(),
  legalBasis: z.string(),
  sector: z.string(),
  startDate: LocalDateSchema,
  endDate: LocalDateSchema.nullable(),
  sourceSystem: z.string(),
  confirmed: z.object({ by: z.string(), at: Instant, note: z.string().nullable() }).nullable(),
});

export const CaseAssessment = z.object({
  caseId: Uuid,
  /** 0 = not started */
  version: z.number().int().min(0),
  status: z.enum(['not_started', 'in_progress', 'completed']),
  statusLabel: z.string(),
  citizenGoals: z.string(),
  startedAt: Instant.nullable(),
  completedAt: Instant.nullable(),
  updatedAt: Instant.nullable(),
  updatedBy: z.string().nullable(),
  domains: z.array(
    z.object({
      domain: z.enum(FFB_DOMAIN_IDS),
      label: z.string(),
      area: z.string(),
      areaLabel: z.string(),
      citizenWords: z.string(),
      resources: z.string(),
      barriers: z.string(),
      level: z.enum(FUNCTIONAL_LEVELS),
      levelLabel: z.string(),
      notes: z.string(),
      /** what the sector systems already know, for confirmation instead of asking again */
      sectorRecords: z.array(SectorRecordForDomain),
    }),
  ),
});

export const RecordConfirmation = z.object({ sectorRecordId: Uuid, confirmedBy: z.string(), confirmedAt: Instant, note: z.string().nullable() });

// ----------------------------------------------------------------- plan

const GoalDates = {
  targetDate: LocalDateSchema.nullable().default(null),
  followUpDate: LocalDateSchema.nullable().default(null),
};

export const SubGoalInput = z.strictObject({
  /** omit for a new sub-goal; keep the id of an existing one */
  id: Uuid.optional(),
  title: ShortText,
  citizenWords: Text.nullable().default(null),
  domain: z.enum(FFB_DOMAIN_IDS),
  goalType: z.enum(GOAL_TYPES),
  priority: z.number().int().min(1).max(100),
  ...GoalDates,
  interventionIds: z.array(Uuid).max(50).default([]),
});

export const SavePlanBody = z.strictObject({
  version: ExpectedVersion,
  /** why the plan changes (required for every version) */
  reason: Reason,
  startDate: LocalDateSchema,
  overallGoal: z.strictObject({
    citizenWords: z.string().trim().min(1).max(4000),
    caseworkerText: Text.default(''),
    ...GoalDates,
  }),
  subGoals: z.array(SubGoalInput).max(30),
});

const GoalProgress = z.object({
  progression: z.number().int().nullable(),
  achievement: z.string(),
  achievementLabel: z.string(),
  nextFollowUpOn: LocalDateSchema.nullable(),
  followUpDue: z.boolean(),
  followUps: z.array(
    z.object({
      id: Uuid,
      recordedOn: LocalDateSchema,
      progression: z.number().int(),
      result: z.enum(FOLLOW_UP_RESULTS),
      resultLabel: z.string(),
      note: z.string(),
      nextFollowUpOn: LocalDateSchema.nullable(),
      recordedBy: z.string(),
    }),
  ),
});

export const PlanSubGoal = z.object({
  id: Uuid,
  title: z.string(),
  citizenWords: z.string().nullable(),
  domain: z.enum(FFB_DOMAIN_IDS),
  domainLabel: z.string(),
  goalType: z.enum(GOAL_TYPES),
  goalTypeLabel: z.string(),
  priority: z.number().int(),
  targetDate: LocalDateSchema.nullable(),
  followUpDate: LocalDateSchema.nullable(),
  interventions: z.array(z.object({ id: Uuid, title: z.string(), sector: z.string(), legalBasis: z.string(), status: z.string() })),
  progress: GoalProgress,
});

export const Plan = z.object({
  id: Uuid,
  caseId: Uuid,
  version: z.number().int().positive(),
  ruleSetId: z.string(),
  /** the sector plans this plan replaces under the rule set, and whether the citizen has them */
  replaces: z.array(z.object({ code: z.string(), label: z.string(), law: z.string(), paragraph: z.string(), citizenHasIt: z.boolean() })),
  startDate: LocalDateSchema,
  overallGoal: z.object({
    id: Uuid,
    citizenWords: z.string(),
    caseworkerText: z.string(),
    targetDate: LocalDateSchema.nullable(),
    followUpDate: LocalDateSchema.nullable(),
    progress: GoalProgress,
  }),
  subGoals: z.array(PlanSubGoal),
  changedAt: Instant,
  changedBy: z.string(),
  reason: z.string(),
  /** the plan as the citizen reads it */
  plainDanish: z.array(z.string()),
});

export const PlanVersionSummary = z.object({
  version: z.number().int(),
  changedAt: Instant,
  changedBy: z.string(),
  reason: z.string(),
  ruleSetId: z.string(),
  changes: z.array(z.string()),
});

export const PlanVersion = PlanVersionSummary.extend({ content: z.record(z.string(), z.unknown()) });

export const PlanDiffQuery = z.strictObject({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) });

export const PlanDiff = z.object({
  from: z.number().int(),
  to: z.number().int(),
  changes: z.array(z.object({ kind: z.string(), text: z.string(), goalId: z.string().optional() })),
});

export const RecordFollowUpBody = z.strictObject({
  /** the overall goal's or a sub-goal's id */
  goalId: Uuid,
  progression: z.number().int().min(PROGRESSION_MIN).max(PROGRESSION_MAX),
  result: z.enum(FOLLOW_UP_RESULTS),
  note: Text.default(''),
  recordedOn: LocalDateSchema.optional(),
  nextFollowUpOn: LocalDateSchema.nullable().default(null),
});

export const DueFollowUp = z.object({
  caseId: Uuid,
  citizenId: Uuid,
  citizenName: z.string(),
  goalId: Uuid,
  goalTitle: z.string(),
  nextFollowUpOn: LocalDateSchema,
  daysOverdue: z.number().int(),
});

// ----------------------------------------------------------------- family

export const FamilyMember = z.object({
  citizenId: Uuid,
  name: z.string(),
  age: z.number().int(),
  relation: z.enum(['self', 'child', 'parent', 'household']),
  sameHousehold: z.boolean(),
  hasCase: z.boolean(),
});

export const FamilyIntervention = z.object({
  citizenId: Uuid,
  citizenName: z.string(),
  title: z.string(),
  sector: z.string(),
  legalBasis: z.string(),
  startDate: LocalDateSchema,
  endDate: LocalDateSchema.nullable(),
  /** children's interventions stay decided under children's law (barnets lov) */
  decidedUnder: z.enum(['childrens_law', 'sector_law', 'holistic_plan']),
  decidedUnderLabel: z.string(),
});

export const FamilyObligation = z.object({
  obligated: z.boolean(),
  ruleApplies: z.boolean(),
  reasons: z.array(z.string()),
  municipalPlans: z.array(z.string()),
  childrenWithSupport: z.array(z.object({ citizenId: Uuid, name: z.string() })),
  taskId: Uuid.nullable(),
});

export const Family = z.object({
  caseId: Uuid,
  members: z.array(FamilyMember),
  familyPlanConsent: z.boolean(),
  /** only with an active family_plan consent */
  familyPlan: z
    .object({
      interventions: z.array(FamilyIntervention),
      otherPlans: z.array(z.object({ citizenId: Uuid, name: z.string(), caseId: Uuid, overallGoal: z.string().nullable() })),
    })
    .nullable(),
  obligation: FamilyObligation,
});

export const LinkFamilyBody = z.strictObject({
  childCitizenId: Uuid,
  sameHousehold: z.boolean().default(true),
});

export const PlanHealthDocuments = z.object({
  items: z.array(z.object({ id: Uuid, source: z.string(), kind: z.string(), kindLabel: z.string(), title: z.string(), content: z.string(), receivedAt: Instant })),
  /** documents whose source has no active consent now: not shown */
  withheld: z.number().int(),
});

/** FHIR R4 Bundle (collection); the resources are FHIR JSON, described by the R4 resource definitions. */
export const FhirBundle = z.looseObject({
  resourceType: z.literal('Bundle'),
  id: z.string(),
  type: z.literal('collection'),
  timestamp: Instant,
  entry: z.array(z.looseObject({ fullUrl: z.string(), resource: z.looseObject({ resourceType: z.string(), id: z.string() }) })),
});
export const PlanVersionQuery = z.strictObject({ version: z.coerce.number().int().min(1) });
