/** The visitation forum: its queue (no names), one request, the decision, budget use; the administrator's budget periods. */
import type { api } from '@helhed/core';
import { patch, post, seg } from '../api';

export const forumQueuePath = '/api/visitation-forum/requests';
export const forumRequestPath = (requestId: string) => `/api/visitation-forum/requests/${seg(requestId)}`;
export const budgetsPath = '/api/visitation-forum/budgets';
export const budgetPeriodsPath = '/api/visitation-forum/budgets/periods';

export type ForumQueue = (typeof api.ForumQueue)['_output'];
export type ForumRequest = (typeof api.ForumRequest)['_output'];
export type BudgetList = (typeof api.BudgetList)['_output'];
export type DecideForumRequestBody = (typeof api.DecideForumRequestBody)['_output'];
export type BudgetPeriodList = (typeof api.BudgetPeriodList)['_output'];
export type BudgetPeriod = BudgetPeriodList['items'][number];
export type CreateBudgetBody = (typeof api.CreateBudgetBody)['_input'];
export type ChangeBudgetBody = (typeof api.ChangeBudgetBody)['_input'];

export const decideForumRequest = (requestId: string, body: DecideForumRequestBody) => post<ForumRequest>(`${forumRequestPath(requestId)}/decision`, body);
export const createBudget = (body: CreateBudgetBody) => post<BudgetPeriod>(budgetsPath, body);
export const changeBudget = (budgetId: string, body: ChangeBudgetBody) => patch<BudgetPeriod>(`${budgetsPath}/${seg(budgetId)}`, body);
