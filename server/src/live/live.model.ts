import type {
  BridgePointStatus,
  ConferenceStatus,
  ConferenceStatusEvent,
  LiveBridgePointRow,
  LiveChanges,
  LiveSnapshot,
  LiveUnit,
  OperatorState,
} from '@diemcau/schema';
import type { MikroORM } from '@mikro-orm/postgresql';
import { query, queryOne, sql } from '../db/sql.ts';
import { pathIds } from '../units/unit.repository.ts';
import type { StoredPresence } from './presence.store.ts';

/** What the counter keeps per bridge point (besides who is connected, which is the presence store's). */
export type LiveBridgePoint = {
  id: number;
  unitId: number;
  unitPath: number[];
  unitName: string;
  displayName: string;
  host: boolean;
  expected: number;
  checkInCode: string;
  reportedHeadcount: number | null;
  /** ms since epoch of that report. */
  reportedAt: number | null;
  status: BridgePointStatus;
  /** ms since epoch the last console dropped (UNSTABLE, DROPPED). */
  downSince: number | null;
  graceTimer: NodeJS.Timeout | null;
  peak: number;
  peakAt: number | null;
  peakDirty: boolean;
};

export type LiveConference = {
  id: number;
  title: string;
  status: ConferenceStatus;
  /** Set while an end is being written: nothing more is recorded. */
  ending: boolean;
  scheduledStartAt: Date;
  scheduledEndAt: Date;
  startedAt: Date | null;
  endedAt: Date | null;
  organizingUnitId: number;
  organizingUnitPath: string;
  organizingUnitLevel: number;
  bridgePoints: Map<number, LiveBridgePoint>;
  /** Display order: host first, then by unit level and name. */
  order: number[];
  /** check-in code → bridge point id */
  codes: Map<string, number>;
  /** Operator links of the conference by selector (revoked ones too, to say so): handshakes need no query. */
  links: Map<string, OperatorLinkRow>;
  units: LiveUnit[];
  peak: { present: number; at: number } | null;
  peakDirty: boolean;
  // Publishing state.
  seq: number;
  published: Map<number, LiveBridgePointRow> | null;
  publishedAt: number;
  publishedKey: string;
  dirty: boolean;
  structural: boolean;
  timer: NodeJS.Timeout | null;
  publishing: Promise<void> | null;
  /** What each bridge point's consoles were last sent, and when (check-in counts go out at most once a second). */
  operatorSent: Map<number, { state: OperatorState; at: number }>;
  operatorTimer: NodeJS.Timeout | null;
};

export type ConferenceRow = {
  id: number;
  title: string;
  status: ConferenceStatus;
  scheduledStartAt: Date;
  scheduledEndAt: Date;
  startedAt: Date | null;
  endedAt: Date | null;
  peakPresent: number;
  peakPresentAt: Date | null;
  heartbeatAt: Date | null;
  organizingUnitId: number;
  organizingUnitPath: string;
  organizingUnitLevel: number;
};

export type BridgePointLoadRow = {
  id: number;
  unitId: number;
  unitPath: string;
  unitName: string;
  displayName: string;
  host: boolean;
  expected: number;
  checkInCode: string;
  reportedHeadcount: number | null;
  reportedAt: Date | null;
  peakPresent: number;
  peakPresentAt: Date | null;
  firstConnectedAt: Date | null;
  intervalOpen: boolean;
  lastDisconnectedAt: Date | null;
};

export type OperatorLinkRow = { bridgePointId: number; verifierHash: Buffer; revokedAt: Date | null };

export async function loadOperatorLinks(orm: MikroORM, conferenceId: number): Promise<Map<string, OperatorLinkRow>> {
  const rows = await query<OperatorLinkRow & { selector: string }>(
    orm.em.fork(),
    sql`select l.selector, l.bridge_point_id as "bridgePointId", l.verifier_hash as "verifierHash", l.revoked_at as "revokedAt"
          from operator_link l join bridge_point b on b.id = l.bridge_point_id
         where b.conference_id = ${conferenceId}`,
  );
  return new Map(rows.map(({ selector, ...link }) => [selector, link]));
}

export async function loadConferenceRow(orm: MikroORM, id: number): Promise<ConferenceRow | undefined> {
  return queryOne<ConferenceRow>(
    orm.em.fork(),
    sql`select c.id, c.title, c.status, c.scheduled_start_at as "scheduledStartAt", c.scheduled_end_at as "scheduledEndAt",
               c.started_at as "startedAt", c.ended_at as "endedAt", c.peak_present as "peakPresent",
               c.peak_present_at as "peakPresentAt", c.heartbeat_at as "heartbeatAt", u.id as "organizingUnitId",
               u.path::text as "organizingUnitPath", u.level as "organizingUnitLevel"
          from conference c join unit u on u.id = c.organizing_unit_id
         where c.id = ${id}`,
  );
}

