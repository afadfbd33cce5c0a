import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AccessGateway } from '../access/gateway';
import type { AppConfig } from '../config';
import type { Database } from '../db/database';
import type { OidcConfig } from '../identity/oidc-config';
import { authRoutes } from './auth-routes';
import { sendProblem } from './problem';
import { apiRoutes } from './routes';
import { PURPOSE_HEADER, BREAK_GLASS_HEADER } from './request-context';
import { loggerOptions } from '../logging';

z.config(z.locales.da());

export interface AppDeps {
  config: AppConfig;
  database: Database;
  oidc: OidcConfig;
  /** injectable clock: tests move time to check deadlines and session timeouts */
  now?: () => Date;
}

export const API_BODY_LIMIT = 256 * 1024;

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const now = deps.now ?? (() => new Date());
  const app = Fastify({
    logger: loggerOptions(deps.config),
    bodyLimit: API_BODY_LIMIT,
    trustProxy: deps.config.production,
    // Request ids must not echo client input into logs.
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();
  // The API speaks JSON only: without this, Fastify's built-in text/plain parser
  // hands a string to the validator (400) instead of answering 415.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error, request, reply) => sendProblem(error as Error, request, reply));
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        'default-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'style-src': ["'self'", "'unsafe-inline'"],
        // Only in production (behind TLS); on plain http it would break access from other hosts.
        'upgrade-insecure-requests': deps.config.production ? [] : null,
      },
    },
    strictTransportSecurity: deps.config.production,
  });
  await app.register(fastifyCookie, { secret: deps.config.cookieSecret });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Helhed API',
        version: '0.1.0',
        description:
          'Case management for the holistic effort (helhedsorienteret indsats). Errors are RFC 9457 problem+json with a Danish `detail`. ' +
          `Personal data is never addressed by CPR in a URL. Optional headers: \`${PURPOSE_HEADER}\` (purpose of the access) and \`${BREAK_GLASS_HEADER}\` (URL-encoded written reason for break-the-glass reads).`,
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'helhed_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });

  const gateway = new AccessGateway(deps.database.db);

  app.get('/health', { schema: { hide: true } }, async () => {
    await deps.database.db.selectFrom('municipality').select('id').limit(1).execute();
    return { status: 'ok', database: deps.database.kind };
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(authRoutes, { prefix: '/auth', deps, now });
  await app.register(apiRoutes, { prefix: '/api', deps, gateway, now });

  // Files are looked up per request (wildcard), so a web build that finishes
  // after the server started (npm start builds it in parallel) is served at once.
  const webDist = deps.config.webDist;
  if (webDist) await app.register(fastifyStatic, { root: webDist, wildcard: true, index: ['index.html'] });
  app.setNotFoundHandler((request, reply) => {
    // The web app routes in the browser: unknown non-API GETs get its index page.
    if (webDist && request.method === 'GET' && !/^\/(api|auth)(\/|$)/.test(request.url)) {
      if (existsSync(path.join(webDist, 'index.html'))) return reply.sendFile('index.html');
      return reply
        .status(503)
        .header('retry-after', '5')
        .type('text/html; charset=utf-8')
        .send('<!doctype html><html lang="da"><meta charset="utf-8"><title>Helhed</title><p>Helhed starter. Webappen bygges – prøv igen om et øjeblik.</p></html>');
    }
    return reply.status(404).header('content-type', 'application/problem+json; charset=utf-8').send({
      type: 'https://helhed.dk/problems/not-found',
      title: 'Ikke fundet',
      status: 404,
      detail: 'Adressen findes ikke.',
      instance: request.url.split('?')[0],
    });
  });
  return app;
}
