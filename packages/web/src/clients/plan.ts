/** The one plan: goals in the citizen's own words, sub-goals with progression, and the plan in plain Danish. */
import type { api } from '@helhed/core';
import { seg } from '../api';

export const planPath = (caseId: string) => `/api/cases/${seg(caseId)}/plan`;

export type Plan = (typeof api.Plan)['_output'];
export type PlanSubGoal = Plan['subGoals'][number];
