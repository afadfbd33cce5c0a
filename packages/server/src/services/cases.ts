import { sql } from 'kysely';
import { checkTransition, hasActiveConsent, PHASE_LABELS, todayInCopenhagen, type api, type CasePhase, type ConsentRecord } from '@helhed/core';
import type { z } from 'zod';
import type { Access } from '../access/access';
import type { Granted } from '../access/gateway';
import type { RequestContext } from '../access/principal';
import { loadConsentRecords } from '../access/consent-records';
import type { Tx } from '../db/transactions';
import { conflict, invalid, ProblemError } from '../errors';
import { recordCaseEvent } from './case-events';
import { appendConsent } from './consents';
import { ruleSetContext } from '../screening/facts';

type CaseDto = z.infer<typeof api.HolisticCase>;

export async function openCase(a: Access, body: z.infer<typeof api.OpenCaseBody>): Promise<CaseDto> {
  const me = a.ctx.principal;
  return a.gateway.run(a.ctx, { action: 'case.create', subject: { citizenId: body.citizenId }, resourceType: 'holistic_case' }, async (g) => {
    if (g.caseId) throw conflict('Borgeren har allerede en åben helhedsorienteret sag.', 'case-exists');
    const coordinatorEmployeeId = body.coordinatorEmployeeId ?? (body.coordinatorTeamId ? null : me.kind === 'employee' ? me.id : null);
    const coordinatorTeamId = body.coordinatorTeamId ?? null;
    await assertCoordinatorsExist(g.tx, coordinatorEmployeeId, coordinatorTeamId);
    const id = await insertCase(g.tx, a.ctx, { citizenId: body.citizenId, coordinatorEmployeeId, coordinatorTeamId });
    g.setResourceId(id);
    if (body.holisticConsent) await recordIntakeConsent(g, a.ctx, id, body.holisticConsent);
    return readCase(g.tx, id, a.ctx.now());
  });
}

/**
 * The written consent the citizen gave at intake, recorded on the new case —
 * only by someone who may record consent on it once it exists (the opener as
 * coordinator or in the coordinating team) — after which the case moves past
 * the consent phase by the same rule as any phase change.
 */
async function recordIntakeConsent(g: Granted, ctx: RequestContext, caseId: string, consent: z.infer<typeof api.IntakeConsent>): Promise<void> {
  const citizenId = g.citizenId!;
  const history = await loadConsentRecords(g.tx, citizenId);
  const { id } = await appendConsent(g.tx, ctx, { citizenId, caseId, history }, { scope: 'holistic_effort', action: 'given', ...consent });
  await g.alsoPerforms('consent.record', 'consent', id);
  const now = ctx.now();
  const holisticConsent = hasActiveConsent(await loadConsentRecords(g.tx, citizenId), 'holistic_effort', null, now.toISOString());
  if (!checkTransition('consent', 'assessment', { holisticConsent }).ok) return;
  await g.tx.updateTable('holistic_case').set({ phase: 'assessment', version: sql`version + 1` }).where('id', '=', caseId).execute();
  await recordCaseEvent(g.tx, ctx, caseId, 'phase_changed', { from: 'consent', to: 'assessment' });
}

/** Writes a new open case in the consent phase with its coordinating contact and 'case_opened' event; returns its id. */
export async function insertCase(
  tx: Tx,
  ctx: RequestContext,
  c: { citizenId: string; coordinatorEmployeeId: string | null; coordinatorTeamId: string | null; event?: Record<string, unknown> },
): Promise<string> {
  const id = crypto.randomUUID();
  const now = ctx.now();
  await tx
    .insertInto('holistic_case')
    .values({
      municipality_id: ctx.principal.municipalityId,
      id,
      citizen_id: c.citizenId,
      phase: 'consent',
      coordinator_employee_id: c.coordinatorEmployeeId,
      coordinator_team_id: c.coordinatorTeamId,
      opened_at: now,
    })
    .execute();
  if (c.coordinatorEmployeeId) await addCoordinatingContact(tx, ctx.principal.municipalityId, id, c.coordinatorEmployeeId, now);
  await recordCaseEvent(tx, ctx, id, 'case_opened', { coordinatorEmployeeId: c.coordinatorEmployeeId, coordinatorTeamId: c.coordinatorTeamId, ...c.event });
  return id;
}

export async function getCase(a: Access, caseId: string): Promise<CaseDto> {
  return a.gateway.run(a.ctx, { action: 'case.read', subject: { caseId }, resourceType: 'holistic_case', resourceId: caseId }, (g) =>
    readCase(g.tx, caseId, a.ctx.now()),
  );
}

