import {
  authorityFor,
  checkPoolUsage,
  computeCost,
  danishKroner,
  endedForNewCases,
  EXECUTION_STATUS,
  formatLegalBasis,
  legalBasesUnder,
  mayReturnFromPause,
  meetsEmploymentTarget,
  POOL_USAGE_ERRORS,
  REHABILITATION_REQUIREMENT_LABELS,
  rehabilitationRequirementFor,
  routeRequest,
  todayInCopenhagen,
  visitationRules,
  type api,
  type CatalogueLegalBasis,
  type VisitationStatus,
} from '@helhed/core';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Access } from '../../access/access';
import { rolesOf } from '../../access/principal';
import type { Tx } from '../../db/transactions';
import { conflict, invalid, notFound } from '../../errors';
import { readLimitsInForce } from '../authority-limits';
import { recordCaseEvent } from '../case-events';
import { readInterventions } from '../interventions';
import { readCatalogue } from './catalogue';
import { ruleSetOn, ruleSetOrNull } from './common';

type InterventionDto = z.infer<typeof api.Intervention>;

/**
 * Visitation of a catalogue item on a case (SPEC C6): checked against the
 * rule set in force today (the item exists under it, is not ended for new
 * cases, the rehabilitation prerequisite is on the case), costed, and either
 * granted within the caseworker's authority or put before the visitation
 * forum. One row per intervention, combined items included.
 */
