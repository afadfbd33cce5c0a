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
 * `judged`: one row per citizen with a relevant active record (for a whole
 * municipality: within the gates) or, with `previousCandidates`, who was a
 * candidate before: citizen_id, birth_date,
 * classification, mandatory_from, the record-id arrays, and `compact` — an
 * expression over a `judged p` row that builds the explanation, so it is
 * built only for the rows that need one. A whole municipality also gets
 * `sample_judged`: `sampleSize` random citizens with relevant records.
 */
function judgedSql(plan: ScreeningPlan, citizens: CitizenFilter, previousCandidates: boolean, sampleSize = 0): { ctes: RawBuilder<unknown>; compact: RawBuilder<unknown> } {
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
  const criterionSql = (c: Criterion): { met: RawBuilder<boolean>; ids: TextPart } => {
    switch (c.type) {
      case 'age_at_least':
        return { met: sql`(p.birth_date <= ${ageThresholdBirthDate(plan.onDate, c.years)}::date)`, ids: '[]' };
      case 'age_below':
        return { met: sql`(p.birth_date > ${ageThresholdBirthDate(plan.onDate, c.years)}::date)`, ids: '[]' };
      case 'has_records': {
        const column = sql.ref(`p.${idsOf(c.match)}`);
        return { met: sql`(coalesce(cardinality(${column}), 0) >= ${c.min ?? 1})`, ids: sql`coalesce(array_to_json(${column})::text, '[]')` };
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

  // The gates over a row alias: judged rows (p) and, for a whole municipality, the citizens joined (c).
  const gatesOn = (alias: string) => {
    const birthDate = sql.ref(`${alias}.birth_date`);
    const gates: { id: string; met: RawBuilder<boolean> }[] = [{ id: GATE_MINIMUM_AGE, met: sql`(${birthDate} <= ${ageThresholdBirthDate(plan.onDate, rules.minimumAge)}::date)` }];
    if (rules.pensionAgeLimit) {
      // Reached: born in a band on or before that band's threshold.
      const reached = pensionThresholds(plan.onDate).map((band) => {
        const inBand = [
          band.bornFrom ? sql`${birthDate} >= ${band.bornFrom}::date` : sql`true`,
          band.bornBefore ? sql`${birthDate} < ${band.bornBefore}::date` : sql`true`,
          sql`${birthDate} <= ${band.latestBirthDate}::date`,
        ];
        return sql`(${sql.join(inBand, sql` and `)})`;
      });
      gates.push({ id: GATE_PENSION_AGE, met: sql`not (${sql.join(reached, sql` or `)})` });
    }
    return gates;
  };
  const allGatesMet = (gates: { met: RawBuilder<boolean> }[]) => sql<boolean>`(${sql.join(gates.map((g) => g.met), sql` and `)})`;
  const gates = gatesOn('p');
  const gatesMet = allGatesMet(gates);
  const mandatoryGroup = plan.dutyApplies ? 'mandatory' : 'optional';

  // Built as JSON text by concatenation, byte for byte as JSON.stringify writes
  // core's CompactResult (the evaluator's path stores that text): the layout is
  // fixed by the rule data, and json_build_array's per-argument type handling
  // cost more than the rest of the explanation together.
  const compact = jsonText([
    '{"v":2,"gates":[',
    ...separated(gates.map((g) => ['[', JSON.stringify(g.id), ',', boolText(g.met), ']'])),
    '],"routes":[',
    ...separated(
      judgedRoutes.map((r) => [
        '[', JSON.stringify(r.route.id), ',', boolText(r.met), ',[',
        ...separated(r.criteria.map((x) => ['[', JSON.stringify(x.c.id), ',', boolText(x.met), ',', x.ids, ']'])),
        ']]',
      ]),
    ),
    ']}',
  ]);

  const matching = (match: RecordMatch) =>
    sql`(r.kind = ${match.kind} and r.code in (${sql.join(match.codes.map((code) => sql`${code}`))})${
      match.sectors?.length ? sql` and r.sector in (${sql.join(match.sectors.map((s) => sql`${s}`))})` : sql``
    })`;
  const counts = [...matches.values()].map(({ match, column }) => sql`array_agg(r.id) filter (where ${matching(match)}) as ${sql.id(column)}`);
  // The records any criterion relies on, as they are copied into a stored explanation.
  const records = sql`json_agg(${RECORD_JSON}) filter (where ${sql.join([...matches.values()].map((m) => matching(m.match)), sql` or `)})::text as records`;
  const matchColumns = [...matches.values()].map((m) => sql.ref(`f.${m.column}`));
  const matchAndRecordColumns = [...matchColumns, sql`f.records`];
  const relevantCodes = [...new Set([...matches.values()].flatMap((x) => x.match.codes))];
  const recordsOf = citizens.kind === 'all' ? sql`true` : sql`r.citizen_id = any(${citizens.ids}::uuid[])`;
  const previousOf = citizens.kind === 'all' ? sql`true` : sql`s.citizen_id = any(${citizens.ids}::uuid[])`;

  const judge = (source: RawBuilder<unknown>) => sql`
      select p.citizen_id, p.birth_date, p.prev_fingerprint, p.prev_since,
        case when not ${gatesMet} then 'none'
          when ${anyOf('mandatory')} then ${mandatoryGroup}
          when ${anyOf('optional')} then 'optional'
          else 'none' end as classification,
        case when ${gatesMet} and ${anyOf('mandatory')} then ${plan.dutyApplies ? null : plan.dutyAhead}::date end as mandatory_from,
        ${sql.join([...matches.values()].map((m) => sql.ref(`p.${m.column}`)))}, p.records
      from ${source}`;

  const ctes = sql`
    f as (
      select r.citizen_id, ${sql.join(counts)}, ${records}
      from (
        -- in id order, so every array of record ids comes out sorted (one sort of the
        -- relevant records; the stored form and its fingerprint depend on it)
        select r.citizen_id, r.id, r.kind, r.code, r.sector, r.title, r.legal_basis, r.start_date, r.end_date, r.source_system from sector_record r
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
    -- Citizens with relevant records (for a whole municipality only those within the
    -- gates: the others cannot be candidates), then former candidates not among them.
    -- Filtering on the join keeps the citizens out of a hash of all of them.
    p as (
      select c.id as citizen_id, c.birth_date, prev.fingerprint as prev_fingerprint, prev.candidate_since as prev_since, ${sql.join(matchAndRecordColumns)}
      from f join citizen c on c.id = f.citizen_id ${citizens.kind === 'all' ? sql`and ${allGatesMet(gatesOn('c'))}` : sql``}
      left join prev on prev.citizen_id = f.citizen_id
      union all
      select c.id, c.birth_date, prev.fingerprint, prev.candidate_since, ${sql.join(matchAndRecordColumns)}
      from prev join citizen c on c.id = prev.citizen_id
      left join f on f.citizen_id = prev.citizen_id
      where f.citizen_id is null ${citizens.kind === 'all' ? sql`or not ${allGatesMet(gatesOn('c'))}` : sql``}
    ),
    judged as (${judge(sql`p`)})${citizens.kind === 'all' ? sql`,
    -- for the evaluator's check: random citizens with relevant records, whatever their
    -- gates, judged the same way (p leaves out those outside the gates)
    -- (the record copies are left out before the random pick: it sorts only what it needs)
    sample_p as (
      select c.id as citizen_id, c.birth_date, null::text as prev_fingerprint, null::timestamptz as prev_since, ${sql.join(matchColumns)}, null::text as records
      from (select f.citizen_id, ${sql.join(matchColumns)} from f order by random() limit ${sampleSize}) f join citizen c on c.id = f.citizen_id
    ),
    sample_judged as (${judge(sql`sample_p p`)})` : sql``}`;
  return { ctes, compact };
}

/** Judges the given citizens without storing anything: the evaluator's check and the tests read this. */
export function judgeQuery(plan: ScreeningPlan, ids: string[]): RawBuilder<JudgedRow> {
  const j = judgedSql(plan, { kind: 'ids', ids }, false);
  return sql<JudgedRow>`with ${j.ctes}
    select p.citizen_id, p.birth_date, p.classification, p.mandatory_from, (${j.compact})::json as compact from judged p`;
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
 * The store part of a screening statement, after a materialized CTE
 * `explained` (citizen_id, classification, mandatory_from, compact — the
 * CompactResult as JSON text —, fingerprint — `fingerprintOf` it —, records
 * — the records relied on as a JSON array's text —, prev_fingerprint,
 * prev_since) of candidates and former candidates: stores the result of each
 * whose fingerprint differs from their latest stored one, with a copy of the
 * records relied on. The fingerprint is taken over the same text whoever
 * built the explanation, so the two paths agree. The citizen's current
 * status is their latest result (the view target_group_status). Leaves the
 * CTE `stored` for the counts.
 */
function storeCtes(plan: ScreeningPlan, run: RunRecord): RawBuilder<unknown> {
  return sql`
    stored as (
      insert into screening_result (municipality_id, id, citizen_id, run_id, rule_set_id, evaluated_on, evaluated_at, classification, mandatory_from, summary,
        explanation, fingerprint, candidate_since)
      select (select current_setting('helhed.municipality_id')::uuid), gen_random_uuid(), e.citizen_id, ${run.runId}::uuid, ${plan.ruleSet.id}, ${plan.onDate}::date, ${run.now},
        e.classification, e.mandatory_from, null,
        -- the records joined into the explanation's text, stored as json (checked, not converted)
        (left(e.compact, -1) || ',"records":' || coalesce(e.records, '[]') || '}')::json,
        e.fingerprint,
        -- a citizen who stays a candidate keeps their place in the queue
        case when e.classification = 'none' then null else coalesce(e.prev_since, ${run.now}::timestamptz) end
      from explained e
      where e.fingerprint is distinct from e.prev_fingerprint
      returning citizen_id
    )
    ${run.record ? sql`, run as (
      insert into screening_run (municipality_id, id, scope, rule_set_id, evaluated_on, status, citizens_total, citizens_done, mandatory, optional, changed, started_at, started_by, finished_at)
      select current_setting('helhed.municipality_id')::uuid, ${run.runId}::uuid, ${run.record.scope}, ${plan.ruleSet.id}, ${plan.onDate}::date, 'done',
        ${run.record.citizens}, ${run.record.citizens},
        (select count(*) from explained where classification = 'mandatory'), (select count(*) from explained where classification = 'optional'),
        (select count(*) from stored), ${run.now}, ${run.record.startedBy}::uuid, ${run.now}
    )` : sql``}`;
}

const COUNTS = sql`
      (select count(*) from explained where classification = 'mandatory')::int as mandatory,
      (select count(*) from explained where classification = 'optional')::int as optional,
      (select count(*) from stored)::int as changed`;

/** The fingerprint column of an `explained` row `e`. */
function fingerprintOf(plan: ScreeningPlan): RawBuilder<string> {
  return resultFingerprint(sql`e.classification`, sql`${plan.ruleSet.id}::text`, sql`e.mandatory_from`, sql`e.compact`);
}

/**
 * A whole municipality in one statement: judges every citizen with a
 * relevant record within the gates (and every former candidate), explains
 * and stores what changed, and returns the counts with a random sample of
 * the results and of citizens with relevant records (gates included) for
 * the evaluator to check.
 */
export function screeningStatement(plan: ScreeningPlan, run: RunRecord & { sampleSize: number }): RawBuilder<ScreeningStatementRow> {
  const j = judgedSql(plan, { kind: 'all' }, true, run.sampleSize);
  return sql<ScreeningStatementRow>`
    with ${j.ctes},
    -- materialized: read by the store, the counts and the sample; the explanation is built once
    explained as materialized (
      select e.*, ${fingerprintOf(plan)} as fingerprint
      from (
        select p.citizen_id, p.birth_date, p.prev_fingerprint, p.prev_since, p.classification, p.mandatory_from,
          ${j.compact} as compact, p.records
        from judged p
        where p.classification <> 'none' or p.prev_fingerprint is not null
      ) e
    ),
    ${storeCtes(plan, run)}
    select ${COUNTS},
      (select coalesce(jsonb_agg(x), '[]') from (
        (select citizen_id, birth_date, classification, mandatory_from, compact::json as compact
          from (select citizen_id, birth_date, classification, mandatory_from, compact from explained order by random() limit ${run.sampleSize}) k)
        union all
        (select p.citizen_id, p.birth_date, p.classification, p.mandatory_from, (${j.compact})::json as compact from sample_judged p)
      ) x) as sample
  `;
}

/**
 * A result's fingerprint: md5 over group, rule set, duty date and the
 * CompactResult's JSON text (as JSON.stringify writes it). Results of a
 * citizen with the same fingerprint say the same, so only changes are stored.
 */
export function resultFingerprint(classification: RawBuilder<unknown>, ruleSetId: RawBuilder<unknown>, mandatoryFrom: RawBuilder<unknown>, compactText: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`md5(${classification} || '|' || ${ruleSetId} || '|' || coalesce(${mandatoryFrom}::text, '') || '|' || ${compactText})`;
}

/** A citizen judged by the evaluator, for `storeEvaluated`. */
export interface EvaluatedRow {
  citizen_id: string;
  classification: 'mandatory' | 'optional' | 'none';
  mandatory_from: string | null;
  /** core's CompactResult version 2, record ids sorted, as JSON.stringify writes it */
  compact: string;
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
        as x(citizen_id uuid, classification text, mandatory_from date, compact text, used_ids uuid[])
    ),
    prev as (
      select s.citizen_id, s.fingerprint, s.candidate_since from target_group_status s
      -- the ids as a value, not a join: the view's latest-per-citizen is then computed for these citizens only
      where s.classification <> 'none' and s.citizen_id = any(${rows.map((r) => r.citizen_id)}::uuid[])
    ),
    explained as materialized (
      select e.*, ${fingerprintOf(plan)} as fingerprint
      from (
        select i.*, prev.fingerprint as prev_fingerprint, prev.candidate_since as prev_since,
          (select json_agg(${RECORD_JSON} order by r.id) from sector_record r where r.citizen_id = i.citizen_id and r.id = any(i.used_ids))::text as records
        from input i left join prev on prev.citizen_id = i.citizen_id
        where i.classification <> 'none' or prev.citizen_id is not null
      ) e
    ),
    ${storeCtes(plan, run)}
    select ${COUNTS}
  `;
}

export interface ScreeningStatementRow {
  mandatory: number;
  optional: number;
  changed: number;
  /** judged rows for the evaluator to check: a random sample of the stored results (candidates and former candidates) and of all citizens with relevant records */
  sample: JudgedRow[];
}

/** A sector record `r` as a stored explanation copies it (the records relied on, as they were). */
const RECORD_JSON = sql`json_build_object('id', r.id, 'kind', r.kind, 'sector', r.sector, 'code', r.code, 'title', r.title,
  'legalBasis', r.legal_basis, 'start', r.start_date, 'end', r.end_date, 'sourceSystem', r.source_system)`;

/** A piece of JSON text: a constant, or an SQL expression of type text. */
type TextPart = string | RawBuilder<unknown>;

/** The parts joined by commas. */
function separated(items: TextPart[][]): TextPart[] {
  return items.flatMap((item, i) => (i === 0 ? item : [',', ...item]));
}

/** JSON's true/false for a boolean expression (never null: the gates and criteria are total). */
function boolText(met: RawBuilder<boolean>): RawBuilder<unknown> {
  return sql`(${met})::text`;
}

/** JSON text concatenated from constants (passed as parameters, adjacent ones merged) and expressions. */
function jsonText(parts: TextPart[]): RawBuilder<unknown> {
  const merged: TextPart[] = [];
  for (const part of parts) {
    const last = merged.at(-1);
    if (typeof part === 'string' && typeof last === 'string') merged[merged.length - 1] = last + part;
    else merged.push(part);
  }
  return sql`(${sql.join(merged.map((part) => (typeof part === 'string' ? sql`${part}::text` : part)), sql` || `)})`;
}
