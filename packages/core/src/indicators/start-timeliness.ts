import { compareDates, type LocalDate } from '../local-date';
import { isAgreedButNotStarted, type StartState } from '../visitation/visitation';
import { inPeriod, monthOf, monthsIn, type IndicatorPeriod, type YearMonth } from './period';

/**
 * Interventions agreed but not started (SPEC C6, C11). Two views:
 * - now: agreed interventions of open cases whose planned start has passed
 *   without a start — the same rule as the caseworker's flag
 *   (`isAgreedButNotStarted`), by sector;
 * - by month of the planned start: of the agreed interventions due to start
 *   that month (and before today), how many started on time, late, or not yet.
 * Interventions registered without the catalogue have no visitation status
 * and no start date of their own; they are never counted (decisions.md §35).
 */
export interface AgreedIntervention extends StartState {
  sector: string;
  caseOpen: boolean;
}

/** Visitation statuses that mean the intervention was agreed at some point (a request or a rejection was not). */
const WAS_AGREED = ['approved', 'granted', 'running', 'paused', 'ended'];

export interface StartFigures {
  due: number;
  onTime: number;
  late: number;
  notStarted: number;
}

export function startTimeliness(items: readonly AgreedIntervention[], period: IndicatorPeriod, today: LocalDate): { total: StartFigures; months: (StartFigures & { month: YearMonth })[] } {
  const due = items.filter(
    (i) => i.visitationStatus !== null && WAS_AGREED.includes(i.visitationStatus) && i.plannedStart !== null && compareDates(i.plannedStart, today) < 0 && inPeriod(i.plannedStart, period),
  );
  return { total: figures(due), months: monthsIn(period).map((month) => ({ month, ...figures(due.filter((i) => monthOf(i.plannedStart!) === month)) })) };
}

function figures(items: readonly AgreedIntervention[]): StartFigures {
  const f = { due: items.length, onTime: 0, late: 0, notStarted: 0 };
  for (const i of items) {
    if (i.startedOn === null) f.notStarted += 1;
    else if (compareDates(i.startedOn, i.plannedStart!) <= 0) f.onTime += 1;
    else f.late += 1;
  }
  return f;
}

/** Today's agreed-but-not-started interventions of open cases, in total and by sector (sectors with none left out). */
export function notStartedNow(items: readonly AgreedIntervention[], today: LocalDate): { count: number; bySector: { sector: string; count: number }[] } {
  const flagged = items.filter((i) => i.caseOpen && isAgreedButNotStarted(i, today));
  const bySector = new Map<string, number>();
  for (const i of flagged) bySector.set(i.sector, (bySector.get(i.sector) ?? 0) + 1);
  return { count: flagged.length, bySector: [...bySector].map(([sector, count]) => ({ sector, count })).sort((a, b) => b.count - a.count || a.sector.localeCompare(b.sector)) };
}
