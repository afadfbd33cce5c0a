import { isPurpose, type Purpose } from '@helhed/core';
import type { FastifyRequest } from 'fastify';
import type { Access } from '../access/access';
import type { AccessGateway } from '../access/gateway';
import type { Principal } from '../access/principal';
import { ProblemError } from '../errors';

export const PURPOSE_HEADER = 'helhed-purpose';
/** URL-encoded (UTF-8), since header values cannot carry æ, ø and å. */
export const BREAK_GLASS_HEADER = 'helhed-break-glass-reason';

/** Builds the per-request access (gateway + context) from the authenticated principal and the purpose headers. */
export function accessFor(request: FastifyRequest, principal: Principal, gateway: AccessGateway, now: () => Date): Access {
  const purposeHeader = header(request, PURPOSE_HEADER);
  if (purposeHeader !== null && !isPurpose(purposeHeader)) {
    throw new ProblemError(400, 'unknown-purpose', 'Ukendt formål', `Formålet '${purposeHeader}' kendes ikke.`, [
      { path: `header.${PURPOSE_HEADER}`, code: 'unknown-purpose', message: 'Ukendt formål.' },
    ]);
  }
  const fallback: Purpose = principal.kind === 'citizen' ? 'citizen_self_service' : 'case_handling';
  let reason: string | null = null;
  const raw = header(request, BREAK_GLASS_HEADER);
  if (raw !== null) {
    try {
      reason = decodeURIComponent(raw).slice(0, 1000);
    } catch {
      throw new ProblemError(400, 'bad-header', 'Ugyldig header', 'Begrundelsen for nødadgang skal være URL-kodet.');
    }
  }
  return {
    gateway,
    ctx: {
      principal,
      purpose: principal.kind === 'citizen' ? 'citizen_self_service' : ((purposeHeader as Purpose | null) ?? fallback),
      breakGlassReason: principal.kind === 'employee' ? reason : null,
      now,
    },
  };
}

function header(request: FastifyRequest, name: string): string | null {
  const v = request.headers[name];
  if (Array.isArray(v)) return v[0] ?? null;
  return v ?? null;
}
