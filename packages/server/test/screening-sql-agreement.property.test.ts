import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateTargetGroup, RULE_SETS, type Criterion, type LocalDate, type RuleSetId } from '@helhed/core';
import { sql } from 'kysely';
import { refingerprintVersion2Results } from '../src/db/migrations/0010_fingerprint_text';
import { asSystem, inMunicipality } from '../src/db/transactions';
import { judgeQuery } from '../src/screening/compile-sql';
import { loadRecords, ruleSetContext } from '../src/screening/facts';
import type { Tx } from '../src/db/transactions';
import { planFor, screen, verifyWithEvaluator } from '../src/screening/screen';
import { systemAccessFor } from '../src/access/system-access';
import { testDatabase } from './support/database';
import { freshMunicipality } from './support/harness';

/**
 * The screening statement compiled from the rule data and the pure
 * evaluator judge random citizens alike, under every rule set, on dates
 * around birthdays, pension bands, record periods and duty dates: group,
 * duty date, and every gate, route and criterion with its records. Citizens
 * the statement does not list must be outside the target group.
 */
const RULE_SET_IDS = Object.keys(RULE_SETS) as RuleSetId[];
const DATES: LocalDate[] = ['2019-06-30', '2023-07-01', '2025-06-30', '2025-07-01', '2026-11-23', '2027-01-01', '2028-02-29', '2031-03-01'];

// Every record shape any rule set looks at, plus records no rule looks at.
const SHAPES = (() => {
  const seen = new Map<string, { kind: string; code: string; sector: string }>();
  for (const rs of Object.values(RULE_SETS)) {
    for (const route of [...rs.targetGroup.mandatory, ...rs.targetGroup.optional]) {
      for (const c of route.all as readonly Criterion[]) {
        if (c.type !== 'has_records') continue;
        for (const code of c.match.codes) {
          for (const sector of c.match.sectors ?? ['employment', 'adult_social']) seen.set(`${c.match.kind}/${code}/${sector}`, { kind: c.match.kind, code, sector });
          // the right code in the wrong sector, where a sector is named
          if (c.match.sectors) seen.set(`${c.match.kind}/${code}/children_family`, { kind: c.match.kind, code, sector: 'children_family' });
        }
        // a relevant code of another kind
        seen.set(`other/${c.match.codes[0]}`, { kind: c.match.kind === 'plan' ? 'benefit' : 'plan', code: c.match.codes[0]!, sector: 'employment' });
      }
    }
  }
  seen.set('irrelevant', { kind: 'benefit', code: 'dagpenge', sector: 'employment' });
  return [...seen.values()];
})();

