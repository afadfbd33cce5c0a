import { z } from 'zod';
import { DELIVERY_CHANNELS } from '../decisions/deadlines';
import { APPEAL_RESULTS, COMPLAINT_CHANNELS, DEADLINE_KIND_LABELS } from '../decisions/labels.da';
import { COMPLAINT_ROUTE_IDS, DECISION_MODES, SECTOR_LAW_IDS } from '../rules/decision-rules';
import { Instant, LocalDateSchema, LongText, Uuid, Version } from './common';

const Reasoning = LongText.describe('Begrundelse i et klart og enkelt sprog');
const ElementReasoning = z.strictObject({ interventionId: Uuid, reasoning: Reasoning });
const CitizenGoals = z.array(z.string().trim().min(1).max(500)).max(20).describe("The citizen's goals in their own words");

export const DraftDecisionBody = z
  .strictObject({
    reasoning: Reasoning,
    citizenGoals: CitizenGoals.optional(),
    /** the granted interventions to decide on; default: all granted interventions of the case */
    interventionIds: z.array(Uuid).min(1).max(100).optional(),
    elements: z.array(ElementReasoning).max(100).optional(),
  })
  .describe('Creates the draft(s): one combined decision, or one per sector law when the rule set in force says so.');

export const UpdateDecisionDraftBody = z.strictObject({
  version: Version,
  reasoning: Reasoning.optional(),
  citizenGoals: CitizenGoals.optional(),
  elements: z.array(ElementReasoning).max(100).optional(),
});

export const VersionBody = z.strictObject({ version: Version });
export const IssueDecisionBody = z.strictObject({ version: Version, channel: z.enum(DELIVERY_CHANNELS) });
export const PreviewQuery = z.strictObject({ channel: z.enum(DELIVERY_CHANNELS).optional() });

export const DecisionElement = z.object({
  id: Uuid,
  interventionId: Uuid,
  title: z.string(),
  sector: z.string(),
  sectorLabel: z.string(),
  legalBasis: z.string(),
  reasoning: z.string(),
  appealable: z.boolean(),
  notAppealableReason: z.string().nullable(),
  complaintRoute: z.enum(COMPLAINT_ROUTE_IDS),
  complaintBody: z.string(),
  ruleId: z.string(),
  supersedesElementId: Uuid.nullable(),
  /** the later decision that replaced this element, if any */
  supersededByDecisionId: Uuid.nullable(),
  inForce: z.boolean(),
});

export const Decision = z.object({
  id: Uuid,
  caseId: Uuid,
  status: z.enum(['draft', 'issued', 'discarded']),
  title: z.string(),
  mode: z.enum(DECISION_MODES),
  sectorLaw: z.enum(SECTOR_LAW_IDS),
  ruleSetId: z.string(),
  reasoning: z.string(),
  citizenGoals: z.array(z.string()),
  origin: z.enum(['new', 'reassessment', 'appeal']),
  complaintId: Uuid.nullable(),
  decisionDate: LocalDateSchema.nullable(),
  channel: z.enum(DELIVERY_CHANNELS).nullable(),
  receiptDate: LocalDateSchema.nullable(),
  complaintDeadline: LocalDateSchema.nullable(),
  issuedAt: Instant.nullable(),
  issuedBy: z.string().nullable(),
  version: Version,
  elements: z.array(DecisionElement),
  outsideDecision: z.array(z.object({ interventionId: Uuid, title: z.string(), note: z.string() })),
});
export const DecisionList = z.object({ items: z.array(Decision) });

const LetterElement = z.object({
  elementId: Uuid,
  interventionId: Uuid,
  title: z.string(),
  sector: z.string(),
  sectorLabel: z.string(),
  legalBasis: z.string(),
  reasoning: z.string(),
  startDate: LocalDateSchema.nullable(),
  endDate: LocalDateSchema.nullable(),
  appealable: z.boolean(),
  notAppealableReason: z.string().nullable(),
  complaintRoute: z.object({ id: z.enum(COMPLAINT_ROUTE_IDS), body: z.string() }),
  supersedes: z.object({ decisionId: Uuid, decisionDate: LocalDateSchema.nullable() }).nullable(),
});

/** Everything the letter (PDF, MeMo) needs; see core/decisions/letter-data.ts. */
export const DecisionLetter = z.object({
  decisionId: Uuid,
  title: z.string(),
  mode: z.enum(DECISION_MODES),
  sectorLaw: z.enum(SECTOR_LAW_IDS),
  ruleSet: z.object({ id: z.string(), title: z.string() }),
  municipality: z.object({ name: z.string(), cvr: z.string() }),
  citizen: z.object({ name: z.string(), cpr: z.string(), address: z.string() }),
  caseId: Uuid,
  decisionDate: LocalDateSchema,
  channel: z.enum(DELIVERY_CHANNELS),
  receiptDate: LocalDateSchema,
  complaintDeadline: LocalDateSchema,
  overallReasoning: z.string(),
  citizenGoals: z.array(z.string()),
  elements: z.array(LetterElement),
  outsideDecision: z.array(z.object({ title: z.string(), note: z.string() })),
  complaintGuidance: z.object({
    deadline: LocalDateSchema,
    sections: z.array(z.object({ route: z.enum(COMPLAINT_ROUTE_IDS), body: z.string(), text: z.string(), elementTitles: z.array(z.string()) })),
  }),
  coordinatingContact: z.object({ name: z.string(), title: z.string(), email: z.string(), phone: z.string().nullable() }).nullable(),
});
export const DecisionPreview = z.object({ decision: Decision, letter: DecisionLetter, preview: z.literal(true) });
export const IssuedDecision = z.object({ decision: Decision, letter: DecisionLetter });

