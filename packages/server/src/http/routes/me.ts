import { api } from '@helhed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { myLookups } from '../../services/lookups';
import { getOrganisation } from '../../services/organisation';

export const meRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/me/lookups', { schema: { tags: ['citizen portal'], summary: 'Who has looked at my data, when and why (citizens)', response: { 200: api.LookupList } } }, async (req) =>
    myLookups(req.access),
  );
  app.get('/organisation', { schema: { tags: ['organisation'], summary: "The municipality's units, teams, employees and authority limits (employees only)", response: { 200: api.Organisation } } }, async (req) =>
    getOrganisation(req.access),
  );
};
