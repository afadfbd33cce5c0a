/**
 * The holistic plan (SPEC C5) as plain data: content, invariants, the diff
 * between two versions, progression and follow-up, and the citizen's
 * plain-Danish reading. The server stores every version as an immutable
 * snapshot of `PlanContent`.
 */
import {
  FFB_DOMAIN_LABELS,
  GOAL_TYPE_LABELS,
  PROGRESSION_MAX,
  type FfbDomainId,
  type FollowUpResult,
  type GoalType,
} from '../ffb';
import { formatDateDa } from '../target-group/evaluate';
import type { LocalDate } from '../local-date';

export interface OverallGoal {
  id: string;
  /** the goal as the citizen says it */
  citizenWords: string;
  /** the caseworker's formulation (master own life, toward work or education) */
  caseworkerText: string;
  targetDate: LocalDate | null;
  followUpDate: LocalDate | null;
}

export interface SubGoal {
  id: string;
  title: string;
  citizenWords: string | null;
  domain: FfbDomainId;
  goalType: GoalType;
  /** 1 = most important; unique within the plan */
  priority: number;
  targetDate: LocalDate | null;
  followUpDate: LocalDate | null;
  /** interventions (of the same case) that serve this sub-goal */
  interventionIds: string[];
}

export interface PlanContent {
  startDate: LocalDate;
  overallGoal: OverallGoal;
  subGoals: SubGoal[];
}

export interface PlanProblem {
  /** e.g. 'body.subGoals.1.priority' */
  path: string;
  code: string;
  message: string;
}

export interface PlanContext {
  /** ids of the case's own interventions */
  caseInterventionIds: ReadonlySet<string>;
  /** ids of the goals of the version being changed (empty for the first version) */
  previousGoalIds: ReadonlySet<string>;
  /** ids just given to new goals; any other id must be one of `previousGoalIds` */
  newGoalIds: ReadonlySet<string>;
}

/**
 * The plan's invariants. Empty = valid. Checked against the whole content,
 * so a version is never stored half right.
 */
export function validatePlan(content: PlanContent, ctx: PlanContext): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const base = 'body';
  const checkDates = (path: string, g: { targetDate: LocalDate | null; followUpDate: LocalDate | null }) => {
    if (g.targetDate !== null && g.targetDate < content.startDate) {
      problems.push({ path: `${path}.targetDate`, code: 'target-before-start', message: 'Måldatoen ligger før planens startdato.' });
    }
    if (g.followUpDate !== null && g.followUpDate < content.startDate) {
      problems.push({ path: `${path}.followUpDate`, code: 'follow-up-before-start', message: 'Opfølgningsdatoen ligger før planens startdato.' });
    }
  };
  checkDates(`${base}.overallGoal`, content.overallGoal);
  const known = (id: string) => ctx.previousGoalIds.has(id) || ctx.newGoalIds.has(id);
  if (!known(content.overallGoal.id)) {
    problems.push({ path: `${base}.overallGoal.id`, code: 'unknown-goal', message: 'Det overordnede mål findes ikke i planen.' });
  }
  const priorities = new Map<number, number>();
  const ids = new Set<string>([content.overallGoal.id]);
  content.subGoals.forEach((g, i) => {
    const path = `${base}.subGoals.${i}`;
    if (!Number.isInteger(g.priority) || g.priority < 1) {
      problems.push({ path: `${path}.priority`, code: 'invalid-priority', message: 'Prioriteten skal være et helt tal fra 1.' });
    } else if (priorities.has(g.priority)) {
      problems.push({ path: `${path}.priority`, code: 'duplicate-priority', message: `Prioritet ${g.priority} er allerede givet til et andet delmål.` });
    } else {
      priorities.set(g.priority, i);
    }
    if (ids.has(g.id)) problems.push({ path: `${path}.id`, code: 'duplicate-goal', message: 'To mål har samme id.' });
    else if (!known(g.id)) problems.push({ path: `${path}.id`, code: 'unknown-goal', message: 'Delmålet findes ikke i den version af planen, du ændrer.' });
    ids.add(g.id);
    checkDates(path, g);
    const linked = new Set<string>();
    g.interventionIds.forEach((id, j) => {
      if (!ctx.caseInterventionIds.has(id)) {
        problems.push({ path: `${path}.interventionIds.${j}`, code: 'unknown-intervention', message: 'Indsatsen hører ikke til borgerens sag.' });
      } else if (linked.has(id)) {
        problems.push({ path: `${path}.interventionIds.${j}`, code: 'duplicate-link', message: 'Indsatsen er allerede knyttet til delmålet.' });
      }
      linked.add(id);
    });
  });
  return problems;
}

