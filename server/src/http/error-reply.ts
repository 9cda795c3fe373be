import type { FastifyReply } from 'fastify';
import { AppError } from '../graphql/app-error.ts';

const statusOf: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400 };

/**
 * A feature's AppError on a plain HTTP route (file downloads) as the status and body the other HTTP
 * errors use; anything else is rethrown for the app's error handler (logged, a bare 500).
 */
export function sendAppError(reply: FastifyReply, requestId: string, error: unknown) {
  if (!(error instanceof AppError)) throw error;
  return reply
    .status(statusOf[error.code] ?? 400)
    .send({ error: { code: error.code, message: error.message, ...error.details }, requestId });
}
