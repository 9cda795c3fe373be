import cluster, { type Worker } from 'node:cluster';
import type http from 'node:http';
import type net from 'node:net';

/** Socket.IO's session id in a request line (`/socket.io/?EIO=4&transport=polling&sid=…`). */
const sidPattern = /[?&]sid=([\w-]{20})/;
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

  const pick = (head: string): Worker | undefined => {
    const workers = Object.values(cluster.workers ?? {}).filter(
      (w): w is Worker => !!w && ready.has(w.id) && w.isConnected(),
    );
    const sid = sidPattern.exec(head)?.[1];
    const owner = sid === undefined ? undefined : sessions.get(sid);
    const bound = owner === undefined ? undefined : workers.find((w) => w.id === owner);
    if (bound) return bound;
    let best: Worker | undefined;
    for (const worker of workers) {
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
      worker.send({ type: 'sticky:connection', data: chunk }, socket, { keepOpen: false }, (error) => {
        if (error) socket.destroy();
      });
    });
  });

  cluster.on('message', (worker, message: { type?: string; data?: string }) => {
    if (message.type === 'diemcau:ready') {
      ready.add(worker.id);
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
export function acceptFromBalancer(httpServer: http.Server, engine: EngineLike): void {
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
  engine.on('connection', (socket) => {
    tell('sticky:connection', socket.id);
    socket.once('close', () => tell('sticky:disconnection', socket.id));
  });
}
