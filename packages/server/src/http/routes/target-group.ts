import type { Readable } from 'node:stream';
import { api } from '@helhed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ProblemError } from '../../errors';
import { runImport } from '../../imports/run-import';
import { rescreenChanged, startScreeningJob } from '../../screening/jobs';
import { getImportBatch, getScreeningRun, importErrorReport } from '../../services/import-batches';
import { phaseIn, recordAssessment, screeningHistory, workQueue } from '../../services/target-group';

const tags = ['target group'];
const FEED_TYPES: Record<string, 'csv' | 'jsonl'> = { 'text/csv': 'csv', 'application/x-ndjson': 'jsonl', 'application/jsonl': 'jsonl' };
/** A municipality's whole feed in one upload: 2 million records is a few hundred MB. */
const IMPORT_BODY_LIMIT = 4 * 1024 ** 3;

export const targetGroupRoutes: FastifyPluginAsyncZod = async (app) => {
  // Feeds stream through untouched: the import parses them row by row.
  app.addContentTypeParser(Object.keys(FEED_TYPES), { bodyLimit: IMPORT_BODY_LIMIT }, (_request, payload, done) => done(null, payload));

  app.post(
    '/imports/:feed',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['imports'],
        summary: 'Load a feed (text/csv or application/x-ndjson): all rows or none; the same rows again change nothing',
        params: api.ImportFeedParams,
        querystring: api.ImportQuery,
        response: { 200: api.ImportSummary },
      },
    },
    async (req) => {
      const format = FEED_TYPES[(req.headers['content-type'] ?? '').split(';')[0]!.trim()];
      if (!format) throw new ProblemError(415, 'unsupported-media-type', 'Forkert format', 'Send filen som text/csv eller application/x-ndjson.');
      const summary = await runImport(req.access, req.params.feed, format, req.body as Readable, req.query.filename ?? null);
      const rescreening = summary.status === 'committed' ? await rescreenChanged(req.access, summary.changedCitizenIds, (e) => req.log.error(e)) : { mode: 'none' as const, runIds: [] };
      return { ...summary, errors: summary.errors.slice(0, 100), rescreening };
    },
  );
  app.get('/imports/:id', { schema: { tags: ['imports'], params: api.IdParams, response: { 200: api.ImportBatch } } }, async (req) => getImportBatch(req.access, req.params.id));
  app.get('/imports/:id/errors.csv', { schema: { tags: ['imports'], summary: 'The error report of a rejected batch (CSV)', params: api.IdParams } }, async (req, reply) => {
    const csv = await importErrorReport(req.access, req.params.id);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="fejlrapport-${req.params.id}.csv"`).send(csv);
  });

  app.post('/screenings', { schema: { tags, summary: 'Screen the whole municipality in the background', body: api.StartScreeningBody, response: { 202: z.object({ runId: z.uuid() }) } } }, async (req, reply) => {
    const { runId } = await startScreeningJob(req.access, { onDate: req.body.onDate, ruleSetId: req.body.ruleSetId }, (e) => req.log.error(e));
    return reply.status(202).header('location', `/api/screenings/${runId}`).send({ runId });
  });
  app.get('/screenings/:id', { schema: { tags, summary: 'Progress and counts of a screening run', params: api.IdParams, response: { 200: api.ScreeningRun } } }, async (req) =>
    getScreeningRun(req.access, req.params.id),
  );
  app.get('/target-group/queue', { schema: { tags, summary: 'Candidates to assess: mandatory first, longest waiting first', response: { 200: z.object({ items: z.array(api.QueueItem) }) } } }, async (req) =>
    workQueue(req.access),
  );
  app.get('/target-group/phase-in', { schema: { tags, summary: 'How much of the mandatory group has been offered the effort', response: { 200: api.PhaseIn } } }, async (req) => phaseIn(req.access));
  app.get('/citizens/:citizenId/screening-results', { schema: { tags, params: api.CitizenIdParams, response: { 200: api.ScreeningHistory } } }, async (req) =>
    screeningHistory(req.access, req.params.citizenId),
  );
  app.post(
    '/citizens/:citizenId/target-group-assessments',
    { schema: { tags, summary: 'Record the individual assessment (a procedural decision: not appealable)', params: api.CitizenIdParams, body: api.AssessmentBody, response: { 201: api.Assessment } } },
    async (req, reply) => reply.status(201).send(await recordAssessment(req.access, req.params.citizenId, req.body)),
  );
};
