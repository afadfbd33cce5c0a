/**
 * Visitation of interventions (SPEC C6, C4): the pure rules. Cost, authority
 * limits, the forum's budget, the rehabilitation prerequisite, "agreed but
 * not started", flexible hour pools and the fleksjob pause. No I/O; the
 * server loads the rows and asks these functions.
 */
import { danishDate } from '../letters/danish-date';
import { addDays, addYears, compareDates, type LocalDate } from '../local-date';
import { datedValueOn, type RehabilitationRequirement, type VisitationRules } from '../rules/visitation';
import type { RuleSetId } from '../rules/types';

export const COST_MODELS = ['per_hour', 'per_week', 'per_month', 'one_off'] as const;
export type CostModel = (typeof COST_MODELS)[number];

/** Where a complaint about the element goes: Ankestyrelsen, the health-area route (Styrelsen for Patientklager), or nowhere. */

/**
 * requested → (forum) approved | rejected; granted directly within the
 * caseworker's authority; approved/granted → running ⇄ paused → ended.
 */
export const VISITATION_STATUSES = ['requested', 'approved', 'rejected', 'granted', 'running', 'paused', 'ended'] as const;
export type VisitationStatus = (typeof VISITATION_STATUSES)[number];

/** The execution status kept in the original `status` column (planned / running / ended) for each visitation status. */
export const EXECUTION_STATUS: Readonly<Record<VisitationStatus, 'planned' | 'running' | 'ended'>> = {
  requested: 'planned',
  approved: 'planned',
  granted: 'planned',
  rejected: 'ended',
  running: 'running',
  // A paused fleksjob is not carried out, but the citizen keeps the right to return: it stays in the plan as planned.
  paused: 'planned',
  ended: 'ended',
};

/** Visitation statuses that count as decided in the citizen's favour and not yet started. */
export const AGREED_STATUSES: readonly VisitationStatus[] = ['approved', 'granted'];

/** Legal basis of a catalogue item: the law and section, and the rule sets under which it exists. */
export interface CatalogueLegalBasis {
  law: string;
  section: string;
  ruleSets: readonly RuleSetId[];
}

export function legalBasesUnder(bases: readonly CatalogueLegalBasis[], ruleSetId: RuleSetId): CatalogueLegalBasis[] {
  return bases.filter((b) => b.ruleSets.includes(ruleSetId));
}

export function formatLegalBasis(bases: readonly Pick<CatalogueLegalBasis, 'law' | 'section'>[]): string {
  return bases.map((b) => `${b.law} ${b.section}`.trim()).join(' + ');
}

/** Cost in DKK (rounded to øre) of `quantity` units at `unitPriceDkk`; a one-off item counts its quantity as pieces. */
export function computeCost(unitPriceDkk: number, quantity: number): number {
  if (!Number.isFinite(unitPriceDkk) || unitPriceDkk < 0) throw new RangeError('Enhedsprisen skal være et tal på 0 eller derover.');
  if (!Number.isFinite(quantity) || quantity <= 0) throw new RangeError('Mængden skal være større end 0.');
  return Math.round(unitPriceDkk * 100 * quantity) / 100;
}

// ---------------------------------------------------------------- authority limits

export interface AuthorityLimitRule {
  role: string;
  unitId: string;
  /** catalogue category the limit covers; '*' = all */
  category: string;
  /** max DKK per grant; null = no amount limit */
  maxAmountDkk: number | null;
}

export interface Authority {
  /** null = no amount limit */
  maxAmountDkk: number | null;
}

/**
 * The principal's authority for a category: every limit for one of their
 * roles in their unit covering the category (or '*'); the most generous wins.
 * undefined = no authority at all for this category.
 */
export function authorityFor(limits: readonly AuthorityLimitRule[], who: { roles: readonly string[]; unitId: string }, category: string): Authority | undefined {
  const matching = limits.filter((l) => who.roles.includes(l.role) && l.unitId === who.unitId && (l.category === '*' || l.category === category));
  if (matching.length === 0) return undefined;
  if (matching.some((l) => l.maxAmountDkk === null)) return { maxAmountDkk: null };
  return { maxAmountDkk: Math.max(...matching.map((l) => l.maxAmountDkk!)) };
}

// ---------------------------------------------------------------- authority limits over time

/**
 * A limit as the municipality keeps it: in force from its first day to its
 * last (null = until further notice). A change ends one row and starts the
 * next, so what was in force on any day stays readable (decisions.md).
 */
export interface DatedAuthorityLimit extends AuthorityLimitRule {
  validFrom: LocalDate;
  validUntil: LocalDate | null;
}

export function inForceOn(limit: Pick<DatedAuthorityLimit, 'validFrom' | 'validUntil'>, onDate: LocalDate): boolean {
  return compareDates(limit.validFrom, onDate) <= 0 && (limit.validUntil === null || compareDates(onDate, limit.validUntil) <= 0);
}

