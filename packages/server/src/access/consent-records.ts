import type { ConsentForm, ConsentRecord, ConsentScope } from '@helhed/core';
import type { Tx } from '../db/transactions';

/** A citizen's whole consent history in the domain's shape, oldest first. */
export async function loadConsentRecords(tx: Tx, citizenId: string): Promise<ConsentRecord[]> {
  const rows = await tx
    .selectFrom('consent')
    .selectAll()
    .where('citizen_id', '=', citizenId)
    .orderBy('recorded_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    scope: r.scope as ConsentScope,
    counterpart: r.counterpart,
    action: r.action,
    form: r.form as ConsentForm | null,
    effectiveAt: r.effective_at.toISOString(),
    recordedAt: r.recorded_at.toISOString(),
  }));
}
