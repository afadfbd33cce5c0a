import { addDays, compareDates, isoWeekday, type LocalDate } from '../local-date';

/**
 * How pressing a work-queue item is, from its deadline and today (SPEC C8, C9):
 * overdue, due this week (Monday–Sunday, as a Dane reads "denne uge"), later,
 * or without a deadline.
 */
export const WORK_URGENCIES = ['overdue', 'this_week', 'none', 'later'] as const;
export type WorkUrgency = (typeof WORK_URGENCIES)[number];

export const WORK_URGENCY_LABELS: Record<WorkUrgency, string> = {
  overdue: 'Overskredet',
  this_week: 'Frist denne uge',
  none: 'Uden frist',
  later: 'Senere frist',
};

/** The Sunday that ends the ISO week of `date`. */
export function endOfWeek(date: LocalDate): LocalDate {
  return addDays(date, 7 - isoWeekday(date));
}

export function urgencyOf(dueOn: LocalDate | null, today: LocalDate): WorkUrgency {
  if (dueOn === null) return 'none';
  if (compareDates(dueOn, today) < 0) return 'overdue';
  if (compareDates(dueOn, endOfWeek(today)) <= 0) return 'this_week';
  return 'later';
}

export interface Rankable {
  urgency: WorkUrgency;
  dueOn: LocalDate | null;
  /** how long it has waited (ISO instant or date): the last tie-breaker */
  since: string;
  /** the order between kinds on the same day (lower first) */
  kindRank: number;
}

/**
 * One prioritised list: overdue first (longest overdue first), then due this
 * week, then what has no deadline (a citizen's unanswered message must not
 * sink below next month's follow-up), then later deadlines, soonest first.
 */
export function compareWorkItems(a: Rankable, b: Rankable): number {
  const byUrgency = WORK_URGENCIES.indexOf(a.urgency) - WORK_URGENCIES.indexOf(b.urgency);
  if (byUrgency !== 0) return byUrgency;
  if (a.dueOn !== null && b.dueOn !== null && a.dueOn !== b.dueOn) return compareDates(a.dueOn, b.dueOn);
  if (a.kindRank !== b.kindRank) return a.kindRank - b.kindRank;
  return a.since < b.since ? -1 : a.since > b.since ? 1 : 0;
}
