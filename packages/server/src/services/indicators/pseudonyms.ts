import { createHmac, randomBytes } from 'node:crypto';
import type { RequestContext } from '../../access/principal';
import type { Tx } from '../../db/transactions';

/** One key per municipality and purpose: a pseudonym made for the evaluation is useless for anything else. */
export const EVALUATION_KEY_PURPOSE = 'national_evaluation';

/**
 * The municipality's key for a purpose, made (32 random bytes) the first time
 * it is needed. Two exports racing to make it agree on the one that landed.
 */
export async function pseudonymKey(tx: Tx, ctx: RequestContext, purpose: string): Promise<Uint8Array> {
  await tx
    .insertInto('pseudonym_key')
    .values({ municipality_id: ctx.principal.municipalityId, purpose, secret: randomBytes(32), created_at: ctx.now() })
    .onConflict((oc) => oc.columns(['municipality_id', 'purpose']).doNothing())
    .execute();
  const row = await tx
    .selectFrom('pseudonym_key')
    .select('secret')
    .where('municipality_id', '=', ctx.principal.municipalityId)
    .where('purpose', '=', purpose)
    .executeTakeFirstOrThrow();
  return row.secret;
}

/** HMAC-SHA-256 of the citizen id under the key, 32 hex characters (128 bits): stable, not reversible without the key. */
export function pseudonymOf(key: Uint8Array, citizenId: string): string {
  return createHmac('sha256', key).update(citizenId).digest('hex').slice(0, 32);
}
