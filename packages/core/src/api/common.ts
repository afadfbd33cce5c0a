import { z } from 'zod';

export const Uuid = z.uuid();
/** Calendar date 'YYYY-MM-DD' that exists in the calendar. */
export const LocalDateSchema = z.iso.date();
export const Instant = z.iso.datetime({ offset: true });
export const Version = z.number().int().positive();
const nonBlank = (max: number) => z.string().trim().min(1).max(max);
export const Name = nonBlank(200);
export const ShortText = nonBlank(200);
export const LongText = z.string().trim().max(10_000);

/**
 * DKK the municipality sets (limits, budgets): øre at most; beyond 100 million is a typing error.
 * Øre are judged on the number as written, not by × 100: 19.99 × 100 is 1998.9999999999998 in binary.
 */
export const DkkAmount = z
  .number()
  .min(0, 'Beløbet kan ikke være negativt.')
  .max(100_000_000, 'Beløbet er for stort.')
  .refine((x) => /^-?\d+(\.\d{1,2})?$/.test(String(x)), 'Beløbet kan højst have to decimaler.');

export const IdParams = z.strictObject({ id: Uuid });
export const CaseIdParams = z.strictObject({ caseId: Uuid });
export const CitizenIdParams = z.strictObject({ citizenId: Uuid });

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string().optional(),
  errors: z
    .array(z.object({ path: z.string(), code: z.string(), message: z.string() }))
    .optional(),
});
