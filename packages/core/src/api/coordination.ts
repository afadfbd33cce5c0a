import { z } from 'zod';
import { RECURRENCE_FREQUENCIES } from '../coordination/calendar';
import { APPOINTMENT_KINDS } from '../coordination/conflict-rules';
import { SURVEY_ANSWERS } from '../coordination/survey';
import { Instant, LocalDateSchema, LongText, Name, ShortText, Uuid, Version } from './common';

/** Coordination (SPEC C9, C10): calendar with conflicts, partners, network, new information, messages, survey. */

export const PlaceBody = z.strictObject({
  name: ShortText.nullable().default(null),
  area: z.string().trim().min(1).max(100).nullable().default(null),
  latitude: z.number().min(-90).max(90).nullable().default(null),
  longitude: z.number().min(-180).max(180).nullable().default(null),
});

export const Carrier = z
  .strictObject({
    employeeId: Uuid.optional(),
    partnerId: Uuid.optional(),
    networkPersonId: Uuid.optional(),
    text: ShortText.optional(),
  })
  .refine((c) => [c.employeeId, c.partnerId, c.networkPersonId, c.text].filter((x) => x !== undefined).length === 1, {
    message: 'Angiv præcis én, der står for aftalen: en medarbejder, en samarbejdspartner, en person i netværket eller en tekst.',
  });

export const CreateCalendarEntryBody = z
  .strictObject({
    /** whose appointment: the case's citizen (default) or a member of their household */
    citizenId: Uuid.optional(),
    interventionId: Uuid.optional(),
    title: ShortText,
    kind: z.enum(APPOINTMENT_KINDS),
    start: Instant,
    end: Instant,
    place: PlaceBody.optional(),
    carrier: Carrier.optional(),
    recurrence: z.strictObject({ frequency: z.enum(RECURRENCE_FREQUENCIES), until: LocalDateSchema }).nullable().optional(),
  })
  .refine((b) => new Date(b.end).getTime() > new Date(b.start).getTime(), { message: 'Aftalen skal slutte efter den starter.', path: ['end'] })
  .refine((b) => new Date(b.end).getTime() - new Date(b.start).getTime() <= 24 * 3_600_000, { message: 'En aftale kan højst vare et døgn.', path: ['end'] })
  .refine((b) => !b.recurrence || b.recurrence.until >= b.start.slice(0, 10), { message: 'Gentagelsen skal slutte efter første aftale.', path: ['recurrence', 'until'] });

export const CancelCalendarEntryBody = z.strictObject({ version: Version, reason: ShortText.optional() });

const endsAfterStart = { message: 'Aftalen skal slutte efter den starter.', path: ['end'] };
const atMostADay = { message: 'En aftale kan højst vare et døgn.', path: ['end'] };
const length = (b: { start?: string; end?: string }) => new Date(b.end!).getTime() - new Date(b.start!).getTime();

/** A change of the whole entry (a series: every occurrence); what is left out stays as it is. */
export const UpdateCalendarEntryBody = z
  .strictObject({
    version: Version,
    title: ShortText.optional(),
    kind: z.enum(APPOINTMENT_KINDS).optional(),
    start: Instant.optional(),
    end: Instant.optional(),
    place: PlaceBody.optional(),
    /** null: nobody named */
    carrier: Carrier.nullable().optional(),
    reason: ShortText.optional(),
  })
  .refine((b) => (b.start === undefined) === (b.end === undefined), { message: 'Angiv både start og slut, når tiden ændres.', path: ['end'] })
  .refine((b) => b.start === undefined || length(b) > 0, endsAfterStart)
  .refine((b) => b.start === undefined || length(b) <= 24 * 3_600_000, atMostADay);

/**
 * One occurrence of a series, named by the day the series puts it on
 * (`seriesDate`): moved, cancelled, or put back as the series has it.
 */
