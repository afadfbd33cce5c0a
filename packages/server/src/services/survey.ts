import { aggregateSurvey, SURVEY_ANSWERS, SURVEY_MIN_ANSWERS, SURVEY_QUESTION, SURVEY_SCALE, surveyPeriod, todayInCopenhagen, type api, type SurveyAnswer } from '@helhed/core';
import type { z } from 'zod';
import type { Access } from '../access/access';
import { rolesOf } from '../access/principal';
import type { Tx } from '../db/transactions';
import { AccessDeniedError, conflict, invalid } from '../errors';
import { recordCaseEvent } from './case-events';

type SurveyState = z.infer<typeof api.SurveyState>;

/**
 * "Oplever du et sammenhængende forløb?" (SPEC C10, C11): the citizen answers
 * once per quarter, stored on their case with the date; leaders see only the
 * share per quarter.
 */
export async function mySurvey(a: Access): Promise<SurveyState> {
  return a.gateway.run(a.ctx, { action: 'case.read', subject: { citizenId: a.ctx.principal.id ?? '' }, resourceType: 'survey_response' }, async (g) =>
    readSurveyState(g.tx, g.caseId, todayInCopenhagen(a.ctx.now())),
  );
}

export async function answerSurvey(a: Access, body: z.infer<typeof api.SurveyBody>): Promise<SurveyState> {
  return a.gateway.run(a.ctx, { action: 'survey.answer', subject: { citizenId: a.ctx.principal.id ?? '' }, resourceType: 'survey_response' }, async (g) => {
    if (!g.caseId) throw invalid('Spørgeskemaet er for borgere med en helhedsorienteret sag.', [], 'no-open-case');
    const today = todayInCopenhagen(a.ctx.now());
    const period = surveyPeriod(today);
    const id = crypto.randomUUID();
    const inserted = await g.tx
      .insertInto('survey_response')
      .values({ municipality_id: a.ctx.principal.municipalityId, id, case_id: g.caseId, period, answer: body.answer, comment: body.comment || null, answered_on: today, answered_at: a.ctx.now() })
      .onConflict((oc) => oc.columns(['municipality_id', 'case_id', 'period']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) throw conflict(`Du har allerede svaret i dette kvartal (${period}). Du kan svare igen i næste kvartal.`, 'already-answered');
    await recordCaseEvent(g.tx, a.ctx, g.caseId, 'survey_answered', { period });
    g.setResourceId(id);
    return readSurveyState(g.tx, g.caseId, today);
  });
}

async function readSurveyState(tx: Tx, caseId: string | null, today: string): Promise<SurveyState> {
  const period = surveyPeriod(today);
  const row = caseId
    ? await tx.selectFrom('survey_response').select(['answer', 'comment', 'answered_on']).where('case_id', '=', caseId).where('period', '=', period).executeTakeFirst()
    : undefined;
  return {
    question: SURVEY_QUESTION,
    period,
    options: SURVEY_ANSWERS.map((value) => ({ value, label: SURVEY_SCALE[value].label })),
    answer: row ? { answer: row.answer as SurveyAnswer, label: SURVEY_SCALE[row.answer as SurveyAnswer].label, comment: row.comment, answeredOn: row.answered_on } : null,
  };
}

/**
 * The indicator for leaders: per quarter, how many answered and the share
 * answering "ja" — counts only, never a case, a name or a comment; shares
 * under the minimum number of answers are not shown.
 */
export async function surveyIndicator(a: Access, query: z.infer<typeof api.SurveyIndicatorQuery>): Promise<z.infer<typeof api.SurveyIndicator>> {
  return a.gateway.administrative(a.ctx, async (tx) => {
    if (!rolesOf(a.ctx.principal).some((r) => r === 'leader' || r === 'administrator')) {
      throw new AccessDeniedError('role', 'Kun ledere og administratorer kan se indikatorerne.');
    }
    let q = tx.selectFrom('survey_response').select(['period', 'answer', (eb) => eb.fn.countAll<string>().as('n')]).groupBy(['period', 'answer']);
    if (query.from) q = q.where('period', '>=', surveyPeriod(query.from));
    if (query.to) q = q.where('period', '<=', surveyPeriod(query.to));
    const rows = await q.execute();
    return {
      question: SURVEY_QUESTION,
      periodLength: 'quarter' as const,
      minAnswers: SURVEY_MIN_ANSWERS,
      periods: aggregateSurvey(rows.map((r) => ({ period: r.period, answer: r.answer as SurveyAnswer, count: Number(r.n) }))),
    };
  });
}
