/** The one assessment (udredning) over the FFB life domains, and confirming what the sector systems already know. */
import type { api } from '@helhed/core';
import { post, put, seg } from '../api';

export const assessmentPath = (caseId: string) => `/api/cases/${seg(caseId)}/assessment`;

export type CaseAssessment = (typeof api.CaseAssessment)['_output'];
export type AssessmentDomain = CaseAssessment['domains'][number];
export type DomainSectorRecord = AssessmentDomain['sectorRecords'][number];
export type SaveAssessmentBody = (typeof api.SaveAssessmentBody)['_input'];

export const saveAssessment = (caseId: string, body: SaveAssessmentBody) => put<CaseAssessment>(assessmentPath(caseId), body);
export const confirmSectorRecord = (caseId: string, sectorRecordId: string, note?: string) =>
  post<CaseAssessment>(`${assessmentPath(caseId)}/confirmations`, { sectorRecordId, ...(note ? { note } : {}) });
