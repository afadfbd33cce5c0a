/** Messages between the citizen and the coordinating caseworker, in threads. */
import type { api } from '@helhed/core';
import { post, seg } from '../api';

export const messagesPath = (caseId: string) => `/api/cases/${seg(caseId)}/messages`;
export const myMessagesPath = '/api/me/messages';
export const threadPath = (threadId: string) => `/api/message-threads/${seg(threadId)}`;

export type MessageThreadList = (typeof api.MessageThreadList)['_output'];
export type MessageThread = (typeof api.MessageThread)['_output'];

export const writeToCaseworker = (subject: string, body: string) => post<MessageThread>(myMessagesPath, { subject, body });
export const startCaseThread = (caseId: string, subject: string, body: string) => post<MessageThread>(messagesPath(caseId), { subject, body });
export const reply = (threadId: string, body: string) => post<MessageThread>(`${threadPath(threadId)}/messages`, { body });
