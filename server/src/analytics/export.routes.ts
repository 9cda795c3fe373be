import type { FastifyInstance } from 'fastify';
import { AppError } from '../graphql/app-error.ts';
import { createRequestContext } from '../http/request-context.ts';
import type { Runtime } from '../runtime.ts';
import { analyticsScope } from './analytics.service.ts';
import { responsesCsv, responsesXlsx } from './export.ts';

const statusOf: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400 };

/**
 * `GET /api/surveys/:id/responses.csv|.xlsx[?scopeUnitId=…]`: raw responses for the web page and for
 * `curl -H "Authorization: Bearer dcp_…"`. Same role and scope checks as the analytics queries.
 */
export function registerExportRoutes(app: FastifyInstance, runtime: Runtime): void {
  app.get<{ Params: { id: string; format: string }; Querystring: { scopeUnitId?: string } }>(
    '/api/surveys/:id/responses.:format',
    async (req, reply) => {
      const format = req.params.format;
      if (format !== 'csv' && format !== 'xlsx') {
        return reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'responses.csv or responses.xlsx' } });
      }
      const ctx = await createRequestContext(runtime, req, reply);
      try {
        const scope = await analyticsScope(ctx, req.params.id, null, req.query.scopeUnitId ?? null, null);
        const name = `khao-sat-${scope.survey.id}-phieu-tra-loi.${format}`;
        reply.header('content-disposition', `attachment; filename="${name}"`);
        reply.header('cache-control', 'no-store');
        if (format === 'csv') {
          return reply.type('text/csv; charset=utf-8').send(await responsesCsv(ctx, scope));
        }
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .send(await responsesXlsx(ctx, scope));
      } catch (error) {
        if (error instanceof AppError) {
          return reply
            .status(statusOf[error.code] ?? 400)
            .send({ error: { code: error.code, message: error.message, ...error.details }, requestId: req.id });
        }
        throw error;
      }
    },
  );
}
