import { SMALL_NUMBER } from '../indicators/statistics';
import type { LocalDate } from '../local-date';

/**
 * "Oplever du et sammenhængende forløb?" (SPEC C10, C11): the citizen answers at
 * most once per period; leaders see the share answering positively per period,
 * never who answered.
 */
export const SURVEY_QUESTION = 'Oplever du et sammenhængende forløb?';

export const SURVEY_ANSWERS = ['yes_high', 'yes_some', 'no_little', 'no_not_at_all', 'dont_know'] as const;
export type SurveyAnswer = (typeof SURVEY_ANSWERS)[number];

/** The scale as data: Danish label and whether it counts as positive (null = not counted). */
export const SURVEY_SCALE: Record<SurveyAnswer, { label: string; positive: boolean | null }> = {
  yes_high: { label: 'Ja, i høj grad', positive: true },
  yes_some: { label: 'Ja, i nogen grad', positive: true },
  no_little: { label: 'Nej, kun i mindre grad', positive: false },
  no_not_at_all: { label: 'Nej, slet ikke', positive: false },
  dont_know: { label: 'Ved ikke', positive: null },
};

/** One answer per citizen per quarter: often enough to follow a course, rarely enough not to tire. */
export const SURVEY_PERIOD = 'quarter' as const;
/** Below this many counted answers in a period the share is not shown: the indicators' small-numbers rule. */
export const SURVEY_MIN_ANSWERS = SMALL_NUMBER;

/** The period a day belongs to: '2026-Q4'. */
export function surveyPeriod(date: LocalDate): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return `${String(year).padStart(4, '0')}-Q${Math.floor((month - 1) / 3) + 1}`;
}

export interface SurveyPeriodFigures {
  period: string;
  /** all answers, "ved ikke" included */
  answers: number;
  /** answers that count: all but "ved ikke" */
  counted: number;
  /** null when fewer than `minAnswers` counted answers */
  positive: number | null;
  /** positive / counted, null when suppressed */
  share: number | null;
}

/** Per period, in period order: the share answering "ja" (høj or nogen grad) of those answering yes or no. */
export function aggregateSurvey(answers: readonly { period: string; answer: SurveyAnswer; count?: number }[], minAnswers = SURVEY_MIN_ANSWERS): SurveyPeriodFigures[] {
  const periods = new Map<string, { answers: number; counted: number; positive: number }>();
  for (const a of answers) {
    const p = periods.get(a.period) ?? { answers: 0, counted: 0, positive: 0 };
    const positive = SURVEY_SCALE[a.answer].positive;
    const n = a.count ?? 1;
    p.answers += n;
    if (positive !== null) p.counted += n;
    if (positive === true) p.positive += n;
    periods.set(a.period, p);
  }
  return [...periods]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([period, p]) => {
      const shown = p.counted >= minAnswers;
      return { period, answers: p.answers, counted: p.counted, positive: shown ? p.positive : null, share: shown ? p.positive / p.counted : null };
    });
}
