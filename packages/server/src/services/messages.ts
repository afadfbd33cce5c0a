import type { api } from '@helhed/core';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Access } from '../access/access';
import type { Granted } from '../access/gateway';
import type { Tx } from '../db/transactions';
import { invalid } from '../errors';
import { recordCaseEvent } from './case-events';

type ThreadList = z.infer<typeof api.MessageThreadList>;
type ThreadDto = z.infer<typeof api.MessageThread>;
type Side = 'citizen' | 'employee';

/**
 * Messages between the citizen and the coordinating caseworker (SPEC C10):
 * threads per case; the citizen writes from "Min plan", the coordinating
 * caseworker and the team read and answer ("one voice": the read state is the
 * team's, not each employee's). Every read and write goes through the gateway.
 */
function sideOf(a: Access): Side {
  return a.ctx.principal.kind === 'citizen' ? 'citizen' : 'employee';
}

/** The citizen's own threads (on their open case). */
export async function myThreads(a: Access): Promise<ThreadList> {
  return a.gateway.run(a.ctx, { action: 'message.read', subject: { citizenId: a.ctx.principal.id ?? '' }, resourceType: 'message_thread' }, async (g) =>
    readThreads(g.tx, g.caseId, 'citizen'),
  );
}

export async function caseThreads(a: Access, caseId: string): Promise<ThreadList> {
  return a.gateway.run(a.ctx, { action: 'message.read', subject: { caseId }, resourceType: 'message_thread', resourceId: caseId }, async (g) =>
    readThreads(g.tx, caseId, 'employee'),
  );
}

/** The citizen starts a thread with their coordinating caseworker. */
export async function startMyThread(a: Access, body: z.infer<typeof api.StartThreadBody>): Promise<ThreadDto> {
  return a.gateway.run(a.ctx, { action: 'message.write', subject: { citizenId: a.ctx.principal.id ?? '' }, resourceType: 'message_thread' }, async (g) => {
    if (!g.caseId) throw invalid('Du har ikke en helhedsorienteret sag, så der er ingen sagsbehandler at skrive til.', [], 'no-open-case');
    return startThread(a, g, g.caseId, body);
  });
}

/** The caseworker starts a thread with the citizen. */
export async function startCaseThread(a: Access, caseId: string, body: z.infer<typeof api.StartThreadBody>): Promise<ThreadDto> {
  return a.gateway.run(a.ctx, { action: 'message.write', subject: { caseId }, resourceType: 'message_thread' }, async (g) => startThread(a, g, caseId, body));
}

async function startThread(a: Access, g: Granted, caseId: string, body: z.infer<typeof api.StartThreadBody>): Promise<ThreadDto> {
  const now = a.ctx.now();
  const id = crypto.randomUUID();
  await g.tx
    .insertInto('message_thread')
    .values({ municipality_id: a.ctx.principal.municipalityId, id, case_id: caseId, subject: body.subject, created_at: now, last_message_at: now })
    .execute();
  await insertMessage(a, g.tx, id, body.body);
  await recordCaseEvent(g.tx, a.ctx, caseId, 'message_thread_started', { threadId: id, by: sideOf(a) });
  g.setResourceId(id);
  return readThread(g.tx, id, sideOf(a));
}

/** One thread with its messages; reading it marks the other side's messages read (not under break-the-glass). */
export async function getThread(a: Access, threadId: string): Promise<ThreadDto> {
  return a.gateway.run(a.ctx, { action: 'message.read', subject: { owned: 'message_thread', id: threadId }, resourceType: 'message_thread', resourceId: threadId }, async (g) => {
    const side = sideOf(a);
    const thread = await readThread(g.tx, threadId, side);
    if (['self', 'coordinator', 'team'].includes(g.relation)) {
      await g.tx
        .updateTable('message')
        .set({ read_at: a.ctx.now() })
        .where('thread_id', '=', threadId)
        .where('author_kind', '!=', side)
        .where('read_at', 'is', null)
        .execute();
    }
    return thread;
  });
}

export async function reply(a: Access, threadId: string, body: z.infer<typeof api.ReplyBody>): Promise<ThreadDto> {
  return a.gateway.run(a.ctx, { action: 'message.write', subject: { owned: 'message_thread', id: threadId }, resourceType: 'message', resourceId: threadId }, async (g) => {
    const thread = await g.tx.selectFrom('message_thread').select('case_id').where('id', '=', threadId).executeTakeFirstOrThrow();
    if (thread.case_id !== g.caseId) throw invalid('Sagen er afsluttet; tråden kan ikke længere besvares.', [], 'case-closed');
    await insertMessage(a, g.tx, threadId, body.body);
    // Answering is reading what came before.
    await g.tx.updateTable('message').set({ read_at: a.ctx.now() }).where('thread_id', '=', threadId).where('author_kind', '!=', sideOf(a)).where('read_at', 'is', null).execute();
    return readThread(g.tx, threadId, sideOf(a));
  });
}

