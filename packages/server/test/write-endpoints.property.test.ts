import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from './support/database';
import { snapshot, tenantTableNames } from './support/snapshot';
import { freshMunicipality, loginEmployee, startHarness, type Client, type Harness } from './support/harness';

/**
 * SPEC §7.2 "bad input gets a clear error and changes nothing", as a
 * property over every write endpoint the app publishes in /openapi.json:
 * guaranteed-invalid bodies (not an object; a valid body plus an unknown key;
 * a valid body with one field of the wrong type) always get a 4xx
 * problem+json and leave every tenant row and the audit chain as they were.
 *
 * Reproduce a failure with FC_SEED=<seed printed by fast-check>.
 */

/** runs per endpoint and kind of invalid body (three kinds: about 36 per endpoint) */
const NUM_RUNS = Number(process.env.FC_RUNS ?? 12);
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;

// ---------------------------------------------------------------- snapshot

/** The cheap check after each run: the audit head and the total number of tenant rows (the full snapshot follows each property). */
async function counts(municipalityId: string): Promise<{ auditLastSeq: number; rows: number }> {
  const { db } = await testDatabase();
  const total = sql.join((await tenantTableNames()).map((t) => sql`(select count(*) from ${sql.table(t)} where municipality_id = ${municipalityId})`), sql` + `);
  const { rows } = await sql<{ seq: number; rows: number }>`
    select (select last_seq from audit_chain_head where municipality_id = ${municipalityId}) as seq, (${total})::int as rows
  `.execute(db);
  return { auditLastSeq: Number(rows[0]!.seq), rows: Number(rows[0]!.rows) };
}

// ---------------------------------------------------------------- JSON schema helpers

type JsonSchema = Record<string, any>;
type Kind = 'string' | 'integer' | 'float' | 'boolean' | 'null' | 'array' | 'object';
const ALL_KINDS: Kind[] = ['string', 'integer', 'float', 'boolean', 'null', 'array', 'object'];

const kindOf = (v: unknown): Kind =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'float') : (typeof v as Kind);

/** The JSON kinds a property schema admits; all kinds when the schema does not say. */
function allowedKinds(schema: JsonSchema): Set<Kind> {
  const branches = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(branches)) return new Set(branches.flatMap((b: JsonSchema) => [...allowedKinds(b)]));
  const types: string[] = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length === 0 && Array.isArray(schema.enum)) return new Set(schema.enum.map(kindOf));
  if (types.length === 0 && 'const' in schema) return new Set([kindOf(schema.const)]);
  if (types.length === 0) return new Set(ALL_KINDS);
  return new Set(types.flatMap((t): Kind[] => (t === 'number' ? ['integer', 'float'] : [t as Kind])));
}

const valueOfKind: Record<Kind, fc.Arbitrary<unknown>> = {
  string: fc.string({ maxLength: 12 }),
  integer: fc.integer(),
  float: fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Number.isInteger(x)),
  boolean: fc.boolean(),
  null: fc.constant(null),
  array: fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
  object: fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
};

