import type { FastifyReply, FastifyRequest } from 'fastify';
import { resolveViewer, SESSION_COOKIE } from '../accounts/auth.service.ts';
import type { Context } from '../graphql/context.ts';
import { createLoaders } from '../graphql/loaders.ts';
import type { Runtime } from '../runtime.ts';

/** The per-request context for GraphQL and for plain HTTP routes (exports): its own EntityManager and viewer. */
export async function createRequestContext(
  runtime: Runtime,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<Context> {
  const em = runtime.orm.em.fork();
  const viewer = await resolveViewer(em, {
    authorization: req.headers.authorization,
    cookie: req.cookies[SESSION_COOKIE],
  });
  return {
    em,
    requestId: req.id,
    log: viewer ? req.log.child({ accountId: viewer.accountId }) : req.log,
    viewer,
    runtime,
    ip: req.ip,
    userAgent: req.headers['user-agent'],
    reply,
    loaders: createLoaders(em),
  };
}
