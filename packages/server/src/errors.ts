/**
 * Errors that carry an RFC 9457 problem: a stable machine `type`, an HTTP
 * status, a Danish `detail` for people and, for bad input, field paths.
 */
export interface FieldError {
  /** JSON pointer-ish path, e.g. 'body.cpr' */
  path: string;
  code: string;
  message: string;
}

export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldError[] = [],
  ) {
    super(`${code}: ${detail}`);
  }
}

export const notFound = (what = 'Ressourcen') =>
  new ProblemError(404, 'not-found', 'Ikke fundet', `${what} findes ikke, eller du har ikke adgang til den.`);

export const conflict = (detail: string, code = 'conflict') => new ProblemError(409, code, 'Konflikt', detail);

export const invalid = (detail: string, errors: FieldError[] = [], code = 'validation') =>
  new ProblemError(422, code, 'Ugyldige oplysninger', detail, errors);

export class AccessDeniedError extends ProblemError {
  constructor(readonly reason: string, detail: string) {
    super(403, 'forbidden', 'Adgang nægtet', detail);
  }
}
