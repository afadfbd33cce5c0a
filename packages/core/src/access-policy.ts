import type { Role } from './vocabulary';

/**
 * Access to personal data = role (job function) + relation (how the person
 * asking stands to the citizen) + consent scope for health data (SPEC §7.3).
 * The table below is the whole policy; the server's gateway works out the
 * relation from the database and asks `decideAccess`.
 */
export const ACTIONS = [
  'citizen.search',
  'citizen.register',
  'citizen.read',
  'case.create',
  'case.read',
  'case.update',
  'contact.read',
  'contact.write',
  'consent.read',
  'consent.record',
  'task.read',
  'task.write',
  'event.read',
  'sector_record.read',
  'health.read',
  'health.receive',
  'audit.read_own',
  /** the principal's own caseload and task list: lists only what they relate to */
  'caseload.read',
  /** loading a sector feed (many citizens at once; audited per batch) */
  'import.run',
  /** screening citizens against the target-group rules */
  'screening.run',
  /** the candidates' work queue and a citizen's screening results with reasons */
  'screening.read',
  /** the caseworker's individual target-group assessment (a procedural decision) */
  'target_group.assess',
  /** decisions (C7): reading issued decisions and drafts, writing drafts, issuing */
  'decision.read',
  'decision.write',
  'decision.issue',
  /** complaints (C8): reading, registering (the citizen about their own decision), reassessing, exporting the bundle */
  'complaint.read',
  'complaint.register',
  'complaint.reassess',
  'complaint.export',
  /** the leaders' deadline board: deadlines by unit and caseworker, no citizen details */
  'deadlines.read',
  /** the assessment (udredning) over the FFB life domains, and confirming sector records in it */
  'assessment.read',
  'assessment.write',
  /** the holistic plan: read (the citizen too), change (a new version), follow up progression, export as FHIR */
  'plan.read',
  'plan.write',
  'plan.follow_up',
  'plan.export',
  /** the family: household members, parent/child links, the family plan (with consent) and its obligation */
  'family.read',
  'family.write',
  /** the citizen's letters (decision letters sent, with delivery status) and their PDFs */
  'letter.read',
  /** the municipality's intervention catalogue (no personal data) and its upkeep, with the forum budgets */
  'catalogue.read',
  'catalogue.manage',
  /** asking for / granting an intervention from the catalogue within one's authority (beyond it: to the forum) */
  'visitation.request',
  /** starting, ending, pausing and resuming a granted intervention; recording the rehabilitation prerequisite */
  'visitation.update',
  /** registering used hours on a flexible hour pool (the executing person too) */
  'visitation.register_hours',
  /** the forum's queue and budget use: amounts and items, no names */
  'visitation.forum_queue',
  /** a visitation request put before the forum, with the details needed to decide it (relation 'forum') */
  'visitation.forum_read',
  'visitation.decide',
  /** raising "agreed but not started" tasks across the municipality (batch; audited once) */
  'visitation.sweep',
  /** outreach quick registration (fremskudt myndighed): citizen with few details + case */
  'outreach.register',
  /** the calendar of a citizen (and their household) with conflicts */
  'calendar.read',
  'calendar.write',
  /** flagging new information that may need a plan change (raises a task for the coordinator) */
  'new_information.flag',
  /** messages between the citizen and the coordinating caseworker / team */
  'message.read',
  'message.write',
  /** the citizen's answer to "Oplever du et sammenhængende forløb?" */
  'survey.answer',
  /** the caseworker's one-screen overview of a citizen (employees only; the citizen has Min plan) */
  'overview.read',
  /** the reform's indicators for the municipality: counts and statistics, never a citizen (audited once per read) */
  'indicators.read',
  /** the pseudonymised export for the national evaluation: one row per target-group citizen (audited once per export) */
  'indicators.export',
  /** the organisation's settings with their history: authority limits, conflict rules (no personal data) */
  'organisation.read',
  /** changing them (the municipality's administrator) */
  'organisation.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * How the principal stands to the citizen the data is about.
 * - coordinator: coordinating caseworker of the citizen's open case
 * - team: member of the coordinating team of that case
 * - contact: an internal contact person on the case (executing staff)
 * - self: the citizen themself
 * - forum: member of the visitation forum a request about the citizen is before (pending)
 * - none: no relation (search and registration need none)
 */
export type Relation = 'coordinator' | 'team' | 'contact' | 'self' | 'forum' | 'none';

type Grants = Partial<Record<Action, readonly Relation[]>>;

const CASEWORK: readonly Relation[] = ['coordinator', 'team'];
const CASE_RELATED: readonly Relation[] = ['coordinator', 'team', 'contact'];

export const POLICY: Record<Role, Grants> = {
  coordinating_caseworker: {
    'citizen.search': ['none', 'coordinator', 'team', 'contact'],
    'citizen.register': ['none'],
    'citizen.read': CASE_RELATED,
    // Opening a case needs no prior relation: it is how the relation starts.
    'case.create': ['none', 'coordinator', 'team', 'contact'],
    'case.read': CASE_RELATED,
    'case.update': CASEWORK,
    'contact.read': CASE_RELATED,
    'contact.write': CASEWORK,
    'consent.read': CASE_RELATED,
    'consent.record': CASEWORK,
    'task.read': CASE_RELATED,
    'task.write': CASEWORK,
    'event.read': CASE_RELATED,
    'sector_record.read': CASE_RELATED,
    'health.read': CASEWORK,
    'health.receive': CASEWORK,
    'caseload.read': ['none'],
    // Finding and assessing candidates is how a case starts: no relation needed.
    'screening.read': ['none', 'coordinator', 'team', 'contact'],
    'target_group.assess': ['none', 'coordinator', 'team'],
    'decision.read': CASE_RELATED,
    'decision.write': CASEWORK,
    'decision.issue': CASEWORK,
    'complaint.read': CASE_RELATED,
    'complaint.register': CASEWORK,
    'complaint.reassess': CASEWORK,
    'complaint.export': CASEWORK,
    'assessment.read': CASE_RELATED,
    'assessment.write': CASEWORK,
    'plan.read': CASE_RELATED,
    'plan.write': CASEWORK,
    'plan.follow_up': CASE_RELATED,
    'plan.export': CASEWORK,
    'family.read': CASEWORK,
    'family.write': CASEWORK,
    'letter.read': CASE_RELATED,
    'catalogue.read': ['none'],
    'visitation.request': CASEWORK,
    'visitation.update': CASEWORK,
    'visitation.register_hours': CASEWORK,
    'outreach.register': ['none', 'coordinator', 'team', 'contact'],
    'calendar.read': CASE_RELATED,
    'calendar.write': CASE_RELATED,
    'new_information.flag': CASE_RELATED,
    'message.read': CASEWORK,
    'message.write': CASEWORK,
    'overview.read': CASE_RELATED,
  },
  specialist: {
    'citizen.search': ['none', 'coordinator', 'team', 'contact'],
    'citizen.read': CASE_RELATED,
    'case.read': CASE_RELATED,
    'contact.read': CASE_RELATED,
    'consent.read': CASE_RELATED,
    'task.read': CASE_RELATED,
    'task.write': CASE_RELATED,
    'event.read': CASE_RELATED,
    'sector_record.read': CASE_RELATED,
    'caseload.read': ['none'],
    'decision.read': CASE_RELATED,
    'complaint.read': CASE_RELATED,
    'assessment.read': CASE_RELATED,
    'plan.read': CASE_RELATED,
    'plan.follow_up': CASE_RELATED,
    'letter.read': CASE_RELATED,
    'catalogue.read': ['none'],
    // The executing person (an internal contact on the case) registers the hours used.
    'visitation.register_hours': CASE_RELATED,
    'calendar.read': CASE_RELATED,
    'calendar.write': CASE_RELATED,
    'new_information.flag': CASE_RELATED,
    'overview.read': CASE_RELATED,
  },
  // Leaders and the visitation forum see cases through what is put before them
  // (indicators, visitation requests); reading a named citizen otherwise
  // takes a break-the-glass reason.
  leader: {
    'screening.run': ['none'],
    'deadlines.read': ['none'],
    'catalogue.read': ['none'],
    'visitation.forum_queue': ['none'],
    'visitation.sweep': ['none'],
    'indicators.read': ['none'],
    'indicators.export': ['none'],
    'organisation.read': ['none'],
  },
  // The forum sees a named citizen only while a request about them is before it (decisions.md § 32).
  visitation_forum: {
    'catalogue.read': ['none'],
    'visitation.forum_queue': ['none'],
    'visitation.forum_read': ['forum'],
    'visitation.decide': ['forum'],
  },
  administrator: {
    'import.run': ['none'],
    'screening.run': ['none'],
    'catalogue.read': ['none'],
    'catalogue.manage': ['none'],
    'visitation.sweep': ['none'],
    'indicators.read': ['none'],
    'indicators.export': ['none'],
    'organisation.read': ['none'],
    'organisation.manage': ['none'],
  },
  system: { 'import.run': ['none'], 'screening.run': ['none'], 'visitation.sweep': ['none'] },
  citizen: {
    'citizen.read': ['self'],
    'case.read': ['self'],
    'contact.read': ['self'],
    'consent.read': ['self'],
    'consent.record': ['self'],
    'task.read': ['self'],
    'event.read': ['self'],
    'health.read': ['self'],
    'audit.read_own': ['self'],
    'decision.read': ['self'],
    'complaint.read': ['self'],
    'complaint.register': ['self'],
    'assessment.read': ['self'],
    'plan.read': ['self'],
    'letter.read': ['self'],
    'calendar.read': ['self'],
    'message.read': ['self'],
    'message.write': ['self'],
    'survey.answer': ['self'],
  },
};

/** Roles that may read with a written reason outside their relation. Reads only. */
const BREAK_GLASS_ROLES: readonly Role[] = ['coordinating_caseworker', 'specialist', 'leader'];
/** Aggregates about no one: there is no citizen to break the glass for, so the role alone decides. */
const AGGREGATE_ACTIONS: readonly Action[] = ['indicators.read', 'organisation.read'];
const READ_ACTIONS: readonly Action[] = ACTIONS.filter((a) => a.endsWith('.read') && !AGGREGATE_ACTIONS.includes(a));
/** Actions whose data is health information (GDPR art. 9, consent-scoped). */
export const HEALTH_ACTIONS: readonly Action[] = ['health.read'];
export const MIN_BREAK_GLASS_REASON = 15;

export interface AccessRequest {
  roles: readonly Role[];
  action: Action;
  relation: Relation;
  /** For health actions: whether an active health_information consent covers the source at the time of reading. */
  healthConsent?: boolean;
  breakGlassReason?: string | null;
}

export type AccessDecision =
  | { allowed: true; basis: 'policy' | 'break_glass' }
  | { allowed: false; reason: DenialReason };

export type DenialReason = 'role' | 'relation' | 'consent' | 'break_glass_reason';

export function decideAccess(req: AccessRequest): AccessDecision {
  const granted = req.roles.some((role) => POLICY[role][req.action]?.includes(req.relation));
  if (!granted) {
    const breakGlass = req.breakGlassReason?.trim() ?? '';
    const mayBreakGlass =
      READ_ACTIONS.includes(req.action) && req.roles.some((r) => BREAK_GLASS_ROLES.includes(r));
    if (!breakGlass || !mayBreakGlass) {
      const roleCanAtAll = req.roles.some((role) => POLICY[role][req.action] !== undefined);
      return { allowed: false, reason: roleCanAtAll || mayBreakGlass ? 'relation' : 'role' };
    }
    if (breakGlass.length < MIN_BREAK_GLASS_REASON) return { allowed: false, reason: 'break_glass_reason' };
    // Break-the-glass never overrides a missing health consent.
    if (HEALTH_ACTIONS.includes(req.action) && req.healthConsent !== true) return { allowed: false, reason: 'consent' };
    return { allowed: true, basis: 'break_glass' };
  }
  if (HEALTH_ACTIONS.includes(req.action) && req.relation !== 'self' && req.healthConsent !== true) {
    return { allowed: false, reason: 'consent' };
  }
  return { allowed: true, basis: 'policy' };
}

export const DENIAL_DETAIL: Record<DenialReason, string> = {
  role: 'Din rolle giver ikke adgang til denne handling.',
  relation: 'Borgeren er ikke i din sagsstamme eller dit team. Du kan ikke se oplysningerne.',
  consent: 'Der er ikke et gyldigt samtykke til at se helbredsoplysninger fra denne kilde.',
  break_glass_reason: `Nødadgang kræver en skriftlig begrundelse på mindst ${MIN_BREAK_GLASS_REASON} tegn.`,
};
