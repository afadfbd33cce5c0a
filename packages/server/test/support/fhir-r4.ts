/**
 * A small structural validator of the FHIR R4 resources the plan export
 * produces: required elements, cardinalities, primitive formats and the
 * required value sets of Bundle, Patient, CarePlan, Goal and Consent (from the
 * R4 resource definitions, hl7.org/fhir/R4), plus the invariants that bite
 * (cpl-3 activity detail xor reference; ppc-1 policy or policyRule; references
 * inside a collection resolve). Returns the list of problems; empty = valid.
 */
type Json = Record<string, any>;

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const DATETIME = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const ID = /^[A-Za-z0-9\-.]{1,64}$/;
const URI = /^\S+$/;

interface Field {
  min?: 0 | 1;
  many?: boolean;
  type?: 'string' | 'code' | 'date' | 'dateTime' | 'instant' | 'uri' | 'boolean' | 'object' | 'Reference' | 'CodeableConcept' | 'Coding';
  values?: readonly string[];
}

const DEFS: Record<string, Record<string, Field>> = {
  Bundle: {
    id: { type: 'string' },
    type: { min: 1, type: 'code', values: ['document', 'message', 'transaction', 'transaction-response', 'batch', 'batch-response', 'history', 'searchset', 'collection'] },
    timestamp: { type: 'instant' },
    entry: { many: true, type: 'object' },
  },
  Patient: {
    identifier: { many: true, type: 'object' },
    name: { many: true, type: 'object' },
    gender: { type: 'code', values: ['male', 'female', 'other', 'unknown'] },
    birthDate: { type: 'date' },
  },
  CarePlan: {
    identifier: { many: true, type: 'object' },
    status: { min: 1, type: 'code', values: ['draft', 'active', 'on-hold', 'revoked', 'completed', 'entered-in-error', 'unknown'] },
    intent: { min: 1, type: 'code', values: ['proposal', 'plan', 'order', 'option'] },
    category: { many: true, type: 'CodeableConcept' },
    title: { type: 'string' },
    description: { type: 'string' },
    subject: { min: 1, type: 'Reference' },
    period: { type: 'object' },
    created: { type: 'dateTime' },
    goal: { many: true, type: 'Reference' },
    activity: { many: true, type: 'object' },
    note: { many: true, type: 'object' },
  },
  Goal: {
    lifecycleStatus: { min: 1, type: 'code', values: ['proposed', 'planned', 'accepted', 'active', 'on-hold', 'completed', 'cancelled', 'entered-in-error', 'rejected'] },
    achievementStatus: { type: 'CodeableConcept' },
    category: { many: true, type: 'CodeableConcept' },
    priority: { type: 'CodeableConcept' },
    description: { min: 1, type: 'CodeableConcept' },
    subject: { min: 1, type: 'Reference' },
    startDate: { type: 'date' },
    target: { many: true, type: 'object' },
    note: { many: true, type: 'object' },
    extension: { many: true, type: 'object' },
  },
  Consent: {
    status: { min: 1, type: 'code', values: ['draft', 'proposed', 'active', 'rejected', 'inactive', 'entered-in-error'] },
    scope: { min: 1, type: 'CodeableConcept' },
    category: { min: 1, many: true, type: 'CodeableConcept' },
    patient: { type: 'Reference' },
    dateTime: { type: 'dateTime' },
    policyRule: { type: 'CodeableConcept' },
    provision: { type: 'object' },
  },
};

const ACTIVITY_DETAIL_STATUS = ['not-started', 'scheduled', 'in-progress', 'on-hold', 'completed', 'cancelled', 'stopped', 'unknown', 'entered-in-error'];
const GOAL_ACHIEVEMENT = ['in-progress', 'improving', 'worsening', 'no-change', 'achieved', 'sustaining', 'not-achieved', 'no-progress', 'not-attainable'];
const GOAL_RELATIONSHIP_TYPES = ['predecessor', 'successor', 'replacement', 'milestone', 'other'];
const CONSENT_SCOPES = ['adr', 'research', 'patient-privacy', 'treatment'];

