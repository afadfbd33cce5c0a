import type { AppealResult } from '../decisions/labels.da';
import type { LocalDate } from '../local-date';
import { inPeriod, monthOf, monthsIn, type IndicatorPeriod, type YearMonth } from './period';

/**
 * Complaints and their outcomes (SPEC C8, C11), by the month the complaint
 * was received: refused as late, awaiting the municipality's reassessment,
 * changed by the municipality (a new decision), or upheld and sent to
 * Ankestyrelsen — and there awaiting, stadfæstet, ændret, ophævet or hjemvist.
 */
export interface ComplaintFacts {
  receivedOn: LocalDate;
  status: 'received' | 'refused_late' | 'changed' | 'forwarded' | 'closed';
  reassessmentOutcome: 'change' | 'uphold' | null;
  appealResult: AppealResult | null;
}

export interface ComplaintFigures {
  received: number;
  refusedLate: number;
  awaitingReassessment: number;
  changedByMunicipality: number;
  upheldAndForwarded: number;
  appeal: Record<AppealResult | 'awaiting', number>;
}

export function complaintOutcomes(complaints: readonly ComplaintFacts[], period: IndicatorPeriod): { total: ComplaintFigures; months: (ComplaintFigures & { month: YearMonth })[] } {
  const inside = complaints.filter((c) => inPeriod(c.receivedOn, period));
  return { total: figures(inside), months: monthsIn(period).map((month) => ({ month, ...figures(inside.filter((c) => monthOf(c.receivedOn) === month)) })) };
}

function figures(complaints: readonly ComplaintFacts[]): ComplaintFigures {
  const f: ComplaintFigures = {
    received: complaints.length,
    refusedLate: 0,
    awaitingReassessment: 0,
    changedByMunicipality: 0,
    upheldAndForwarded: 0,
    appeal: { awaiting: 0, stadfaestet: 0, aendret: 0, ophaevet: 0, hjemvist: 0 },
  };
  for (const c of complaints) {
    if (c.status === 'refused_late') f.refusedLate += 1;
    else if (c.reassessmentOutcome === 'change') f.changedByMunicipality += 1;
    else if (c.reassessmentOutcome === 'uphold') {
      f.upheldAndForwarded += 1;
      f.appeal[c.appealResult ?? 'awaiting'] += 1;
    } else f.awaitingReassessment += 1;
  }
  return f;
}
