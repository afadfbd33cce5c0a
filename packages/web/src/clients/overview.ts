/** The caseworker's one-call overview of a citizen, reached from the case (SPEC §7.1): the case page reads only this. */
import type { api } from '@helhed/core';
import { seg } from '../api';

export const caseOverviewPath = (caseId: string) => `/api/cases/${seg(caseId)}/overview`;

export type CaseOverview = (typeof api.CitizenOverview)['_output'];
export type DueFollowUp = CaseOverview['dueFollowUps'][number];
export type FamilyMember = CaseOverview['family'][number];
