import { COMPLAINT_ROUTE_LABELS, COST_MODEL_LABELS, legalBasesUnder, type api, type RuleSetId } from '@helhed/core';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Access } from '../../access/access';
import type { Tx } from '../../db/transactions';
import { conflict, invalid, notFound } from '../../errors';
import { requireRole, ruleSetOn } from './common';

type Item = z.infer<typeof api.CatalogueItem>;

/** The municipality's intervention catalogue (SPEC C6); optionally only what exists under the rule set in force on a date. */
export async function listCatalogue(a: Access, query: z.infer<typeof api.CatalogueQuery>): Promise<{ items: Item[] }> {
  requireRole(a, 'catalogue.read');
  return a.gateway.administrative(a.ctx, async (tx) => {
    const items = await readCatalogue(tx);
    if (!query.availableOn) return { items };
    const ruleSet = await ruleSetOn(tx, query.availableOn);
    return { items: items.filter((i) => i.active && legalBasesUnder(i.legalBases as never, ruleSet.id).length > 0) };
  });
}

export async function getCatalogueItem(a: Access, itemId: string): Promise<Item> {
  requireRole(a, 'catalogue.read');
  return a.gateway.administrative(a.ctx, async (tx) => (await readCatalogue(tx, itemId))[0] ?? throwNotFound());
}

export async function createCatalogueItem(a: Access, body: z.infer<typeof api.CreateCatalogueItemBody>): Promise<Item> {
  requireRole(a, 'catalogue.manage');
  checkItem(body);
  return a.gateway.administrative(a.ctx, async (tx) => {
    await assertUnit(tx, body.ownerUnitId);
    if (await tx.selectFrom('catalogue_item').select('id').where('kind', '=', body.kind).executeTakeFirst()) {
      throw conflict(`Kataloget har allerede en indsats med koden "${body.kind}".`, 'kind-exists');
    }
    const id = crypto.randomUUID();
    await tx.insertInto('catalogue_item').values({ municipality_id: a.ctx.principal.municipalityId, id, ...columns(body) }).execute();
    return (await readCatalogue(tx, id))[0]!;
  });
}

export async function updateCatalogueItem(a: Access, itemId: string, body: z.infer<typeof api.UpdateCatalogueItemBody>): Promise<Item> {
  requireRole(a, 'catalogue.manage');
  return a.gateway.administrative(a.ctx, async (tx) => {
    const current = (await readCatalogue(tx, itemId))[0] ?? throwNotFound();
    const { version, active, ...changes } = body;
    const merged = { ...current, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) } as z.infer<typeof api.CreateCatalogueItemBody>;
    checkItem({ ...merged, noComplaintReason: merged.noComplaintReason ?? undefined });
    if (changes.ownerUnitId) await assertUnit(tx, changes.ownerUnitId);
    if (changes.kind && changes.kind !== current.kind && (await tx.selectFrom('catalogue_item').select('id').where('kind', '=', changes.kind).executeTakeFirst())) {
      throw conflict(`Kataloget har allerede en indsats med koden "${changes.kind}".`, 'kind-exists');
    }
    const updated = await tx
      .updateTable('catalogue_item')
      .set({ ...columns(merged), ...(active !== undefined ? { active } : {}), version: sql`version + 1` })
      .where('id', '=', itemId)
      .where('version', '=', version)
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw conflict('Indsatsen er ændret af en anden i mellemtiden. Hent den igen.', 'stale-version');
    return (await readCatalogue(tx, itemId))[0]!;
  });
}

function throwNotFound(): never {
  throw notFound('Indsatsen i kataloget');
}

function checkItem(body: z.infer<typeof api.CreateCatalogueItemBody>): void {
  if (body.complaintRoute === 'none' && !body.noComplaintReason?.trim()) {
    throw invalid('Angiv hvorfor indsatsen ikke kan påklages.', [{ path: 'body.noComplaintReason', code: 'required', message: 'Begrundelse mangler.' }]);
  }
  if (body.appealable === (body.complaintRoute === 'none')) {
    throw invalid('En indsats, der kan påklages, skal have en klagevej – og omvendt.', [
      { path: 'body.complaintRoute', code: 'mismatch', message: 'Klagevej og "kan påklages" passer ikke sammen.' },
    ]);
  }
  if (body.flexibleHours && body.costModel !== 'per_hour') {
    throw invalid('En timepulje afregnes pr. time.', [{ path: 'body.costModel', code: 'pool-per-hour', message: 'Vælg "pr. time" for en timepulje.' }]);
  }
}

async function assertUnit(tx: Tx, unitId: string): Promise<void> {
  if (!(await tx.selectFrom('org_unit').select('id').where('id', '=', unitId).executeTakeFirst())) {
    throw invalid('Enheden findes ikke i kommunen.', [{ path: 'body.ownerUnitId', code: 'unknown-unit', message: 'Ukendt enhed.' }]);
  }
}

function columns(b: z.infer<typeof api.CreateCatalogueItemBody>) {
  return {
    kind: b.kind,
    title: b.title,
    description: b.description ?? '',
    sector: b.sector,
    category: b.category,
    legal_bases: JSON.stringify(b.legalBases),
    owner_unit_id: b.ownerUnitId,
    cost_model: b.costModel,
    unit_price_dkk: b.unitPriceDkk,
    appealable: b.appealable,
    complaint_route: b.complaintRoute,
    no_complaint_reason: b.complaintRoute === 'none' ? (b.noComplaintReason ?? null) : null,
    is_benefit: b.isBenefit,
    requires_rehabilitation: b.requiresRehabilitation,
    flexible_hours: b.flexibleHours,
    combined_of: JSON.stringify(b.combinedOf ?? []),
  };
}

/** Catalogue items (all, or one); a plain read for use inside a transaction. */
export async function readCatalogue(tx: Tx, itemId?: string): Promise<Item[]> {
  let q = tx.selectFrom('catalogue_item as c').innerJoin('org_unit as u', 'u.id', 'c.owner_unit_id').selectAll('c').select('u.name as unit_name');
  if (itemId) q = q.where('c.id', '=', itemId);
  const rows = await q.orderBy('c.sector').orderBy('c.title').execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    description: r.description,
    sector: r.sector,
    category: r.category,
    legalBases: r.legal_bases.map((b) => ({ law: b.law, section: b.section, ruleSets: b.ruleSets as RuleSetId[] })),
    ownerUnitId: r.owner_unit_id,
    ownerUnitName: r.unit_name,
    costModel: r.cost_model,
    costModelLabel: COST_MODEL_LABELS[r.cost_model],
    unitPriceDkk: Number(r.unit_price_dkk),
    appealable: r.appealable,
    complaintRoute: r.complaint_route,
    complaintRouteLabel: COMPLAINT_ROUTE_LABELS[r.complaint_route],
    noComplaintReason: r.no_complaint_reason,
    isBenefit: r.is_benefit,
    requiresRehabilitation: r.requires_rehabilitation,
    flexibleHours: r.flexible_hours,
    combinedOf: r.combined_of,
    active: r.active,
    version: r.version,
  }));
}
