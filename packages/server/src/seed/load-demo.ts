import { parseCpr, todayInCopenhagen } from '@helhed/core';
import type { Kysely } from 'kysely';
import { startAuditChain } from '../audit/audit-log';
import type { DB } from '../db/schema';
import { asSystem, type Tx } from '../db/transactions';
import type { DemoContact, DemoMunicipality } from './demo-types';
import { demoSectorRecordRow } from './demo-sector-record';
import { loadDemoFamilies } from './demo-family';
import { loadDemoForumRequests, loadDemoVisitation } from './demo-visitation';
import { loadDemoCoordination } from './demo-coordination';
import { loadDemoLetterhead } from './demo-letterhead';
import { loadDemoIndicatorHistory, type IndicatorHistory } from './demo-indicators';
import { screen } from '../screening/screen';
import { systemAccessFor } from '../access/system-access';

/** The demo's authority limits have been in force since before any of its cases (the indicators' history included). */
const DEMO_LIMITS_FROM = '2024-01-01';

/**
 * Writes a demo municipality in one transaction: all of it or nothing.
 * Returns the municipality id. Used by `npm start` on an empty database and
 * by the acceptance tests (each test gets its own copy under a fresh code).
 * With `indicatorHistory`, sixteen months of background cases for the
 * indicators are added (demo-indicators.ts) and screened month by month as
 * the municipality would have screened them, each in its own audited run.
 */
