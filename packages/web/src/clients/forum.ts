/** The visitation forum: its queue (no names), one request, the decision, and budget use. */
import type { api } from '@helhed/core';
import { post, seg } from '../api';

export const forumQueuePath = '/api/visitation-forum/requests';
export const forumRequestPath = (requestId: string) => `/api/visitation-forum/requests/${seg(requestId)}`;
export const budgetsPath = '/api/visitation-forum/budgets';

export type ForumQueue = (typeof api.ForumQueue)['_output'];
export type ForumRequest = (typeof api.ForumRequest)['_output'];
export type BudgetList = (typeof api.BudgetList)['_output'];
export type DecideForumRequestBody = (typeof api.DecideForumRequestBody)['_output'];

export const decideForumRequest = (requestId: string, body: DecideForumRequestBody) => post<ForumRequest>(`${forumRequestPath(requestId)}/decision`, body);
