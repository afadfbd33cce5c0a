/** The organisation's settings the administrator edits: authority limits with their history, the visitation forum's budget, calendar conflict rules. */
import type { api } from '@helhed/core';
import { patch, post, put, seg } from '../api';
import { budgetsPath } from './forum';

export const authorityLimitsPath = '/api/authority-limits';
export const conflictRulesPath = '/api/conflict-rules';
export const organisationPath = '/api/organisation';
export const partnersPath = '/api/partners';
/** every period of the forums' budgets with its use and history (the forum itself reads only today's, clients/forum.ts) */
export const budgetPeriodsPath = `${budgetsPath}/periods`;

export type AuthorityLimitList = (typeof api.AuthorityLimitList)['_output'];
export type AuthorityLimit = AuthorityLimitList['items'][number];
export type CreateAuthorityLimitBody = (typeof api.CreateAuthorityLimitBody)['_input'];
export type ChangeAuthorityLimitBody = (typeof api.ChangeAuthorityLimitBody)['_input'];
export type EndAuthorityLimitBody = (typeof api.EndAuthorityLimitBody)['_input'];
export type ConflictRulesSetting = (typeof api.ConflictRulesSetting)['_output'];
export type ConflictRuleValues = ConflictRulesSetting['rules'];
export type SetConflictRulesBody = (typeof api.SetConflictRulesBody)['_input'];
export type Organisation = (typeof api.Organisation)['_output'];
export type Partner = (typeof api.Partner)['_output'];
export type BudgetPeriodList = (typeof api.BudgetPeriodList)['_output'];
export type BudgetPeriod = BudgetPeriodList['items'][number];
export type CreateBudgetBody = (typeof api.CreateBudgetBody)['_input'];
export type ChangeBudgetBody = (typeof api.ChangeBudgetBody)['_input'];

export const createAuthorityLimit = (body: CreateAuthorityLimitBody) => post<AuthorityLimit>(authorityLimitsPath, body);
export const changeAuthorityLimit = (id: string, body: ChangeAuthorityLimitBody) => post<AuthorityLimit>(`${authorityLimitsPath}/${seg(id)}/change`, body);
export const endAuthorityLimit = (id: string, body: EndAuthorityLimitBody) => post<AuthorityLimit>(`${authorityLimitsPath}/${seg(id)}/end`, body);
export const setConflictRules = (body: SetConflictRulesBody) => put<ConflictRulesSetting>(conflictRulesPath, body);
export const createBudget = (body: CreateBudgetBody) => post<BudgetPeriod>(budgetsPath, body);
export const changeBudget = (budgetId: string, body: ChangeBudgetBody) => patch<BudgetPeriod>(`${budgetsPath}/${seg(budgetId)}`, body);