export async function requestVisitation(a: Access, caseId: string, body: z.infer<typeof api.RequestVisitationBody>): Promise<z.infer<typeof api.VisitationResult>> {
  if (body.endDate && body.endDate < body.plannedStart) {
    throw invalid('Indsatsen slutter før den starter.', [{ path: 'body.endDate', code: 'before-start', message: 'Slutdatoen ligger før startdatoen.' }]);
  }
  if (body.executingEmployeeId && body.executingName) {
    throw invalid('Angiv én udførende person: enten en medarbejder eller et navn.', [{ path: 'body.executingName', code: 'one-person', message: 'Kun én udførende person.' }]);
  }
  const me = a.ctx.principal;
  return a.gateway.run(a.ctx, { action: 'visitation.request', subject: { caseId }, resourceType: 'intervention' }, async (g) => {
    const tx = g.tx;
    const today = todayInCopenhagen(a.ctx.now());
    const item = (await readCatalogue(tx, body.catalogueItemId))[0];
    if (!item || !item.active) throw invalid('Indsatsen findes ikke i kommunens katalog.', [{ path: 'body.catalogueItemId', code: 'unknown-item', message: 'Ukendt indsats.' }]);
    const ruleSet = await ruleSetOn(tx, today);
    const rules = visitationRules(ruleSet.id);
    const bases = legalBasesUnder(item.legalBases as CatalogueLegalBasis[], ruleSet.id);
    if (bases.length === 0) {
      throw invalid(`"${item.title}" har ikke hjemmel under regelsættet "${ruleSet.title}", som kommunen arbejder efter.`, [], 'not-under-rule-set');
    }
    if (endedForNewCases(rules, item.kind, today)) {
      throw invalid(`"${item.title}" kan ikke bevilges i nye sager efter ${ruleSet.title}. Borgere, der allerede har indsatsen, beholder den.`, [], 'ended-for-new-cases');
    }
    if (!meetsEmploymentTarget(rules, item.category, await currentBenefitCodes(tx, g.citizenId!, today))) {
      throw invalid(
        `"${item.title}" er et beskæftigelsesredskab og kræver, at borgeren er i en af målgrupperne i lov om en aktiv beskæftigelsesindsats (fx modtager kontanthjælp, sygedagpenge eller ledighedsydelse).`,
        [],
        'employment-target-required',
      );
    }
    const requirement = rehabilitationRequirementFor(rules, item, today);
    if (requirement) {
      const record = await tx
        .selectFrom('rehabilitation_record')
        .select('id')
        .where('case_id', '=', caseId)
        .where('kind', '=', requirement)
        .where('concerns', '=', item.kind)
        .executeTakeFirst();
      if (!record) {
        throw invalid(
          `Før der træffes afgørelse om "${item.title}", skal ${REHABILITATION_REQUIREMENT_LABELS[requirement]} være registreret på sagen.`,
          [],
          requirement === 'rehabilitation_team' ? 'rehabilitation-team-required' : 'prerequisite-description-required',
        );
      }
    }
    if (body.executingEmployeeId) {
      const employee = await tx.selectFrom('employee').select('id').where('id', '=', body.executingEmployeeId).where('active', '=', true).executeTakeFirst();
      if (!employee) throw invalid('Den udførende medarbejder findes ikke.', [{ path: 'body.executingEmployeeId', code: 'unknown-employee', message: 'Ukendt medarbejder.' }]);
    }
    if (item.flexibleHours && !body.endDate) {
      throw invalid('En timepulje skal have en periode: angiv slutdato.', [{ path: 'body.endDate', code: 'pool-period', message: 'Slutdato mangler.' }]);
    }
    const costDkk = computeCost(item.unitPriceDkk, body.quantity);
    // The limits in force on the day of the decision (decisions.md): a limit ended yesterday no longer applies.
    const authority = me.kind === 'employee' ? authorityFor(await readLimitsInForce(tx, today), { roles: rolesOf(me), unitId: me.unitId }, item.category) : undefined;
    const route = routeRequest(authority, costDkk);
    const reasoning = body.reasoning?.trim() ?? '';
    if (route === 'forum' && reasoning.length < 10) {
      throw invalid('Beløbet ligger over din bevillingskompetence, så visitationsforummet skal tage stilling. Skriv en begrundelse (mindst 10 tegn).', [
        { path: 'body.reasoning', code: 'required-for-forum', message: 'Begrundelse til visitationsforummet mangler.' },
      ]);
    }
    const forum = route === 'forum' ? await forumFor(tx, today) : null;
    const status: VisitationStatus = route === 'grant' ? 'granted' : 'requested';
    const id = crypto.randomUUID();
    const now = a.ctx.now();
    const legalBasis = formatLegalBasis(bases);
    await tx
      .insertInto('intervention')
      .values({
        municipality_id: me.municipalityId,
        id,
        case_id: caseId,
        title: body.title ?? item.title,
        sector: item.sector,
        legal_basis: legalBasis,
        status: EXECUTION_STATUS[status],
        start_date: body.plannedStart,
        end_date: body.endDate ?? null,
        catalogue_item_id: item.id,
        visitation_status: status,
        quantity: body.quantity,
        unit_price_dkk: item.unitPriceDkk,
        cost_dkk: costDkk,
        executing_employee_id: body.executingEmployeeId ?? null,
        executing_name: body.executingName ?? null,
        rule_set_id: ruleSet.id,
        granted_by: route === 'grant' ? me.id : null,
        granted_at: route === 'grant' ? now : null,
      })
      .execute();
    let forumRequestId: string | null = null;
    if (forum) {
      forumRequestId = crypto.randomUUID();
      await tx
        .insertInto('visitation_request')
        .values({
          municipality_id: me.municipalityId,
          id: forumRequestId,
          intervention_id: id,
          case_id: caseId,
          citizen_id: g.citizenId!,
          forum_team_id: forum,
          status: 'pending',
          cost_dkk: costDkk,
          authority_max_dkk: authority?.maxAmountDkk ?? null,
          requested_by: me.id!,
          requested_at: now,
          caseworker_reasoning: reasoning,
        })
        .execute();
    }
    await recordCaseEvent(tx, a.ctx, caseId, route === 'grant' ? 'intervention_granted' : 'intervention_before_forum', {
      interventionId: id,
      title: body.title ?? item.title,
      legalBasis,
      costDkk,
      ruleSetId: ruleSet.id,
      forumRequestId,
    });
    g.setResourceId(id);
    const max = authority?.maxAmountDkk ?? null;
    return {
      outcome: route === 'grant' ? 'granted' : 'forum',
      interventionId: id,
      forumRequestId,
      costDkk,
      authorityMaxDkk: max,
      detail:
        route === 'grant'
          ? `Bevilget inden for din bevillingskompetence (${danishKroner(costDkk)}).`
          : // "kr." ends the sentence itself: no second full stop after an amount
            `Forelagt visitationsforummet: ${danishKroner(costDkk)} ligger over din bevillingskompetence${max === null ? '.' : ` på ${danishKroner(max)}`}`,
    };
  });
}