const day = (base: LocalDate, days: number) => new Date(Date.parse(`${base}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const yearsBefore = (date: LocalDate, years: number) => `${String(Number(date.slice(0, 4)) - years).padStart(4, '0')}${date.slice(4) === '-02-29' ? '-02-28' : date.slice(4)}`;

const recordArb = fc.record({
  shape: fc.constantFrom(...SHAPES),
  startOffset: fc.constantFrom(-4000, -400, -1, 0, 1, 30),
  endOffset: fc.constantFrom(null, -1, 0, 1, 400),
});
const citizenArb = fc.record({
  // around ages 17–19, 24–26 and each pension band, and ordinary adults
  birth: fc.oneof(
    fc.date({ min: new Date('1950-01-01'), max: new Date('2012-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    fc.constantFrom('1953-12-31', '1954-01-01', '1954-06-30', '1954-07-01', '1955-01-01', '1962-12-31', '1963-01-01', '1967-01-01', '1971-01-01', '1992-02-29', '2008-02-29'),
    // a birthday on, just before or just after the evaluation date
    fc.record({ years: fc.constantFrom(18, 25, 65, 67, 68, 69, 70), days: fc.constantFrom(-1, 0, 1) }),
  ),
  records: fc.array(recordArb, { maxLength: 6 }),
});
const caseArb = fc.record({
  ruleSetId: fc.constantFrom(...RULE_SET_IDS),
  onDate: fc.constantFrom(...DATES),
  dutyFrom: fc.constantFrom<LocalDate | undefined>(undefined, '2024-01-01', '2026-01-01', '2026-11-24', '2030-01-01'),
  citizens: fc.array(citizenArb, { minLength: 1, maxLength: 8 }),
});

/** Inserts the case's citizens born by its date, with their records; returns their ids and birth dates in order. */
async function insertCitizens(tx: Tx, municipalityId: string, c: { onDate: LocalDate; citizens: (typeof citizenArb extends fc.Arbitrary<infer T> ? T : never)[] }) {
  const ids: string[] = [];
  const births: LocalDate[] = [];
  for (const citizen of c.citizens) {
    const birth = typeof citizen.birth === 'string' ? citizen.birth : day(yearsBefore(c.onDate, citizen.birth.years), citizen.birth.days);
    if (birth > c.onDate) continue; // nobody is judged before they are born
    const id = crypto.randomUUID();
    ids.push(id);
    births.push(birth);
    await tx
      .insertInto('citizen')
      .values({ municipality_id: municipalityId, id, cpr: String(Math.floor(Math.random() * 1e10)).padStart(10, '0'), birth_date: birth, sex: 'female', name: 'Prøve Person' })
      .execute();
    for (const [i, r] of citizen.records.entries()) {
      const start = day(c.onDate, r.startOffset);
      const end = r.endOffset === null ? null : day(c.onDate, r.endOffset);
      await tx
        .insertInto('sector_record')
        .values({
          municipality_id: municipalityId,
          id: crypto.randomUUID(),
          citizen_id: id,
          external_id: `${id}-${i}`,
          content_hash: '',
          kind: r.shape.kind as 'benefit',
          sector: r.shape.sector,
          code: r.shape.code,
          title: r.shape.code,
          legal_basis: '§',
          start_date: start,
          end_date: end !== null && end < start ? start : end,
          source_system: 'test',
        })
        .execute();
    }
  }
  return { ids, births };
}

describe('screening SQL and the evaluator agree', () => {
  let municipalityId: string;
  beforeAll(async () => {
    ({ id: municipalityId } = await freshMunicipality());
  });

  it('on random citizens, records, rule sets, dates and phase-in dates', async () => {
    const { db } = await testDatabase();
    let judgedCount = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        await inMunicipality(db, municipalityId, async (tx) => {
          const { ids, births } = await insertCitizens(tx, municipalityId, c);
          if (ids.length === 0) return;
          const plan = planFor(RULE_SETS[c.ruleSetId], c.onDate, c.dutyFrom);
          const { rows } = await judgeQuery(plan, ids).execute(tx);
          await verifyWithEvaluator(tx, plan, rows);
          judgedCount += rows.length;
          // stored as sorted as the evaluator's path stores them (one fingerprint per result)
          for (const row of rows) {
            for (const [, , criteria] of (row.compact as { routes: [string, boolean, [string, boolean, string[]][]][] }).routes) {
              for (const [, , recordIds] of criteria) expect(recordIds).toEqual([...recordIds].sort());
            }
          }
          const listed = new Set(rows.map((r) => r.citizen_id));
          const records = await loadRecords(tx, ids);
          const birthOf = new Map(ids.map((id, i) => [id, births[i]!]));
          for (const id of ids.filter((x) => !listed.has(x))) {
            const result = evaluateTargetGroup({ birthDate: birthOf.get(id)!, records: records.get(id) ?? [] }, plan.ruleSet, c.onDate, { dutyFrom: c.dutyFrom });
            expect(result.classification, `citizen born ${birthOf.get(id)} not listed by SQL`).toBe('none');
          }
        });
      }),
      { numRuns: 60, seed: 20261123, endOnFailure: true },
    );
    expect(judgedCount).toBeGreaterThan(50);
  }, 120_000);

  it('a disagreement is caught, not stored', async () => {
    const { db } = await testDatabase();
    await inMunicipality(db, municipalityId, async (tx) => {
      const plan = planFor(RULE_SETS['hovedlov-2022'], '2026-11-23', '2026-01-01');
      const ids = (await tx.selectFrom('sector_record').select('citizen_id').distinct().execute()).map((r) => r.citizen_id);
      const { rows } = await judgeQuery(plan, ids).execute(tx);
      const candidate = rows.find((r) => r.classification !== 'none')!;
      expect(candidate).toBeDefined();
      await expect(verifyWithEvaluator(tx, plan, [{ ...candidate, classification: 'none' }])).rejects.toThrow(/disagree/);
      const compact = candidate.compact as { routes: [string, boolean, [string, boolean, string[]][]][] };
      const tampered = { ...compact, routes: compact.routes.map(([id, met, cs]) => [id, met, cs.map(([cid, cmet, recs]) => [cid, cmet, recs.slice(1)])]) };
      if (compact.routes.some(([, , cs]) => cs.some(([, , recs]) => recs.length > 0))) {
        await expect(verifyWithEvaluator(tx, plan, [{ ...candidate, compact: tampered }])).rejects.toThrow(/disagree/);
      }
    });
  });

  it('a whole-municipality run stores for every citizen what the evaluator finds, also for former candidates now outside a gate', async () => {
    const { db } = await testDatabase();
    const laterArb = fc.constantFrom(365, 3 * 365, 8 * 365);
    await fc.assert(
      fc.asyncProperty(caseArb, laterArb, async (c, laterDays) => {
        const { id } = await freshMunicipality();
        const { ids, births } = await inMunicipality(db, id, (tx) => insertCitizens(tx, id, c));
        const a = systemAccessFor(db, id, 'test', 'target_group_screening');
        // the second run is years later: some candidates have passed an age limit or lost their records
        for (const onDate of [c.onDate, day(c.onDate, laterDays)]) {
          await screen(a, { kind: 'municipality' }, { onDate, ruleSetId: c.ruleSetId });
          await inMunicipality(db, id, async (tx) => {
            const { ruleSet, dutyFrom } = await ruleSetContext(tx, onDate, c.ruleSetId);
            const status = new Map((await tx.selectFrom('target_group_status as s').innerJoin('screening_result as r', 'r.id', 's.result_id').select(['s.citizen_id', 's.classification', 'r.mandatory_from', 'r.explanation']).execute()).map((s) => [s.citizen_id, s]));
            const records = await loadRecords(tx, ids);
            for (const [i, citizenId] of ids.entries()) {
              const expected = evaluateTargetGroup({ birthDate: births[i]!, records: records.get(citizenId) ?? [] }, ruleSet, onDate, { dutyFrom });
              const stored = status.get(citizenId);
              expect([stored?.classification ?? 'none', stored?.mandatory_from ?? null], `citizen born ${births[i]} on ${onDate}`).toEqual([expected.classification, expected.mandatoryFrom]);
              if (stored) {
                // the stored explanation copies exactly the records its criteria rely on
                const explanation = stored.explanation as { routes: [string, boolean, [string, boolean, string[]][]][]; records: { id: string }[] };
                const relied = [...new Set(explanation.routes.flatMap(([, , criteria]) => criteria.flatMap(([, , ids]) => ids)))].sort();
                expect(explanation.records.map((r) => r.id)).toEqual(relied);
              }
            }
          });
        }
      }),
      { numRuns: 12, seed: 20261204, endOnFailure: true },
    );
  }, 180_000);

  it('a result stored by a full run and the same result from re-screening a few citizens have one fingerprint', async () => {
    const { db } = await testDatabase();
    const { id } = await freshMunicipality();
    const a = systemAccessFor(db, id, 'test', 'target_group_screening');
    const full = await screen(a, { kind: 'municipality' }, { onDate: '2026-11-23' });
    expect(full.mandatory + full.optional).toBeGreaterThan(3);
    const candidates = await inMunicipality(db, id, async (tx) =>
      (await tx.selectFrom('target_group_status').select('citizen_id').where('classification', '<>', 'none').execute()).map((r) => r.citizen_id),
    );
    // The evaluator's path finds nothing new in what the statement stored …
    const few = await screen(a, { kind: 'citizens', ids: candidates }, { onDate: '2026-11-23' });
    expect(few).toMatchObject({ mandatory: full.mandatory, optional: full.optional, changed: 0 });
    // … and after the evaluator's path has stored a change, the statement agrees with it.
    const later = await screen(a, { kind: 'citizens', ids: candidates }, { onDate: '2026-11-23', ruleSetId: 'plan-2018' });
    expect(later.changed).toBe(candidates.length);
    const back = await screen(a, { kind: 'municipality' }, { onDate: '2026-11-23', ruleSetId: 'plan-2018' });
    expect(back.changed).toBe(0);
    // Results fingerprinted the earlier way (over jsonb's text) get today's fingerprint from migration 0010:
    // without it every candidate would look changed, with it none does.
    expect((await screen(a, { kind: 'municipality' }, { onDate: '2026-11-23' })).changed).toBe(full.mandatory + full.optional);
    const fingerprintTheOldWay = () =>
      asSystem(db, (tx) =>
        sql`update screening_result set fingerprint = md5(classification || '|' || rule_set_id || '|' || coalesce(mandatory_from::text, '') || '|' || (explanation::jsonb - 'records')::text)
          where municipality_id = ${id}`.execute(tx),
      );
    await fingerprintTheOldWay();
    expect((await screen(a, { kind: 'municipality' }, { onDate: '2026-11-23' })).changed).toBe(full.mandatory + full.optional);
    await fingerprintTheOldWay();
    await refingerprintVersion2Results(db);
    expect((await screen(a, { kind: 'municipality' }, { onDate: '2026-11-23' })).changed).toBe(0);
    // The status is a view over the results, read under row-level security like them.
    const other = await freshMunicipality();
    const seen = await inMunicipality(db, other.id, (tx) => tx.selectFrom('target_group_status').select('citizen_id').where('municipality_id', '=', id).execute());
    expect(seen).toEqual([]);
  });
});
