import {
  type DashboardClientToServer,
  type DashboardServerToClient,
  type ExcusedAbsenceView,
  type LiveConnectError,
  liveLimits,
  normaliseCheckInCode,
  normaliseMemberNumber,
  normaliseParticipantName,
  type OperatorClientToServer,
  type OperatorServerToClient,
  type ParticipantClientToServer,
  type ParticipantServerToClient,
  participantKey,
} from '@diemcau/schema';
import type { Logger } from 'pino';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { Namespace, Socket } from 'socket.io';
import { z } from 'zod';
import { pathInScope } from '../accounts/access.ts';
import { resolveViewer, SESSION_COOKIE } from '../accounts/auth.service.ts';
import { accountRoom, credentialRoom, onCredentialsEnded } from '../accounts/credential-events.ts';
import { query, queryOne, sql } from '../db/sql.ts';
import { clientAddressResolver } from '../http/client-address.ts';
import type { Runtime } from '../runtime.ts';
import { parseToken, verifierMatches } from '../security/tokens.ts';
import type { LiveConference, LiveEmitter } from './live.model.ts';
import type { LiveService } from './live.service.ts';
import { handshakeRefused, type IoServer } from './socket-server.ts';

type OperatorData = { conferenceId: number; bridgePointId: number; pending: Promise<unknown> | null };
type ParticipantData = {
  conferenceId: number;
  bridgePointId: number;
  key: string;
  name: string;
  memberNumber: string | null;
  pending: Promise<unknown> | null;
};
/** The conference watched, and the rooms of the credential and account it signed in with. */
type DashboardData = { conferenceId: number; rooms: string[] };

type OperatorNsp = Namespace<OperatorClientToServer, OperatorServerToClient, Record<string, never>, OperatorData>;
type ParticipantNsp = Namespace<
  ParticipantClientToServer,
  ParticipantServerToClient,
  Record<string, never>,
  ParticipantData
>;
type DashboardNsp = Namespace<DashboardClientToServer, DashboardServerToClient, Record<string, never>, DashboardData>;
type OperatorSocket = Socket<OperatorClientToServer, OperatorServerToClient, Record<string, never>, OperatorData>;

/** A refused handshake: the client's `connect_error` carries `data: { code, message }`. */
class HandshakeRefused extends Error {
  readonly data: LiveConnectError;
  constructor(code: string, message: string) {
    super(message);
    this.data = { code, message };
  }
}

const conferenceIdSchema = z.union([z.number(), z.string().regex(/^\d{1,10}$/)]).transform(Number);
const operatorAuth = z.object({ conferenceId: conferenceIdSchema, token: z.string().min(1).max(200) });
const participantAuth = z.object({
  conferenceId: conferenceIdSchema,
  code: z.string().min(1).max(20),
  name: z.string().max(300),
  memberNumber: z.string().max(60).nullish(),
});
const dashboardAuth = z.object({ conferenceId: conferenceIdSchema, token: z.string().max(200).optional() });

const headcountPayload = z.object({ headcount: z.number().int().min(0).max(liveLimits.reportedHeadcountMax) });
const excusedPayload = z.object({
  name: z.string().trim().min(1).max(liveLimits.excusedNameMax),
  reason: z.string().trim().min(1).max(liveLimits.excusedReasonMax),
});
const removeExcusedPayload = z.object({ id: z.number().int().positive() });
const memberNumberPattern = /^[A-Z0-9]{1,20}$/;
/** Wrong check-in codes per client address before its check-ins are refused for a while (guessing codes). */
const CHECK_IN_CODE_FAILURES = 30;
const CHECK_IN_CODE_WINDOW_SECONDS = 600;

