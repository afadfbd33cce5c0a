import { sql, type RawBuilder } from 'kysely';
import {
  ageThresholdBirthDate,
  pensionThresholds,
  type Criterion,
  type LocalDate,
  type RecordMatch,
  type Route,
  type TargetGroupRules,
} from '@helhed/core';

/**
 * Compiles a rule set's target-group criteria (data) into one set-based SQL
 * query that finds, among the given citizens, those any route admits. The
 * age limits become birth-date thresholds computed here from the same
 * functions the evaluator uses, so SQL and the pure evaluator agree
 * (asserted for every candidate when results are stored).
 */
export function candidateQuery(rules: TargetGroupRules, onDate: LocalDate, citizens: CitizenFilter): RawBuilder<CandidateRow> {
  const routes = [...rules.mandatory.map((r) => ({ group: 'mandatory' as const, route: r })), ...rules.optional.map((r) => ({ group: 'optional' as const, route: r }))];
  const counted = new Map<string, { match: RecordMatch; alias: string }>();
  const countOf = (match: RecordMatch) => {
    const key = JSON.stringify(match);
    let entry = counted.get(key);
    if (!entry) counted.set(key, (entry = { match, alias: `n${counted.size}` }));
    return sql.ref(`f.${entry.alias}`);
  };
  const criterion = (c: Criterion): RawBuilder<boolean> => {
    switch (c.type) {
      case 'age_at_least':
        return sql<boolean>`c.birth_date <= ${ageThresholdBirthDate(onDate, c.years)}::date`;
      case 'age_below':
        return sql<boolean>`c.birth_date > ${ageThresholdBirthDate(onDate, c.years)}::date`;
      case 'has_records':
        return sql<boolean>`coalesce(${countOf(c.match)}, 0) >= ${c.min ?? 1}`;
    }
  };
  const routeMet = (r: Route) => sql<boolean>`(${sql.join(r.all.map(criterion), sql` and `)})`;
  const anyOf = (list: { route: Route }[]) => (list.length ? sql<boolean>`(${sql.join(list.map((x) => routeMet(x.route)), sql` or `)})` : sql<boolean>`false`);
  const mandatory = anyOf(routes.filter((r) => r.group === 'mandatory'));
  const optional = anyOf(routes.filter((r) => r.group === 'optional'));

  const gates: RawBuilder<boolean>[] = [sql`c.birth_date <= ${ageThresholdBirthDate(onDate, rules.minimumAge)}::date`];
  if (rules.pensionAgeLimit) {
    // Excluded: anyone born in a band on or before the band's threshold (they have reached their pension age).
    for (const band of pensionThresholds(onDate)) {
      const inBand = [
        band.bornFrom ? sql`c.birth_date >= ${band.bornFrom}::date` : sql`true`,
        band.bornBefore ? sql`c.birth_date < ${band.bornBefore}::date` : sql`true`,
        sql`c.birth_date <= ${band.latestBirthDate}::date`,
      ];
      gates.push(sql`not (${sql.join(inBand, sql` and `)})`);
    }
  }

  const counts = [...counted.values()].map(
    ({ match, alias }) =>
      sql`count(*) filter (where r.kind = ${match.kind} and r.code in (${sql.join(match.codes.map((code) => sql`${code}`))})${
        match.sectors?.length ? sql` and r.sector in (${sql.join(match.sectors.map((s) => sql`${s}`))})` : sql``
      }) as ${sql.id(alias)}`,
  );
  const relevantCodes = [...new Set([...counted.values()].flatMap((x) => x.match.codes))];
  // Every route needs at least one record (true of all rule sets): citizens
  // without a relevant active record cannot be candidates, so join inner.
  const everyRouteNeedsRecords = routes.every((r) => r.route.all.some((c) => c.type === 'has_records'));
  if (!everyRouteNeedsRecords) throw new Error('a route without a record criterion needs a left join; not supported yet');

  const citizenWhere = citizens.kind === 'all' ? sql`true` : sql`r.citizen_id = any(${citizens.ids}::uuid[])`;

  return sql<CandidateRow>`
    select c.id as citizen_id,
      case when ${mandatory} then 'mandatory' else 'optional' end as classification
    from (
      select r.citizen_id, ${sql.join(counts)}
      from sector_record r
      where r.start_date <= ${onDate}::date and (r.end_date is null or r.end_date >= ${onDate}::date)
        and r.code in (${sql.join(relevantCodes.map((c) => sql`${c}`))})
        and ${citizenWhere}
      group by r.citizen_id
    ) f
    join citizen c on c.id = f.citizen_id
    where ${sql.join(gates, sql` and `)} and (${mandatory} or ${optional})
  `;
}

export type CitizenFilter = { kind: 'all' } | { kind: 'ids'; ids: string[] };

export interface CandidateRow {
  citizen_id: string;
  /** before the duty date a mandatory route still yields 'optional'; the evaluator decides that */
  classification: 'mandatory' | 'optional';
}
