import { addDays, compareDates, daysBetween, type LocalDate } from '../local-date';
import { copenhagenInstant, copenhagenWallClock } from './copenhagen-time';
import type { AppointmentKind, ConflictRules, TravelModel } from './conflict-rules';

/**
 * One calendar per citizen and family (SPEC C9.2): entries (single or weekly /
 * fortnightly series in Copenhagen wall-clock time) expanded into occurrences
 * for a window, and the conflicts between a citizen's occurrences.
 * Pure: instants are ISO strings, days are Copenhagen calendar days.
 */
export const RECURRENCE_FREQUENCIES = ['weekly', 'biweekly'] as const;
export type RecurrenceFrequency = (typeof RECURRENCE_FREQUENCIES)[number];
const INTERVAL_DAYS: Record<RecurrenceFrequency, number> = { weekly: 7, biweekly: 14 };

export interface CalendarPlace {
  /** address or place name */
  name: string | null;
  /** the municipality's area (bydel / postnummer) for travel time */
  area: string | null;
  latitude: number | null;
  longitude: number | null;
}

export interface CalendarEntryInput {
  id: string;
  citizenId: string;
  title: string;
  kind: AppointmentKind;
  /** ISO instants; end after start */
  start: string;
  end: string;
  place: CalendarPlace;
  recurrence: { frequency: RecurrenceFrequency; until: LocalDate } | null;
  cancelled: boolean;
  /** one occurrence of a series moved or cancelled, named by the Copenhagen day it falls on in the series */
  exceptions?: readonly OccurrenceException[];
}

/**
 * A change to one occurrence of a series (an exception, not a new series):
 * cancelled, or moved to another start and end (which may be another day).
 */
export type OccurrenceException =
  | { date: LocalDate; cancelled: true }
  | { date: LocalDate; cancelled: false; start: string; end: string };

export interface CalendarOccurrence<E extends CalendarEntryInput = CalendarEntryInput> {
  /** entry id + '@' + the start the series gives it: stable across reads, and when the occurrence is moved */
  key: string;
  entry: E;
  start: string;
  end: string;
  /** Copenhagen calendar day of the start */
  date: LocalDate;
  /** the day the series puts it on (= date unless moved): names the occurrence for an exception */
  seriesDate: LocalDate;
  /** moved away from the series' time */
  moved: boolean;
  /** the entry is cancelled, or this one occurrence is */
  cancelled: boolean;
}

export interface CalendarWindow {
  /** first and last Copenhagen calendar day, both included */
  from: LocalDate;
  to: LocalDate;
}

/**
 * The occurrences of one entry whose start falls on a day in the window.
 * A series keeps the first occurrence's wall-clock time and length, so a
 * Tuesday 10:00–11:00 series stays 10:00–11:00 after the change to summer time.
 * An exception cancels one occurrence or moves it (possibly into or out of
 * the window: a moved occurrence is where it was moved to).
 */
export function expandEntry<E extends CalendarEntryInput>(entry: E, window: CalendarWindow): CalendarOccurrence<E>[] {
  const start = new Date(entry.start);
  const durationMs = new Date(entry.end).getTime() - start.getTime();
  const first = copenhagenWallClock(start);
  const inWindow = (date: LocalDate) => compareDates(date, window.from) >= 0 && compareDates(date, window.to) <= 0;
  const occurrence = (seriesStart: Date, seriesDate: LocalDate): CalendarOccurrence<E> => ({
    key: `${entry.id}@${seriesStart.toISOString()}`,
    entry,
    start: seriesStart.toISOString(),
    end: new Date(seriesStart.getTime() + durationMs).toISOString(),
    date: seriesDate,
    seriesDate,
    moved: false,
    cancelled: entry.cancelled,
  });
  if (!entry.recurrence) return inWindow(first.date) ? [occurrence(start, first.date)] : [];
  const step = INTERVAL_DAYS[entry.recurrence.frequency];
  const seriesStartOn = (date: LocalDate) => (date === first.date ? start : copenhagenInstant(date, first.time));
  const exceptions = new Map((entry.exceptions ?? []).filter((x) => isSeriesDate(entry, first.date, x.date)).map((x) => [x.date, x]));
  const out: CalendarOccurrence<E>[] = [];
  const last = compareDates(entry.recurrence.until, window.to) < 0 ? entry.recurrence.until : window.to;
  const skip = Math.max(0, Math.ceil(daysBetween(first.date, window.from) / step));
  for (let date = addDays(first.date, skip * step); compareDates(date, last) <= 0; date = addDays(date, step)) {
    const exception = exceptions.get(date);
    if (exception && !exception.cancelled) continue; // where it was moved to is judged below
    out.push({ ...occurrence(seriesStartOn(date), date), cancelled: entry.cancelled || Boolean(exception) });
  }
  for (const x of exceptions.values()) {
    if (x.cancelled) continue;
    const date = copenhagenWallClock(new Date(x.start)).date;
    if (!inWindow(date)) continue;
    out.push({ ...occurrence(seriesStartOn(x.date), x.date), start: new Date(x.start).toISOString(), end: new Date(x.end).toISOString(), date, moved: true });
  }
  return out.sort(byStart);
}

