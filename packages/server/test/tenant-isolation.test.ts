import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { inMunicipality } from '../src/db/transactions';
import { APP_ROLE } from '../src/db/migrations/tenant-security';
import { demoMunicipality } from '../src/seed/demo-municipality';
import { testDatabase, usingPostgres } from './support/database';
import { findCitizen, freshMunicipality, loginEmployee, startHarness, type Client, type Harness } from './support/harness';

/**
 * Municipality isolation (SPEC §7.3): the access gateway scopes every query to
 * the caller's municipality, so another municipality's ids are simply not
 * found; PostgreSQL row-level security is the second wall underneath.
 */
describe('tenant isolation between two municipalities', () => {
  let h: Harness;
  let A: { id: string; code: string };
  let B: { id: string; code: string };
  let jonasA: Client;
  let jonasB: Client;
  /** ids that exist only in municipality B */
  const b = { citizenId: '', caseId: '', taskId: '', healthDocumentId: '', contactId: '', newCitizenCpr: '311299-1234', newCitizenId: '' };

  beforeAll(async () => {
    h = await startHarness();
    A = await freshMunicipality();
    B = await freshMunicipality();
    jonasA = await loginEmployee(h.app, 'jonas', A.code);
    jonasB = await loginEmployee(h.app, 'jonas', B.code);

    // Municipality B's data for Mads (coordinator jonas): a case, contacts, a task, a health document.
    const mads = await findCitizen(jonasB, '090704-4009');
    b.citizenId = mads.id;
    b.caseId = mads.openCaseId!;
    const contacts = (await jonasB.get(`/api/cases/${b.caseId}/contacts`)).json();
    b.contactId = contacts.items[0].id;
    const withdrawn = await jonasB.post(`/api/citizens/${b.citizenId}/consents`, { scope: 'holistic_effort', action: 'withdrawn' });
    expect(withdrawn.statusCode).toBe(201);
    b.taskId = withdrawn.json().tasks[0].id;
    const doc = await jonasB.post(`/api/citizens/${b.citizenId}/health-documents`, {
      source: 'Rusmiddelcenter Demoby',
      kind: 'other',
      title: 'Behandlingsplan',
      content: 'Fortroligt indhold fra kommune B',
    });
    expect(doc.statusCode, doc.body).toBe(201);
    b.healthDocumentId = doc.json().id;
    // A citizen who exists only in B (the demo citizens exist in both copies).
    const reg = await jonasB.post('/api/citizens', { cpr: b.newCitizenCpr, name: 'Kun I Kommune B', address: 'Bvej 2, 9999 Demoby' });
    expect(reg.statusCode).toBe(201);
    b.newCitizenId = reg.json().id;
  });

  async function deniedNotFoundRowsInA() {
    const { db } = await testDatabase();
    return db
      .selectFrom('audit_log')
      .selectAll()
      .where('municipality_id', '=', A.id)
      .where('actor_id', '=', jonasA.me.id)
      .where('outcome', '=', 'denied')
      .orderBy('seq')
      .execute();
  }

  const probes: { what: string; action: string; call: () => Promise<{ statusCode: number; headers: Record<string, unknown>; json(): any }> }[] = [
    { what: 'citizen master data', action: 'citizen.read', call: () => jonasA.get(`/api/citizens/${b.citizenId}`) },
    { what: 'citizen update', action: 'case.update', call: () => jonasA.patch(`/api/citizens/${b.citizenId}`, { phone: '+45 00 00 00 00' }) },
    { what: 'case', action: 'case.read', call: () => jonasA.get(`/api/cases/${b.caseId}`) },
    { what: 'contacts', action: 'contact.read', call: () => jonasA.get(`/api/cases/${b.caseId}/contacts`) },
    {
      what: 'ending a contact',
      action: 'contact.write',
      call: () => jonasA.post(`/api/cases/${b.caseId}/contacts/${b.contactId}/end`, { endedOn: '2026-11-23' }),
    },
    { what: 'consents', action: 'consent.read', call: () => jonasA.get(`/api/citizens/${b.citizenId}/consents`) },
    {
      what: 'recording consent',
      action: 'consent.record',
      call: () => jonasA.post(`/api/citizens/${b.citizenId}/consents`, { scope: 'holistic_effort', action: 'given', form: 'digital' }),
    },
    { what: 'case tasks', action: 'task.read', call: () => jonasA.get(`/api/cases/${b.caseId}/tasks`) },
    { what: 'completing a task', action: 'task.write', call: () => jonasA.post(`/api/tasks/${b.taskId}/complete`, { version: 1 }) },
    { what: 'case events', action: 'event.read', call: () => jonasA.get(`/api/cases/${b.caseId}/events`) },
    { what: 'health document list', action: 'health.read', call: () => jonasA.get(`/api/citizens/${b.citizenId}/health-documents`) },
    { what: 'one health document', action: 'health.read', call: () => jonasA.get(`/api/health-documents/${b.healthDocumentId}`) },
    { what: 'sector records', action: 'sector_record.read', call: () => jonasA.get(`/api/citizens/${b.citizenId}/sector-records`) },
    { what: 'interventions', action: 'case.read', call: () => jonasA.get(`/api/cases/${b.caseId}/interventions`) },
    { what: 'opening a case', action: 'case.create', call: () => jonasA.post('/api/cases', { citizenId: b.newCitizenId }) },
  ];

  it("a caseworker of A gets 404 problem+json for every kind of B's data by its id, and each attempt is audited in A's chain as denied/not_found", async () => {
    for (const probe of probes) {
      const before = await deniedNotFoundRowsInA();
      const res = await probe.call();
      expect(res.statusCode, probe.what).toBe(404);
      expect(res.headers['content-type'], probe.what).toMatch(/^application\/problem\+json/);
      expect(res.json(), probe.what).toMatchObject({ type: 'https://helhed.dk/problems/not-found', status: 404 });
      // Nothing of B's leaks into the answer.
      expect(JSON.stringify(res.json()), probe.what).not.toContain('Mads');

      const after = await deniedNotFoundRowsInA();
      expect(after.length, probe.what).toBe(before.length + 1);
      const row = after.at(-1)!;
      expect(row, probe.what).toMatchObject({ outcome: 'denied', reason: 'not_found', actor_kind: 'employee', citizen_id: null, purpose: 'case_handling' });
      expect(row.action, probe.what).toBe(probe.action);
    }
  });

  it("B's chain records none of A's attempts, and B's data is unchanged by them", async () => {
    const { db } = await testDatabase();
    const foreign = await db.selectFrom('audit_log').select('seq').where('municipality_id', '=', B.id).where('actor_id', '=', jonasA.me.id).execute();
    expect(foreign).toEqual([]);
    const task = (await jonasB.get(`/api/cases/${b.caseId}/tasks`)).json().items.find((t: any) => t.id === b.taskId);
    expect(task).toMatchObject({ status: 'open', version: 1 });
    const citizen = (await jonasB.get(`/api/citizens/${b.citizenId}`)).json();
    expect(citizen.phone).not.toBe('+45 00 00 00 00');
    const consents = (await jonasB.get(`/api/citizens/${b.citizenId}/consents`)).json();
    expect(consents.current.find((c: any) => c.scope === 'holistic_effort').active).toBe(false);
    const contact = (await jonasB.get(`/api/cases/${b.caseId}/contacts`)).json().items.find((c: any) => c.id === b.contactId);
    expect(contact.endedOn).toBeNull();
    const openCases = await db.selectFrom('holistic_case').select('id').where('citizen_id', '=', b.newCitizenId).execute();
    expect(openCases).toEqual([]);
  });

  it("searching from A by the CPR of a citizen who only lives in B finds nothing (B itself finds them)", async () => {
    const fromA = await jonasA.post('/api/citizens/search', { cpr: b.newCitizenCpr });
    expect(fromA.statusCode).toBe(200);
    expect(fromA.json()).toEqual({ results: [] });
    const fromB = await jonasB.post('/api/citizens/search', { cpr: b.newCitizenCpr });
    expect(fromB.json().results.map((r: any) => r.id)).toEqual([b.newCitizenId]);

    // The search is audited in A with its criterion and no citizen.
    const { db } = await testDatabase();
    const row = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('municipality_id', '=', A.id)
      .where('action', '=', 'citizen.search')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ outcome: 'allowed', citizen_id: null, search_criterion: { cpr: '3112991234' } });
  });

  it('malformed (non-uuid) ids are refused with 400 problem+json before any lookup', async () => {
    const cases = [
      { url: '/api/cases/not-a-uuid', path: 'params.caseId' },
      { url: '/api/cases/123/contacts', path: 'params.caseId' },
      { url: `/api/citizens/${encodeURIComponent("' or 1=1 --")}`, path: 'params.citizenId' },
      { url: '/api/citizens/120591-1002/consents', path: 'params.citizenId' },
      { url: '/api/health-documents/xyz', path: 'params.id' },
    ];
    for (const c of cases) {
      const res = await jonasA.get(c.url);
      expect(res.statusCode, c.url).toBe(400);
      expect(res.headers['content-type'], c.url).toMatch(/^application\/problem\+json/);
      expect(res.json().type, c.url).toBe('https://helhed.dk/problems/validation');
      expect(res.json().errors.map((e: any) => e.path), c.url).toContain(c.path);
    }
    const complete = await jonasA.post('/api/tasks/00000000-0000-0000-0000-00000000000g/complete', { version: 1 });
    expect(complete.statusCode).toBe(400);
  });

  describe('row-level security as the second wall', () => {
    it('an A-scoped transaction sees only A\'s rows even without a where clause', async () => {
      const { db } = await testDatabase();
      const citizens = await inMunicipality(db, A.id, (tx) => tx.selectFrom('citizen').select(['municipality_id', 'id']).execute());
      expect(citizens).toHaveLength(demoMunicipality.citizens.length);
      expect(new Set(citizens.map((c) => c.municipality_id))).toEqual(new Set([A.id]));
      // The owner (outside RLS) sees more: B's copy and the citizen registered only in B.
      const all = await db.selectFrom('citizen').select('id').where('municipality_id', 'in', [A.id, B.id]).execute();
      expect(all).toHaveLength(2 * demoMunicipality.citizens.length + 1);

      for (const table of ['holistic_case', 'consent', 'case_contact', 'task', 'health_document', 'audit_log', 'employee'] as const) {
        const rows = await inMunicipality(db, A.id, (tx) => tx.selectFrom(table).select('municipality_id').execute());
        expect(rows.every((r) => r.municipality_id === A.id), table).toBe(true);
      }
      // B's health document and task are invisible by id.
      const doc = await inMunicipality(db, A.id, (tx) => tx.selectFrom('health_document').select('id').where('id', '=', b.healthDocumentId).execute());
      expect(doc).toEqual([]);
      const municipalities = await inMunicipality(db, A.id, (tx) => tx.selectFrom('municipality').select('id').execute());
      expect(municipalities.map((m) => m.id)).toEqual([A.id]);
    });

    it("an insert into B from an A-scoped transaction fails, and an update of B's rows touches nothing", async () => {
      const { db } = await testDatabase();
      const insert = inMunicipality(db, A.id, (tx) =>
        tx
          .insertInto('citizen')
          .values({
            municipality_id: B.id,
            id: crypto.randomUUID(),
            cpr: '0101011234',
            birth_date: '2001-01-01',
            sex: 'female',
            name: 'Indsmuglet Borger',
            address: '',
            registered_at: new Date(),
          })
          .execute(),
      );
      await expect(insert).rejects.toThrow(/row-level security/);
      const smuggled = await db.selectFrom('citizen').select('id').where('municipality_id', '=', B.id).where('cpr', '=', '0101011234').execute();
      expect(smuggled).toEqual([]);

      const updated = await inMunicipality(db, A.id, (tx) =>
        tx.updateTable('citizen').set({ name: 'Overskrevet' }).where('municipality_id', '=', B.id).executeTakeFirst(),
      );
      expect(Number(updated.numUpdatedRows)).toBe(0);
      const bNames = await db.selectFrom('citizen').select('name').where('municipality_id', '=', B.id).where('name', '=', 'Overskrevet').execute();
      expect(bNames).toEqual([]);
    });

    it('every table the app role may read has the policy, reading the municipality setting once per statement', async () => {
      const { db } = await testDatabase();
      const { rows } = await sql<{ table: string; qual: string; check: string }>`
        select t.tablename as table, p.qual, p.with_check as check
        from pg_tables t left join pg_policies p on p.schemaname = t.schemaname and p.tablename = t.tablename and p.policyname = 'tenant_isolation'
        where t.schemaname = current_schema() and has_table_privilege(${APP_ROLE}, format('%I.%I', t.schemaname, t.tablename), 'select')
      `.execute(db);
      expect(rows.length).toBeGreaterThan(30);
      for (const row of rows) {
        // a scalar subquery (an init plan), not a bare call evaluated for every row a scan filters
        expect(row.qual ?? 'no policy', row.table).toMatch(/= \(\s*SELECT \(?NULLIF\(current_setting\('helhed\.municipality_id'/);
        expect(row.check, row.table).toBe(row.qual);
      }
    });

    it('a statement prepared once answers for whichever municipality the transaction is scoped to, also from a generic plan', async () => {
      const { db } = await testDatabase();
      // the same text with a parameter, run alternately for A and B more often than PostgreSQL's
      // five custom plans before it may switch to a generic one (one pool connection when sequential)
      const namesOf = (municipalityId: string) =>
        inMunicipality(db, municipalityId, async (tx) => {
          const rows = await tx.selectFrom('citizen').select(['municipality_id', 'name']).where('birth_date', '<', '2100-01-01').execute();
          const prepared = usingPostgres()
            ? (await sql<{ n: number }>`select count(*)::int as n from pg_prepared_statements where statement like 'select "municipality_id", "name" from "citizen" where "birth_date" < $1%'`.execute(tx)).rows[0]!.n
            : null;
          return { municipalities: new Set(rows.map((r) => r.municipality_id)), count: rows.length, prepared };
        });
      for (let round = 0; round < 8; round++) {
        const a = await namesOf(A.id);
        const bb = await namesOf(B.id);
        expect([...a.municipalities]).toEqual([A.id]);
        expect([...bb.municipalities]).toEqual([B.id]);
        expect(bb.count).toBe(a.count + 1); // B also has the citizen registered only there
        if (usingPostgres() && round > 0) expect(a.prepared).toBe(1);
      }
    });

    it('the app role without a municipality setting sees no rows at all (fails closed)', async () => {
      const { db } = await testDatabase();
      const rows = await db.transaction().execute(async (tx) => {
        await sql`select set_config('role', ${APP_ROLE}, true)`.execute(tx);
        return tx.selectFrom('citizen').select('id').execute();
      });
      expect(rows).toEqual([]);
    });
  });

  it('runs on the engine it claims: PostgreSQL when DATABASE_URL is set, PGlite otherwise', async () => {
    const database = await testDatabase();
    const { rows } = await sql<{ version: string; port: number | null }>`
      select current_setting('server_version') as version, inet_server_port() as port
    `.execute(database.db);
    expect(rows[0]!.version).toMatch(/^\d+(\.\d+)?/);
    if (usingPostgres()) {
      expect(database.kind).toBe('postgres');
      expect(rows[0]!.port).not.toBeNull();
      expect(Number(rows[0]!.port)).toBe(Number(new URL(process.env.DATABASE_URL!).port || 5432));
    } else {
      expect(database.kind).toBe('pglite');
      expect(rows[0]!.port).toBeNull();
    }
  });
});
