/** The caseworker's work queue: what needs doing across the caseload, most pressing first. */
import type { api } from '@helhed/core';
import { seg } from '../api';

export const workQueuePath = '/api/work-queue';

export type WorkQueue = (typeof api.WorkQueue)['_output'];
export type WorkItem = WorkQueue['items'][number];

/** Where the caseworker acts on an item: the complaint's own page, the thread, or the right part of the case. */
export function workItemHref(item: WorkItem): string {
  const kase = `/sager/${seg(item.caseId)}`;
  switch (item.kind) {
    case 'reassessment':
    case 'late_complaint':
      return `/klager/${seg(item.refId)}`;
    case 'unread_messages':
      return `${kase}?traad=${seg(item.refId)}#beskeder`;
    case 'not_started':
      return `${kase}#indsatser`;
    case 'follow_up':
      return `${kase}#plan`;
    case 'calendar_conflict':
      return `${kase}#kalender`;
    case 'task':
      return `${kase}#opgaver`;
  }
}

export const WORK_ITEM_ACTIONS: Record<WorkItem['kind'], string> = {
  reassessment: 'Behandl klagen',
  late_complaint: 'Behandl klagen',
  task: 'Gå til opgaven',
  unread_messages: 'Læs og svar',
  not_started: 'Se indsatsen',
  follow_up: 'Se planen',
  calendar_conflict: 'Se kalenderen',
};

/** The deadline in words: 'i dag', 'i morgen', 'om 3 dage', '2 dage over fristen'. */
export function deadlineInWords(daysLeft: number): string {
  if (daysLeft === 0) return 'i dag';
  if (daysLeft === 1) return 'i morgen';
  if (daysLeft > 1) return `om ${daysLeft} dage`;
  return daysLeft === -1 ? '1 dag over fristen' : `${-daysLeft} dage over fristen`;
}
