/** Complaints about a decision or its elements (issue 5, another branch). 404 until its API lands. */
import { seg } from '../api';

export const complaintsPath = (caseId: string) => `/api/cases/${seg(caseId)}/complaints`;

/** Provisional shape. */
export type Complaints = { items?: { id: string; receivedAt?: string; statusLabel?: string }[] };
