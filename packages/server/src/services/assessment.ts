import {
  domainsOfRecord,
  FFB_AREA_LABELS,
  FFB_DOMAINS,
  FUNCTIONAL_LEVEL_LABELS,
  todayInCopenhagen,
  type api,
  type FfbDomainId,
  type FunctionalLevel,
} from '@helhed/core';
import type { z } from 'zod';
import type { Access } from '../access/access';
import type { Tx } from '../db/transactions';
import { conflict, invalid } from '../errors';
import { recordCaseEvent } from './case-events';

type AssessmentDto = z.infer<typeof api.CaseAssessment>;
type DomainEntry = { domain: FfbDomainId; citizenWords: string; resources: string; barriers: string; level: FunctionalLevel; notes: string };

const STATUS_LABELS = { not_started: 'Ikke påbegyndt', in_progress: 'I gang', completed: 'Afsluttet' } as const;

/**
 * The case's assessment over the FFB life domains, with what the sector
 * systems already know placed in the domain it informs and whether the
 * caseworker has confirmed it ("reuse, don't re-ask", SPEC C4).
 */
export async function readAssessment(tx: Tx, caseId: string): Promise<AssessmentDto> {
  const kase = await tx.selectFrom('holistic_case').select('citizen_id').where('id', '=', caseId).executeTakeFirstOrThrow();
  const [row, records, confirmations] = await Promise.all([
    tx.selectFrom('assessment').selectAll().where('case_id', '=', caseId).executeTakeFirst(),
    tx.selectFrom('sector_record').selectAll().where('citizen_id', '=', kase.citizen_id).orderBy('start_date', 'desc').execute(),
    tx.selectFrom('sector_record_confirmation').selectAll().where('case_id', '=', caseId).execute(),
  ]);
  const confirmed = new Map(confirmations.map((c) => [c.sector_record_id, c]));
  const entries = new Map(((row?.domains ?? []) as DomainEntry[]).map((d) => [d.domain, d]));
  return {
    caseId,
    version: row?.version ?? 0,
    status: row?.status ?? 'not_started',
    statusLabel: STATUS_LABELS[row?.status ?? 'not_started'],
    citizenGoals: row?.citizen_goals ?? '',
    startedAt: row?.started_at.toISOString() ?? null,
    completedAt: row?.completed_at?.toISOString() ?? null,
    updatedAt: row?.updated_at.toISOString() ?? null,
    updatedBy: row?.updated_by_name ?? null,
    domains: FFB_DOMAINS.map((d) => {
      const e = entries.get(d.id);
      const level = e?.level ?? 'not_assessed';
      return {
        domain: d.id,
        label: d.label,
        area: d.area,
        areaLabel: FFB_AREA_LABELS[d.area],
        citizenWords: e?.citizenWords ?? '',
        resources: e?.resources ?? '',
        barriers: e?.barriers ?? '',
        level,
        levelLabel: FUNCTIONAL_LEVEL_LABELS[level],
        notes: e?.notes ?? '',
        sectorRecords: records
          .filter((r) => domainsOfRecord(r).includes(d.id))
          .map((r) => {
            const c = confirmed.get(r.id);
            return {
              id: r.id,
              kind: r.kind,
              code: r.code,
              title: r.title,
              legalBasis: r.legal_basis,
              sector: r.sector,
              startDate: r.start_date,
              endDate: r.end_date,
              sourceSystem: r.source_system,
              confirmed: c ? { by: c.confirmed_by_name, at: c.confirmed_at.toISOString(), note: c.note } : null,
            };
          }),
      };
    }),
  };
}

export async function getAssessment(a: Access, caseId: string): Promise<AssessmentDto> {
  return a.gateway.run(a.ctx, { action: 'assessment.read', subject: { caseId }, resourceType: 'assessment', resourceId: caseId }, (g) => readAssessment(g.tx, caseId));
}

/**
 * Saves the assessment (create with version 0, then the version read).
 * Interventions may start while it is in progress: nothing waits for it.
 */
