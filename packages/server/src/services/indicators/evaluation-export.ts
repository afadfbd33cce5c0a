import { sql } from 'kysely';
import { ageBand, EVALUATION_COLUMNS, EXPORT_CLASSIFICATION, EXPORT_SECTOR_COLUMNS, EXPORT_SURVEY_ANSWER, todayInCopenhagen, toCsv, type CsvValue, type LocalDate, type SurveyAnswer } from '@helhed/core';
import type { Access } from '../../access/access';
import type { Tx } from '../../db/transactions';
import { day, HOLISTIC_CONSENT_BY_CITIZEN } from './indicator-facts';
import { EVALUATION_KEY_PURPOSE, pseudonymKey, pseudonymOf } from './pseudonyms';

type Column = (typeof EVALUATION_COLUMNS)[number];

/**
 * The pseudonymised export for the national evaluation (SPEC C11): one CSV
 * row per citizen in the target group (latest screening skal/kan) or with a
 * holistic case. The citizen appears only as a keyed pseudonym, an age band
 * and the sex the CPR number gives; never a CPR number, a name or an id.
 * Audited once as an export with the purpose "national evaluation" and the
 * number of rows.
 */
export async function evaluationExport(a: Access): Promise<{ filename: string; csv: string; rows: number }> {
  const today = todayInCopenhagen(a.ctx.now());
  const criterion: Record<string, unknown> = { evaluationExport: today };
  const ctx = { ...a.ctx, purpose: 'national_evaluation' as const };
  return a.gateway.run(ctx, { action: 'indicators.export', subject: { search: criterion, resolve: async () => null }, resourceType: 'evaluation_export' }, async ({ tx }) => {
    const key = await pseudonymKey(tx, ctx, EVALUATION_KEY_PURPOSE);
    const rows = (await exportRows(tx, today)).map(({ citizenId, values }) => ({ ...values, pseudonym: pseudonymOf(key, citizenId) }));
    // The audit record (written after this work) says how many citizens left in the file.
    criterion.rows = rows.length;
    // In pseudonym order: the order of the file says nothing about when a citizen was registered.
    rows.sort((x, y) => (x.pseudonym < y.pseudonym ? -1 : 1));
    const csv = toCsv(EVALUATION_COLUMNS, rows.map((r) => EVALUATION_COLUMNS.map((c) => r[c] ?? null)));
    const code = (await tx.selectFrom('municipality').select('code').executeTakeFirstOrThrow()).code;
    return { filename: `helhed-evaluering-${code}-${today}.csv`, csv, rows: rows.length };
  });
}