/** Sub-goals in priority order. */
export function byPriority<T extends { priority: number }>(goals: readonly T[]): T[] {
  return [...goals].sort((a, b) => a.priority - b.priority);
}

// ---------------------------------------------------------------------------
// Diff between two versions
// ---------------------------------------------------------------------------

export type PlanChange =
  | { kind: 'start_date_changed'; from: LocalDate; to: LocalDate }
  | { kind: 'overall_goal_changed'; fields: string[] }
  | { kind: 'sub_goal_added'; goalId: string; title: string }
  | { kind: 'sub_goal_removed'; goalId: string; title: string }
  | { kind: 'sub_goal_changed'; goalId: string; title: string; fields: string[] }
  | { kind: 'intervention_linked'; goalId: string; interventionId: string }
  | { kind: 'intervention_unlinked'; goalId: string; interventionId: string };

const OVERALL_FIELDS = ['citizenWords', 'caseworkerText', 'targetDate', 'followUpDate'] as const;
const SUB_GOAL_FIELDS = ['title', 'citizenWords', 'domain', 'goalType', 'priority', 'targetDate', 'followUpDate'] as const;

/** What changed from one version's content to another's, goal by goal (goals keep their ids across versions). */
export function diffPlans(from: PlanContent, to: PlanContent): PlanChange[] {
  const changes: PlanChange[] = [];
  if (from.startDate !== to.startDate) changes.push({ kind: 'start_date_changed', from: from.startDate, to: to.startDate });
  const overall = OVERALL_FIELDS.filter((f) => from.overallGoal[f] !== to.overallGoal[f]);
  if (overall.length) changes.push({ kind: 'overall_goal_changed', fields: [...overall] });
  const before = new Map(from.subGoals.map((g) => [g.id, g]));
  const after = new Map(to.subGoals.map((g) => [g.id, g]));
  for (const g of from.subGoals) if (!after.has(g.id)) changes.push({ kind: 'sub_goal_removed', goalId: g.id, title: g.title });
  for (const g of to.subGoals) {
    const old = before.get(g.id);
    if (!old) {
      changes.push({ kind: 'sub_goal_added', goalId: g.id, title: g.title });
      for (const i of g.interventionIds) changes.push({ kind: 'intervention_linked', goalId: g.id, interventionId: i });
      continue;
    }
    const fields = SUB_GOAL_FIELDS.filter((f) => old[f] !== g[f]);
    if (fields.length) changes.push({ kind: 'sub_goal_changed', goalId: g.id, title: g.title, fields: [...fields] });
    for (const i of g.interventionIds) if (!old.interventionIds.includes(i)) changes.push({ kind: 'intervention_linked', goalId: g.id, interventionId: i });
    for (const i of old.interventionIds) if (!g.interventionIds.includes(i)) changes.push({ kind: 'intervention_unlinked', goalId: g.id, interventionId: i });
  }
  return changes;
}

/** A sub-goal's fields as the Danish text names them (version history, merge overlaps). */
export const SUB_GOAL_FIELD_LABELS_DA: Record<string, string> = {
  citizenWords: 'borgerens egne ord',
  caseworkerText: 'sagsbehandlerens formulering',
  targetDate: 'måldato',
  followUpDate: 'opfølgningsdato',
  title: 'titel',
  domain: 'livsområde',
  goalType: 'måltype',
  priority: 'prioritet',
  interventionIds: 'indsatser',
};

/** One Danish line per change, for the version history. */
export function describeChangeDa(change: PlanChange, interventionTitle: (id: string) => string = (id) => id): string {
  const fields = (f: string[]) => f.map((x) => SUB_GOAL_FIELD_LABELS_DA[x] ?? x).join(', ');
  switch (change.kind) {
    case 'start_date_changed':
      return `Planens startdato er ændret fra ${formatDateDa(change.from)} til ${formatDateDa(change.to)}.`;
    case 'overall_goal_changed':
      return `Det overordnede mål er ændret (${fields(change.fields)}).`;
    case 'sub_goal_added':
      return `Nyt delmål: ${change.title}.`;
    case 'sub_goal_removed':
      return `Delmålet "${change.title}" er fjernet.`;
    case 'sub_goal_changed':
      return `Delmålet "${change.title}" er ændret (${fields(change.fields)}).`;
    case 'intervention_linked':
      return `Indsatsen "${interventionTitle(change.interventionId)}" er knyttet til et delmål.`;
    case 'intervention_unlinked':
      return `Indsatsen "${interventionTitle(change.interventionId)}" er ikke længere knyttet til delmålet.`;
  }
}