export async function saveAssessment(a: Access, caseId: string, body: z.infer<typeof api.SaveAssessmentBody>): Promise<AssessmentDto> {
  const seen = new Set<string>();
  const duplicates = body.domains.flatMap((d, i) => {
    if (seen.has(d.domain)) return [{ path: `body.domains.${i}.domain`, code: 'duplicate-domain', message: 'Livsområdet står der allerede.' }];
    seen.add(d.domain);
    return [];
  });
  if (duplicates.length) throw invalid('Hvert livsområde må kun stå én gang.', duplicates, 'invalid-assessment');
  return a.gateway.run(a.ctx, { action: 'assessment.write', subject: { caseId }, resourceType: 'assessment', resourceId: caseId }, async (g) => {
    const tx = g.tx;
    const now = a.ctx.now();
    const p = a.ctx.principal;
    const existing = await tx.selectFrom('assessment').selectAll().where('case_id', '=', caseId).executeTakeFirst();
    const stale = () => conflict('Udredningen er ændret af en anden, siden du hentede den. Hent den igen, og gentag din ændring.', 'stale-version');
    if ((existing?.version ?? 0) !== body.version) throw stale();
    const values = {
      status: body.status,
      citizen_goals: body.citizenGoals,
      domains: JSON.stringify(body.domains),
      completed_at: body.status === 'completed' ? (existing?.completed_at ?? now) : null,
      updated_at: now,
      updated_by_id: p.id,
      updated_by_name: p.name,
    };
    if (existing) {
      const r = await tx.updateTable('assessment').set({ ...values, version: existing.version + 1 }).where('id', '=', existing.id).where('version', '=', body.version).executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw stale();
    } else {
      const r = await tx
        .insertInto('assessment')
        .values({ municipality_id: p.municipalityId, id: crypto.randomUUID(), case_id: caseId, version: 1, started_at: now, ...values })
        .onConflict((oc) => oc.columns(['municipality_id', 'case_id']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!r) throw stale();
    }
    const becameCompleted = body.status === 'completed' && existing?.status !== 'completed';
    await recordCaseEvent(tx, a.ctx, caseId, becameCompleted ? 'assessment_completed' : 'assessment_saved', { version: (existing?.version ?? 0) + 1 });
    return readAssessment(tx, caseId);
  });
}

/** The caseworker confirms a sector record in the assessment instead of asking the citizen again. */
export async function confirmSectorRecord(a: Access, caseId: string, body: z.infer<typeof api.ConfirmRecordBody>): Promise<AssessmentDto> {
  return a.gateway.run(a.ctx, { action: 'assessment.write', subject: { caseId }, resourceType: 'sector_record_confirmation', resourceId: body.sectorRecordId }, async (g) => {
    const tx = g.tx;
    const record = await tx.selectFrom('sector_record').select('id').where('id', '=', body.sectorRecordId).where('citizen_id', '=', g.citizenId!).executeTakeFirst();
    if (!record) {
      throw invalid('Oplysningen hører ikke til borgeren.', [{ path: 'body.sectorRecordId', code: 'unknown-record', message: 'Ukendt sektoroplysning for borgeren.' }], 'invalid-confirmation');
    }
    const p = a.ctx.principal;
    await tx
      .insertInto('sector_record_confirmation')
      .values({ municipality_id: p.municipalityId, case_id: caseId, sector_record_id: body.sectorRecordId, confirmed_at: a.ctx.now(), confirmed_by_id: p.id, confirmed_by_name: p.name, note: body.note ?? null })
      .onConflict((oc) => oc.columns(['municipality_id', 'case_id', 'sector_record_id']).doNothing())
      .execute();
    await recordCaseEvent(tx, a.ctx, caseId, 'sector_record_confirmed', { sectorRecordId: body.sectorRecordId, on: todayInCopenhagen(a.ctx.now()) });
    return readAssessment(tx, caseId);
  });
}
