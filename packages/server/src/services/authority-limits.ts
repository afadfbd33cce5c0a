import {
  EMPLOYEE_ROLE_LABELS,
  inForceOn,
  lastDayBefore,
  limitsInForce,
  periodsOverlap,
  todayInCopenhagen,
  type api,
  type DatedAuthorityLimit,
  type EmployeeRole,
  type LocalDate,
} from '@helhed/core';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Access } from '../access/access';
import type { Tx } from '../db/transactions';
import { conflict, invalid, notFound } from '../errors';
import { num, requireRole } from './visitation/common';

type LimitDto = z.infer<typeof api.AuthorityLimit>;

/**
 * Authority limits as the municipality's own data (SPEC C6, C12): the
 * administrator adds, changes and ends them; nothing is rewritten. A change
 * from a day ends the current row the day before and adds a new one, so the
 * limit in force on any day — the one visitation judged a grant by — can
 * always be read back, with who made and who ended it.
 */

/** The limits in force on a day, for visitation's authority check. */
export async function readLimitsInForce(tx: Tx, onDate: LocalDate): Promise<(DatedAuthorityLimit & { id: string })[]> {
  const rows = await tx
    .selectFrom('authority_limit')
    .select(['id', 'role', 'unit_id', 'category', 'max_amount_dkk', 'valid_from', 'valid_until'])
    .where('valid_from', '<=', onDate)
    .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>=', onDate)]))
    .execute();
  return limitsInForce(
    rows.map((l) => ({ id: l.id, role: l.role, unitId: l.unit_id, category: l.category, maxAmountDkk: num(l.max_amount_dkk), validFrom: l.valid_from, validUntil: l.valid_until })),
    onDate,
  );
}

/** Every limit with its history, marked as in force, planned or ended on the day (default today). */
export async function listAuthorityLimits(a: Access, query: z.infer<typeof api.AuthorityLimitQuery>): Promise<z.infer<typeof api.AuthorityLimitList>> {
  requireRole(a, 'organisation.read');
  const on = query.on ?? todayInCopenhagen(a.ctx.now());
  return a.gateway.administrative(a.ctx, async (tx) => {
    const [items, categories, units] = await Promise.all([
      readLimits(tx, on),
      tx.selectFrom('catalogue_item').select('category').distinct().orderBy('category').execute(),
      tx.selectFrom('org_unit').select(['id', 'name']).orderBy('name').execute(),
    ]);
    return { on, items, categories: categories.map((c) => c.category), units };
  });
}

export async function createAuthorityLimit(a: Access, body: z.infer<typeof api.CreateAuthorityLimitBody>): Promise<LimitDto> {
  requireRole(a, 'organisation.manage');
  const today = todayInCopenhagen(a.ctx.now());
  if (body.validFrom < today) {
    throw invalid('En ny grænse kan ikke gælde bagud. Vælg i dag eller en senere dato.', [{ path: 'body.validFrom', code: 'backdated', message: 'Datoen ligger før i dag.' }], 'backdated');
  }
  return a.gateway.administrative(a.ctx, async (tx) => {
    const errors = [];
    if (!(await tx.selectFrom('org_unit').select('id').where('id', '=', body.unitId).executeTakeFirst())) {
      errors.push({ path: 'body.unitId', code: 'unknown', message: 'Enheden findes ikke.' });
    }
    if (body.category !== '*' && !(await tx.selectFrom('catalogue_item').select('id').where('category', '=', body.category).executeTakeFirst())) {
      errors.push({ path: 'body.category', code: 'unknown', message: `Kataloget har ingen indsatser i kategorien "${body.category}".` });
    }
    if (errors.length) throw invalid(errors.map((e) => e.message).join(' '), errors);
    await lockLimitKey(tx, body);
    const same = await tx
      .selectFrom('authority_limit')
      .select(['valid_from', 'valid_until'])
      .where('role', '=', body.role)
      .where('unit_id', '=', body.unitId)
      .where('category', '=', body.category)
      .execute();
    const clash = same.find((r) => periodsOverlap({ validFrom: r.valid_from, validUntil: r.valid_until }, { validFrom: body.validFrom, validUntil: null }) && isEverInForce(r));
    if (clash) {
      throw conflict(
        `${EMPLOYEE_ROLE_LABELS[body.role]} i enheden har allerede en grænse for ${body.category === '*' ? 'alle kategorier' : `kategorien "${body.category}"`}, der gælder fra ${clash.valid_from}. Ret den i stedet for at oprette en ny.`,
        'limit-exists',
      );
    }
    const id = crypto.randomUUID();
    await tx
      .insertInto('authority_limit')
      .values({
        municipality_id: a.ctx.principal.municipalityId,
        id,
        role: body.role,
        unit_id: body.unitId,
        category: body.category,
        max_amount_dkk: amount(body.maxAmountDkk),
        valid_from: body.validFrom,
        created_at: a.ctx.now(),
        created_by: a.ctx.principal.id,
        reason: body.reason ?? null,
      })
      .execute();
    return readOne(tx, id, today);
  });
}