/** A value whose JSON type the property schema does not admit (null for a required-but-nullable field is not wrong). */
function wrongValue(schema: JsonSchema): fc.Arbitrary<unknown> | null {
  const allowed = allowedKinds(schema);
  const wrong = ALL_KINDS.filter((k) => !allowed.has(k));
  return wrong.length ? fc.oneof(...wrong.map((k) => valueOfKind[k])) : null;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// ---------------------------------------------------------------- the endpoints

interface Ids {
  citizenId: string;
  caseId: string;
  contactId: string;
  taskId: string;
  healthDocumentId: string;
  /** a registered citizen without a case, for opening one */
  citizenWithoutCaseId: string;
  coordinatorId: string;
  /** a draft decision of the case, and a complaint about an earlier issued one */
  decisionId: string;
  complaintId: string;
  /** coordination (migration 0005) */
  interventionId: string;
  calendarEntryId: string;
  messageThreadId: string;
}

const HEALTH_SOURCE = 'Psykiatrien Region Demo';

/**
 * A valid body per known write endpoint: the mutations below are invalid only
 * because of what they change. The last test sends each of these once and
 * expects success, so they cannot silently rot into invalid bodies.
 */
const VALID_BODIES: Record<string, (ids: Ids, client: Client) => Promise<Record<string, unknown>>> = {
  'POST /api/citizens': async () => ({ cpr: '240280-1234', name: 'Egenskab Testesen', address: 'Prøvevej 3, 9999 Demoby' }),
  'POST /api/citizens/search': async () => ({ cpr: '240280-1234' }),
  'PATCH /api/citizens/{citizenId}': async () => ({ address: 'Nyvej 7, 9999 Demoby', phone: null }),
  'POST /api/citizens/{citizenId}/consents': async () => ({ scope: 'disclosure', counterpart: 'Boligselskabet Demo', action: 'given', form: 'paper_scanned', documentRef: 'Scanning nr. 7' }),
  'POST /api/citizens/{citizenId}/health-documents': async () => ({ source: HEALTH_SOURCE, kind: 'discharge_agreement', title: 'Udskrivningsaftale', content: 'Aftalt opfølgning.' }),
  'POST /api/cases': async (ids) => ({ citizenId: ids.citizenWithoutCaseId }),
  'PUT /api/cases/{caseId}/coordination': async (ids, c) => ({
    coordinatorEmployeeId: ids.coordinatorId,
    coordinatorTeamId: null,
    version: (await c.get(`/api/cases/${ids.caseId}`)).json().version,
    reason: 'Bekræftet på teammøde',
  }),
  'POST /api/cases/{caseId}/phase': async (ids, c) => ({ to: 'closed', version: (await c.get(`/api/cases/${ids.caseId}`)).json().version }),
  'POST /api/cases/{caseId}/contacts': async () => ({ kind: 'external', name: 'Anna Ekstern', role: 'Mentor', sector: 'employment', organisation: 'Mentorhuset', authority: false, since: '2026-11-02' }),
  'POST /api/cases/{caseId}/contacts/{contactId}/end': async () => ({ endedOn: '2026-11-20' }),
  'POST /api/cases/{caseId}/interventions': async () => ({ title: 'Mentorstøtte', sector: 'employment', legalBasis: 'LAB § 78', status: 'planned', startDate: '2026-12-01' }),
  'POST /api/cases/{caseId}/visitations': async (_ids, c) => ({
    catalogueItemId: (await c.get('/api/catalogue')).json().items.find((i: { kind: string }) => i.kind === 'sel_101').id,
    plannedStart: '2026-12-01',
    quantity: 4,
  }),
  'POST /api/cases/{caseId}/rehabilitation': async () => ({ kind: 'rehabilitation_team', concerns: 'fleksjob', meetingOn: '2026-11-19', recommendation: 'Teamet indstiller til fleksjob.' }),
  'POST /api/outreach/registrations': async () => ({ name: 'Ukendt kvinde', approximateBirthYear: 1990, sex: 'female', site: 'Værestedet', needs: ['housing'] }),
  'POST /api/cases/{caseId}/calendar': async () => ({ title: 'Psykolog', kind: 'psychologist', start: '2026-12-02T13:00:00+01:00', end: '2026-12-02T14:00:00+01:00', place: { name: 'Havnegade 12', area: 'Havnen' }, carrier: { text: 'Psykolog' }, recurrence: { frequency: 'biweekly', until: '2027-02-01' } }),
  'PATCH /api/calendar-entries/{id}': async () => ({ version: 1, title: 'Samtale med mentor', start: '2026-12-01T10:30:00+01:00', end: '2026-12-01T11:30:00+01:00', carrier: null }),
  'POST /api/calendar-entries/{id}/cancel': async (ids, c) => ({
    version: (await c.get(`/api/cases/${ids.caseId}/calendar?from=2026-12-01&to=2026-12-01`)).json().occurrences.find((o: { entryId: string }) => o.entryId === ids.calendarEntryId).version,
    reason: 'Aflyst af borgeren',
  }),
  'POST /api/partners': async () => ({ kind: 'civil_society', name: 'Frivillighuset', area: 'Centrum' }),
  'PUT /api/cases/{caseId}/interventions/{interventionId}/partner': async () => ({ partnerId: null }),
  'POST /api/citizens/{citizenId}/network': async () => ({ name: 'Else Nabo', relation: 'Nabo' }),
  'POST /api/cases/{caseId}/new-information': async () => ({ title: 'Ny praktikplads', note: 'Fra virksomhedskonsulenten.' }),
  'POST /api/cases/{caseId}/messages': async () => ({ subject: 'Møde', body: 'Vi ses tirsdag.' }),
  'POST /api/message-threads/{id}/messages': async () => ({ body: 'Tak for beskeden.' }),
  'POST /api/tasks/{id}/complete': async (ids, c) => {
    const task = (await c.get(`/api/cases/${ids.caseId}/tasks`)).json().items.find((t: { id: string }) => t.id === ids.taskId);
    return { version: task.version, note: 'Afgjort efter sektorloven.' };
  },
  // Decisions and complaints, in an order that works: the draft is edited and issued, then complained about, then drafted anew.
  'PATCH /api/decisions/{decisionId}': async (ids, c) => ({ version: (await c.get(`/api/decisions/${ids.decisionId}`)).json().version, reasoning: 'Begrundet.' }),
  'POST /api/decisions/{decisionId}/issue': async (ids, c) => ({ version: (await c.get(`/api/decisions/${ids.decisionId}`)).json().version, channel: 'digital_post' }),
  'POST /api/decisions/{decisionId}/complaints': async () => ({ scope: 'whole', channel: 'letter', receivedOn: '2026-11-23', text: 'Klage.' }),
  'POST /api/cases/{caseId}/decisions': async () => ({ reasoning: 'Samlet indsats.' }),
  'POST /api/complaints/{complaintId}/reassessment': async (ids, c) => ({ version: (await c.get(`/api/complaints/${ids.complaintId}`)).json().version, outcome: 'uphold', reasoning: 'Fastholdt.' }),
  'POST /api/complaints/{complaintId}/appeal-result': async (ids, c) => ({ version: (await c.get(`/api/complaints/${ids.complaintId}`)).json().version, result: 'stadfaestet', receivedOn: '2026-11-23' }),
};
/** Order for sending the valid bodies once: the case is closed last. */
const VALID_ORDER = Object.keys(VALID_BODIES).sort((a, b) => Number(a.endsWith('/phase')) - Number(b.endsWith('/phase')));

/** For a write endpoint nobody has listed yet: a plausible body from its schema. */
function exampleFor(schema: JsonSchema, ids: Ids): unknown {
  const branches = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(branches)) return exampleFor(branches.find((b: JsonSchema) => b.type !== 'null') ?? branches[0], ids);
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if ('const' in schema) return schema.const;
  switch (Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type) {
    case 'string':
      if (schema.format === 'uuid') return ids.citizenId;
      if (schema.format === 'date') return '2026-11-23';
      if (schema.format === 'date-time') return '2026-11-23T09:00:00Z';
      if (schema.format === 'email') return 'test@example.org';
      return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
    case 'integer':
    case 'number':
      return Math.max(1, schema.minimum ?? 1);
    case 'boolean':
      return true;
    case 'array':
      return [];
    case 'object':
      return Object.fromEntries((schema.required ?? []).map((k: string) => [k, exampleFor(schema.properties?.[k] ?? {}, ids)]));
    default:
      return null;
  }
}

