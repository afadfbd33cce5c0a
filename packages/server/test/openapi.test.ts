import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { usingPostgres } from './support/database';
import { findCitizen, freshMunicipality, loginEmployee, startHarness, type Client, type Harness } from './support/harness';

/**
 * SPEC §9 (OpenAPI 3.1 generated from the Zod schemas, problem+json errors)
 * and §7.3 (security headers, Cache-Control: no-store on personal data).
 */
describe('OpenAPI document, health, security headers', () => {
  let h: Harness;
  let mette: Client;
  let spec: any;

  beforeAll(async () => {
    h = await startHarness();
    const { code } = await freshMunicipality();
    mette = await loginEmployee(h.app, 'mette', code);
    const res = await h.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    spec = res.json();
  });

  const apiOperations = () =>
    Object.entries<Record<string, any>>(spec.paths)
      .filter(([path]) => path.startsWith('/api/'))
      .flatMap(([path, ops]) => Object.entries<any>(ops).map(([method, op]) => ({ path, method, op })));

  it('is OpenAPI 3.1.0 with a title, a version and the session cookie as security scheme', () => {
    expect(spec.openapi).toBe('3.1.0');
    expect(spec.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(spec.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'helhed_session' });
  });

  it('describes the resources: citizens, cases, contacts, consents, tasks, events, health documents, look-ups', () => {
    const expected: [string, string][] = [
      ['/api/citizens', 'post'],
      ['/api/citizens/search', 'post'],
      ['/api/citizens/{citizenId}', 'get'],
      ['/api/citizens/{citizenId}', 'patch'],
      ['/api/cases', 'post'],
      ['/api/cases/{caseId}', 'get'],
      ['/api/cases/{caseId}/coordination', 'put'],
      ['/api/cases/{caseId}/phase', 'post'],
      ['/api/cases/{caseId}/contacts', 'get'],
      ['/api/cases/{caseId}/contacts', 'post'],
      ['/api/cases/{caseId}/contacts/{contactId}/end', 'post'],
      ['/api/citizens/{citizenId}/consents', 'get'],
      ['/api/citizens/{citizenId}/consents', 'post'],
      ['/api/tasks', 'get'],
      ['/api/cases/{caseId}/tasks', 'get'],
      ['/api/tasks/{id}/complete', 'post'],
      ['/api/cases/{caseId}/events', 'get'],
      ['/api/citizens/{citizenId}/health-documents', 'get'],
      ['/api/citizens/{citizenId}/health-documents', 'post'],
      ['/api/health-documents/{id}', 'get'],
      ['/api/me/lookups', 'get'],
    ];
    for (const [path, method] of expected) expect(spec.paths[path]?.[method], `${method.toUpperCase()} ${path}`).toBeDefined();
    // Internal endpoints stay out of the document.
    expect(spec.paths['/health']).toBeUndefined();
    expect(spec.paths['/openapi.json']).toBeUndefined();
  });

  // Feeds go in as CSV/JSON Lines streams; error reports, the indicators' files and letters come out as CSV or PDF.
  const NOT_JSON = [
    'POST /api/imports/{feed}',
    'GET /api/imports/{id}/errors.csv',
    'GET /api/letters/{id}/pdf',
    'GET /api/decisions/{decisionId}/preview.pdf',
    'GET /api/indicators/tables.csv',
    'GET /api/indicators/evaluation-export.csv',
  ];

  it('every operation under /api has a JSON response schema for its success status', () => {
    const ops = apiOperations().filter(({ path, method }) => !NOT_JSON.includes(`${method.toUpperCase()} ${path}`) || path.endsWith('{feed}'));
    expect(ops.length).toBeGreaterThanOrEqual(20);
    for (const { path, method, op } of ops) {
      const where = `${method.toUpperCase()} ${path}`;
      const success = Object.keys(op.responses ?? {}).filter((s) => /^2\d\d$/.test(s));
      expect(success, where).not.toHaveLength(0);
      for (const status of success) {
        const schema = op.responses[status].content?.['application/json']?.schema;
        expect(schema, `${where} ${status}`).toBeDefined();
        expect(Object.keys(schema).length, `${where} ${status}: empty schema`).toBeGreaterThan(0);
      }
    }
  });

  it('every write under /api declares its JSON body, and every path parameter is a uuid', () => {
    for (const { path, method, op } of apiOperations().filter(({ path, method }) => !NOT_JSON.includes(`${method.toUpperCase()} ${path}`))) {
      const where = `${method.toUpperCase()} ${path}`;
      if (['post', 'put', 'patch'].includes(method)) {
        const body = op.requestBody?.content?.['application/json']?.schema;
        expect(body, where).toBeDefined();
        expect(isStrictObject(body), `${where}: the body schema should be a strict object (no unknown keys)`).toBe(true);
      }
      for (const p of (op.parameters ?? []).filter((x: any) => x.in === 'path')) {
        expect(p.schema, `${where} ${p.name}`).toMatchObject({ type: 'string', format: 'uuid' });
        expect(p.required, `${where} ${p.name}`).toBe(true);
      }
    }
  });

  it('GET /health answers ok with the engine in use', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: usingPostgres() ? 'postgres' : 'pglite' });
    expectSecurityHeaders(res);
  });

  it('security headers (helmet) on the API, on errors and on the document', async () => {
    const lotte = await findCitizen(mette, '120591-1002');
    const responses = [
      await mette.get(`/api/cases/${lotte.openCaseId}`),
      await mette.post('/api/citizens', { nope: true }),
      await h.app.inject({ method: 'GET', url: '/api/caseload' }),
      await h.app.inject({ method: 'GET', url: '/openapi.json' }),
      await h.app.inject({ method: 'GET', url: '/no/such/page' }),
    ];
    for (const res of responses) expectSecurityHeaders(res);
  });

  it('Cache-Control: no-store on /api responses: reads, writes, errors and 401', async () => {
    const lotte = await findCitizen(mette, '120591-1002');
    const responses: [string, LightMyRequestResponse][] = [
      ['read', await mette.get(`/api/citizens/${lotte.id}`)],
      ['search', await mette.post('/api/citizens/search', { cpr: '120591-1002' })],
      ['list', await mette.get(`/api/cases/${lotte.openCaseId}/contacts`)],
      ['caseload', await mette.get('/api/caseload')],
      ['write', await mette.post('/api/citizens', { cpr: '111111-1118', name: 'Cache Testesen' })],
      ['validation error', await mette.post('/api/citizens', { cpr: 1 })],
      ['not found', await mette.get('/api/citizens/00000000-0000-4000-8000-000000000000')],
      ['unauthenticated', await h.app.inject({ method: 'GET', url: `/api/citizens/${lotte.id}` })],
      ['auth/me', await mette.get('/auth/me')],
    ];
    expect(responses.map(([, r]) => r.statusCode)).toEqual([200, 200, 200, 200, 201, 400, 404, 401, 200]);
    for (const [what, res] of responses) expect(res.headers['cache-control'], what).toBe('no-store');
  });

  it('an unauthenticated /api call is 401 problem+json, before any body is looked at', async () => {
    const calls: LightMyRequestResponse[] = [
      await h.app.inject({ method: 'GET', url: '/api/caseload' }),
      await h.app.inject({ method: 'POST', url: '/api/citizens/search', payload: { cpr: '120591-1002' } }),
      await h.app.inject({ method: 'POST', url: '/api/citizens', payload: { wrong: 'body' } }),
      await h.app.inject({ method: 'POST', url: '/api/citizens', payload: '{"broken', headers: { 'content-type': 'application/json' } }),
      await h.app.inject({ method: 'GET', url: '/api/caseload', headers: { cookie: 'helhed_session=forged-token' } }),
    ];
    for (const res of calls) {
      expect(res.statusCode, res.body).toBe(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json()).toMatchObject({
        type: 'https://helhed.dk/problems/unauthenticated',
        title: expect.any(String),
        status: 401,
        detail: expect.stringMatching(/logget ind/),
      });
      expect(res.body).not.toContain('Lotte');
    }
    // A forged or expired session cookie is cleared.
    const cleared = calls[4]!.cookies.find((c) => c.name === 'helhed_session');
    expect(cleared?.value ?? '').toBe('');
  });
});

/** An object schema that refuses unknown keys, or a union of such. */
function isStrictObject(schema: any): boolean {
  const branches = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(branches)) return branches.every(isStrictObject);
  return schema.type === 'object' && schema.additionalProperties === false;
}

function expectSecurityHeaders(res: LightMyRequestResponse) {
  const where = `${res.raw.req.method} ${res.raw.req.url} (${res.statusCode})`;
  expect(res.headers['x-content-type-options'], where).toBe('nosniff');
  expect(res.headers['content-security-policy'], where).toMatch(/default-src 'self'/);
  expect(res.headers['content-security-policy'], where).toMatch(/frame-ancestors 'self'|frame-ancestors 'none'/);
  expect(res.headers['x-frame-options'], where).toMatch(/^(SAMEORIGIN|DENY)$/);
  expect(res.headers['referrer-policy'], where).toBe('no-referrer');
  expect(res.headers['x-powered-by'], where).toBeUndefined();
}
