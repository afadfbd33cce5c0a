import type { Kysely } from 'kysely';
import {
  decideAccess,
  DENIAL_DETAIL,
  hasActiveConsent,
  HEALTH_ACTIONS,
  type Action,
  type ConsentRecord,
  type Purpose,
  type Relation,
} from '@helhed/core';
import { appendAudit } from '../audit/audit-log';
import type { DB } from '../db/schema';
import { inMunicipality, type Tx } from '../db/transactions';
import { AccessDeniedError, notFound, ProblemError } from '../errors';
import { loadConsentRecords } from './consent-records';
import { relationTo } from './relations';
import { rolesOf, type RequestContext } from './principal';

/**
 * Whose data a call touches. The gateway resolves it to a citizen inside the
 * scoped transaction, so an id from another municipality simply is not found.
 */
export type Subject =
  | { citizenId: string }
  | { caseId: string }
  /** a row that belongs to a citizen through its case or directly */
  | { owned: OwnedTable; id: string }
  /** a search: the criterion is audited; `resolve` finds the citizen it hits, if any */
  | { search: Record<string, unknown>; resolve: (tx: Tx) => Promise<string | null> }
  /** registration of a new citizen: no one to relate to yet */
  | { newCitizen: true };

export interface AccessRequest {
  action: Action;
  subject: Subject;
  resourceType: string;
  resourceId?: string | null;
  /** for a health read of one document: the named source whose consent must be active now (or how to find it) */
  healthSource?: string | ((tx: Tx) => Promise<string>);
}

export interface Granted {
  tx: Tx;
  citizenId: string | null;
  caseId: string | null;
  relation: Relation;
  /** loaded for health actions and consent reads: the citizen's consent history */
  consents: ConsentRecord[];
  /** set the audited resource id when it is only known after the work (e.g. a created row) */
  setResourceId(id: string): void;
  /** other citizens the work also read (a family calendar): each gets its own audit record */
  alsoConcerns(citizenIds: string[]): void;
  /**
   * A further action the same work performs on the citizen (opening a case and
   * recording the consent given at intake): judged by the policy with the
   * relation as it stands at that point of the transaction, and audited as its
   * own record. A denial rolls the whole work back and is audited under this action.
   */
  alsoPerforms(action: Action, resourceType: string, resourceId: string): Promise<void>;
}

/**
 * The one choke point for personal data (SPEC §9). Every read and write of a
 * citizen's data runs through `run`: one transaction confined to the
 * principal's municipality (row-level security too), role + relation +
 * consent checked, and the audit record appended to the hash chain in the
 * same transaction. A denial rolls everything back and is audited on its own.
 */
export class AccessGateway {
  constructor(private readonly db: Kysely<DB>) {}

  async run<T>(ctx: RequestContext, req: AccessRequest, work: (granted: Granted) => Promise<T>): Promise<T> {
    const municipalityId = ctx.principal.municipalityId;
    let deniedCitizen: string | null = null;
    let deniedRequest = req;
    try {
      return await inMunicipality(this.db, municipalityId, async (tx) => {
        // A citizen named outright is found and related in one query; other subjects are resolved to one first.
        const citizenId = 'citizenId' in req.subject ? (isUuid(req.subject.citizenId) ? req.subject.citizenId : undefined) : await this.resolveCitizen(tx, req.subject);
        if (citizenId === undefined) throw new SubjectNotFound();
        const related = citizenId ? await relationTo(tx, ctx.principal, citizenId) : { relation: 'none' as Relation, caseId: null };
        if (related === undefined) throw new SubjectNotFound();
        deniedCitizen = citizenId;
        const { relation, caseId } = related;
        // Health actions (reading and receiving) and consent actions judge against the consent history.
        const needsConsents = req.action.startsWith('health.') || req.action.startsWith('consent.');
        const consents = needsConsents && citizenId ? await loadConsentRecords(tx, citizenId) : [];
        const source = typeof req.healthSource === 'function' ? await req.healthSource(tx) : req.healthSource;
        const healthConsent =
          source !== undefined ? hasActiveConsent(consents, 'health_information', source, ctx.now().toISOString()) : undefined;
        const decision = decideAccess({
          roles: rolesOf(ctx.principal),
          action: req.action,
          relation,
          // A listing of health data checks consent per item (the service filters); a single read checks here.
          healthConsent: source !== undefined ? healthConsent : HEALTH_ACTIONS.includes(req.action) ? true : undefined,
          breakGlassReason: ctx.breakGlassReason,
        });
        if (!decision.allowed) throw new AccessDeniedError(decision.reason, DENIAL_DETAIL[decision.reason]);

        let resourceId = req.resourceId ?? null;
        const alsoConcerned = new Set<string>();
        const alsoPerformed: { further: AccessRequest; breakGlass: boolean }[] = [];
        const result = await work({
          tx,
          citizenId,
          caseId,
          relation,
          consents,
          setResourceId: (id) => (resourceId = id),
          alsoConcerns: (ids) => ids.forEach((id) => id !== citizenId && alsoConcerned.add(id)),
          alsoPerforms: async (action, resourceType, id) => {
            const further: AccessRequest = { action, subject: req.subject, resourceType, resourceId: id };
            const now = citizenId ? await relationTo(tx, ctx.principal, citizenId) : undefined;
            const d = decideAccess({ roles: rolesOf(ctx.principal), action, relation: now?.relation ?? 'none', breakGlassReason: ctx.breakGlassReason });
            if (!d.allowed) {
              deniedRequest = further;
              throw new AccessDeniedError(d.reason, DENIAL_DETAIL[d.reason]);
            }
            alsoPerformed.push({ further, breakGlass: d.basis === 'break_glass' });
          },
        });
        const breakGlass = decision.basis === 'break_glass';
        await appendAudit(tx, {
          ...this.auditBase(ctx, req, citizenId, breakGlass),
          resourceId,
          outcome: breakGlass ? 'allowed_break_glass' : 'allowed',
          reason: breakGlass ? ctx.breakGlassReason : null,
        });
        for (const { further, breakGlass: furtherBreakGlass } of alsoPerformed) {
          await appendAudit(tx, {
            ...this.auditBase(ctx, further, citizenId, furtherBreakGlass),
            outcome: furtherBreakGlass ? 'allowed_break_glass' : 'allowed',
            reason: furtherBreakGlass ? ctx.breakGlassReason : null,
          });
        }
        for (const other of alsoConcerned) {
          await appendAudit(tx, {
            ...this.auditBase(ctx, req, other, breakGlass),
            resourceId,
            outcome: breakGlass ? 'allowed_break_glass' : 'allowed',
            reason: breakGlass ? ctx.breakGlassReason : null,
          });
        }
        return result;
      });
    } catch (error) {
      if (error instanceof AccessDeniedError) {
        await this.auditDenial(ctx, deniedRequest, deniedCitizen, error.reason);
        throw error;
      }
      if (error instanceof SubjectNotFound) {
        await this.auditDenial(ctx, req, null, 'not_found');
        throw notFound();
      }
      throw error;
    }
  }

