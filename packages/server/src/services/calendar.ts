import {
  addWeeks,
  daysBetween,
  APPOINTMENT_KIND_LABELS,
  CONFLICT_KIND_LABELS,
  detectConflicts,
  expandCalendar,
  todayInCopenhagen,
  type api,
  type AppointmentKind,
  type CalendarConflict,
  type ConflictRules,
  type LocalDate,
  type OccurrenceException,
} from '@helhed/core';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Access } from '../access/access';
import type { Tx } from '../db/transactions';
import { conflict, invalid, ProblemError } from '../errors';
import { recordCaseEvent } from './case-events';
import { inCaseloadOf } from './cases';
import { conflictRulesInForce } from './conflict-rules';
import { readHouseholdMembers } from './plan-read';

type CalendarDto = z.infer<typeof api.Calendar>;
type OccurrenceDto = z.infer<typeof api.CalendarOccurrence>;

/** The default window: from today, 8 weeks. */
export const DEFAULT_CALENDAR_WEEKS = 8;
/** Longest window one read expands (a year and a bit). */
const MAX_WINDOW_DAYS = 400;

export function calendarWindow(now: Date, from?: LocalDate, to?: LocalDate): { from: LocalDate; to: LocalDate } {
  const start = from ?? todayInCopenhagen(now);
  const end = to ?? addWeeks(start, DEFAULT_CALENDAR_WEEKS);
  if (end < start) throw invalid('Perioden slutter før den starter.', [{ path: 'querystring.to', code: 'before-from', message: 'Slutdatoen ligger før startdatoen.' }]);
  if (daysBetween(start, end) > MAX_WINDOW_DAYS) {
    throw invalid(`En kalender kan højst vise ${MAX_WINDOW_DAYS} dage ad gangen.`, [{ path: 'querystring.to', code: 'too-long', message: 'Perioden er for lang.' }]);
  }
  return { from: start, to: end };
}

/**
 * The citizen and their family as the plan knows it (themself first): same
 * household, children and parents — one source, `readHouseholdMembers`, for
 * the family plan and the family calendar.
 */
export async function householdMembers(tx: Tx, citizenId: string, onDate: LocalDate): Promise<string[]> {
  return [citizenId, ...(await readHouseholdMembers(tx, citizenId, onDate)).map((m) => m.citizenId)];
}

/**
 * The merged calendar of the given citizens for a window, with each citizen's
 * conflicts under the municipality's rules (or the rules given). A plain read
 * for the caller's (already granted) transaction: the one-call citizen
 * overview uses it as it is.
 */
