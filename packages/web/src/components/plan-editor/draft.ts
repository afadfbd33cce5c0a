/**
 * The plan editor's draft: the plan as a form holds it (strings for dates,
 * sub-goals in priority order) and the conversions to and from the plan's
 * content, so core's merge can re-apply a draft on a newer version.
 */
import type { FfbDomainId, GoalType, PlanContent } from '@helhed/core';
import type { Plan, SavePlanBody } from '../../clients/plan';

export type DraftSubGoal = {
  /** stable key for React and focus; the id for saved sub-goals, 'ny-n' for new ones */
  key: string;
  /** null until the sub-goal has been saved */
  id: string | null;
  title: string;
  citizenWords: string;
  domain: FfbDomainId;
  goalType: GoalType;
  targetDate: string;
  followUpDate: string;
  interventionIds: string[];
};

export type PlanDraft = {
  startDate: string;
  overallGoal: { citizenWords: string; caseworkerText: string; targetDate: string; followUpDate: string };
  /** in priority order: the first is the most important */
  subGoals: DraftSubGoal[];
};

let counter = 0;
export const newKey = () => `ny-${++counter}`;

export function newSubGoal(): DraftSubGoal {
  return { key: newKey(), id: null, title: '', citizenWords: '', domain: 'mental_functions', goalType: 'develop', targetDate: '', followUpDate: '', interventionIds: [] };
}

/** The content of the plan as the API gave it. */
export function contentOfPlan(p: Plan): PlanContent {
  const g = p.overallGoal;
  return {
    startDate: p.startDate,
    overallGoal: { id: g.id, citizenWords: g.citizenWords, caseworkerText: g.caseworkerText, targetDate: g.targetDate, followUpDate: g.followUpDate },
    subGoals: p.subGoals.map((s) => ({
      id: s.id,
      title: s.title,
      citizenWords: s.citizenWords,
      domain: s.domain,
      goalType: s.goalType,
      priority: s.priority,
      targetDate: s.targetDate,
      followUpDate: s.followUpDate,
      interventionIds: s.interventions.map((i) => i.id),
    })),
  };
}

/** Nothing yet: the base of a first version. */
export function emptyContent(startDate: string): PlanContent {
  return { startDate, overallGoal: { id: 'overall', citizenWords: '', caseworkerText: '', targetDate: null, followUpDate: null }, subGoals: [] };
}

/** `saved`: ids the server knows; any other id is a new sub-goal of this draft. */
export function draftOfContent(c: PlanContent, saved: ReadonlySet<string>): PlanDraft {
  return {
    startDate: c.startDate,
    overallGoal: {
      citizenWords: c.overallGoal.citizenWords,
      caseworkerText: c.overallGoal.caseworkerText,
      targetDate: c.overallGoal.targetDate ?? '',
      followUpDate: c.overallGoal.followUpDate ?? '',
    },
    subGoals: [...c.subGoals]
      .sort((a, b) => a.priority - b.priority)
      .map((s) => ({
        key: s.id,
        id: saved.has(s.id) ? s.id : null,
        title: s.title,
        citizenWords: s.citizenWords ?? '',
        domain: s.domain,
        goalType: s.goalType,
        targetDate: s.targetDate ?? '',
        followUpDate: s.followUpDate ?? '',
        interventionIds: [...s.interventionIds],
      })),
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** The draft as plan content (new sub-goals keep their key as id), for merging. */
export function contentOfDraft(d: PlanDraft, overallGoalId: string): PlanContent {
  return {
    startDate: d.startDate,
    overallGoal: {
      id: overallGoalId,
      citizenWords: d.overallGoal.citizenWords.trim(),
      caseworkerText: d.overallGoal.caseworkerText.trim(),
      targetDate: orNull(d.overallGoal.targetDate),
      followUpDate: orNull(d.overallGoal.followUpDate),
    },
    subGoals: d.subGoals.map((s, i) => ({
      id: s.id ?? s.key,
      title: s.title.trim(),
      citizenWords: orNull(s.citizenWords),
      domain: s.domain,
      goalType: s.goalType,
      priority: i + 1,
      targetDate: orNull(s.targetDate),
      followUpDate: orNull(s.followUpDate),
      interventionIds: s.interventionIds,
    })),
  };
}

export function bodyOfDraft(d: PlanDraft, version: number, reason: string): SavePlanBody {
  const c = contentOfDraft(d, '');
  return {
    version,
    reason: reason.trim(),
    startDate: c.startDate,
    overallGoal: { citizenWords: c.overallGoal.citizenWords, caseworkerText: c.overallGoal.caseworkerText, targetDate: c.overallGoal.targetDate, followUpDate: c.overallGoal.followUpDate },
    subGoals: c.subGoals.map(({ id, ...g }, i) => ({ ...(d.subGoals[i]!.id ? { id } : {}), ...g })),
  };
}

/** Problems the form can name before asking the server, at the server's field paths. */
export function draftProblems(d: PlanDraft, reason: string): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (d.overallGoal.citizenWords.trim() === '') problems.push({ path: 'body.overallGoal.citizenWords', message: 'Skriv borgerens mål med borgerens egne ord.' });
  if (d.startDate === '') problems.push({ path: 'body.startDate', message: 'Angiv, hvornår planen gælder fra.' });
  d.subGoals.forEach((s, i) => {
    if (s.title.trim() === '') problems.push({ path: `body.subGoals.${i}.title`, message: `Delmål ${i + 1} mangler en titel.` });
  });
  if (reason.trim().length < 3) problems.push({ path: 'body.reason', message: 'Skriv, hvorfor planen ændres (mindst 3 tegn).' });
  return problems;
}
