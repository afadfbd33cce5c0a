/**
 * Consent (SPEC C3) as an append-only list of immutable records: giving and
 * withdrawing each add a record, so the state at any past instant can be
 * reconstructed and shown to the citizen, an auditor or Ankestyrelsen.
 *
 * Scopes are independent. Withdrawing `holistic_effort` ends the holistic
 * effort itself (and triggers `withdrawalFollowUps`), but it does not withdraw
 * a health-information or disclosure consent: the citizen gave those
 * separately and withdraws them separately. Code that gates a read for the
 * holistic case checks both scopes.
 */
import { addDays, type LocalDate } from './local-date';
import type { RuleSet } from './rules/types';
import { SCOPES_WITH_COUNTERPART, type ConsentForm, type ConsentScope, type Sector } from './vocabulary';
import { deadlineMovedToWorkingDay, type WorkingDayCalendar } from './working-days';

export interface ConsentRecord {
  id: string;
  scope: ConsentScope;
  /** The named source (health_information) or party (disclosure); null for other scopes. */
  counterpart: string | null;
  action: 'given' | 'withdrawn';
  /** Form of the giving; a withdrawal may come through any channel and has null. */
  form: ConsentForm | null;
  /** ISO instant from which the action has effect. */
  effectiveAt: string;
  /** ISO instant at which the action was registered. */
  recordedAt: string;
}

export type ConsentAction = Pick<ConsentRecord, 'scope' | 'counterpart' | 'action' | 'form' | 'effectiveAt'>;

export interface ConsentState {
  key: string;
  /** The record that decides the state. */
  latest: ConsentRecord;
  active: boolean;
}

export function scopeHasCounterpart(scope: ConsentScope): boolean {
  return SCOPES_WITH_COUNTERPART.includes(scope);
}

/**
 * Counterparts are typed by people ("Region Hovedstaden, Psykiatrien" vs
 * "region hovedstaden,  psykiatrien "), so they are compared after trimming,
 * collapsing whitespace, Unicode NFC (æ/ø/å typed composed or decomposed)
 * and Danish lower-casing.
 */
export function normaliseCounterpart(counterpart: string | null): string | null {
  if (counterpart === null) return null;
  const normalised = counterpart.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('da');
  return normalised === '' ? null : normalised;
}

/** Identifies one consent: the scope plus, where given, the normalised counterpart. */
export function consentKey(scope: ConsentScope, counterpart: string | null): string {
  const normalised = normaliseCounterpart(counterpart);
  // '|' never occurs in a scope, so the key cannot be ambiguous.
  return normalised === null ? scope : `${scope}|${normalised}`;
}

function instant(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`Ugyldigt tidspunkt: "${iso}".`);
  return ms;
}

/**
 * Per consent key, the record in force at `at`: the latest by `effectiveAt`
 * at or before `at`; on equal `effectiveAt` the later `recordedAt` wins (a
 * correction), and after that the later position in `records`.
 * Timing is by effect, not by registration: a withdrawal registered today
 * with effect from last week means there was no consent last week. To ask
 * what the system knew at a time, filter on `recordedAt` first.
 */
export function consentStateAt(records: readonly ConsentRecord[], at: string): ReadonlyMap<string, ConsentState> {
  const atMs = instant(at);
  const winners = new Map<string, { record: ConsentRecord; effective: number; recorded: number }>();
  for (const record of records) {
    const effective = instant(record.effectiveAt);
    if (effective > atMs) continue;
    const recorded = instant(record.recordedAt);
    const key = consentKey(record.scope, record.counterpart);
    const current = winners.get(key);
    if (
      !current ||
      effective > current.effective ||
      (effective === current.effective && recorded >= current.recorded)
    ) {
      winners.set(key, { record, effective, recorded });
    }
  }
  const states = new Map<string, ConsentState>();
  for (const [key, { record }] of winners) {
    states.set(key, { key, latest: record, active: record.action === 'given' });
  }
  return states;
}

/**
 * Whether consent of `scope` (for `counterpart`, where the scope names one)
 * is in force at `at`. Consent for one health source never covers another,
 * and asking about a counterpart scope without a counterpart is always false.
 * For scopes without a counterpart, `counterpart` is ignored.
 */