/** The limits in force on a day: what visitation judges a grant on that day by. */
export function limitsInForce<L extends Pick<DatedAuthorityLimit, 'validFrom' | 'validUntil'>>(limits: readonly L[], onDate: LocalDate): L[] {
  return limits.filter((l) => inForceOn(l, onDate));
}

/** Whether two periods share a day (a null end runs on). */
export function periodsOverlap(a: Pick<DatedAuthorityLimit, 'validFrom' | 'validUntil'>, b: Pick<DatedAuthorityLimit, 'validFrom' | 'validUntil'>): boolean {
  const startsBeforeEnd = (x: typeof a, y: typeof b) => y.validUntil === null || compareDates(x.validFrom, y.validUntil) <= 0;
  return startsBeforeEnd(a, b) && startsBeforeEnd(b, a);
}

/**
 * Changing or ending a limit from `effectiveFrom` (the first day the old
 * value no longer applies): the old row's new last day, or why it cannot be
 * done. Nothing applies backwards — a decision already made under a limit
 * keeps the limit it was made under — so the day is today or later, within
 * the limit's own period.
 */
export function lastDayBefore(
  limit: Pick<DatedAuthorityLimit, 'validFrom' | 'validUntil'>,
  effectiveFrom: LocalDate,
  today: LocalDate,
): { ok: true; lastDay: LocalDate } | { ok: false; code: 'backdated' | 'already-ended' | 'before-start' | 'after-end'; message: string } {
  if (limit.validUntil !== null && compareDates(limit.validUntil, today) < 0) {
    return { ok: false, code: 'already-ended', message: `Grænsen ophørte ${limit.validUntil} og er historik. Opret en ny grænse i stedet.` };
  }
  if (compareDates(effectiveFrom, today) < 0) {
    return { ok: false, code: 'backdated', message: 'En ændring kan ikke gælde bagud. Vælg i dag eller en senere dato.' };
  }
  if (compareDates(effectiveFrom, limit.validFrom) < 0) {
    return { ok: false, code: 'before-start', message: `Grænsen gælder først fra ${limit.validFrom}. Vælg den dato eller en senere.` };
  }
  if (limit.validUntil !== null && compareDates(effectiveFrom, limit.validUntil) > 0) {
    return { ok: false, code: 'after-end', message: `Grænsen ophører allerede efter ${limit.validUntil}.` };
  }
  return { ok: true, lastDay: addDays(effectiveFrom, -1) };
}

/** Granted directly when within the authority; otherwise it goes before the visitation forum. */
export function routeRequest(authority: Authority | undefined, costDkk: number): 'grant' | 'forum' {
  if (!authority) return 'forum';
  return authority.maxAmountDkk === null || costDkk <= authority.maxAmountDkk ? 'grant' : 'forum';
}

// ---------------------------------------------------------------- the forum's budget

export interface BudgetUse {
  budgetDkk: number;
  /** approved by the forum in the period: consumed */
  grantedDkk: number;
  /** before the forum, not yet decided: would be consumed if approved */
  committedDkk: number;
  /** budget − granted */
  remainingDkk: number;
  /** budget − granted − committed */
  uncommittedDkk: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export function budgetUse(budgetDkk: number, granted: readonly number[], pending: readonly number[]): BudgetUse {
  const grantedDkk = round2(granted.reduce((s, x) => s + x, 0));
  const committedDkk = round2(pending.reduce((s, x) => s + x, 0));
  return {
    budgetDkk,
    grantedDkk,
    committedDkk,
    remainingDkk: round2(budgetDkk - grantedDkk),
    uncommittedDkk: round2(budgetDkk - grantedDkk - committedDkk),
  };
}

/** The forum may approve a request only within what is left of its budget. */
export function fitsBudget(use: BudgetUse, costDkk: number): boolean {
  return costDkk <= use.remainingDkk;
}

const kroner = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 2 });
/** Kroner as a Danish message writes them: '600.000 kr.', '1.250,5 kr.'. */
export const danishKroner = (x: number): string => `${kroner.format(x)} kr.`;

export type BudgetPeriodStatus = 'current' | 'planned' | 'ended';

export function budgetPeriodStatus(period: { periodStart: LocalDate; periodEnd: LocalDate }, today: LocalDate): BudgetPeriodStatus {
  if (compareDates(period.periodEnd, today) < 0) return 'ended';
  return compareDates(period.periodStart, today) > 0 ? 'planned' : 'current';
}

/**
 * Why a period's budget cannot be set to `budgetDkk`, or null when it can.
 * What the forum has approved in the period is spent: a budget below it would
 * say the forum overspent. Pending requests do not stop a lower budget — the
 * forum may still reject them, and it cannot approve beyond what is left.
 * A period that is over is history (its figures are what the forum had).
 */
