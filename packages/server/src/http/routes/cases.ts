import { api } from '@helhed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listCaseEvents } from '../../services/case-history';
import { assignCoordination, changePhase, getCase, myCaseload, openCase } from '../../services/cases';
import { addContact, endContact, listContacts } from '../../services/contacts';
import { addIntervention, listInterventions } from '../../services/interventions';
import { completeTask, listCaseTasks, myOpenTasks } from '../../services/tasks';
import { myWorkQueue } from '../../services/work-queue';

const tags = ['cases'];
const ContactParams = z.strictObject({ caseId: z.uuid(), contactId: z.uuid() });

export const caseRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/cases', { schema: { tags, summary: 'Open the holistic case for a citizen', body: api.OpenCaseBody, response: { 201: api.HolisticCase } } }, async (req, reply) =>
    reply.status(201).send(await openCase(req.access, req.body)),
  );
  app.get('/cases/:caseId', { schema: { tags, params: api.CaseIdParams, response: { 200: api.HolisticCase } } }, async (req) => getCase(req.access, req.params.caseId));
  app.put('/cases/:caseId/coordination', { schema: { tags, summary: 'Assign the coordinating caseworker and/or team', params: api.CaseIdParams, body: api.AssignCoordinationBody, response: { 200: api.HolisticCase } } }, async (req) =>
    assignCoordination(req.access, req.params.caseId, req.body),
  );
  app.post('/cases/:caseId/phase', { schema: { tags, summary: 'Move the case to another phase (past consent only with the holistic-effort consent)', params: api.CaseIdParams, body: api.ChangePhaseBody, response: { 200: api.HolisticCase } } }, async (req) =>
    changePhase(req.access, req.params.caseId, req.body),
  );
  app.get('/cases/:caseId/contacts', { schema: { tags: ['contacts'], params: api.CaseIdParams, response: { 200: api.ContactList } } }, async (req) => listContacts(req.access, req.params.caseId));
  app.post('/cases/:caseId/contacts', { schema: { tags: ['contacts'], params: api.CaseIdParams, body: api.AddContactBody, response: { 201: api.Contact } } }, async (req, reply) =>
    reply.status(201).send(await addContact(req.access, req.params.caseId, req.body)),
  );
  app.post('/cases/:caseId/contacts/:contactId/end', { schema: { tags: ['contacts'], params: ContactParams, body: api.EndContactBody, response: { 200: api.Contact } } }, async (req) =>
    endContact(req.access, req.params.caseId, req.params.contactId, req.body),
  );
  app.get('/cases/:caseId/events', { schema: { tags, summary: 'The append-only case history', params: api.CaseIdParams, response: { 200: z.object({ items: z.array(api.CaseEvent) }) } } }, async (req) =>
    listCaseEvents(req.access, req.params.caseId),
  );
  app.get('/cases/:caseId/interventions', { schema: { tags: ['interventions'], params: api.CaseIdParams, response: { 200: z.object({ items: z.array(api.Intervention) }) } } }, async (req) =>
    listInterventions(req.access, req.params.caseId),
  );
  app.post('/cases/:caseId/interventions', { schema: { tags: ['interventions'], params: api.CaseIdParams, body: api.AddInterventionBody, response: { 201: api.Intervention } } }, async (req, reply) =>
    reply.status(201).send(await addIntervention(req.access, req.params.caseId, req.body)),
  );
  app.get('/cases/:caseId/tasks', { schema: { tags: ['tasks'], params: api.CaseIdParams, response: { 200: z.object({ items: z.array(api.Task) }) } } }, async (req) =>
    listCaseTasks(req.access, req.params.caseId),
  );
  app.post('/tasks/:id/complete', { schema: { tags: ['tasks'], params: api.IdParams, body: api.CompleteTaskBody, response: { 200: api.Task } } }, async (req) =>
    completeTask(req.access, req.params.id, req.body),
  );
  app.get('/caseload', { schema: { tags, summary: "The employee's own and team's open cases", response: { 200: api.Caseload } } }, async (req) => myCaseload(req.access));
  app.get('/tasks', { schema: { tags: ['tasks'], summary: "The employee's open tasks", response: { 200: z.object({ items: z.array(api.Task) }) } } }, async (req) => myOpenTasks(req.access));
  app.get('/work-queue', { schema: { tags: ['tasks'], summary: "What needs doing across the employee's caseload, most pressing first", response: { 200: api.WorkQueue } } }, async (req) =>
    myWorkQueue(req.access),
  );
};
