import { ageOn, maskCpr, todayInCopenhagen, type api } from '@helhed/core';
import type { z } from 'zod';
import type { Access } from '../access/access';
import { loadConsentRecords } from '../access/consent-records';
import { readComplaints } from '../decisions/complaint-store';
import { readDecisions } from '../decisions/decision-store';
import { readCase } from './cases';
import { currentConsents } from './consents';
import { contactCounts, readContacts } from './contacts';
import { readCoordinationSummary } from './coordination-overview';
import { readInterventionsBySector } from './interventions';
import { listDueFollowUps, readHouseholdMembers, readPlan } from './plan-read';
import { readTasks } from './tasks';
import { readStored } from './target-group';

type Overview = z.infer<typeof api.CitizenOverview>;

/**
 * The caseworker's one-screen overview of a citizen (SPEC §7.1): one gateway
 * call — one transaction, one relation check, one audit record — composed of
 * the same read functions the single-topic endpoints use. Employees only
 * ('overview.read'); the citizen's own view is Min plan.
 */
export function citizenOverview(a: Access, citizenId: string): Promise<Overview> {
  return overview(a, { citizenId }, citizenId);
}

/** The same overview reached from a case (the case page's address): that case's sections, whoever else the citizen has. */
export function caseOverview(a: Access, caseId: string): Promise<Overview> {
  return overview(a, { caseId }, caseId);
}

async function overview(a: Access, subject: { citizenId: string } | { caseId: string }, resourceId: string): Promise<Overview> {
  return a.gateway.run(a.ctx, { action: 'overview.read', subject, resourceType: 'citizen_overview', resourceId }, async (g) => {
    const tx = g.tx;
    const citizenId = g.citizenId!;
    const caseId = 'caseId' in subject ? subject.caseId : g.caseId;
    const now = a.ctx.now();
    const today = todayInCopenhagen(now);
    // the person and their latest screening result in one query
    const person = await tx
      .selectFrom('citizen as c')
      .leftJoinLateral(
        (eb) =>
          eb
            .selectFrom('screening_result as r')
            .select(['r.explanation', 'r.rule_set_id', 'r.classification', 'r.mandatory_from', 'r.evaluated_on', 'r.summary'])
            .whereRef('r.citizen_id', '=', 'c.id')
            .orderBy('r.evaluated_at', 'desc')
            .orderBy('r.seq', 'desc')
            .limit(1)
            .as('s'),
        (join) => join.onTrue(),
      )
      .select(['c.id', 'c.name', 'c.birth_date', 'c.cpr', 's.explanation', 's.rule_set_id', 's.classification', 's.mandatory_from', 's.evaluated_on', 's.summary'])
      .where('c.id', '=', citizenId)
      .executeTakeFirstOrThrow();
    const consents = await loadConsentRecords(tx, citizenId);
    const screeningRow =
      person.classification === null
        ? undefined
        : { ...person, explanation: person.explanation!, rule_set_id: person.rule_set_id!, classification: person.classification, evaluated_on: person.evaluated_on! };
    const family = await readHouseholdMembers(tx, citizenId, today);
    const base = {
      citizen: { id: person.id, name: person.name, age: ageOn(person.birth_date, today), birthDate: person.birth_date, cprMasked: person.cpr === null ? null : maskCpr(person.cpr) },
      consents: currentConsents(consents, now),
      family,
      screening: screeningRow
        ? {
            classification: screeningRow.classification,
            ruleSetId: screeningRow.rule_set_id,
            evaluatedOn: screeningRow.evaluated_on,
            summary: readStored(screeningRow, person.birth_date).summary,
          }
        : null,
    };
    if (!caseId) {
      return {
        ...base,
        case: null,
        contacts: { items: [], counts: { active: 0, activeAuthority: 0, authorityLast12Months: 0, coordinatorChangesLast12Months: 0 } },
        plan: null,
        dueFollowUps: [],
        interventionsBySector: [],
        calendar: null,
        unreadMessages: 0,
        openNewInformation: [],
        decisions: [],
        complaints: [],
        openTasks: [],
      };
    }
    const theCase = await readCase(tx, caseId, now, consents);
    const contacts = await readContacts(tx, caseId);
    const counts = await contactCounts(tx, caseId, contacts, today);
    const plan = await readPlan(tx, caseId, today);
    const dueFollowUps = await listDueFollowUps(tx, { onDate: today, caseId });
    const bySector = await readInterventionsBySector(tx, caseId, today);
    const coordination = await readCoordinationSummary(tx, { caseId, citizenIds: [citizenId] }, now);
    const decisions = await readDecisions(tx, { caseId });
    const complaints = await readComplaints(tx, { caseId });
    const openTasks = await readTasks(tx, { caseId, openOnly: true });
    return {
      ...base,
      case: theCase,
      contacts: { items: contacts, counts },
      plan,
      dueFollowUps,
      interventionsBySector: bySector,
      calendar: coordination.calendar,
      unreadMessages: coordination.unreadMessages,
      openNewInformation: coordination.openNewInformation,
      decisions: decisions.filter((d) => d.status !== 'discarded'),
      complaints,
      openTasks,
    };
  });
}