export async function assignCoordination(a: Access, caseId: string, body: z.infer<typeof api.AssignCoordinationBody>): Promise<CaseDto> {
  return a.gateway.run(a.ctx, { action: 'case.update', subject: { caseId }, resourceType: 'holistic_case', resourceId: caseId }, async (g) => {
    await assertCoordinatorsExist(g.tx, body.coordinatorEmployeeId, body.coordinatorTeamId);
    const before = await g.tx.selectFrom('holistic_case').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();
    await bumpVersion(g.tx, caseId, body.version, { coordinator_employee_id: body.coordinatorEmployeeId, coordinator_team_id: body.coordinatorTeamId });
    const now = a.ctx.now();
    if (before.coordinator_employee_id !== body.coordinatorEmployeeId) {
      const today = now.toISOString().slice(0, 10);
      await g.tx
        .updateTable('case_contact')
        .set({ ended_on: today, coordinating: false })
        .where('case_id', '=', caseId)
        .where('coordinating', '=', true)
        .where('ended_on', 'is', null)
        .execute();
      if (body.coordinatorEmployeeId) await addCoordinatingContact(g.tx, a.ctx.principal.municipalityId, caseId, body.coordinatorEmployeeId, now);
    }
    await recordCaseEvent(g.tx, a.ctx, caseId, 'coordination_assigned', {
      from: { employeeId: before.coordinator_employee_id, teamId: before.coordinator_team_id },
      to: { employeeId: body.coordinatorEmployeeId, teamId: body.coordinatorTeamId },
      reason: body.reason ?? null,
    });
    return readCase(g.tx, caseId, now);
  });
}

export async function changePhase(a: Access, caseId: string, body: z.infer<typeof api.ChangePhaseBody>): Promise<CaseDto> {
  return a.gateway.run(a.ctx, { action: 'case.update', subject: { caseId }, resourceType: 'holistic_case', resourceId: caseId }, async (g) => {
    const current = await g.tx.selectFrom('holistic_case').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();
    const now = a.ctx.now();
    const consents = await loadConsentRecords(g.tx, current.citizen_id);
    const check = checkTransition(current.phase as CasePhase, body.to, {
      holisticConsent: hasActiveConsent(consents, 'holistic_effort', null, now.toISOString()),
    });
    if (!check.ok) throw new ProblemError(409, `phase-${check.reason.replace(/_/g, '-')}`, 'Sagen kan ikke gå videre', check.detail);
    await bumpVersion(g.tx, caseId, body.version, { phase: body.to, closed_at: body.to === 'closed' ? now : null });
    await recordCaseEvent(g.tx, a.ctx, caseId, 'phase_changed', { from: current.phase, to: body.to });
    return readCase(g.tx, caseId, now);
  });
}

export async function myCaseload(a: Access): Promise<z.infer<typeof api.Caseload>> {
  const me = a.ctx.principal;
  return a.gateway.run(a.ctx, { action: 'caseload.read', subject: { search: { caseload: me.id }, resolve: async () => null }, resourceType: 'caseload' }, async (g) => {
    const rows = await sql<{ id: string; citizen_id: string; citizen_name: string; phase: CasePhase; opened_at: Date; relation: 'coordinator' | 'team'; open_tasks: number }>`
      select k.id, k.citizen_id, c.name as citizen_name, k.phase, k.opened_at,
        case when k.coordinator_employee_id = ${me.id} then 'coordinator' else 'team' end as relation,
        (select count(*)::int from task t where t.case_id = k.id and t.status = 'open') as open_tasks
      from holistic_case k
      join citizen c on c.id = k.citizen_id
      where k.closed_at is null and ${inCaseloadOf(me.id)}
      order by relation, k.opened_at
    `.execute(g.tx);
    return {
      items: rows.rows.map((r) => ({
        id: r.id,
        citizenId: r.citizen_id,
        citizenName: r.citizen_name,
        phase: r.phase,
        phaseLabel: PHASE_LABELS[r.phase],
        openedAt: r.opened_at.toISOString(),
        relation: r.relation,
        openTasks: Number(r.open_tasks),
      })),
    };
  });
}

/** The open case `k` is in the employee's caseload: they coordinate it, or their team does, or a team colleague does. */
export function inCaseloadOf(employeeId: string | null) {
  return sql<boolean>`(k.coordinator_employee_id = ${employeeId}
    or k.coordinator_team_id in (select team_id from team_member where employee_id = ${employeeId})
    or k.coordinator_employee_id in (
      select t.employee_id from team_member t
      where t.team_id in (select team_id from team_member where employee_id = ${employeeId})))`;
}

