/** The organisation's settings the administrator edits: authority limits with their history, calendar conflict rules. */
import type { api } from '@helhed/core';
import { post, put, seg } from '../api';

export const authorityLimitsPath = '/api/authority-limits';
export const conflictRulesPath = '/api/conflict-rules';
export const organisationPath = '/api/organisation';
export const partnersPath = '/api/partners';

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

export const createAuthorityLimit = (body: CreateAuthorityLimitBody) => post<AuthorityLimit>(authorityLimitsPath, body);
export const changeAuthorityLimit = (id: string, body: ChangeAuthorityLimitBody) => post<AuthorityLimit>(`${authorityLimitsPath}/${seg(id)}/change`, body);
export const endAuthorityLimit = (id: string, body: EndAuthorityLimitBody) => post<AuthorityLimit>(`${authorityLimitsPath}/${seg(id)}/end`, body);
export const setConflictRules = (body: SetConflictRulesBody) => put<ConflictRulesSetting>(conflictRulesPath, body);
