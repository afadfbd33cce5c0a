/** The combined calendar (issue 4/C9, another branch). 404 until its API lands. */
import { seg } from '../api';

export const calendarPath = (caseId: string) => `/api/cases/${seg(caseId)}/calendar`;

/** Provisional shape. */
export type Calendar = { items?: { id: string; title: string; start: string; end?: string | null; conflict?: boolean }[] };
