/**
 * Complaint and reassessment deadlines (SPEC §5, C8) from the rule set's
 * deadline data and Danish working days.
 *
 * - Receipt: Digital Post counts as received the day it is sent
 *   (`digitalPostReceiptDays` = 0, also on a Saturday or holiday: the period
 *   may start on a closed day); ordinary post counts as received
 *   `ordinaryPostReceiptDays` working days after the letter's date.
 * - The complaint deadline is `complaintWeeks` weeks after receipt (the same
 *   weekday; the day of receipt does not count), moved to the next working day
 *   when it ends on a Saturday, Sunday, helligdag or other closed day.
 * - The municipality's reassessment (and, on uphold, forwarding to
 *   Ankestyrelsen) is due `reassessmentWeeks` weeks after the complaint was
 *   received, moved the same way.
 */
import { addDays, addWeeks, compareDates, daysBetween, type LocalDate } from '../local-date';
import type { RuleSetDeadlines } from '../rules/types';
import { addWorkingDays, DANISH_ADMINISTRATIVE_CALENDAR, deadlineMovedToWorkingDay, type WorkingDayCalendar } from '../working-days';

export const DELIVERY_CHANNELS = ['digital_post', 'ordinary_post'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

type Deadlines = Pick<RuleSetDeadlines, 'complaintWeeks' | 'reassessmentWeeks' | 'ordinaryPostReceiptDays' | 'digitalPostReceiptDays'>;

/** The day a decision sent on `sentOn` by `channel` counts as received. */
export function receiptDate(
  sentOn: LocalDate,
  channel: DeliveryChannel,
  deadlines: Deadlines,
  calendar: WorkingDayCalendar = DANISH_ADMINISTRATIVE_CALENDAR,
): LocalDate {
  return channel === 'digital_post'
    ? addDays(sentOn, deadlines.digitalPostReceiptDays)
    : addWorkingDays(sentOn, deadlines.ordinaryPostReceiptDays, calendar);
}

/** The last day a complaint about a decision received on `receivedOn` is in time. */
export function complaintDeadline(
  receivedOn: LocalDate,
  deadlines: Deadlines,
  calendar: WorkingDayCalendar = DANISH_ADMINISTRATIVE_CALENDAR,
): LocalDate {
  return deadlineMovedToWorkingDay(addWeeks(receivedOn, deadlines.complaintWeeks), calendar);
}

/** The municipality's deadline to reassess (and, if it upholds, to send the case to Ankestyrelsen). */
export function reassessmentDeadline(
  complaintReceivedOn: LocalDate,
  deadlines: Deadlines,
  calendar: WorkingDayCalendar = DANISH_ADMINISTRATIVE_CALENDAR,
): LocalDate {
  return deadlineMovedToWorkingDay(addWeeks(complaintReceivedOn, deadlines.reassessmentWeeks), calendar);
}

/** Receipt and complaint deadline of a decision sent on `sentOn`. */
export function decisionDeadlines(sentOn: LocalDate, channel: DeliveryChannel, deadlines: Deadlines, calendar?: WorkingDayCalendar) {
  const received = receiptDate(sentOn, channel, deadlines, calendar);
  return { receiptDate: received, complaintDeadline: complaintDeadline(received, deadlines, calendar) };
}

/** Days a complaint received on `receivedOn` is past `deadline` (0 = in time; the deadline day itself is in time). */
export function daysLate(receivedOn: LocalDate, deadline: LocalDate): number {
  return Math.max(0, daysBetween(deadline, receivedOn));
}

export type DeadlineState = 'running' | 'overdue' | 'met' | 'missed';

/** A deadline's state on `today`: done on or before it = met, done after = missed; not done = running or overdue. */
export function deadlineState(dueOn: LocalDate, doneOn: LocalDate | null, today: LocalDate): DeadlineState {
  if (doneOn !== null) return compareDates(doneOn, dueOn) <= 0 ? 'met' : 'missed';
  return compareDates(today, dueOn) <= 0 ? 'running' : 'overdue';
}
