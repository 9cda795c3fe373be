import type { Server as HttpServer } from 'node:http';
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from '@diemcau/schema';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import { z } from 'zod';
import type { Config } from '../config/config.ts';
import { serverVersion } from '../version.ts';

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** What closing a Socket.IO server must stop besides it (its event-loop gauge). */
const stoppers = new WeakMap<IoServer, () => void>();

const pingPayload = z.object({ sentAt: z.number().finite() });

/** Socket.IO on the same HTTP server as the API; CORS follows `PUBLIC_ORIGINS`. */
export function attachSocketServer(
  httpServer: HttpServer,
  config: Config,
  log: Logger,
  options: { accepting?: () => boolean } = {},
): IoServer {
  const accepting = options.accepting ?? (() => true);
  const bucket = handshakeBucket(config.socket.handshakesPerSec);
  const lag = eventLoopLag(config.socket.maxEventLoopLagMs);
  const busyBucket = handshakeBucket(config.socket.busyHandshakesPerSec);
  const io: IoServer = new Server(httpServer, {
    // Refusals happen at the transport: clients retry with their jittered back-off (a refusal in a
    // namespace middleware would stop socket.io-client from retrying at all). While shutting down,
    // above the handshake rate, and — but for a trickle — while the process is too busy to finish the
    // handshakes it already took (a reconnect storm after a process died), new connections are turned
    // away.
    allowRequest: (_req, callback) => {
      if (!accepting()) return callback('the server is shutting down: retry shortly', false);
      // Busy: only a trickle gets through (the storm itself keeps a process busy; it must still end).
      const busy = config.socket.maxEventLoopLagMs > 0 && lag.recentMs() > config.socket.maxEventLoopLagMs;
      if (busy) {
        const waitMs = busyBucket.take();
        if (waitMs > 0) return callback(`the server is busy: retry in ${Math.max(1000, waitMs)} ms`, false);
        return callback(null, true);
      }
      const retryMs = bucket.take();
      if (retryMs > 0) return callback(`the server is busy: retry in ${retryMs} ms`, false);
      callback(null, true);
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
  stoppers.set(io, () => lag.stop());

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
 * A token bucket of new connections: `perSec` a second, bursts up to one second's worth. `take()`
 * answers 0 when a connection may proceed, else how long until one may (the retry hint).
 */
export function handshakeBucket(perSec: number, now: () => number = Date.now) {
  let tokens = perSec;
  let at = now();
  return {
    take(): number {
      const t = now();
      tokens = Math.min(perSec, tokens + ((t - at) / 1000) * perSec);
      at = t;
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return Math.ceil(((1 - tokens) / perSec) * 1000);
    },
  };
}

const LAG_SAMPLE_MS = 100;
const LAG_WINDOW_MS = 1000;

/**
 * How late this process's event loop has run: a timer every 100 ms notes how much later than asked
 * it fired; `recentMs()` is the worst of the last second. A process starved of CPU or blocked shows
 * it at once (the timer is the first thing to run after the block). `maxMs` 0: nothing is measured.
 */
export function eventLoopLag(maxMs: number) {
  const samples: { at: number; lateMs: number }[] = [];
  let expected = performance.now() + LAG_SAMPLE_MS;
  const timer =
    maxMs > 0
      ? setInterval(() => {
          const now = performance.now();
          samples.push({ at: now, lateMs: Math.max(0, now - expected) });
          expected = now + LAG_SAMPLE_MS;
          while (samples.length > 0 && samples[0]!.at < now - LAG_WINDOW_MS) samples.shift();
        }, LAG_SAMPLE_MS)
      : null;
  timer?.unref();
  return {
    recentMs(): number {
      let worst = 0;
      const since = performance.now() - LAG_WINDOW_MS;
      for (const sample of samples) if (sample.at >= since && sample.lateMs > worst) worst = sample.lateMs;
      return worst;
    },
    stop(): void {
      if (timer) clearInterval(timer);
    },
  };
}

/**
 * Disconnects every client and the engine, leaving the HTTP server to its owner. Clients of the live
 * namespaces see a transport close and come back by themselves (with jittered back-off) once a server
 * listens again; the default namespace is told the server disconnected them.
 */
export function closeSocketServer(io: IoServer): void {
  stoppers.get(io)?.();
  io.disconnectSockets(true);
  io.engine.close();
}
