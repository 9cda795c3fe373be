import type { EntityManager } from '@mikro-orm/postgresql';
import type { FastifyBaseLogger } from 'fastify';
import type { Runtime } from '../runtime.ts';

/**
 * One per GraphQL request (and per Socket.IO handler call): its own EntityManager fork, the
 * request id, a logger bound to it, and the viewer once accounts exist.
 */
export type Context = {
  em: EntityManager;
  requestId: string;
  log: FastifyBaseLogger;
  /** The signed-in account; `null` for anonymous requests. */
  viewer: null;
  runtime: Runtime;
};
