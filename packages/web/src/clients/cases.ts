/** The holistic case itself: opening it (with the consent given at intake), its phase; the organisation it is coordinated in. */
import type { CasePhase } from '@helhed/core';
import { post, seg } from '../api';
import type { HolisticCase, OpenCaseBody } from '../types';

export const casePath = (caseId: string) => `/api/cases/${seg(caseId)}`;
export const organisationPath = '/api/organisation';

/** With the holistic consent the server opens the case past the consent phase; it decides who may record it. */
export const openCase = (body: OpenCaseBody) => post<HolisticCase>('/api/cases', body);

/** The server checks the move and the consent gate; a stale `version` is refused (409). */
export const changePhase = (caseId: string, to: CasePhase, version: number) => post<HolisticCase>(`${casePath(caseId)}/phase`, { to, version });
