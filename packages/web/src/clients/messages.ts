/** Messages between the citizen and the coordinating caseworker (not built yet). 404 until its API lands. */
import { seg } from '../api';

export const messagesPath = (caseId: string) => `/api/cases/${seg(caseId)}/messages`;

/** Provisional shape. */
export type Messages = { items?: { id: string; from?: string; sentAt?: string; text?: string }[] };
