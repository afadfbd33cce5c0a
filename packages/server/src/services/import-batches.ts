import { toCsv } from '@helhed/core';
import type { Access } from '../access/access';
import { notFound } from '../errors';

/** Bookkeeping of import batches: counts, status and the error report (no citizen data in it). */
export async function getImportBatch(a: Access, batchId: string) {
  return a.gateway.administrative(a.ctx, async (tx) => {
    const b = await tx.selectFrom('import_batch').selectAll().where('id', '=', batchId).executeTakeFirst();
    if (!b) throw notFound('Indlæsningen');
    return {
      id: b.id,
      feed: b.feed,
      format: b.format,
      filename: b.filename,
      status: b.status,
      rowsTotal: b.rows_total,
      inserted: b.rows_inserted,
      updated: b.rows_updated,
      unchanged: b.rows_unchanged,
      rejected: b.rows_rejected,
      startedAt: b.started_at.toISOString(),
      finishedAt: b.finished_at?.toISOString() ?? null,
      message: b.message,
    };
  });
}

/** The downloadable error report: one line per bad field, as CSV (semicolon-free, RFC 4180 quoting). */
export async function importErrorReport(a: Access, batchId: string): Promise<string> {
  return a.gateway.administrative(a.ctx, async (tx) => {
    const b = await tx.selectFrom('import_batch').select('id').where('id', '=', batchId).executeTakeFirst();
    if (!b) throw notFound('Indlæsningen');
    const rows = await tx.selectFrom('import_error').selectAll().where('batch_id', '=', batchId).orderBy('line').orderBy('field').execute();
    return toCsv(['linje', 'felt', 'fejl', 'vaerdi'], rows.map((r) => [r.line, r.field, r.message, r.value]));
  });
}

export async function getScreeningRun(a: Access, runId: string) {
  return a.gateway.administrative(a.ctx, async (tx) => {
    const r = await tx.selectFrom('screening_run').selectAll().where('id', '=', runId).executeTakeFirst();
    if (!r) throw notFound('Screeningen');
    return {
      id: r.id,
      scope: r.scope,
      ruleSetId: r.rule_set_id,
      evaluatedOn: r.evaluated_on,
      status: r.status,
      citizensTotal: r.citizens_total,
      citizensDone: r.citizens_done,
      progress: r.citizens_total ? Math.min(1, r.citizens_done / r.citizens_total) : r.status === 'done' ? 1 : 0,
      mandatory: r.mandatory,
      optional: r.optional,
      changed: r.changed,
      startedAt: r.started_at.toISOString(),
      finishedAt: r.finished_at?.toISOString() ?? null,
      error: r.error,
    };
  });
}
