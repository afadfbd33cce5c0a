/** Consents: the overview, and giving or withdrawing one (records are never edited). */
import { post, seg } from '../api';
import type { RecordConsentBody, RecordConsentResult } from '../types';

export const consentsPath = (citizenId: string) => `/api/citizens/${seg(citizenId)}/consents`;

export const recordConsent = (citizenId: string, body: RecordConsentBody) => post<RecordConsentResult>(consentsPath(citizenId), body);
