import { sql, type RawBuilder } from 'kysely';
import {
  ageThresholdBirthDate,
  GATE_MINIMUM_AGE,
  GATE_PENSION_AGE,
  pensionThresholds,
  type Criterion,
  type LocalDate,
  type RecordMatch,
  type RuleSet,
} from '@helhed/core';

/**
 * Compiles a rule set's target-group criteria (data) into set-based SQL that
 * judges citizens the way the pure evaluator does — gates, every route, every
 * criterion with the records behind it — and builds the stored explanation
 * (compact form version 2, see core `compactResult`) in the database. Age
 * limits become birth-date thresholds computed here by the evaluator's own
 * functions. The evaluator checks a sample of every run against this
 * (screen.ts), and the tests check all of it.
 */
export interface ScreeningPlan {
  ruleSet: RuleSet;
  onDate: LocalDate;
  /** true when the duty to offer the mandatory group applies on `onDate` */
  dutyApplies: boolean;
  /** the duty date when it lies ahead (a mandatory route then yields the optional group until it) */
  dutyAhead: LocalDate | null;
  /** the municipality's own phase-in date, for the evaluator's check */
  dutyFrom: LocalDate | undefined;
}

export type CitizenFilter = { kind: 'all' } | { kind: 'ids'; ids: string[] };

/**
 * `judged`: one row per citizen with a relevant active record (or, with
 * `previousCandidates`, who was a candidate before), with the columns
 * citizen_id, birth_date, classification, mandatory_from, compact (jsonb), used_ids (uuid[]).
 */
