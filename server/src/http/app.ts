import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyCors from '@fastify/cors';
import fastifyStatic from '@fastify/static';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
} from 'fastify';
import type { Logger } from 'pino';
import { registerExportRoutes } from '../analytics/export.routes.ts';
import { registerAttendanceRoutes } from '../conferences/attendance.routes.ts';
import type { Context } from '../graphql/context.ts';
import { createFormatError, errorLogPlugin, expandProblemsPlugin } from '../graphql/format-error.ts';
import { limitsPlugin } from '../graphql/limits.ts';
import { getSchema } from '../graphql/schema.ts';
import type { Runtime } from '../runtime.ts';
import { checkHealth } from '../system/health.ts';
import { createRequestContext } from './request-context.ts';

/** Client-side routes of the web app; anything else that is not an API route is a 404. */
export const pagePaths = [
  '/',
  '/sign-in',
  '/account',
  '/admin/units',
  '/admin/accounts',
  '/analytics',
  '/analytics/:id',
  '/surveys',
  '/surveys/new',
  '/surveys/:id',
  '/surveys/:id/builder',
  '/surveys/:id/assign',
  '/surveys/:id/progress',
  '/s/:token',
  '/conferences',
  '/conferences/:id',
  '/conferences/:id/live',
  '/conferences/:id/check-in-sheet',
  '/operator/:conferenceId',
  '/check-in/:conferenceId',
] as const;

/** Pages that are small entries of their own (web/vite.survey.config.ts, web/vite.live.config.ts), not the app. */
const ownPages: Partial<Record<(typeof pagePaths)[number], string>> = {
  '/s/:token': 'survey.html',
  '/operator/:conferenceId': 'operator.html',
  '/check-in/:conferenceId': 'check-in.html',
};

const requestIdPattern = /^[A-Za-z0-9._:-]{1,128}$/;

function requestIdFor(req: { headers: Record<string, unknown> }): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && requestIdPattern.test(incoming) ? incoming : randomUUID();
}

export type HttpApp = { app: FastifyInstance; apollo: ApolloServer<Context> };

export async function buildHttpApp(runtime: Runtime, log: Logger): Promise<HttpApp> {
  const { config } = runtime;
  const app = Fastify({
    loggerInstance: log as FastifyBaseLogger,
    bodyLimit: config.bodyLimit,
    genReqId: requestIdFor,
    requestIdHeader: false,
    logController: new LogController({
      requestIdLogLabel: 'requestId',
      // One line per request only when debugging; errors are always logged.
      disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace',
    }),
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    trustProxy: config.trustProxy,
  });

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  // Never a stack trace to a client: known HTTP errors keep their status, the rest are 500s.
  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, req, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (status >= 500) req.log.error({ err: error }, 'request failed');
    // Fastify's own codes (FST_ERR_CTP_INVALID_JSON_BODY …) are framework detail: a bad request is BAD_REQUEST.
    const own = error.code && !error.code.startsWith('FST_') ? error.code : 'BAD_REQUEST';
    const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : status >= 500 ? 'INTERNAL_SERVER_ERROR' : own;
    const message = status >= 500 ? 'Internal server error' : error.message;
    // A GraphQL client reads `errors[].extensions.code` (GraphQL over HTTP); other routes get `error`.
    const graphql = req.url.startsWith('/graphql') ? { errors: [{ message, extensions: { code } }] } : {};
    void reply.status(status).send({ ...graphql, error: { code, message }, requestId: req.id });
  });

  await app.register(fastifyCookie);
  await app.register(fastifyCors, {
    origin: config.publicOrigins.length > 0 ? config.publicOrigins : false,
    credentials: true,
    exposedHeaders: ['x-request-id'],
    maxAge: 600,
  });

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_req, reply) => {
    const report = await checkHealth(runtime);
    const cluster = runtime.cluster;
    const ready = report.status === 'ok' && (!cluster || cluster.healthy);
    return reply.status(ready ? 200 : 503).send({
      status: ready ? 'ready' : report.status === 'ok' ? 'degraded' : report.status,
      database: report.database,
      ...(cluster && { cluster: { node: cluster.id, leader: runtime.live.leading, healthy: cluster.healthy } }),
    });
  });

  const schema = await getSchema();
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: !config.isProduction,
    includeStacktraceInErrorResponses: false,
    formatError: createFormatError(),
    plugins: [errorLogPlugin, expandProblemsPlugin, limitsPlugin(schema, config.isProduction)],
  });
  await apollo.start();
  const context = (req: FastifyRequest, reply: FastifyReply) => createRequestContext(runtime, req, reply);
  app.route({
    url: '/graphql',
    method: ['GET', 'POST', 'OPTIONS'],
    handler: fastifyApolloHandler(apollo, { context }),
  });

  registerExportRoutes(app, runtime);
  registerAttendanceRoutes(app, runtime);
  await registerWeb(app, config.webDist, log);
  // Fastify's own close drains the HTTP requests; Apollo's fastify drain plugin would call
  // fastify.close() from inside this hook and wait on itself forever.
  app.addHook('onClose', async () => {
    await apollo.stop();
  });
  return { app, apollo };
}

async function registerWeb(app: FastifyInstance, webDist: string, log: Logger): Promise<void> {
  const indexHtml = path.join(webDist, 'index.html');
  const built = existsSync(indexHtml);
  const fileFor = (page: (typeof pagePaths)[number]) => {
    const own = ownPages[page];
    return own && existsSync(path.join(webDist, own)) ? own : 'index.html';
  };
  if (built) {
    await app.register(fastifyStatic, {
      root: webDist,
      index: false,
      wildcard: false,
      // Vite puts content hashes in asset names: cache them for a year; never cache the HTML.
      setHeaders: (reply, filePath) => {
        reply.header(
          'cache-control',
          filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  } else {
    log.warn({ webDist }, 'web pages are not built: run `pnpm build` (pnpm start does it for you)');
  }
  for (const page of pagePaths) {
    const file = fileFor(page);
    app.get(page, (_req, reply) => {
      if (!built) {
        return reply
          .type('text/plain; charset=utf-8')
          .send('diemcau API is running. The web pages are not built: run `pnpm build`.');
      }
      return reply.header('cache-control', 'no-cache').sendFile(file);
    });
  }
  app.setNotFoundHandler((req, reply) => {
    void reply
      .status(404)
      .send({ error: { code: 'NOT_FOUND', message: `No route ${req.method} ${req.url}` }, requestId: req.id });
  });
}
