/** The holistic case itself: its phase. */
import type { CasePhase } from '@helhed/core';
import { post, seg } from '../api';
import type { HolisticCase } from '../types';

export const casePath = (caseId: string) => `/api/cases/${seg(caseId)}`;

/** The server checks the move and the consent gate; a stale `version` is refused (409). */
export const changePhase = (caseId: string, to: CasePhase, version: number) => post<HolisticCase>(`${casePath(caseId)}/phase`, { to, version });
