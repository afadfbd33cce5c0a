import { describe, expect, it } from 'vitest';
import { CASE_PHASES, checkTransition, PHASE_RULES, type CasePhase } from '../src/case-phase';

describe('checkTransition', () => {
  const consent = { holisticConsent: true };
  const none = { holisticConsent: false };
  it.each<[CasePhase, CasePhase, boolean, string]>([
    ['consent', 'assessment', false, 'holistic_consent'],
    ['consent', 'assessment', true, 'ok'],
    ['intake', 'consent', false, 'ok'],
    ['consent', 'closed', false, 'ok'],
    ['intake', 'assessment', true, 'not_allowed'],
    ['assessment', 'planning', false, 'holistic_consent'],
    ['assessment', 'decision', true, 'ok'],
    ['follow_up', 'planning', true, 'ok'],
    ['closed', 'assessment', true, 'not_allowed'],
  ])('%s → %s with consent=%s: %s', (from, to, hasConsent, expected) => {
    const result = checkTransition(from, to, hasConsent ? consent : none);
    expect(result.ok ? 'ok' : result.reason).toBe(expected);
    if (!result.ok) expect(result.detail).toMatch(/[æøåÆØÅa-z]/);
  });

  it('no phase past consent can be entered without the holistic-effort consent', () => {
    const pastConsent = CASE_PHASES.filter((p) => !['intake', 'consent', 'closed'].includes(p));
    for (const from of CASE_PHASES) {
      for (const to of PHASE_RULES[from].next) {
        if (pastConsent.includes(to)) expect(checkTransition(from, to, none).ok).toBe(false);
      }
    }
  });

  it('a case can always be closed, except when it already is', () => {
    for (const from of CASE_PHASES) expect(checkTransition(from, 'closed', none).ok).toBe(from !== 'closed');
  });
});
