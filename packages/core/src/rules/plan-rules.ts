import { MUNICIPAL_PLAN_CODES } from '../target-group/codes';
import type { RuleSource } from './types';

/** A sector plan that the holistic plan replaces under a rule set (SPEC §5). */
export interface ReplacedSectorPlan {
  /** the sector-record code of the plan (core/target-group/codes.ts) */
  code: string;
  /** Danish, for people */
  label: string;
  law: string;
  paragraph: string;
}

/**
 * The family-plan obligation (SPEC C5; seed 001, afsnit 4): a parent in the
 * target group, for whom several municipal plans can or must be made, with a
 * child who receives special support (serviceloven kap. 11 / barnets lov).
 */
export interface FamilyObligationRules {
  /** how many municipal plans "can or must be made" for the parent */
  minMunicipalPlans: number;
  /** plans the parent has: sector records of kind 'plan' with these codes */
  municipalPlanCodes: readonly string[];
  /** plans that can or must be made because the parent receives an intervention (kind 'intervention') */
  impliedPlans: readonly { plan: string; interventionCodes: readonly string[]; label: string }[];
  /** a child's special support: sector records of kind 'intervention' with these codes */
  childSupportCodes: readonly string[];
  /** children are younger than this */
  childAgeBelow: number;
  source: RuleSource;
}

export interface PlanRules {
  replaces: readonly ReplacedSectorPlan[];
  /** null: the municipality may offer a family plan, but has no duty to */
  familyObligation: FamilyObligationRules | null;
}

const PLANS_2018: readonly ReplacedSectorPlan[] = [
  { code: 'min_plan', label: 'Min Plan (jobcentret)', law: 'Lov om en aktiv beskæftigelsesindsats', paragraph: '§ 40, stk. 3' },
  { code: 'rehabiliteringsplan', label: 'Rehabiliteringsplanens indsatsdel (jobcentret)', law: 'Lov om en aktiv beskæftigelsesindsats', paragraph: '§ 40, stk. 3' },
  { code: 'sel_141_handleplan', label: 'Handleplan efter serviceloven § 141', law: 'Lov om social service', paragraph: '§ 141, stk. 7' },
  { code: 'sdp_opfoelgningsplan', label: 'Opfølgningsplan (aftale efter sygedagpengeloven § 13 c)', law: 'Lov om sygedagpenge', paragraph: '§ 13 e' },
  { code: 'barnets_lov_78_handleplan', label: 'Forældrenes handleplan efter barnets lov § 78', law: 'Barnets lov', paragraph: '§ 78' },
  { code: 'ungeplan_110', label: 'Ungeplan (16–23 år) efter barnets lov § 110', law: 'Barnets lov', paragraph: '§ 110' },
];

/** The employment reform: "jobcenteret" becomes "kommunen" (SPEC §5). */
const PLANS_2027: readonly ReplacedSectorPlan[] = PLANS_2018.map((p) =>
  p.code === 'min_plan'
    ? { ...p, label: 'Min Plan (kommunen)', law: 'Lov om en aktiv beskæftigelsesindsats (som ændret ved beskæftigelsesreformen)' }
    : p.code === 'rehabiliteringsplan'
      ? { ...p, label: 'Planens indsatsdel (kommunen; rehabiliteringsteamet afløses af en samlet beskrivelse af forudsætninger)' }
      : p,
);

const FAMILY_OBLIGATION_2022: FamilyObligationRules = {
  minMunicipalPlans: 2,
  municipalPlanCodes: MUNICIPAL_PLAN_CODES,
  impliedPlans: [
    {
      plan: 'sel_141_handleplan',
      // SEL § 141: a plan is offered to adults with considerably reduced function or serious social problems who receive support.
      interventionCodes: ['sel_85', 'sel_101', 'sel_107', 'sel_108', 'sel_108a', 'sel_110', 'botilbudslignende'],
      label: 'Handleplan efter serviceloven § 141 (modtager social indsats)',
    },
  ],
  childSupportCodes: [
    'bl_32_familiebehandling',
    'bl_32_kontaktperson',
    'bl_32_praktisk_paedagogisk_stoette',
    'bl_32_aflastning',
    'bl_32_dagtilbud',
    'bl_43_anbringelse',
    'sel_52',
  ],
  childAgeBelow: 18,
  source: {
    law: 'Aftale om rammerne for en helhedsorienteret indsats for borgere med komplekse problemer (11. december 2018)',
    paragraph: 'afsnit 4 "Sammenhæng for hele familien": forælder i målgruppen, flere kommunale planer, barn med særlig støtte (servicelovens kapitel 11, nu barnets lov)',
    document: '001-aftale-rammer-helhedsorienteret-indsats-2018.txt',
  },
};

export const PLAN_RULES_2018: PlanRules = { replaces: PLANS_2018, familyObligation: null };
export const PLAN_RULES_2022: PlanRules = { replaces: PLANS_2018, familyObligation: FAMILY_OBLIGATION_2022 };
export const PLAN_RULES_2027: PlanRules = { replaces: PLANS_2027, familyObligation: FAMILY_OBLIGATION_2022 };
