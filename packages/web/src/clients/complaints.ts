/** Complaints about a whole decision or chosen elements; a non-appealable element is refused by the server with a Danish reason. */
import type { api } from '@helhed/core';
import { get, post, seg } from '../api';

export const complaintsPath = (caseId: string) => `/api/cases/${seg(caseId)}/complaints`;

export type ComplaintList = (typeof api.ComplaintList)['_output'];
export type Complaint = (typeof api.Complaint)['_output'];
export type RegisterComplaintBody = (typeof api.RegisterComplaintBody)['_input'];
export type ComplaintBundle = (typeof api.ComplaintBundle)['_output'];
export type ReassessBody = (typeof api.ReassessComplaintBody)['_input'];
export type LateHandlingBody = (typeof api.LateHandlingBody)['_input'];
export type AppealResultBody = (typeof api.AppealResultBody)['_input'];
export type AppealResult = AppealResultBody['result'];

export const complaintPath = (complaintId: string) => `/api/complaints/${seg(complaintId)}`;
/** The caseworker's page for one complaint. */
export const complaintPagePath = (complaintId: string) => `/klager/${seg(complaintId)}`;

export const COMPLAINT_STATUS_LABELS: Record<Complaint['status'], string> = {
  received: 'Modtaget – kommunen genvurderer afgørelsen',
  refused_late: 'Afvist, fordi klagen kom for sent',
  changed: 'Kommunen har ændret afgørelsen',
  forwarded: 'Sendt til Ankestyrelsen',
  closed: 'Afsluttet',
};

export const fileComplaint = (decisionId: string, body: RegisterComplaintBody) => post<Complaint>(`/api/decisions/${seg(decisionId)}/complaints`, body);

/** How a caseworker can receive a complaint (the portal is the citizen's own way). */
export const RECEIVED_CHANNELS = ['letter', 'phone', 'email'] as const;

export const reassessComplaint = (complaintId: string, body: ReassessBody) => post<Complaint>(`${complaintPath(complaintId)}/reassessment`, body);
export const decideLateComplaint = (complaintId: string, body: LateHandlingBody) => post<Complaint>(`${complaintPath(complaintId)}/late-handling`, body);
export const recordAppealResult = (complaintId: string, body: AppealResultBody) => post<Complaint>(`${complaintPath(complaintId)}/appeal-result`, body);
/** The case bundle for Ankestyrelsen; fetching it is an audited export. */
export const fetchBundle = (complaintId: string) => get<ComplaintBundle>(`${complaintPath(complaintId)}/bundle`);
