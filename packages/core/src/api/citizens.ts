import { z } from 'zod';
import { Instant, LocalDateSchema, Name, ShortText, Uuid } from './common';

/** CPR as typed by people: 'DDMMYY-SSSS' or 'DDMMYYSSSS'. Checked further by parseCpr. */
export const CprInput = z.string().trim().max(11);

export const RegisterCitizenBody = z.strictObject({
  cpr: CprInput,
  name: Name,
  address: z.string().trim().max(300).optional(),
  phone: z.string().trim().max(40).optional(),
  email: z.email().max(200).optional(),
});

export const SearchCitizenBody = z.strictObject({ cpr: CprInput });

export const Citizen = z.object({
  id: Uuid,
  cpr: z.string().nullable().describe("'DDMMYY-SSSS'; null for a citizen registered by outreach before the number is known"),
  name: z.string(),
  birthDate: LocalDateSchema,
  sex: z.enum(['female', 'male']),
  address: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  registeredAt: Instant,
  openCaseId: Uuid.nullable(),
});
export type Citizen = z.infer<typeof Citizen>;

export const CitizenSearchResult = z.object({
  results: z.array(
    z.object({
      id: Uuid,
      name: z.string(),
      birthDate: LocalDateSchema,
      openCaseId: Uuid.nullable(),
      coordinatorName: z.string().nullable(),
    }),
  ),
});

export const SectorRecord = z.object({
  id: Uuid,
  kind: z.enum(['benefit', 'plan', 'intervention']),
  sector: z.string(),
  code: z.string(),
  title: z.string(),
  legalBasis: z.string(),
  start: LocalDateSchema,
  end: LocalDateSchema.nullable(),
  sourceSystem: z.string(),
});

export const UpdateCitizenBody = z.strictObject({
  name: ShortText.optional(),
  address: z.string().trim().max(300).optional(),
  phone: z.string().trim().max(40).nullable().optional(),
  email: z.email().max(200).nullable().optional(),
});
