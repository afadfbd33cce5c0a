import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ProblemError, type FieldError } from '../errors';

const TYPE_BASE = 'https://helhed.dk/problems/';

/**
 * Every error leaves as RFC 9457 problem+json: `type` for machines, a Danish
 * `detail` for people, `errors[]` with field paths for bad input. Internal
 * errors never leak their message.
 */
export function sendProblem(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  const problem = toProblem(error);
  if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
  return reply
    .status(problem.status)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .header('cache-control', 'no-store')
    .send({
      type: TYPE_BASE + problem.code,
      title: problem.title,
      status: problem.status,
      detail: problem.detail,
      instance: request.url.split('?')[0],
      ...(problem.errors.length ? { errors: problem.errors } : {}),
    });
}

function toProblem(error: FastifyError | Error): ProblemError {
  if (error instanceof ProblemError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors: FieldError[] = error.validation.flatMap((v) => {
      const path = [error.validationContext ?? 'body', ...v.instancePath.split('/').filter(Boolean)];
      // Zod reports unknown keys on the object; point at each key instead.
      const keys = v.keyword === 'unrecognized_keys' && Array.isArray(v.params.keys) ? (v.params.keys as unknown[]).map(String) : [];
      if (keys.length) return keys.map((key) => ({ path: [...path, key].join('.'), code: v.keyword, message: v.message ?? 'Ukendt felt' }));
      return [{ path: path.join('.'), code: v.keyword, message: v.message ?? 'Ugyldig værdi' }];
    });
    return new ProblemError(400, 'validation', 'Ugyldige oplysninger', 'Nogle oplysninger mangler eller har forkert form. Se felterne.', errors);
  }
  if (isResponseSerializationError(error)) return internal();
  const fe = error as FastifyError;
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ProblemError(413, 'body-too-large', 'For stor forespørgsel', 'Forespørgslen er for stor.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ProblemError(415, 'unsupported-media-type', 'Forkert format', 'Send data som JSON (Content-Type: application/json).');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new ProblemError(400, 'malformed-json', 'Ugyldig JSON', 'Forespørgslen indeholder ikke gyldig JSON.');
  }
  if (error instanceof SyntaxError && fe.statusCode === 400) {
    return new ProblemError(400, 'malformed-json', 'Ugyldig JSON', 'Forespørgslen indeholder ikke gyldig JSON.');
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new ProblemError(fe.statusCode, 'bad-request', 'Ugyldig forespørgsel', 'Forespørgslen kan ikke behandles.');
  }
  return internal();
}

const internal = () =>
  new ProblemError(500, 'internal', 'Intern fejl', 'Der opstod en fejl i systemet. Prøv igen, og kontakt support, hvis fejlen fortsætter.');
