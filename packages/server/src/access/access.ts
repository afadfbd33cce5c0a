import type { AccessGateway } from './gateway';
import type { RequestContext } from './principal';

/** What a service function gets: the gateway and the request's context. Never a database handle. */
export interface Access {
  gateway: AccessGateway;
  ctx: RequestContext;
}