function checkType(path: string, value: unknown, field: Field, problems: string[]) {
  const fail = (what: string) => problems.push(`${path}: ${what}`);
  switch (field.type) {
    case 'string':
      if (typeof value !== 'string' || value.trim() === '') fail('not a non-empty string');
      break;
    case 'code':
      if (typeof value !== 'string' || !/^[^\s]+( [^\s]+)*$/.test(value)) fail('not a code');
      else if (field.values && !field.values.includes(value)) fail(`"${value}" not in the required value set`);
      break;
    case 'date':
      if (typeof value !== 'string' || !DATE.test(value)) fail('not a date');
      break;
    case 'dateTime':
      if (typeof value !== 'string' || !DATETIME.test(value)) fail('not a dateTime');
      break;
    case 'instant':
      if (typeof value !== 'string' || !INSTANT.test(value)) fail('not an instant');
      break;
    case 'uri':
      if (typeof value !== 'string' || !URI.test(value)) fail('not a uri');
      break;
    case 'Reference':
      if (typeof value !== 'object' || value === null || (!('reference' in value) && !('display' in value) && !('identifier' in value))) fail('not a Reference');
      break;
    case 'CodeableConcept':
      if (typeof value !== 'object' || value === null) fail('not a CodeableConcept');
      else {
        const cc = value as Json;
        if (!cc.text && !(Array.isArray(cc.coding) && cc.coding.length)) fail('CodeableConcept without text or coding');
        for (const [i, c] of (cc.coding ?? []).entries()) checkCoding(`${path}.coding[${i}]`, c, problems);
      }
      break;
    case 'object':
      if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('not an object');
      break;
  }
}

function checkCoding(path: string, c: Json, problems: string[]) {
  if (typeof c !== 'object' || c === null) return void problems.push(`${path}: not a Coding`);
  if (c.system !== undefined && (typeof c.system !== 'string' || !URI.test(c.system))) problems.push(`${path}.system: not a uri`);
  if (c.code !== undefined && (typeof c.code !== 'string' || c.code.trim() === '')) problems.push(`${path}.code: not a code`);
}