function substitutePath(path: string, ids: Ids): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string, offset: number) => {
    const segment = path.slice(0, offset).split('/').filter(Boolean).pop();
    const id =
      name === 'citizenId' ? ids.citizenId
      : name === 'caseId' ? ids.caseId
      : name === 'contactId' ? ids.contactId
      : name === 'id' && segment === 'tasks' ? ids.taskId
      : name === 'id' && segment === 'health-documents' ? ids.healthDocumentId
      : name === 'decisionId' ? ids.decisionId
      : name === 'complaintId' ? ids.complaintId
      : name === 'id' && segment === 'calendar-entries' ? ids.calendarEntryId
      : name === 'id' && segment === 'message-threads' ? ids.messageThreadId
      : name === 'interventionId' ? ids.interventionId
      // Visitation: an invalid body is refused before any look-up, so a fresh id does.
      : ['itemId', 'requestId', 'budgetId'].includes(name) ? crypto.randomUUID()
      // Organisation settings (the administrator's): likewise refused before any look-up.
      : name === 'id' && segment === 'authority-limits' ? crypto.randomUUID()
      : null;
    if (!id) throw new Error(`no test id for path parameter {${name}} in ${path}: add it to substitutePath`);
    return id;
  });
}

interface WriteEndpoint {
  key: string;
  method: 'POST' | 'PUT' | 'PATCH';
  url: string;
  schema: JsonSchema;
  valid: Record<string, unknown>;
  known: boolean;
}

