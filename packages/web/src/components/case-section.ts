import type { CaseOverview } from '../clients/overview';
import type { HolisticCase } from '../types';

/**
 * What every section of the case page gets: the one-call overview, the case,
 * and `refresh` to read the overview again after an edit. `revision` counts
 * the refreshes, for a section that also reads an endpoint of its own.
 */
export type CaseSectionProps = {
  id: string;
  kase: HolisticCase;
  overview: CaseOverview;
  refresh: () => void;
  revision: number;
};
