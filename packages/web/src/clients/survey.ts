/** The survey "Oplever du et sammenhængende forløb?" (once per quarter). */
import type { api } from '@helhed/core';
import { post } from '../api';

export const surveyPath = '/api/me/survey';

export type SurveyState = (typeof api.SurveyState)['_output'];
export type SurveyBody = (typeof api.SurveyBody)['_input'];

export const answerSurvey = (body: SurveyBody) => post<SurveyState>(surveyPath, body);
