import { z } from 'zod';
import { APPOINTMENT_KINDS, CONFLICT_RULE_BOUNDS } from '../coordination/conflict-rules';
import { EMPLOYEE_ROLES } from '../vocabulary';
import { DkkAmount, Instant, LocalDateSchema, ShortText, Uuid } from './common';

/** Organisation data the municipality's administrator edits (SPEC C6, C9, C12): authority limits and conflict rules. */

/** a catalogue category ('beskaeftigelse', …) or '*' for all */
const Category = z.string().trim().regex(/^(\*|[a-z0-9_]{2,60})$/, 'Vælg en kategori fra kataloget eller "alle".');

export const AuthorityLimitQuery = z.strictObject({ on: LocalDateSchema.optional() });

export const CreateAuthorityLimitBody = z.strictObject({
  role: z.enum(EMPLOYEE_ROLES),
  unitId: Uuid,
  category: Category,
  /** null = no amount limit */
  maxAmountDkk: DkkAmount.nullable(),
  validFrom: LocalDateSchema,
  reason: ShortText.optional(),
});

/** A new amount from a day: the current row ends the day before, a new one starts. */
export const ChangeAuthorityLimitBody = z.strictObject({
  maxAmountDkk: DkkAmount.nullable(),
  effectiveFrom: LocalDateSchema,
  reason: ShortText.optional(),
});

/** The limit no longer applies from `effectiveFrom`. */
export const EndAuthorityLimitBody = z.strictObject({ effectiveFrom: LocalDateSchema, reason: ShortText.optional() });

export const AuthorityLimit = z.object({
  id: Uuid,
  role: z.enum(EMPLOYEE_ROLES),
  roleLabel: z.string(),
  unitId: Uuid,
  unitName: z.string(),
  category: z.string(),
  maxAmountDkk: z.number().nullable(),
  validFrom: LocalDateSchema,
  validUntil: LocalDateSchema.nullable(),
  /** on the list's day: in force, not yet (planned) or no longer (ended; includes never in force) */
  status: z.enum(['in_force', 'planned', 'ended']),
  createdAt: Instant,
  createdByName: z.string().nullable(),
  endedAt: Instant.nullable(),
  endedByName: z.string().nullable(),
  /** the row this one took over from (a change) */
  replacesId: Uuid.nullable(),
  /** why it was made, and why it was ended or changed */
  reason: z.string().nullable(),
  endReason: z.string().nullable(),
});

export const AuthorityLimitList = z.object({
  on: LocalDateSchema,
  /** every row, newest period first within each role, unit and category: the history */
  items: z.array(AuthorityLimit),
  /** the catalogue's categories, for choosing one */
  categories: z.array(z.string()),
  units: z.array(z.object({ id: Uuid, name: z.string() })),
});

const Minutes = z.number().int('Hele minutter.').min(CONFLICT_RULE_BOUNDS.minutes.min).max(CONFLICT_RULE_BOUNDS.minutes.max, `Højst ${CONFLICT_RULE_BOUNDS.minutes.max} minutter.`);

export const SameDayRuleBody = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{2,60}$/, 'Små bogstaver, tal og bindestreg.'),
  kinds: z.union([z.literal('all'), z.array(z.enum(APPOINTMENT_KINDS)).max(APPOINTMENT_KINDS.length)]),
  maxPerDay: z.number().int().min(CONFLICT_RULE_BOUNDS.maxPerDay.min, 'Mindst 1.').max(CONFLICT_RULE_BOUNDS.maxPerDay.max, `Højst ${CONFLICT_RULE_BOUNDS.maxPerDay.max}.`),
  label: ShortText,
});

export const ConflictRuleValuesBody = z.strictObject({
  sameDay: z.array(SameDayRuleBody).max(CONFLICT_RULE_BOUNDS.sameDayRules.max),
  travel: z.strictObject({
    sameAreaMinutes: Minutes,
    differentAreaMinutes: Minutes,
    samePlaceMetres: z.number().int().min(CONFLICT_RULE_BOUNDS.samePlaceMetres.min).max(CONFLICT_RULE_BOUNDS.samePlaceMetres.max, `Højst ${CONFLICT_RULE_BOUNDS.samePlaceMetres.max} meter.`),
  }),
  minimumGapMinutes: Minutes,
});

export const SetConflictRulesBody = z.strictObject({
  /** the version the edit started from (0: the standard rules were never changed) */
  version: z.number().int().min(0),
  /** null: back to the standard rules */
  rules: ConflictRuleValuesBody.nullable(),
  reason: ShortText.optional(),
});

const ConflictRuleValues = z.object({
  sameDay: z.array(z.object({ id: z.string(), kinds: z.union([z.literal('all'), z.array(z.enum(APPOINTMENT_KINDS))]), maxPerDay: z.number(), label: z.string() })),
  travel: z.object({ sameAreaMinutes: z.number(), differentAreaMinutes: z.number(), samePlaceMetres: z.number() }),
  minimumGapMinutes: z.number(),
});

export const ConflictRulesSetting = z.object({
  /** 0 = never changed */
  version: z.number().int().min(0),
  rulesId: z.string(),
  standard: z.boolean(),
  rules: ConflictRuleValues,
  standardRules: ConflictRuleValues,
  history: z.array(z.object({ version: z.number().int(), rulesId: z.string(), standard: z.boolean(), createdAt: Instant, createdByName: z.string().nullable(), reason: z.string().nullable() })),
});
