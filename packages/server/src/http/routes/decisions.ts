import { api } from '@helhed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  exportComplaintBundle,
  getComplaint,
  handleLateComplaint,
  listComplaints,
  reassessComplaint,
  recordAppealResult,
  registerComplaint,
} from '../../services/complaints';
import { deadlineBoard } from '../../services/deadline-board';
import { discardDraft, draftDecisions, getDecision, issueDecision, listDecisions, previewDecision, previewDecisionPdf, updateDraft } from '../../services/decisions';

const tags = ['decisions'];
const ctags = ['complaints'];

export const decisionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/cases/:caseId/decisions', { schema: { tags, summary: "The case's decisions with element status (in force / superseded); citizens see issued ones", params: api.CaseIdParams, response: { 200: api.DecisionList } } }, async (req) =>
    listDecisions(req.access, req.params.caseId),
  );
  app.post('/cases/:caseId/decisions', { schema: { tags, summary: 'Draft the combined decision (or one per sector law) from the granted interventions', params: api.CaseIdParams, body: api.DraftDecisionBody, response: { 201: api.DecisionList } } }, async (req, reply) =>
    reply.status(201).send(await draftDecisions(req.access, req.params.caseId, req.body)),
  );
  app.get('/decisions/:decisionId', { schema: { tags, params: api.DecisionIdParams, response: { 200: api.Decision } } }, async (req) => getDecision(req.access, req.params.decisionId));
  app.patch('/decisions/:decisionId', { schema: { tags, summary: 'Edit a draft (optimistic concurrency)', params: api.DecisionIdParams, body: api.UpdateDecisionDraftBody, response: { 200: api.Decision } } }, async (req) =>
    updateDraft(req.access, req.params.decisionId, req.body),
  );
  app.post('/decisions/:decisionId/discard', { schema: { tags, params: api.DecisionIdParams, body: api.VersionBody, response: { 200: api.Decision } } }, async (req) =>
    discardDraft(req.access, req.params.decisionId, req.body),
  );
  app.get('/decisions/:decisionId/preview.pdf', { schema: { tags, summary: 'The decision letter as PDF: a draft as if sent today by the channel (nothing stored), an issued decision as sent', params: api.DecisionIdParams, querystring: api.PreviewQuery } }, async (req, reply) => {
    const { pdf, filename } = await previewDecisionPdf(req.access, req.params.decisionId, req.query.channel);
    return reply.type('application/pdf').header('content-disposition', `inline; filename="${filename}"`).send(Buffer.from(pdf));
  });
  app.get('/decisions/:decisionId/preview', { schema: { tags, summary: 'The letter data as if sent today by the channel (issued: as sent)', params: api.DecisionIdParams, querystring: api.PreviewQuery, response: { 200: api.DecisionPreview } } }, async (req) =>
    previewDecision(req.access, req.params.decisionId, req.query.channel),
  );
  app.post('/decisions/:decisionId/issue', { schema: { tags, summary: 'Issue the decision: receipt date, complaint deadline, supersession; immutable afterwards', params: api.DecisionIdParams, body: api.IssueDecisionBody, response: { 200: api.IssuedDecision } } }, async (req) =>
    issueDecision(req.access, req.params.decisionId, req.body),
  );

  app.post('/decisions/:decisionId/complaints', { schema: { tags: ctags, summary: 'Complain (citizen, about their own decision) or register a complaint (caseworker)', params: api.DecisionIdParams, body: api.RegisterComplaintBody, response: { 201: api.Complaint } } }, async (req, reply) =>
    reply.status(201).send(await registerComplaint(req.access, req.params.decisionId, req.body)),
  );
  app.get('/cases/:caseId/complaints', { schema: { tags: ctags, params: api.CaseIdParams, response: { 200: api.ComplaintList } } }, async (req) => listComplaints(req.access, req.params.caseId));
  app.get('/complaints/:complaintId', { schema: { tags: ctags, params: api.ComplaintIdParams, response: { 200: api.Complaint } } }, async (req) => getComplaint(req.access, req.params.complaintId));
  app.post('/complaints/:complaintId/late-handling', { schema: { tags: ctags, summary: 'Decide on a late complaint: consider it or refuse it with a reason', params: api.ComplaintIdParams, body: api.LateHandlingBody, response: { 200: api.Complaint } } }, async (req) =>
    handleLateComplaint(req.access, req.params.complaintId, req.body),
  );
  app.post('/complaints/:complaintId/reassessment', { schema: { tags: ctags, summary: "The municipality's reassessment: change (new decision) or uphold (to Ankestyrelsen)", params: api.ComplaintIdParams, body: api.ReassessComplaintBody, response: { 200: api.Complaint } } }, async (req) =>
    reassessComplaint(req.access, req.params.complaintId, req.body),
  );
  app.get('/complaints/:complaintId/bundle', { schema: { tags: ctags, summary: 'The case bundle for Ankestyrelsen (JSON with an index); audited as an export', params: api.ComplaintIdParams, response: { 200: api.ComplaintBundle } } }, async (req, reply) => {
    const bundle = await exportComplaintBundle(req.access, req.params.complaintId);
    reply.header('content-disposition', `attachment; filename="klagesag-${req.params.complaintId}.json"`);
    return bundle;
  });
  app.post('/complaints/:complaintId/appeal-result', { schema: { tags: ctags, summary: "Record Ankestyrelsen's result and act on it", params: api.ComplaintIdParams, body: api.AppealResultBody, response: { 200: api.Complaint } } }, async (req) =>
    recordAppealResult(req.access, req.params.complaintId, req.body),
  );
  app.get('/deadlines', { schema: { tags: ctags, summary: "Leaders' deadline board: due, overdue, met by unit and caseworker (no citizen details)", querystring: api.DeadlineBoardQuery, response: { 200: api.DeadlineBoard } } }, async (req) =>
    deadlineBoard(req.access, req.query),
  );
};
