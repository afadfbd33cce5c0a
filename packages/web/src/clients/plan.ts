/**
 * The one plan (issue 4, being built on another branch). Until its API lands,
 * GET answers 404 and the pages say the plan is not available yet.
 * Wire the type to core's api schema when it is merged.
 */
import { seg } from '../api';

export const planPath = (caseId: string) => `/api/cases/${seg(caseId)}/plan`;

/** Provisional shape: the goals in the citizen's own words with their progression. */
export type Plan = {
  goals?: { id: string; title: string; citizenWords?: string | null; progression?: number | null; progressionLabel?: string | null }[];
  updatedAt?: string;
};
