import type { Server as HttpServer } from 'node:http';
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from '@diemcau/schema';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import { z } from 'zod';
import type { Config } from '../config/config.ts';
import { serverVersion } from '../version.ts';

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const pingPayload = z.object({ sentAt: z.number().finite() });

/** Socket.IO on the same HTTP server as the API; CORS follows `PUBLIC_ORIGINS`. */
export function attachSocketServer(
  httpServer: HttpServer,
  config: Config,
  log: Logger,
  options: { accepting?: () => boolean } = {},
): IoServer {
  const accepting = options.accepting ?? (() => true);
  const io: IoServer = new Server(httpServer, {
    // While shutting down, refuse at the transport: clients retry with their back-off (a refusal in a
    // namespace middleware would stop socket.io-client from retrying at all).
    allowRequest: (_req, callback) => {
      const ok = accepting();
      callback(ok ? null : 'the server is shutting down', ok);
    },
    path: '/socket.io',
    serveClient: false,
    cors: { origin: config.publicOrigins, credentials: true },
    // Detect clients that vanished without a close within ~45 s (Socket.IO's heartbeat).
    pingInterval: config.socket.pingIntervalMs,
    pingTimeout: config.socket.pingTimeoutMs,
    maxHttpBufferSize: 64 * 1024,
    connectionStateRecovery: undefined,
  });
  const socketLog = log.child({ component: 'socket' });

  io.on('connection', (socket) => {
    socket.data.connectedAt = Date.now();
    socket.emit('server:hello', { version: serverVersion, serverTime: new Date().toISOString() });
    socket.on('system:ping', (payload, ack) => {
      if (typeof ack !== 'function') return;
      const parsed = pingPayload.safeParse(payload);
      if (!parsed.success) {
        ack({ error: { code: 'BAD_USER_INPUT', message: 'system:ping needs { sentAt: number }' } });
        return;
      }
      ack({ sentAt: parsed.data.sentAt, serverTime: new Date().toISOString() });
    });
  });
  io.engine.on('connection_error', (err: { code: number; message: string }) => {
    socketLog.debug({ code: err.code, message: err.message }, 'socket handshake refused');
  });
  return io;
}

/**
 * Disconnects every client and the engine, leaving the HTTP server to its owner. Clients of the live
 * namespaces see a transport close and come back by themselves (with jittered back-off) once a server
 * listens again; the default namespace is told the server disconnected them.
 */
export function closeSocketServer(io: IoServer): void {
  io.disconnectSockets(true);
  io.engine.close();
}