async function exportRows(tx: Tx, today: LocalDate): Promise<{ citizenId: string; values: Partial<Record<Column, CsvValue>> }[]> {
  const { rows } = await sql<{
    citizen_id: string;
    birth_date: string;
    sex: 'female' | 'male';
    classification: 'mandatory' | 'optional' | 'none' | null;
    offered_on: string | null;
    consent_on: string | null;
    withdrawn_on: string | null;
    plan_on: string | null;
    decision_on: string | null;
    closed_on: string | null;
    sectors: Record<string, number> | null;
    complaints: number;
    changed: number;
    forwarded: number;
    stadfaestet: number;
    aendret: number;
    ophaevet: number;
    hjemvist: number;
    survey_answer: string | null;
    survey_period: string | null;
  }>`
    with people as (
      select citizen_id from target_group_status where classification in ('mandatory', 'optional')
      union
      select citizen_id from holistic_case
    ),
    holistic as (${HOLISTIC_CONSENT_BY_CITIZEN})
    select p.citizen_id, c.birth_date::text as birth_date, c.sex, s.classification,
      ${day(`least(
        (select min(t.assessed_at) from target_group_assessment t where t.citizen_id = p.citizen_id and t.outcome = 'offer'),
        (select min(k.opened_at) from holistic_case k where k.citizen_id = p.citizen_id))`)} as offered_on,
      ${day('h.first_given')} as consent_on,
      case when h.first_given is not null and h.last_action = 'withdrawn' then ${day('h.last_change')} end as withdrawn_on,
      ${day('(select min(v.changed_at) from plan pl join plan_version v on v.plan_id = pl.id join holistic_case k on k.id = pl.case_id where k.citizen_id = p.citizen_id)')} as plan_on,
      ${day(`(select min(d.issued_at) from decision d join holistic_case k on k.id = d.case_id where k.citizen_id = p.citizen_id and d.status = 'issued')`)} as decision_on,
      case when not exists (select 1 from holistic_case k where k.citizen_id = p.citizen_id and k.closed_at is null)
        then ${day('(select max(k.closed_at) from holistic_case k where k.citizen_id = p.citizen_id)')} end as closed_on,
      (select jsonb_object_agg(x.sector, x.n) from (
        select i.sector, count(*)::int as n from intervention i join holistic_case k on k.id = i.case_id
        where k.citizen_id = p.citizen_id and coalesce(i.visitation_status, 'granted') not in ('requested', 'rejected')
        group by i.sector) x) as sectors,
      count(q.id)::int as complaints,
      count(q.id) filter (where q.reassessment_outcome = 'change')::int as changed,
      count(q.id) filter (where q.reassessment_outcome = 'uphold')::int as forwarded,
      count(q.id) filter (where q.appeal_result = 'stadfaestet')::int as stadfaestet,
      count(q.id) filter (where q.appeal_result = 'aendret')::int as aendret,
      count(q.id) filter (where q.appeal_result = 'ophaevet')::int as ophaevet,
      count(q.id) filter (where q.appeal_result = 'hjemvist')::int as hjemvist,
      (select r.answer from survey_response r join holistic_case k on k.id = r.case_id where k.citizen_id = p.citizen_id order by r.answered_at desc limit 1) as survey_answer,
      (select r.period from survey_response r join holistic_case k on k.id = r.case_id where k.citizen_id = p.citizen_id order by r.answered_at desc limit 1) as survey_period
    from people p
    join citizen c on c.id = p.citizen_id
    left join target_group_status s on s.citizen_id = p.citizen_id
    left join holistic h on h.citizen_id = p.citizen_id
    left join holistic_case qk on qk.citizen_id = p.citizen_id
    left join complaint q on q.case_id = qk.id
    group by p.citizen_id, c.birth_date, c.sex, s.classification, h.first_given, h.last_action, h.last_change
  `.execute(tx);
  return rows.map((r) => {
    const values: Partial<Record<Column, CsvValue>> = {
      aldersgruppe: ageBand(r.birth_date, today),
      koen: r.sex === 'female' ? 'kvinde' : 'mand',
      maalgruppe: r.classification ? EXPORT_CLASSIFICATION[r.classification] : EXPORT_CLASSIFICATION.unscreened,
      tilbudt_dato: r.offered_on,
      samtykke_dato: r.consent_on,
      samtykke_tilbagekaldt_dato: r.withdrawn_on,
      foerste_plan_dato: r.plan_on,
      foerste_afgoerelse_dato: r.decision_on,
      sag_lukket_dato: r.closed_on,
      indsatser_beskaeftigelse: 0,
      indsatser_voksensocial: 0,
      indsatser_sundhed: 0,
      indsatser_boern_familie: 0,
      indsatser_uddannelse: 0,
      indsatser_bolig: 0,
      indsatser_oevrige: 0,
      klager: r.complaints,
      klager_omgjort_af_kommunen: r.changed,
      klager_sendt_til_ankestyrelsen: r.forwarded,
      ankestyrelsen_stadfaestet: r.stadfaestet,
      ankestyrelsen_aendret: r.aendret,
      ankestyrelsen_ophaevet: r.ophaevet,
      ankestyrelsen_hjemvist: r.hjemvist,
      seneste_svar_sammenhaengende_forloeb: r.survey_answer ? EXPORT_SURVEY_ANSWER[r.survey_answer as SurveyAnswer] : null,
      seneste_svar_kvartal: r.survey_period,
    };
    for (const [sector, n] of Object.entries(r.sectors ?? {})) {
      const column = EXPORT_SECTOR_COLUMNS[sector] ?? 'indsatser_oevrige';
      values[column] = Number(values[column] ?? 0) + n;
    }
    return { citizenId: r.citizen_id, values };
  });
}
