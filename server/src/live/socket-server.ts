import type { Server as HttpServer } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from '@diemcau/schema';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import { z } from 'zod';
import type { Config } from '../config/config.ts';
import { serverVersion } from '../version.ts';

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Each server's admission: whether it takes a new connection now, its handshakes in progress. */
type Admission = { open(): boolean; done(key: object): void; stop(): void };
const admissions = new WeakMap<object, Admission>();

/** Whether this Socket.IO server takes a new connection now (told to the built-in balancer). */
export function admitting(io: IoServer): boolean {
  return admissions.get(io)?.open() ?? true;
}

/** A namespace refused this socket's join: its handshake no longer counts as in progress. */
export function handshakeRefused(socket: { nsp: { server: object }; request: object }): void {
  admissions.get(socket.nsp.server)?.done(socket.request);
}

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
  const joining = joiningGauge(JOINING_TIMEOUT_MS);
  const isBusy = () => config.socket.maxEventLoopLagMs > 0 && lag.recentMs() > config.socket.maxEventLoopLagMs;
  const hasRoom = (busy: boolean) => joining.size() < (busy ? config.socket.busyMaxJoining : config.socket.maxJoining);
  const io: IoServer = new Server(httpServer, {
    // Refusals happen at the transport: clients retry with their jittered back-off (a refusal in a
    // namespace middleware would stop socket.io-client from retrying at all). While shutting down,
    // above the handshake rate and above the handshakes in progress — fewer while the process runs
    // late (a reconnect storm after a process died) — new connections are turned away.
    allowRequest: (req, callback) => {
      if (!accepting()) return callback('the server is shutting down: retry shortly', false);
      const busy = isBusy();
      if (!hasRoom(busy)) return callback(`the server is busy: retry in ${busy ? 2000 : 1000} ms`, false);
      const retryMs = bucket.take();
      if (retryMs > 0) return callback(`the server is busy: retry in ${retryMs} ms`, false);
      joining.admit(req);
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
  admissions.set(io, {
    open: () => accepting() && hasRoom(isBusy()),
    done: (key) => joining.done(key),
    stop: () => lag.stop(),
  });

  io.on('connection', (socket) => {
    joining.done(socket.request);
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
  // A handshake is done once its connection joins a namespace (or closes, or times out).
  io.engine.on('connection', (conn: { request: object; once(event: 'close', fn: () => void): void }) => {
    conn.once('close', () => joining.done(conn.request));
  });
  io.on('new_namespace', (namespace) => namespace.on('connection', (socket) => joining.done(socket.request)));
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

/** A handshake taken that has not joined a namespace after this long no longer counts as in progress. */
const JOINING_TIMEOUT_MS = 10_000;

/**
 * The handshakes in progress: taken (`admit`) and not yet `done`; one left hanging stops counting
 * after `timeoutMs`. Keyed by the handshake's HTTP request, which the connection keeps.
 */
export function joiningGauge(timeoutMs: number, now: () => number = performance.now.bind(performance)) {
  const admitted = new Map<object, number>();
  return {
    admit(key: object): void {
      admitted.set(key, now());
    },
    done(key: object): void {
      admitted.delete(key);
    },
    size(): number {
      const oldest = now() - timeoutMs;
      // Oldest first (a Map keeps insertion order): drop the ones that timed out.
      for (const [key, at] of admitted) {
        if (at >= oldest) break;
        admitted.delete(key);
      }
      return admitted.size;
    },
  };
}

const LAG_RESOLUTION_MS = 20;
const LAG_WINDOW_MS = 1000;

/**
 * How late this process's event loop runs: Node's event-loop delay histogram, read and reset every
 * second; `recentMs()` is the median of the last full second, less the sampling interval. A process
 * kept busy (a storm larger than it can take, a starved CPU) is late at every turn; one long garbage
 * collection in a healthy storm is a single late sample, and refusing clients for it would only idle
 * the process while they back off. `maxMs` 0: nothing is measured.
 */
export function eventLoopLag(maxMs: number) {
  if (maxMs <= 0) return { recentMs: () => 0, stop: () => undefined };
  const histogram = monitorEventLoopDelay({ resolution: LAG_RESOLUTION_MS });
  histogram.enable();
  let median = 0;
  const timer = setInterval(() => {
    median = histogram.count > 0 ? Math.max(0, histogram.percentile(50) / 1e6 - LAG_RESOLUTION_MS) : 0;
    histogram.reset();
  }, LAG_WINDOW_MS);
  timer.unref();
  return {
    recentMs: () => median,
    stop(): void {
      clearInterval(timer);
      histogram.disable();
    },
  };
}

/**
 * Disconnects every client and the engine, leaving the HTTP server to its owner. Clients of the live
 * namespaces see a transport close and come back by themselves (with jittered back-off) once a server
 * listens again; the default namespace is told the server disconnected them.
 */
export function closeSocketServer(io: IoServer): void {
  admissions.get(io)?.stop();
  io.disconnectSockets(true);
  io.engine.close();
}