/** A new amount from a day: this row ends the day before; the new row carries on to this row's end. */
export async function changeAuthorityLimit(a: Access, id: string, body: z.infer<typeof api.ChangeAuthorityLimitBody>): Promise<LimitDto> {
  requireRole(a, 'organisation.manage');
  const today = todayInCopenhagen(a.ctx.now());
  return a.gateway.administrative(a.ctx, async (tx) => {
    const row = await lockRow(tx, id);
    const current = num(row.max_amount_dkk);
    if (current === body.maxAmountDkk) {
      throw invalid('Beløbet er det samme som nu. Skriv det nye beløb.', [{ path: 'body.maxAmountDkk', code: 'unchanged', message: 'Beløbet er uændret.' }], 'unchanged');
    }
    const lastDay = endDay(row, body.effectiveFrom, today);
    await endRow(a, tx, id, lastDay, body.reason);
    const successor = crypto.randomUUID();
    await tx
      .insertInto('authority_limit')
      .values({
        municipality_id: a.ctx.principal.municipalityId,
        id: successor,
        role: row.role,
        unit_id: row.unit_id,
        category: row.category,
        max_amount_dkk: amount(body.maxAmountDkk),
        valid_from: body.effectiveFrom,
        valid_until: row.valid_until,
        created_at: a.ctx.now(),
        created_by: a.ctx.principal.id,
        replaces_id: id,
        reason: body.reason ?? null,
      })
      .execute();
    return readOne(tx, successor, today);
  });
}

export async function endAuthorityLimit(a: Access, id: string, body: z.infer<typeof api.EndAuthorityLimitBody>): Promise<LimitDto> {
  requireRole(a, 'organisation.manage');
  const today = todayInCopenhagen(a.ctx.now());
  return a.gateway.administrative(a.ctx, async (tx) => {
    const row = await lockRow(tx, id);
    await endRow(a, tx, id, endDay(row, body.effectiveFrom, today), body.reason);
    return readOne(tx, id, today);
  });
}

type Row = { role: string; unit_id: string; category: string; max_amount_dkk: string | null; valid_from: string; valid_until: string | null };

async function lockRow(tx: Tx, id: string): Promise<Row> {
  const row = await tx
    .selectFrom('authority_limit')
    .select(['role', 'unit_id', 'category', 'max_amount_dkk', 'valid_from', 'valid_until'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('Bevillingsgrænsen');
  return row;
}

/** The row's new last day, or a clear refusal: backwards or before its start is bad input, a row already ended (by someone else, too) a conflict. */
function endDay(row: Row, effectiveFrom: LocalDate, today: LocalDate): LocalDate {
  const plan = lastDayBefore({ validFrom: row.valid_from, validUntil: row.valid_until }, effectiveFrom, today);
  if (plan.ok) return plan.lastDay;
  if (plan.code === 'already-ended' || plan.code === 'after-end') throw conflict(plan.message, plan.code);
  throw invalid(plan.message, [{ path: 'body.effectiveFrom', code: plan.code, message: plan.message }], plan.code);
}

async function endRow(a: Access, tx: Tx, id: string, lastDay: LocalDate, reason: string | undefined): Promise<void> {
  await tx
    .updateTable('authority_limit')
    .set({ valid_until: lastDay, ended_at: a.ctx.now(), ended_by: a.ctx.principal.id, end_reason: reason ?? null })
    .where('id', '=', id)
    .execute();
}

/** Two administrators adding the same role, unit and category at once: one waits, then sees the other's row. */
async function lockLimitKey(tx: Tx, key: { role: string; unitId: string; category: string }): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`authority_limit|${key.role}|${key.unitId}|${key.category}`}))`.execute(tx);
}

const isEverInForce = (r: { valid_from: string; valid_until: string | null }) => r.valid_until === null || r.valid_until >= r.valid_from;
const amount = (x: number | null) => (x === null ? null : x.toFixed(2));

async function readOne(tx: Tx, id: string, on: LocalDate): Promise<LimitDto> {
  return (await readLimits(tx, on, id))[0]!;
}

async function readLimits(tx: Tx, on: LocalDate, id?: string): Promise<LimitDto[]> {
  let q = tx
    .selectFrom('authority_limit as l')
    .innerJoin('org_unit as u', 'u.id', 'l.unit_id')
    .leftJoin('employee as c', 'c.id', 'l.created_by')
    .leftJoin('employee as e', 'e.id', 'l.ended_by')
    .select([
      'l.id', 'l.role', 'l.unit_id', 'u.name as unit_name', 'l.category', 'l.max_amount_dkk', 'l.valid_from', 'l.valid_until',
      'l.created_at', 'c.name as created_by_name', 'l.ended_at', 'e.name as ended_by_name', 'l.replaces_id', 'l.reason', 'l.end_reason',
    ])
    .orderBy('l.role')
    .orderBy('u.name')
    .orderBy('l.category')
    .orderBy('l.valid_from', 'desc')
    .orderBy('l.created_at', 'desc');
  if (id) q = q.where('l.id', '=', id);
  const rows = await q.execute();
  return rows.map((r) => {
    const period = { validFrom: r.valid_from, validUntil: r.valid_until };
    return {
      id: r.id,
      role: r.role as EmployeeRole,
      roleLabel: EMPLOYEE_ROLE_LABELS[r.role as EmployeeRole] ?? r.role,
      unitId: r.unit_id,
      unitName: r.unit_name,
      category: r.category,
      maxAmountDkk: num(r.max_amount_dkk),
      validFrom: r.valid_from,
      validUntil: r.valid_until,
      status: inForceOn(period, on) ? 'in_force' : r.valid_from > on && isEverInForce(r) ? 'planned' : 'ended',
      createdAt: r.created_at.toISOString(),
      createdByName: r.created_by_name,
      endedAt: r.ended_at?.toISOString() ?? null,
      endedByName: r.ended_by_name,
      replacesId: r.replaces_id,
      reason: r.reason,
      endReason: r.end_reason,
    };
  });
}
