import { z } from 'zod';
import { InterventionVisitationFields } from './visitation-fields';
import { CASE_PHASES } from '../case-phase';
import { CONSENT_FORMS, SECTORS } from '../vocabulary';
import { Instant, LocalDateSchema, LongText, Name, ShortText, Uuid, Version } from './common';

/** The citizen's written consent to the holistic effort, recorded as the case is opened (SPEC C3: the gate). */
export const IntakeConsent = z.strictObject({
  form: z.enum(CONSENT_FORMS),
  /** when it took effect, if earlier than now (a paper form signed yesterday) */
  effectiveAt: Instant.optional(),
  /** reference to the scanned paper form or the signature */
  documentRef: ShortText.optional(),
});

export const OpenCaseBody = z
  .strictObject({
    citizenId: Uuid,
    coordinatorEmployeeId: Uuid.optional(),
    coordinatorTeamId: Uuid.optional(),
    holisticConsent: IntakeConsent.optional(),
  })
  .describe(
    'Without a coordinator the caseworker opening the case becomes the coordinating caseworker. With the holistic consent the case opens in the assessment phase; without it, in the consent phase.',
  );

export const AssignCoordinationBody = z
  .strictObject({
    coordinatorEmployeeId: Uuid.nullable(),
    coordinatorTeamId: Uuid.nullable(),
    version: Version,
    reason: ShortText.optional(),
  })
  .refine((b) => b.coordinatorEmployeeId !== null || b.coordinatorTeamId !== null, {
    message: 'Sagen skal have en koordinerende sagsbehandler eller et koordinerende team.',
    path: ['coordinatorEmployeeId'],
  });

export const ChangePhaseBody = z.strictObject({ to: z.enum(CASE_PHASES), version: Version });

export const Person = z.object({ id: Uuid, name: z.string() });

export const HolisticCase = z.object({
  id: Uuid,
  citizenId: Uuid,
  citizenName: z.string(),
  phase: z.enum(CASE_PHASES),
  phaseLabel: z.string(),
  coordinator: Person.extend({ email: z.string(), title: z.string() }).nullable(),
  coordinatingTeam: Person.nullable(),
  openedAt: Instant,
  closedAt: Instant.nullable(),
  version: Version,
  ruleSetId: z.string(),
  holisticConsent: z.boolean(),
  contactCount: z.number().int(),
});
export type HolisticCase = z.infer<typeof HolisticCase>;

export const Caseload = z.object({
  items: z.array(
    HolisticCase.pick({ id: true, citizenId: true, citizenName: true, phase: true, phaseLabel: true, openedAt: true }).extend({
      relation: z.enum(['coordinator', 'team']),
      openTasks: z.number().int(),
    }),
  ),
});

export const AddContactBody = z
  .strictObject({
    kind: z.enum(['internal', 'external']),
    employeeId: Uuid.optional(),
    name: Name.optional(),
    role: ShortText,
    sector: z.enum(SECTORS),
    organisation: ShortText.optional(),
    phone: z.string().trim().max(40).optional(),
    email: z.email().max(200).optional(),
    authority: z.boolean(),
    since: LocalDateSchema,
  })
  .refine((b) => (b.kind === 'internal') === (b.employeeId !== undefined), {
    message: 'En intern kontaktperson skal være en medarbejder (employeeId); en ekstern må ikke.',
    path: ['employeeId'],
  })
  .refine((b) => b.kind === 'internal' || b.name !== undefined, {
    message: 'En ekstern kontaktperson skal have et navn.',
    path: ['name'],
  });

export const EndContactBody = z.strictObject({ endedOn: LocalDateSchema });

export const Contact = z.object({
  id: Uuid,
  kind: z.enum(['internal', 'external']),
  employeeId: Uuid.nullable(),
  name: z.string(),
  role: z.string(),
  sector: z.string(),
  organisation: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  authority: z.boolean(),
  coordinating: z.boolean(),
  since: LocalDateSchema,
  endedOn: LocalDateSchema.nullable(),
});

export const ContactList = z.object({
  items: z.array(Contact),
  counts: z.object({
    /** active contact persons now */
    active: z.number().int(),
    /** active authority persons (myndighedspersoner) now */
    activeAuthority: z.number().int(),
    /** distinct authority persons the citizen met in the last 12 months (SPEC C1) */
    authorityLast12Months: z.number().int(),
    /** coordinating caseworker changes in the last 12 months */
    coordinatorChangesLast12Months: z.number().int(),
  }),
});

export const CaseEvent = z.object({
  id: Uuid,
  type: z.string(),
  occurredAt: Instant,
  actorName: z.string(),
  data: z.record(z.string(), z.unknown()),
});

export const AddInterventionBody = z.strictObject({
  title: ShortText,
  sector: z.enum(SECTORS),
  legalBasis: ShortText,
  status: z.enum(['planned', 'running']),
  startDate: LocalDateSchema.optional(),
  endDate: LocalDateSchema.optional(),
});

export const Intervention = z.object({
  id: Uuid,
  title: z.string(),
  sector: z.string(),
  legalBasis: z.string(),
  status: z.enum(['planned', 'running', 'ended']),
  startDate: LocalDateSchema.nullable(),
  endDate: LocalDateSchema.nullable(),
  // Visitation (issue 4, api/visitation.ts); null on interventions registered without the catalogue.
  ...InterventionVisitationFields,
});

export const Task = z.object({
  id: Uuid,
  caseId: Uuid,
  kind: z.string(),
  title: z.string(),
  detail: z.string(),
  legalBasis: z.string().nullable(),
  dueOn: LocalDateSchema.nullable(),
  status: z.enum(['open', 'done', 'cancelled']),
  assigneeEmployeeId: Uuid.nullable(),
  interventionId: Uuid.nullable(),
  createdAt: Instant,
  completedAt: Instant.nullable(),
  version: Version,
});

export const CompleteTaskBody = z.strictObject({ version: Version, note: LongText.optional() });

export const Organisation = z.object({
  units: z.array(z.object({ id: Uuid, name: z.string(), kind: z.string() })),
  teams: z.array(z.object({ id: Uuid, unitId: Uuid, name: z.string(), memberIds: z.array(Uuid) })),
  employees: z.array(z.object({ id: Uuid, name: z.string(), title: z.string(), email: z.string(), unitId: Uuid, roles: z.array(z.string()) })),
  authorityLimits: z.array(z.object({ id: Uuid, role: z.string(), unitId: Uuid, category: z.string(), maxAmountDkk: z.number().nullable() })),
});