export async function loadBridgePointRows(orm: MikroORM, conferenceId: number): Promise<BridgePointLoadRow[]> {
  return query<BridgePointLoadRow>(
    orm.em.fork(),
    sql`select b.id, b.unit_id as "unitId", b.unit_path::text as "unitPath", u.name as "unitName",
               b.display_name as "displayName", b.is_host as host, b.expected_headcount as expected,
               b.check_in_code as "checkInCode", b.reported_headcount as "reportedHeadcount",
               b.reported_at as "reportedAt",
               b.peak_present as "peakPresent", b.peak_present_at as "peakPresentAt",
               b.first_connected_at as "firstConnectedAt",
               coalesce(i.open, false) as "intervalOpen", i.last_disconnected_at as "lastDisconnectedAt"
          from bridge_point b
          join unit u on u.id = b.unit_id
          left join lateral (
            select bool_or(disconnected_at is null) as open, max(disconnected_at) as last_disconnected_at
              from bridge_point_interval where bridge_point_id = b.id
          ) i on true
         where b.conference_id = ${conferenceId}
         order by b.is_host desc, nlevel(b.unit_path), b.display_name collate "vi-VN-x-icu", b.id`,
  );
}

/** The organizing unit and every unit between it and the bridge points' units. */
export async function loadLiveUnits(
  orm: MikroORM,
  bridgePoints: Iterable<{ unitPath: number[] }>,
  organizingUnitLevel: number,
): Promise<LiveUnit[]> {
  const ids = new Set<number>();
  for (const bp of bridgePoints) for (const id of bp.unitPath.slice(organizingUnitLevel - 1)) ids.add(id);
  if (ids.size === 0) return [];
  return query<LiveUnit>(
    orm.em.fork(),
    sql`select id, code, name, level from unit where id = any(${[...ids]}::int[])
         order by level, name collate "vi-VN-x-icu", id`,
  );
}

export function toLiveBridgePoint(row: BridgePointLoadRow, status: BridgePointStatus, downSince: number | null) {
  const bp: LiveBridgePoint = {
    id: row.id,
    unitId: row.unitId,
    unitPath: pathIds(row.unitPath),
    unitName: row.unitName,
    displayName: row.displayName,
    host: row.host,
    expected: row.expected,
    checkInCode: row.checkInCode,
    reportedHeadcount: row.reportedHeadcount,
    reportedAt: row.reportedAt?.getTime() ?? null,
    status,
    downSince,
    graceTimer: null,
    peak: row.peakPresent,
    peakAt: row.peakPresentAt?.getTime() ?? null,
    peakDirty: false,
  };
  return bp;
}

export function statusEvent(conference: LiveConference): ConferenceStatusEvent {
  return {
    conferenceId: conference.id,
    status: conference.status,
    startedAt: conference.startedAt?.toISOString() ?? null,
    endedAt: conference.endedAt?.toISOString() ?? null,
  };
}

/**
 * Where the counter's messages go. The socket server implements it over Socket.IO rooms; the counter
 * and the services never touch `io` themselves.
 */
export interface LiveEmitter {
  /** A full state to the conference's dashboards on this process. */
  dashboardSnapshot(conferenceId: number, snapshot: LiveSnapshot): void;
  /** Coalesced changes to the conference's dashboards on this process. */
  dashboardChanges(conferenceId: number, changes: LiveChanges): void;
  /** A bridge point's own state to its consoles on this process. */
  operatorState(bridgePointId: number, state: OperatorState): void;
  /** Tells every socket of the conference (all three namespaces) its new status. */
  statusChanged(event: ConferenceStatusEvent): void;
  /** Disconnects the consoles of a bridge point (its link was rotated or revoked). */
  disconnectOperators(bridgePointId: number, message: string): void;
  /** Disconnects every operator and participant of a conference (it ended). */
  disconnectConference(conferenceId: number): void;
}

/**
 * What the processes of a cluster tell one another about the live counter (over Socket.IO's
 * inter-server messages, which the Postgres adapter carries). Each message names its conference.
 */
export type LiveClusterMessages = {
  /** Presence stored there: the leader's tally takes the changes and counts again. */
  'live:presence': StoredPresence;
  'live:headcount': { conferenceId: number; bridgePointId: number; headcount: number; at: string };
  /** The conference or its bridge points changed in the database. */
  'live:reload': { conferenceId: number };
  'live:started': { conferenceId: number };
  /** Stop recording and write what is queued (answered once done). */
  'live:ending': { conferenceId: number };
  'live:ending-aborted': { conferenceId: number };
  'live:ended': { conferenceId: number; endedAt: string };
  /** The leader published: every process keeps the same copy (`full`: all rows, else the changed ones). */
  'live:published': { full: boolean; changes: LiveChanges };
  /** A process lacks the published state (just started, or saw a gap): the leader publishes it whole. */
  'live:want-snapshot': { conferenceId: number };
  /** The leader's latest publication number, now and then: a follower behind it missed one. */
  'live:seq': { conferenceId: number; seq: number };
};

export type LiveClusterEvent = keyof LiveClusterMessages;

/** The other processes of the cluster (never this one). */
export interface ClusterChannel {
  send<E extends LiveClusterEvent>(event: E, payload: LiveClusterMessages[E]): void;
  /** Resolves with the answers of the others, or with those that came within `timeoutMs`. */
  request<E extends LiveClusterEvent>(event: E, payload: LiveClusterMessages[E], timeoutMs: number): Promise<unknown[]>;
  on<E extends LiveClusterEvent>(
    event: E,
    handler: (payload: LiveClusterMessages[E]) => unknown | Promise<unknown>,
  ): void;
}

export const silentEmitter: LiveEmitter = {
  dashboardSnapshot: () => undefined,
  dashboardChanges: () => undefined,
  operatorState: () => undefined,
  statusChanged: () => undefined,
  disconnectOperators: () => undefined,
  disconnectConference: () => undefined,
};