// ---------------------------------------------------------------------------
// Progression and follow-up (SPEC C9.4)
// ---------------------------------------------------------------------------

export interface FollowUpEntry {
  recordedOn: LocalDate;
  /** PROGRESSION_MIN..PROGRESSION_MAX */
  progression: number;
  result: FollowUpResult;
  nextFollowUpOn: LocalDate | null;
}

/** FHIR goal-achievement codes (http://terminology.hl7.org/CodeSystem/goal-achievement). */
export type Achievement = 'in-progress' | 'improving' | 'worsening' | 'no-change' | 'achieved' | 'not-achieved';

export const ACHIEVEMENT_LABELS: Record<Achievement, string> = {
  'in-progress': 'I gang',
  improving: 'Går fremad',
  worsening: 'Går tilbage',
  'no-change': 'Uændret',
  achieved: 'Nået',
  'not-achieved': 'Ikke nået',
};

/** Entries oldest first (by date; equal dates keep their order). */
function chronological(entries: readonly FollowUpEntry[]): FollowUpEntry[] {
  return entries.map((e, i) => ({ e, i })).sort((a, b) => (a.e.recordedOn < b.e.recordedOn ? -1 : a.e.recordedOn > b.e.recordedOn ? 1 : a.i - b.i)).map((x) => x.e);
}

/**
 * A goal's achievement from its follow-ups: top of the scale = achieved; ended
 * below it = not achieved; otherwise the direction since the previous follow-up.
 */
export function achievementOf(entries: readonly FollowUpEntry[]): Achievement {
  const list = chronological(entries);
  const last = list.at(-1);
  if (!last) return 'in-progress';
  if (last.progression >= PROGRESSION_MAX) return 'achieved';
  if (last.result === 'end') return 'not-achieved';
  const previous = list.at(-2);
  if (!previous) return 'in-progress';
  if (last.progression > previous.progression) return 'improving';
  if (last.progression < previous.progression) return 'worsening';
  return 'no-change';
}

/** When the goal is next followed up: the latest follow-up's date for the next one, else the plan's date; null once ended. */
export function nextFollowUpOf(goal: { followUpDate: LocalDate | null }, entries: readonly FollowUpEntry[]): LocalDate | null {
  const last = chronological(entries).at(-1);
  if (!last) return goal.followUpDate;
  if (last.result === 'end') return null;
  return last.nextFollowUpOn;
}

export function isFollowUpDue(next: LocalDate | null, onDate: LocalDate): boolean {
  return next !== null && next <= onDate;
}

// ---------------------------------------------------------------------------
// The citizen's reading, in plain Danish (SPEC C5, C10)
// ---------------------------------------------------------------------------

export interface PlainPlanInput {
  content: PlanContent;
  version: number;
  interventions: ReadonlyMap<string, { title: string; startDate: LocalDate | null; endDate: LocalDate | null }>;
  progression: ReadonlyMap<string, number | null>;
}

export function planInPlainDanish(input: PlainPlanInput): string[] {
  const { content } = input;
  const lines: string[] = [];
  const g = content.overallGoal;
  lines.push(`Dit mål: "${g.citizenWords}"`);
  if (g.caseworkerText) lines.push(`Sådan har vi skrevet det sammen: ${g.caseworkerText}`);
  const goals = byPriority(content.subGoals);
  if (goals.length) lines.push(`Dine delmål, det vigtigste først:`);
  goals.forEach((s, i) => {
    let line = `${i + 1}. ${s.title} (${FFB_DOMAIN_LABELS[s.domain].toLowerCase()}; ${GOAL_TYPE_LABELS[s.goalType].toLowerCase()})`;
    if (s.targetDate) line += `. Det vil vi gerne nå senest ${formatDateDa(s.targetDate)}`;
    const p = input.progression.get(s.id);
    if (p !== undefined && p !== null) line += `. Sidst vurderede vi det til ${p} ud af ${PROGRESSION_MAX}`;
    if (s.followUpDate) line += `. Vi følger op ${formatDateDa(s.followUpDate)}`;
    lines.push(line + '.');
    for (const id of s.interventionIds) {
      const iv = input.interventions.get(id);
      if (iv) lines.push(`   Det hjælper: ${iv.title}${iv.startDate ? ` (fra ${formatDateDa(iv.startDate)})` : ''}.`);
    }
  });
  lines.push(`Det er version ${input.version} af din plan.`);
  return lines;
}

