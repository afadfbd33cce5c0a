import { api } from '@helhed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { myLookups } from '../../services/lookups';

export const meRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/me/lookups', { schema: { tags: ['citizen portal'], summary: 'Who has looked at my data, when and why (citizens)', response: { 200: api.LookupList } } }, async (req) =>
    myLookups(req.access),
  );
};