/** Codes of the citizen's benefits current on `today`, from the sector feeds. */
async function currentBenefitCodes(tx: Tx, citizenId: string, today: string): Promise<string[]> {
  const rows = await tx
    .selectFrom('sector_record')
    .select('code')
    .where('citizen_id', '=', citizenId)
    .where('kind', '=', 'benefit')
    .where('start_date', '<=', today)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', today)]))
    .execute();
  return rows.map((r) => r.code);
}

/** The forum whose budget covers the date (the first by period start), or a clear refusal. */
async function forumFor(tx: Tx, onDate: string): Promise<string> {
  const budget = await tx
    .selectFrom('forum_budget')
    .select('forum_team_id')
    .where('period_start', '<=', onDate)
    .where('period_end', '>=', onDate)
    .orderBy('period_start')
    .executeTakeFirst();
  if (!budget) throw conflict('Beløbet kræver visitationsforummets godkendelse, men kommunen har ikke et visitationsforum med budget for perioden.', 'no-forum-budget');
  return budget.forum_team_id;
}

// ---------------------------------------------------------------- after the grant

type Lifecycle = { caseId: string; interventionId: string };

/** Runs `work` on one intervention of the case inside the gateway, returning the intervention afterwards. */
async function onIntervention(
  a: Access,
  at: Lifecycle,
  action: 'visitation.update' | 'visitation.register_hours',
  work: (tx: Tx, row: InterventionRow) => Promise<void>,
): Promise<InterventionDto> {
  return a.gateway.run(a.ctx, { action, subject: { caseId: at.caseId }, resourceType: 'intervention', resourceId: at.interventionId }, async (g) => {
    const row = await g.tx
      .selectFrom('intervention as i')
      .leftJoin('catalogue_item as c', 'c.id', 'i.catalogue_item_id')
      .select(['i.id', 'i.title', 'i.visitation_status', 'i.start_date', 'i.end_date', 'i.started_on', 'i.quantity', 'i.paused_on', 'i.rule_set_id', 'i.version', 'c.kind', 'c.flexible_hours'])
      .where('i.id', '=', at.interventionId)
      .where('i.case_id', '=', at.caseId)
      .executeTakeFirst();
    if (!row) throw notFound('Indsatsen');
    await work(g.tx, row);
    return (await readInterventions(g.tx, at.caseId, todayInCopenhagen(a.ctx.now()))).find((i) => i.id === at.interventionId)!;
  });
}

interface InterventionRow {
  id: string;
  title: string;
  visitation_status: VisitationStatus | null;
  start_date: string | null;
  end_date: string | null;
  started_on: string | null;
  quantity: string | null;
  paused_on: string | null;
  rule_set_id: string | null;
  version: number;
  kind: string | null;
  flexible_hours: boolean | null;
}

async function setStatus(tx: Tx, row: InterventionRow, to: VisitationStatus, extra: Record<string, unknown> = {}): Promise<void> {
  const updated = await tx
    .updateTable('intervention')
    .set({ visitation_status: to, status: EXECUTION_STATUS[to], version: sql`version + 1`, ...extra })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .returning('id')
    .executeTakeFirst();
  if (!updated) throw conflict('Indsatsen er ændret af en anden i mellemtiden. Hent den igen.', 'stale-version');
}

function refuseFrom(row: InterventionRow, allowed: readonly VisitationStatus[], what: string): void {
  if (!row.visitation_status || !allowed.includes(row.visitation_status)) {
    throw conflict(`Indsatsen "${row.title}" kan ikke ${what} i sin nuværende status.`, 'wrong-status');
  }
}

export function startIntervention(a: Access, at: Lifecycle, body: z.infer<typeof api.StartInterventionBody>) {
  return onIntervention(a, at, 'visitation.update', async (tx, row) => {
    refuseFrom(row, ['granted', 'approved'], 'sættes i gang');
    await setStatus(tx, row, 'running', { started_on: body.startedOn });
    await recordCaseEvent(tx, a.ctx, at.caseId, 'intervention_started', { interventionId: row.id, startedOn: body.startedOn });
  });
}