export const ChangeOccurrenceBody = z.discriminatedUnion('action', [
  z
    .strictObject({ action: z.literal('move'), version: Version, seriesDate: LocalDateSchema, start: Instant, end: Instant, reason: ShortText.optional() })
    .refine((b) => length(b) > 0, endsAfterStart)
    .refine((b) => length(b) <= 24 * 3_600_000, atMostADay),
  z.strictObject({ action: z.literal('cancel'), version: Version, seriesDate: LocalDateSchema, reason: ShortText.optional() }),
  z.strictObject({ action: z.literal('restore'), version: Version, seriesDate: LocalDateSchema }),
]);

/** A series ends early: no occurrences from `from` on. */
export const EndSeriesBody = z.strictObject({ version: Version, from: LocalDateSchema, reason: ShortText.optional() });

export const CalendarQuery = z.strictObject({
  from: LocalDateSchema.optional(),
  to: LocalDateSchema.optional(),
  /** 'family' merges the household's calendars */
  scope: z.enum(['citizen', 'family']).default('citizen'),
  /** with scope=family: only these household members (comma-separated ids) */
  citizenIds: z
    .string()
    .max(2000)
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(Uuid).max(20))
    .optional(),
});
export const MyCalendarQuery = CalendarQuery.pick({ from: true, to: true });

export const Place = z.object({ name: z.string().nullable(), area: z.string().nullable(), latitude: z.number().nullable(), longitude: z.number().nullable() });

export const CalendarOccurrence = z.object({
  key: z.string(),
  entryId: Uuid,
  citizenId: Uuid,
  citizenName: z.string(),
  caseId: Uuid,
  interventionId: Uuid.nullable(),
  title: z.string(),
  kind: z.enum(APPOINTMENT_KINDS),
  kindLabel: z.string(),
  start: Instant,
  end: Instant,
  date: LocalDateSchema,
  place: Place,
  carrier: z.object({ kind: z.enum(['employee', 'partner', 'network', 'text']), name: z.string() }).nullable(),
  recurrence: z.object({ frequency: z.enum(RECURRENCE_FREQUENCIES), until: LocalDateSchema }).nullable(),
  /** the entry is cancelled, or this one occurrence is */
  cancelled: z.boolean(),
  /** the day the series puts it on (names the occurrence for a change of just this one) */
  seriesDate: LocalDateSchema,
  /** moved away from the series' time */
  moved: z.boolean(),
  inConflict: z.boolean(),
  version: Version,
  /** the entry's own first start and end (a series: its time of day and its first day) */
  entryStart: Instant,
  entryEnd: Instant,
  /** what the edit form needs: the carrier as chosen (ids), not only its name */
  carrierRef: z.object({ employeeId: Uuid.nullable(), partnerId: Uuid.nullable(), networkPersonId: Uuid.nullable(), text: z.string().nullable() }),
});

export const CalendarConflict = z.object({
  kind: z.enum(['overlap', 'same_day', 'travel', 'gap']),
  label: z.string(),
  detail: z.string(),
  citizenId: Uuid,
  date: LocalDateSchema,
  occurrenceKeys: z.array(z.string()),
  ruleId: z.string().nullable(),
  gapMinutes: z.number().nullable(),
  travelMinutes: z.number().nullable(),
});

export const Calendar = z.object({
  from: LocalDateSchema,
  to: LocalDateSchema,
  rulesId: z.string(),
  citizens: z.array(z.object({ id: Uuid, name: z.string() })),
  occurrences: z.array(CalendarOccurrence),
  conflicts: z.array(CalendarConflict),
});

export const PARTNER_KINDS = ['company', 'civil_society'] as const;
export const CreatePartnerBody = z.strictObject({
  kind: z.enum(PARTNER_KINDS),
  name: Name,
  cvr: z.string().regex(/^\d{8}$/, 'CVR-nummeret skal være 8 cifre.').optional(),
  contactName: Name.optional(),
  phone: z.string().trim().max(40).optional(),
  email: z.email().max(200).optional(),
  address: ShortText.optional(),
  area: z.string().trim().min(1).max(100).optional(),
  description: LongText.optional(),
});
export const Partner = z.object({
  id: Uuid,
  kind: z.enum(PARTNER_KINDS),
  kindLabel: z.string(),
  name: z.string(),
  cvr: z.string().nullable(),
  contactName: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  area: z.string().nullable(),
  description: z.string(),
  active: z.boolean(),
});

