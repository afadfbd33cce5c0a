import { isRuleSetId, ruleSetInForce, type LocalDate, type RuleSet, type SectorFact } from '@helhed/core';
import { sql } from 'kysely';
import type { SectorRecordTable } from '../db/schema';
import type { Tx } from '../db/transactions';

type RuleSetSelection = { rule_set_id: string; from_date: LocalDate; duty_from: LocalDate | null };
export type RuleSetContext = { ruleSet: RuleSet; dutyFrom: LocalDate | undefined };

/**
 * The rule set a municipality screens under on a date (or the one asked for)
 * and its own phase-in date for "must", if it chose one.
 */
export async function ruleSetContext(tx: Tx, onDate: LocalDate, override?: RuleSet['id']): Promise<RuleSetContext> {
  return ruleSetFromSelections(await tx.selectFrom('municipality_rule_set').selectAll().execute(), onDate, override);
}

function ruleSetFromSelections(selections: readonly RuleSetSelection[], onDate: LocalDate, override?: RuleSet['id']): RuleSetContext {
  const usable = selections.flatMap((s) => (isRuleSetId(s.rule_set_id) ? [{ ruleSetId: s.rule_set_id, fromDate: s.from_date, dutyFrom: s.duty_from }] : []));
  const ruleSet = ruleSetInForce(override ? [{ ruleSetId: override, fromDate: '1900-01-01' }] : usable, onDate);
  const dutyFrom = usable.filter((s) => s.ruleSetId === ruleSet.id && s.dutyFrom).map((s) => s.dutyFrom!).sort().at(-1);
  return { ruleSet, dutyFrom };
}

export type Fact = SectorFact & { sourceSystem: string };

/** All sector records of the given citizens, by citizen, in the evaluator's shape. */
export async function loadRecords(tx: Tx, ids: string[]): Promise<Map<string, Fact[]>> {
  const rows = await tx
    .selectFrom('sector_record')
    .select(['id', 'citizen_id', 'kind', 'sector', 'code', 'title', 'legal_basis', 'start_date', 'end_date', 'source_system'])
    .where('citizen_id', '=', (eb) => eb.fn.any(eb.val(ids)))
    .execute();
  const byCitizen = new Map<string, Fact[]>();
  for (const r of rows) {
    let list = byCitizen.get(r.citizen_id);
    if (!list) byCitizen.set(r.citizen_id, (list = []));
    list.push(sectorRecordFact(r));
  }
  return byCitizen;
}

/** Birth dates and all sector records of the given citizens, in the evaluator's shape (one query). */
export async function loadFacts(tx: Tx, ids: string[]): Promise<Map<string, { birthDate: string; records: Fact[] }>> {
  return (await factsQuery(tx, ids, false)).facts;
}

/**
 * The facts of the given citizens and the rule set they are judged under on
 * a date, in one query: re-screening a citizen after a new record makes one
 * round trip less.
 */
export async function loadFactsUnderRules(tx: Tx, ids: string[], onDate: LocalDate, override?: RuleSet['id']): Promise<RuleSetContext & { facts: Map<string, { birthDate: string; records: Fact[] }> }> {
  const { facts, selections } = await factsQuery(tx, ids, true);
  // no citizen found: the rule set is still needed (a run names it)
  const context = selections ? ruleSetFromSelections(selections, onDate, override) : await ruleSetContext(tx, onDate, override);
  return { ...context, facts };
}

async function factsQuery(tx: Tx, ids: string[], withSelections: boolean) {
  const rows = await tx
    .selectFrom('citizen as c')
    .leftJoin('sector_record as r', 'r.citizen_id', 'c.id')
    .select(['c.id as citizen', 'c.birth_date', 'r.id', 'r.kind', 'r.sector', 'r.code', 'r.title', 'r.legal_basis', 'r.start_date', 'r.end_date', 'r.source_system'])
    .$if(withSelections, (q) =>
      q.select(sql<RuleSetSelection[]>`(select coalesce(json_agg(json_build_object('rule_set_id', s.rule_set_id, 'from_date', s.from_date, 'duty_from', s.duty_from)), '[]') from municipality_rule_set s)`.as('selections')),
    )
    .where('c.id', '=', (eb) => eb.fn.any(eb.val(ids)))
    .execute();
  const facts = new Map<string, { birthDate: string; records: Fact[] }>();
  for (const r of rows) {
    let f = facts.get(r.citizen);
    if (!f) facts.set(r.citizen, (f = { birthDate: r.birth_date, records: [] }));
    if (r.id !== null) f.records.push(sectorRecordFact(r as Parameters<typeof sectorRecordFact>[0]));
  }
  const first = rows[0] as { selections?: RuleSetSelection[] } | undefined;
  return { facts, selections: first?.selections };
}

/** A sector_record row as the domain and the API see it. */
export function sectorRecordFact(r: Pick<SectorRecordTable, 'id' | 'kind' | 'sector' | 'code' | 'title' | 'legal_basis' | 'start_date' | 'end_date' | 'source_system'>): Fact {
  return {
    id: r.id,
    kind: r.kind,
    sector: r.sector,
    code: r.code,
    title: r.title,
    legalBasis: r.legal_basis,
    start: r.start_date,
    end: r.end_date,
    sourceSystem: r.source_system,
  };
}
