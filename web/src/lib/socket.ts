import type { ClientToServerEvents, ServerToClientEvents } from '@diemcau/schema';
import { io, type Socket } from 'socket.io-client';
import { apiOrigin } from './api.ts';

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Opens the typed Socket.IO connection to the API; it reconnects by itself, also after a server restart. */
export function connectSocket(): AppSocket {
  const socket: AppSocket = io(apiOrigin());
  socket.on('disconnect', (reason) => {
    // A server that drains before exit disconnects every client, and Socket.IO then waits for us to reconnect.
    if (reason === 'io server disconnect') socket.connect();
  });
  return socket;
}
