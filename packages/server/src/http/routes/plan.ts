import { api } from '@helhed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { confirmSectorRecord, getAssessment, saveAssessment } from '../../services/assessment';
import { checkFamilyObligation, getFamily, linkChild } from '../../services/family';
import {
  diffPlanVersions,
  exportPlanFhir,
  getPlan,
  getPlanVersion,
  listPlanVersions,
  myDueFollowUps,
  planHealthDocuments,
  recordFollowUp,
  savePlan,
} from '../../services/plan';

const params = api.CaseIdParams;

/** Assessment, plan with versions and follow-up, family, health documents in the plan, FHIR export (issue 4). */
export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/cases/:caseId/assessment', { schema: { tags: ['assessment'], summary: 'The assessment over the FFB life domains, with sector records to confirm', params, response: { 200: api.CaseAssessment } } }, async (req) =>
    getAssessment(req.access, req.params.caseId),
  );
  app.put('/cases/:caseId/assessment', { schema: { tags: ['assessment'], summary: 'Save the assessment (version 0 creates it)', params, body: api.SaveAssessmentBody, response: { 200: api.CaseAssessment } } }, async (req) =>
    saveAssessment(req.access, req.params.caseId, req.body),
  );
  app.post('/cases/:caseId/assessment/confirmations', { schema: { tags: ['assessment'], summary: 'Confirm a sector record instead of asking again', params, body: api.ConfirmRecordBody, response: { 200: api.CaseAssessment } } }, async (req) =>
    confirmSectorRecord(req.access, req.params.caseId, req.body),
  );
  app.get('/cases/:caseId/plan', { schema: { tags: ['plan'], summary: 'The current plan with goals, interventions and progression', params, response: { 200: api.Plan } } }, async (req) =>
    getPlan(req.access, req.params.caseId),
  );
  app.put('/cases/:caseId/plan', { schema: { tags: ['plan'], summary: 'Save a new version of the plan (version 0 creates it; reason required)', params, body: api.SavePlanBody, response: { 200: api.Plan } } }, async (req) =>
    savePlan(req.access, req.params.caseId, req.body),
  );
  app.get('/cases/:caseId/plan/versions', { schema: { tags: ['plan'], summary: 'Version history: who, when, why, what changed', params, response: { 200: z.object({ items: z.array(api.PlanVersionSummary) }) } } }, async (req) =>
    listPlanVersions(req.access, req.params.caseId),
  );
  app.get('/cases/:caseId/plan/snapshot', { schema: { tags: ['plan'], summary: 'One version of the plan as it was saved', params, querystring: api.PlanVersionQuery, response: { 200: api.PlanVersion } } }, async (req) =>
    getPlanVersion(req.access, req.params.caseId, req.query.version),
  );
  app.get('/cases/:caseId/plan/diff', { schema: { tags: ['plan'], summary: 'What changed between two versions', params, querystring: api.PlanDiffQuery, response: { 200: api.PlanDiff } } }, async (req) =>
    diffPlanVersions(req.access, req.params.caseId, req.query.from, req.query.to),
  );
  app.post('/cases/:caseId/plan/follow-ups', { schema: { tags: ['plan'], summary: 'Record a follow-up of a goal (progression 1–10, FFB result)', params, body: api.RecordFollowUpBody, response: { 201: api.Plan } } }, async (req, reply) =>
    reply.status(201).send(await recordFollowUp(req.access, req.params.caseId, req.body)),
  );
  app.get('/cases/:caseId/plan/health-documents', { schema: { tags: ['plan', 'health'], summary: 'Treatment plans and discharge agreements disclosed by the region under an active consent', params, response: { 200: api.PlanHealthDocuments } } }, async (req) =>
    planHealthDocuments(req.access, req.params.caseId),
  );
  app.get('/cases/:caseId/fhir', { schema: { tags: ['plan', 'fhir'], summary: 'FHIR R4 Bundle (collection): Patient, CarePlan, Goal, Consent', params, response: { 200: api.FhirBundle } } }, async (req, reply) =>
    reply.header('content-type', 'application/fhir+json; charset=utf-8').send(await exportPlanFhir(req.access, req.params.caseId)),
  );
  app.get('/follow-ups/due', { schema: { tags: ['plan'], summary: "Goals due for follow-up in the employee's cases", response: { 200: z.object({ items: z.array(api.DueFollowUp) }) } } }, async (req) =>
    myDueFollowUps(req.access),
  );
  app.get('/cases/:caseId/family', { schema: { tags: ['family'], summary: 'Household, family plan (with consent) and the family-plan obligation', params, response: { 200: api.Family } } }, async (req) =>
    getFamily(req.access, req.params.caseId),
  );
  app.post('/cases/:caseId/family/children', { schema: { tags: ['family'], summary: "Link a child to the case's citizen", params, body: api.LinkFamilyBody, response: { 200: api.Family } } }, async (req) =>
    linkChild(req.access, req.params.caseId, req.body),
  );
  app.post('/cases/:caseId/family/obligation-check', { schema: { tags: ['family'], summary: 'Detect the family-plan obligation and raise it as a task (once)', params, body: z.strictObject({}), response: { 200: api.FamilyObligation } } }, async (req) =>
    checkFamilyObligation(req.access, req.params.caseId),
  );
};
