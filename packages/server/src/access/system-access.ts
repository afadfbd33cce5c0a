import type { Kysely } from 'kysely';
import type { Purpose } from '@helhed/core';
import type { DB } from '../db/schema';
import type { Access } from './access';
import { AccessGateway } from './gateway';

/**
 * Access for work no person asks for in a request — batch commands, start-up
 * housekeeping: the system principal of one municipality. It still goes
 * through the gateway, so it is scoped, checked against the policy and audited.
 */
export function systemAccessFor(db: Kysely<DB>, municipalityId: string, name: string, purpose: Purpose = 'system'): Access {
  return {
    gateway: new AccessGateway(db),
    ctx: { principal: { kind: 'system', id: null, name, municipalityId }, purpose, breakGlassReason: null, now: () => new Date() },
  };
}
