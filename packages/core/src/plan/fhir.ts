/**
 * FHIR R4 export of a case's plan (SPEC §10): a Bundle of type collection
 * with the Patient, one CarePlan (activities = the linked interventions),
 * one Goal per goal (sub-goals are milestones of the overall goal by the
 * goal-relationship extension) and one Consent per consent scope (a
 * withdrawn scope is inactive). Pure: the server gathers the data.
 */
import { FFB_DOMAIN_LABELS, GOAL_TYPE_LABELS } from '../ffb';
import { CONSENT_SCOPE_LABELS } from '../labels.da';
import type { ConsentScope } from '../vocabulary';
import { ACHIEVEMENT_LABELS, byPriority, type Achievement, type PlanContent } from './plan';

export const FHIR_BASE = 'https://helhed.dk/fhir';
export const GOAL_RELATIONSHIP_URL = 'http://hl7.org/fhir/StructureDefinition/goal-relationship';
export const CPR_SYSTEM = 'urn:oid:1.2.208.176.1.2';

export interface FhirPlanInput {
  generatedAt: string;
  citizen: { id: string; name: string; cpr: string | null; birthDate: string; sex: 'female' | 'male' };
  plan: { id: string; version: number; ruleSetId: string; createdAt: string; updatedAt: string; content: PlanContent };
  achievement: ReadonlyMap<string, Achievement>;
  interventions: readonly { id: string; title: string; sector: string; legalBasis: string; status: 'planned' | 'running' | 'ended'; startDate: string | null; endDate: string | null }[];
  consents: readonly { id: string; scope: ConsentScope; counterpart: string | null; active: boolean; since: string }[];
}

export type FhirResource = Record<string, unknown> & { resourceType: string; id: string };
type Resource = FhirResource;

export type FhirBundle = {
  resourceType: 'Bundle';
  id: string;
  type: 'collection';
  timestamp: string;
  entry: { fullUrl: string; resource: FhirResource }[];
};

const ref = (r: Resource) => ({ reference: `${r.resourceType}/${r.id}` });
const ACTIVITY_STATUS = { planned: 'not-started', running: 'in-progress', ended: 'completed' } as const;
const CONSENT_FHIR_SCOPE: Record<ConsentScope, string> = {
  holistic_effort: 'treatment',
  family_plan: 'treatment',
  health_information: 'patient-privacy',
  disclosure: 'patient-privacy',
};

