import type { EntityManager } from '@mikro-orm/postgresql';
import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import type { Viewer } from '../accounts/viewer.ts';
import type { Runtime } from '../runtime.ts';
import type { Loaders } from './loaders.ts';

/**
 * One per GraphQL request (and per Socket.IO handler call): its own EntityManager fork, the
 * request id, a logger bound to it, the signed-in viewer and batch loaders.
 */
export type Context = {
  em: EntityManager;
  requestId: string;
  log: FastifyBaseLogger;
  /** The signed-in account; `null` for anonymous requests. */
  viewer: Viewer | null;
  runtime: Runtime;
  /** Client address (behind a trusted proxy: the forwarded one), for rate limits. */
  ip: string;
  userAgent?: string;
  /** The HTTP reply, to set cookies; absent outside HTTP (sockets, scripts). */
  reply?: FastifyReply;
  /** Per-request DataLoaders, so relations load in batches. */
  loaders: Loaders;
};
