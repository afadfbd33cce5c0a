import { api } from '@helhed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getConsents, recordConsent } from '../../services/consents';
import { getCitizen, listSectorRecords, registerCitizen, searchCitizens, updateCitizen } from '../../services/citizens';
import { getHealthDocument, listHealthDocuments, receiveHealthDocument } from '../../services/health-documents';

const tags = ['citizens'];

export const citizenRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/citizens', { schema: { tags, summary: 'Register a citizen (also quick outreach registration)', body: api.RegisterCitizenBody, response: { 201: api.Citizen } } }, async (req, reply) =>
    reply.status(201).send(await registerCitizen(req.access, req.body)),
  );
  // A search by CPR is a POST so the CPR number never appears in a URL or an access log.
  app.post('/citizens/search', { schema: { tags, summary: 'Find a citizen by CPR number', body: api.SearchCitizenBody, response: { 200: api.CitizenSearchResult } } }, async (req) =>
    searchCitizens(req.access, req.body),
  );
  app.get('/citizens/:citizenId', { schema: { tags, params: api.CitizenIdParams, response: { 200: api.Citizen } } }, async (req) =>
    getCitizen(req.access, req.params.citizenId),
  );
  app.patch('/citizens/:citizenId', { schema: { tags, params: api.CitizenIdParams, body: api.UpdateCitizenBody, response: { 200: api.Citizen } } }, async (req) =>
    updateCitizen(req.access, req.params.citizenId, req.body),
  );
  app.get('/citizens/:citizenId/sector-records', { schema: { tags, summary: 'Benefits, plans and interventions from the sector systems', params: api.CitizenIdParams, response: { 200: z.object({ items: z.array(api.SectorRecord) }) } } }, async (req) =>
    listSectorRecords(req.access, req.params.citizenId),
  );
  app.get('/citizens/:citizenId/consents', { schema: { tags: ['consents'], params: api.CitizenIdParams, response: { 200: api.ConsentOverview } } }, async (req) =>
    getConsents(req.access, req.params.citizenId),
  );
  app.post('/citizens/:citizenId/consents', { schema: { tags: ['consents'], summary: 'Record that consent was given or withdrawn (records are never edited)', params: api.CitizenIdParams, body: api.RecordConsentBody, response: { 201: api.RecordConsentResult } } }, async (req, reply) =>
    reply.status(201).send(await recordConsent(req.access, req.params.citizenId, req.body)),
  );
  app.get('/citizens/:citizenId/health-documents', { schema: { tags: ['health'], summary: 'Health documents whose source is covered by an active consent now', params: api.CitizenIdParams, response: { 200: api.HealthDocumentList } } }, async (req) =>
    listHealthDocuments(req.access, req.params.citizenId),
  );
  app.post('/citizens/:citizenId/health-documents', { schema: { tags: ['health'], summary: 'Receive a document disclosed by a health source under consent', params: api.CitizenIdParams, body: api.ReceiveHealthDocumentBody, response: { 201: api.HealthDocument } } }, async (req, reply) =>
    reply.status(201).send(await receiveHealthDocument(req.access, req.params.citizenId, req.body)),
  );
  app.get('/health-documents/:id', { schema: { tags: ['health'], params: api.IdParams, response: { 200: api.HealthDocument } } }, async (req) =>
    getHealthDocument(req.access, req.params.id),
  );
};
