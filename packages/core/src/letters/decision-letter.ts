/**
 * The decision letter: the interface between the decision (issue 5 item 1,
 * branch `decide`) and the letters (PDF, MeMo 1.1, outbox; branch `letters`).
 *
 * The decision side composes a `DecisionLetter` from its decision, with every
 * date already computed (the complaint deadline in `complaintGuidance.deadline`)
 * and every name resolved, and hands it to `queueDecisionLetter(tx, ctx, letter)`
 * (server/src/letters/service.ts) inside its own `gateway.run`. The letter side
 * writes the Danish sentences around this data, renders the PDF, wraps it in
 * MeMo and delivers it. Nothing here is looked up again at delivery time: the
 * letter is what was decided and sent, frozen.
 *
 * Two shapes, one type:
 * - `scope: 'combined'` — the combined decision (hovedlov-2022 and later):
 *   every element of the effort, one complaint guidance.
 * - `scope: 'sector'` with `sector` — one sector law's decision (plan-2018,
 *   where decisions are still made per sector law): that sector's elements
 *   and that law's own complaint guidance. The decision side makes one letter
 *   per sector decision.
 */
import { z } from 'zod';
import { RULE_SET_IDS } from '../rules/types';
import { SECTORS } from '../vocabulary';

const text = (max: number) => z.string().trim().min(1).max(max);
const LocalDateString = z.iso.date();

/** Where a complaint about an element goes. 'none' = the element cannot be appealed. */
export const COMPLAINT_ROUTES = ['ankestyrelsen', 'health', 'none'] as const;
export type ComplaintRoute = (typeof COMPLAINT_ROUTES)[number];

export const LETTER_CHANNELS = ['digital_post', 'ordinary_post'] as const;
export type LetterChannel = (typeof LETTER_CHANNELS)[number];

export const LETTER_SCOPES = ['combined', 'sector'] as const;
export type LetterScope = (typeof LETTER_SCOPES)[number];

export const LegalBasisSchema = z.strictObject({
  /** The law as Danish readers cite it, e.g. 'Serviceloven' or 'Lov om en aktiv beskæftigelsesindsats'. */
  law: text(200),
  /** The section, e.g. '§ 85' or '§ 40, stk. 3'; '' when the law is cited as a whole (e.g. 'Sygedagpengeloven'). */
  section: z.string().trim().max(100),
});

export const DecisionLetterElementSchema = z
  .strictObject({
    /** What was granted (or refused), e.g. 'Socialpædagogisk støtte, 3 timer om ugen'. */
    title: text(300),
    sector: z.enum(SECTORS),
    legalBasis: LegalBasisSchema,
    /** Why, in plain Danish, for this element. */
    reasoning: text(5_000),
    appealable: z.boolean(),
    complaintRoute: z.enum(COMPLAINT_ROUTES),
    /** Required when `appealable` is false: why this element cannot be appealed. */
    nonAppealableReason: text(1_000).optional(),
  })
  .superRefine((element, ctx) => {
    if (!element.appealable && !element.nonAppealableReason) {
      ctx.addIssue({ code: 'custom', path: ['nonAppealableReason'], message: 'Angiv hvorfor elementet ikke kan påklages.' });
    }
    if (!element.appealable && element.complaintRoute !== 'none') {
      ctx.addIssue({ code: 'custom', path: ['complaintRoute'], message: 'Et element der ikke kan påklages, har klagevejen "none".' });
    }
    if (element.appealable && element.complaintRoute === 'none') {
      ctx.addIssue({ code: 'custom', path: ['complaintRoute'], message: 'Et element der kan påklages, skal have en klagevej.' });
    }
  });

