import type { RehabilitationRequirement } from '../rules/visitation';
import type { CostModel, PoolUsageError, VisitationStatus } from './visitation';

/** Danish labels for visitation (people read these; code uses the keys). */
export const VISITATION_STATUS_LABELS: Readonly<Record<VisitationStatus, string>> = {
  requested: 'Forelagt visitationsforum',
  approved: 'Bevilget af visitationsforum',
  rejected: 'Afslået',
  granted: 'Bevilget',
  running: 'I gang',
  paused: 'På pause',
  ended: 'Afsluttet',
};

export const COST_MODEL_LABELS: Readonly<Record<CostModel, string>> = {
  per_hour: 'pr. time',
  per_week: 'pr. uge',
  per_month: 'pr. måned',
  one_off: 'engangsudgift',
};

export const REHABILITATION_REQUIREMENT_LABELS: Readonly<Record<RehabilitationRequirement, string>> = {
  rehabilitation_team: 'rehabiliteringsteamets indstilling',
  prerequisite_description: 'en samlet beskrivelse af borgerens forudsætninger med rådgivning fra en sundhedskoordinator',
};

export const POOL_USAGE_ERRORS: Readonly<Record<PoolUsageError, string>> = {
  hours: 'Timer skal være et positivt tal i hele kvarter.',
  outside_period: 'Datoen ligger uden for timepuljens periode.',
  exceeds_pool: 'Der er ikke så mange timer tilbage i puljen.',
};
