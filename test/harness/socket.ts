import type { ClientToServerEvents, ServerToClientEvents } from '@diemcau/schema';
import { io, type Socket } from 'socket.io-client';
import { expect } from 'vitest';

export type TypedClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A typed socket.io-client on a real server; resolves once connected. */
export async function connectSocket(
  baseUrl: string,
  options: {
    namespace?: string;
    auth?: Record<string, unknown>;
    timeoutMs?: number;
    /** Runs before the connection starts, to catch events sent right on connection. */
    beforeConnect?: (socket: TypedClientSocket) => void;
  } = {},
): Promise<TypedClientSocket> {
  const socket: TypedClientSocket = io(`${baseUrl}${options.namespace ?? '/'}`, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    autoConnect: false,
    auth: options.auth,
  });
  options.beforeConnect?.(socket);
  socket.connect();
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('socket did not connect in time')), options.timeoutMs ?? 5000);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.once('connect_error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
  return socket;
}

/** Resolves with the next payload of a server event. */
export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: TypedClientSocket,
  event: E,
  timeoutMs = 5000,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${String(event)} within ${timeoutMs} ms`)), timeoutMs);
    // biome-ignore lint/suspicious/noExplicitAny: the listener's type is the event's, checked by the signature above
    socket.once(event, ((payload: any) => {
      clearTimeout(timer);
      resolve(payload);
    }) as never);
  });
}

/** Opens an engine.io session the way a client's first request does (long-polling handshake). */
export async function handshake(url: string): Promise<{ status: number; message: string }> {
  const res = await fetch(`${url}/socket.io/?EIO=4&transport=polling`);
  const text = await res.text();
  if (res.status === 200) return { status: 200, message: text };
  // The server's refusal is `{ code, message }`; the built-in balancer's 503 has no body.
  return { status: res.status, message: text ? (JSON.parse(text) as { message: string }).message : '' };
}

/** Sends a namespace connect packet on a long-polling session opened by `handshake`; the answer. */
export async function pollingJoin(url: string, openPacket: string, packet: string): Promise<string> {
  const { sid } = JSON.parse(openPacket.slice(1)) as { sid: string };
  const posted = await fetch(`${url}/socket.io/?EIO=4&transport=polling&sid=${sid}`, { method: 'POST', body: packet });
  expect(posted.status).toBe(200);
  return (await fetch(`${url}/socket.io/?EIO=4&transport=polling&sid=${sid}`)).text();
}

/** Joins the default namespace on a long-polling session opened by `handshake`. */
export async function joinDefault(url: string, openPacket: string): Promise<void> {
  expect(await pollingJoin(url, openPacket, '40')).toMatch(/^40\{"sid"/);
}