function badInput(message: string) {
  return { error: { code: 'BAD_USER_INPUT', message } };
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** Runs a handshake check; turns a refusal (or an unexpected failure) into `connect_error` data. */
function guard<S extends Socket>(log: Logger, check: (socket: S) => Promise<void>) {
  return (socket: S, next: (err?: Error) => void) => {
    check(socket).then(
      () => next(),
      (error: unknown) => {
        handshakeRefused(socket);
        if (error instanceof HandshakeRefused) {
          next(error);
          return;
        }
        log.error({ err: error }, 'live handshake failed');
        next(new HandshakeRefused('UNAVAILABLE', 'Máy chủ đang bận, thử lại sau / try again shortly'));
      },
    );
  };
}

async function liveConference(runtime: Runtime, live: LiveService, conferenceId: number): Promise<LiveConference> {
  if (runtime.shuttingDown || live.stopped) {
    throw new HandshakeRefused('UNAVAILABLE', 'Máy chủ đang khởi động lại / the server is restarting');
  }
  const conference = await live.conference(conferenceId);
  if (!conference) throw new HandshakeRefused('CONFERENCE_NOT_FOUND', 'Không có hội nghị này / no such conference');
  return conference;
}

function refuseEnded(live: LiveService, conference: LiveConference): void {
  if (!live.accepting(conference)) {
    throw new HandshakeRefused('CONFERENCE_ENDED', 'Hội nghị đã kết thúc / the conference has ended');
  }
}

/**
 * The three live namespaces, each authenticated in its middleware:
 * `/operator` (operator link), `/participant` (check-in code and name), `/dashboard` (session or API token).
 */
export function attachLiveNamespaces(io: IoServer, runtime: Runtime, live: LiveService, baseLog: Logger): LiveEmitter {
  const log = baseLog.child({ component: 'live-socket' });
  const operators = io.of('/operator') as unknown as OperatorNsp;
  const participants = io.of('/participant') as unknown as ParticipantNsp;
  const dashboards = io.of('/dashboard') as unknown as DashboardNsp;
  const em = () => runtime.orm.em.fork();
  const clientAddress = clientAddressResolver(runtime.config.trustProxy);
  const codeFailures = new RateLimiterMemory({
    keyPrefix: 'check-in-code',
    points: CHECK_IN_CODE_FAILURES,
    duration: CHECK_IN_CODE_WINDOW_SECONDS,
  });

  // ----- /operator ------------------------------------------------------------------------------
  operators.use(
    guard<OperatorSocket>(log, async (socket) => {
      const auth = operatorAuth.safeParse(socket.handshake.auth);
      if (!auth.success) throw new HandshakeRefused('BAD_INPUT', 'Cần { conferenceId, token } / auth needs them');
      const parsed = parseToken('operator', auth.data.token);
      if (!parsed) throw new HandshakeRefused('BAD_TOKEN', 'Liên kết điều hành không hợp lệ / invalid operator link');
      // The conference's links are in memory (900 consoles connecting: no query each); anything else —
      // another conference's link, an unknown one — is looked up, to say exactly what is wrong.
      const named = await live.conference(auth.data.conferenceId).catch(() => null);
      const known = named?.links.get(parsed.selector);
      const link = known
        ? { ...known, conferenceId: named!.id }
        : await queryOne<{
            verifierHash: Buffer;
            revokedAt: Date | null;
            bridgePointId: number;
            conferenceId: number;
          }>(
            em(),
            sql`select l.verifier_hash as "verifierHash", l.revoked_at as "revokedAt", b.id as "bridgePointId",
                   b.conference_id as "conferenceId"
              from operator_link l join bridge_point b on b.id = l.bridge_point_id
             where l.selector = ${parsed.selector}`,
          );
      if (!link || !verifierMatches(parsed.verifier, link.verifierHash)) {
        throw new HandshakeRefused('BAD_TOKEN', 'Liên kết điều hành không hợp lệ / invalid operator link');
      }
      if (link.revokedAt) {
        throw new HandshakeRefused(
          'TOKEN_REVOKED',
          'Liên kết điều hành đã bị thu hồi / this operator link was revoked',
        );
      }
      if (link.conferenceId !== auth.data.conferenceId) {
        throw new HandshakeRefused('WRONG_CONFERENCE', 'Liên kết thuộc hội nghị khác / link of another conference');
      }
      const conference = await liveConference(runtime, live, link.conferenceId);
      refuseEnded(live, conference);
      socket.data = { conferenceId: conference.id, bridgePointId: link.bridgePointId, pending: null };
    }),
  );

  operators.on('connection', (socket) => {
    const { conferenceId, bridgePointId } = socket.data;
    void socket.join([`conference:${conferenceId}`, `bridge-point:${bridgePointId}`]);
    socket.data.pending = (async () => {
      const conference = await live.conference(conferenceId);
      if (!conference || !live.accepting(conference)) {
        socket.disconnect(true);
        return;
      }
      await live.consoleConnected(conference, bridgePointId, socket.id);
      const bp = conference.bridgePoints.get(bridgePointId);
      const [state, absences] = await Promise.all([
        live.operatorState(conference, bridgePointId),
        excusedAbsences(bridgePointId),
      ]);
      if (!bp || !state || !socket.connected) return;
      socket.emit('operator:welcome', {
        conference: {
          id: conference.id,
          title: conference.title,
          status: conference.status,
          scheduledStartAt: conference.scheduledStartAt.toISOString(),
          scheduledEndAt: conference.scheduledEndAt.toISOString(),
        },
        bridgePoint: {
          id: bp.id,
          displayName: bp.displayName,
          unitName: bp.unitName,
          host: bp.host,
          expectedHeadcount: bp.expected,
          checkInCode: bp.checkInCode,
          checkInUrl: `${runtime.config.publicUrl}/check-in/${conference.id}?code=${bp.checkInCode}`,
          reportedAt: bp.reportedAt === null ? null : new Date(bp.reportedAt).toISOString(),
        },
        state,
        excusedAbsences: absences,
      });
    })().catch((error: unknown) => log.error({ err: error }, 'operator connection failed'));

    socket.on('disconnect', () => {
      void (async () => {
        await socket.data.pending;
        const conference = live.loaded(conferenceId);
        if (conference) await live.consoleDisconnected(conference, bridgePointId, socket.id);
      })().catch((error: unknown) => log.error({ err: error }, 'operator disconnect failed'));
    });

    const writable = async (): Promise<LiveConference | null> => {
      const conference = await live.conference(conferenceId);
      return conference && live.accepting(conference) ? conference : null;
    };
    const ended = { error: { code: 'CONFERENCE_ENDED', message: 'Hội nghị đã kết thúc / the conference has ended' } };
    const failed = (error: unknown, ack: (reply: { error: { code: string; message: string } }) => void) => {
      log.error({ err: error }, 'operator action failed');
      ack({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Lỗi máy chủ / server error' } });
    };

    socket.on('operator:report-headcount', (payload, ack) => {
      if (typeof ack !== 'function') return;
      const parsed = headcountPayload.safeParse(payload);
      if (!parsed.success) {
        ack(badInput(`headcount must be an integer 0…${liveLimits.reportedHeadcountMax}`));
        return;
      }
      void (async () => {
        const conference = await writable();
        if (!conference) return ack(ended);
        const row = await queryOne<{ reportedAt: Date }>(
          em(),
          sql`update bridge_point set reported_headcount = ${parsed.data.headcount}, reported_at = now(), updated_at = now()
               where id = ${bridgePointId} returning reported_at as "reportedAt"`,
        );
        const reportedAt = row?.reportedAt ?? new Date();
        live.headcountReported(conference, bridgePointId, parsed.data.headcount, reportedAt);
        ack({ reportedHeadcount: parsed.data.headcount, reportedAt: reportedAt.toISOString() });
      })().catch((error: unknown) => failed(error, ack));
    });

    socket.on('operator:add-excused-absence', (payload, ack) => {
      if (typeof ack !== 'function') return;
      const parsed = excusedPayload.safeParse(payload);
      if (!parsed.success) {
        ack(
          badInput(
            `name (1…${liveLimits.excusedNameMax} characters) and reason (1…${liveLimits.excusedReasonMax}) are required`,
          ),
        );
        return;
      }
      void (async () => {
        const conference = await writable();
        if (!conference) return ack(ended);
        const row = await queryOne<{ id: number; name: string; reason: string; recordedAt: Date }>(
          em(),
          sql`insert into excused_absence (bridge_point_id, name, reason)
              select ${bridgePointId}, ${parsed.data.name.normalize('NFC')}, ${parsed.data.reason.normalize('NFC')}
               where (select count(*) from excused_absence
                       where bridge_point_id = ${bridgePointId} and withdrawn_at is null) < ${liveLimits.excusedPerBridgePointMax}
              returning id, name, reason, recorded_at as "recordedAt"`,
        );
        if (!row) return ack({ error: { code: 'LIMIT_REACHED', message: 'Too many excused absences' } });
        ack({ absence: { id: row.id, name: row.name, reason: row.reason, recordedAt: row.recordedAt.toISOString() } });
      })().catch((error: unknown) => failed(error, ack));
    });

    socket.on('operator:remove-excused-absence', (payload, ack) => {
      if (typeof ack !== 'function') return;
      const parsed = removeExcusedPayload.safeParse(payload);
      if (!parsed.success) {
        ack(badInput('id must be a positive integer'));
        return;
      }
      void (async () => {
        const conference = await writable();
        if (!conference) return ack(ended);
        const rows = await query(
          em(),
          sql`update excused_absence set withdrawn_at = now()
               where id = ${parsed.data.id} and bridge_point_id = ${bridgePointId} and withdrawn_at is null returning id`,
        );
        if (rows.length === 0) return ack({ error: { code: 'NOT_FOUND', message: 'No such excused absence' } });
        ack({ removed: true });
      })().catch((error: unknown) => failed(error, ack));
    });
  });

  async function excusedAbsences(bridgePointId: number): Promise<ExcusedAbsenceView[]> {
    const rows = await query<{ id: number; name: string; reason: string; recordedAt: Date }>(
      em(),
      sql`select id, name, reason, recorded_at as "recordedAt" from excused_absence
           where bridge_point_id = ${bridgePointId} and withdrawn_at is null order by recorded_at, id`,
    );
    return rows.map((r) => ({ ...r, recordedAt: r.recordedAt.toISOString() }));
  }

  // ----- /participant ---------------------------------------------------------------------------
  participants.use(
    guard(log, async (socket) => {
      const auth = participantAuth.safeParse(socket.handshake.auth);
      if (!auth.success) {
        throw new HandshakeRefused('BAD_INPUT', 'Cần mã điểm danh và họ tên / check-in code and name are required');
      }
      const name = normaliseParticipantName(auth.data.name);
      if (name.length < 1 || name.length > liveLimits.participantNameMax) {
        throw new HandshakeRefused('BAD_INPUT', `Họ tên 1…${liveLimits.participantNameMax} ký tự / name is required`);
      }
      const memberNumber = normaliseMemberNumber(auth.data.memberNumber);
      if (memberNumber !== null && !memberNumberPattern.test(memberNumber)) {
        throw new HandshakeRefused('BAD_INPUT', 'Số thẻ đảng viên không hợp lệ / invalid member number');
      }
      const address = clientAddress(socket.request);
      const spent = await codeFailures.get(address);
      if (spent && spent.remainingPoints <= 0) {
        throw new HandshakeRefused(
          'RATE_LIMITED',
          'Sai mã quá nhiều lần, thử lại sau / too many wrong codes, retry later',
        );
      }
      const conference = await liveConference(runtime, live, auth.data.conferenceId);
      refuseEnded(live, conference);
      const bridgePointId = conference.codes.get(normaliseCheckInCode(auth.data.code));
      if (bridgePointId === undefined) {
        await codeFailures.penalty(address, 1);
        throw new HandshakeRefused('BAD_CHECK_IN_CODE', 'Mã điểm danh không đúng / wrong check-in code');
      }
      socket.data = {
        conferenceId: conference.id,
        bridgePointId,
        key: participantKey(name, memberNumber),
        name,
        memberNumber,
        pending: null,
      };
    }),
  );

  participants.on('connection', (socket) => {
    const data = socket.data;
    void socket.join(`conference:${data.conferenceId}`);
    socket.data.pending = (async () => {
      const conference = await live.conference(data.conferenceId);
      if (!conference || !live.accepting(conference)) {
        socket.disconnect(true);
        return;
      }
      const firstSeenAt = await live.participantConnected(conference, {
        bridgePointId: data.bridgePointId,
        key: data.key,
        name: data.name,
        memberNumber: data.memberNumber,
        socketId: socket.id,
      });
      const bp = conference.bridgePoints.get(data.bridgePointId);
      if (!socket.connected || !bp) return;
      socket.emit('participant:checked-in', {
        conferenceId: conference.id,
        conferenceTitle: conference.title,
        bridgePoint: { id: bp.id, displayName: bp.displayName },
        name: data.name,
        memberNumber: data.memberNumber,
        firstSeenAt: firstSeenAt.toISOString(),
        status: conference.status,
      });
    })().catch((error: unknown) => log.error({ err: error }, 'participant check-in failed'));

    socket.on('disconnect', () => {
      void (async () => {
        await socket.data.pending;
        const conference = live.loaded(data.conferenceId);
        if (conference) {
          await live.participantDisconnected(conference, {
            bridgePointId: data.bridgePointId,
            key: data.key,
            socketId: socket.id,
          });
        }
      })().catch((error: unknown) => log.error({ err: error }, 'participant disconnect failed'));
    });
  });

  // ----- /dashboard -----------------------------------------------------------------------------
  dashboards.use(
    guard(log, async (socket) => {
      const auth = dashboardAuth.safeParse(socket.handshake.auth);
      if (!auth.success) throw new HandshakeRefused('BAD_INPUT', 'Cần { conferenceId } / auth needs conferenceId');
      const headers = socket.handshake.headers;
      const authorization = auth.data.token
        ? `Bearer ${auth.data.token}`
        : typeof headers.authorization === 'string'
          ? headers.authorization
          : undefined;
      const viewer = await resolveViewer(em(), {
        authorization,
        cookie: authorization ? undefined : cookieValue(headers.cookie, SESSION_COOKIE),
      });
      if (!viewer) throw new HandshakeRefused('UNAUTHENTICATED', 'Hãy đăng nhập / sign in first');
      if (runtime.shuttingDown || live.stopped) {
        throw new HandshakeRefused('UNAVAILABLE', 'Máy chủ đang khởi động lại / the server is restarting');
      }
      const conference = await live.conference(auth.data.conferenceId);
      if (!conference) throw new HandshakeRefused('CONFERENCE_NOT_FOUND', 'Không có hội nghị này / no such conference');
      if (!pathInScope(viewer, conference.organizingUnitPath)) {
        throw new HandshakeRefused('FORBIDDEN', 'Hội nghị nằm ngoài phạm vi của bạn / outside your scope');
      }
      socket.data = {
        conferenceId: conference.id,
        rooms: [credentialRoom(viewer.credential), accountRoom(viewer.accountId)],
      };
    }),
  );

  // A sign-out, a revoked token, a disabled account or a reset password closes the dashboards that
  // credential opened at once (the cluster adapter forwards this to every process).
  onCredentialsEnded(runtime, (rooms) => {
    dashboards.in(rooms).disconnectSockets(true);
  });

  dashboards.on('connection', (socket) => {
    const { conferenceId } = socket.data;
    void socket.join(socket.data.rooms);
    void (async () => {
      const conference = await live.conference(conferenceId);
      if (!conference) return;
      const snapshot = await live.publishedSnapshot(conference);
      if (!socket.connected) return;
      // Snapshot first, then the room: the next changes follow this snapshot's seq.
      socket.emit('dashboard:snapshot', snapshot);
      void socket.join(`conference:${conferenceId}`);
    })().catch((error: unknown) => log.error({ err: error }, 'dashboard join failed'));

    socket.on('dashboard:resync', (ack) => {
      if (typeof ack !== 'function') return;
      void (async () => {
        const conference = await live.conference(conferenceId);
        if (!conference) return ack({ error: { code: 'CONFERENCE_NOT_FOUND', message: 'No such conference' } });
        ack(await live.publishedSnapshot(conference));
      })().catch(() => ack({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Lỗi máy chủ / server error' } }));
    });
  });

  // Dashboards and consoles hear the published state from their own process (in a cluster every
  // process keeps it, see LiveService): no broadcast per bridge point through the database.
  const localDashboards = dashboards.local;
  const localOperators = operators.local;
  const emitter: LiveEmitter = {
    dashboardSnapshot: (conferenceId, snapshot) => {
      localDashboards.to(`conference:${conferenceId}`).emit('dashboard:snapshot', snapshot);
    },
    dashboardChanges: (conferenceId, changes) => {
      localDashboards.to(`conference:${conferenceId}`).emit('dashboard:changes', changes);
    },
    operatorState: (bridgePointId, state) => {
      localOperators.to(`bridge-point:${bridgePointId}`).emit('operator:state', state);
    },
    statusChanged: (event) => {
      const room = `conference:${event.conferenceId}`;
      dashboards.to(room).emit('conference:status', event);
      operators.to(room).emit('conference:status', event);
      participants.to(room).emit('conference:status', event);
    },
    disconnectOperators: (bridgePointId, message) => {
      const room = `bridge-point:${bridgePointId}`;
      operators.to(room).emit('operator:revoked', { message });
      operators.in(room).disconnectSockets(true);
    },
    disconnectConference: (conferenceId) => {
      const room = `conference:${conferenceId}`;
      operators.in(room).disconnectSockets(true);
      participants.in(room).disconnectSockets(true);
    },
  };
  live.attachEmitter(emitter);
  return emitter;
}