export const RegisterComplaintBody = z
  .strictObject({
    scope: z.enum(['whole', 'elements']),
    elementIds: z.array(Uuid).max(100).optional(),
    /** how the complaint arrived (caseworker registration); a citizen's own complaint is 'portal' */
    channel: z.enum(COMPLAINT_CHANNELS).optional(),
    /** when the municipality received it (caseworker registration); a citizen's own complaint: today */
    receivedOn: LocalDateSchema.optional(),
    text: z.string().trim().min(1).max(10_000),
  })
  .refine((b) => b.scope === 'whole' || (b.elementIds?.length ?? 0) > 0, {
    message: 'Vælg mindst én del af afgørelsen, som klagen handler om.',
    path: ['elementIds'],
  });

export const LateHandlingBody = z.strictObject({
  version: Version,
  handling: z.enum(['consider', 'refuse']),
  reason: z.string().trim().min(1).max(10_000),
});

export const ReassessComplaintBody = z
  .strictObject({
    version: Version,
    outcome: z.enum(['change', 'uphold']),
    reasoning: z.string().trim().min(1).max(10_000),
    /** for 'change': the new decision's reasoning (overall and per element) */
    change: z.strictObject({ reasoning: Reasoning, elements: z.array(ElementReasoning).max(100).optional() }).optional(),
  })
  .refine((b) => b.outcome === 'uphold' || b.change !== undefined, { message: 'Ved ændring skal den nye afgørelses begrundelse angives.', path: ['change'] });

export const AppealResultBody = z.strictObject({
  version: Version,
  result: z.enum(APPEAL_RESULTS),
  receivedOn: LocalDateSchema,
  note: LongText.optional(),
});

export const Complaint = z.object({
  id: Uuid,
  caseId: Uuid,
  decisionId: Uuid,
  status: z.enum(['received', 'refused_late', 'changed', 'forwarded', 'closed']),
  scope: z.enum(['whole', 'elements']),
  elements: z.array(z.object({ id: Uuid, title: z.string() })),
  notCovered: z.array(z.object({ id: z.string(), title: z.string(), reason: z.string() })),
  channel: z.enum(COMPLAINT_CHANNELS),
  receivedOn: LocalDateSchema,
  submittedBy: z.enum(['citizen', 'employee']),
  text: z.string(),
  complaintDeadline: LocalDateSchema,
  late: z.boolean(),
  daysLate: z.number().int(),
  lateHandling: z.enum(['consider', 'refuse']).nullable(),
  lateHandlingReason: z.string().nullable(),
  reassessmentDeadline: LocalDateSchema,
  reassessment: z
    .object({ outcome: z.enum(['change', 'uphold']), reasoning: z.string(), decidedOn: LocalDateSchema, newDecisionId: Uuid.nullable() })
    .nullable(),
  forwardedOn: LocalDateSchema.nullable(),
  appealResult: z.object({ result: z.enum(APPEAL_RESULTS), resultLabel: z.string(), receivedOn: LocalDateSchema, note: z.string().nullable(), taskId: Uuid.nullable() }).nullable(),
  version: Version,
});
export const ComplaintList = z.object({ items: z.array(Complaint) });

export const ComplaintBundle = z.object({
  complaintId: Uuid,
  caseId: Uuid,
  exportedAt: Instant,
  recipient: z.literal('Ankestyrelsen'),
  index: z.array(z.object({ no: z.number().int(), key: z.string(), title: z.string(), kind: z.string(), date: LocalDateSchema.nullable() })),
  documents: z.record(z.string(), z.unknown()),
});

const DEADLINE_KINDS = Object.keys(DEADLINE_KIND_LABELS) as [keyof typeof DEADLINE_KIND_LABELS, ...(keyof typeof DEADLINE_KIND_LABELS)[]];
const DeadlineState = z.enum(['running', 'overdue', 'met', 'missed']);
export const DeadlineBoard = z.object({
  today: LocalDateSchema,
  items: z.array(
    z.object({
      kind: z.enum(DEADLINE_KINDS),
      kindLabel: z.string(),
      dueOn: LocalDateSchema,
      doneOn: LocalDateSchema.nullable(),
      state: DeadlineState,
      daysLeft: z.number().int(),
      /** opaque references only: leaders see no citizen here */
      caseId: Uuid,
      decisionId: Uuid.nullable(),
      complaintId: Uuid.nullable(),
      unitName: z.string(),
      caseworkerName: z.string(),
    }),
  ),
  summary: z.array(
    z.object({ unitName: z.string(), caseworkerName: z.string(), kind: z.enum(DEADLINE_KINDS), running: z.number().int(), overdue: z.number().int(), met: z.number().int(), missed: z.number().int() }),
  ),
});
export const DeadlineBoardQuery = z.strictObject({ state: DeadlineState.optional() });
export const DecisionIdParams = z.strictObject({ decisionId: Uuid });
export const ComplaintIdParams = z.strictObject({ complaintId: Uuid });
