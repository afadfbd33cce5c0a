/** The target group: the candidates' work queue, a citizen's screening result, the assessment, phase-in. */
import { get, post, seg } from '../api';
import type { Assessment, AssessmentBody, Items, QueueItem } from '../types';

export const queuePath = '/api/target-group/queue';
export const phaseInPath = '/api/target-group/phase-in';
export const screeningResultsPath = (citizenId: string) => `/api/citizens/${seg(citizenId)}/screening-results`;

export const fetchQueue = (signal?: AbortSignal) => get<Items<QueueItem>>(queuePath, signal);
export const recordAssessment = (citizenId: string, body: AssessmentBody) =>
  post<Assessment>(`/api/citizens/${seg(citizenId)}/target-group-assessments`, body, 'target_group_screening');
