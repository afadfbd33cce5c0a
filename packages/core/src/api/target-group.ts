import { z } from 'zod';
import { RULE_SET_IDS } from '../rules/types';
import { SectorRecord } from './citizens';
import { Instant, LocalDateSchema, LongText, Uuid } from './common';

const Classification = z.enum(['mandatory', 'optional', 'none']);

export const StartScreeningBody = z.strictObject({
  /** evaluate as of this date (default: today in Copenhagen) */
  onDate: LocalDateSchema.optional(),
  /** screen under this rule set instead of the one in force */
  ruleSetId: z.enum(RULE_SET_IDS).optional(),
});

export const ScreeningRun = z.object({
  id: Uuid,
  scope: z.enum(['municipality', 'citizens']),
  ruleSetId: z.string(),
  evaluatedOn: LocalDateSchema,
  status: z.enum(['queued', 'running', 'done', 'failed']),
  citizensTotal: z.number().int(),
  citizensDone: z.number().int(),
  progress: z.number().min(0).max(1),
  mandatory: z.number().int(),
  optional: z.number().int(),
  changed: z.number().int(),
  startedAt: Instant,
  finishedAt: Instant.nullable(),
  error: z.string().nullable(),
});

export const ScreeningResult = z.object({
  id: Uuid,
  classification: Classification,
  ruleSetId: z.string(),
  evaluatedOn: LocalDateSchema,
  evaluatedAt: Instant,
  mandatoryFrom: LocalDateSchema.nullable(),
  summary: z.string(),
  /** gates, every route with each criterion (met or not, the records behind it, the legal source), and the records */
  explanation: z.record(z.string(), z.unknown()),
});

export const QueueItem = z.object({
  citizenId: Uuid,
  name: z.string(),
  birthDate: LocalDateSchema,
  classification: z.enum(['mandatory', 'optional']),
  summary: z.string(),
  candidateSince: Instant,
  waitingDays: z.number().int(),
  resultId: Uuid,
});

export const AssessmentBody = z.strictObject({
  coordinationNeed: z.boolean(),
  developmentPotential: z.boolean(),
  reasoning: LongText.pipe(z.string().min(10, 'Begrundelsen skal være på mindst 10 tegn.')),
});

export const Assessment = z.object({
  id: Uuid,
  citizenId: Uuid,
  outcome: z.enum(['offer', 'not_offered']),
  coordinationNeed: z.boolean(),
  developmentPotential: z.boolean(),
  reasoning: z.string(),
  ruleSetId: z.string(),
  assessedAt: Instant,
  screeningResultId: Uuid.nullable(),
  kind: z.literal('procedural_decision'),
  appealable: z.literal(false),
  complaintGuidance: z.null(),
  notice: z.string(),
});

const GroupProgress = z.object({
  candidates: z.number().int(),
  assessed: z.number().int(),
  offered: z.number().int(),
  withCase: z.number().int(),
  consented: z.number().int(),
  /** per cent of the group offered the effort */
  offeredShare: z.number(),
});
export const PhaseIn = z.object({ mandatory: GroupProgress, optional: GroupProgress });

export const ImportFeedParams = z.strictObject({ feed: z.enum(['citizens', 'sector_records']) });
export const ImportQuery = z.strictObject({ filename: z.string().max(200).optional() });

export const ImportSummary = z.object({
  batchId: Uuid,
  feed: z.enum(['citizens', 'sector_records']),
  status: z.enum(['committed', 'rejected']),
  rowsTotal: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  /** the first errors; the whole report is at /api/imports/{batchId}/errors.csv */
  errors: z.array(z.object({ line: z.number().int(), field: z.string(), message: z.string(), value: z.string().nullable() })),
  rescreening: z.object({ mode: z.enum(['none', 'citizens', 'municipality']), runIds: z.array(Uuid) }),
});

export const ImportBatch = z.object({
  id: Uuid,
  feed: z.string(),
  format: z.string(),
  filename: z.string().nullable(),
  status: z.enum(['running', 'committed', 'rejected', 'failed']),
  rowsTotal: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  startedAt: Instant,
  finishedAt: Instant.nullable(),
  message: z.string().nullable(),
});

const CriterionResultSchema = z.object({
  criterionId: z.string(),
  label: z.string(),
  met: z.boolean(),
  recordIds: z.array(z.string()),
  source: z.object({ law: z.string(), paragraph: z.string().optional(), document: z.string() }),
});

/** The result by today's rules and records, with every criterion and the records behind it. */
export const CurrentTargetGroup = z.object({
  classification: Classification,
  ruleSetId: z.string(),
  evaluatedOn: LocalDateSchema,
  summary: z.string(),
  mandatoryFrom: LocalDateSchema.nullable(),
  gates: z.array(CriterionResultSchema),
  routes: z.array(
    z.object({ group: z.enum(['mandatory', 'optional']), routeId: z.string(), label: z.string(), met: z.boolean(), criteria: z.array(CriterionResultSchema) }),
  ),
  records: z.array(SectorRecord),
});

/**
 * A citizen's target-group picture on the candidate page: the result by
 * today's rules, the stored history, and where the caseworker goes on from
 * there — the latest individual assessment and the open holistic case.
 */
export const ScreeningHistory = z.object({
  citizenName: z.string(),
  current: CurrentTargetGroup,
  items: z.array(ScreeningResult),
  latestAssessment: Assessment.pick({ id: true, outcome: true, assessedAt: true })
    .extend({
      assessedBy: z.string(),
      /** made since the latest screening result; if not, the candidate waits in the queue to be assessed again */
      current: z.boolean(),
    })
    .nullable(),
  openCase: z.object({ id: Uuid, phaseLabel: z.string(), coordinatorName: z.string().nullable(), teamName: z.string().nullable() }).nullable(),
});
