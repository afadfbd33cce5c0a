import { z } from 'zod';
import { CONSENT_FORMS, CONSENT_SCOPES } from '../vocabulary';
import { Instant, LongText, ShortText, Uuid } from './common';
import { Task } from './cases';

export const RecordConsentBody = z.strictObject({
  scope: z.enum(CONSENT_SCOPES),
  /** the named source (health_information) or party (disclosure) */
  counterpart: ShortText.optional(),
  action: z.enum(['given', 'withdrawn']),
  /** how the consent was given; required when action is 'given' */
  form: z.enum(CONSENT_FORMS).optional(),
  /** when it took effect, if earlier than now (e.g. a paper form signed yesterday) */
  effectiveAt: Instant.optional(),
  /** reference to the scanned paper form or the signature */
  documentRef: ShortText.optional(),
  note: LongText.optional(),
});

export const ConsentEntry = z.object({
  id: Uuid,
  scope: z.enum(CONSENT_SCOPES),
  scopeLabel: z.string(),
  counterpart: z.string().nullable(),
  action: z.enum(['given', 'withdrawn']),
  form: z.enum(CONSENT_FORMS).nullable(),
  effectiveAt: Instant,
  recordedAt: Instant,
  recordedBy: z.string(),
  documentRef: z.string().nullable(),
});

export const ConsentOverview = z.object({
  current: z.array(
    z.object({ scope: z.enum(CONSENT_SCOPES), scopeLabel: z.string(), counterpart: z.string().nullable(), active: z.boolean(), since: Instant }),
  ),
  history: z.array(ConsentEntry),
});

export const RecordConsentResult = z.object({
  consent: ConsentEntry,
  /** follow-up tasks created by a withdrawal of the holistic effort */
  tasks: z.array(Task),
});

export const ReceiveHealthDocumentBody = z.strictObject({
  source: ShortText,
  kind: z.enum(['psychiatric_treatment_plan', 'discharge_agreement', 'other']),
  title: ShortText,
  content: LongText,
});

export const HealthDocument = z.object({
  id: Uuid,
  source: z.string(),
  kind: z.string(),
  title: z.string(),
  content: z.string(),
  receivedAt: Instant,
});

export const HealthDocumentList = z.object({
  items: z.array(HealthDocument.omit({ content: true })),
  /** documents from sources without an active consent now: not shown */
  withheld: z.number().int(),
});

export const Lookup = z.object({
  at: Instant,
  who: z.string(),
  action: z.string(),
  purpose: z.string(),
  purposeLabel: z.string(),
});
export const LookupList = z.object({ items: z.array(Lookup) });