export async function readCalendar(tx: Tx, citizenIds: string[], window: { from: LocalDate; to: LocalDate }, given?: ConflictRules): Promise<CalendarDto> {
  const rules = given ?? (await conflictRulesInForce(tx));
  if (citizenIds.length === 0) return { ...window, rulesId: rules.id, citizens: [], occurrences: [], conflicts: [] };
  const windowEnd = sql<Date>`(${window.to}::date + 2)::timestamptz`;
  const windowStart = sql<Date>`(${window.from}::date - 1)::timestamptz`;
  // The citizens, each with their entries that start before the window ends (a day's margin for the
  // time zone) and, if a series, run into it — or have one occurrence moved into it: one query.
  const joined = await tx
    .selectFrom('citizen as c')
    .leftJoin('calendar_entry as e', (j) =>
      j.onRef('e.citizen_id', '=', 'c.id').on((eb) =>
        eb.or([
          eb.and([eb('e.starts_at', '<', windowEnd), eb.or([eb('e.starts_at', '>=', windowStart), eb('e.recurrence_until', '>=', window.from)])]),
          eb.exists(
            eb
              .selectFrom('calendar_exception as x')
              .select('x.entry_id')
              .whereRef('x.entry_id', '=', 'e.id')
              .where('x.starts_at', '>=', windowStart)
              .where('x.starts_at', '<', windowEnd),
          ),
        ]),
      ),
    )
    .leftJoin('employee as emp', 'emp.id', 'e.carrier_employee_id')
    .leftJoin('partner as p', 'p.id', 'e.carrier_partner_id')
    .leftJoin('network_person as np', 'np.id', 'e.carrier_network_person_id')
    .select([
      'c.id as c_id', 'c.name as citizen_name', 'e.id', 'e.case_id', 'e.citizen_id', 'e.intervention_id', 'e.title', 'e.kind', 'e.starts_at', 'e.ends_at',
      'e.place_name', 'e.area', 'e.latitude', 'e.longitude', 'e.carrier_text', 'e.recurrence', 'e.recurrence_until', 'e.cancelled', 'e.version',
      'e.carrier_employee_id', 'e.carrier_partner_id', 'e.carrier_network_person_id',
      'emp.name as employee_name', 'p.name as partner_name', 'np.name as network_name',
    ])
    .where('c.id', 'in', citizenIds)
    .orderBy('c.birth_date')
    .execute();
  const citizens = [...new Map(joined.map((r) => [r.c_id, { id: r.c_id, name: r.citizen_name }])).values()];
  const rows = joined.flatMap((r) => (r.id === null ? [] : [{ ...r, id: r.id, case_id: r.case_id!, citizen_id: r.citizen_id!, title: r.title!, kind: r.kind!, starts_at: r.starts_at!, ends_at: r.ends_at!, cancelled: r.cancelled!, version: r.version! }]));
  const exceptions = await readExceptions(tx, rows.filter((r) => r.recurrence).map((r) => r.id));
  const entries = rows.map((r) => ({
    id: r.id,
    citizenId: r.citizen_id,
    title: r.title,
    kind: r.kind as AppointmentKind,
    start: r.starts_at.toISOString(),
    end: r.ends_at.toISOString(),
    place: { name: r.place_name, area: r.area, latitude: r.latitude, longitude: r.longitude },
    recurrence: r.recurrence && r.recurrence_until ? { frequency: r.recurrence, until: r.recurrence_until } : null,
    cancelled: r.cancelled,
    exceptions: exceptions.get(r.id) ?? [],
    row: r,
  }));
  const occurrences = expandCalendar(entries, window);
  const conflicts = detectConflicts(occurrences, rules);
  const inConflict = new Set(conflicts.flatMap((c) => c.occurrenceKeys));
  const byKey = new Map(occurrences.map((o) => [o.key, o]));
  return {
    ...window,
    rulesId: rules.id,
    citizens,
    occurrences: occurrences.map((o): OccurrenceDto => {
      const r = o.entry.row;
      const carrier = r.employee_name
        ? { kind: 'employee' as const, name: r.employee_name }
        : r.partner_name
          ? { kind: 'partner' as const, name: r.partner_name }
          : r.network_name
            ? { kind: 'network' as const, name: r.network_name }
            : r.carrier_text
              ? { kind: 'text' as const, name: r.carrier_text }
              : null;
      return {
        key: o.key,
        entryId: r.id,
        citizenId: r.citizen_id,
        citizenName: r.citizen_name,
        caseId: r.case_id,
        interventionId: r.intervention_id,
        title: r.title,
        kind: o.entry.kind,
        kindLabel: APPOINTMENT_KIND_LABELS[o.entry.kind] ?? r.kind,
        start: o.start,
        end: o.end,
        date: o.date,
        place: o.entry.place,
        carrier,
        recurrence: o.entry.recurrence,
        cancelled: o.cancelled,
        seriesDate: o.seriesDate,
        moved: o.moved,
        inConflict: inConflict.has(o.key),
        version: r.version,
        entryStart: o.entry.start,
        entryEnd: o.entry.end,
        carrierRef: { employeeId: r.carrier_employee_id, partnerId: r.carrier_partner_id, networkPersonId: r.carrier_network_person_id, text: r.carrier_text },
      };
    }),
    conflicts: conflicts.map((c) => ({ ...c, label: conflictLabel(c, rules), detail: conflictDetail(c, byKey) })),
  };
}

