/** The combined calendar with conflicts (overlap, same day, travel time). */
import type { api } from '@helhed/core';
import { patch, post, seg } from '../api';

export const myCalendarPath = '/api/me/calendar';

export type Calendar = (typeof api.Calendar)['_output'];
export type CalendarOccurrence = Calendar['occurrences'][number];
export type CalendarConflict = Calendar['conflicts'][number];

export type CreateCalendarEntryBody = (typeof api.CreateCalendarEntryBody)['_input'];
export type UpdateCalendarEntryBody = (typeof api.UpdateCalendarEntryBody)['_input'];
export type ChangeOccurrenceBody = (typeof api.ChangeOccurrenceBody)['_input'];
export type EndSeriesBody = (typeof api.EndSeriesBody)['_input'];
export type CancelCalendarEntryBody = (typeof api.CancelCalendarEntryBody)['_input'];

/** A new appointment or series on the case's citizen (or a member of the household); the answer is its first time. */
export const createCalendarEntry = (caseId: string, body: CreateCalendarEntryBody) => post<CalendarOccurrence>(`/api/cases/${seg(caseId)}/calendar`, body);

const entryPath = (id: string) => `/api/calendar-entries/${seg(id)}`;
export const updateCalendarEntry = (id: string, body: UpdateCalendarEntryBody) => patch<CalendarOccurrence>(entryPath(id), body);
export const changeOccurrence = (id: string, body: ChangeOccurrenceBody) => post<CalendarOccurrence>(`${entryPath(id)}/occurrences`, body);
export const endSeries = (id: string, body: EndSeriesBody) => post<CalendarOccurrence>(`${entryPath(id)}/end-series`, body);
export const cancelCalendarEntry = (id: string, body: CancelCalendarEntryBody) => post<CalendarOccurrence>(`${entryPath(id)}/cancel`, body);
