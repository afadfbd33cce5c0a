import { createHash } from 'node:crypto';
import {
  DecisionLetterSchema,
  legalBasisText,
  LETTER_CHANNEL_LABELS,
  LETTER_STATUS_LABELS,
  type api,
  type DecisionLetter,
} from '@helhed/core';
import type { z } from 'zod';
import type { Access } from '../access/access';
import type { RequestContext } from '../access/principal';
import type { Tx } from '../db/transactions';
import { conflict, invalid } from '../errors';
import { buildMemoMessage, pdfFilename } from '../letters/memo';
import { enqueueMessage } from '../letters/outbox';
import { renderDecisionLetterPdf } from '../letters/pdf';
import { recordCaseEvent } from './case-events';

type LetterListItem = z.infer<typeof api.LetterListItem>;

export interface QueuedLetter {
  letterId: string;
  /** false when the same letter was queued before: nothing new was stored or sent. */
  created: boolean;
  status: LetterListItem['status'];
  pdfSha256: string;
}

/**
 * Issues a decision letter: renders the PDF, wraps it in MeMo 1.1 and puts it
 * in the outbox — all in the caller's transaction (the decision side calls
 * this inside its own `gateway.run`), so the decision and its letter commit
 * together or not at all. Idempotent on `letter.letterId`: the same letter
 * again is a no-op; a different letter under the same id is a conflict.
 */
export async function queueDecisionLetter(tx: Tx, ctx: RequestContext, input: DecisionLetter): Promise<QueuedLetter> {
  const letter = validLetter(input);
  const municipalityId = ctx.principal.municipalityId;
  const contentSha256 = sha256(canonicalJson(letter));

  const existing = await tx
    .selectFrom('letter')
    .leftJoin('outbox_message', (j) => j.onRef('outbox_message.municipality_id', '=', 'letter.municipality_id').onRef('outbox_message.letter_id', '=', 'letter.id'))
    .select(['letter.content_sha256', 'letter.pdf_sha256', 'outbox_message.status'])
    .where('letter.id', '=', letter.letterId)
    .executeTakeFirst();
  if (existing) {
    if (existing.content_sha256 !== contentSha256) {
      throw conflict('Der findes allerede et brev med dette id og et andet indhold. Et sendt brev kan ikke ændres; lav et nyt brev.', 'letter-exists');
    }
    return { letterId: letter.letterId, created: false, status: existing.status ?? 'queued', pdfSha256: existing.pdf_sha256 };
  }

  const holisticCase = await tx.selectFrom('holistic_case').select(['citizen_id']).where('id', '=', letter.caseId).executeTakeFirst();
  if (!holisticCase) throw invalid('Sagen findes ikke.', [{ path: 'caseId', code: 'not-found', message: 'Sagen findes ikke i kommunen.' }]);
  if (holisticCase.citizen_id !== letter.recipient.citizenId) {
    throw invalid('Brevets modtager er ikke borgeren på sagen.', [{ path: 'recipient.citizenId', code: 'not-case-citizen', message: 'Modtageren skal være sagens borger.' }]);
  }

  const now = ctx.now();
  const pdf = await renderDecisionLetterPdf(letter, { createdAt: now });
  const pdfSha256 = sha256(pdf);
  const memo = buildMemoMessage(letter, pdf, { createdAt: now });
  await tx
    .insertInto('letter')
    .values({
      municipality_id: municipalityId,
      id: letter.letterId,
      citizen_id: letter.recipient.citizenId,
      case_id: letter.caseId,
      decision_id: letter.decisionId,
      kind: 'decision',
      scope: letter.scope,
      sector: letter.sector ?? null,
      title: letter.title,
      sender_name: letter.municipality.name,
      signed_by: letter.coordinatingContact.name,
      rule_set_id: letter.ruleSet.id,
      rule_set_label: letter.ruleSet.label,
      legal_bases: JSON.stringify([...new Set(letter.elements.map(legalBasisText))]),
      decision_date: letter.decisionDate,
      complaint_deadline: letter.complaintGuidance.deadline,
      channel: letter.channel,
      content: JSON.stringify(letter),
      content_sha256: contentSha256,
      pdf,
      pdf_sha256: pdfSha256,
      created_at: now,
      created_by: ctx.principal.name,
    })
    .execute();
  await enqueueMessage(tx, { municipalityId, messageUuid: letter.letterId, letterId: letter.letterId, payload: memo, now });
  await recordCaseEvent(tx, ctx, letter.caseId, 'letter_queued', {
    letterId: letter.letterId,
    decisionId: letter.decisionId,
    title: letter.title,
    channel: letter.channel,
    complaintDeadline: letter.complaintGuidance.deadline,
  });
  return { letterId: letter.letterId, created: true, status: 'queued', pdfSha256 };
}

