/** The combined decision: draft, preview, issue (immutable afterwards). */
import type { api } from '@helhed/core';
import { post, request, seg } from '../api';

export const decisionsPath = (caseId: string) => `/api/cases/${seg(caseId)}/decisions`;
export const previewPath = (decisionId: string, channel: DeliveryChannel) => `/api/decisions/${seg(decisionId)}/preview?channel=${channel}`;

export type DecisionList = (typeof api.DecisionList)['_output'];
export type Decision = (typeof api.Decision)['_output'];
export type DecisionElement = Decision['elements'][number];
export type DecisionPreview = (typeof api.DecisionPreview)['_output'];
export type IssuedDecision = (typeof api.IssuedDecision)['_output'];
export type DraftDecisionBody = (typeof api.DraftDecisionBody)['_input'];
export type DeliveryChannel = (typeof api.IssueDecisionBody)['_output']['channel'];

export const CHANNEL_LABELS: Record<DeliveryChannel, string> = { digital_post: 'Digital Post', ordinary_post: 'Almindelig post' };

export const draftDecision = (caseId: string, body: DraftDecisionBody) => post<DecisionList>(decisionsPath(caseId), body);
export const issueDecision = (decisionId: string, version: number, channel: DeliveryChannel) =>
  post<IssuedDecision>(`/api/decisions/${seg(decisionId)}/issue`, { version, channel });
export type UpdateDraftBody = (typeof api.UpdateDecisionDraftBody)['_input'];
export const updateDraft = (decisionId: string, body: UpdateDraftBody) => request<Decision>('PATCH', `/api/decisions/${seg(decisionId)}`, { body });
