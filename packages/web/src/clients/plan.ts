/** The one plan: versions (who, when, why), the diff between two, and dated follow-ups of each goal. */
import type { api } from '@helhed/core';
import { post, put, seg } from '../api';

export const planPath = (caseId: string) => `/api/cases/${seg(caseId)}/plan`;
export const planVersionsPath = (caseId: string) => `${planPath(caseId)}/versions`;
export const planDiffPath = (caseId: string, from: number, to: number) => `${planPath(caseId)}/diff?from=${from}&to=${to}`;
export const dueFollowUpsPath = '/api/follow-ups/due';

export type Plan = (typeof api.Plan)['_output'];
export type PlanSubGoal = Plan['subGoals'][number];
export type GoalProgress = Plan['overallGoal']['progress'];
export type SavePlanBody = (typeof api.SavePlanBody)['_input'];
export type PlanVersionSummary = (typeof api.PlanVersionSummary)['_output'];
export type PlanDiff = (typeof api.PlanDiff)['_output'];
export type RecordFollowUpBody = (typeof api.RecordFollowUpBody)['_input'];
export type DueFollowUp = (typeof api.DueFollowUp)['_output'];

/** A new version of the plan; the server refuses (409) when `version` is not the current one. */
export const savePlan = (caseId: string, body: SavePlanBody) => put<Plan>(planPath(caseId), body);
export const recordFollowUp = (caseId: string, body: RecordFollowUpBody) => post<Plan>(`${planPath(caseId)}/follow-ups`, body);