/** The moved and cancelled occurrences of the series, by entry. */
async function readExceptions(tx: Tx, entryIds: string[]): Promise<Map<string, OccurrenceException[]>> {
  const out = new Map<string, OccurrenceException[]>();
  if (entryIds.length === 0) return out;
  const rows = await tx.selectFrom('calendar_exception').select(['entry_id', 'occurrence_date', 'cancelled', 'starts_at', 'ends_at']).where('entry_id', 'in', entryIds).execute();
  for (const x of rows) {
    const exception: OccurrenceException = x.cancelled || !x.starts_at || !x.ends_at
      ? { date: x.occurrence_date, cancelled: true }
      : { date: x.occurrence_date, cancelled: false, start: x.starts_at.toISOString(), end: x.ends_at.toISOString() };
    out.set(x.entry_id, [...(out.get(x.entry_id) ?? []), exception]);
  }
  return out;
}

function conflictLabel(c: CalendarConflict, rules: ConflictRules): string {
  return (c.ruleId && rules.sameDay.find((r) => r.id === c.ruleId)?.label) || CONFLICT_KIND_LABELS[c.kind];
}

const clock = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', hour: '2-digit', minute: '2-digit' });
function conflictDetail(c: CalendarConflict, byKey: Map<string, { start: string; entry: { title: string } }>): string {
  const list = c.occurrenceKeys.map((k) => byKey.get(k)!).map((o) => `${o.entry.title} kl. ${clock.format(new Date(o.start))}`);
  if (c.kind === 'travel') return `${list.join(' og ')}: ${c.gapMinutes} min. imellem, men transporten tager ca. ${c.travelMinutes} min.`;
  if (c.kind === 'overlap') return `${list.join(' og ')} ligger oven i hinanden.`;
  return `Samme dag: ${list.join(', ')}.`;
}

/** The case's calendar, or the household's (scope=family), for caseworkers and the team. */
export async function caseCalendar(a: Access, caseId: string, query: z.infer<typeof api.CalendarQuery>): Promise<CalendarDto> {
  const window = calendarWindow(a.ctx.now(), query.from, query.to);
  return a.gateway.run(a.ctx, { action: 'calendar.read', subject: { caseId }, resourceType: 'calendar', resourceId: caseId }, async (g) => {
    const ids = await familyScope(g.tx, g.citizenId!, query.scope, query.citizenIds, todayInCopenhagen(a.ctx.now()));
    g.alsoConcerns(ids);
    return readCalendar(g.tx, ids, window);
  });
}

async function familyScope(tx: Tx, citizenId: string, scope: 'citizen' | 'family', wanted: string[] | undefined, onDate: LocalDate): Promise<string[]> {
  if (scope === 'citizen') {
    if (wanted?.length) throw invalid('citizenIds kan kun bruges med scope=family.', [{ path: 'querystring.citizenIds', code: 'needs-family', message: 'Brug scope=family.' }]);
    return [citizenId];
  }
  const household = await householdMembers(tx, citizenId, onDate);
  if (!wanted?.length) return household;
  const outside = wanted.filter((id) => !household.includes(id));
  if (outside.length) {
    throw new ProblemError(403, 'not-in-household', 'Adgang nægtet', 'Familiekalenderen kan kun vise borgere i samme husstand som sagens borger.', [
      { path: 'querystring.citizenIds', code: 'not-in-household', message: `${outside.length} af borgerne hører ikke til husstanden.` },
    ]);
  }
  return [...new Set([citizenId, ...wanted])];
}

/** The citizen's own calendar with its conflicts ("Min plan"). */
export async function myCalendar(a: Access, query: z.infer<typeof api.MyCalendarQuery>): Promise<CalendarDto> {
  const window = calendarWindow(a.ctx.now(), query.from, query.to);
  return a.gateway.run(a.ctx, { action: 'calendar.read', subject: { citizenId: a.ctx.principal.id ?? '' }, resourceType: 'calendar' }, async (g) =>
    readCalendar(g.tx, [g.citizenId!], window),
  );
}

