import cluster, { type Worker } from 'node:cluster';
import type http from 'node:http';
import type net from 'node:net';

/** Socket.IO's session id in a request line (`/socket.io/?EIO=4&transport=polling&sid=…`). */
const sidPattern = /[?&]sid=([\w-]{20})/;
/** A request line opening a new Socket.IO connection (no session yet). */
const handshakePattern = /^GET \/socket\.io\/\?/;
/**
 * Connections handed to a worker whose handle it has not yet taken. Node passes one handle at a time
 * per worker and waits for the worker's acknowledgement, so a worker that runs late takes few a
 * second; beyond this many the primary answers 503 itself instead of queueing more behind it.
 */
const MAX_PENDING_HANDLES = 64;
/** How often a worker tells the primary whether it takes new Socket.IO connections. */
const ADMISSION_REPORT_MS = 100;
const unavailable =
  'HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nRetry-After: 2\r\nContent-Length: 0\r\n\r\n';

/**
 * The built-in balancer's primary side: each incoming TCP connection is handed, whole, to one worker
 * (the worker side is `setupWorker` of @socket.io/sticky, which answers with `Connection: close`, so
 * one connection carries one request). A request naming a Socket.IO session goes to the worker that
 * holds it (long-polling needs that); anything else to the worker with the fewest sessions.
 *
 * Reading stops before the handle is sent: otherwise the primary goes on reading until the worker
 * acknowledges the handle, and what it reads (a WebSocket client's first frame, a request body) is
 * dropped — the race that makes @socket.io/sticky's own primary lose a few WebSocket connections in a
 * hundred (their first frame never arrives, the client waits forever).
 */
export function balanceConnections(server: net.Server): void {
  const sessions = new Map<string, number>();
  const load = new Map<number, number>();
  /** Workers that said they serve (a fresh one is still starting: a connection handed to it would hang). */
  const ready = new Set<number>();
  /** Workers that said they refuse new Socket.IO connections for now (busy, see `SOCKET_MAX_JOINING`). */
  const refusing = new Set<number>();
  const pending = new Map<number, number>();

  const pick = (head: string): Worker | undefined => {
    const workers = Object.values(cluster.workers ?? {}).filter(
      (w): w is Worker => !!w && ready.has(w.id) && w.isConnected(),
    );
    const sid = sidPattern.exec(head)?.[1];
    const owner = sid === undefined ? undefined : sessions.get(sid);
    const bound = owner === undefined ? undefined : workers.find((w) => w.id === owner);
    if (bound) return bound;
    // A new Socket.IO connection is refused here, at no cost to the workers, when none takes one:
    // in a reconnect storm every retry is a new connection, and handing each to a busy worker only
    // for it to refuse kept the workers' handle queues full of refusals.
    const handshake = sid === undefined && handshakePattern.test(head);
    let best: Worker | undefined;
    for (const worker of workers) {
      if ((pending.get(worker.id) ?? 0) >= MAX_PENDING_HANDLES) continue;
      if (handshake && refusing.has(worker.id)) continue;
      if (!best || (load.get(worker.id) ?? 0) < (load.get(best.id) ?? 0)) best = worker;
    }
    return best;
  };

  server.on('connection', (socket) => {
    socket.on('error', () => socket.destroy());
    socket.once('data', (chunk: Buffer) => {
      // pause() alone does not stop libuv from reading; readStop() does. Bytes read here after the
      // handle left would go nowhere (the detached handle's reads are dropped).
      socket.pause();
      (socket as unknown as { _handle?: { readStop?: () => number } })._handle?.readStop?.();
      const end = chunk.indexOf('\r\n');
      const worker = pick(chunk.subarray(0, end < 0 ? chunk.length : end).toString('latin1'));
      if (!worker) {
        socket.end(unavailable);
        return;
      }
      pending.set(worker.id, (pending.get(worker.id) ?? 0) + 1);
      worker.send({ type: 'sticky:connection', data: chunk }, socket, { keepOpen: false }, (error) => {
        pending.set(worker.id, Math.max(0, (pending.get(worker.id) ?? 0) - 1));
        if (error) socket.destroy();
      });
    });
  });

  cluster.on('message', (worker, message: { type?: string; data?: string; open?: boolean }) => {
    if (message.type === 'diemcau:ready') {
      ready.add(worker.id);
    } else if (message.type === 'diemcau:admission') {
      if (message.open) refusing.delete(worker.id);
      else refusing.add(worker.id);
    } else if (message.type === 'sticky:connection' && message.data) {
      sessions.set(message.data, worker.id);
      load.set(worker.id, (load.get(worker.id) ?? 0) + 1);
    } else if (message.type === 'sticky:disconnection' && message.data) {
      sessions.delete(message.data);
      load.set(worker.id, Math.max(0, (load.get(worker.id) ?? 0) - 1));
    }
  });
  cluster.on('exit', (worker) => {
    ready.delete(worker.id);
    refusing.delete(worker.id);
    pending.delete(worker.id);
    load.delete(worker.id);
    for (const [sid, owner] of sessions) if (owner === worker.id) sessions.delete(sid);
  });
}

type EngineLike = {
  on(event: 'connection', listener: (socket: { id: string; once(event: 'close', fn: () => void): void }) => void): void;
};

/**
 * The worker side of the built-in balancer: connections arrive from the primary with the bytes it
 * read first; each carries one request (`Connection: close`), and the primary learns which Socket.IO
 * sessions live here so that the next requests of a session come back.
 */
export function acceptFromBalancer(httpServer: http.Server, engine: EngineLike, admitting: () => boolean): void {
  httpServer.prependListener('request', (_req, res) => {
    res.setHeader('Connection', 'close');
  });
  process.on('message', (message: { type?: string; data?: Uint8Array }, handle?: net.Socket) => {
    if (message?.type !== 'sticky:connection' || !handle || !message.data) return;
    // The first bytes go back in front of the stream before anyone reads it.
    handle.unshift(Buffer.from(message.data));
    httpServer.emit('connection', handle);
    handle.resume();
  });
  const tell = (type: string, sid: string) => process.send?.({ type, data: sid }, undefined, {}, () => undefined);
  // Whether this worker takes new Socket.IO connections, told when it changes.
  let open = true;
  const report = setInterval(() => {
    const now = admitting();
    if (now === open) return;
    open = now;
    process.send?.({ type: 'diemcau:admission', open }, undefined, {}, () => undefined);
  }, ADMISSION_REPORT_MS);
  report.unref();
  httpServer.once('close', () => clearInterval(report));
  engine.on('connection', (socket) => {
    tell('sticky:connection', socket.id);
    socket.once('close', () => tell('sticky:disconnection', socket.id));
  });
}