export function endIntervention(a: Access, at: Lifecycle, body: z.infer<typeof api.EndInterventionBody>) {
  return onIntervention(a, at, 'visitation.update', async (tx, row) => {
    refuseFrom(row, ['granted', 'approved', 'running', 'paused'], 'afsluttes');
    if (row.started_on && body.endedOn < row.started_on) {
      throw invalid('Indsatsen kan ikke slutte, før den startede.', [{ path: 'body.endedOn', code: 'before-start', message: 'Slutdatoen ligger før starten.' }]);
    }
    await setStatus(tx, row, 'ended', { end_date: body.endedOn });
    await recordCaseEvent(tx, a.ctx, at.caseId, 'intervention_ended', { interventionId: row.id, endedOn: body.endedOn });
  });
}

/** Registers hours used on a flexible hour pool; refused beyond what is left or outside the period. */
export function registerHours(a: Access, at: Lifecycle, body: z.infer<typeof api.RegisterHoursBody>) {
  return onIntervention(a, at, 'visitation.register_hours', async (tx, row) => {
    if (!row.flexible_hours || row.quantity === null || !row.start_date || !row.end_date) {
      throw conflict(`Indsatsen "${row.title}" er ikke en timepulje.`, 'not-a-pool');
    }
    refuseFrom(row, ['running'], 'have registreret timer');
    const used = await tx
      .selectFrom('intervention_hours')
      .select((e) => e.fn.coalesce(e.fn.sum<string>('hours'), e.val('0')).as('used'))
      .where('intervention_id', '=', row.id)
      .executeTakeFirstOrThrow();
    const error = checkPoolUsage({ totalHours: Number(row.quantity), usedHours: Number(used.used), periodStart: row.start_date, periodEnd: row.end_date }, body.hours, body.usedOn);
    if (error) throw invalid(POOL_USAGE_ERRORS[error], [{ path: error === 'outside_period' ? 'body.usedOn' : 'body.hours', code: `pool.${error}`, message: POOL_USAGE_ERRORS[error] }], 'pool-usage');
    const me = a.ctx.principal;
    await tx
      .insertInto('intervention_hours')
      .values({ municipality_id: me.municipalityId, id: crypto.randomUUID(), intervention_id: row.id, used_on: body.usedOn, hours: body.hours, note: body.note ?? '', registered_by: me.id!, registered_at: a.ctx.now() })
      .execute();
    // Versioned like other edits, so a stale client sees the change.
    await tx.updateTable('intervention').set({ version: sql`version + 1` }).where('id', '=', row.id).execute();
  });
}

/** Pauses a running fleksjob (the rules name the kinds) to try an ordinary job; the return window is rule data. */
export function pauseIntervention(a: Access, at: Lifecycle, body: z.infer<typeof api.PauseInterventionBody>) {
  return onIntervention(a, at, 'visitation.update', async (tx, row) => {
    refuseFrom(row, ['running'], 'sættes på pause');
    const ruleSet = ruleSetOrNull(row.rule_set_id) ?? (await ruleSetOn(tx, body.pausedOn));
    if (!row.kind || !visitationRules(ruleSet.id).pausableKinds.includes(row.kind)) {
      throw conflict(`"${row.title}" kan ikke sættes på pause efter reglerne.`, 'not-pausable');
    }
    if (row.started_on && body.pausedOn < row.started_on) {
      throw invalid('Pausen kan ikke begynde, før indsatsen startede.', [{ path: 'body.pausedOn', code: 'before-start', message: 'Datoen ligger før starten.' }]);
    }
    const years = (await ruleSetOn(tx, body.pausedOn)).deadlines.fleksjobPauseReturnYears;
    const deadline = mayReturnFromPause(body.pausedOn, body.pausedOn, years).deadline;
    await setStatus(tx, row, 'paused', { paused_on: body.pausedOn, pause_return_deadline: deadline, pause_reason: body.reason });
    await recordCaseEvent(tx, a.ctx, at.caseId, 'intervention_paused', { interventionId: row.id, pausedOn: body.pausedOn, returnDeadline: deadline, reason: body.reason });
  });
}