export function hasActiveConsent(
  records: readonly ConsentRecord[],
  scope: ConsentScope,
  counterpart: string | null,
  at: string,
): boolean {
  let key: string;
  if (scopeHasCounterpart(scope)) {
    if (normaliseCounterpart(counterpart) === null) return false;
    key = consentKey(scope, counterpart);
  } else {
    key = consentKey(scope, null);
  }
  return consentStateAt(records, at).get(key)?.active ?? false;
}

function describeDa(scope: ConsentScope, counterpart: string | null): string {
  const party = counterpart?.trim() ?? '';
  switch (scope) {
    case 'holistic_effort':
      return 'den helhedsorienterede indsats';
    case 'health_information':
      return `indhentning af helbredsoplysninger fra ${party}`;
    case 'family_plan':
      return 'en plan for familien';
    case 'disclosure':
      return `videregivelse af oplysninger til ${party}`;
  }
}

const COUNTERPART_MISSING_DA: Partial<Record<ConsentScope, string>> = {
  health_information: 'Samtykke til helbredsoplysninger skal angive, hvem oplysningerne indhentes fra.',
  disclosure: 'Samtykke til videregivelse skal angive, hvem oplysningerne videregives til.',
};

/**
 * Null when `action` may be appended to `records`, otherwise a Danish
 * message for the caseworker. The action is judged against the state at its
 * own `effectiveAt`, so a backdated withdrawal is checked against the consent
 * that existed then.
 */
export function validateConsentAction(records: readonly ConsentRecord[], action: ConsentAction): string | null {
  if (Number.isNaN(Date.parse(action.effectiveAt))) return 'Tidspunktet for samtykket er ugyldigt.';
  const counterpart = normaliseCounterpart(action.counterpart);
  if (scopeHasCounterpart(action.scope)) {
    if (counterpart === null) {
      return COUNTERPART_MISSING_DA[action.scope] ?? 'Samtykket skal angive en modpart.';
    }
  } else if (counterpart !== null) {
    return `Samtykke til ${describeDa(action.scope, null)} kan ikke knyttes til en bestemt modpart.`;
  }
  if (action.action === 'given' && action.form === null) {
    return 'Samtykket skal være skriftligt: angiv, om det er givet digitalt eller på scannet papir.';
  }
  const state = consentStateAt(records, action.effectiveAt).get(consentKey(action.scope, action.counterpart));
  const active = state?.active ?? false;
  const described = describeDa(action.scope, action.counterpart);
  if (action.action === 'given' && active) return `Der er allerede givet samtykke til ${described}.`;
  if (action.action === 'withdrawn' && !active) return `Der er ikke et aktivt samtykke til ${described} at tilbagekalde.`;
  return null;
}

export interface ConsentWithdrawal {
  effectiveOn: LocalDate;
  scope: ConsentScope;
}

export interface RunningIntervention {
  id: string;
  /** Danish, lower-case as it reads inside a sentence, e.g. 'socialpædagogisk støtte'. */
  title: string;
  sector: Sector;
  /** The sector-law basis the decision will be made under, e.g. 'serviceloven § 85'. */
  legalBasis: string;
}

export interface WithdrawalFollowUp {
  interventionId: string;
  /** Danish task title. */
  title: string;
  sector: Sector;
  legalBasis: string;
  dueOn: LocalDate;
}

/**
 * When the citizen withdraws consent to the holistic effort, each running
 * intervention must be decided under its sector law as soon as possible and
 * without a new application, and keeps running until then: one task per
 * intervention, due `consentWithdrawalDecisionDays` after the withdrawal,
 * moved off closed days. Other scopes do not end the effort and yield no tasks.
 */
export function withdrawalFollowUps(
  withdrawal: ConsentWithdrawal,
  runningInterventions: readonly RunningIntervention[],
  ruleSet: RuleSet,
  calendar?: WorkingDayCalendar,
): WithdrawalFollowUp[] {
  if (withdrawal.scope !== 'holistic_effort') return [];
  const dueOn = deadlineMovedToWorkingDay(
    addDays(withdrawal.effectiveOn, ruleSet.deadlines.consentWithdrawalDecisionDays),
    calendar,
  );
  return runningInterventions.map((intervention) => ({
    interventionId: intervention.id,
    title: `Træf afgørelse efter sektorloven om ${intervention.title}`,
    sector: intervention.sector,
    legalBasis: intervention.legalBasis,
    dueOn,
  }));
}
