import { copenhagenClock } from '../copenhagen-clock';
import { isLocalDate, type LocalDate } from '../local-date';

/**
 * Wall-clock time in Europe/Copenhagen ↔ instants. Appointments are made in
 * local time ("every Tuesday at 10"), so a weekly series keeps its wall-clock
 * time across the change to and from summer time; the instant moves by an hour.
 */

/** 'HH:MM' (24-hour). */
export type WallTime = string;
const WALL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isWallTime(value: unknown): value is WallTime {
  return typeof value === 'string' && WALL_TIME.test(value);
}

export interface CopenhagenWallClock {
  date: LocalDate;
  time: WallTime;
}

const fields = copenhagenClock;

/** Minutes Copenhagen is ahead of UTC at the instant (+60 in winter, +120 in summer). */
export function copenhagenOffsetMinutes(instant: Date): number {
  const f = fields(instant);
  const asUtc = Date.UTC(f.y, f.mo - 1, f.d, f.h, f.mi, f.s);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The Copenhagen calendar day and wall-clock time of an instant (seconds dropped). */
export function copenhagenWallClock(instant: Date): CopenhagenWallClock {
  const f = fields(instant);
  const pad = (x: number, w = 2) => String(x).padStart(w, '0');
  return { date: `${pad(f.y, 4)}-${pad(f.mo)}-${pad(f.d)}`, time: `${pad(f.h)}:${pad(f.mi)}` };
}

/**
 * The instant at which Copenhagen's clocks show `time` on `date`.
 * A time that does not exist (02:00–02:59 on the last Sunday of March) moves
 * forward by the hour the clocks skip; a time that happens twice (02:00–02:59 on
 * the last Sunday of October) is the second one, in winter time.
 */
export function copenhagenInstant(date: LocalDate, time: WallTime): Date {
  if (!isLocalDate(date)) throw new RangeError(`Ugyldig dato: "${date}".`);
  const m = WALL_TIME.exec(time);
  if (!m) throw new RangeError(`Ugyldigt klokkeslæt: "${time}". Brug TT:MM.`);
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const naive = Date.UTC(y, mo - 1, d, Number(m[1]), Number(m[2]));
  const first = naive - copenhagenOffsetMinutes(new Date(naive)) * 60_000;
  return new Date(naive - copenhagenOffsetMinutes(new Date(first)) * 60_000);
}

/** A field of a day-and-times form that cannot be read, with what to write instead (Danish). */
export interface WallPeriodProblem {
  field: 'date' | 'from' | 'to';
  message: string;
}

/**
 * An appointment typed as one day and two clock times → its start and end
 * instants. Both times are Copenhagen's on that day, so on the days the clocks
 * change the length follows them (01:30–03:30 is one hour in March, three in
 * October). End before start is not judged here: the API's schema says so, in
 * one place for every client.
 */
export function copenhagenPeriod(date: string, from: string, to: string): { start: string; end: string } | { problems: WallPeriodProblem[] } {
  const problems: WallPeriodProblem[] = [];
  if (!isLocalDate(date)) problems.push({ field: 'date', message: 'Skriv en dato.' });
  if (!isWallTime(from)) problems.push({ field: 'from', message: 'Skriv et klokkeslæt, fx 09:30.' });
  if (!isWallTime(to)) problems.push({ field: 'to', message: 'Skriv et klokkeslæt, fx 10:30.' });
  if (problems.length) return { problems };
  return { start: copenhagenInstant(date, from).toISOString(), end: copenhagenInstant(date, to).toISOString() };
}
