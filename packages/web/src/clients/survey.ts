/** The survey "Oplever du et sammenhængende forløb?" (C10/C11, not built yet). 404 until its API lands. */
export const surveyPath = '/api/me/survey';

/** Provisional shape: whether the citizen has answered this round. */
export type Survey = { answered?: boolean; question?: string };