function checkResource(path: string, r: Json, problems: string[]) {
  const def = DEFS[r.resourceType];
  if (!def) return void problems.push(`${path}: unexpected resourceType ${r.resourceType}`);
  if (r.resourceType !== 'Bundle' && (typeof r.id !== 'string' || !ID.test(r.id))) problems.push(`${path}.id: not a FHIR id`);
  const known = new Set(['resourceType', 'id', 'meta', 'text', ...Object.keys(def)]);
  for (const key of Object.keys(r)) if (!known.has(key)) problems.push(`${path}.${key}: not an element of ${r.resourceType} (in this validator)`);
  for (const [name, field] of Object.entries(def)) {
    const value = r[name];
    if (value === undefined || value === null) {
      if (field.min === 1) problems.push(`${path}.${name}: required`);
      continue;
    }
    if (field.many) {
      if (!Array.isArray(value)) problems.push(`${path}.${name}: must be an array`);
      else {
        if (field.min === 1 && value.length === 0) problems.push(`${path}.${name}: at least one required`);
        if (value.length === 0) problems.push(`${path}.${name}: empty arrays are not allowed in FHIR JSON`);
        value.forEach((v, i) => checkType(`${path}.${name}[${i}]`, v, field, problems));
      }
    } else if (Array.isArray(value)) problems.push(`${path}.${name}: must not be an array`);
    else checkType(`${path}.${name}`, value, field, problems);
  }
  for (const [i, e] of (r.extension ?? []).entries()) {
    if (typeof e.url !== 'string') problems.push(`${path}.extension[${i}].url: required`);
  }
  if (r.resourceType === 'CarePlan') {
    for (const [i, a] of (r.activity ?? []).entries()) {
      const p = `${path}.activity[${i}]`;
      if (a.detail && a.reference) problems.push(`${p}: cpl-3 detail and reference both present`);
      if (a.detail) {
        if (!ACTIVITY_DETAIL_STATUS.includes(a.detail.status)) problems.push(`${p}.detail.status: required, from the value set`);
        if (a.detail.goal !== undefined && !Array.isArray(a.detail.goal)) problems.push(`${p}.detail.goal: must be an array`);
      }
    }
  }
  if (r.resourceType === 'Goal') {
    for (const [i, c] of (r.achievementStatus?.coding ?? []).entries()) {
      if (c.system === 'http://terminology.hl7.org/CodeSystem/goal-achievement' && !GOAL_ACHIEVEMENT.includes(c.code)) problems.push(`${path}.achievementStatus.coding[${i}]: unknown code ${c.code}`);
    }
    for (const [i, t] of (r.target ?? []).entries()) if (t.dueDate !== undefined && !DATE.test(t.dueDate)) problems.push(`${path}.target[${i}].dueDate: not a date`);
    for (const [i, e] of (r.extension ?? []).entries()) {
      if (e.url !== 'http://hl7.org/fhir/StructureDefinition/goal-relationship') continue;
      const type = e.extension?.find((x: Json) => x.url === 'type');
      const target = e.extension?.find((x: Json) => x.url === 'target');
      if (!type || !GOAL_RELATIONSHIP_TYPES.includes(type.valueCodeableConcept?.coding?.[0]?.code)) problems.push(`${path}.extension[${i}]: goal-relationship type missing or unknown`);
      if (!target?.valueReference?.reference) problems.push(`${path}.extension[${i}]: goal-relationship target missing`);
      if (e.value !== undefined || Object.keys(e).some((k) => k.startsWith('value'))) problems.push(`${path}.extension[${i}]: complex extension must not have a value`);
    }
  }
  if (r.resourceType === 'Consent') {
    if (!r.policy && !r.policyRule) problems.push(`${path}: ppc-1 policy or policyRule required`);
    const scope = r.scope?.coding?.find((c: Json) => c.system === 'http://terminology.hl7.org/CodeSystem/consentscope')?.code;
    if (!CONSENT_SCOPES.includes(scope)) problems.push(`${path}.scope: not from the consent-scope value set`);
    if (scope && ['patient-privacy', 'treatment', 'research', 'adr'].includes(scope) && !r.patient) problems.push(`${path}: ppc-2..5 patient required for scope ${scope}`);
    if (r.provision?.type !== undefined && !['deny', 'permit'].includes(r.provision.type)) problems.push(`${path}.provision.type: not deny|permit`);
    for (const [i, a] of (r.provision?.actor ?? []).entries()) {
      if (!a.role) problems.push(`${path}.provision.actor[${i}].role: required`);
      if (!a.reference) problems.push(`${path}.provision.actor[${i}].reference: required`);
    }
  }
}

export function validateBundle(bundle: Json): string[] {
  const problems: string[] = [];
  if (bundle.resourceType !== 'Bundle') return ['not a Bundle'];
  checkResource('Bundle', bundle, problems);
  const ids = new Set<string>();
  for (const [i, e] of (bundle.entry ?? []).entries()) {
    const p = `Bundle.entry[${i}]`;
    if (!e.resource) problems.push(`${p}.resource: required in a collection`);
    else {
      checkResource(`${p}.resource(${e.resource.resourceType})`, e.resource, problems);
      const key = `${e.resource.resourceType}/${e.resource.id}`;
      if (ids.has(key)) problems.push(`${p}: duplicate ${key}`);
      ids.add(key);
      if (e.fullUrl !== undefined && !String(e.fullUrl).endsWith(key)) problems.push(`${p}.fullUrl does not match the resource`);
    }
  }
  // Every relative reference points at a resource in the collection.
  const walk = (v: unknown, path: string) => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'reference' && typeof x === 'string' && !ids.has(x)) problems.push(`${path}.reference: ${x} is not in the bundle`);
        else walk(x, `${path}.${k}`);
      }
    }
  };
  walk(bundle.entry, 'Bundle.entry');
  return problems;
}
