import type { ComplaintChannel } from '../decisions/labels.da';
import { danishDate } from '../letters/danish-date';
import { daysBetween, todayInCopenhagen, type LocalDate } from '../local-date';
import { compareWorkItems, urgencyOf, WORK_URGENCY_LABELS, type WorkUrgency } from './urgency';

/**
 * The coordinating caseworker's work queue (issue 6): everything that needs
 * doing across the caseload, as one prioritised list, each item saying who it
 * concerns, what to do, why, and by when — in plain Danish.
 */
export const WORK_ITEM_KINDS = ['reassessment', 'late_complaint', 'task', 'unread_messages', 'not_started', 'follow_up', 'calendar_conflict'] as const;
export type WorkItemKind = (typeof WORK_ITEM_KINDS)[number];

export const WORK_ITEM_KIND_LABELS: Record<WorkItemKind, string> = {
  reassessment: 'Klage: genvurdering',
  late_complaint: 'Klage modtaget for sent',
  task: 'Opgave',
  unread_messages: 'Besked fra borgeren',
  not_started: 'Aftalt, men ikke startet',
  follow_up: 'Opfølgning på mål',
  calendar_conflict: 'Konflikt i kalenderen',
};

/** How the caseworker stands to the case: coordinates it, their team does, or only a task of theirs is on it. */
export type WorkRelation = 'coordinator' | 'team' | 'task';

export interface WorkCase {
  caseId: string;
  citizenId: string;
  citizenName: string;
  relation: WorkRelation;
}

/** The facts each item is made from; `refId` in the item is the id named in the comment. */
export type WorkSource =
  /** refId: the task */
  | { kind: 'task'; caseId: string; taskId: string; title: string; detail: string; legalBasis: string | null; dueOn: LocalDate | null; createdAt: string }
  /** refId: the complaint; status 'received', not yet reassessed */
  | {
      kind: 'complaint';
      caseId: string;
      complaintId: string;
      decisionTitle: string;
      channel: ComplaintChannel;
      receivedOn: LocalDate;
      complaintDeadline: LocalDate;
      daysLate: number;
      lateHandling: 'consider' | 'refuse' | null;
      reassessmentDeadline: LocalDate;
      createdAt: string;
    }
  /** refId: the intervention */
  | { kind: 'not_started'; caseId: string; interventionId: string; title: string; plannedStart: LocalDate }
  /** refId: the case (the calendar is the case's) */
  | { kind: 'calendar_conflict'; caseId: string; conflicts: number; firstConflictOn: LocalDate }
  /** refId: the goal */
  | { kind: 'follow_up'; caseId: string; goalId: string; goalTitle: string; nextFollowUpOn: LocalDate }
  /** refId: the thread */
  | { kind: 'unread_messages'; caseId: string; threadId: string; subject: string; unread: number; firstUnreadAt: string; lastUnreadAt: string };

export interface WorkItem extends WorkCase {
  kind: WorkItemKind;
  kindLabel: string;
  what: string;
  why: string;
  dueOn: LocalDate | null;
  /** days from today to the deadline (negative: overdue); null without a deadline */
  daysLeft: number | null;
  urgency: WorkUrgency;
  urgencyLabel: string;
  refId: string;
  /** when it started waiting (ISO instant or date), the tie-breaker without a deadline */
  since: string;
}

const RECEIVED_BY: Record<ComplaintChannel, string> = { letter: 'pr. brev', phone: 'pr. telefon', portal: 'i Min plan', email: 'pr. e-mail' };

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

type Content = Pick<WorkItem, 'kind' | 'what' | 'why' | 'dueOn' | 'refId' | 'since'>;

