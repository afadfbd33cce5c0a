import type { EmployeeRole, Purpose, Role } from '@helhed/core';

export type Principal =
  | {
      kind: 'employee';
      id: string;
      name: string;
      municipalityId: string;
      roles: EmployeeRole[];
      unitId: string;
      teamIds: string[];
    }
  | { kind: 'citizen'; id: string; name: string; municipalityId: string }
  /** Batch jobs and the demo seeding; never reachable from a request. */
  | { kind: 'system'; id: null; name: string; municipalityId: string };

export function rolesOf(principal: Principal): Role[] {
  if (principal.kind === 'employee') return principal.roles;
  if (principal.kind === 'citizen') return ['citizen'];
  return ['system'];
}

/** Who is asking, on whose behalf, and why: given to the gateway with every call. */
export interface RequestContext {
  principal: Principal;
  purpose: Purpose;
  /** Written reason for reading outside one's relation (break-the-glass). */
  breakGlassReason: string | null;
  now: () => Date;
}