async function insertMessage(a: Access, tx: Tx, threadId: string, text: string): Promise<void> {
  const now = a.ctx.now();
  await tx
    .insertInto('message')
    .values({
      municipality_id: a.ctx.principal.municipalityId,
      id: crypto.randomUUID(),
      thread_id: threadId,
      author_kind: sideOf(a),
      author_id: a.ctx.principal.id!,
      author_name: a.ctx.principal.name,
      body: text,
      sent_at: now,
    })
    .execute();
  await tx.updateTable('message_thread').set({ last_message_at: now }).where('id', '=', threadId).execute();
}

/** Threads of a case, newest first, with unread counts for the side asking. */
export async function readThreads(tx: Tx, caseId: string | null, reader: Side): Promise<ThreadList> {
  if (!caseId) return { unread: 0, items: [] };
  const rows = await tx
    .selectFrom('message_thread as t')
    .leftJoin('message as m', 'm.thread_id', 't.id')
    .select(['t.id', 't.case_id', 't.subject', 't.last_message_at'])
    .select((eb) => [
      eb.fn.count<string>('m.id').as('messages'),
      sql<string>`count(*) filter (where ${sql.ref('m.author_kind')} <> ${reader} and ${sql.ref('m.read_at')} is null)`.as('unread'),
    ])
    .where('t.case_id', '=', caseId)
    .groupBy(['t.id', 't.case_id', 't.subject', 't.last_message_at'])
    .orderBy('t.last_message_at', 'desc')
    .orderBy('t.id')
    .execute();
  const items = rows.map((r) => ({ id: r.id, caseId: r.case_id, subject: r.subject, lastMessageAt: r.last_message_at.toISOString(), messages: Number(r.messages), unread: Number(r.unread) }));
  return { unread: items.reduce((n, t) => n + t.unread, 0), items };
}

/** Unread messages for the side asking on a case — for the overview. */
export async function unreadMessageCount(tx: Tx, caseId: string, reader: Side): Promise<number> {
  const row = await tx
    .selectFrom('message as m')
    .innerJoin('message_thread as t', 't.id', 'm.thread_id')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('t.case_id', '=', caseId)
    .where('m.author_kind', '!=', reader)
    .where('m.read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Threads of these cases with messages from the citizen nobody on the case has read yet, for the work queue. */
export async function threadsAwaitingAnswer(
  tx: Tx,
  caseIds: readonly string[],
): Promise<{ threadId: string; caseId: string; subject: string; unread: number; firstUnreadAt: string; lastUnreadAt: string }[]> {
  if (caseIds.length === 0) return [];
  const rows = await tx
    .selectFrom('message as m')
    .innerJoin('message_thread as t', 't.id', 'm.thread_id')
    .select(['t.id', 't.case_id', 't.subject'])
    .select((eb) => [eb.fn.countAll<string>().as('unread'), eb.fn.min('m.sent_at').as('first_at'), eb.fn.max('m.sent_at').as('last_at')])
    .where('t.case_id', 'in', [...caseIds])
    .where('m.author_kind', '=', 'citizen')
    .where('m.read_at', 'is', null)
    .groupBy(['t.id', 't.case_id', 't.subject'])
    .orderBy('first_at')
    .orderBy('t.id')
    .execute();
  return rows.map((r) => ({
    threadId: r.id,
    caseId: r.case_id,
    subject: r.subject,
    unread: Number(r.unread),
    firstUnreadAt: new Date(r.first_at).toISOString(),
    lastUnreadAt: new Date(r.last_at).toISOString(),
  }));
}

async function readThread(tx: Tx, threadId: string, reader: Side): Promise<ThreadDto> {
  const t = await tx.selectFrom('message_thread').selectAll().where('id', '=', threadId).executeTakeFirstOrThrow();
  const messages = await tx.selectFrom('message').selectAll().where('thread_id', '=', threadId).orderBy('sent_at').orderBy('seq').execute();
  return {
    id: t.id,
    caseId: t.case_id,
    subject: t.subject,
    lastMessageAt: t.last_message_at.toISOString(),
    messages: messages.length,
    unread: messages.filter((m) => m.author_kind !== reader && m.read_at === null).length,
    items: messages.map((m) => ({ id: m.id, author: m.author_kind, authorName: m.author_name, body: m.body, sentAt: m.sent_at.toISOString(), readAt: m.read_at?.toISOString() ?? null })),
  };
}
