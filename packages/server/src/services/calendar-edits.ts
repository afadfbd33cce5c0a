import { addDays, copenhagenWallClock, isSeriesDate, todayInCopenhagen, type api } from '@helhed/core';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Access } from '../access/access';
import type { Tx } from '../db/transactions';
import { conflict, invalid } from '../errors';
import { occurrenceOf, requireBelongs } from './calendar';
import { recordCaseEvent } from './case-events';

type OccurrenceDto = z.infer<typeof api.CalendarOccurrence>;

/**
 * Editing appointments (SPEC C9.2): the whole entry (a series: every
 * occurrence), one occurrence of a series moved or cancelled (an exception,
 * not a new series), a series ended early. Every edit names the version it
 * was made from; a stale one is refused (409) and changes nothing. Conflicts
 * are computed on read, so the next read — the caseworker's and the
 * citizen's "Min plan" alike — shows them as they now are.
 */

type EntryRow = { case_id: string; starts_at: Date; ends_at: Date; recurrence: 'weekly' | 'biweekly' | null; recurrence_until: string | null; cancelled: boolean; version: number };

const write = (entryId: string) => ({ action: 'calendar.write' as const, subject: { owned: 'calendar_entry' as const, id: entryId }, resourceType: 'calendar_entry', resourceId: entryId });