  /**
   * Data about no citizen — the organisation, the bookkeeping of import
   * batches and screening runs: no audit record, but still confined to the
   * principal's municipality, and closed to citizens.
   */
  async administrative<T>(ctx: RequestContext, work: (tx: Tx) => Promise<T>): Promise<T> {
    if (ctx.principal.kind === 'citizen') throw new AccessDeniedError('role', DENIAL_DETAIL.role);
    return inMunicipality(this.db, ctx.principal.municipalityId, work);
  }

  /** undefined = the subject does not exist in this municipality; null = no citizen concerned (yet) */
  private async resolveCitizen(tx: Tx, subject: Exclude<Subject, { citizenId: string }>): Promise<string | null | undefined> {
    if ('caseId' in subject) {
      if (!isUuid(subject.caseId)) return undefined;
      const row = await tx.selectFrom('holistic_case').select('citizen_id').where('id', '=', subject.caseId).executeTakeFirst();
      return row?.citizen_id;
    }
    if ('owned' in subject) {
      if (!isUuid(subject.id)) return undefined;
      return OWNER_OF[subject.owned](tx, subject.id);
    }
    if ('search' in subject) return subject.resolve(tx);
    return null;
  }

  private auditBase(ctx: RequestContext, req: AccessRequest, citizenId: string | null, breakGlass: boolean) {
    const p = ctx.principal;
    const purpose: Purpose = breakGlass ? 'break_the_glass' : ctx.purpose;
    return {
      municipalityId: p.municipalityId,
      occurredAt: ctx.now(),
      actorKind: p.kind,
      actorId: p.id,
      actorName: p.name,
      citizenId,
      searchCriterion: 'search' in req.subject ? req.subject.search : null,
      action: req.action,
      resourceType: req.resourceType,
      resourceId: req.resourceId ?? null,
      purpose,
    };
  }

  private async auditDenial(ctx: RequestContext, req: AccessRequest, citizenId: string | null, reason: string) {
    await inMunicipality(this.db, ctx.principal.municipalityId, (tx) =>
      appendAudit(tx, { ...this.auditBase(ctx, req, citizenId, false), outcome: 'denied', reason }),
    );
  }
}

export type OwnedTable = 'task' | 'health_document' | 'decision' | 'complaint' | 'letter' | 'visitation_request' | 'calendar_entry' | 'message_thread';

/** A row that belongs to a citizen through its case (a family member's calendar entry too: it is coordinated under the case). */
const throughCase =
  (table: 'task' | 'calendar_entry' | 'message_thread') =>
  async (tx: Tx, id: string): Promise<string | undefined> =>
    (
      await tx
        .selectFrom(table as 'task')
        .innerJoin('holistic_case', 'holistic_case.id', `${table}.case_id` as 'task.case_id')
        .select('holistic_case.citizen_id')
        .where(`${table}.id` as 'task.id', '=', id)
        .executeTakeFirst()
    )?.citizen_id;

const OWNER_OF: Record<OwnedTable, (tx: Tx, id: string) => Promise<string | undefined>> = {
  task: throughCase('task'),
  health_document: async (tx, id) =>
    (await tx.selectFrom('health_document').select('citizen_id').where('id', '=', id).executeTakeFirst())?.citizen_id,
  decision: async (tx, id) =>
    (
      await tx.selectFrom('decision').innerJoin('holistic_case', 'holistic_case.id', 'decision.case_id').select('holistic_case.citizen_id').where('decision.id', '=', id).executeTakeFirst()
    )?.citizen_id,
  complaint: async (tx, id) =>
    (
      await tx.selectFrom('complaint').innerJoin('holistic_case', 'holistic_case.id', 'complaint.case_id').select('holistic_case.citizen_id').where('complaint.id', '=', id).executeTakeFirst()
    )?.citizen_id,
  letter: async (tx, id) => (await tx.selectFrom('letter').select('citizen_id').where('id', '=', id).executeTakeFirst())?.citizen_id,
  visitation_request: async (tx, id) =>
    (await tx.selectFrom('visitation_request').select('citizen_id').where('id', '=', id).executeTakeFirst())?.citizen_id,
  calendar_entry: throughCase('calendar_entry'),
  message_thread: throughCase('message_thread'),
};

class SubjectNotFound extends ProblemError {
  constructor() {
    super(404, 'not-found', 'Ikke fundet', 'Ressourcen findes ikke.');
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