export const DecisionLetterSchema = z
  .strictObject({
    /**
     * The letter's id. It is also the MeMo messageUUID and the outbox's
     * idempotency key: queueing the same letterId twice stores one letter and
     * Digital Post receives it at most once. Make it once per decision letter
     * (e.g. randomUUID() when the decision is issued) and keep it.
     */
    letterId: z.uuid(),
    municipality: z.strictObject({
      name: text(200),
      /** 8 digits; the MeMo sender id. */
      cvr: z.string().regex(/^\d{8}$/, 'CVR-nummer skal være 8 cifre.'),
      addressLines: z.array(text(200)).min(1).max(6),
      phone: text(50),
      /** The municipality's website, shown in the letterhead. */
      web: text(200),
    }),
    recipient: z.strictObject({
      /** The citizen's id in Helhed: whose letter list it appears in. */
      citizenId: z.uuid(),
      name: text(200),
      /** 'DDMMYY-SSSS' or ten digits; the MeMo recipient id. Never validated by modulus 11. */
      cpr: z.string().regex(/^\d{6}-?\d{4}$/, 'CPR-nummer skal have formen DDMMÅÅ-SSSS.'),
      addressLines: z.array(text(200)).max(6),
    }),
    caseId: z.uuid(),
    decisionId: z.uuid(),
    /** The date of the decision, printed as the letter's date. */
    decisionDate: LocalDateString,
    /** E.g. 'Afgørelse om din helhedsorienterede indsats'. */
    title: text(300),
    ruleSet: z.strictObject({ id: z.enum(RULE_SET_IDS), label: text(300) }),
    /** 'combined' for the combined decision; 'sector' for one sector law's decision (plan-2018). */
    scope: z.enum(LETTER_SCOPES),
    /** Required when scope is 'sector': the sector whose decision this is. */
    sector: z.enum(SECTORS).optional(),
    /** The citizen's own goals, in their own words, quoted as written. */
    citizenGoals: z.array(text(2_000)).max(30),
    /** The reasoning for the effort as a whole. */
    overallReasoning: text(10_000),
    elements: z.array(DecisionLetterElementSchema).min(1).max(60),
    /**
     * Benefits (forsørgelsesydelser) are decided separately under employment
     * law; a sentence saying so, or null when not relevant (e.g. a sector letter).
     */
    benefitsNote: text(2_000).nullable(),
    complaintGuidance: z.strictObject({
      /** The last day to complain, computed by the decision side (SPEC §5). */
      deadline: LocalDateString,
      /** Who receives the complaint first: the municipality (which reassesses), e.g. 'Aarhus Kommune'. */
      complainTo: text(200),
      /** Weeks the municipality has to reassess before sending it on. */
      reassessmentWeeks: z.number().int().min(1).max(52),
      /** Where the complaint goes if the municipality upholds the decision, e.g. 'Ankestyrelsen'. */
      appealsBody: text(200),
      /** Route for health-area elements, e.g. 'Styrelsen for Patientklager, www.stpk.dk'; null if no health elements. */
      healthRoute: text(1_000).nullable(),
      /** Where the citizen can complain online (MeMo SELVBETJENING action); optional. */
      complaintUrl: z.url().optional(),
    }),
    coordinatingContact: z.strictObject({
      name: text(200),
      title: text(200),
      phone: text(50),
      email: z.email(),
    }),
    channel: z.enum(LETTER_CHANNELS),
  })
  .superRefine((letter, ctx) => {
    if (letter.scope === 'sector' && !letter.sector) {
      ctx.addIssue({ code: 'custom', path: ['sector'], message: 'Et brev om én sektors afgørelse skal angive sektoren.' });
    }
    if (letter.scope === 'sector' && letter.sector) {
      letter.elements.forEach((element, index) => {
        if (element.sector !== letter.sector) {
          ctx.addIssue({ code: 'custom', path: ['elements', index, 'sector'], message: 'Elementet hører til en anden sektor end brevet.' });
        }
      });
    }
    if (letter.scope === 'combined' && letter.sector) {
      ctx.addIssue({ code: 'custom', path: ['sector'], message: 'En samlet afgørelse har ingen enkelt sektor.' });
    }
    const hasHealth = letter.elements.some((element) => element.complaintRoute === 'health');
    if (hasHealth && !letter.complaintGuidance.healthRoute) {
      ctx.addIssue({ code: 'custom', path: ['complaintGuidance', 'healthRoute'], message: 'Angiv klagevejen for sundhedsområdet.' });
    }
    if (letter.complaintGuidance.deadline < letter.decisionDate) {
      ctx.addIssue({ code: 'custom', path: ['complaintGuidance', 'deadline'], message: 'Klagefristen ligger før afgørelsens dato.' });
    }
  });

export type LegalBasis = z.infer<typeof LegalBasisSchema>;
export type DecisionLetterElement = z.infer<typeof DecisionLetterElementSchema>;
export type DecisionLetter = z.infer<typeof DecisionLetterSchema>;
