/**
 * The target-group screening of one citizen (SPEC C2): pure, from the birth
 * date and the sector records, under a rule set, on a date. Every gate,
 * route and criterion is evaluated and returned with the records that made
 * it hold, so the result explains itself; the individual assessment
 * (coordination need, development potential) is the caseworker's and comes
 * after — a procedural decision, not an appealable one.
 *
 * The helpers at the end give the server's SQL compiler the same boundaries
 * as birth-date thresholds, so a whole municipality screened in SQL agrees
 * with this evaluator citizen by citizen.
 */
import { addMonths, addYears, ageOn, compareDates, isLocalDate, type LocalDate } from '../local-date';
import type { RuleSet, RuleSource } from '../rules/types';
import {
  formatPensionAge,
  hasReachedPensionAge,
  PENSION_AGE_BANDS,
  PENSION_AGE_SOURCE,
  pensionAgeMonths,
  pensionDate,
} from './pension-age';
import type {
  Criterion,
  CriterionResult,
  RecordMatch,
  Route,
  RouteResult,
  SectorFact,
  TargetGroupResult,
} from './types';

export interface TargetGroupInput {
  birthDate: LocalDate;
  records: readonly SectorFact[];
}

/** A municipality's own phase-in: the date from which it offers the mandatory group (may be before the law's date). */
export interface PhaseIn {
  dutyFrom?: LocalDate;
}

/** Gate ids in `TargetGroupResult.gates`. */
export const GATE_MINIMUM_AGE = 'minimumsalder';
export const GATE_PENSION_AGE = 'under-folkepensionsalder';

/** A record is active on `onDate` when it has started and not ended: start ≤ D and (end null or end ≥ D). */
export function isActiveOn(fact: SectorFact, onDate: LocalDate): boolean {
  // 'YYYY-MM-DD' strings order as the dates do: no parsing on this hot path
  // (whole municipalities are explained record by record).
  return fact.start <= onDate && (fact.end === null || fact.end >= onDate);
}

export function matchesRecord(match: RecordMatch, fact: SectorFact): boolean {
  return (
    fact.kind === match.kind &&
    match.codes.includes(fact.code) &&
    (match.sectors === undefined || (match.sectors as readonly string[]).includes(fact.sector))
  );
}

/**
 * The date from which the municipality must offer the mandatory group, or
 * null when there is no duty (no mandatory routes, or the law carrying the
 * duty is not enacted and the municipality has set no phase-in date).
 *
 * By law: `dutyAfterYears` after `targetGroup.dutyCountsFrom` (when given) or
 * the rule set's `effectiveFrom`. A municipality's `phaseIn.dutyFrom` applies
 * when there is no date by law, and when it is earlier (a partnership
 * municipality starting the mandatory group early, seed 004 module 5); it
 * cannot postpone a duty the law has set, so the earlier of the two wins.
 * A local trial of a rule set not enacted, without `dutyFrom`, has no duty:
 * citizens who meet a mandatory route are in the optional group with
 * `mandatoryFrom` null.
 */
export function dutyDate(ruleSet: RuleSet, phaseIn?: PhaseIn): LocalDate | null {
  const rules = ruleSet.targetGroup;
  if (rules.mandatory.length === 0) return null;
  const countsFrom = rules.dutyCountsFrom !== undefined ? rules.dutyCountsFrom : ruleSet.effectiveFrom;
  const byLaw = countsFrom === null ? null : addYears(countsFrom, rules.dutyAfterYears);
  const local = phaseIn?.dutyFrom ?? null;
  if (byLaw === null) return local;
  if (local === null) return byLaw;
  return compareDates(local, byLaw) < 0 ? local : byLaw;
}

const MONTHS_DA = [
  'januar',
  'februar',
  'marts',
  'april',
  'maj',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'december',
];

