import { api } from '@helhed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getLetterPdf, listCitizenLetters } from '../../services/letters';

const tags = ['letters'];

export const letterRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/citizens/:citizenId/letters', { schema: { tags, summary: "The citizen's letters: who sent what, when, under which law, and the delivery status", params: api.CitizenIdParams, response: { 200: api.LetterList } } }, async (req) =>
    listCitizenLetters(req.access, req.params.citizenId),
  );
  app.get('/letters/:id/pdf', { schema: { tags, summary: 'The letter as sent (PDF); the citizen may read their own', params: api.IdParams } }, async (req, reply) => {
    const { pdf, filename } = await getLetterPdf(req.access, req.params.id);
    return reply.type('application/pdf').header('content-disposition', `inline; filename="${filename}"`).send(Buffer.from(pdf));
  });
};
