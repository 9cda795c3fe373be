import type { FastifyInstance } from 'fastify';
import { sendAppError } from '../http/error-reply.ts';
import { createRequestContext } from '../http/request-context.ts';
import type { Runtime } from '../runtime.ts';
import { attendanceCsv, attendanceTable, toXlsx } from './attendance.service.ts';
import { getConference } from './conference.service.ts';
import { AttendanceFileKind } from './conference.types.ts';

const kinds: Record<string, AttendanceFileKind> = {
  'bridge-points': AttendanceFileKind.BRIDGE_POINTS,
  'check-ins': AttendanceFileKind.CHECK_INS,
};

/**
 * `GET /api/conferences/:id/attendance.csv|.xlsx[?kind=bridge-points|check-ins]`: the attendance
 * record per bridge point, or the roll call, for the web page and for `curl` with an API token. The
 * same scope check as the `conference` query.
 */
export function registerAttendanceRoutes(app: FastifyInstance, runtime: Runtime): void {
  app.get<{ Params: { id: string; format: string }; Querystring: { kind?: string } }>(
    '/api/conferences/:id/attendance.:format',
    async (req, reply) => {
      const { format } = req.params;
      const kind = kinds[req.query.kind ?? 'bridge-points'];
      if ((format !== 'csv' && format !== 'xlsx') || !kind) {
        return reply.status(404).send({
          error: { code: 'NOT_FOUND', message: 'attendance.csv or attendance.xlsx, kind=bridge-points|check-ins' },
          requestId: req.id,
        });
      }
      const ctx = await createRequestContext(runtime, req, reply);
      try {
        const conference = await getConference(ctx, req.params.id, 'id');
        const table = await attendanceTable(ctx, conference, kind);
        reply.header('content-disposition', `attachment; filename="${table.name}.${format}"`);
        reply.header('cache-control', 'no-store');
        if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(attendanceCsv(table));
        const sheet = kind === AttendanceFileKind.CHECK_INS ? 'Điểm danh' : 'Điểm cầu';
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .send(await toXlsx(table, sheet));
      } catch (error) {
        return sendAppError(reply, req.id, error);
      }
    },
  );
}
