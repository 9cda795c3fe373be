/**
 * The Socket.IO contract. Both the server (`Server<ClientToServerEvents, ServerToClientEvents>`) and
 * the web and test clients (`Socket<ServerToClientEvents, ClientToServerEvents>`) are typed from here.
 * Rooms are named `<kind>:<id>`.
 */

import type { BridgePointStatus, ConferenceStatus, LiveChanges, LiveSnapshot } from './live.ts';

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

// ---------------------------------------------------------------------------------------------------
// The live conference counter: one namespace per role, each authenticated at the handshake.
// A refused handshake reaches the client as `connect_error` whose `data` is a `LiveConnectError`.
// ---------------------------------------------------------------------------------------------------

/**
 * Why a handshake was refused: `BAD_INPUT` (auth fields missing or malformed), `BAD_TOKEN` (unknown or
 * wrong operator link), `TOKEN_REVOKED` (an operator link that was rotated or revoked),
 * `WRONG_CONFERENCE` (a token or code of another conference), `BAD_CHECK_IN_CODE`,
 * `CONFERENCE_NOT_FOUND`, `CONFERENCE_ENDED`, `UNAUTHENTICATED` (no valid session or API token),
 * `FORBIDDEN` (role or scope), `RATE_LIMITED` (too many wrong check-in codes from one address),
 * `UNAVAILABLE` (the server is shutting down or its database is down: retry after a delay).
 */
export type LiveConnectError = { code: string; message: string };

export type ConferenceStatusEvent = {
  conferenceId: number;
  status: ConferenceStatus;
  startedAt: string | null;
  endedAt: string | null;
};

export type ExcusedAbsenceView = { id: number; name: string; reason: string; recordedAt: string };

/** `/operator`: `auth: { conferenceId, token }` with the operator link's token (`dco_…`). */
export type OperatorAuth = { conferenceId: number | string; token: string };

export type OperatorWelcome = {
  conference: {
    id: number;
    title: string;
    status: ConferenceStatus;
    scheduledStartAt: string;
    scheduledEndAt: string;
  };
  bridgePoint: {
    id: number;
    displayName: string;
    unitName: string;
    host: boolean;
    expectedHeadcount: number;
    checkInCode: string;
    /** What participants open (`PUBLIC_URL/check-in/<conference>?code=…`), also behind the QR code. */
    checkInUrl: string;
    /** When the headcount now shown was reported (ISO), null before any report. */
    reportedAt: string | null;
  };
  state: OperatorState;
  excusedAbsences: ExcusedAbsenceView[];
};

/** The operator's own bridge point as the counter sees it; sent on changes (coalesced). */
export type OperatorState = {
  status: BridgePointStatus;
  consoles: number;
  reportedHeadcount: number | null;
  checkIns: number;
  present: number;
};

export interface OperatorServerToClient {
  'operator:welcome': (welcome: OperatorWelcome) => void;
  'operator:state': (state: OperatorState) => void;
  'conference:status': (status: ConferenceStatusEvent) => void;
  /** The link was rotated or revoked; the server disconnects right after. */
  'operator:revoked': (info: { message: string }) => void;
}

export interface OperatorClientToServer {
  /** The headcount in the room now, an integer 0…`liveLimits.reportedHeadcountMax`. */
  'operator:report-headcount': (
    payload: { headcount: number },
    ack: (reply: { reportedHeadcount: number; reportedAt: string } | AckError) => void,
  ) => void;
  'operator:add-excused-absence': (
    payload: { name: string; reason: string },
    ack: (reply: { absence: ExcusedAbsenceView } | AckError) => void,
  ) => void;
  'operator:remove-excused-absence': (
    payload: { id: number },
    ack: (reply: { removed: true } | AckError) => void,
  ) => void;
}

/**
 * `/participant`: `auth: { conferenceId, code, name, memberNumber? }`. The participant is present while
 * the page is connected; the same member number (or, without one, the same name) at the same bridge
 * point counts once however many devices or tabs.
 */
export type ParticipantAuth = {
  conferenceId: number | string;
  code: string;
  name: string;
  memberNumber?: string | null;
};

/** Sent once the check-in is recorded in the database. */
export type ParticipantCheckedIn = {
  conferenceId: number;
  conferenceTitle: string;
  bridgePoint: { id: number; displayName: string };
  name: string;
  memberNumber: string | null;
  firstSeenAt: string;
  status: ConferenceStatus;
};

export interface ParticipantServerToClient {
  'participant:checked-in': (checkIn: ParticipantCheckedIn) => void;
  'conference:status': (status: ConferenceStatusEvent) => void;
}

// biome-ignore lint/complexity/noBannedTypes: participants send nothing after the handshake
export type ParticipantClientToServer = {};

/**
 * `/dashboard`: `auth: { conferenceId, token? }`; the session cookie travels with the handshake, or
 * `token` (or an `Authorization: Bearer` header) carries a personal API token. Organizers and analysts
 * whose scope covers the organizing unit.
 */
export type DashboardAuth = { conferenceId: number | string; token?: string };

export interface DashboardServerToClient {
  /** The full state: on join, after a resync, and when bridge points are added or removed. */
  'dashboard:snapshot': (snapshot: LiveSnapshot) => void;
  /** Coalesced changes, at most one message per 250 ms per conference. */
  'dashboard:changes': (changes: LiveChanges) => void;
  'conference:status': (status: ConferenceStatusEvent) => void;
}

export interface DashboardClientToServer {
  /** Asks for a full snapshot (after a gap in `seq`). */
  'dashboard:resync': (ack: (reply: LiveSnapshot | AckError) => void) => void;
}