export const CreateNetworkPersonBody = z.strictObject({
  name: Name,
  /** how they stand to the citizen, in the citizen's words: 'Søster', 'Nabo', 'Træner i klubben' */
  relation: ShortText,
  phone: z.string().trim().max(40).optional(),
  email: z.email().max(200).optional(),
  note: LongText.optional(),
});
export const NetworkPerson = z.object({ id: Uuid, citizenId: Uuid, name: z.string(), relation: z.string(), phone: z.string().nullable(), email: z.string().nullable(), note: z.string() });

export const InterventionPartnerParams = z.strictObject({ caseId: Uuid, interventionId: Uuid });
export const SetInterventionPartnerBody = z.strictObject({ partnerId: Uuid.nullable() });
export const InterventionCarrier = z.object({ interventionId: Uuid, title: z.string(), partner: Partner.nullable() });

export const FlagNewInformationBody = z.strictObject({
  /** what arrived, briefly and without more personal data than needed */
  title: ShortText,
  note: z.string().trim().max(2000).optional(),
});
export const NewInformation = z.object({
  id: Uuid,
  caseId: Uuid,
  taskId: Uuid,
  source: z.enum(['import', 'manual']),
  title: z.string(),
  sector: z.string().nullable(),
  recordKind: z.string().nullable(),
  createdAt: Instant,
  taskStatus: z.enum(['open', 'done', 'cancelled']),
});

export const MESSAGE_MAX = 5000;
const MessageText = z.string().trim().min(1, 'Beskeden er tom.').max(MESSAGE_MAX, `En besked kan højst være ${MESSAGE_MAX} tegn.`);
export const StartThreadBody = z.strictObject({ subject: z.string().trim().min(1).max(150), body: MessageText });
export const ReplyBody = z.strictObject({ body: MessageText });
export const Message = z.object({
  id: Uuid,
  author: z.enum(['citizen', 'employee']),
  authorName: z.string(),
  body: z.string(),
  sentAt: Instant,
  readAt: Instant.nullable(),
});
export const MessageThreadSummary = z.object({
  id: Uuid,
  caseId: Uuid,
  subject: z.string(),
  lastMessageAt: Instant,
  messages: z.number().int(),
  /** messages from the other side not yet read by the one asking */
  unread: z.number().int(),
});
export const MessageThreadList = z.object({ unread: z.number().int(), items: z.array(MessageThreadSummary) });
export const MessageThread = MessageThreadSummary.extend({ items: z.array(Message) });

export const SurveyBody = z.strictObject({ answer: z.enum(SURVEY_ANSWERS), comment: z.string().trim().max(1000).optional() });
export const SurveyState = z.object({
  question: z.string(),
  period: z.string(),
  options: z.array(z.object({ value: z.enum(SURVEY_ANSWERS), label: z.string() })),
  answer: z.object({ answer: z.enum(SURVEY_ANSWERS), label: z.string(), comment: z.string().nullable(), answeredOn: LocalDateSchema }).nullable(),
});
export const SurveyIndicatorQuery = z.strictObject({ from: LocalDateSchema.optional(), to: LocalDateSchema.optional() });
export const SurveyIndicator = z.object({
  question: z.string(),
  periodLength: z.literal('quarter'),
  minAnswers: z.number().int(),
  periods: z.array(z.object({ period: z.string(), answers: z.number().int(), counted: z.number().int(), positive: z.number().int().nullable(), share: z.number().nullable() })),
});

/** The work queue's calendar column: cases in my caseload with conflicts in the coming weeks. */
export const CaseloadConflicts = z.object({
  from: LocalDateSchema,
  to: LocalDateSchema,
  items: z.array(z.object({ caseId: Uuid, citizenId: Uuid, citizenName: z.string(), conflicts: z.number().int(), firstConflictOn: LocalDateSchema })),
});