export function budgetChangeProblem(
  period: BudgetUse & { periodStart: LocalDate; periodEnd: LocalDate },
  budgetDkk: number,
  today: LocalDate,
): { code: 'period-ended' | 'unchanged' | 'below-granted'; message: string } | null {
  const span = `${danishDate(period.periodStart)} – ${danishDate(period.periodEnd)}`;
  if (budgetPeriodStatus(period, today) === 'ended') {
    return { code: 'period-ended', message: `Perioden ${span} er slut, og dens budget er historik. Et budget kan kun ændres for en løbende eller kommende periode.` };
  }
  if (budgetDkk === period.budgetDkk) return { code: 'unchanged', message: `Budgettet er allerede på ${danishKroner(budgetDkk)} – skriv det nye beløb.` };
  if (budgetDkk < period.grantedDkk) {
    return {
      code: 'below-granted',
      message: `Budgettet kan ikke sættes til ${danishKroner(budgetDkk)}: forummet har allerede godkendt ${danishKroner(period.grantedDkk)} i perioden ${span}. Budgettet skal være mindst ${danishKroner(period.grantedDkk)}`,
    };
  }
  return null;
}

// ---------------------------------------------------------------- rehabilitation prerequisite

/**
 * The prerequisite a decision about an item of `kind` needs on `onDate` under
 * the rules, or null when none. An item flagged by the municipality counts
 * as well as the kinds the rules name.
 */
export function rehabilitationRequirementFor(
  rules: VisitationRules,
  item: { kind: string; requiresRehabilitation: boolean },
  onDate: LocalDate,
): RehabilitationRequirement | null {
  if (!item.requiresRehabilitation && !rules.rehabilitationKinds.includes(item.kind)) return null;
  return datedValueOn(rules.rehabilitationRequirement, onDate)?.value ?? null;
}

/** Whether the rules have ended `kind` for new cases on `onDate` (ressourceforløb and revalidering under the 2027 reform). */
export function endedForNewCases(rules: VisitationRules, kind: string, onDate: LocalDate): boolean {
  return datedValueOn(rules.endedForNewCases, onDate)?.value.includes(kind) ?? false;
}

/** An employment tool needs the citizen in an employment-law target group (a current benefit the rules name); other items need nothing. */
export function meetsEmploymentTarget(rules: VisitationRules, category: string, currentBenefitCodes: readonly string[]): boolean {
  if (!rules.employmentTarget.categories.includes(category)) return true;
  return currentBenefitCodes.some((code) => rules.employmentTarget.benefitCodes.includes(code));
}

// ---------------------------------------------------------------- agreed but not started

export interface StartState {
  visitationStatus: VisitationStatus | null;
  plannedStart: LocalDate | null;
  startedOn: LocalDate | null;
}

/** Granted or approved, its planned start date has passed (before today) and it has not started. */
export function isAgreedButNotStarted(i: StartState, today: LocalDate): boolean {
  if (!i.visitationStatus || !AGREED_STATUSES.includes(i.visitationStatus)) return false;
  if (i.startedOn !== null || i.plannedStart === null) return false;
  return compareDates(i.plannedStart, today) < 0;
}

// ---------------------------------------------------------------- flexible support hours

export interface HoursPool {
  totalHours: number;
  periodStart: LocalDate;
  periodEnd: LocalDate;
  usedHours: number;
}

export type PoolUsageError = 'hours' | 'outside_period' | 'exceeds_pool';

export function poolRemaining(pool: Pick<HoursPool, 'totalHours' | 'usedHours'>): number {
  return round2(pool.totalHours - pool.usedHours);
}

/** Why registering `hours` on `on` is refused, or null when it fits the pool. */
export function checkPoolUsage(pool: HoursPool, hours: number, on: LocalDate): PoolUsageError | null {
  if (!Number.isFinite(hours) || hours <= 0 || Math.round(hours * 4) !== hours * 4) return 'hours';
  if (compareDates(on, pool.periodStart) < 0 || compareDates(on, pool.periodEnd) > 0) return 'outside_period';
  if (hours > poolRemaining(pool)) return 'exceeds_pool';
  return null;
}

// ---------------------------------------------------------------- fleksjob pause

/** Last day the citizen can return without a new assessment: the pause date + N years (29 Feb → 28 Feb). */
export function pauseReturnDeadline(pausedOn: LocalDate, years: number): LocalDate {
  return addYears(pausedOn, years);
}

export type ReturnDecision =
  | { allowed: true; deadline: LocalDate }
  | { allowed: false; reason: 'before_pause' | 'window_passed'; deadline: LocalDate };

export function mayReturnFromPause(pausedOn: LocalDate, returnOn: LocalDate, years: number): ReturnDecision {
  const deadline = pauseReturnDeadline(pausedOn, years);
  if (compareDates(returnOn, pausedOn) < 0) return { allowed: false, reason: 'before_pause', deadline };
  if (compareDates(returnOn, deadline) > 0) return { allowed: false, reason: 'window_passed', deadline };
  return { allowed: true, deadline };
}