export async function createCalendarEntry(a: Access, caseId: string, body: z.infer<typeof api.CreateCalendarEntryBody>): Promise<OccurrenceDto> {
  return a.gateway.run(a.ctx, { action: 'calendar.write', subject: { caseId }, resourceType: 'calendar_entry' }, async (g) => {
    const citizenId = body.citizenId ?? g.citizenId!;
    if (citizenId !== g.citizenId && !(await householdMembers(g.tx, g.citizenId!, todayInCopenhagen(a.ctx.now()))).includes(citizenId)) {
      throw invalid('Aftalen kan kun gælde sagens borger eller en i samme husstand.', [{ path: 'body.citizenId', code: 'not-in-household', message: 'Borgeren hører ikke til husstanden.' }]);
    }
    await requireBelongs(g.tx, caseId, body);
    const id = crypto.randomUUID();
    const place = body.place ?? { name: null, area: null, latitude: null, longitude: null };
    await g.tx
      .insertInto('calendar_entry')
      .values({
        municipality_id: a.ctx.principal.municipalityId,
        id,
        case_id: caseId,
        citizen_id: citizenId,
        intervention_id: body.interventionId ?? null,
        title: body.title,
        kind: body.kind,
        starts_at: new Date(body.start),
        ends_at: new Date(body.end),
        place_name: place.name,
        area: place.area,
        latitude: place.latitude,
        longitude: place.longitude,
        carrier_employee_id: body.carrier?.employeeId ?? null,
        carrier_partner_id: body.carrier?.partnerId ?? null,
        carrier_network_person_id: body.carrier?.networkPersonId ?? null,
        carrier_text: body.carrier?.text ?? null,
        recurrence: body.recurrence?.frequency ?? null,
        recurrence_until: body.recurrence?.until ?? null,
        created_at: a.ctx.now(),
        created_by: a.ctx.principal.id,
      })
      .execute();
    await recordCaseEvent(g.tx, a.ctx, caseId, 'calendar_entry_added', { entryId: id, kind: body.kind, start: body.start, recurring: Boolean(body.recurrence) });
    g.setResourceId(id);
    return occurrenceOf(g.tx, id);
  });
}

/**
 * One occurrence of the entry (for the answer to a write): the one the series
 * puts on `seriesDate` (default: the first), where it is now — moved or not.
 */
export async function occurrenceOf(tx: Tx, id: string, seriesDate?: LocalDate): Promise<OccurrenceDto> {
  const row = await tx.selectFrom('calendar_entry').select(['citizen_id', 'starts_at']).where('id', '=', id).executeTakeFirstOrThrow();
  const wanted = seriesDate ?? todayInCopenhagen(row.starts_at);
  const moved = await tx.selectFrom('calendar_exception').select('starts_at').where('entry_id', '=', id).where('occurrence_date', '=', wanted).executeTakeFirst();
  const day = moved?.starts_at ? todayInCopenhagen(moved.starts_at) : wanted;
  const cal = await readCalendar(tx, [row.citizen_id], { from: day, to: day });
  return cal.occurrences.find((o) => o.entryId === id && o.seriesDate === wanted)!;
}