/** Returns to the paused fleksjob without a new visitation inside the window; after it a new assessment is needed. */
export function resumeIntervention(a: Access, at: Lifecycle, body: z.infer<typeof api.ResumeInterventionBody>) {
  return onIntervention(a, at, 'visitation.update', async (tx, row) => {
    refuseFrom(row, ['paused'], 'genoptages');
    const deadlineRow = await tx.selectFrom('intervention').select('pause_return_deadline').where('id', '=', row.id).executeTakeFirstOrThrow();
    const years = (await ruleSetOn(tx, row.paused_on!)).deadlines.fleksjobPauseReturnYears;
    const decision = mayReturnFromPause(row.paused_on!, body.resumedOn, years);
    const deadline = deadlineRow.pause_return_deadline ?? decision.deadline;
    if (!decision.allowed && decision.reason === 'before_pause') {
      throw invalid('Genoptagelsen kan ikke ligge før pausen.', [{ path: 'body.resumedOn', code: 'before-pause', message: 'Datoen ligger før pausen.' }]);
    }
    if (!decision.allowed || body.resumedOn > deadline) {
      throw conflict(
        `Fristen for at vende tilbage til "${row.title}" uden ny visitation udløb ${deadline} (${years} år efter pausen ${row.paused_on}). Der skal laves en ny vurdering, før borgeren kan få fleksjob igen.`,
        'return-window-passed',
      );
    }
    await setStatus(tx, row, 'running', { paused_on: null, pause_return_deadline: null, pause_reason: null });
    await recordCaseEvent(tx, a.ctx, at.caseId, 'intervention_resumed', { interventionId: row.id, resumedOn: body.resumedOn, pausedOn: row.paused_on, returnDeadline: deadline });
  });
}

// ---------------------------------------------------------------- the rehabilitation prerequisite

type RehabDto = z.infer<typeof api.RehabilitationRecord>;

export async function recordRehabilitation(a: Access, caseId: string, body: z.infer<typeof api.RecordRehabilitationBody>): Promise<RehabDto> {
  if (body.kind === 'prerequisite_description' && (body.healthCoordinatorAdvice ?? '').trim().length < 10) {
    throw invalid('Beskrivelsen af borgerens forudsætninger skal have sundhedskoordinatorens rådgivning med.', [
      { path: 'body.healthCoordinatorAdvice', code: 'required', message: 'Sundhedskoordinatorens rådgivning mangler.' },
    ]);
  }
  return a.gateway.run(a.ctx, { action: 'visitation.update', subject: { caseId }, resourceType: 'rehabilitation_record' }, async (g) => {
    const id = crypto.randomUUID();
    const me = a.ctx.principal;
    await g.tx
      .insertInto('rehabilitation_record')
      .values({
        municipality_id: me.municipalityId,
        id,
        case_id: caseId,
        kind: body.kind,
        concerns: body.concerns,
        meeting_on: body.meetingOn,
        recommendation: body.recommendation,
        health_coordinator_advice: body.healthCoordinatorAdvice?.trim() || null,
        recorded_by: me.id!,
        recorded_at: a.ctx.now(),
      })
      .execute();
    await recordCaseEvent(g.tx, a.ctx, caseId, 'rehabilitation_recorded', { recordId: id, kind: body.kind, concerns: body.concerns });
    g.setResourceId(id);
    return (await readRehabilitation(g.tx, caseId)).find((r) => r.id === id)!;
  });
}

export async function listRehabilitation(a: Access, caseId: string): Promise<{ items: RehabDto[] }> {
  return a.gateway.run(a.ctx, { action: 'case.read', subject: { caseId }, resourceType: 'rehabilitation_record', resourceId: caseId }, async (g) => ({
    items: await readRehabilitation(g.tx, caseId),
  }));
}

async function readRehabilitation(tx: Tx, caseId: string): Promise<RehabDto[]> {
  const rows = await tx.selectFrom('rehabilitation_record').selectAll().where('case_id', '=', caseId).orderBy('recorded_at').execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    kindLabel: REHABILITATION_REQUIREMENT_LABELS[r.kind],
    concerns: r.concerns,
    meetingOn: r.meeting_on,
    recommendation: r.recommendation,
    healthCoordinatorAdvice: r.health_coordinator_advice,
    recordedAt: r.recorded_at.toISOString(),
  }));
}