/** The letter as PDF without storing or sending anything: the preview before a decision is issued. */
export async function renderDecisionLetterPreview(input: DecisionLetter): Promise<Uint8Array> {
  return renderDecisionLetterPdf(validLetter(input));
}

/** The citizen's letters, newest first: who sent what, when, under which law, and whether it has arrived. */
export async function listCitizenLetters(a: Access, citizenId: string): Promise<{ items: LetterListItem[] }> {
  return a.gateway.run(a.ctx, { action: 'letter.read', subject: { citizenId }, resourceType: 'letter', resourceId: citizenId }, async (g) => {
    const rows = await g.tx
      .selectFrom('letter')
      .innerJoin('outbox_message', (j) => j.onRef('outbox_message.municipality_id', '=', 'letter.municipality_id').onRef('outbox_message.letter_id', '=', 'letter.id'))
      .select([
        'letter.id',
        'letter.case_id',
        'letter.decision_id',
        'letter.title',
        'letter.sender_name',
        'letter.signed_by',
        'letter.created_at',
        'letter.decision_date',
        'letter.complaint_deadline',
        'letter.rule_set_id',
        'letter.rule_set_label',
        'letter.legal_bases',
        'letter.scope',
        'letter.sector',
        'letter.channel',
        'outbox_message.status',
        'outbox_message.delivered_at',
      ])
      .where('letter.citizen_id', '=', citizenId)
      .orderBy('letter.created_at', 'desc')
      .orderBy('letter.id')
      .execute();
    return {
      items: rows.map((r) => ({
        id: r.id,
        caseId: r.case_id,
        decisionId: r.decision_id,
        title: r.title,
        sender: r.sender_name,
        signedBy: r.signed_by,
        sentAt: r.created_at.toISOString(),
        decisionDate: r.decision_date,
        complaintDeadline: r.complaint_deadline,
        ruleSet: { id: r.rule_set_id as LetterListItem['ruleSet']['id'], label: r.rule_set_label },
        legalBases: r.legal_bases,
        scope: r.scope,
        sector: r.sector as LetterListItem['sector'],
        channel: r.channel,
        channelLabel: LETTER_CHANNEL_LABELS[r.channel],
        status: r.status,
        statusLabel: LETTER_STATUS_LABELS[r.status],
        deliveredAt: r.delivered_at?.toISOString() ?? null,
        pdfUrl: `/api/letters/${r.id}/pdf`,
      })),
    };
  });
}

/** One letter's PDF, as it was sent. */
export async function getLetterPdf(a: Access, letterId: string): Promise<{ pdf: Uint8Array; filename: string }> {
  return a.gateway.run(a.ctx, { action: 'letter.read', subject: { owned: 'letter', id: letterId }, resourceType: 'letter_pdf', resourceId: letterId }, async (g) => {
    const row = await g.tx.selectFrom('letter').select(['pdf', 'decision_date']).where('id', '=', letterId).executeTakeFirstOrThrow();
    return { pdf: row.pdf, filename: pdfFilename({ decisionDate: row.decision_date }) };
  });
}

function validLetter(input: DecisionLetter): DecisionLetter {
  const parsed = DecisionLetterSchema.safeParse(input);
  if (!parsed.success) {
    throw invalid(
      'Brevet kan ikke dannes: oplysningerne om afgørelsen er ufuldstændige eller forkerte.',
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code, message: i.message })),
    );
  }
  return parsed.data;
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** JSON with object keys sorted, so the same letter hashes the same whatever order its fields came in. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) : v,
  );
}
