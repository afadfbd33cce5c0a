import { api } from '@helhed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cancelCalendarEntry, caseCalendar, caseloadConflicts, createCalendarEntry, myCalendar } from '../../services/calendar';
import { changeOccurrence, endSeries, updateCalendarEntry } from '../../services/calendar-edits';
import { caseThreads, getThread, myThreads, reply, startCaseThread, startMyThread } from '../../services/messages';
import { flagNewInformation, listNewInformation } from '../../services/new-information';
import { addNetworkPerson, createPartner, listInterventionCarriers, listNetwork, listPartners, setInterventionPartner } from '../../services/partners';
import { answerSurvey, mySurvey, surveyIndicator } from '../../services/survey';

const calendar = ['calendar'];
const messages = ['messages'];
const portal = ['citizen portal'];

/** Coordination (SPEC C9) and the citizen portal's messages and survey (C10). */
export const coordinationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/cases/:caseId/calendar', { schema: { tags: calendar, summary: "The citizen's (or household's) calendar with conflicts; default from today, 8 weeks", params: api.CaseIdParams, querystring: api.CalendarQuery, response: { 200: api.Calendar } } }, async (req) =>
    caseCalendar(req.access, req.params.caseId, req.query),
  );
  app.post('/cases/:caseId/calendar', { schema: { tags: calendar, summary: 'Add an appointment or a weekly/fortnightly series', params: api.CaseIdParams, body: api.CreateCalendarEntryBody, response: { 201: api.CalendarOccurrence } } }, async (req, reply) =>
    reply.status(201).send(await createCalendarEntry(req.access, req.params.caseId, req.body)),
  );
  app.post('/calendar-entries/:id/cancel', { schema: { tags: calendar, params: api.IdParams, body: api.CancelCalendarEntryBody, response: { 200: api.CalendarOccurrence } } }, async (req) =>
    cancelCalendarEntry(req.access, req.params.id, req.body),
  );
  app.patch('/calendar-entries/:id', { schema: { tags: calendar, summary: 'Change an appointment (a series: every occurrence) from the version read; stale → 409', params: api.IdParams, body: api.UpdateCalendarEntryBody, response: { 200: api.CalendarOccurrence } } }, async (req) =>
    updateCalendarEntry(req.access, req.params.id, req.body),
  );
  app.post('/calendar-entries/:id/occurrences', { schema: { tags: calendar, summary: 'Move, cancel or restore one occurrence of a series (named by the day the series puts it on)', params: api.IdParams, body: api.ChangeOccurrenceBody, response: { 200: api.CalendarOccurrence } } }, async (req) =>
    changeOccurrence(req.access, req.params.id, req.body),
  );
  app.post('/calendar-entries/:id/end-series', { schema: { tags: calendar, summary: 'End a series early: no occurrences from the day on', params: api.IdParams, body: api.EndSeriesBody, response: { 200: api.CalendarOccurrence } } }, async (req) =>
    endSeries(req.access, req.params.id, req.body),
  );
  app.get('/caseload/calendar-conflicts', { schema: { tags: calendar, summary: 'Cases in my caseload with calendar conflicts in the coming 8 weeks', response: { 200: api.CaseloadConflicts } } }, async (req) =>
    caseloadConflicts(req.access),
  );
  app.get('/me/calendar', { schema: { tags: portal, summary: 'My calendar with conflicts (citizens)', querystring: api.MyCalendarQuery, response: { 200: api.Calendar } } }, async (req) => myCalendar(req.access, req.query));

  app.get('/partners', { schema: { tags: ['partners'], summary: "The municipality's companies and civil-society partners", response: { 200: z.object({ items: z.array(api.Partner) }) } } }, async (req) => listPartners(req.access));
  app.post('/partners', { schema: { tags: ['partners'], body: api.CreatePartnerBody, response: { 201: api.Partner } } }, async (req, reply) => reply.status(201).send(await createPartner(req.access, req.body)));
  app.get('/cases/:caseId/intervention-carriers', { schema: { tags: ['partners'], summary: 'Who carries each intervention', params: api.CaseIdParams, response: { 200: z.object({ items: z.array(api.InterventionCarrier) }) } } }, async (req) =>
    listInterventionCarriers(req.access, req.params.caseId),
  );
  app.put('/cases/:caseId/interventions/:interventionId/partner', { schema: { tags: ['partners'], summary: 'A partner carries the intervention (null: the municipality)', params: api.InterventionPartnerParams, body: api.SetInterventionPartnerBody, response: { 200: api.InterventionCarrier } } }, async (req) =>
    setInterventionPartner(req.access, req.params.caseId, req.params.interventionId, req.body),
  );
  app.get('/citizens/:citizenId/network', { schema: { tags: ['partners'], summary: "The citizen's own network", params: api.CitizenIdParams, response: { 200: z.object({ items: z.array(api.NetworkPerson) }) } } }, async (req) =>
    listNetwork(req.access, req.params.citizenId),
  );
  app.post('/citizens/:citizenId/network', { schema: { tags: ['partners'], params: api.CitizenIdParams, body: api.CreateNetworkPersonBody, response: { 201: api.NetworkPerson } } }, async (req, reply) =>
    reply.status(201).send(await addNetworkPerson(req.access, req.params.citizenId, req.body)),
  );

  app.get('/cases/:caseId/new-information', { schema: { tags: ['tasks'], summary: 'New information that may need a plan change, with its tasks', params: api.CaseIdParams, response: { 200: z.object({ items: z.array(api.NewInformation) }) } } }, async (req) =>
    listNewInformation(req.access, req.params.caseId),
  );
  app.post('/cases/:caseId/new-information', { schema: { tags: ['tasks'], summary: 'Flag new information: raises a task for the coordinating caseworker', params: api.CaseIdParams, body: api.FlagNewInformationBody, response: { 201: api.NewInformation } } }, async (req, reply) =>
    reply.status(201).send(await flagNewInformation(req.access, req.params.caseId, req.body)),
  );

  app.get('/cases/:caseId/messages', { schema: { tags: messages, params: api.CaseIdParams, response: { 200: api.MessageThreadList } } }, async (req) => caseThreads(req.access, req.params.caseId));
  app.post('/cases/:caseId/messages', { schema: { tags: messages, summary: 'Start a thread with the citizen', params: api.CaseIdParams, body: api.StartThreadBody, response: { 201: api.MessageThread } } }, async (req, res) =>
    res.status(201).send(await startCaseThread(req.access, req.params.caseId, req.body)),
  );
  app.get('/me/messages', { schema: { tags: portal, summary: 'My threads with my caseworker, with unread counts (citizens)', response: { 200: api.MessageThreadList } } }, async (req) => myThreads(req.access));
  app.post('/me/messages', { schema: { tags: portal, summary: 'Write to my caseworker (citizens)', body: api.StartThreadBody, response: { 201: api.MessageThread } } }, async (req, res) =>
    res.status(201).send(await startMyThread(req.access, req.body)),
  );
  app.get('/message-threads/:id', { schema: { tags: messages, summary: "A thread; reading marks the other side's messages read", params: api.IdParams, response: { 200: api.MessageThread } } }, async (req) =>
    getThread(req.access, req.params.id),
  );
  app.post('/message-threads/:id/messages', { schema: { tags: messages, params: api.IdParams, body: api.ReplyBody, response: { 201: api.MessageThread } } }, async (req, res) =>
    res.status(201).send(await reply(req.access, req.params.id, req.body)),
  );

  app.get('/me/survey', { schema: { tags: portal, summary: '"Oplever du et sammenhængende forløb?" and my answer this quarter', response: { 200: api.SurveyState } } }, async (req) => mySurvey(req.access));
  app.post('/me/survey', { schema: { tags: portal, summary: 'Answer the survey (once per quarter)', body: api.SurveyBody, response: { 201: api.SurveyState } } }, async (req, res) =>
    res.status(201).send(await answerSurvey(req.access, req.body)),
  );
  app.get('/indicators/coherent-course', { schema: { tags: ['indicators'], summary: 'Share answering "ja" per quarter (leaders; counts only)', querystring: api.SurveyIndicatorQuery, response: { 200: api.SurveyIndicator } } }, async (req) =>
    surveyIndicator(req.access, req.query),
  );
};
