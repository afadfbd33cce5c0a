import { expect } from 'vitest';

type Answer = { statusCode: number; headers: Record<string, any>; json: () => any; body: string };

/** The answer is an RFC 9457 problem with this status (and problem type, when given); returns its body. */
export function expectProblem(res: Answer, status: number, type?: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  if (type) expect(res.json().type).toBe(`https://helhed.dk/problems/${type}`);
  return res.json();
}