/** The entry, locked, at the version the edit was made from; a cancelled entry is not edited. */
async function lockEntry(tx: Tx, entryId: string, version: number): Promise<EntryRow> {
  const row = await tx
    .selectFrom('calendar_entry')
    .select(['case_id', 'starts_at', 'ends_at', 'recurrence', 'recurrence_until', 'cancelled', 'version'])
    .where('id', '=', entryId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (row.version !== version) throw conflict('Aftalen er ændret af en anden, siden du hentede den. Hent kalenderen igen, og ret den derefter.', 'stale-version');
  if (row.cancelled) throw conflict('Aftalen er aflyst og kan ikke ændres.', 'cancelled');
  return row;
}

async function bumpVersion(tx: Tx, entryId: string, set: Record<string, unknown> = {}): Promise<void> {
  await tx.updateTable('calendar_entry').set({ ...set, version: sql`version + 1` }).where('id', '=', entryId).execute();
}

const firstDay = (row: EntryRow) => copenhagenWallClock(row.starts_at).date;
const seriesOf = (row: EntryRow) => (row.recurrence && row.recurrence_until ? { frequency: row.recurrence, until: row.recurrence_until } : null);

export async function updateCalendarEntry(a: Access, entryId: string, body: z.infer<typeof api.UpdateCalendarEntryBody>): Promise<OccurrenceDto> {
  return a.gateway.run(a.ctx, write(entryId), async (g) => {
    const row = await lockEntry(g.tx, entryId, body.version);
    await requireBelongs(g.tx, row.case_id, { carrier: body.carrier });
    if (body.start && row.recurrence_until && copenhagenWallClock(new Date(body.start)).date > row.recurrence_until) {
      throw invalid(`Den faste aftale slutter ${row.recurrence_until}. Den første gang kan ikke ligge efter.`, [{ path: 'body.start', code: 'after-series', message: 'Starten ligger efter seriens sidste dag.' }]);
    }
    const changes: Record<string, unknown> = {};
    if (body.title !== undefined) changes.title = body.title;
    if (body.kind !== undefined) changes.kind = body.kind;
    if (body.start !== undefined && body.end !== undefined) Object.assign(changes, { starts_at: new Date(body.start), ends_at: new Date(body.end) });
    if (body.place !== undefined) Object.assign(changes, { place_name: body.place.name, area: body.place.area, latitude: body.place.latitude, longitude: body.place.longitude });
    if (body.carrier !== undefined) {
      Object.assign(changes, {
        carrier_employee_id: body.carrier?.employeeId ?? null,
        carrier_partner_id: body.carrier?.partnerId ?? null,
        carrier_network_person_id: body.carrier?.networkPersonId ?? null,
        carrier_text: body.carrier?.text ?? null,
      });
    }
    if (Object.keys(changes).length === 0) throw invalid('Der er ikke noget at ændre.', [], 'nothing-to-change');
    await bumpVersion(g.tx, entryId, changes);
    const fields = Object.keys(body).filter((k) => k !== 'version' && k !== 'reason');
    await recordCaseEvent(g.tx, a.ctx, row.case_id, 'calendar_entry_changed', { entryId, fields, reason: body.reason ?? null });
    return occurrenceOf(g.tx, entryId);
  });
}

/** One occurrence of a series, named by the day the series puts it on: moved, cancelled, or put back. */
export async function changeOccurrence(a: Access, entryId: string, body: z.infer<typeof api.ChangeOccurrenceBody>): Promise<OccurrenceDto> {
  const seriesDate = body.seriesDate;
  return a.gateway.run(a.ctx, write(entryId), async (g) => {
    const row = await lockEntry(g.tx, entryId, body.version);
    const series = seriesOf(row);
    if (!series) throw invalid('Aftalen er ikke en fast aftale. Ret selve aftalen i stedet.', [], 'not-a-series');
    if (!isSeriesDate({ recurrence: series }, firstDay(row), seriesDate)) {
      throw invalid(`Den faste aftale ligger ikke ${seriesDate}.`, [{ path: 'body.seriesDate', code: 'not-an-occurrence', message: 'Der er ingen gang i serien den dag.' }], 'not-an-occurrence');
    }
    const key = { municipality_id: a.ctx.principal.municipalityId, entry_id: entryId, occurrence_date: seriesDate };
    const stamp = { changed_at: a.ctx.now(), changed_by: a.ctx.principal.id };
    if (body.action === 'restore') {
      const removed = await g.tx.deleteFrom('calendar_exception').where('entry_id', '=', entryId).where('occurrence_date', '=', seriesDate).executeTakeFirst();
      if (Number(removed.numDeletedRows) === 0) throw invalid('Den gang er hverken flyttet eller aflyst.', [], 'nothing-to-restore');
    } else {
      const values =
        body.action === 'move'
          ? { cancelled: false, starts_at: new Date(body.start), ends_at: new Date(body.end), reason: body.reason ?? null }
          : { cancelled: true, starts_at: null, ends_at: null, reason: body.reason ?? null };
      await g.tx
        .insertInto('calendar_exception')
        .values({ ...key, ...values, ...stamp })
        .onConflict((oc) => oc.columns(['municipality_id', 'entry_id', 'occurrence_date']).doUpdateSet({ ...values, ...stamp }))
        .execute();
    }
    await bumpVersion(g.tx, entryId);
    const event = { move: 'calendar_occurrence_moved', cancel: 'calendar_occurrence_cancelled', restore: 'calendar_occurrence_restored' }[body.action];
    await recordCaseEvent(g.tx, a.ctx, row.case_id, event, {
      entryId,
      seriesDate,
      ...(body.action === 'move' ? { start: body.start, end: body.end } : {}),
      reason: 'reason' in body ? (body.reason ?? null) : null,
    });
    return occurrenceOf(g.tx, entryId, seriesDate);
  });
}

/** No occurrences from `from` on: what has been stays in the calendar, so the day is today or later. */
export async function endSeries(a: Access, entryId: string, body: z.infer<typeof api.EndSeriesBody>): Promise<OccurrenceDto> {
  return a.gateway.run(a.ctx, write(entryId), async (g) => {
    const row = await lockEntry(g.tx, entryId, body.version);
    const series = seriesOf(row);
    if (!series) throw invalid('Aftalen er ikke en fast aftale. Aflys den i stedet.', [], 'not-a-series');
    const problem = (message: string, code: string) => invalid(message, [{ path: 'body.from', code, message }], code);
    if (body.from < todayInCopenhagen(a.ctx.now())) throw problem('En fast aftale kan ikke afsluttes bagud. Vælg i dag eller en senere dato.', 'backdated');
    if (body.from <= firstDay(row)) throw problem(`Den faste aftale begynder ${firstDay(row)}. Aflys hele aftalen i stedet.`, 'before-first');
    if (body.from > series.until) throw problem(`Den faste aftale slutter allerede ${series.until}.`, 'after-end');
    await bumpVersion(g.tx, entryId, { recurrence_until: addDays(body.from, -1) });
    await recordCaseEvent(g.tx, a.ctx, row.case_id, 'calendar_series_ended', { entryId, from: body.from, reason: body.reason ?? null });
    return occurrenceOf(g.tx, entryId);
  });
}
