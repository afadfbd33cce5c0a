import { z } from 'zod';
import { LETTER_CHANNELS, LETTER_SCOPES } from '../letters/decision-letter';
import { RULE_SET_IDS } from '../rules/types';
import { SECTORS } from '../vocabulary';
import { Instant, LocalDateSchema, Uuid } from './common';

export const LETTER_STATUSES = ['queued', 'sending', 'delivered', 'failed_permanent'] as const;

/** One letter in the citizen's letter list: who sent it, what, when, under which law, and whether it arrived. */
export const LetterListItem = z.object({
  id: Uuid,
  caseId: Uuid,
  decisionId: Uuid,
  title: z.string(),
  /** who sent it: the municipality, signed by the coordinating caseworker */
  sender: z.string(),
  signedBy: z.string(),
  sentAt: Instant,
  decisionDate: LocalDateSchema,
  complaintDeadline: LocalDateSchema,
  ruleSet: z.object({ id: z.enum(RULE_SET_IDS), label: z.string() }),
  /** the legal bases of the decision's elements, e.g. 'Serviceloven § 85' */
  legalBases: z.array(z.string()),
  scope: z.enum(LETTER_SCOPES),
  sector: z.enum(SECTORS).nullable(),
  channel: z.enum(LETTER_CHANNELS),
  channelLabel: z.string(),
  status: z.enum(LETTER_STATUSES),
  statusLabel: z.string(),
  deliveredAt: Instant.nullable(),
  pdfUrl: z.string(),
});

export const LetterList = z.object({ items: z.array(LetterListItem) });
