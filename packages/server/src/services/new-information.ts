import { SECTOR_RECORD_KIND_LABELS, addDays, todayInCopenhagen, type api } from '@helhed/core';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Access } from '../access/access';
import type { RequestContext } from '../access/principal';
import type { Tx } from '../db/transactions';
import { recordCaseEvent } from './case-events';
import { raiseCoordinatorTask } from './tasks';

type NewInformationDto = z.infer<typeof api.NewInformation>;

/** Days the coordinating caseworker has to look at new information. */
export const NEW_INFORMATION_DUE_DAYS = 10;
export const NEW_INFORMATION_TASK_KIND = 'new_information';

/**
 * SPEC C9.3: new information that may need a plan change raises a task for the
 * coordinating caseworker. Called inside an import's transaction after its rows
 * are applied: every sector record this batch inserted or changed, of a citizen
 * with an open case, raises one task — once per record version (source system,
 * external id, content hash), so importing the same file again raises nothing.
 * The task says what kind of record arrived from which sector and its title;
 * no more than that.
 */
export async function raiseNewInformationFromImport(tx: Tx, ctx: RequestContext, batchId: string): Promise<number> {
  const now = ctx.now();
  const due = addDays(todayInCopenhagen(now), NEW_INFORMATION_DUE_DAYS);
  const L = SECTOR_RECORD_KIND_LABELS;
  const { rows } = await sql<{ case_id: string; task_id: string; kind: string; sector: string; title: string; record_id: string }>`
    with arrived as (
      select r.id as record_id, r.content_hash, r.kind, r.sector, r.title, c.id as case_id, c.coordinator_employee_id, gen_random_uuid() as task_id
      from sector_record r
      join holistic_case c on c.citizen_id = r.citizen_id and c.closed_at is null
      where r.batch_id = ${batchId}
        and not exists (
          select 1 from new_information n where n.sector_record_id = r.id and n.content_hash = r.content_hash
        )
    ),
    tasks as (
      insert into task (municipality_id, id, case_id, kind, title, detail, due_on, status, assignee_employee_id, created_at)
      select current_setting('helhed.municipality_id')::uuid, task_id, case_id, ${NEW_INFORMATION_TASK_KIND},
        'Nye oplysninger (' || case kind when 'benefit' then ${L.benefit} when 'plan' then ${L.plan} else ${L.intervention} end || '): ' || title,
        'Der er kommet nye oplysninger fra et fagsystem. Vurdér, om planen skal ændres.',
        ${due}::date, 'open', coordinator_employee_id, ${now}
      from arrived
      returning id
    ),
    signals as (
      insert into new_information (municipality_id, id, case_id, task_id, source, sector_record_id, content_hash, record_kind, sector, title, created_at)
      select current_setting('helhed.municipality_id')::uuid, gen_random_uuid(), case_id, task_id, 'import', record_id, content_hash, kind, sector, title, ${now}
      from arrived
      where task_id in (select id from tasks)
      returning case_id
    )
    select a.case_id, a.task_id, a.kind, a.sector, a.title, a.record_id from arrived a where a.case_id in (select case_id from signals)
  `.execute(tx);
  for (const r of rows) {
    await recordCaseEvent(tx, ctx, r.case_id, 'task_created', { taskId: r.task_id, kind: NEW_INFORMATION_TASK_KIND, source: 'import', recordKind: r.kind, sector: r.sector });
  }
  return rows.length;
}

/** A caseworker or specialist flags new information by hand; the coordinating caseworker gets the task. */
export async function flagNewInformation(a: Access, caseId: string, body: z.infer<typeof api.FlagNewInformationBody>): Promise<NewInformationDto> {
  return a.gateway.run(a.ctx, { action: 'new_information.flag', subject: { caseId }, resourceType: 'new_information' }, async (g) => {
    const now = a.ctx.now();
    const id = crypto.randomUUID();
    const taskId = await raiseCoordinatorTask(g.tx, a.ctx, {
      caseId,
      kind: NEW_INFORMATION_TASK_KIND,
      title: `Nye oplysninger: ${body.title}`,
      detail: `${body.note ? body.note + '\n\n' : ''}Meldt af ${a.ctx.principal.name}. Vurdér, om planen skal ændres.`,
      dueOn: addDays(todayInCopenhagen(now), NEW_INFORMATION_DUE_DAYS),
      event: { source: 'manual' },
    });
    await g.tx
      .insertInto('new_information')
      .values({ municipality_id: a.ctx.principal.municipalityId, id, case_id: caseId, task_id: taskId, source: 'manual', title: body.title, created_at: now, created_by: a.ctx.principal.id })
      .execute();
    g.setResourceId(id);
    return (await readNewInformation(g.tx, caseId)).find((n) => n.id === id)!;
  });
}

export async function listNewInformation(a: Access, caseId: string): Promise<{ items: NewInformationDto[] }> {
  return a.gateway.run(a.ctx, { action: 'task.read', subject: { caseId }, resourceType: 'new_information', resourceId: caseId }, async (g) => ({
    items: await readNewInformation(g.tx, caseId),
  }));
}

/** The case's new-information signals with their tasks' state, newest first (openOnly: tasks still open) — for the overview. */
export async function readNewInformation(tx: Tx, caseId: string, openOnly = false): Promise<NewInformationDto[]> {
  let q = tx
    .selectFrom('new_information as n')
    .innerJoin('task as t', 't.id', 'n.task_id')
    .select(['n.id', 'n.case_id', 'n.task_id', 'n.source', 'n.title', 'n.sector', 'n.record_kind', 'n.created_at', 't.status'])
    .where('n.case_id', '=', caseId);
  if (openOnly) q = q.where('t.status', '=', 'open');
  const rows = await q.orderBy('n.created_at', 'desc').orderBy('n.id').execute();
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    taskId: r.task_id,
    source: r.source,
    title: r.title,
    sector: r.sector,
    recordKind: r.record_kind,
    createdAt: r.created_at.toISOString(),
    taskStatus: r.status,
  }));
}
