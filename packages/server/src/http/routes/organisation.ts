import { api } from '@helhed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { changeAuthorityLimit, createAuthorityLimit, endAuthorityLimit, listAuthorityLimits } from '../../services/authority-limits';
import { getConflictRules, setConflictRules } from '../../services/conflict-rules';

/** The organisation's settings the municipality's administrator edits (SPEC C6, C9, C12). */
export const organisationRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['organisation'];
  app.get('/authority-limits', { schema: { tags, summary: 'Authority limits with their history, marked in force / planned / ended on a day (administrators, leaders)', querystring: api.AuthorityLimitQuery, response: { 200: api.AuthorityLimitList } } }, async (req) =>
    listAuthorityLimits(req.access, req.query),
  );
  app.post('/authority-limits', { schema: { tags, summary: 'A new authority limit from a day (administrator)', body: api.CreateAuthorityLimitBody, response: { 201: api.AuthorityLimit } } }, async (req, reply) =>
    reply.status(201).send(await createAuthorityLimit(req.access, req.body)),
  );
  app.post('/authority-limits/:id/change', { schema: { tags, summary: 'A new amount from a day: this limit ends the day before, the new one carries on (administrator)', params: api.IdParams, body: api.ChangeAuthorityLimitBody, response: { 201: api.AuthorityLimit } } }, async (req, reply) =>
    reply.status(201).send(await changeAuthorityLimit(req.access, req.params.id, req.body)),
  );
  app.post('/authority-limits/:id/end', { schema: { tags, summary: 'The limit no longer applies from a day (administrator)', params: api.IdParams, body: api.EndAuthorityLimitBody, response: { 200: api.AuthorityLimit } } }, async (req) =>
    endAuthorityLimit(req.access, req.params.id, req.body),
  );
  app.get('/conflict-rules', { schema: { tags, summary: "The municipality's calendar conflict rules, the standard rules and the versions", response: { 200: api.ConflictRulesSetting } } }, async (req) => getConflictRules(req.access));
  app.put('/conflict-rules', { schema: { tags, summary: 'A new version of the conflict rules (null: the standard rules) from the version read (administrator)', body: api.SetConflictRulesBody, response: { 200: api.ConflictRulesSetting } } }, async (req) =>
    setConflictRules(req.access, req.body),
  );
};
