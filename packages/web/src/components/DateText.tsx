import { formatDate, formatInstant, formatInstantDate } from '../format';

/** A calendar date ('YYYY-MM-DD') in Danish, machine-readable too. */
export function DateText({ date }: { date: string }) {
  return <time dateTime={date}>{formatDate(date)}</time>;
}

/** An instant in Danish; with `time` also the clock time. */
export function InstantText({ at, time = false }: { at: string; time?: boolean }) {
  return <time dateTime={at}>{time ? formatInstant(at) : formatInstantDate(at)}</time>;
}
