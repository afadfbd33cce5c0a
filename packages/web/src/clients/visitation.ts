/** Visitation from the municipality's catalogue: granted within the caseworker's authority, else put before the forum. */
import type { api } from '@helhed/core';
import { post, seg } from '../api';

/** Only items with a legal basis under the rule set in force on the date. */
export const cataloguePath = (availableOn: string) => `/api/catalogue?availableOn=${availableOn}`;

export type CatalogueList = (typeof api.CatalogueList)['_output'];
export type CatalogueItem = CatalogueList['items'][number];
export type RequestVisitationBody = (typeof api.RequestVisitationBody)['_input'];
export type VisitationResult = (typeof api.VisitationResult)['_output'];

export const requestVisitation = (caseId: string, body: RequestVisitationBody) => post<VisitationResult>(`/api/cases/${seg(caseId)}/visitations`, body);

/** A granted (or forum-approved) intervention has started: it is no longer "agreed but not started". */
export const startIntervention = (caseId: string, interventionId: string, startedOn: string) =>
  post<unknown>(`/api/cases/${seg(caseId)}/interventions/${seg(interventionId)}/start`, { startedOn });
