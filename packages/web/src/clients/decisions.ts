/** The combined decisions (issue 5, another branch). 404 until its API lands. */
import { seg } from '../api';

export const decisionsPath = (caseId: string) => `/api/cases/${seg(caseId)}/decisions`;

/** Provisional shape; each decision has a PDF letter. */
export type Decisions = { items?: { id: string; title?: string; issuedAt?: string; pdfUrl?: string | null }[] };
