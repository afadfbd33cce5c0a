import { z } from 'zod';
import { APPEAL_RESULTS } from '../decisions/labels.da';
import { isYearMonth } from '../indicators/period';
import { Instant, LocalDateSchema } from './common';
import { PhaseIn } from './target-group';

const YearMonthSchema = z.string().refine(isYearMonth, { message: 'Måneden skal skrives som ÅÅÅÅ-MM, fx 2026-01.' });

/** The period picker: whole months, both optional (default: the twelve months up to this one). */
export const IndicatorQuery = z.strictObject({ from: YearMonthSchema.optional(), to: YearMonthSchema.optional() });

const Spread = z.object({ n: z.number().int(), q1: z.number(), median: z.number(), q3: z.number() });
const month = { month: z.string() };

const ConsentCounts = z.object({
  offered: z.number().int(),
  given: z.number().int(),
  withdrawn: z.number().int(),
  declined: z.number().int(),
  awaiting: z.number().int(),
  consentShare: z.number().nullable(),
});
const MilestoneFigures = z.object({ consents: z.number().int(), reached: z.number().int(), waiting: z.number().int(), days: Spread.nullable() });
const Milestone = z.object({ total: MilestoneFigures, months: z.array(MilestoneFigures.extend(month)) });
const ContactFigure = z.object({ mean: z.number(), median: z.number() }).nullable();
const StartFigures = z.object({ due: z.number().int(), onTime: z.number().int(), late: z.number().int(), notStarted: z.number().int() });
const ComplaintFigures = z.object({
  received: z.number().int(),
  refusedLate: z.number().int(),
  awaitingReassessment: z.number().int(),
  changedByMunicipality: z.number().int(),
  upheldAndForwarded: z.number().int(),
  appeal: z.object({ awaiting: z.number().int(), ...Object.fromEntries(APPEAL_RESULTS.map((r) => [r, z.number().int()])) } as Record<(typeof APPEAL_RESULTS)[number] | 'awaiting', z.ZodNumber>),
});

/** Every indicator of SPEC C11 for one period: counts and statistics, never a citizen. */
export const Indicators = z.object({
  period: z.object({ from: z.string(), to: z.string(), firstDay: LocalDateSchema, lastDay: LocalDateSchema, months: z.array(z.string()) }),
  today: LocalDateSchema,
  generatedAt: Instant,
  /** statistics from fewer citizens than this are null */
  smallNumber: z.number().int(),
  phaseIn: PhaseIn.extend({ screenedOn: LocalDateSchema.nullable() }),
  consent: z.object({ total: ConsentCounts, months: z.array(ConsentCounts.extend(month)) }),
  contacts: z.object({
    measuredOn: LocalDateSchema,
    cases: z.number().int(),
    before: ContactFigure,
    now: ContactFigure,
    fewerNow: z.number().int(),
  }),
  timeToPlan: Milestone,
  timeToDecision: Milestone,
  notStarted: z.object({
    now: z.object({ count: z.number().int(), bySector: z.array(z.object({ sector: z.string(), label: z.string(), count: z.number().int() })) }),
    total: StartFigures,
    months: z.array(StartFigures.extend(month)),
  }),
  complaints: z.object({ total: ComplaintFigures, months: z.array(ComplaintFigures.extend(month)) }),
  employment: z.object({
    definition: z.string(),
    years: z.array(
      z.object({
        year: z.number().int(),
        measuredOn: LocalDateSchema,
        citizens: z.number().int(),
        selfSupporting: z.number().int(),
        share: z.number().nullable(),
        changePoints: z.number().nullable(),
      }),
    ),
  }),
  survey: z.object({
    question: z.string(),
    periods: z.array(z.object({ period: z.string(), answers: z.number().int(), counted: z.number().int(), positive: z.number().int().nullable(), share: z.number().nullable() })),
  }),
});
