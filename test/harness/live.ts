import {
  applyLiveChanges,
  type DashboardClientToServer,
  type DashboardServerToClient,
  type LiveChanges,
  type LiveConnectError,
  type LiveSnapshot,
  type OperatorClientToServer,
  type OperatorServerToClient,
  type ParticipantClientToServer,
  type ParticipantServerToClient,
} from '@diemcau/schema';
import { io, type Socket } from 'socket.io-client';
import { graphql } from './graphql.ts';

export type OperatorSocket = Socket<OperatorServerToClient, OperatorClientToServer>;
export type ParticipantSocket = Socket<ParticipantServerToClient, ParticipantClientToServer>;
export type DashboardSocket = Socket<DashboardServerToClient, DashboardClientToServer>;

type ConnectOptions = {
  headers?: Record<string, string>;
  /** Let socket.io-client reconnect by itself (jittered back-off), e.g. across a server restart. */
  reconnection?: boolean;
  timeoutMs?: number;
  /** Runs before the connection starts, to catch events sent right on connection. */
  beforeConnect?: (socket: Socket) => void;
};

function open<S extends Socket>(baseUrl: string, namespace: string, auth: object, options: ConnectOptions = {}): S {
  return io(`${baseUrl}${namespace}`, {
    transports: ['websocket'],
    forceNew: true,
    autoConnect: false,
    reconnection: options.reconnection ?? false,
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
    randomizationFactor: 0.5,
    auth: auth as Record<string, unknown>,
    extraHeaders: options.headers,
  }) as unknown as S;
}

/** Connects; rejects with the `connect_error` (its `data` is the server's `{ code, message }`). */
export async function connectLive<S extends Socket>(
  baseUrl: string,
  namespace: '/operator' | '/participant' | '/dashboard',
  auth: object,
  options: ConnectOptions = {},
): Promise<S> {
  const socket = open<S>(baseUrl, namespace, auth, options);
  options.beforeConnect?.(socket);
  socket.connect();
  const timeoutMs = options.timeoutMs ?? 10_000;
  const deadline = Date.now() + timeoutMs;
  let retry: ReturnType<typeof setTimeout> | undefined;
  await new Promise<void>((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      clearTimeout(retry);
      socket.off('connect', onConnect);
      socket.off('connect_error', onError);
    };
    const onConnect = () => {
      done();
      resolve();
    };
    // A refusal by the server (middleware: `data` is its `{ code, message }`) ends the attempt. A
    // transport error — the handshake shed while the process is busy (see SOCKET_MAX_EVENT_LOOP_LAG_MS),
    // a connection reset — is tried again after a short jittered wait until the timeout, as
    // socket.io-client's own reconnection does on a page.
    const onError = (error: Error & { data?: unknown }) => {
      if (error.data === undefined && Date.now() + 1000 < deadline) {
        if (!options.reconnection) retry = setTimeout(() => socket.connect(), 200 + Math.random() * 300);
        return;
      }
      done();
      socket.disconnect();
      reject(error);
    };
    const timer = setTimeout(() => {
      done();
      socket.disconnect();
      reject(new Error(`${namespace} socket did not connect in time`));
    }, timeoutMs);
    socket.on('connect', onConnect);
    socket.on('connect_error', onError);
  });
  return socket;
}

/** The refusal of a handshake that must fail. */
export async function refusal(
  baseUrl: string,
  namespace: '/operator' | '/participant' | '/dashboard',
  auth: object,
  options: ConnectOptions = {},
): Promise<LiveConnectError> {
  try {
    const socket = await connectLive(baseUrl, namespace, auth, options);
    socket.disconnect();
  } catch (error) {
    return (error as { data?: LiveConnectError }).data ?? { code: 'NO_DATA', message: String(error) };
  }
  throw new Error(`${namespace} handshake was accepted`);
}

/** Resolves with the next payload of an event. */
export function next<T>(socket: Socket, event: string, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    socket.once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

/**
 * A dashboard that keeps its own copy of the live state the way a page does: the snapshot on join,
 * then every coalesced change applied with the shared `applyLiveChanges`.
 */
export class DashboardMirror {
  state: LiveSnapshot | null = null;
  snapshots = 0;
  changes = 0;
  gaps = 0;
  /** Server times (`at`) of the changes received. */
  readonly changeTimes: number[] = [];

  constructor(readonly socket: DashboardSocket) {
    socket.on('dashboard:snapshot', (snapshot) => {
      this.snapshots += 1;
      this.state = snapshot;
    });
    socket.on('dashboard:changes', (changes: LiveChanges) => {
      this.changes += 1;
      this.changeTimes.push(Date.parse(changes.at));
      if (!this.state) return;
      const applied = applyLiveChanges(this.state, changes);
      if (applied) this.state = applied;
      else this.gaps += 1;
    });
  }

  static async connect(
    baseUrl: string,
    conferenceId: number | string,
    cookie: string,
    options: { reconnection?: boolean } = {},
  ): Promise<DashboardMirror> {
    let mirror: DashboardMirror | undefined;
    const socket = await connectLive<DashboardSocket>(
      baseUrl,
      '/dashboard',
      { conferenceId },
      {
        ...options,
        headers: { cookie },
        beforeConnect: (s) => {
          mirror = new DashboardMirror(s as DashboardSocket);
        },
      },
    );
    const started = Date.now();
    while (!mirror!.state && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 20));
    if (!mirror!.state) {
      socket.disconnect();
      throw new Error('no dashboard snapshot');
    }
    return mirror!;
  }

  close(): void {
    this.socket.disconnect();
  }
}

/** A GraphQL call that must succeed. */
export async function gql<T = Record<string, unknown>>(
  baseUrl: string,
  cookie: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const res = await graphql<T>(baseUrl, query, { variables, headers: { cookie } });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as T;
}

/** Waits until `check` passes (retrying on a thrown assertion), or throws its last error. */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 10_000, everyMs = 50): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() - started > timeoutMs) throw error;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  }
}

/** mulberry32: a small seeded PRNG, so every run plays the same scenario. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const conferenceFields = `id title status startedAt endedAt scheduledStartAt scheduledEndAt
  organizingUnit { id code } documents { code title } bridgePointCount canManage`;

export const bridgePointFields = `id displayName host expectedHeadcount checkInCode checkInUrl operatorLink
  operatorLinkActive reportedHeadcount unit { id code level }`;

/** Creates a conference organized by the unit with `unitCode`, scheduled now for two hours. */
export async function createConference(
  baseUrl: string,
  cookie: string,
  unitId: string,
  title = 'Hội nghị trực tuyến quán triệt Kết luận 21-KL/TW',
) {
  const start = new Date(Date.now() + 60_000);
  const data = await gql<{ createConference: { id: string } & Record<string, unknown> }>(
    baseUrl,
    cookie,
    `mutation ($input: CreateConferenceInput!) { createConference(input: $input) { ${conferenceFields} } }`,
    {
      input: {
        title,
        organizingUnitId: unitId,
        documents: [{ code: '21-KL/TW', title: 'Kết luận số 21-KL/TW của Ban Chấp hành Trung ương' }],
        scheduledStartAt: start.toISOString(),
        scheduledEndAt: new Date(start.getTime() + 2 * 3600_000).toISOString(),
      },
    },
  );
  return data.createConference;
}

/** The operator token inside an operator link (`…/operator/<conferenceId>#<token>`). */
export function tokenOf(operatorLink: string): string {
  return operatorLink.slice(operatorLink.indexOf('#') + 1);
}
