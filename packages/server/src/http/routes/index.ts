import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Access } from '../../access/access';
import type { AccessGateway } from '../../access/gateway';
import type { AppDeps } from '../app';
import { authenticate } from '../auth-routes';
import { accessFor } from '../request-context';
import { caseRoutes } from './cases';
import { citizenRoutes } from './citizens';
import { meRoutes } from './me';
import { targetGroupRoutes } from './target-group';
import { decisionRoutes } from './decisions';
import { planRoutes } from './plan';
import { letterRoutes } from './letters';
import { visitationRoutes } from './visitation';
import { coordinationRoutes } from './coordination';
import { overviewRoutes } from './overview';
import { indicatorRoutes } from './indicators';
import { organisationRoutes } from './organisation';

declare module 'fastify' {
  interface FastifyRequest {
    access: Access;
  }
}

/**
 * Everything under /api needs a session; each request gets its Access (the
 * gateway plus who/why), the only way handlers reach personal data.
 */
export const apiRoutes: FastifyPluginAsyncZod<{ deps: AppDeps; gateway: AccessGateway; now: () => Date }> = async (app, { deps, gateway, now }) => {
  app.decorateRequest('access', null as unknown as Access);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const principal = await authenticate(request, reply, deps, now);
    request.access = accessFor(request, principal, gateway, now);
  });
  await app.register(citizenRoutes);
  await app.register(caseRoutes);
  await app.register(meRoutes);
  await app.register(targetGroupRoutes);
  await app.register(decisionRoutes);
  await app.register(planRoutes);
  await app.register(letterRoutes);
  await app.register(visitationRoutes);
  await app.register(coordinationRoutes);
  await app.register(overviewRoutes);
  await app.register(indicatorRoutes);
  await app.register(organisationRoutes);
};
