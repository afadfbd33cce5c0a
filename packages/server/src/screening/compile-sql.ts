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
 * `previousCandidates`, who was a candidate before): citizen_id, birth_date,
 * classification, mandatory_from, the record-id arrays, and `compact` — an
 * expression over a `judged p` row that builds the explanation, so it is
 * built only for the rows that need one.
 */
function judgedSql(plan: ScreeningPlan, citizens: CitizenFilter, previousCandidates: boolean): { ctes: RawBuilder<unknown>; compact: RawBuilder<unknown>; usedIds: RawBuilder<unknown> } {
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
        return { met: sql`(p.birth_date <= ${ageThresholdBirthDate(plan.onDate, c.years)}::date)`, ids: sql`'[]'::json` };
      case 'age_below':
        return { met: sql`(p.birth_date > ${ageThresholdBirthDate(plan.onDate, c.years)}::date)`, ids: sql`'[]'::json` };
      case 'has_records': {
        const column = sql.ref(`p.${idsOf(c.match)}`);
        return { met: sql`(coalesce(cardinality(${column}), 0) >= ${c.min ?? 1})`, ids: sql`to_json(coalesce(${column}, '{}'::uuid[]))` };
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

  // Built as json (text, cheap to nest) and turned into jsonb once: nesting jsonb
  // re-encodes every level and cost most of the statement's time.
  const compact = sql`json_build_object('v', 2,
    'gates', json_build_array(${sql.join(gates.map((g) => sql`json_build_array(${g.id}::text, ${g.met})`))}),
    'routes', json_build_array(${sql.join(
      judgedRoutes.map(
        (r) => sql`json_build_array(${r.route.id}::text, ${r.met}, json_build_array(${sql.join(
          r.criteria.map((x) => sql`json_build_array(${x.c.id}::text, ${x.met}, ${x.ids})`),
        )}))`,
      ),
    )}))::jsonb`;

  const counts = [...matches.values()].map(
    ({ match, column }) =>
      sql`array_agg(r.id) filter (where r.kind = ${match.kind} and r.code in (${sql.join(match.codes.map((code) => sql`${code}`))})${
        match.sectors?.length ? sql` and r.sector in (${sql.join(match.sectors.map((s) => sql`${s}`))})` : sql``
      }) as ${sql.id(column)}`,
  );
  const matchColumns = [...matches.values()].map((m) => sql.ref(`f.${m.column}`));
  const usedIds = [...matches.values()].map((m) => sql`coalesce(${sql.ref(`p.${m.column}`)}, '{}'::uuid[])`);
  const relevantCodes = [...new Set([...matches.values()].flatMap((x) => x.match.codes))];
  const recordsOf = citizens.kind === 'all' ? sql`true` : sql`r.citizen_id = any(${citizens.ids}::uuid[])`;
  const previousOf = citizens.kind === 'all' ? sql`true` : sql`s.citizen_id = any(${citizens.ids}::uuid[])`;

  const ctes = sql`
    f as (
      select r.citizen_id, ${sql.join(counts)}
      from (
        -- in id order, so every array of record ids comes out sorted (one sort of the
        -- relevant records; the stored form and its fingerprint depend on it)
        select r.* from sector_record r
        where r.start_date <= ${plan.onDate}::date and (r.end_date is null or r.end_date >= ${plan.onDate}::date)
          and r.code in (${sql.join(relevantCodes.map((c) => sql`${c}`))})
          and ${recordsOf}
        order by r.citizen_id, r.id
      ) r
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
      -- the join on coalesce() cannot use the key: name the few citizens outright
      where ${citizens.kind === 'all' ? sql`true` : sql`c.id = any(${citizens.ids}::uuid[])`}
    ),
    judged as (
      select p.citizen_id, p.birth_date, p.prev_fingerprint, p.prev_since,
        case when not ${gatesMet} then 'none'
          when ${anyOf('mandatory')} then ${mandatoryGroup}
          when ${anyOf('optional')} then 'optional'
          else 'none' end as classification,
        case when ${gatesMet} and ${anyOf('mandatory')} then ${plan.dutyApplies ? null : plan.dutyAhead}::date end as mandatory_from,
        ${sql.join([...matches.values()].map((m) => sql.ref(`p.${m.column}`)))}
      from p
    )`;
  return { ctes, compact, usedIds: usedIds.length ? sql`(${sql.join(usedIds, sql` || `)})` : sql`'{}'::uuid[]` };
}

/** Judges the given citizens without storing anything: the evaluator's check and the tests read this. */
export function judgeQuery(plan: ScreeningPlan, ids: string[]): RawBuilder<JudgedRow> {
  const j = judgedSql(plan, { kind: 'ids', ids }, false);
  return sql<JudgedRow>`with ${j.ctes}
    select p.citizen_id, p.birth_date, p.classification, p.mandatory_from, ${j.compact} as compact from judged p`;
}

/** A judged citizen; `compact` is core's CompactResult version 2. */
export interface JudgedRow {
  citizen_id: string;
  birth_date: string;
  classification: 'mandatory' | 'optional' | 'none';
  mandatory_from: string | null;
  compact: Record<string, unknown>;
}

export interface RunRecord {
  runId: string;
  now: Date;
  /** records the run row as done, with its counts, in the same statement (short runs) */
  record?: { scope: string; citizens: number; startedBy: string | null };
}

/**
 * The store part of a screening statement, after a CTE `explained`
 * (citizen_id, classification, mandatory_from, compact, used_ids,
 * prev_fingerprint, prev_since) of candidates and former candidates: for
 * each whose result differs from their latest stored one — the fingerprint
 * is md5 over group, rule set, duty date and the explanation as jsonb text,
 * so it is the same whoever built the explanation — stores the result with
 * a copy of the records relied on. The citizen's current status is their
 * latest result (the view target_group_status).
 * Leaves CTEs `kept` and `stored` for the counts.
 */
function storeCtes(plan: ScreeningPlan, run: RunRecord): RawBuilder<unknown> {
  return sql`
    kept as (
      select e.*, md5(e.classification || '|' || ${plan.ruleSet.id}::text || '|' || coalesce(e.mandatory_from::text, '') || '|' || e.compact::text) as fingerprint
      from explained e
    ),
    changed as (
      select k.*, gen_random_uuid() as result_id from kept k where k.fingerprint is distinct from k.prev_fingerprint
    ),
    stored as (
      insert into screening_result (municipality_id, id, citizen_id, run_id, rule_set_id, evaluated_on, evaluated_at, classification, mandatory_from, summary,
        explanation, fingerprint, candidate_since)
      select current_setting('helhed.municipality_id')::uuid, k.result_id, k.citizen_id, ${run.runId}::uuid, ${plan.ruleSet.id}, ${plan.onDate}::date, ${run.now},
        k.classification, k.mandatory_from, null, k.compact || jsonb_build_object('records', coalesce((
          select jsonb_agg(jsonb_build_object('id', s.id, 'kind', s.kind, 'sector', s.sector, 'code', s.code, 'title', s.title,
            'legalBasis', s.legal_basis, 'start', s.start_date, 'end', s.end_date, 'sourceSystem', s.source_system) order by s.id)
          from sector_record s where s.citizen_id = k.citizen_id and s.id = any(k.used_ids)), '[]'::jsonb)),
        k.fingerprint,
        -- a citizen who stays a candidate keeps their place in the queue
        case when k.classification = 'none' then null else coalesce(k.prev_since, ${run.now}::timestamptz) end
      from changed k
      returning citizen_id
    )
    ${run.record ? sql`, run as (
      insert into screening_run (municipality_id, id, scope, rule_set_id, evaluated_on, status, citizens_total, citizens_done, mandatory, optional, changed, started_at, started_by, finished_at)
      select current_setting('helhed.municipality_id')::uuid, ${run.runId}::uuid, ${run.record.scope}, ${plan.ruleSet.id}, ${plan.onDate}::date, 'done',
        ${run.record.citizens}, ${run.record.citizens},
        (select count(*) from kept where classification = 'mandatory'), (select count(*) from kept where classification = 'optional'),
        (select count(*) from stored), ${run.now}, ${run.record.startedBy}::uuid, ${run.now}
    )` : sql``}`;
}

const COUNTS = sql`
      (select count(*) from kept where classification = 'mandatory')::int as mandatory,
      (select count(*) from kept where classification = 'optional')::int as optional,
      (select count(*) from stored)::int as changed`;

/**
 * A whole municipality in one statement: judges every citizen with a
 * relevant record (and every former candidate), explains and stores what
 * changed, and returns the counts with a random sample of candidates and
 * non-candidates for the evaluator to check.
 */
export function screeningStatement(plan: ScreeningPlan, run: RunRecord & { sampleSize: number }): RawBuilder<ScreeningStatementRow> {
  const j = judgedSql(plan, { kind: 'all' }, true);
  return sql<ScreeningStatementRow>`
    with ${j.ctes},
    -- materialized: inlined into \`kept\`, the explanation would be built twice (row and fingerprint)
    explained as materialized (
      select p.citizen_id, p.birth_date, p.prev_fingerprint, p.prev_since, p.classification, p.mandatory_from,
        ${j.compact} as compact, ${j.usedIds} as used_ids
      from judged p
      where p.classification <> 'none' or p.prev_fingerprint is not null
    ),
    ${storeCtes(plan, run)}
    select ${COUNTS},
      (select coalesce(jsonb_agg(x), '[]') from (
        (select citizen_id, birth_date, classification, mandatory_from, compact from kept order by random() limit ${run.sampleSize})
        union all
        (select p.citizen_id, p.birth_date, p.classification, p.mandatory_from, ${j.compact} as compact
          from (select * from judged where classification = 'none' order by random() limit ${run.sampleSize}) p)
      ) x) as sample
  `;
}

/** A citizen judged by the evaluator, for `storeEvaluated`. */
export interface EvaluatedRow {
  citizen_id: string;
  classification: 'mandatory' | 'optional' | 'none';
  mandatory_from: string | null;
  /** core's CompactResult version 2, record ids sorted */
  compact: unknown;
  used_ids: string[];
}

/**
 * A few citizens judged by the evaluator (re-screening after new records):
 * stored by the same store part, so fingerprints match those of full runs.
 */
export function storeEvaluated(plan: ScreeningPlan, rows: EvaluatedRow[], run: RunRecord): RawBuilder<Omit<ScreeningStatementRow, 'sample'>> {
  return sql<Omit<ScreeningStatementRow, 'sample'>>`
    with input as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as x(citizen_id uuid, classification text, mandatory_from date, compact jsonb, used_ids uuid[])
    ),
    prev as (
      select s.citizen_id, s.fingerprint, s.candidate_since from target_group_status s
      -- the ids as a value, not a join: the view's latest-per-citizen is then computed for these citizens only
      where s.classification <> 'none' and s.citizen_id = any(${rows.map((r) => r.citizen_id)}::uuid[])
    ),
    explained as (
      select i.*, prev.fingerprint as prev_fingerprint, prev.candidate_since as prev_since
      from input i left join prev on prev.citizen_id = i.citizen_id
      where i.classification <> 'none' or prev.citizen_id is not null
    ),
    ${storeCtes(plan, run)}
    select ${COUNTS}
  `;
}

export interface ScreeningStatementRow {
  mandatory: number;
  optional: number;
  changed: number;
  /** judged rows for the evaluator to check: a random sample of candidates (and former candidates) and of non-candidates */
  sample: JudgedRow[];
}
