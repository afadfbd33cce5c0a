import type { RequestContext } from '../access/principal';
import type { Tx } from '../db/transactions';

/** Appends to the case's history in the caller's transaction; the history is append-only. */
export async function recordCaseEvent(
  tx: Tx,
  ctx: RequestContext,
  caseId: string,
  type: string,
  data: Record<string, unknown> = {},
): Promise<void> {
  await tx
    .insertInto('case_event')
    .values({
      municipality_id: ctx.principal.municipalityId,
      id: crypto.randomUUID(),
      case_id: caseId,
      occurred_at: ctx.now(),
      type,
      actor_kind: ctx.principal.kind,
      actor_id: ctx.principal.id,
      actor_name: ctx.principal.name,
      data: JSON.stringify(data),
    })
    .execute();
}