/** Optimistic concurrency: the update only applies to the version the client saw. */
async function bumpVersion(tx: Tx, caseId: string, expected: number, changes: Record<string, unknown>): Promise<void> {
  const result = await tx
    .updateTable('holistic_case')
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', caseId)
    .where('version', '=', expected)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) {
    throw conflict('Sagen er ændret af en anden, siden du hentede den. Hent den igen, og gentag din ændring.', 'stale-version');
  }
}

async function assertCoordinatorsExist(tx: Tx, employeeId: string | null, teamId: string | null): Promise<void> {
  if (employeeId) {
    const e = await tx
      .selectFrom('employee_role')
      .select('employee_id')
      .where('employee_id', '=', employeeId)
      .where('role', '=', 'coordinating_caseworker')
      .executeTakeFirst();
    if (!e) {
      throw invalid('Den valgte medarbejder findes ikke eller er ikke koordinerende sagsbehandler.', [
        { path: 'body.coordinatorEmployeeId', code: 'unknown-coordinator', message: 'Ukendt koordinerende sagsbehandler.' },
      ]);
    }
  }
  if (teamId) {
    const t = await tx.selectFrom('team').select('id').where('id', '=', teamId).executeTakeFirst();
    if (!t) throw invalid('Det valgte team findes ikke.', [{ path: 'body.coordinatorTeamId', code: 'unknown-team', message: 'Ukendt team.' }]);
  }
}

async function addCoordinatingContact(tx: Tx, municipalityId: string, caseId: string, employeeId: string, now: Date) {
  const e = await tx.selectFrom('employee').select(['name', 'email', 'title']).where('id', '=', employeeId).executeTakeFirstOrThrow();
  await tx
    .insertInto('case_contact')
    .values({
      municipality_id: municipalityId,
      id: crypto.randomUUID(),
      case_id: caseId,
      kind: 'internal',
      employee_id: employeeId,
      name: e.name,
      role: 'Koordinerende sagsbehandler',
      sector: 'main_law',
      organisation: null,
      phone: null,
      email: e.email,
      authority: true,
      coordinating: true,
      since: now.toISOString().slice(0, 10),
      ended_on: null,
    })
    .execute();
}

/** `consents`: the citizen's consent history when the caller has it already (the overview). */
export async function readCase(tx: Tx, caseId: string, now: Date, knownConsents?: ConsentRecord[]): Promise<CaseDto> {
  const row = await tx
    .selectFrom('holistic_case as k')
    .innerJoin('citizen as c', 'c.id', 'k.citizen_id')
    .leftJoin('employee as e', 'e.id', 'k.coordinator_employee_id')
    .leftJoin('team as t', 't.id', 'k.coordinator_team_id')
    .select([
      'k.id', 'k.citizen_id', 'c.name as citizen_name', 'k.phase', 'k.opened_at', 'k.closed_at', 'k.version', 'k.municipality_id',
      'e.id as e_id', 'e.name as e_name', 'e.email as e_email', 'e.title as e_title', 't.id as t_id', 't.name as t_name',
    ])
    .select((eb) =>
      eb.selectFrom('case_contact').select(eb.fn.countAll<number>().as('n')).whereRef('case_contact.case_id', '=', 'k.id').where('ended_on', 'is', null).as('contact_count'),
    )
    .where('k.id', '=', caseId)
    .executeTakeFirstOrThrow();
  const consents = knownConsents ?? (await loadConsentRecords(tx, row.citizen_id));
  const { ruleSet } = await ruleSetContext(tx, todayInCopenhagen(now));
  const phase = row.phase as CasePhase;
  return {
    id: row.id,
    citizenId: row.citizen_id,
    citizenName: row.citizen_name,
    phase,
    phaseLabel: PHASE_LABELS[phase],
    coordinator: row.e_id ? { id: row.e_id, name: row.e_name!, email: row.e_email!, title: row.e_title! } : null,
    coordinatingTeam: row.t_id ? { id: row.t_id, name: row.t_name! } : null,
    openedAt: row.opened_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
    version: row.version,
    ruleSetId: ruleSet.id,
    holisticConsent: hasActiveConsent(consents, 'holistic_effort', null, now.toISOString()),
    contactCount: Number(row.contact_count ?? 0),
  };
}
