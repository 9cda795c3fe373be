import type {
  DashboardAuth,
  DashboardClientToServer,
  DashboardServerToClient,
  LiveConnectError,
  OperatorAuth,
  OperatorClientToServer,
  OperatorServerToClient,
  ParticipantAuth,
  ParticipantClientToServer,
  ParticipantServerToClient,
} from '@diemcau/schema';
import { type Signal, signal } from '@preact/signals';
import { io, type Socket } from 'socket.io-client';

export type OperatorSocket = Socket<OperatorServerToClient, OperatorClientToServer>;
export type ParticipantSocket = Socket<ParticipantServerToClient, ParticipantClientToServer>;
export type DashboardSocket = Socket<DashboardServerToClient, DashboardClientToServer>;

/**
 * What the person sees of the connection. `reconnecting`: it was up (or is being retried) and
 * Socket.IO is trying again with its jittered back-off; `refused`: the server said no at the
 * handshake (`code` from its `connect_error` data) and nothing more is tried.
 */
export type LinkState =
  | { kind: 'connecting' }
  | { kind: 'connected' }
  | { kind: 'reconnecting' }
  | { kind: 'refused'; code: string; message: string };

type Namespaces = {
  '/operator': { auth: OperatorAuth; socket: OperatorSocket };
  '/participant': { auth: ParticipantAuth; socket: ParticipantSocket };
  '/dashboard': { auth: DashboardAuth; socket: DashboardSocket };
};

/** Refusals worth another try after a while (the server is restarting, its database is down). */
const retried = new Set(['UNAVAILABLE']);

/**
 * Opens a live namespace on `origin` and follows its state in a signal. Reconnection with jittered
 * back-off is Socket.IO's own; a refused handshake stops it, except for `UNAVAILABLE`, which is tried
 * again after a few seconds. A server that drains before a restart disconnects everyone: we come back.
 */
export function openLive<N extends keyof Namespaces>(
  origin: string,
  namespace: N,
  auth: Namespaces[N]['auth'],
): { socket: Namespaces[N]['socket']; state: Signal<LinkState>; close: () => void } {
  const socket = io(`${origin}${namespace}`, {
    auth: auth as unknown as Record<string, unknown>,
    withCredentials: namespace === '/dashboard',
    reconnectionDelay: 1000,
    reconnectionDelayMax: 10_000,
    randomizationFactor: 0.5,
  });
  const state = signal<LinkState>({ kind: 'connecting' });
  let retry: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  const again = (ms: number) => {
    clearTimeout(retry);
    retry = setTimeout(() => {
      if (!closed && !socket.connected) socket.connect();
    }, ms);
  };

  socket.on('connect', () => {
    state.value = { kind: 'connected' };
  });
  socket.on('disconnect', (reason: Socket.DisconnectReason) => {
    if (closed) return;
    state.value = { kind: 'reconnecting' };
    // Socket.IO does not come back by itself after the server closed the connection.
    if (reason === 'io server disconnect') again(500 + Math.random() * 1500);
  });
  socket.on('connect_error', (error: Error & { data?: LiveConnectError }) => {
    if (closed) return;
    if (socket.active) {
      // A transport problem: Socket.IO keeps trying.
      state.value = { kind: 'reconnecting' };
      return;
    }
    const code = error.data?.code ?? 'UNAVAILABLE';
    if (retried.has(code)) {
      state.value = { kind: 'reconnecting' };
      again(2000 + Math.random() * 3000);
      return;
    }
    state.value = { kind: 'refused', code, message: error.data?.message ?? error.message };
  });

  return {
    socket: socket as Namespaces[N]['socket'],
    state,
    close: () => {
      closed = true;
      clearTimeout(retry);
      socket.disconnect();
    },
  };
}
