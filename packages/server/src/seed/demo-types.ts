/**
 * Shape of the demo municipality's data (SPEC §6). The data file is plain data;
 * `load-demo.ts` writes it in one system transaction, as an import would.
 * Keys (`key`) are stable human-readable references inside the data file; the
 * loader turns them into database ids.
 */
import type { ConsentForm, ConsentScope, EmployeeRole, Sector } from '@helhed/core';


export interface DemoUnit {
  key: string;
  name: string;
  /** e.g. 'cross_sector' (dedicated unit), 'jobcenter', 'adult_social', 'children_family', 'health', 'benefits' */
  kind: string;
}

export interface DemoTeam {
  key: string;
  unitKey: string;
  name: string;
}

export interface DemoEmployee {
  key: string;
  /** login name for the local development login, e.g. 'mette' */
  username: string;
  name: string;
  email: string;
  unitKey: string;
  teamKeys: string[];
  roles: EmployeeRole[];
  title: string;
}

export interface DemoAuthorityLimit {
  role: EmployeeRole;
  unitKey: string;
  /** intervention category the limit applies to, '*' for all */
  category: string;
  /** max amount per grant in DKK per year; null = no amount limit */
  maxAmountDkk: number | null;
}

export interface DemoContact {
  /** internal = an employee of the municipality (employeeKey set); external = everyone else */
  kind: 'internal' | 'external';
  employeeKey?: string;
  name: string;
  /** Danish role text as the citizen would say it, e.g. 'Mentor', 'Egen læge' */
  role: string;
  sector: Sector;
  organisation?: string;
  /** whether this person is an authority person (myndighedsperson) counted in contacts-per-citizen */
  authority: boolean;
  /** ISO date the contact started; contacts that ended have endedOn */
  since: string;
  endedOn?: string;
}

export interface DemoSectorRecord {
  kind: 'benefit' | 'plan' | 'intervention';
  sector: Sector;
  /** machine code, e.g. 'kontanthjaelp', 'min_plan', 'sel_85' */
  code: string;
  /** Danish title */
  title: string;
  /** law and section, e.g. 'Aktivloven § 11' */
  legalBasis: string;
  start: string;
  end?: string;
  sourceSystem: string;
}

export interface DemoConsent {
  scope: ConsentScope;
  /** for health_information: the named source (e.g. 'Region Hovedstadens Psykiatri'); for disclosure: the named party */
  counterpart?: string;
  form: ConsentForm;
  givenOn: string;
  withdrawnOn?: string;
}

export interface DemoCitizen {
  key: string;
  /** synthetic CPR 'DDMMYY-SSSS' consistent with birthDate and sex (SPEC §10 century rule) */
  cpr: string;
  name: string;
  /** the SPEC §6 person this stands for, e.g. 'Lotte' or 'negative: young craftsman' */
  story: string;
  address: string;
  phone?: string;
  email?: string;
  /** household key: citizens sharing it live together or form one family for the family plan */
  householdKey?: string;
  /** relation inside the household */
  householdRole?: 'parent' | 'child' | 'partner' | 'self';
  sectorRecords: DemoSectorRecord[];
  /** null = no holistic case yet (candidates and negative cases) */
  holisticCase: null | {
    coordinatorKey: string;
    teamKey?: string;
    openedOn: string;
    consents: DemoConsent[];
    contacts: DemoContact[];
    /** contacts the citizen had before the holistic effort (the "before" figure, e.g. Lotte 13+, the family 17) */
    contactsBefore: DemoContact[];
  };
}

export interface DemoMunicipality {
  code: string;
  name: string;
  cvr: string;
  ruleSetId: string;
  /** the municipality's own phase-in: from this date "must" applies (a local trial of an unenacted rule set needs one) */
  ruleSetDutyFrom?: string;
  units: DemoUnit[];
  teams: DemoTeam[];
  employees: DemoEmployee[];
  authorityLimits: DemoAuthorityLimit[];
  citizens: DemoCitizen[];
}
