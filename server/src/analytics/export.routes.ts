import type { FastifyInstance } from 'fastify';
import { sendAppError } from '../http/error-reply.ts';
import { createRequestContext } from '../http/request-context.ts';
import type { Runtime } from '../runtime.ts';
import { analyticsScope } from './analytics.service.ts';
import { responsesCsv, responsesXlsx } from './export.ts';
import { summaryXlsx } from './summary.ts';

/**
 * `GET /api/surveys/:id/responses.csv|.xlsx[?scopeUnitId=…]`: raw responses, and
 * `GET /api/surveys/:id/summary.xlsx[?level=2&scopeUnitId=…]`: the tables by level, for the web page
 * and for `curl -H "Authorization: Bearer dcp_…"`. Same role and scope checks as the analytics queries.
 */
export function registerExportRoutes(app: FastifyInstance, runtime: Runtime): void {
  app.get<{ Params: { id: string }; Querystring: { scopeUnitId?: string; level?: string } }>(
    '/api/surveys/:id/summary.xlsx',
    async (req, reply) => {
      const ctx = await createRequestContext(runtime, req, reply);
      try {
        const level = req.query.level === undefined ? null : Number(req.query.level);
        const scope = await analyticsScope(ctx, req.params.id, level, req.query.scopeUnitId ?? null, null);
        reply.header(
          'content-disposition',
          `attachment; filename="khao-sat-${scope.survey.id}-tong-hop-cap-${scope.level}.xlsx"`,
        );
        reply.header('cache-control', 'no-store');
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .send(await summaryXlsx(ctx, scope));
      } catch (error) {
        return sendAppError(reply, req.id, error);
      }
    },
  );

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
        return sendAppError(reply, req.id, error);
      }
    },
  );
}
