/**
 * What Copenhagen's clocks show at an instant: the one place that asks the
 * time-zone database (Intl). Asking is slow (tens of microseconds), and a
 * request asks for the same few minutes again and again (today, a calendar
 * of weekly series), so answers are kept per UTC minute. That is exact:
 * since 1894 (in the database Node ships, which follows Berlin's history,
 * since April 1893) Copenhagen's offset from UTC has been whole hours, so
 * every instant of a UTC minute shows the same minute on the wall; earlier
 * instants (local mean time) are asked one by one.
 */
export interface CopenhagenClockFields {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

const format = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

const MINUTE_MS = 60_000;
const WHOLE_HOUR_OFFSETS_FROM = Date.UTC(1894, 0, 1);
const KEPT_MINUTES = 4096;
const byMinute = new Map<number, CopenhagenClockFields>();

function ask(instant: Date): CopenhagenClockFields {
  const p = format.formatToParts(instant);
  const n = (type: Intl.DateTimeFormatPartTypes) => Number(p.find((x) => x.type === type)?.value);
  return { y: n('year'), mo: n('month'), d: n('day'), h: n('hour'), mi: n('minute'), s: n('second') };
}

export function copenhagenClock(instant: Date): CopenhagenClockFields {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Ugyldigt tidspunkt.');
  if (ms < WHOLE_HOUR_OFFSETS_FROM) return ask(instant);
  const minute = Math.floor(ms / MINUTE_MS);
  let atMinute = byMinute.get(minute);
  if (!atMinute) {
    if (byMinute.size >= KEPT_MINUTES) byMinute.clear();
    atMinute = ask(new Date(minute * MINUTE_MS));
    byMinute.set(minute, atMinute);
  }
  return { ...atMinute, s: Math.floor((ms - minute * MINUTE_MS) / 1000) };
}
