/** Dates as Danes read them: '7. december 2026', times in Danish time. */

const TZ = 'Europe/Copenhagen';
const dateFormat = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const instantDate = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: TZ });
const instantTime = new Intl.DateTimeFormat('da-DK', { hour: '2-digit', minute: '2-digit', timeZone: TZ });
const isoDate = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: TZ });

/** A calendar date 'YYYY-MM-DD' → '7. december 2026'. */
export function formatDate(localDate: string): string {
  const d = new Date(`${localDate}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? localDate : dateFormat.format(d);
}

/** An instant → '14. april 2026'. */
export function formatInstantDate(instant: string): string {
  const d = new Date(instant);
  return Number.isNaN(d.getTime()) ? instant : instantDate.format(d);
}

/** An instant → '14. april 2026 kl. 12.00'. */
export function formatInstant(instant: string): string {
  const d = new Date(instant);
  return Number.isNaN(d.getTime()) ? instant : `${instantDate.format(d)} kl. ${instantTime.format(d)}`;
}

/** Today's date in Denmark as 'YYYY-MM-DD'. */
export function todayInDenmark(now: Date = new Date()): string {
  return isoDate.format(now);
}

/** Whether a due date has passed (due today is not overdue). */
export function isOverdue(dueOn: string | null, today: string = todayInDenmark()): boolean {
  return dueOn !== null && dueOn < today;
}

/** For a <time dateTime>: the date part of an instant, or the local date itself. */
export function machineDate(value: string): string {
  return value.length > 10 ? value : value.slice(0, 10);
}

/** A day picked in a form ('YYYY-MM-DD') as an instant within that day in Denmark (midday, whatever the offset). */
export function instantOfDate(localDate: string): string {
  return `${localDate}T11:00:00.000Z`;
}

const dkk = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 2 });

/** An amount as a Danish form shows it to be edited: '600.000', '1.250,5'. */
export const formatDkkNumber = (amount: number): string => dkk.format(amount);

/** An amount in Danish kroner: '4.800 kr.'. */
export function formatDkk(amount: number): string {
  return `${dkk.format(amount)} kr.`;
}
