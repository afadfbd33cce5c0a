import { api } from '@helhed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createCatalogueItem, getCatalogueItem, listCatalogue, updateCatalogueItem } from '../../services/visitation/catalogue';
import { decideForumRequest, forumQueue, getForumRequest, listBudgets } from '../../services/visitation/forum';
import { changeBudget, createBudget, listBudgetPeriods } from '../../services/visitation/forum-budgets';
import { myNotStarted, sweepNotStarted } from '../../services/visitation/not-started';
import { registerOutreach } from '../../services/visitation/outreach';
import {
  endIntervention,
  listRehabilitation,
  pauseIntervention,
  recordRehabilitation,
  registerHours,
  requestVisitation,
  resumeIntervention,
  startIntervention,
} from '../../services/visitation/visitation';

const Intervention = { 200: api.Intervention };
const BudgetQuery = z.strictObject({ on: api.LocalDateSchema.optional() });

/** Catalogue, visitation, the visitation forum, rehabilitation prerequisite, not-started, outreach (SPEC C4, C6, C13). */
export const visitationRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['visitation'];
  app.get('/catalogue', { schema: { tags, summary: 'The intervention catalogue', querystring: api.CatalogueQuery, response: { 200: api.CatalogueList } } }, async (req) =>
    listCatalogue(req.access, req.query),
  );
  app.get('/catalogue/:itemId', { schema: { tags, params: api.CatalogueItemParams, response: { 200: api.CatalogueItem } } }, async (req) => getCatalogueItem(req.access, req.params.itemId));
  app.post('/catalogue', { schema: { tags, summary: 'Add a catalogue item (administrator)', body: api.CreateCatalogueItemBody, response: { 201: api.CatalogueItem } } }, async (req, reply) =>
    reply.status(201).send(await createCatalogueItem(req.access, req.body)),
  );
  app.patch('/catalogue/:itemId', { schema: { tags, summary: 'Change a catalogue item (administrator; optimistic version)', params: api.CatalogueItemParams, body: api.UpdateCatalogueItemBody, response: { 200: api.CatalogueItem } } }, async (req) =>
    updateCatalogueItem(req.access, req.params.itemId, req.body),
  );

  app.post('/cases/:caseId/visitations', { schema: { tags, summary: 'Grant (within authority) or put before the visitation forum', params: api.CaseIdParams, body: api.RequestVisitationBody, response: { 201: api.VisitationResult } } }, async (req, reply) =>
    reply.status(201).send(await requestVisitation(req.access, req.params.caseId, req.body)),
  );
  const P = api.CaseInterventionParams;
  const at = (p: { caseId: string; interventionId: string }) => ({ caseId: p.caseId, interventionId: p.interventionId });
  app.post('/cases/:caseId/interventions/:interventionId/start', { schema: { tags, params: P, body: api.StartInterventionBody, response: Intervention } }, async (req) =>
    startIntervention(req.access, at(req.params), req.body),
  );
  app.post('/cases/:caseId/interventions/:interventionId/end', { schema: { tags, params: P, body: api.EndInterventionBody, response: Intervention } }, async (req) =>
    endIntervention(req.access, at(req.params), req.body),
  );
  app.post('/cases/:caseId/interventions/:interventionId/hours', { schema: { tags, summary: 'Register hours used on a flexible hour pool', params: P, body: api.RegisterHoursBody, response: Intervention } }, async (req) =>
    registerHours(req.access, at(req.params), req.body),
  );
  app.post('/cases/:caseId/interventions/:interventionId/pause', { schema: { tags, summary: 'Pause a fleksjob to try ordinary work', params: P, body: api.PauseInterventionBody, response: Intervention } }, async (req) =>
    pauseIntervention(req.access, at(req.params), req.body),
  );
  app.post('/cases/:caseId/interventions/:interventionId/resume', { schema: { tags, summary: 'Return to a paused fleksjob inside the window', params: P, body: api.ResumeInterventionBody, response: Intervention } }, async (req) =>
    resumeIntervention(req.access, at(req.params), req.body),
  );
  app.get('/cases/:caseId/rehabilitation', { schema: { tags, params: api.CaseIdParams, response: { 200: z.object({ items: z.array(api.RehabilitationRecord) }) } } }, async (req) =>
    listRehabilitation(req.access, req.params.caseId),
  );
  app.post('/cases/:caseId/rehabilitation', { schema: { tags, summary: "The rehabilitation team's recommendation or the prerequisite description", params: api.CaseIdParams, body: api.RecordRehabilitationBody, response: { 201: api.RehabilitationRecord } } }, async (req, reply) =>
    reply.status(201).send(await recordRehabilitation(req.access, req.params.caseId, req.body)),
  );

  app.get('/visitation-forum/requests', { schema: { tags, summary: "The forum's queue (no names)", response: { 200: api.ForumQueue } } }, async (req) => forumQueue(req.access));
  app.get('/visitation-forum/requests/:requestId', { schema: { tags, summary: 'A request before the forum, with what is needed to decide it', params: api.ForumRequestParams, response: { 200: api.ForumRequest } } }, async (req) =>
    getForumRequest(req.access, req.params.requestId),
  );
  app.post('/visitation-forum/requests/:requestId/decision', { schema: { tags, summary: 'Approve (against the budget) or reject, with reasoning', params: api.ForumRequestParams, body: api.DecideForumRequestBody, response: { 200: api.ForumRequest } } }, async (req) =>
    decideForumRequest(req.access, req.params.requestId, req.body),
  );
  app.get('/visitation-forum/budgets', { schema: { tags, summary: 'Budget use: granted, committed, remaining', querystring: BudgetQuery, response: { 200: api.BudgetList } } }, async (req) =>
    listBudgets(req.access, req.query.on),
  );
  app.get('/visitation-forum/budgets/periods', { schema: { tags, summary: "Every period of the forums' budgets with its use and the history of its amount (administrators, leaders)", response: { 200: api.BudgetPeriodList } } }, async (req) =>
    listBudgetPeriods(req.access),
  );
  app.post('/visitation-forum/budgets', { schema: { tags, summary: "A forum's budget for a period that does not overlap its others (administrator)", body: api.CreateBudgetBody, response: { 201: api.BudgetPeriod } } }, async (req, reply) =>
    reply.status(201).send(await createBudget(req.access, req.body)),
  );
  app.patch('/visitation-forum/budgets/:budgetId', { schema: { tags, summary: "A new amount for a period, from the version read; not below what the forum has approved in it (administrator)", params: api.BudgetParams, body: api.ChangeBudgetBody, response: { 200: api.BudgetPeriod } } }, async (req) =>
    changeBudget(req.access, req.params.budgetId, req.body),
  );

  app.get('/visitation/not-started', { schema: { tags, summary: "Agreed but not started, on the caseworker's own cases", response: { 200: api.NotStartedList } } }, async (req) => myNotStarted(req.access));
  app.post('/visitation/not-started/sweep', { schema: { tags, summary: 'Raise a task per agreed-but-not-started intervention (idempotent)', body: api.SweepBody, response: { 200: api.SweepResult } } }, async (req) => sweepNotStarted(req.access));

  app.post('/outreach/registrations', { schema: { tags: ['outreach'], summary: 'Quick registration at an outreach site, opening a case', body: api.OutreachRegistrationBody, response: { 201: api.OutreachRegistration } } }, async (req, reply) =>
    reply.status(201).send(await registerOutreach(req.access, req.body)),
  );
};
