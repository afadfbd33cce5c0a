/**
 * The holistic case moves through phases. Entering a phase past consent
 * requires an active consent to the holistic effort (SPEC C3: consent is the
 * gate). Later work adds its own preconditions to the table.
 */
export const CASE_PHASES = ['intake', 'consent', 'assessment', 'planning', 'decision', 'follow_up', 'closed'] as const;
export type CasePhase = (typeof CASE_PHASES)[number];

export type PhasePrecondition = 'holistic_consent';

interface PhaseRule {
  /** phases the case may move to from this one */
  next: readonly CasePhase[];
  /** what must hold to enter this phase */
  requires: readonly PhasePrecondition[];
}

// Interventions may start while the assessment is in progress (SPEC C4), so
// planning and decision are reachable from assessment; follow-up may go back
// to planning when the situation changes.
export const PHASE_RULES: Record<CasePhase, PhaseRule> = {
  intake: { next: ['consent', 'closed'], requires: [] },
  consent: { next: ['assessment', 'closed'], requires: [] },
  assessment: { next: ['planning', 'decision', 'closed'], requires: ['holistic_consent'] },
  planning: { next: ['assessment', 'decision', 'closed'], requires: ['holistic_consent'] },
  decision: { next: ['planning', 'follow_up', 'closed'], requires: ['holistic_consent'] },
  follow_up: { next: ['planning', 'decision', 'closed'], requires: ['holistic_consent'] },
  closed: { next: [], requires: [] },
};

export interface PhaseFacts {
  holisticConsent: boolean;
}

export type TransitionCheck =
  | { ok: true }
  | { ok: false; reason: 'not_allowed' | PhasePrecondition; detail: string };

export function checkTransition(from: CasePhase, to: CasePhase, facts: PhaseFacts): TransitionCheck {
  if (!PHASE_RULES[from].next.includes(to)) {
    return {
      ok: false,
      reason: 'not_allowed',
      detail: `Sagen kan ikke gå fra fasen »${PHASE_LABELS[from]}« til »${PHASE_LABELS[to]}«.`,
    };
  }
  for (const pre of PHASE_RULES[to].requires) {
    if (pre === 'holistic_consent' && !facts.holisticConsent) {
      return {
        ok: false,
        reason: pre,
        detail: 'Sagen kan ikke gå videre uden borgerens samtykke til den helhedsorienterede indsats.',
      };
    }
  }
  return { ok: true };
}

export const PHASE_LABELS: Record<CasePhase, string> = {
  intake: 'Modtagelse',
  consent: 'Samtykke',
  assessment: 'Udredning',
  planning: 'Plan',
  decision: 'Afgørelse',
  follow_up: 'Opfølgning',
  closed: 'Afsluttet',
};