export async function loadDemoMunicipality(db: Kysely<DB>, data: DemoMunicipality, opts: { code?: string; now?: Date; indicatorHistory?: boolean } = {}): Promise<string> {
  const now = opts.now ?? new Date();
  let history: IndicatorHistory | null = null;
  const municipalityId = await asSystem(db, async (tx) => {
    const m = crypto.randomUUID();
    await tx.insertInto('municipality').values({ id: m, code: opts.code ?? data.code, name: data.name, cvr: data.cvr }).execute();
    await startAuditChain(tx, m);
    await tx
      .insertInto('municipality_rule_set')
      .values({ municipality_id: m, from_date: '2018-07-01', rule_set_id: data.ruleSetId, duty_from: data.ruleSetDutyFrom ?? null })
      .execute();

    const ids = new Map<string, string>();
    const idOf = (key: string) => {
      let id = ids.get(key);
      if (!id) ids.set(key, (id = crypto.randomUUID()));
      return id;
    };
    await insertMany(tx, 'org_unit', data.units.map((u) => ({ municipality_id: m, id: idOf(`unit:${u.key}`), name: u.name, kind: u.kind })));
    await insertMany(tx, 'team', data.teams.map((t) => ({ municipality_id: m, id: idOf(`team:${t.key}`), unit_id: idOf(`unit:${t.unitKey}`), name: t.name })));
    await insertMany(
      tx,
      'employee',
      data.employees.map((e) => ({
        municipality_id: m,
        id: idOf(`employee:${e.key}`),
        username: e.username,
        name: e.name,
        email: e.email,
        title: e.title,
        unit_id: idOf(`unit:${e.unitKey}`),
        oidc_subject: null,
      })),
    );
    await insertMany(tx, 'employee_role', data.employees.flatMap((e) => e.roles.map((role) => ({ municipality_id: m, employee_id: idOf(`employee:${e.key}`), role }))));
    await insertMany(
      tx,
      'team_member',
      data.employees.flatMap((e) => e.teamKeys.map((t) => ({ municipality_id: m, team_id: idOf(`team:${t}`), employee_id: idOf(`employee:${e.key}`) }))),
    );
    await insertMany(
      tx,
      'authority_limit',
      data.authorityLimits.map((l) => ({
        municipality_id: m,
        id: crypto.randomUUID(),
        role: l.role,
        unit_id: idOf(`unit:${l.unitKey}`),
        category: l.category,
        max_amount_dkk: l.maxAmountDkk === null ? null : String(l.maxAmountDkk),
        valid_from: DEMO_LIMITS_FROM,
        created_at: now,
      })),
    );
    const households = [...new Set(data.citizens.flatMap((c) => (c.householdKey ? [c.householdKey] : [])))];
    await insertMany(tx, 'household', households.map((h) => ({ municipality_id: m, id: idOf(`household:${h}`) })));

    for (const c of data.citizens) {
      const parsed = parseCpr(c.cpr);
      if (!parsed.ok) throw new Error(`demo citizen ${c.key} has an unusable CPR (${parsed.error})`);
      const citizenId = idOf(`citizen:${c.key}`);
      await tx
        .insertInto('citizen')
        .values({
          municipality_id: m,
          id: citizenId,
          cpr: parsed.cpr.digits,
          birth_date: parsed.cpr.birthDate,
          sex: parsed.cpr.sex,
          name: c.name,
          address: c.address,
          phone: c.phone ?? null,
          email: c.email ?? null,
          household_id: c.householdKey ? idOf(`household:${c.householdKey}`) : null,
          household_role: c.householdRole ?? null,
          registered_at: now,
        })
        .execute();
      await insertMany(
        tx,
        'sector_record',
        c.sectorRecords.map((r, index) => demoSectorRecordRow(m, citizenId, parsed.cpr.digits, `demo-${c.key}-${index + 1}`, r)),
      );
      const hc = c.holisticCase;
      if (!hc) continue;
      const caseId = crypto.randomUUID();
      const openedAt = new Date(`${hc.openedOn}T09:00:00Z`);
      const coordinator = data.employees.find((e) => e.key === hc.coordinatorKey);
      const hasHolisticConsent = hc.consents.some((x) => x.scope === 'holistic_effort' && !x.withdrawnOn);
      await tx
        .insertInto('holistic_case')
        .values({
          municipality_id: m,
          id: caseId,
          citizen_id: citizenId,
          phase: hasHolisticConsent ? 'assessment' : 'consent',
          coordinator_employee_id: idOf(`employee:${hc.coordinatorKey}`),
          coordinator_team_id: hc.teamKey ? idOf(`team:${hc.teamKey}`) : null,
          opened_at: openedAt,
        })
        .execute();
      const coordinatorContact: DemoContact = {
        kind: 'internal',
        employeeKey: hc.coordinatorKey,
        name: coordinator?.name ?? '',
        role: 'Koordinerende sagsbehandler',
        sector: 'main_law',
        authority: true,
        since: hc.openedOn,
      };
      const contacts = [
        { ...coordinatorContact, coordinating: true },
        ...hc.contacts.filter((x) => !(x.kind === 'internal' && x.employeeKey === hc.coordinatorKey)).map((x) => ({ ...x, coordinating: false })),
        // Before the holistic effort: ended the day the case opened, so the
        // 12-month figure shows where the citizen came from.
        ...hc.contactsBefore.map((x) => ({ ...x, endedOn: x.endedOn ?? hc.openedOn, coordinating: false })),
      ];
      await insertMany(
        tx,
        'case_contact',
        contacts.map((x) => ({
          municipality_id: m,
          id: crypto.randomUUID(),
          case_id: caseId,
          kind: x.kind,
          employee_id: x.kind === 'internal' && x.employeeKey ? idOf(`employee:${x.employeeKey}`) : null,
          name: x.name,
          role: x.role,
          sector: x.sector,
          organisation: x.organisation ?? null,
          phone: null,
          email: null,
          authority: x.authority,
          coordinating: x.coordinating,
          since: x.since,
          ended_on: x.endedOn ?? null,
        })),
      );
      const events: { type: string; at: Date; data: Record<string, unknown> }[] = [
        { type: 'case_opened', at: openedAt, data: { coordinatorEmployeeId: idOf(`employee:${hc.coordinatorKey}`) } },
      ];
      const consentRows = hc.consents.flatMap((x) => {
        const given = {
          municipality_id: m,
          id: crypto.randomUUID(),
          citizen_id: citizenId,
          case_id: caseId,
          scope: x.scope,
          counterpart: x.counterpart ?? null,
          action: 'given' as const,
          form: x.form,
          document_ref: x.form === 'paper_scanned' ? `Scannet samtykkeerklæring ${x.givenOn}` : null,
          note: null,
          effective_at: new Date(`${x.givenOn}T10:00:00Z`),
          recorded_at: new Date(`${x.givenOn}T10:00:00Z`),
          recorded_by_kind: 'employee',
          recorded_by_id: idOf(`employee:${hc.coordinatorKey}`),
        };
        events.push({ type: 'consent_given', at: given.effective_at, data: { consentId: given.id, scope: x.scope, counterpart: x.counterpart ?? null } });
        if (!x.withdrawnOn) return [given];
        const withdrawn = { ...given, id: crypto.randomUUID(), action: 'withdrawn' as const, form: null, document_ref: null, effective_at: new Date(`${x.withdrawnOn}T10:00:00Z`), recorded_at: new Date(`${x.withdrawnOn}T10:00:00Z`) };
        events.push({ type: 'consent_withdrawn', at: withdrawn.effective_at, data: { consentId: withdrawn.id, scope: x.scope, counterpart: x.counterpart ?? null } });
        return [given, withdrawn];
      });
      await insertMany(tx, 'consent', consentRows);
      // Interventions already running for the citizen carry over into the holistic case.
      const today = todayInCopenhagen(now);
      await insertMany(
        tx,
        'intervention',
        c.sectorRecords
          .filter((r) => r.kind === 'intervention' && (!r.end || r.end >= today))
          .map((r) => ({
            municipality_id: m,
            id: crypto.randomUUID(),
            case_id: caseId,
            title: r.title,
            sector: r.sector,
            legal_basis: r.legalBasis,
            status: r.start <= today ? ('running' as const) : ('planned' as const),
            start_date: r.start,
            end_date: r.end ?? null,
          })),
      );
      await insertMany(
        tx,
        'case_event',
        events.map((e) => ({
          municipality_id: m,
          id: crypto.randomUUID(),
          case_id: caseId,
          occurred_at: e.at,
          type: e.type,
          actor_kind: 'system',
          actor_id: null,
          actor_name: 'Demodata',
          data: JSON.stringify(e.data),
        })),
      );
    }
    await loadDemoFamilies(tx, m, data, idOf, now);
    await loadDemoVisitation(tx, m, idOf, now);
    await loadDemoForumRequests(tx, m, data.ruleSetId, idOf, now);
    await loadDemoCoordination(tx, m, now);
    await loadDemoLetterhead(tx, m);
    if (opts.indicatorHistory) history = await loadDemoIndicatorHistory(tx, m, idOf, now);
    return m;
  });
  if (history) await screenHistory(db, municipalityId, history);
  return municipalityId;
}

/** The background citizens screened on the day before their month's first assessment: a past run per month. */
async function screenHistory(db: Kysely<DB>, municipalityId: string, history: IndicatorHistory): Promise<void> {
  for (const { onDate, citizenIds } of history.screenings) {
    const access = systemAccessFor(db, municipalityId, 'Demodata', 'target_group_screening');
    const then = new Date(`${onDate}T06:00:00Z`);
    await screen({ ...access, ctx: { ...access.ctx, now: () => then } }, { kind: 'citizens', ids: citizenIds }, { onDate });
  }
}

async function insertMany<T extends keyof DB & string>(tx: Tx, table: T, rows: any[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.insertInto(table).values(rows).execute();
}

/** Seeds the demo municipality when the database holds none yet. */
export async function seedDemoIfEmpty(db: Kysely<DB>, data: DemoMunicipality): Promise<string | null> {
  const any = await db.selectFrom('municipality').select('id').limit(1).executeTakeFirst();
  if (any) return null;
  return loadDemoMunicipality(db, data, { indicatorHistory: true });
}