/** '2025-07-01' → '1. juli 2025'. */
export function formatDateDa(date: LocalDate): string {
  if (!isLocalDate(date)) throw new RangeError(`Ugyldig dato: "${date}".`);
  const month = MONTHS_DA[Number(date.slice(5, 7)) - 1];
  return `${Number(date.slice(8, 10))}. ${month} ${Number(date.slice(0, 4))}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('da') + text.slice(1);
}

function evaluateCriterion(
  criterion: Criterion,
  age: number,
  records: readonly SectorFact[],
  onDate: LocalDate,
): CriterionResult {
  const base = { criterionId: criterion.id, label: criterion.label, source: criterion.source };
  switch (criterion.type) {
    case 'age_at_least':
      return { ...base, met: age >= criterion.years, recordIds: [] };
    case 'age_below':
      return { ...base, met: age < criterion.years, recordIds: [] };
    case 'has_records': {
      const recordIds = records.filter((r) => matchesRecord(criterion.match, r) && isActiveOn(r, onDate)).map((r) => r.id);
      return { ...base, met: recordIds.length >= (criterion.min ?? 1), recordIds };
    }
  }
}

function evaluateRoute(
  group: 'mandatory' | 'optional',
  route: Route,
  age: number,
  records: readonly SectorFact[],
  onDate: LocalDate,
): RouteResult {
  const criteria = route.all.map((c) => evaluateCriterion(c, age, records, onDate));
  return { group, routeId: route.id, label: route.label, met: criteria.every((c) => c.met), criteria };
}

/**
 * The age gates of a citizen under a rule set on a date, with their labels
 * (the pension gate names the citizen's own pension age and date).
 */
export function targetGroupGates(ruleSet: RuleSet, birthDate: LocalDate, onDate: LocalDate): CriterionResult[] {
  const rules = ruleSet.targetGroup;
  const age = ageOn(birthDate, onDate); // throws when onDate is before the birth date
  const ageSource: RuleSource | undefined = rules.ageLimitSource ?? rules.sources[0] ?? ruleSet.sources[0];
  if (!ageSource) throw new RangeError(`Regelsættet ${ruleSet.id} mangler kilder.`);
  const gates: CriterionResult[] = [
    {
      criterionId: GATE_MINIMUM_AGE,
      label: `Er fyldt ${rules.minimumAge} år`,
      met: age >= rules.minimumAge,
      recordIds: [],
      source: ageSource,
    },
  ];
  if (rules.pensionAgeLimit) {
    gates.push({
      criterionId: GATE_PENSION_AGE,
      label: `Har ikke nået folkepensionsalderen (${formatPensionAge(pensionAgeMonths(birthDate))}, nås ${formatDateDa(pensionDate(birthDate))})`,
      met: !hasReachedPensionAge(birthDate, onDate),
      recordIds: [],
      source: PENSION_AGE_SOURCE,
    });
  }
  return gates;
}

export function evaluateTargetGroup(
  input: TargetGroupInput,
  ruleSet: RuleSet,
  onDate: LocalDate,
  phaseIn?: PhaseIn,
): TargetGroupResult {
  const rules = ruleSet.targetGroup;
  const { birthDate, records } = input;
  const age = ageOn(birthDate, onDate);
  const gates = targetGroupGates(ruleSet, birthDate, onDate);

  // Only records active on the date count; filter once, not per criterion.
  const active = records.filter((r) => isActiveOn(r, onDate));
  const routes: RouteResult[] = [
    ...rules.mandatory.map((r) => evaluateRoute('mandatory', r, age, active, onDate)),
    ...rules.optional.map((r) => evaluateRoute('optional', r, age, active, onDate)),
  ];
  const { classification, mandatoryFrom } = classify(ruleSet, gates, routes, onDate, phaseIn);
  return {
    classification,
    ruleSetId: ruleSet.id,
    evaluatedOn: onDate,
    summary: targetGroupSummary(ruleSet, birthDate, onDate, routes, classification, mandatoryFrom),
    gates,
    routes,
    mandatoryFrom,
  };
}

/**
 * The group a citizen falls in from their gates and routes: a mandatory
 * route yields the mandatory group from the duty date, the optional group
 * before it (with `mandatoryFrom` the duty date, or null without a duty).
 */
export function classify(
  ruleSet: RuleSet,
  gates: readonly Pick<CriterionResult, 'met'>[],
  routes: readonly Pick<RouteResult, 'group' | 'met'>[],
  onDate: LocalDate,
  phaseIn?: PhaseIn,
): Pick<TargetGroupResult, 'classification' | 'mandatoryFrom'> {
  if (!gates.every((g) => g.met)) return { classification: 'none', mandatoryFrom: null };
  if (routes.some((r) => r.group === 'mandatory' && r.met)) {
    const duty = dutyDate(ruleSet, phaseIn);
    if (duty !== null && compareDates(onDate, duty) >= 0) return { classification: 'mandatory', mandatoryFrom: null };
    return { classification: 'optional', mandatoryFrom: duty };
  }
  if (routes.some((r) => r.group === 'optional' && r.met)) return { classification: 'optional', mandatoryFrom: null };
  return { classification: 'none', mandatoryFrom: null };
}

/**
 * Why, in one Danish line. Derived from the result alone (routes, group and
 * duty date), so a stored result that keeps only which criteria held reads
 * with the same words as a fresh evaluation.
 */
export function targetGroupSummary(
  ruleSet: RuleSet,
  birthDate: LocalDate,
  onDate: LocalDate,
  routes: readonly Pick<RouteResult, 'group' | 'met' | 'label'>[],
  classification: TargetGroupResult['classification'],
  mandatoryFrom: LocalDate | null,
): string {
  const rules = ruleSet.targetGroup;
  if (ageOn(birthDate, onDate) < rules.minimumAge) {
    return `Under ${rules.minimumAge} år: indsatser til børn og unge ydes efter sektorlovgivningen (barnets lov).`;
  }
  if (rules.pensionAgeLimit && hasReachedPensionAge(birthDate, onDate)) {
    return (
      `Har nået folkepensionsalderen (${formatPensionAge(pensionAgeMonths(birthDate))} den ${formatDateDa(pensionDate(birthDate))}): ` +
      'indsatser ydes efter sektorlovgivningen.'
    );
  }
  const assessment = 'Kræver en konkret vurdering af behovet for koordinering og potentialet for udvikling.';
  const firstMandatory = routes.find((r) => r.group === 'mandatory' && r.met);
  if (firstMandatory) {
    const criteria = lowerFirst(firstMandatory.label);
    if (classification === 'mandatory') {
      return `Skal-målgruppen: ${criteria}. Kommunen skal tilbyde en helhedsorienteret indsats. ${assessment}`;
    }
    if (mandatoryFrom !== null) {
      return (
        `Kan-målgruppen indtil ${formatDateDa(mandatoryFrom)}: opfylder kriterierne for skal-målgruppen (${criteria}), ` +
        `og fra ${formatDateDa(mandatoryFrom)} skal kommunen tilbyde indsatsen. ${assessment}`
      );
    }
    return (
      `Kan-målgruppen: opfylder kriterierne for skal-målgruppen (${criteria}), men der er ingen pligt ` +
      `til at tilbyde indsatsen, før loven er vedtaget eller kommunen har fastsat en indfasningsdato. ${assessment}`
    );
  }
  const metOptional = routes.filter((r) => r.group === 'optional' && r.met);
  if (metOptional.length > 0) {
    return (
      `Kan-målgruppen: ${metOptional.map((r) => lowerFirst(r.label)).join('; ')}. ` +
      `Kommunen kan tilbyde en helhedsorienteret indsats. ${assessment}`
    );
  }
  return 'Ikke i målgruppen: ingen af kriterierne for skal- eller kan-målgruppen er opfyldt.';
}

/**
 * The latest birth date that has reached `years` on `onDate`: for every birth
 * date B, `B <= ageThresholdBirthDate(D, y)` ⟺ `ageOn(B, D) >= y`. In SQL,
 * age_at_least y is `birth_date <= threshold`, age_below y is `birth_date > threshold`.
 * (Someone born 29 February reaches an age on 1 March in common years, so on
 * 28 February of a common year the threshold is 28 February; on 29 February
 * of a leap year, with a common target year, it is 28 February.)
 */
export function ageThresholdBirthDate(onDate: LocalDate, years: number): LocalDate {
  return addYears(onDate, -years);
}

export interface PensionThreshold {
  bornFrom: LocalDate | null;
  bornBefore: LocalDate | null;
  months: number;
  /** the latest birth date that, with this band's pension age, has reached it on the date */
  latestBirthDate: LocalDate;
}

/**
 * Per pension band, the latest birth date that has reached the band's
 * folkepensionsalder on `onDate`. A citizen has reached their pension age
 * ⟺ for their band (bornFrom ≤ birth < bornBefore): birth ≤ latestBirthDate.
 */
export function pensionThresholds(onDate: LocalDate): PensionThreshold[] {
  return PENSION_AGE_BANDS.map((band) => ({
    bornFrom: band.bornFrom,
    bornBefore: band.bornBefore,
    months: band.months,
    latestBirthDate: addMonths(onDate, -band.months),
  }));
}
