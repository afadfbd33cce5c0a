import { aggregateSurvey, surveyPeriod, type SurveyAnswer, type SurveyPeriodFigures } from '../coordination/survey';
import { firstDayOf, monthsIn, type IndicatorPeriod } from './period';

/** "Oplever du et sammenhængende forløb?" per quarter the period touches, quarters without answers included. */
export function surveyOverPeriod(rows: readonly { period: string; answer: SurveyAnswer; count: number }[], period: IndicatorPeriod): SurveyPeriodFigures[] {
  const quarters = [...new Set(monthsIn(period).map((m) => surveyPeriod(firstDayOf(m))))];
  const figures = new Map(aggregateSurvey(rows.filter((r) => quarters.includes(r.period))).map((f) => [f.period, f]));
  return quarters.map((q) => figures.get(q) ?? { period: q, answers: 0, counted: 0, positive: null, share: null });
}
