import type { api } from '@helhed/core';
import type { z } from 'zod';
import type { Tx } from '../db/transactions';
import { calendarWindow, readCalendar } from './calendar';
import { unreadMessageCount } from './messages';
import { readNewInformation } from './new-information';

/**
 * What the one-call citizen overview needs from coordination, read in the
 * overview's own (already granted and audited) transaction: the citizen's
 * calendar with conflicts from today for 8 weeks, the citizen's messages the
 * team has not read, and the open new-information tasks.
 */
export interface CoordinationSummary {
  calendar: z.infer<typeof api.Calendar>;
  unreadMessages: number;
  openNewInformation: z.infer<typeof api.NewInformation>[];
}

export async function readCoordinationSummary(tx: Tx, c: { caseId: string; citizenIds: string[] }, now: Date): Promise<CoordinationSummary> {
  // One connection: the reads run one after the other.
  const calendar = await readCalendar(tx, c.citizenIds, calendarWindow(now));
  const unreadMessages = await unreadMessageCount(tx, c.caseId, 'employee');
  const openNewInformation = await readNewInformation(tx, c.caseId, true);
  return { calendar, unreadMessages, openNewInformation };
}
