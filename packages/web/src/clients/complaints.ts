/** Complaints about a whole decision or chosen elements; a non-appealable element is refused by the server with a Danish reason. */
import type { api } from '@helhed/core';
import { post, seg } from '../api';

export const complaintsPath = (caseId: string) => `/api/cases/${seg(caseId)}/complaints`;

export type ComplaintList = (typeof api.ComplaintList)['_output'];
export type Complaint = (typeof api.Complaint)['_output'];
export type RegisterComplaintBody = (typeof api.RegisterComplaintBody)['_input'];

export const COMPLAINT_STATUS_LABELS: Record<Complaint['status'], string> = {
  received: 'Modtaget – kommunen genvurderer afgørelsen',
  refused_late: 'Afvist, fordi klagen kom for sent',
  changed: 'Kommunen har ændret afgørelsen',
  forwarded: 'Sendt til Ankestyrelsen',
  closed: 'Afsluttet',
};

export const fileComplaint = (decisionId: string, body: RegisterComplaintBody) => post<Complaint>(`/api/decisions/${seg(decisionId)}/complaints`, body);
