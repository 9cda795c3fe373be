/**
 * The Socket.IO contract. Both the server (`Server<ClientToServerEvents, ServerToClientEvents>`) and
 * the web and test clients (`Socket<ServerToClientEvents, ClientToServerEvents>`) are typed from here.
 * Rooms are named `<kind>:<id>`.
 */

/** Sent by the server once, right after a connection is accepted. */
export type ServerHello = {
  /** Server version (the `@diemcau/server` package version). */
  version: string;
  /** ISO 8601 time on the server when the connection was accepted. */
  serverTime: string;
};

export type PingReply = {
  /** The client's `sentAt`, echoed so the client can compute the round trip. */
  sentAt: number;
  serverTime: string;
};

/** Error reply of any acknowledged event whose payload was rejected. */
export type AckError = { error: { code: string; message: string } };

export interface ServerToClientEvents {
  'server:hello': (hello: ServerHello) => void;
}

export interface ClientToServerEvents {
  /** Round trip check: the server acknowledges with its clock. */
  'system:ping': (payload: { sentAt: number }, ack: (reply: PingReply | AckError) => void) => void;
}

/** Data the server keeps per socket (Socket.IO's fourth type parameter). */
export interface SocketData {
  connectedAt: number;
}
