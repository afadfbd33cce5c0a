/** A small fetch wrapper: JSON in and out, RFC 9457 problems turned into ApiError with the Danish detail. */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: { path: string; message: string }[] = [],
    /** the problem's type, e.g. 'https://helhed.dk/problems/stale-version' */
    readonly type: string = '',
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}

type Options = { body?: unknown; signal?: AbortSignal; purpose?: string; file?: { data: Blob; contentType: string } };

let onUnauthorized: (() => void) | null = null;

/** Called when an API call answers 401: the session has ended. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

const FALLBACK: Record<number, string> = {
  401: 'Du er ikke logget ind, eller din session er udløbet. Log ind igen.',
  403: 'Du har ikke adgang til dette.',
  404: 'Det, du leder efter, findes ikke.',
};

export async function request<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, options: Options = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (options.purpose) headers['helhed-purpose'] = options.purpose;
  const init: RequestInit = { method, headers, credentials: 'same-origin', signal: options.signal ?? null };
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  } else if (options.file) {
    headers['content-type'] = options.file.contentType;
    init.body = options.file.data;
  }
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'Ingen forbindelse', 'Der er ingen forbindelse til Helhed. Tjek din internetforbindelse, og prøv igen.');
  }
  const data = await readJson(response);
  if (!response.ok) {
    if (response.status === 401 && !path.startsWith('/auth/')) onUnauthorized?.();
    const problem = (data ?? {}) as { type?: unknown; title?: unknown; detail?: unknown; errors?: unknown };
    const detail =
      typeof problem.detail === 'string' ? problem.detail : (FALLBACK[response.status] ?? 'Der opstod en fejl. Prøv igen om lidt.');
    const errors = Array.isArray(problem.errors) ? (problem.errors as { path: string; message: string }[]) : [];
    const type = typeof problem.type === 'string' ? problem.type : '';
    throw new ApiError(response.status, typeof problem.title === 'string' ? problem.title : 'Fejl', detail, errors, type);
  }
  return data as T;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export const get = <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, signal ? { signal } : {});
export const post = <T>(path: string, body?: unknown, purpose?: string) =>
  request<T>('POST', path, { ...(body !== undefined ? { body } : {}), ...(purpose ? { purpose } : {}) });

export const put = <T>(path: string, body: unknown) => request<T>('PUT', path, { body });

/** The server refused an edit of a version someone else has changed since it was read (409). */
export const isStaleVersion = (e: unknown): e is ApiError => e instanceof ApiError && e.status === 409 && e.type.endsWith('/stale-version');

/** Any failure as an ApiError, with a Danish fallback for the unexpected. */
export const asApiError = (e: unknown, fallback: string): ApiError => (e instanceof ApiError ? e : new ApiError(0, 'Fejl', fallback));

/** Path segment from an id the API gave us. */
export const seg = (id: string) => encodeURIComponent(id);

export const patch = <T>(path: string, body: unknown) => request<T>('PATCH', path, { body });