function judgedCtes(plan: ScreeningPlan, citizens: CitizenFilter, previousCandidates: boolean): RawBuilder<unknown> {
  const rules = plan.ruleSet.targetGroup;
  const routes = [...rules.mandatory.map((route) => ({ group: 'mandatory' as const, route })), ...rules.optional.map((route) => ({ group: 'optional' as const, route }))];
  const everyRouteNeedsRecords = routes.every((r) => r.route.all.some((c) => c.type === 'has_records'));
  // Citizens without a relevant active record cannot be candidates, so the aggregate drives.
  if (!everyRouteNeedsRecords) throw new Error('a route without a record criterion needs every citizen judged; not supported yet');

  const matches = new Map<string, { match: RecordMatch; column: string }>();
  const idsOf = (match: RecordMatch) => {
    const key = JSON.stringify(match);
    let entry = matches.get(key);
    if (!entry) matches.set(key, (entry = { match, column: `m${matches.size}` }));
    return entry.column;
  };
  const criterionSql = (c: Criterion): { met: RawBuilder<boolean>; ids: RawBuilder<unknown> } => {
    switch (c.type) {
      case 'age_at_least':
        return { met: sql`(p.birth_date <= ${ageThresholdBirthDate(plan.onDate, c.years)}::date)`, ids: sql`'[]'::jsonb` };
      case 'age_below':
        return { met: sql`(p.birth_date > ${ageThresholdBirthDate(plan.onDate, c.years)}::date)`, ids: sql`'[]'::jsonb` };
      case 'has_records': {
        const column = sql.ref(`p.${idsOf(c.match)}`);
        return { met: sql`(coalesce(cardinality(${column}), 0) >= ${c.min ?? 1})`, ids: sql`to_jsonb(coalesce(${column}, '{}'::uuid[]))` };
      }
    }
  };
  const judgedRoutes = routes.map((r) => {
    const criteria = r.route.all.map((c) => ({ c, ...criterionSql(c) }));
    return { ...r, met: sql<boolean>`(${sql.join(criteria.map((x) => x.met), sql` and `)})`, criteria };
  });
  const anyOf = (group: 'mandatory' | 'optional') => {
    const list = judgedRoutes.filter((r) => r.group === group);
    return list.length ? sql<boolean>`(${sql.join(list.map((r) => r.met), sql` or `)})` : sql<boolean>`false`;
  };

  const gates: { id: string; met: RawBuilder<boolean> }[] = [{ id: GATE_MINIMUM_AGE, met: sql`(p.birth_date <= ${ageThresholdBirthDate(plan.onDate, rules.minimumAge)}::date)` }];
  if (rules.pensionAgeLimit) {
    // Reached: born in a band on or before that band's threshold.
    const reached = pensionThresholds(plan.onDate).map((band) => {
      const inBand = [
        band.bornFrom ? sql`p.birth_date >= ${band.bornFrom}::date` : sql`true`,
        band.bornBefore ? sql`p.birth_date < ${band.bornBefore}::date` : sql`true`,
        sql`p.birth_date <= ${band.latestBirthDate}::date`,
      ];
      return sql`(${sql.join(inBand, sql` and `)})`;
    });
    gates.push({ id: GATE_PENSION_AGE, met: sql`not (${sql.join(reached, sql` or `)})` });
  }
  const gatesMet = sql<boolean>`(${sql.join(gates.map((g) => g.met), sql` and `)})`;
  const mandatoryGroup = plan.dutyApplies ? 'mandatory' : 'optional';

  const compact = sql`jsonb_build_object('v', 2,
    'gates', jsonb_build_array(${sql.join(gates.map((g) => sql`jsonb_build_array(${g.id}::text, ${g.met})`))}),
    'routes', jsonb_build_array(${sql.join(
      judgedRoutes.map(
        (r) => sql`jsonb_build_array(${r.route.id}::text, ${r.met}, jsonb_build_array(${sql.join(
          r.criteria.map((x) => sql`jsonb_build_array(${x.c.id}::text, ${x.met}, ${x.ids})`),
        )}))`,
      ),
    )}))`;

  const counts = [...matches.values()].map(
    ({ match, column }) =>
      sql`array_agg(r.id order by r.id) filter (where r.kind = ${match.kind} and r.code in (${sql.join(match.codes.map((code) => sql`${code}`))})${
        match.sectors?.length ? sql` and r.sector in (${sql.join(match.sectors.map((s) => sql`${s}`))})` : sql``
      }) as ${sql.id(column)}`,
  );
  const matchColumns = [...matches.values()].map((m) => sql.ref(`f.${m.column}`));
  const usedIds = [...matches.values()].map((m) => sql`coalesce(${sql.ref(`p.${m.column}`)}, '{}'::uuid[])`);
  const relevantCodes = [...new Set([...matches.values()].flatMap((x) => x.match.codes))];
  const recordsOf = citizens.kind === 'all' ? sql`true` : sql`r.citizen_id = any(${citizens.ids}::uuid[])`;
  const previousOf = citizens.kind === 'all' ? sql`true` : sql`s.citizen_id = any(${citizens.ids}::uuid[])`;

  return sql`
    f as (
      select r.citizen_id, ${sql.join(counts)}
      from sector_record r
      where r.start_date <= ${plan.onDate}::date and (r.end_date is null or r.end_date >= ${plan.onDate}::date)
        and r.code in (${sql.join(relevantCodes.map((c) => sql`${c}`))})
        and ${recordsOf}
      group by r.citizen_id
    ),
    prev as (
      select s.citizen_id, s.fingerprint, s.candidate_since
      from target_group_status s
      where ${previousCandidates ? sql`s.classification <> 'none' and ${previousOf}` : sql`false`}
    ),
    p as (
      select c.id as citizen_id, c.birth_date, prev.fingerprint as prev_fingerprint, prev.candidate_since as prev_since, ${sql.join(matchColumns)}
      from f full join prev on prev.citizen_id = f.citizen_id
      join citizen c on c.id = coalesce(f.citizen_id, prev.citizen_id)
    ),
    judged as (
      select p.citizen_id, p.birth_date, p.prev_fingerprint, p.prev_since,
        case when not ${gatesMet} then 'none'
          when ${anyOf('mandatory')} then ${mandatoryGroup}
          when ${anyOf('optional')} then 'optional'
          else 'none' end as classification,
        case when ${gatesMet} and ${anyOf('mandatory')} then ${plan.dutyApplies ? null : plan.dutyAhead}::date end as mandatory_from,
        ${compact} as compact,
        ${usedIds.length ? sql`${sql.join(usedIds, sql` || `)}` : sql`'{}'::uuid[]`} as used_ids
      from p
    )`;
}

/** Judges the given citizens without storing anything: the evaluator's check and the tests read this. */
export function judgeQuery(plan: ScreeningPlan, ids: string[]): RawBuilder<JudgedRow> {
  return sql<JudgedRow>`with ${judgedCtes(plan, { kind: 'ids', ids }, false)}
    select citizen_id, birth_date, classification, mandatory_from, compact from judged`;
}

/** A judged citizen; `compact` is core's CompactResult version 2. */
export interface JudgedRow {
  citizen_id: string;
  birth_date: string;
  classification: 'mandatory' | 'optional' | 'none';
  mandatory_from: string | null;
  compact: Record<string, unknown>;
}

