/** The combined calendar with conflicts (overlap, same day, travel time). */
import type { api } from '@helhed/core';

export const myCalendarPath = '/api/me/calendar';

export type Calendar = (typeof api.Calendar)['_output'];
export type CalendarOccurrence = Calendar['occurrences'][number];
export type CalendarConflict = Calendar['conflicts'][number];
