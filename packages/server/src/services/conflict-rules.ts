import { checkConflictRules, municipalConflictRulesId, STANDARD_CONFLICT_RULES, type api, type ConflictRules, type ConflictRuleValues } from '@helhed/core';
import type { z } from 'zod';
import type { Access } from '../access/access';
import type { Tx } from '../db/transactions';
import { conflict, invalid } from '../errors';
import { requireRole } from './visitation/common';

/**
 * The municipality's calendar conflict rules (decisions.md §41: municipal
 * data, not law). The standard rules apply until the administrator sets the
 * municipality's own; every setting is a new version, never changed
 * afterwards, and every calendar read uses the newest.
 */

type ValuesDto = z.infer<typeof api.ConflictRulesSetting>['rules'];

/** The rule values as the API gives them (plain arrays). */
const asDto = ({ sameDay, travel, minimumGapMinutes }: ConflictRuleValues): ValuesDto => ({
  sameDay: sameDay.map((r) => ({ ...r, kinds: r.kinds === 'all' ? 'all' : [...r.kinds] })),
  travel: { ...travel },
  minimumGapMinutes,
});

/** The rules every calendar read judges conflicts by: the newest version, or the standard rules. */
export async function conflictRulesInForce(tx: Tx): Promise<ConflictRules> {
  const row = await tx.selectFrom('conflict_rule_set').select(['version', 'rules']).orderBy('version', 'desc').limit(1).executeTakeFirst();
  return toRules(row);
}

function toRules(row: { version: number; rules: unknown } | undefined): ConflictRules {
  if (!row || row.rules === null) return STANDARD_CONFLICT_RULES;
  return { id: municipalConflictRulesId(row.version), ...(row.rules as ConflictRuleValues) };
}

export async function getConflictRules(a: Access): Promise<z.infer<typeof api.ConflictRulesSetting>> {
  requireRole(a, 'organisation.read');
  return a.gateway.administrative(a.ctx, (tx) => readSetting(tx));
}

/** A new version of the rules (null: back to the standard rules), from the version the edit started from. */
export async function setConflictRules(a: Access, body: z.infer<typeof api.SetConflictRulesBody>): Promise<z.infer<typeof api.ConflictRulesSetting>> {
  requireRole(a, 'organisation.manage');
  if (body.rules) {
    const problems = checkConflictRules(body.rules);
    if (problems.length) throw invalid(problems.map((p) => p.message).join(' '), problems.map((p) => ({ path: `body.rules.${p.path}`, code: 'rule', message: p.message })));
  }
  return a.gateway.administrative(a.ctx, async (tx) => {
    const newest = await tx.selectFrom('conflict_rule_set').select('version').orderBy('version', 'desc').limit(1).executeTakeFirst();
    if ((newest?.version ?? 0) !== body.version) throw staleRules();
    const inserted = await tx
      .insertInto('conflict_rule_set')
      .values({
        municipality_id: a.ctx.principal.municipalityId,
        version: body.version + 1,
        rules: body.rules ? JSON.stringify(body.rules) : null,
        reason: body.reason ?? null,
        created_at: a.ctx.now(),
        created_by: a.ctx.principal.id,
      })
      // rows are never updated (so none is locked): two edits from the same version meet on the key
      .onConflict((oc) => oc.doNothing())
      .returning('version')
      .executeTakeFirst();
    if (!inserted) throw staleRules();
    return readSetting(tx);
  });
}

const staleRules = () => conflict('Kalenderreglerne er ændret af en anden i mellemtiden. Hent dem igen.', 'stale-version');

async function readSetting(tx: Tx): Promise<z.infer<typeof api.ConflictRulesSetting>> {
  const rows = await tx
    .selectFrom('conflict_rule_set as r')
    .leftJoin('employee as e', 'e.id', 'r.created_by')
    .select(['r.version', 'r.rules', 'r.reason', 'r.created_at', 'e.name as created_by_name'])
    .orderBy('r.version', 'desc')
    .execute();
  const current = toRules(rows[0]);
  return {
    version: rows[0]?.version ?? 0,
    rulesId: current.id,
    standard: current.id === STANDARD_CONFLICT_RULES.id,
    rules: asDto(current),
    standardRules: asDto(STANDARD_CONFLICT_RULES),
    history: rows.map((r) => ({
      version: r.version,
      rulesId: r.rules === null ? STANDARD_CONFLICT_RULES.id : municipalConflictRulesId(r.version),
      standard: r.rules === null,
      createdAt: r.created_at.toISOString(),
      createdByName: r.created_by_name,
      reason: r.reason,
    })),
  };
}
