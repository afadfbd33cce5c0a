/** Loading a sector feed (CSV or JSON Lines): all rows or none, with an error report for rejected batches. */
import { request, seg } from '../api';
import type { ImportSummary } from '../types';

export type Feed = 'citizens' | 'sector_records';

export function contentTypeFor(fileName: string): string | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return 'text/csv';
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'application/x-ndjson';
  return null;
}

export const uploadFeed = (feed: Feed, file: File, contentType: string) =>
  request<ImportSummary>('POST', `/api/imports/${seg(feed)}?filename=${encodeURIComponent(file.name.slice(0, 200))}`, { file: { data: file, contentType } });

export const errorReportUrl = (batchId: string) => `/api/imports/${seg(batchId)}/errors.csv`;
