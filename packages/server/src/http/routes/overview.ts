import { api } from '@helhed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { caseOverview, citizenOverview } from '../../services/overview';

export const overviewRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/citizens/:citizenId/overview',
    { schema: { tags: ['overview'], summary: "The caseworker's one-screen overview of a citizen (one call, one audit record)", params: api.CitizenIdParams, response: { 200: api.CitizenOverview } } },
    async (req) => citizenOverview(req.access, req.params.citizenId),
  );
  app.get(
    '/cases/:caseId/overview',
    { schema: { tags: ['overview'], summary: "The same overview from a case: the case page's one call", params: api.CaseIdParams, response: { 200: api.CitizenOverview } } },
    async (req) => caseOverview(req.access, req.params.caseId),
  );
};
