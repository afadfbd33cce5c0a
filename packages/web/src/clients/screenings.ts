/** Screening the whole municipality: start a background run, then poll its progress. */
import { get, post, seg } from '../api';
import type { ScreeningRun, StartScreeningBody } from '../types';

export const startScreening = (body: StartScreeningBody = {}) => post<{ runId: string }>('/api/screenings', body);
export const fetchScreeningRun = (runId: string, signal?: AbortSignal) => get<ScreeningRun>(`/api/screenings/${seg(runId)}`, signal);