/**
 * One statement: judges the citizens, and for every candidate (and every
 * former candidate) whose result differs from their latest stored one —
 * the fingerprint covers classification, rule set, duty date and every
 * criterion with its records — stores the result with a copy of the records
 * relied on, and moves the citizen's current status. Returns the counts and
 * a random sample of candidates and non-candidates for the evaluator to check.
 */
export function screeningStatement(plan: ScreeningPlan, citizens: CitizenFilter, run: { runId: string; now: Date; sampleSize: number; record?: { scope: string; citizens: number; startedBy: string | null } }): RawBuilder<ScreeningStatementRow> {
  return sql<ScreeningStatementRow>`
    with ${judgedCtes(plan, citizens, true)},
    kept as (
      select j.*, md5(j.classification || '|' || ${plan.ruleSet.id}::text || '|' || coalesce(j.mandatory_from::text, '') || '|' || j.compact::text) as fingerprint
      from judged j
      where j.classification <> 'none' or j.prev_fingerprint is not null
    ),
    changed as (
      select k.*, gen_random_uuid() as result_id from kept k where k.fingerprint is distinct from k.prev_fingerprint
    ),
    stored as (
      insert into screening_result (municipality_id, id, citizen_id, run_id, rule_set_id, evaluated_on, evaluated_at, classification, mandatory_from, summary, explanation, fingerprint)
      select current_setting('helhed.municipality_id')::uuid, k.result_id, k.citizen_id, ${run.runId}::uuid, ${plan.ruleSet.id}, ${plan.onDate}::date, ${run.now},
        k.classification, k.mandatory_from, null, k.compact || jsonb_build_object('records', coalesce((
          select jsonb_agg(jsonb_build_object('id', s.id, 'kind', s.kind, 'sector', s.sector, 'code', s.code, 'title', s.title,
            'legalBasis', s.legal_basis, 'start', s.start_date, 'end', s.end_date, 'sourceSystem', s.source_system) order by s.id)
          from sector_record s where s.citizen_id = k.citizen_id and s.id = any(k.used_ids)), '[]'::jsonb)),
        k.fingerprint
      from changed k
      returning citizen_id
    ),
    status as (
      insert into target_group_status (municipality_id, citizen_id, result_id, classification, rule_set_id, fingerprint, candidate_since)
      select current_setting('helhed.municipality_id')::uuid, k.citizen_id, k.result_id, k.classification, ${plan.ruleSet.id}, k.fingerprint,
        -- a citizen who stays a candidate keeps their place in the queue
        case when k.classification = 'none' then null else coalesce(k.prev_since, ${run.now}::timestamptz) end
      from changed k
      on conflict (municipality_id, citizen_id) do update set
        result_id = excluded.result_id, classification = excluded.classification, rule_set_id = excluded.rule_set_id,
        fingerprint = excluded.fingerprint, candidate_since = excluded.candidate_since
    )
    ${run.record ? sql`, run as (
      insert into screening_run (municipality_id, id, scope, rule_set_id, evaluated_on, status, citizens_total, citizens_done, mandatory, optional, changed, started_at, started_by, finished_at)
      select current_setting('helhed.municipality_id')::uuid, ${run.runId}::uuid, ${run.record.scope}, ${plan.ruleSet.id}, ${plan.onDate}::date, 'done',
        ${run.record.citizens}, ${run.record.citizens},
        (select count(*) from kept where classification = 'mandatory'), (select count(*) from kept where classification = 'optional'),
        (select count(*) from stored), ${run.now}, ${run.record.startedBy}::uuid, ${run.now}
    )` : sql``}
    select
      (select count(*) from kept where classification = 'mandatory')::int as mandatory,
      (select count(*) from kept where classification = 'optional')::int as optional,
      (select count(*) from stored)::int as changed,
      (select coalesce(jsonb_agg(x), '[]') from (
        (select citizen_id, birth_date, classification, mandatory_from, compact from kept order by random() limit ${run.sampleSize})
        union all
        (select citizen_id, birth_date, classification, mandatory_from, compact from judged where classification = 'none' order by random() limit ${run.sampleSize})
      ) x) as sample
  `;
}

export interface ScreeningStatementRow {
  mandatory: number;
  optional: number;
  changed: number;
  /** judged rows for the evaluator to check: a random sample of candidates (and former ones) and of non-candidates */
  sample: JudgedRow[];
}
