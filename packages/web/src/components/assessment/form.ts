/** The assessment as the form holds it, the body to save, and re-applying one person's edits on a newer version. */
import type { FfbDomainId, FunctionalLevel } from '@helhed/core';
import type { CaseAssessment, SaveAssessmentBody } from '../../clients/assessment';

export type DomainFields = { citizenWords: string; resources: string; barriers: string; level: FunctionalLevel; notes: string };
export type AssessmentForm = { citizenGoals: string; domains: Record<string, DomainFields> };

const FIELDS = ['citizenWords', 'resources', 'barriers', 'level', 'notes'] as const;

export function formOf(a: CaseAssessment): AssessmentForm {
  return {
    citizenGoals: a.citizenGoals,
    domains: Object.fromEntries(a.domains.map((d) => [d.domain, { citizenWords: d.citizenWords, resources: d.resources, barriers: d.barriers, level: d.level, notes: d.notes }])),
  };
}

export const isFilled = (d: DomainFields): boolean => d.level !== 'not_assessed' || [d.citizenWords, d.resources, d.barriers, d.notes].some((t) => t.trim() !== '');

/** Only the domains that say something are saved. */
export function bodyOf(form: AssessmentForm, version: number, status: SaveAssessmentBody['status']): SaveAssessmentBody {
  return {
    version,
    status,
    citizenGoals: form.citizenGoals.trim(),
    domains: Object.entries(form.domains)
      .filter(([, d]) => isFilled(d))
      .map(([domain, d]) => ({
        domain: domain as FfbDomainId,
        citizenWords: d.citizenWords.trim(),
        resources: d.resources.trim(),
        barriers: d.barriers.trim(),
        level: d.level,
        notes: d.notes.trim(),
      })),
  };
}

/** Field by field: mine where I changed it since `base`, else the newer version's. */
export function reapplyEdits(base: AssessmentForm, mine: AssessmentForm, theirs: AssessmentForm): AssessmentForm {
  const domains: Record<string, DomainFields> = {};
  for (const key of Object.keys(theirs.domains)) {
    const b = base.domains[key]!;
    const m = mine.domains[key]!;
    const t = theirs.domains[key]!;
    domains[key] = Object.fromEntries(FIELDS.map((f) => [f, m[f] !== b[f] ? m[f] : t[f]])) as DomainFields;
  }
  return { citizenGoals: mine.citizenGoals !== base.citizenGoals ? mine.citizenGoals : theirs.citizenGoals, domains };
}