/** What an entry points at exists: the intervention on the case, the carrier (employee, partner, the case citizen's network). */
export async function requireBelongs(tx: Tx, caseId: string, body: { interventionId?: string | undefined; carrier?: z.infer<typeof api.Carrier> | null | undefined }): Promise<void> {
  const errors: { path: string; code: string; message: string }[] = [];
  if (body.interventionId) {
    const found = await tx.selectFrom('intervention').select('id').where('id', '=', body.interventionId).where('case_id', '=', caseId).executeTakeFirst();
    if (!found) errors.push({ path: 'body.interventionId', code: 'unknown', message: 'Indsatsen findes ikke på sagen.' });
  }
  const c = body.carrier;
  if (c?.employeeId && !(await tx.selectFrom('employee').select('id').where('id', '=', c.employeeId).where('active', '=', true).executeTakeFirst())) {
    errors.push({ path: 'body.carrier.employeeId', code: 'unknown', message: 'Medarbejderen findes ikke.' });
  }
  if (c?.partnerId && !(await tx.selectFrom('partner').select('id').where('id', '=', c.partnerId).where('active', '=', true).executeTakeFirst())) {
    errors.push({ path: 'body.carrier.partnerId', code: 'unknown', message: 'Samarbejdspartneren findes ikke.' });
  }
  if (c?.networkPersonId) {
    const case_ = await tx.selectFrom('holistic_case').select('citizen_id').where('id', '=', caseId).executeTakeFirstOrThrow();
    const found = await tx.selectFrom('network_person').select('id').where('id', '=', c.networkPersonId).where('citizen_id', '=', case_.citizen_id).executeTakeFirst();
    if (!found) errors.push({ path: 'body.carrier.networkPersonId', code: 'unknown', message: 'Personen findes ikke i borgerens netværk.' });
  }
  if (errors.length) throw invalid('Nogle af oplysningerne peger på noget, der ikke findes.', errors);
}

export async function cancelCalendarEntry(a: Access, entryId: string, body: z.infer<typeof api.CancelCalendarEntryBody>): Promise<OccurrenceDto> {
  return a.gateway.run(a.ctx, { action: 'calendar.write', subject: { owned: 'calendar_entry', id: entryId }, resourceType: 'calendar_entry', resourceId: entryId }, async (g) => {
    const updated = await g.tx
      .updateTable('calendar_entry')
      .set({ cancelled: true, version: sql`version + 1` })
      .where('id', '=', entryId)
      .where('version', '=', body.version)
      .where('cancelled', '=', false)
      .returning('case_id')
      .executeTakeFirst();
    if (!updated) throw conflict('Aftalen er allerede aflyst eller ændret af en anden. Hent kalenderen igen.', 'stale-version');
    await recordCaseEvent(g.tx, a.ctx, updated.case_id, 'calendar_entry_cancelled', { entryId, reason: body.reason ?? null });
    return occurrenceOf(g.tx, entryId);
  });
}

/**
 * The work queue's view (issue 6): the cases in my caseload whose citizen has
 * calendar conflicts from today for 8 weeks — one calendar read over all of them.
 */
export async function caseloadConflicts(a: Access): Promise<z.infer<typeof api.CaseloadConflicts>> {
  const me = a.ctx.principal;
  const window = calendarWindow(a.ctx.now());
  return a.gateway.run(a.ctx, { action: 'caseload.read', subject: { search: { caseloadConflicts: me.id }, resolve: async () => null }, resourceType: 'calendar' }, async (g) => {
    const cases = await g.tx
      .selectFrom('holistic_case as k')
      .innerJoin('citizen as c', 'c.id', 'k.citizen_id')
      .select(['k.id', 'k.citizen_id', 'c.name'])
      .where('k.closed_at', 'is', null)
      .where(inCaseloadOf(me.id))
      .execute();
    const items = await conflictsByCase(g.tx, cases.map((k) => ({ caseId: k.id, citizenId: k.citizen_id, citizenName: k.name })), window);
    return { ...window, items };
  });
}

/** The cases whose citizen has calendar conflicts in the window: one calendar read over all of them, first conflict first. */
export async function conflictsByCase(
  tx: Tx,
  cases: readonly { caseId: string; citizenId: string; citizenName: string }[],
  window: { from: LocalDate; to: LocalDate },
): Promise<z.infer<typeof api.CaseloadConflicts>['items']> {
  if (cases.length === 0) return [];
  const calendar = await readCalendar(tx, cases.map((k) => k.citizenId), window);
  const items = cases.flatMap((k) => {
    const own = calendar.conflicts.filter((c) => c.citizenId === k.citizenId);
    return own.length ? [{ ...k, conflicts: own.length, firstConflictOn: own[0]!.date }] : [];
  });
  return items.sort((x, y) => (x.firstConflictOn < y.firstConflictOn ? -1 : x.firstConflictOn > y.firstConflictOn ? 1 : x.caseId < y.caseId ? -1 : 1));
}