type Attempt =
  | { kind: 'non-object'; value: unknown }
  | { kind: 'unknown-key'; key: string; value: unknown }
  | { kind: 'wrong-type'; key: string; value: unknown };

/** One arbitrary per kind of invalid body, so each kind gets its share of runs. */
function attempts(e: WriteEndpoint): fc.Arbitrary<Attempt>[] {
  const props: JsonSchema = e.schema.properties ?? {};
  const known = new Set([...Object.keys(props), ...Object.keys(e.valid)]);
  const nonObject = fc
    .anything({ maxDepth: 2 })
    .filter((v) => !isPlainObject(v))
    .map((value): Attempt => ({ kind: 'non-object', value }));
  const unknownKey = fc
    .tuple(
      fc.string({ minLength: 1, maxLength: 16 }).filter((k) => !known.has(k) && k !== '__proto__' && k !== 'constructor'),
      fc.jsonValue({ maxDepth: 2 }),
    )
    .map(([key, value]): Attempt => ({ kind: 'unknown-key', key, value }));
  const typed = Object.entries(props).flatMap(([key, s]) => {
    const wrong = wrongValue(s as JsonSchema);
    return wrong ? [wrong.map((value): Attempt => ({ kind: 'wrong-type', key, value }))] : [];
  });
  return [nonObject, unknownKey, ...(typed.length ? [fc.oneof(...typed)] : [])];
}

function payloadOf(e: WriteEndpoint, a: Attempt): string {
  if (a.kind === 'non-object') return JSON.stringify(a.value) ?? '';
  return JSON.stringify({ ...e.valid, [a.key]: a.value });
}

// ---------------------------------------------------------------- the test

