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
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * How the principal stands to the citizen the data is about.
 * - coordinator: coordinating caseworker of the citizen's open case
 * - team: member of the coordinating team of that case
 * - contact: an internal contact person on the case (executing staff)
 * - self: the citizen themself
 * - none: no relation (search and registration need none)
 */
export type Relation = 'coordinator' | 'team' | 'contact' | 'self' | 'none';

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
    'calendar.read': CASE_RELATED,
    'calendar.write': CASE_RELATED,
    'new_information.flag': CASE_RELATED,
    'message.read': CASEWORK,
    'message.write': CASEWORK,
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
    'calendar.read': CASE_RELATED,
    'calendar.write': CASE_RELATED,
    'new_information.flag': CASE_RELATED,
  },
  // Leaders and the visitation forum see cases through what is put before them
  // (indicators, visitation requests); reading a named citizen otherwise
  // takes a break-the-glass reason.
  leader: { 'screening.run': ['none'] },
  visitation_forum: {},
  administrator: { 'import.run': ['none'], 'screening.run': ['none'] },
  system: { 'import.run': ['none'], 'screening.run': ['none'] },
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
    'calendar.read': ['self'],
    'message.read': ['self'],
    'message.write': ['self'],
    'survey.answer': ['self'],
  },
};

/** Roles that may read with a written reason outside their relation. Reads only. */
const BREAK_GLASS_ROLES: readonly Role[] = ['coordinating_caseworker', 'specialist', 'leader'];
const READ_ACTIONS: readonly Action[] = ACTIONS.filter((a) => a.endsWith('.read'));
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
