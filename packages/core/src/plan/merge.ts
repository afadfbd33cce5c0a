/**
 * Re-applying one person's plan edits on top of a version someone else saved
 * in the meantime (SPEC §7.2: concurrent edits are detected, never silently
 * overwritten). A three-way merge over the plan's content: what I changed
 * from the version I read wins, what I left alone takes the newer version's
 * value, and nothing either of us added is dropped. Where we both touched the
 * same thing, my value is used and the overlap is reported, so a person can
 * check it before saving.
 */
import { SUB_GOAL_FIELD_LABELS_DA, type PlanContent, type SubGoal } from './plan';

export type PlanOverlap =
  | { kind: 'start_date' }
  | { kind: 'overall_goal'; fields: string[] }
  | { kind: 'sub_goal'; title: string; fields: string[] }
  /** I removed a sub-goal the newer version changed: it is kept */
  | { kind: 'removed_by_me'; title: string }
  /** the newer version removed a sub-goal I changed: mine is kept */
  | { kind: 'removed_by_them'; title: string };

export interface MergedPlan {
  content: PlanContent;
  overlaps: PlanOverlap[];
}

const OVERALL_FIELDS = ['citizenWords', 'caseworkerText', 'targetDate', 'followUpDate'] as const;
const SUB_GOAL_FIELDS = ['title', 'citizenWords', 'domain', 'goalType', 'priority', 'targetDate', 'followUpDate'] as const;

/** Mine where I changed it, else theirs; `overlap` when we both changed it to different values. */
function pick<T>(base: T, mine: T, theirs: T): { value: T; overlap: boolean } {
  if (mine === base) return { value: theirs, overlap: false };
  return { value: mine, overlap: theirs !== base && theirs !== mine };
}

/** Theirs, plus what I linked, minus what I unlinked. */
function mergeLinks(base: readonly string[], mine: readonly string[], theirs: readonly string[]): string[] {
  const removedByMe = new Set(base.filter((id) => !mine.includes(id)));
  const kept = theirs.filter((id) => !removedByMe.has(id));
  return [...kept, ...mine.filter((id) => !base.includes(id) && !kept.includes(id))];
}

function sameLinks(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

function changedFields(from: SubGoal, to: SubGoal): string[] {
  const fields: string[] = SUB_GOAL_FIELDS.filter((f) => from[f] !== to[f]);
  if (!sameLinks(from.interventionIds, to.interventionIds)) fields.push('interventionIds');
  return fields;
}

function mergeSubGoal(base: SubGoal, mine: SubGoal, theirs: SubGoal): { goal: SubGoal; overlapping: string[] } {
  const goal: SubGoal = { ...theirs, interventionIds: mergeLinks(base.interventionIds, mine.interventionIds, theirs.interventionIds) };
  const overlapping: string[] = [];
  for (const f of SUB_GOAL_FIELDS) {
    const r = pick<SubGoal[typeof f]>(base[f], mine[f], theirs[f]);
    (goal as unknown as Record<string, unknown>)[f] = r.value;
    if (r.overlap) overlapping.push(f);
  }
  return { goal, overlapping };
}

/**
 * `base`: the version I started from; `mine`: my edited content (new
 * sub-goals carry ids that are in neither other version); `theirs`: the
 * version saved since. Sub-goals come out in priority order, renumbered 1..n.
 */
export function mergePlanEdits(base: PlanContent, mine: PlanContent, theirs: PlanContent): MergedPlan {
  const overlaps: PlanOverlap[] = [];
  const start = pick(base.startDate, mine.startDate, theirs.startDate);
  if (start.overlap) overlaps.push({ kind: 'start_date' });

  const overallGoal = { ...theirs.overallGoal };
  const overallOverlap: string[] = [];
  for (const f of OVERALL_FIELDS) {
    const r = pick<(typeof overallGoal)[typeof f]>(base.overallGoal[f], mine.overallGoal[f], theirs.overallGoal[f]);
    (overallGoal as Record<string, unknown>)[f] = r.value;
    if (r.overlap) overallOverlap.push(f);
  }
  if (overallOverlap.length) overlaps.push({ kind: 'overall_goal', fields: overallOverlap });

  const inBase = new Map(base.subGoals.map((g) => [g.id, g]));
  const inMine = new Map(mine.subGoals.map((g) => [g.id, g]));
  const inTheirs = new Map(theirs.subGoals.map((g) => [g.id, g]));
  const merged: SubGoal[] = [];
  for (const t of theirs.subGoals) {
    const b = inBase.get(t.id);
    const m = inMine.get(t.id);
    if (!b) merged.push(t); // added in the newer version
    else if (!m) {
      // I removed it; keep it only if the newer version changed it
      if (changedFields(b, t).length) {
        merged.push(t);
        overlaps.push({ kind: 'removed_by_me', title: t.title });
      }
    } else {
      const { goal, overlapping } = mergeSubGoal(b, m, t);
      merged.push(goal);
      if (overlapping.length) overlaps.push({ kind: 'sub_goal', title: goal.title, fields: overlapping });
    }
  }
  for (const m of mine.subGoals) {
    if (inTheirs.has(m.id)) continue;
    const b = inBase.get(m.id);
    if (!b) merged.push(m); // added by me
    else if (changedFields(b, m).length) {
      merged.push(m);
      overlaps.push({ kind: 'removed_by_them', title: m.title });
    }
  }
  const order = new Map(merged.map((g, i) => [g.id, i]));
  const subGoals = [...merged]
    .sort((a, b) => a.priority - b.priority || order.get(a.id)! - order.get(b.id)!)
    .map((g, i) => ({ ...g, priority: i + 1 }));
  return { content: { startDate: start.value, overallGoal, subGoals }, overlaps };
}

/** One Danish line per overlap: what to check before saving. */
export function describeOverlapDa(o: PlanOverlap): string {
  const fields = (f: string[]) => f.map((x) => SUB_GOAL_FIELD_LABELS_DA[x] ?? x).join(', ');
  switch (o.kind) {
    case 'start_date':
      return 'I har begge ændret planens startdato. Din dato er brugt.';
    case 'overall_goal':
      return `I har begge ændret det overordnede mål (${fields(o.fields)}). Din tekst er brugt.`;
    case 'sub_goal':
      return `I har begge ændret delmålet »${o.title}« (${fields(o.fields)}). Dine værdier er brugt.`;
    case 'removed_by_me':
      return `Du havde fjernet delmålet »${o.title}«, men det er ændret i den nye version. Det er taget med igen – fjern det, hvis det skal væk.`;
    case 'removed_by_them':
      return `Delmålet »${o.title}« er fjernet i den nye version, men du havde ændret det. Det er taget med igen – fjern det, hvis det skal væk.`;
  }
}