function contentOf(s: WorkSource, today: LocalDate): Content {
  switch (s.kind) {
    case 'task': {
      const why = [s.detail.trim(), s.legalBasis ? `Hjemmel: ${s.legalBasis}.` : ''].filter(Boolean).join(' ');
      return { kind: 'task', what: s.title, why: why || 'En opgave til dig på sagen.', dueOn: s.dueOn, refId: s.taskId, since: s.createdAt };
    }
    case 'complaint': {
      const received = `Klagen over »${s.decisionTitle}« blev modtaget ${RECEIVED_BY[s.channel]} ${danishDate(s.receivedOn)}`;
      if (s.daysLate > 0 && s.lateHandling === null) {
        return {
          kind: 'late_complaint',
          what: 'Tag stilling til en klage, der kom for sent',
          why: `${received}, ${s.daysLate} ${plural(s.daysLate, 'dag', 'dage')} efter klagefristen ${danishDate(s.complaintDeadline)}. Beslut, om den skal behandles alligevel, før afgørelsen genvurderes.`,
          dueOn: s.reassessmentDeadline,
          refId: s.complaintId,
          since: s.createdAt,
        };
      }
      return {
        kind: 'reassessment',
        what: `Genvurdér afgørelsen »${s.decisionTitle}«`,
        why: `${received}. Kommunen skal genvurdere afgørelsen inden fristen og sende sagen til Ankestyrelsen, hvis den fastholder den.`,
        dueOn: s.reassessmentDeadline,
        refId: s.complaintId,
        since: s.createdAt,
      };
    }
    case 'not_started':
      return {
        kind: 'not_started',
        what: `Sæt gang i »${s.title}«`,
        why: `Indsatsen er bevilget og skulle være startet ${danishDate(s.plannedStart)}, men den er ikke startet.`,
        dueOn: s.plannedStart,
        refId: s.interventionId,
        since: s.plannedStart,
      };
    case 'calendar_conflict':
      return {
        kind: 'calendar_conflict',
        what: s.conflicts === 1 ? 'Løs en konflikt i kalenderen' : `Løs ${s.conflicts} konflikter i kalenderen`,
        why: `Borgerens aftaler falder oven i hinanden, første gang ${danishDate(s.firstConflictOn)}.`,
        dueOn: s.firstConflictOn,
        refId: s.caseId,
        since: s.firstConflictOn,
      };
    case 'follow_up':
      return {
        kind: 'follow_up',
        what: `Følg op på målet »${s.goalTitle}«`,
        why: s.nextFollowUpOn === today ? 'Opfølgningen er planlagt til i dag.' : `Opfølgningen var planlagt til ${danishDate(s.nextFollowUpOn)}.`,
        dueOn: s.nextFollowUpOn,
        refId: s.goalId,
        since: s.nextFollowUpOn,
      };
    case 'unread_messages':
      return {
        kind: 'unread_messages',
        what: `Svar på beskeden »${s.subject}«`,
        why:
          s.unread === 1
            ? `Borgeren har skrevet ${danishDate(todayInCopenhagen(new Date(s.lastUnreadAt)))}, og beskeden er ikke læst.`
            : `Borgeren har skrevet ${s.unread} beskeder, som ikke er læst, senest ${danishDate(todayInCopenhagen(new Date(s.lastUnreadAt)))}.`,
        dueOn: null,
        refId: s.threadId,
        since: s.firstUnreadAt,
      };
  }
}

/** The queue: one item per source whose case is known, most pressing first. */
export function buildWorkQueue(sources: readonly WorkSource[], cases: readonly WorkCase[], today: LocalDate): WorkItem[] {
  const byId = new Map(cases.map((c) => [c.caseId, c]));
  const items = sources.flatMap((s) => {
    const kase = byId.get(s.caseId);
    if (!kase) return [];
    const c = contentOf(s, today);
    const urgency = urgencyOf(c.dueOn, today);
    const item: WorkItem = {
      ...kase,
      ...c,
      kindLabel: WORK_ITEM_KIND_LABELS[c.kind],
      daysLeft: c.dueOn === null ? null : daysBetween(today, c.dueOn),
      urgency,
      urgencyLabel: WORK_URGENCY_LABELS[urgency],
    };
    return [item];
  });
  return items.sort((a, b) => compareWorkItems({ ...a, kindRank: WORK_ITEM_KINDS.indexOf(a.kind) }, { ...b, kindRank: WORK_ITEM_KINDS.indexOf(b.kind) }));
}

/** How many items there are of each urgency, for the summary above the list. */
export function countByUrgency(items: readonly Pick<WorkItem, 'urgency'>[]): Record<WorkUrgency, number> {
  const counts: Record<WorkUrgency, number> = { overdue: 0, this_week: 0, none: 0, later: 0 };
  for (const i of items) counts[i.urgency] += 1;
  return counts;
}
