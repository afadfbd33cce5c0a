/**
 * Closed vocabularies shared by server, web and the rule data.
 * Danish labels for people live in `labels.da.ts`.
 */
export const SECTORS = [
  'main_law', // the holistic effort itself: the coordinating caseworker and team
  'employment', // jobcenter / beskæftigelse (LAB, aktivloven, sygedagpengeloven)
  'benefits', // ydelser (kontanthjælp, sygedagpenge …) as paid out
  'adult_social', // voksensocial (serviceloven)
  'children_family', // børn og familie (barnets lov)
  'health', // sundhed: region, psykiatri, egen læge, kommunal sundhed
  'education', // uddannelse: UU, PPR, FGU, skole
  'housing', // bolig
  'national', // Udbetaling Danmark, Ankestyrelsen and other state bodies
  'private', // private providers, companies
  'civil_society', // frivillige, netværk
] as const;
export type Sector = (typeof SECTORS)[number];

export const CONSENT_SCOPES = [
  'holistic_effort', // to receive the holistic effort at all (the gate)
  'health_information', // obtaining health information from a named source
  'family_plan', // a plan across the household
  'disclosure', // disclosure to a named party
] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

/** Scopes that must name a counterpart: the source (health) or the party (disclosure). */
export const SCOPES_WITH_COUNTERPART: readonly ConsentScope[] = ['health_information', 'disclosure'];

export const CONSENT_FORMS = ['digital', 'paper_scanned'] as const;
export type ConsentForm = (typeof CONSENT_FORMS)[number];

export const EMPLOYEE_ROLES = [
  'coordinating_caseworker',
  'specialist',
  'visitation_forum',
  'leader',
  'administrator',
] as const;
export type EmployeeRole = (typeof EMPLOYEE_ROLES)[number];

/**
 * All roles a principal can hold; 'citizen' is never combined with the
 * others, and 'system' (batch jobs, the CLI) is never a person's.
 */
export type Role = EmployeeRole | 'citizen' | 'system';