/** Whether the series puts an occurrence on the day (on its step, from its first day to its last). */
export function isSeriesDate(entry: Pick<CalendarEntryInput, 'recurrence'>, firstDate: LocalDate, date: LocalDate): boolean {
  if (!entry.recurrence) return date === firstDate;
  const days = daysBetween(firstDate, date);
  return days >= 0 && days % INTERVAL_DAYS[entry.recurrence.frequency] === 0 && compareDates(date, entry.recurrence.until) <= 0;
}

/** The Copenhagen day of an entry's first occurrence. */
export function firstDateOf(entry: Pick<CalendarEntryInput, 'start'>): LocalDate {
  return copenhagenWallClock(new Date(entry.start)).date;
}

/** All occurrences of the entries in the window, in time order (cancelled ones included, marked by their entry). */
export function expandCalendar<E extends CalendarEntryInput>(entries: readonly E[], window: CalendarWindow): CalendarOccurrence<E>[] {
  return entries.flatMap((e) => expandEntry(e, window)).sort(byStart);
}

function byStart(a: CalendarOccurrence, b: CalendarOccurrence): number {
  return a.start < b.start ? -1 : a.start > b.start ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

export type ConflictKind = 'overlap' | 'same_day' | 'travel' | 'gap';

export interface CalendarConflict {
  kind: ConflictKind;
  citizenId: string;
  date: LocalDate;
  /** the occurrences involved, in time order */
  occurrenceKeys: string[];
  /** for same_day: the rule broken */
  ruleId: string | null;
  /** for travel and gap: minutes between the two and minutes needed */
  gapMinutes: number | null;
  travelMinutes: number | null;
}

const normalise = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

function metresBetween(a: CalendarPlace, b: CalendarPlace): number | null {
  if (a.latitude === null || a.longitude === null || b.latitude === null || b.longitude === null) return null;
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Minutes to get from one place to the other under the model; null = cannot be judged. */
export function travelMinutes(a: CalendarPlace, b: CalendarPlace, model: TravelModel): number | null {
  if (a.name && b.name && normalise(a.name) === normalise(b.name)) return 0;
  const metres = metresBetween(a, b);
  if (metres !== null && metres <= model.samePlaceMetres) return 0;
  if (!a.area || !b.area) return null;
  return normalise(a.area) === normalise(b.area) ? model.sameAreaMinutes : model.differentAreaMinutes;
}

/**
 * Conflicts in each citizen's own occurrences (appointments of different family
 * members are not compared with each other): two appointments overlapping in
 * time; too many (of the rule's kinds) on one day; too little time between two
 * appointments to travel from one place to the next, or less than the
 * municipality's minimum gap. Cancelled entries and cancelled occurrences count
 * for nothing. The result does not depend on the order of the input.
 */
export function detectConflicts(occurrences: readonly CalendarOccurrence[], rules: ConflictRules): CalendarConflict[] {
  const byCitizen = new Map<string, CalendarOccurrence[]>();
  for (const o of occurrences) {
    if (o.cancelled) continue;
    const list = byCitizen.get(o.entry.citizenId) ?? [];
    list.push(o);
    byCitizen.set(o.entry.citizenId, list);
  }
  const conflicts: CalendarConflict[] = [];
  for (const [citizenId, list] of [...byCitizen].sort(([a], [b]) => (a < b ? -1 : 1))) {
    list.sort(byStart);
    const base = { citizenId, ruleId: null, gapMinutes: null, travelMinutes: null };
    for (let i = 0; i < list.length; i++) {
      const a = list[i]!;
      for (let j = i + 1; j < list.length && list[j]!.start < a.end; j++) {
        conflicts.push({ ...base, kind: 'overlap', date: a.date, occurrenceKeys: [a.key, list[j]!.key] });
      }
    }
    for (let i = 0; i + 1 < list.length; i++) {
      const a = list[i]!;
      const b = list[i + 1]!;
      if (a.date !== b.date || b.start < a.end) continue;
      const travel = travelMinutes(a.entry.place, b.entry.place, rules.travel);
      const gap = (new Date(b.start).getTime() - new Date(a.end).getTime()) / 60_000;
      if (travel !== null && gap < travel && travel >= rules.minimumGapMinutes) {
        conflicts.push({ ...base, kind: 'travel', date: a.date, occurrenceKeys: [a.key, b.key], gapMinutes: gap, travelMinutes: travel });
      } else if (gap < rules.minimumGapMinutes) {
        conflicts.push({ ...base, kind: 'gap', date: a.date, occurrenceKeys: [a.key, b.key], gapMinutes: gap, travelMinutes: rules.minimumGapMinutes });
      }
    }
    const byDay = new Map<LocalDate, CalendarOccurrence[]>();
    for (const o of list) byDay.set(o.date, [...(byDay.get(o.date) ?? []), o]);
    for (const [date, day] of byDay) {
      for (const rule of rules.sameDay) {
        const counted = rule.kinds === 'all' ? day : day.filter((o) => (rule.kinds as readonly string[]).includes(o.entry.kind));
        if (counted.length > rule.maxPerDay) {
          conflicts.push({ ...base, kind: 'same_day', date, occurrenceKeys: counted.map((o) => o.key), ruleId: rule.id });
        }
      }
    }
  }
  const order = (c: CalendarConflict) => `${c.date}|${c.occurrenceKeys[0]}|${c.kind}|${c.ruleId ?? ''}|${c.occurrenceKeys[1] ?? ''}`;
  return conflicts.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}
