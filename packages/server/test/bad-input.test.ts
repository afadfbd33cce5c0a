import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_BODY_LIMIT } from '../src/http/app';
import { snapshot } from './support/snapshot';
import { findCitizen, freshMunicipality, loginEmployee, startHarness, type Client, type Harness } from './support/harness';

/**
 * SPEC §7.2: bad input gets a clear error (RFC 9457 problem+json, a Danish
 * message for people, field paths for machines) and changes nothing. Every
 * case below compares a fingerprint of all the municipality's tenant rows and
 * its audit chain head before and after the request.
 */

function expectProblem(res: LightMyRequestResponse, status: number | number[], type?: string) {
  const statuses = Array.isArray(status) ? status : [status];
  expect(statuses, `status ${res.statusCode}: ${res.body}`).toContain(res.statusCode);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json();
  expect(body).toMatchObject({ type: expect.stringMatching(/^https:\/\/helhed\.dk\/problems\//), title: expect.any(String), status: res.statusCode, detail: expect.any(String) });
  // A Danish sentence for people (not a framework message in English).
  expect(body.detail).toMatch(/[æøåÆØÅ]|\b(ikke|skal|er|og|en|et|eller|har|mangler|med|til|som|den|det|der|findes|Send)\b/);
  expect(body.detail).not.toMatch(/\b(expected|invalid|must|should|Unexpected|Body)\b/i);
  if (type) expect(body.type).toBe(`https://helhed.dk/problems/${type}`);
  return body as { type: string; title: string; status: number; detail: string; errors?: { path: string; code: string; message: string }[] };
}

const paths = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path);

describe('bad input: a clear problem, and nothing changes', () => {
  let h: Harness;
  let municipalityId: string;
  let mette: Client;
  let louiseId: string;
  let lotte: { id: string; openCaseId: string | null };
  let caseId: string;

  /** Runs the request and checks that no tenant row and no audit record was added or changed. */
  async function unchanged(send: () => Promise<LightMyRequestResponse>): Promise<LightMyRequestResponse> {
    const before = await snapshot(municipalityId);
    const res = await send();
    const after = await snapshot(municipalityId);
    expect(after, `the request changed data: ${res.statusCode} ${res.body}`).toEqual(before);
    return res;
  }

  const raw = (method: 'POST' | 'PUT' | 'PATCH', url: string, payload: string, contentType = 'application/json') =>
    h.app.inject({ method, url, payload, headers: { cookie: mette.cookie, 'content-type': contentType } });

  beforeAll(async () => {
    h = await startHarness();
    let code: string;
    ({ id: municipalityId, code } = await freshMunicipality());
    mette = await loginEmployee(h.app, 'mette', code);
    louiseId = (await loginEmployee(h.app, 'louise', code)).me.id;
    lotte = await findCitizen(mette, '120591-1002');
    caseId = lotte.openCaseId!;
    expect(caseId).toBeTruthy();
  });

  describe('malformed CPR numbers on registration and search', () => {
    const cases: { cpr: string; why: string; code: string; detail: RegExp }[] = [
      { cpr: '12345', why: 'too short', code: 'cpr.format', detail: /CPR-nummeret skal have formen DDMMÅÅ-SSSS/ },
      { cpr: '320190-1234', why: 'no 32nd of January', code: 'cpr.date', detail: /gyldig fødselsdato/ },
      { cpr: '310490-1234', why: 'no 31st of April', code: 'cpr.date', detail: /gyldig fødselsdato/ },
      { cpr: '290201-1234', why: 'no 29 February in 1901', code: 'cpr.date', detail: /gyldig fødselsdato/ },
      { cpr: 'abcdef-ghij', why: 'letters', code: 'cpr.format', detail: /DDMMÅÅ-SSSS/ },
      { cpr: '010190_1234', why: 'wrong separator', code: 'cpr.format', detail: /DDMMÅÅ-SSSS/ },
      { cpr: '', why: 'empty', code: 'cpr.format', detail: /DDMMÅÅ-SSSS/ },
    ];
    const endpoints = [
      { name: 'register', url: '/api/citizens', body: (cpr: string) => ({ cpr, name: 'Ugyldig Borger' }) },
      { name: 'search', url: '/api/citizens/search', body: (cpr: string) => ({ cpr }) },
    ];
    for (const e of endpoints) {
      for (const c of cases) {
        it(`${e.name}: '${c.cpr}' (${c.why}) is refused with a Danish detail and the path body.cpr`, async () => {
          const res = await unchanged(() => mette.post(e.url, e.body(c.cpr)));
          const body = expectProblem(res, [400, 422]);
          expect(body.detail).toMatch(c.detail);
          expect(body.errors).toEqual([expect.objectContaining({ path: 'body.cpr', code: c.code })]);
          // The refused number is not echoed back.
          if (c.cpr.length >= 5) expect(res.body).not.toContain(c.cpr);
        });
      }
      it(`${e.name}: a CPR longer than 11 characters is refused by the schema at body.cpr`, async () => {
        const res = await unchanged(() => mette.post(e.url, e.body('010190-12345')));
        const body = expectProblem(res, 400, 'validation');
        expect(paths(body)).toEqual(['body.cpr']);
      });
    }
  });

  describe('CPR numbers that fail modulus 11 are valid (issued since 2007)', () => {
    it('010190-1234 fails modulus 11 and is registered (201), found by search, and never put in a header', async () => {
      const digits = '0101901234';
      const weights = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
      expect([...digits].reduce((s, d, i) => s + Number(d) * weights[i]!, 0) % 11).not.toBe(0);

      const reg = await mette.post('/api/citizens', { cpr: '010190-1234', name: 'Modulus Elleve', address: 'Testvej 11, 9999 Demoby' });
      expect(reg.statusCode, reg.body).toBe(201);
      expect(reg.json()).toMatchObject({ cpr: '010190-1234', birthDate: '1990-01-01', sex: 'female' });
      expectNoCprInHeaders(reg, digits);

      const search = await mette.post('/api/citizens/search', { cpr: '010190-1234' });
      expect(search.statusCode).toBe(200);
      expect(search.json().results).toEqual([expect.objectContaining({ id: reg.json().id, birthDate: '1990-01-01' })]);
      expectNoCprInHeaders(search, digits);
    });

    it('020290-1235 without the hyphen also fails modulus 11 and is registered, formatted DDMMYY-SSSS', async () => {
      const reg = await mette.post('/api/citizens', { cpr: '0202901235', name: 'Uden Bindestreg' });
      expect(reg.statusCode, reg.body).toBe(201);
      expect(reg.json()).toMatchObject({ cpr: '020290-1235', birthDate: '1990-02-02', sex: 'male' });
      expectNoCprInHeaders(reg, '0202901235');
    });

    it('registering the same CPR twice is a conflict that changes nothing', async () => {
      const res = await unchanged(() => mette.post('/api/citizens', { cpr: '010190-1234', name: 'Modulus Elleve igen' }));
      expectProblem(res, 409, 'citizen-exists');
      expectNoCprInHeaders(res, '0101901234');
      expect(res.body).not.toContain('010190');
    });
  });

  describe('schema violations: unknown fields, wrong types, missing fields, bad ids', () => {
    const validRegistration = { cpr: '030303-3033', name: 'Gyldig Borger' };
    type Case = { name: string; method: 'POST' | 'PUT' | 'PATCH' | 'GET'; url: () => string; body?: () => unknown; paths: string[]; codes?: string[] };
    const table: Case[] = [
      // unknown fields: strict objects; zod names the key, the path points at it
      { name: 'unknown field on registration', method: 'POST', url: () => '/api/citizens', body: () => ({ ...validRegistration, isAdmin: true }), paths: ['body.isAdmin'], codes: ['unrecognized_keys'] },
      { name: 'two unknown fields on search', method: 'POST', url: () => '/api/citizens/search', body: () => ({ cpr: '120591-1002', a: 1, b: 2 }), paths: ['body.a', 'body.b'] },
      { name: 'unknown field on a citizen update', method: 'PATCH', url: () => `/api/citizens/${lotte.id}`, body: () => ({ name: 'Lotte F.', cpr: '010101-1111' }), paths: ['body.cpr'] },
      { name: 'unknown field on a coordination change', method: 'PUT', url: () => `/api/cases/${caseId}/coordination`, body: () => ({ coordinatorEmployeeId: louiseId, coordinatorTeamId: null, version: 1, force: true }), paths: ['body.force'] },
      { name: 'unknown field on a phase change', method: 'POST', url: () => `/api/cases/${caseId}/phase`, body: () => ({ to: 'closed', version: 1, skipChecks: true }), paths: ['body.skipChecks'] },
      { name: 'unknown field on a consent', method: 'POST', url: () => `/api/citizens/${lotte.id}/consents`, body: () => ({ scope: 'disclosure', counterpart: 'Jobcenter', action: 'given', form: 'digital', recordedBy: 'x' }), paths: ['body.recordedBy'] },
      // wrong types
      { name: 'CPR as a number', method: 'POST', url: () => '/api/citizens', body: () => ({ cpr: 303033033, name: 'X' }), paths: ['body.cpr'], codes: ['invalid_type'] },
      { name: 'name as an array', method: 'POST', url: () => '/api/citizens', body: () => ({ cpr: '030303-3033', name: ['X'] }), paths: ['body.name'], codes: ['invalid_type'] },
      { name: 'version as a string', method: 'POST', url: () => `/api/cases/${caseId}/phase`, body: () => ({ to: 'closed', version: '1' }), paths: ['body.version'] },
      { name: 'version as a fraction', method: 'POST', url: () => `/api/cases/${caseId}/phase`, body: () => ({ to: 'closed', version: 1.5 }), paths: ['body.version'] },
      { name: 'version zero', method: 'POST', url: () => `/api/cases/${caseId}/phase`, body: () => ({ to: 'closed', version: 0 }), paths: ['body.version'] },
      { name: 'an unknown phase', method: 'POST', url: () => `/api/cases/${caseId}/phase`, body: () => ({ to: 'archived', version: 1 }), paths: ['body.to'] },
      { name: 'authority as a string', method: 'POST', url: () => `/api/cases/${caseId}/contacts`, body: () => ({ kind: 'external', name: 'Anna', role: 'Mentor', sector: 'employment', authority: 'yes', since: '2026-11-01' }), paths: ['body.authority'] },
      { name: 'an impossible date', method: 'POST', url: () => `/api/cases/${caseId}/contacts`, body: () => ({ kind: 'external', name: 'Anna', role: 'Mentor', sector: 'employment', authority: false, since: '2026-02-30' }), paths: ['body.since'] },
      { name: 'consent action as a boolean', method: 'POST', url: () => `/api/citizens/${lotte.id}/consents`, body: () => ({ scope: 'holistic_effort', action: true }), paths: ['body.action'] },
      { name: 'citizen id in the body not a uuid', method: 'POST', url: () => '/api/cases', body: () => ({ citizenId: 'lotte' }), paths: ['body.citizenId'] },
      { name: 'an invalid e-mail', method: 'PATCH', url: () => `/api/citizens/${lotte.id}`, body: () => ({ email: 'not-an-email' }), paths: ['body.email'] },
      { name: 'a blank name', method: 'PATCH', url: () => `/api/citizens/${lotte.id}`, body: () => ({ name: '   ' }), paths: ['body.name'] },
      { name: 'an array instead of an object', method: 'POST', url: () => '/api/citizens', body: () => [validRegistration], paths: ['body'] },
      // missing required fields
      { name: 'registration without CPR', method: 'POST', url: () => '/api/citizens', body: () => ({ name: 'X' }), paths: ['body.cpr'] },
      { name: 'registration without a name', method: 'POST', url: () => '/api/citizens', body: () => ({ cpr: '030303-3033' }), paths: ['body.name'] },
      { name: 'phase change without a version', method: 'POST', url: () => `/api/cases/${caseId}/phase`, body: () => ({ to: 'closed' }), paths: ['body.version'] },
      { name: 'coordination without a version', method: 'PUT', url: () => `/api/cases/${caseId}/coordination`, body: () => ({ coordinatorEmployeeId: louiseId, coordinatorTeamId: null }), paths: ['body.version'] },
      { name: 'coordination with neither employee nor team', method: 'PUT', url: () => `/api/cases/${caseId}/coordination`, body: () => ({ coordinatorEmployeeId: null, coordinatorTeamId: null, version: 1 }), paths: ['body.coordinatorEmployeeId'] },
      { name: 'health document without content', method: 'POST', url: () => `/api/citizens/${lotte.id}/health-documents`, body: () => ({ source: 'Psykiatrien', kind: 'other', title: 'Notat' }), paths: ['body.content'] },
      { name: 'an external contact without a name', method: 'POST', url: () => `/api/cases/${caseId}/contacts`, body: () => ({ kind: 'external', role: 'Mentor', sector: 'employment', authority: false, since: '2026-11-01' }), paths: ['body.name'] },
      { name: 'an empty object for a task', method: 'POST', url: () => `/api/tasks/${caseId}/complete`, body: () => ({}), paths: ['body.version'] },
      // invalid ids in the path
      { name: 'citizen id not a uuid (read)', method: 'GET', url: () => '/api/citizens/120591-1002', paths: ['params.citizenId'] },
      { name: 'citizen id not a uuid (update)', method: 'PATCH', url: () => '/api/citizens/lotte', body: () => ({ name: 'X' }), paths: ['params.citizenId'] },
      { name: 'case id not a uuid', method: 'POST', url: () => '/api/cases/1/phase', body: () => ({ to: 'closed', version: 1 }), paths: ['params.caseId'] },
      { name: 'case id not a uuid (coordination)', method: 'PUT', url: () => `/api/cases/${caseId.slice(0, 35)}/coordination`, body: () => ({ coordinatorEmployeeId: louiseId, coordinatorTeamId: null, version: 1 }), paths: ['params.caseId'] },
      { name: 'contact id not a uuid', method: 'POST', url: () => `/api/cases/${caseId}/contacts/x/end`, body: () => ({ endedOn: '2026-11-23' }), paths: ['params.contactId'] },
      { name: 'task id not a uuid', method: 'POST', url: () => '/api/tasks/%27%20or%201=1--/complete', body: () => ({ version: 1 }), paths: ['params.id'] },
      { name: 'health document id not a uuid', method: 'GET', url: () => '/api/health-documents/abc', paths: ['params.id'] },
    ];
    for (const c of table) {
      it(`${c.name} → 400 at ${c.paths.join(', ')}`, async () => {
        const res = await unchanged(() => (c.body ? mette.request(c.method, c.url(), c.body()) : mette.request(c.method, c.url())));
        const body = expectProblem(res, 400, 'validation');
        expect(body.detail).toBe('Nogle oplysninger mangler eller har forkert form. Se felterne.');
        expect(paths(body)).toEqual(expect.arrayContaining(c.paths));
        // Every field error carries a path, a code and a message (Danish, from the Zod locale).
        for (const e of body.errors ?? []) {
          expect(e).toEqual({ path: expect.stringMatching(/^(body|params|querystring|headers)(\.|$)/), code: expect.any(String), message: expect.any(String) });
          expect(e.message).not.toMatch(/^(Invalid|Expected|Unrecognized)/);
        }
        if (c.codes) expect(body.errors!.map((e) => e.code)).toEqual(c.codes);
      });
    }
  });

  describe('malformed bodies, other content types, oversized bodies', () => {
    const malformed = ['{"cpr":', '{"cpr": "030303-3033",}', "{'cpr': '030303-3033'}", '', 'undefined', '{"__proto__": {"admin": true}, "cpr": "030303-3033", "name": "X"}'];
    for (const payload of malformed) {
      it(`malformed JSON ${JSON.stringify(payload)} → 400 malformed-json`, async () => {
        const res = await unchanged(() => raw('POST', '/api/citizens', payload));
        const body = expectProblem(res, 400, 'malformed-json');
        expect(body.detail).toBe('Forespørgslen indeholder ikke gyldig JSON.');
      });
    }

    it('malformed JSON on PUT and PATCH too', async () => {
      expectProblem(await unchanged(() => raw('PUT', `/api/cases/${caseId}/coordination`, '{"version": 1')), 400, 'malformed-json');
      expectProblem(await unchanged(() => raw('PATCH', `/api/citizens/${lotte.id}`, '{name: "X"}')), 400, 'malformed-json');
    });

    const contentTypes: [string, string][] = [
      ['text/plain', JSON.stringify({ cpr: '030303-3033', name: 'Tekst Borger' })],
      ['application/x-www-form-urlencoded', 'cpr=030303-3033&name=Form+Borger'],
      ['application/xml', '<citizen><cpr>030303-3033</cpr><name>XML Borger</name></citizen>'],
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="cpr"\r\n\r\n030303-3033\r\n--x--\r\n'],
    ];
    for (const [type, payload] of contentTypes) {
      it(`content type ${type} → 415 unsupported-media-type`, async () => {
        const res = await unchanged(() => raw('POST', '/api/citizens', payload, type));
        const body = expectProblem(res, 415, 'unsupported-media-type');
        expect(body.detail).toMatch(/JSON/);
      });
    }

    it(`a body over API_BODY_LIMIT (${API_BODY_LIMIT} bytes) → 413 body-too-large`, async () => {
      const payload = JSON.stringify({ cpr: '030303-3033', name: 'Stor', address: 'x'.repeat(API_BODY_LIMIT) });
      expect(Buffer.byteLength(payload)).toBeGreaterThan(API_BODY_LIMIT);
      const res = await unchanged(() => raw('POST', '/api/citizens', payload));
      expectProblem(res, 413, 'body-too-large');
    });

    it('a body just under the limit is parsed (and then refused by the schema, not by size)', async () => {
      const filler = 'x'.repeat(API_BODY_LIMIT - 100);
      const payload = JSON.stringify({ cpr: '030303-3033', name: 'Næsten for stor', address: filler });
      expect(Buffer.byteLength(payload)).toBeLessThanOrEqual(API_BODY_LIMIT);
      const res = await unchanged(() => raw('POST', '/api/citizens', payload));
      const body = expectProblem(res, 400, 'validation');
      expect(paths(body)).toEqual(['body.address']);
    });
  });

  describe('concurrent edits: a stale version is a conflict and changes nothing', () => {
    it('PUT /api/cases/:id/coordination with a stale version → 409 stale-version', async () => {
      const seen = (await mette.get(`/api/cases/${caseId}`)).json();
      // Someone else saves first (the same coordinator, a reason recorded): the version moves on.
      const first = await mette.put(`/api/cases/${caseId}/coordination`, {
        coordinatorEmployeeId: mette.me.id,
        coordinatorTeamId: seen.coordinatingTeam?.id ?? null,
        version: seen.version,
        reason: 'Bekræftet på teammøde',
      });
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json().version).toBe(seen.version + 1);

      // The second change, made on the stale copy, tries to hand the case to Louise.
      const res = await unchanged(() =>
        mette.put(`/api/cases/${caseId}/coordination`, { coordinatorEmployeeId: louiseId, coordinatorTeamId: null, version: seen.version, reason: 'Overdragelse' }),
      );
      const body = expectProblem(res, 409, 'stale-version');
      expect(body.detail).toMatch(/ændret af en anden/);
      const now = (await mette.get(`/api/cases/${caseId}`)).json();
      expect(now.version).toBe(seen.version + 1);
      expect(now.coordinator.id).toBe(mette.me.id);
    });

    it('POST /api/cases/:id/phase with a stale version → 409 stale-version', async () => {
      const current = (await mette.get(`/api/cases/${caseId}`)).json();
      expect(current.phase).not.toBe('closed');
      for (const version of [current.version - 1, current.version + 1]) {
        if (version < 1) continue;
        const res = await unchanged(() => mette.post(`/api/cases/${caseId}/phase`, { to: 'closed', version }));
        expectProblem(res, 409, 'stale-version');
      }
      const after = (await mette.get(`/api/cases/${caseId}`)).json();
      expect(after).toMatchObject({ phase: current.phase, version: current.version, closedAt: null });
    });
  });

  describe('CPR numbers stay out of URLs and headers', () => {
    it('no path or parameter of the API carries a CPR number', async () => {
      const spec = (await h.app.inject({ method: 'GET', url: '/openapi.json' })).json();
      const operations = Object.entries<Record<string, any>>(spec.paths).flatMap(([path, ops]) =>
        Object.entries<any>(ops).map(([method, op]) => ({ path, method, op })),
      );
      expect(operations.length).toBeGreaterThan(10);
      for (const { path, method, op } of operations) {
        expect(path, `${method} ${path}`).not.toMatch(/cpr/i);
        for (const p of op.parameters ?? []) {
          expect(`${p.in}:${p.name}`, `${method} ${path}`).not.toMatch(/cpr|personnummer/i);
          expect(JSON.stringify(p.schema ?? {}), `${method} ${path} ${p.name}`).not.toMatch(/cpr/i);
        }
      }
      // The one search by CPR is a POST with the number in the body.
      expect(spec.paths['/api/citizens/search'].get).toBeUndefined();
      expect(spec.paths['/api/citizens/search'].post.requestBody.content['application/json'].schema.properties.cpr).toBeDefined();
    });

    it('a CPR number in a query string is not accepted as a search', async () => {
      const res = await unchanged(() => mette.get('/api/citizens?cpr=120591-1002'));
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.body).not.toContain('Lotte');
    });
  });
});

function expectNoCprInHeaders(res: LightMyRequestResponse, digits: string) {
  const formatted = `${digits.slice(0, 6)}-${digits.slice(6)}`;
  expect(res.headers.location).toBeUndefined();
  for (const [name, value] of Object.entries(res.headers)) {
    const text = Array.isArray(value) ? value.join(',') : String(value);
    expect(text, `header ${name}`).not.toContain(digits);
    expect(text, `header ${name}`).not.toContain(formatted);
  }
}
