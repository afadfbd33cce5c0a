import { api } from '@helhed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { evaluationExport } from '../../services/indicators/evaluation-export';
import { indicatorTablesCsv, readIndicators } from '../../services/indicators/indicators';

const tags = ['indicators'];
const csvType = 'text/csv; charset=utf-8';

/** The reform's indicators (SPEC C11) for leaders and administrators, as figures, as a file, and the pseudonymised export. */
export const indicatorRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/indicators',
    { schema: { tags, summary: 'All indicators for a period of whole months (counts and statistics, no citizen)', querystring: api.IndicatorQuery, response: { 200: api.Indicators } } },
    async (req) => readIndicators(req.access, req.query),
  );
  app.get(
    '/indicators/tables.csv',
    { schema: { tags, summary: 'The indicators as CSV, one figure per line; counts of 1–4 written "under 5"', querystring: api.IndicatorQuery } },
    async (req, reply) => {
      const { filename, csv } = await indicatorTablesCsv(req.access, req.query);
      return reply.type(csvType).header('content-disposition', `attachment; filename="${filename}"`).send(csv);
    },
  );
  app.get(
    '/indicators/evaluation-export.csv',
    { schema: { tags, summary: 'Pseudonymised export for the national evaluation: one row per target-group citizen (audited as an export)' } },
    async (req, reply) => {
      const { filename, csv } = await evaluationExport(req.access);
      return reply.type(csvType).header('content-disposition', `attachment; filename="${filename}"`).send(csv);
    },
  );
};