function goalPriority(priority: number) {
  const code = priority === 1 ? 'high-priority' : priority === 2 ? 'medium-priority' : 'low-priority';
  return { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/goal-priority', code }] };
}

function achievementConcept(a: Achievement) {
  return { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/goal-achievement', code: a, display: ACHIEVEMENT_LABELS[a] }] };
}

export function planToFhirBundle(input: FhirPlanInput): FhirBundle {
  const { citizen, plan } = input;
  const content = plan.content;
  const patient: Resource = {
    resourceType: 'Patient',
    id: citizen.id,
    // a citizen registered at an outreach site may have no known CPR yet
    ...(citizen.cpr ? { identifier: [{ system: CPR_SYSTEM, value: citizen.cpr }] } : {}),
    name: [{ text: citizen.name }],
    gender: citizen.sex,
    birthDate: citizen.birthDate,
  };
  const subject = { ...ref(patient), display: citizen.name };
  const sub = byPriority(content.subGoals);
  const goalResource = (id: string, text: string, start: string, due: string | null, extra: Record<string, unknown>): Resource => ({
    resourceType: 'Goal',
    id,
    lifecycleStatus: 'active',
    achievementStatus: achievementConcept(input.achievement.get(id) ?? 'in-progress'),
    description: { text },
    subject,
    startDate: start,
    ...(due ? { target: [{ dueDate: due }] } : {}),
    ...extra,
  });
  const subGoals = sub.map((g) =>
    goalResource(g.id, g.title, content.startDate, g.targetDate, {
      priority: goalPriority(g.priority),
      category: [
        { coding: [{ system: `${FHIR_BASE}/CodeSystem/ffb-domain`, code: g.domain, display: FFB_DOMAIN_LABELS[g.domain] }] },
        { coding: [{ system: `${FHIR_BASE}/CodeSystem/ffb-goal-type`, code: g.goalType, display: GOAL_TYPE_LABELS[g.goalType] }] },
      ],
      ...(g.citizenWords ? { note: [{ text: `Borgerens ord: ${g.citizenWords}` }] } : {}),
    }),
  );
  const overall = content.overallGoal;
  const overallGoal = goalResource(overall.id, overall.caseworkerText || overall.citizenWords, content.startDate, overall.targetDate, {
    note: [{ text: `Borgerens ord: ${overall.citizenWords}` }],
    // The sub-goals are milestones on the way to the overall goal (FHIR JSON has no empty arrays).
    ...(subGoals.length ? { extension: subGoals.map((g) => ({
      url: GOAL_RELATIONSHIP_URL,
      extension: [
        { url: 'type', valueCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/goal-relationship-type', code: 'milestone' }] } },
        { url: 'target', valueReference: ref(g) },
      ],
    })) } : {}),
  });

  const linked = new Map<string, string[]>();
  for (const g of sub) for (const i of g.interventionIds) linked.set(i, [...(linked.get(i) ?? []), g.id]);
  const activities = input.interventions
    .filter((i) => linked.has(i.id))
    .map((i) => ({
      extension: [{ url: `${FHIR_BASE}/StructureDefinition/intervention`, valueIdentifier: { system: `${FHIR_BASE}/intervention`, value: i.id } }],
      detail: {
        code: { text: i.title },
        reasonCode: [{ text: i.legalBasis }],
        goal: linked.get(i.id)!.map((id) => ({ reference: `Goal/${id}` })),
        status: ACTIVITY_STATUS[i.status],
        ...(i.startDate ? { scheduledPeriod: { start: i.startDate, ...(i.endDate ? { end: i.endDate } : {}) } } : {}),
        description: `${i.title} (${i.legalBasis})`,
      },
    }));
  const carePlan: Resource = {
    resourceType: 'CarePlan',
    id: plan.id,
    identifier: [{ system: `${FHIR_BASE}/plan-version`, value: `${plan.id}/${plan.version}` }],
    status: 'active',
    intent: 'plan',
    category: [{ coding: [{ system: `${FHIR_BASE}/CodeSystem/plan-type`, code: 'holistic-plan', display: 'Helhedsorienteret plan' }] }],
    title: 'Helhedsorienteret plan',
    description: overall.citizenWords,
    subject,
    period: { start: content.startDate },
    created: plan.createdAt,
    goal: [overallGoal, ...subGoals].map(ref),
    ...(activities.length ? { activity: activities } : {}),
    note: [{ text: `Version ${plan.version}, regelsæt ${plan.ruleSetId}` }],
  };
  const consents: Resource[] = input.consents.map((c) => ({
    resourceType: 'Consent',
    id: c.id,
    status: c.active ? 'active' : 'inactive',
    scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: CONSENT_FHIR_SCOPE[c.scope] }] },
    category: [
      { coding: [{ system: 'http://loinc.org', code: '59284-0', display: 'Patient Consent' }] },
      { coding: [{ system: `${FHIR_BASE}/CodeSystem/consent-scope`, code: c.scope, display: CONSENT_SCOPE_LABELS[c.scope] }] },
    ],
    patient: subject,
    dateTime: c.since,
    policyRule: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'OPTIN' }] },
    provision: {
      type: c.active ? 'permit' : 'deny',
      ...(c.counterpart ? { actor: [{ role: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: c.scope === 'health_information' ? 'INF' : 'IRCP' }] }, reference: { display: c.counterpart } }] } : {}),
      purpose: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: c.scope === 'holistic_effort' || c.scope === 'family_plan' ? 'TREAT' : 'COC' }],
    },
  }));
  const resources = [patient, carePlan, overallGoal, ...subGoals, ...consents];
  return {
    resourceType: 'Bundle',
    id: `${plan.id}-${plan.version}`,
    type: 'collection',
    timestamp: input.generatedAt,
    entry: resources.map((r) => ({ fullUrl: `${FHIR_BASE}/${r.resourceType}/${r.id}`, resource: r })),
  };
}