describe('property: every write endpoint refuses invalid bodies and writes nothing', () => {
  let h: Harness;
  let municipalityId: string;
  let mette: Client;
  let ids: Ids;
  let endpoints: WriteEndpoint[] = [];

  const ok = async (res: Promise<LightMyRequestResponse>, status = 201) => {
    const r = await res;
    expect(r.statusCode, r.body).toBe(status);
    return r.json();
  };

  beforeAll(async () => {
    h = await startHarness();
    let code: string;
    ({ id: municipalityId, code } = await freshMunicipality());
    mette = await loginEmployee(h.app, 'mette', code);

    // Real ids of this municipality, made through the API as mette would.
    const citizen = await ok(mette.post('/api/citizens', { cpr: '150380-1122', name: 'Fuzz Borgersen', address: 'Testvej 9, 9999 Demoby' }));
    const kase = await ok(mette.post('/api/cases', { citizenId: citizen.id }));
    await ok(mette.post(`/api/citizens/${citizen.id}/consents`, { scope: 'holistic_effort', action: 'given', form: 'paper_scanned' }));
    await ok(mette.post(`/api/citizens/${citizen.id}/consents`, { scope: 'health_information', counterpart: HEALTH_SOURCE, action: 'given', form: 'digital' }));
    const document = await ok(mette.post(`/api/citizens/${citizen.id}/health-documents`, { source: HEALTH_SOURCE, kind: 'other', title: 'Notat', content: 'Kort notat.' }));
    const contact = await ok(mette.post(`/api/cases/${kase.id}/contacts`, { kind: 'external', name: 'Bo Ekstern', role: 'Misbrugsbehandler', sector: 'health', authority: false, since: '2026-10-01' }));
    const intervention = await ok(mette.post(`/api/cases/${kase.id}/interventions`, { title: 'socialpædagogisk støtte', sector: 'adult_social', legalBasis: 'serviceloven § 85', status: 'running' }));
    const entry = await ok(mette.post(`/api/cases/${kase.id}/calendar`, { title: 'Samtale', kind: 'mentor', start: '2026-12-01T10:00:00+01:00', end: '2026-12-01T11:00:00+01:00' }));
    const thread = await ok(mette.post(`/api/cases/${kase.id}/messages`, { subject: 'Velkommen', body: 'Skriv endelig, hvis du har spørgsmål.' }));
    // Withdrawing the holistic consent raises a sector-law task per running intervention; then it is given again.
    const withdrawn = await ok(mette.post(`/api/citizens/${citizen.id}/consents`, { scope: 'holistic_effort', action: 'withdrawn' }));
    expect(withdrawn.tasks).toHaveLength(1);
    await ok(mette.post(`/api/citizens/${citizen.id}/consents`, { scope: 'holistic_effort', action: 'given', form: 'digital' }));
    const other = await ok(mette.post('/api/citizens', { cpr: '160481-2233', name: 'Uden Sag' }));
    const issued = (await ok(mette.post(`/api/cases/${kase.id}/decisions`, { reasoning: 'Samlet indsats.', elements: [] }))).items[0];
    const withReasons = await ok(mette.patch(`/api/decisions/${issued.id}`, { version: issued.version, elements: issued.elements.map((e: { interventionId: string }) => ({ interventionId: e.interventionId, reasoning: 'Begrundet.' })) }), 200);
    await ok(mette.post(`/api/decisions/${issued.id}/issue`, { version: withReasons.version, channel: 'digital_post' }), 200);
    const complaint = await ok(mette.post(`/api/decisions/${issued.id}/complaints`, { scope: 'whole', channel: 'phone', receivedOn: '2026-11-23', text: 'Klage.' }));
    const draft = (await ok(mette.post(`/api/cases/${kase.id}/decisions`, { reasoning: 'Samlet indsats.', elements: [{ interventionId: issued.elements[0].interventionId, reasoning: 'Begrundet.' }] }))).items[0];
    ids = {
      citizenId: citizen.id,
      caseId: kase.id,
      contactId: contact.id,
      taskId: withdrawn.tasks[0].id,
      healthDocumentId: document.id,
      citizenWithoutCaseId: other.id,
      coordinatorId: mette.me.id,
      decisionId: draft.id,
      complaintId: complaint.id,
      interventionId: intervention.id,
      calendarEntryId: entry.entryId,
      messageThreadId: thread.id,
    };

    const spec = (await h.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    for (const [path, ops] of Object.entries<Record<string, any>>(spec.paths)) {
      if (!path.startsWith('/api/')) continue;
      for (const [method, op] of Object.entries<any>(ops)) {
        if (!['post', 'put', 'patch'].includes(method)) continue;
        const schema = op.requestBody?.content?.['application/json']?.schema;
        if (!schema) continue; // no body, nothing to be invalid
        const key = `${method.toUpperCase()} ${path}`;
        const valid = VALID_BODIES[key] ? await VALID_BODIES[key](ids, mette) : (exampleFor(schema, ids) as Record<string, unknown>);
        endpoints.push({ key, method: method.toUpperCase() as WriteEndpoint['method'], url: substitutePath(path, ids), schema, valid, known: key in VALID_BODIES });
      }
    }
    const unlisted = endpoints.filter((e) => !e.known).map((e) => e.key);
    if (unlisted.length) console.warn(`write endpoints without a hand-made valid body (schema examples used): ${unlisted.join(', ')}`);
  });

  it('finds every write endpoint in the OpenAPI document', () => {
    expect(endpoints.map((e) => e.key)).toEqual(expect.arrayContaining(Object.keys(VALID_BODIES)));
  });

  it('each endpoint: 4xx problem+json with type, title, status and detail, and no row or audit record changed', async () => {
    expect(endpoints.length).toBeGreaterThanOrEqual(12);
    for (const e of endpoints) {
      const before = await snapshot(municipalityId);
      const beforeCounts = { auditLastSeq: before.auditLastSeq, rows: Object.values(before.tables).reduce((n, t) => n + t.rows, 0) };
      const refusedWithoutWriting = async (a: Attempt) => {
        const payload = payloadOf(e, a);
        const res = await h.app.inject({ method: e.method, url: e.url, payload, headers: { cookie: mette.cookie, 'content-type': 'application/json' } });
        const what = `${e.key} ${a.kind} ${payload.slice(0, 200)} → ${res.statusCode} ${res.body.slice(0, 300)}`;
        expect(res.statusCode, what).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, what).toBeLessThan(500);
        expect(res.headers['content-type'], what).toMatch(/^application\/problem\+json/);
        expect(res.headers['cache-control'], what).toBe('no-store');
        const body = res.json();
        expect(body, what).toMatchObject({ type: expect.stringMatching(/^https:\/\/helhed\.dk\/problems\/[a-z-]+$/), title: expect.any(String), status: res.statusCode, detail: expect.any(String) });
        expect(body.detail.length, what).toBeGreaterThan(0);
        const paths: string[] = (body.errors ?? []).map((x: { path: string }) => x.path);
        if (body.type.endsWith('/validation')) {
          expect(res.statusCode, what).toBe(400);
          if (a.kind === 'non-object') expect(paths, what).toContain('body');
          else expect(paths.some((p) => p === `body.${a.key}` || p.startsWith(`body.${a.key}.`)), what).toBe(true);
        } else {
          // Only a body that is not JSON at all (a top-level undefined, or a __proto__ key inside a value) may fail otherwise.
          expect(body.type, what).toBe('https://helhed.dk/problems/malformed-json');
        }
        expect(await counts(municipalityId), `${what}: rows or audit records added`).toEqual(beforeCounts);
      };
      for (const arbitrary of attempts(e)) {
        await fc.assert(fc.asyncProperty(arbitrary, refusedWithoutWriting), { numRuns: NUM_RUNS, seed: SEED, endOnFailure: true });
        // No row changed either (an update keeps the counts).
        expect(await snapshot(municipalityId), `${e.key}: data changed`).toEqual(before);
      }
    }
  }, 60_000);

  it('the valid bodies the mutations start from are accepted (so the refusals above are due to the mutation)', async () => {
    for (const key of VALID_ORDER) {
      const e = endpoints.find((x) => x.key === key)!;
      const body = await VALID_BODIES[key]!(ids, mette);
      const res = await h.app.inject({ method: e.method, url: e.url, payload: body, headers: { cookie: mette.cookie } });
      expect(res.statusCode, `${key}: ${res.body}`).toBeGreaterThanOrEqual(200);
      expect(res.statusCode, `${key}: ${res.body}`).toBeLessThan(300);
    }
  });
});
