import {
  type LiveBridgePointRow,
  type LiveChanges,
  type LiveSnapshot,
  type LiveTotals,
  liveTotals,
  type OperatorState,
  presentOf,
} from '@diemcau/schema';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Config } from '../config/config.ts';
import { query, sql } from '../db/sql.ts';
import {
  type BridgePointLoadRow,
  type ClusterChannel,
  type ConferenceRow,
  type LiveBridgePoint,
  type LiveConference,
  type LiveEmitter,
  loadBridgePointRows,
  loadConferenceRow,
  loadLiveUnits,
  loadOperatorLinks,
  silentEmitter,
  statusEvent,
  toLiveBridgePoint,
} from './live.model.ts';
import { LiveRecorder } from './live.recorder.ts';
import type { PresenceCount, PresenceStore, StoredPresence } from './presence.store.ts';

/** How long a process without the published state waits for the leader's before computing its own. */
const REPLICA_WAIT_MS = 3000;
/** A process tells the leader what presence it stored at most this often. */
const TOUCH_MS = 100;
/** Consoles hear of check-in counts at most this often. */
const OPERATOR_STATE_MS = 1000;

export type LiveOptions = { graceMs: number; sampleMs: number; publishMs: number };

export function liveOptions(config: Config): LiveOptions {
  return config.live;
}

const noCount: PresenceCount = { consoles: 0, participants: 0 };

/**
 * The live conference counter of one process: it turns presence (who is connected, from the
 * `PresenceStore`) and what operators report into per-bridge-point state, totals and roll-ups; runs
 * the reconnect grace windows; records connected intervals and check-ins (through the recorder);
 * publishes coalesced changes after they are committed; and samples the timeline of LIVE conferences.
 *
 * In a cluster (a shared presence store) every process counts its own connections into the store
 * and records check-ins, but only the leader decides: it reads the cluster-wide counts, runs the
 * grace windows, records intervals, samples, and publishes; the others keep the leader's published
 * state (`live:published`) to answer dashboards, operators and GraphQL with the same figures.
 */
export class LiveService {
  readonly #orm: MikroORM;
  readonly #log: Logger;
  readonly #options: LiveOptions;
  readonly store: PresenceStore;
  readonly recorder: LiveRecorder;
  #emitter: LiveEmitter = silentEmitter;
  readonly #conferences = new Map<number, LiveConference>();
  readonly #loading = new Map<number, Promise<LiveConference | null>>();
  #sampler: NodeJS.Timeout | null = null;
  #sampling: Promise<void> | null = null;
  #stopped = false;
  /** Other processes counting into the same store decide nothing: the leader does. */
  readonly #shared: boolean;
  #leading: boolean;
  #cluster: ClusterChannel | null = null;
  readonly #replicaWaiters = new Map<number, (() => void)[]>();
  #outgoing: StoredPresence | null = null;
  #touchTimer: NodeJS.Timeout | null = null;
  #takingOver: Promise<void> | null = null;

  constructor(orm: MikroORM, log: Logger, options: LiveOptions, store: PresenceStore) {
    this.#orm = orm;
    this.#log = log.child({ component: 'live' });
    this.#options = options;
    this.store = store;
    this.recorder = new LiveRecorder(orm, this.#log);
    this.#shared = store.shared;
    this.#leading = !store.shared;
  }

  /** Whether this process decides and publishes (always, on its own; in a cluster, the leader). */
  get leading(): boolean {
    return this.#leading;
  }

  // ----- the cluster ----------------------------------------------------------------------------

  /** Joins the other processes of a cluster: their messages reach this process's counter. */
  attachCluster(channel: ClusterChannel): void {
    this.#cluster = channel;
    channel.on('live:presence', (stored) => {
      if (!this.#leading) return;
      this.store.applyRemote?.(stored);
      for (const id of conferencesOf(stored)) void this.#loadedForLeader(id).then((c) => c && this.markDirty(c));
    });
    channel.on('live:headcount', ({ conferenceId, bridgePointId, headcount, at }) => {
      const conference = this.#conferences.get(conferenceId);
      const bp = conference?.bridgePoints.get(bridgePointId);
      if (!conference || !bp) return;
      bp.reportedHeadcount = headcount;
      bp.reportedAt = Date.parse(at);
      this.markDirty(conference);
    });
    channel.on('live:reload', ({ conferenceId }) => this.reload(conferenceId, { propagate: false }));
    channel.on('live:started', ({ conferenceId }) => this.#applyStarted(conferenceId));
    channel.on('live:ending', async ({ conferenceId }) => {
      const conference = this.#conferences.get(conferenceId);
      if (conference) {
        conference.ending = true;
        await this.recorder.flush();
        if (this.#leading) await this.#orm.em.fork().transactional((em) => this.#writePeaks(em, conference));
      }
      return true;
    });
    channel.on('live:ending-aborted', ({ conferenceId }) => {
      const conference = this.#conferences.get(conferenceId);
      if (conference) conference.ending = false;
    });
    channel.on('live:ended', ({ conferenceId, endedAt }) => this.#applyEnded(conferenceId, new Date(endedAt)));
    channel.on('live:published', (message) => this.#applyPublished(message.full, message.changes));
    // A publication lost on the way (our LISTEN connection was not back yet) with none after it would
    // leave this process's state behind for good: the leader's beacon says how far it is.
    channel.on('live:seq', ({ conferenceId, seq }) => {
      if (this.#leading) return;
      const conference = this.#conferences.get(conferenceId);
      if (conference && seq > conference.seq) this.#cluster?.send('live:want-snapshot', { conferenceId });
    });
    channel.on('live:want-snapshot', ({ conferenceId }) => {
      if (!this.#leading) return;
      void this.#loadedForLeader(conferenceId).then((conference) => {
        if (!conference) return;
        conference.structural = true;
        this.markDirty(conference);
      });
    });
  }

  /** The conference as this (leading) process keeps it, loading it if needed; null when it is not kept (ended, unknown). */
  async #loadedForLeader(id: number): Promise<LiveConference | null> {
    const conference = await this.conference(id).catch(() => null);
    return conference && this.#conferences.get(id) === conference ? conference : null;
  }

  /**
   * Presence reached the shared store: the leader counts again (its store tallied its own changes);
   * another process tells the leader what it stored, in one message at most every TOUCH_MS.
   */
  presenceStored(stored: StoredPresence): void {
    if (this.#leading) {
      for (const id of conferencesOf(stored)) {
        const conference = this.#conferences.get(id);
        if (conference) this.markDirty(conference);
      }
      return;
    }
    this.#outgoing ??= { node: stored.node, changes: [], resync: [] };
    // A loop, not push(...list): a resync can carry a great many.
    for (const change of stored.changes) this.#outgoing.changes.push(change);
    for (const id of stored.resync ?? []) this.#outgoing.resync!.push(id);
    this.#touchTimer ??= setTimeout(() => {
      this.#touchTimer = null;
      const message = this.#outgoing;
      this.#outgoing = null;
      if (message && (message.changes.length > 0 || message.resync!.length > 0)) {
        this.#cluster?.send('live:presence', message);
      }
    }, TOUCH_MS);
  }

  /** The cluster made this process the leader, or took it away. */
  setLeading(leading: boolean): void {
    if (leading === this.#leading) return;
    this.#leading = leading;
    if (leading) {
      this.#takingOver = this.#takeOver()
        .catch((error: unknown) => this.#log.error({ err: error }, 'live counter: taking over failed'))
        .finally(() => {
          this.#takingOver = null;
        });
      return;
    }
    // The new leader runs the windows and publishes; we keep the statuses until its state arrives.
    for (const conference of this.#conferences.values()) this.#clearTimers(conference);
  }

  /** Every dashboard gets the whole state again, from the counts now (after the database came back, a dead process purged). */
  republishAll(): void {
    if (!this.#leading) return;
    for (const conference of this.#conferences.values()) {
      conference.structural = true;
      this.markDirty(conference);
    }
  }

  /**
   * Leading from now on: the statuses continue from the state the previous leader published (or,
   * without one, from the database, as after a restart); the first publication is a full snapshot,
   * numbered after the last one dashboards saw.
   */
  async #takeOver(): Promise<void> {
    const ids = new Set(this.#conferences.keys());
    const live = await query<{ id: number }>(this.#orm.em.fork(), sql`select id from conference where status = 'LIVE'`);
    for (const { id } of live) ids.add(id);
    const now = Date.now();
    for (const id of ids) {
      if (!this.#leading) return;
      const known = this.#conferences.get(id);
      let conference: LiveConference | null | undefined = known;
      if (known?.published) {
        for (const bp of known.bridgePoints.values()) {
          const row = known.published.get(bp.id);
          if (!row) continue;
          bp.status = row.status;
          bp.downSince = row.downSince === null ? null : Date.parse(row.downSince);
          if (bp.status === 'UNSTABLE') {
            this.#startGrace(known, bp, this.#options.graceMs - (now - (bp.downSince ?? now)));
          }
        }
      } else {
        conference = await this.#load(id, { replace: true });
        if (!conference) continue;
        if (known && known !== conference) {
          conference.seq = known.seq;
          this.#clearTimers(known);
        }
      }
      if (!conference) continue;
      conference.structural = true;
      this.markDirty(conference);
    }
  }

  #clearTimers(conference: LiveConference): void {
    if (conference.timer) clearTimeout(conference.timer);
    conference.timer = null;
    if (conference.operatorTimer) clearTimeout(conference.operatorTimer);
    conference.operatorTimer = null;
    for (const bp of conference.bridgePoints.values()) {
      if (bp.graceTimer) clearTimeout(bp.graceTimer);
      bp.graceTimer = null;
    }
  }

  /** A follower keeps what the leader published, exactly (a gap: it asks for the whole state). */
  async #applyPublished(full: boolean, changes: LiveChanges): Promise<void> {
    if (this.#leading) return;
    const conference = this.#conferences.get(changes.conferenceId);
    if (!conference) return;
    if (!full && (!conference.published || changes.seq !== conference.seq + 1)) {
      if (changes.seq > conference.seq) this.#cluster?.send('live:want-snapshot', { conferenceId: conference.id });
      return;
    }
    const published = full ? new Map<number, LiveBridgePointRow>() : new Map(conference.published);
    for (const row of changes.bridgePoints) published.set(row.id, row);
    conference.published = published;
    conference.seq = changes.seq;
    conference.publishedAt = Date.parse(changes.at);
    conference.peak = changes.peak ? { present: changes.peak.present, at: Date.parse(changes.peak.at) } : null;
    for (const row of changes.bridgePoints) {
      const bp = conference.bridgePoints.get(row.id);
      if (!bp) continue;
      bp.status = row.status;
      bp.downSince = row.downSince === null ? null : Date.parse(row.downSince);
      bp.reportedHeadcount = row.reportedHeadcount;
    }
    // This process's dashboards and consoles hear it from here, as the leader's hear it from the leader.
    if (full) {
      const rows = conference.order.map((id) => published.get(id)).filter((r): r is LiveBridgePointRow => !!r);
      this.#emitter.dashboardSnapshot(
        conference.id,
        this.#snapshotOf(conference, rows, changes.totals, conference.publishedAt),
      );
    } else {
      this.#emitter.dashboardChanges(conference.id, changes);
    }
    this.#sendOperatorStates(conference, Date.now());
    const waiters = this.#replicaWaiters.get(conference.id);
    this.#replicaWaiters.delete(conference.id);
    for (const wake of waiters ?? []) wake();
  }

  /** Waits (a bounded time) for the leader's state of a conference this process has none of. */
  async #awaitReplica(conference: LiveConference): Promise<boolean> {
    if (conference.published) return true;
    const arrived = new Promise<void>((resolve) => {
      const list = this.#replicaWaiters.get(conference.id) ?? [];
      list.push(resolve);
      this.#replicaWaiters.set(conference.id, list);
    });
    this.#cluster?.send('live:want-snapshot', { conferenceId: conference.id });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([arrived, new Promise<void>((r) => (timer = setTimeout(r, REPLICA_WAIT_MS)))]);
    clearTimeout(timer);
    return conference.published !== null;
  }

  get options(): LiveOptions {
    return this.#options;
  }

  attachEmitter(emitter: LiveEmitter): void {
    this.#emitter = emitter;
  }

  /** Loads the conferences that are LIVE (after a restart their consoles come back) and starts sampling. */
  async start(): Promise<void> {
    const live = await query<{ id: number }>(this.#orm.em.fork(), sql`select id from conference where status = 'LIVE'`);
    for (const { id } of live) await this.conference(id);
    this.#sampler = setInterval(() => {
      this.#sampling ??= this.#sample().finally(() => {
        this.#sampling = null;
      });
    }, this.#options.sampleMs);
    this.#sampler.unref();
  }

  /** Stops timers and writes what is queued. Connections left open stay counted in the database's intervals. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#sampler) clearInterval(this.#sampler);
    if (this.#touchTimer) clearTimeout(this.#touchTimer);
    await this.#takingOver;
    for (const conference of this.#conferences.values()) this.#clearTimers(conference);
    await this.#sampling;
    await Promise.all([...this.#conferences.values()].map((c) => c.publishing));
    await this.recorder.flush();
  }

  get stopped(): boolean {
    return this.#stopped;
  }

  /** The conference's live state (loaded on first use), or null when there is no such conference. */
  conference(id: number): Promise<LiveConference | null> {
    const known = this.#conferences.get(id);
    if (known) return Promise.resolve(known);
    let loading = this.#loading.get(id);
    if (!loading) {
      loading = this.#load(id).finally(() => this.#loading.delete(id));
      this.#loading.set(id, loading);
    }
    return loading;
  }

  /** The conference if this process has it loaded (no database access); ended ones are forgotten. */
  loaded(id: number): LiveConference | undefined {
    return this.#conferences.get(id);
  }

  async #load(id: number, options: { replace?: boolean } = {}): Promise<LiveConference | null> {
    const row = await loadConferenceRow(this.#orm, id);
    if (!row) return null;
    const rows = await loadBridgePointRows(this.#orm, id);
    const now = Date.now();
    const conference: LiveConference = {
      id,
      title: row.title,
      status: row.status,
      ending: false,
      scheduledStartAt: row.scheduledStartAt,
      scheduledEndAt: row.scheduledEndAt,
      startedAt: row.startedAt,
      endedAt: row.endedAt,
      organizingUnitId: row.organizingUnitId,
      organizingUnitPath: row.organizingUnitPath,
      organizingUnitLevel: row.organizingUnitLevel,
      bridgePoints: new Map(),
      order: [],
      codes: new Map(),
      links: await loadOperatorLinks(this.#orm, id),
      units: [],
      peak: row.peakPresentAt ? { present: row.peakPresent, at: row.peakPresentAt.getTime() } : null,
      peakDirty: false,
      seq: 0,
      published: null,
      publishedAt: 0,
      publishedKey: '',
      dirty: true,
      structural: false,
      timer: null,
      publishing: null,
      operatorSent: new Map(),
      operatorTimer: null,
    };
    const stale: { id: number; at: Date }[] = [];
    for (const bpRow of rows) {
      const bp = this.#fromRow(conference, row, bpRow, now, stale);
      conference.bridgePoints.set(bp.id, bp);
    }
    this.#index(conference, rows);
    conference.units = await loadLiveUnits(this.#orm, conference.bridgePoints.values(), conference.organizingUnitLevel);
    // Intervals left open by a process that stopped long ago end at its last heartbeat (the leader writes them).
    if (this.#leading)
      for (const { id: bridgePointId, at } of stale) void this.recorder.closeInterval(bridgePointId, at);
    if (conference.status === 'ENDED') {
      this.#clearTimers(conference);
      return conference;
    }
    const raced = this.#conferences.get(id);
    if (raced && !options.replace) {
      this.#clearTimers(conference);
      return raced;
    }
    this.#conferences.set(id, conference);
    return conference;
  }

  /** Status of a bridge point from the database alone: who is connected is rebuilt from live connections. */
  #fromRow(
    conference: LiveConference,
    row: ConferenceRow,
    bpRow: BridgePointLoadRow,
    now: number,
    stale: { id: number; at: Date }[],
  ): LiveBridgePoint {
    if (!bpRow.intervalOpen) {
      const status = bpRow.firstConnectedAt ? 'DROPPED' : 'NEVER_CONNECTED';
      return toLiveBridgePoint(bpRow, status, bpRow.lastDisconnectedAt?.getTime() ?? null);
    }
    // Connected when the previous process stopped: unstable from its last heartbeat, so consoles
    // that reconnect within the grace window continue the same interval.
    const lastAlive = Math.min(row.heartbeatAt?.getTime() ?? now, now);
    if (conference.status === 'ENDED' || now - lastAlive >= this.#options.graceMs) {
      stale.push({ id: bpRow.id, at: new Date(lastAlive) });
      return toLiveBridgePoint(bpRow, 'DROPPED', lastAlive);
    }
    const bp = toLiveBridgePoint(bpRow, 'UNSTABLE', lastAlive);
    if (this.#leading) this.#startGrace(conference, bp, this.#options.graceMs - (now - lastAlive));
    return bp;
  }

  #index(conference: LiveConference, rows: BridgePointLoadRow[]): void {
    conference.order = rows.map((r) => r.id);
    conference.codes = new Map(rows.map((r) => [r.checkInCode, r.id]));
  }

  /** Re-reads the conference and its bridge points after a change (keeps who is connected). */
  async reload(id: number, options: { propagate?: boolean } = {}): Promise<void> {
    if (this.#shared && options.propagate !== false) this.#cluster?.send('live:reload', { conferenceId: id });
    const conference = this.#conferences.get(id);
    if (!conference) return;
    const row = await loadConferenceRow(this.#orm, id);
    if (!row) {
      this.#forget(conference);
      return;
    }
    conference.title = row.title;
    conference.scheduledStartAt = row.scheduledStartAt;
    conference.scheduledEndAt = row.scheduledEndAt;
    const rows = await loadBridgePointRows(this.#orm, id);
    const now = Date.now();
    const next = new Map<number, LiveBridgePoint>();
    for (const bpRow of rows) {
      const known = conference.bridgePoints.get(bpRow.id);
      if (known) {
        known.displayName = bpRow.displayName;
        known.host = bpRow.host;
        known.expected = bpRow.expected;
        known.checkInCode = bpRow.checkInCode;
        known.reportedHeadcount = bpRow.reportedHeadcount;
        known.reportedAt = bpRow.reportedAt?.getTime() ?? null;
        known.unitName = bpRow.unitName;
        next.set(known.id, known);
      } else {
        next.set(bpRow.id, this.#fromRow(conference, row, bpRow, now, []));
      }
    }
    for (const [bpId, bp] of conference.bridgePoints) {
      if (!next.has(bpId) && bp.graceTimer) clearTimeout(bp.graceTimer);
    }
    conference.bridgePoints = next;
    this.#index(conference, rows);
    conference.links = await loadOperatorLinks(this.#orm, id);
    conference.units = await loadLiveUnits(this.#orm, next.values(), conference.organizingUnitLevel);
    conference.structural = true;
    this.markDirty(conference);
  }

  #forget(conference: LiveConference): void {
    this.#clearTimers(conference);
    this.#conferences.delete(conference.id);
  }

  /** Whether connections to this conference are still counted and recorded. */
  accepting(conference: LiveConference): boolean {
    return conference.status !== 'ENDED' && !conference.ending && !this.#stopped;
  }

  // ----- operator consoles ----------------------------------------------------------------------

  async consoleConnected(conference: LiveConference, bridgePointId: number, socketId: string): Promise<void> {
    await this.store.addConsole(conference.id, bridgePointId, socketId);
    const bp = conference.bridgePoints.get(bridgePointId);
    if (!bp || !this.accepting(conference)) return;
    // In a cluster the leader sees this console in the shared counts (see #reconcile).
    if (!this.#shared) this.#up(bp);
    this.markDirty(conference);
  }

  async consoleDisconnected(conference: LiveConference, bridgePointId: number, socketId: string): Promise<void> {
    const left = await this.store.removeConsole(conference.id, bridgePointId, socketId);
    const bp = conference.bridgePoints.get(bridgePointId);
    if (!bp || !this.accepting(conference)) return;
    if (!this.#shared && left === 0) this.#down(conference, bp, Date.now());
    this.markDirty(conference);
  }

  /** A console is online: CONNECTED (back within the grace window: the same connected interval goes on). */
  #up(bp: LiveBridgePoint): void {
    if (bp.status === 'CONNECTED') return;
    if (bp.status === 'UNSTABLE') {
      if (bp.graceTimer) clearTimeout(bp.graceTimer);
      bp.graceTimer = null;
    } else {
      void this.recorder.openInterval(bp.id, new Date());
    }
    bp.status = 'CONNECTED';
    bp.downSince = null;
  }

  /** The last console went: UNSTABLE for the grace window, then DROPPED. */
  #down(conference: LiveConference, bp: LiveBridgePoint, at: number): void {
    if (bp.status !== 'CONNECTED') return;
    bp.status = 'UNSTABLE';
    bp.downSince = at;
    this.#startGrace(conference, bp, this.#options.graceMs);
  }

  /** The leader of a cluster: statuses follow the cluster-wide console counts. */
  #reconcile(conference: LiveConference, counts: Map<number, PresenceCount>): void {
    if (!this.accepting(conference)) return;
    const now = Date.now();
    for (const bp of conference.bridgePoints.values()) {
      if ((counts.get(bp.id)?.consoles ?? 0) > 0) this.#up(bp);
      else this.#down(conference, bp, now);
    }
  }

  #startGrace(conference: LiveConference, bp: LiveBridgePoint, delayMs: number): void {
    if (bp.graceTimer) clearTimeout(bp.graceTimer);
    bp.graceTimer = setTimeout(
      () => {
        bp.graceTimer = null;
        if (bp.status !== 'UNSTABLE' || !this.accepting(conference)) return;
        bp.status = 'DROPPED';
        void this.recorder.closeInterval(bp.id, new Date(bp.downSince ?? Date.now()));
        this.markDirty(conference);
      },
      Math.max(0, delayMs),
    );
  }

  /** After the headcount is stored. */
  headcountReported(conference: LiveConference, bridgePointId: number, headcount: number, at: Date): void {
    const bp = conference.bridgePoints.get(bridgePointId);
    if (!bp) return;
    bp.reportedHeadcount = headcount;
    bp.reportedAt = at.getTime();
    this.markDirty(conference);
    if (this.#shared && !this.#leading) {
      this.#cluster?.send('live:headcount', {
        conferenceId: conference.id,
        bridgePointId,
        headcount,
        at: at.toISOString(),
      });
    }
  }

  // ----- participants ---------------------------------------------------------------------------

  /** Records the check-in and counts the participant; resolves with their first-seen time once committed. */
  async participantConnected(
    conference: LiveConference,
    participant: { bridgePointId: number; key: string; name: string; memberNumber: string | null; socketId: string },
  ): Promise<Date> {
    const committed = this.recorder.checkIn(
      {
        conferenceId: conference.id,
        bridgePointId: participant.bridgePointId,
        participantKey: participant.key,
        name: participant.name,
        memberNumber: participant.memberNumber,
      },
      new Date(),
    );
    await this.store.addParticipant(conference.id, participant.bridgePointId, participant.key, participant.socketId);
    this.markDirty(conference);
    return committed;
  }

  async participantDisconnected(
    conference: LiveConference,
    participant: { bridgePointId: number; key: string; socketId: string },
  ): Promise<void> {
    if (this.accepting(conference)) void this.recorder.seen(participant.bridgePointId, participant.key, new Date());
    await this.store.removeParticipant(conference.id, participant.bridgePointId, participant.key, participant.socketId);
    this.markDirty(conference);
  }

  // ----- computing and publishing ---------------------------------------------------------------

  async #rows(conference: LiveConference): Promise<LiveBridgePointRow[]> {
    const counts = await this.store.counts(conference.id);
    if (this.#shared && this.#leading) this.#reconcile(conference, counts);
    return rowsOf(conference, counts);
  }

  /** Raises the conference's and the bridge points' peaks (only while LIVE). */
  #trackPeaks(
    conference: LiveConference,
    rows: LiveBridgePointRow[],
    totals: LiveTotals,
    now: number,
    ending = false,
  ): void {
    if (conference.status !== 'LIVE' || (conference.ending && !ending)) return;
    if (!conference.peak || totals.present > conference.peak.present) {
      conference.peak = { present: totals.present, at: now };
      conference.peakDirty = true;
    }
    for (const row of rows) {
      const bp = conference.bridgePoints.get(row.id);
      if (bp && (row.present > bp.peak || (bp.peakAt === null && row.present > 0))) {
        bp.peak = row.present;
        bp.peakAt = now;
        bp.peakDirty = true;
      }
    }
  }

  #peakOut(conference: LiveConference) {
    return conference.peak
      ? { present: conference.peak.present, at: new Date(conference.peak.at).toISOString() }
      : null;
  }

  /** Asks for a publication of this conference's state within the coalescing window. */
  markDirty(conference: LiveConference): void {
    conference.dirty = true;
    if (conference.timer || conference.publishing || this.#stopped || !this.#leading) return;
    const wait = Math.max(0, conference.publishedAt + this.#options.publishMs - Date.now());
    conference.timer = setTimeout(() => {
      conference.timer = null;
      void this.#publish(conference);
    }, wait);
  }

  #publish(conference: LiveConference): Promise<void> {
    if (conference.publishing) return conference.publishing;
    conference.publishing = this.#doPublish(conference)
      .catch((error: unknown) => this.#log.error({ err: error, conferenceId: conference.id }, 'live publish failed'))
      .finally(() => {
        conference.publishing = null;
        if (conference.dirty && !this.#stopped) this.markDirty(conference);
      });
    return conference.publishing;
  }

  async #doPublish(conference: LiveConference): Promise<void> {
    conference.dirty = false;
    const structural = conference.structural;
    conference.structural = false;
    const rows = await this.#rows(conference);
    // Everything these rows reflect was queued before this point: publish only once it is stored.
    await this.recorder.flush();
    const now = Date.now();
    const totals = liveTotals(rows);
    this.#trackPeaks(conference, rows, totals, now);
    const previous = conference.published;
    const changed: LiveBridgePointRow[] = [];
    const next = new Map<number, LiveBridgePointRow>();
    for (const row of rows) {
      next.set(row.id, row);
      const before = previous?.get(row.id);
      if (!before || !sameRow(before, row)) changed.push(row);
    }
    const peak = this.#peakOut(conference);
    const key = JSON.stringify([conference.status, totals, peak]);
    conference.published = next;
    conference.publishedAt = now;
    if (!previous || structural) {
      conference.seq += 1;
      conference.publishedKey = key;
      const snapshot = this.#snapshotOf(conference, rows, totals, now);
      this.#emitter.dashboardSnapshot(conference.id, snapshot);
      if (this.#shared) this.#cluster?.send('live:published', { full: true, changes: snapshotChanges(snapshot) });
    } else if (changed.length > 0 || key !== conference.publishedKey) {
      conference.seq += 1;
      conference.publishedKey = key;
      const changes: LiveChanges = {
        conferenceId: conference.id,
        status: conference.status,
        seq: conference.seq,
        at: new Date(now).toISOString(),
        totals,
        peak,
        bridgePoints: changed,
      };
      this.#emitter.dashboardChanges(conference.id, changes);
      if (this.#shared) this.#cluster?.send('live:published', { full: false, changes });
    }
    this.#sendOperatorStates(conference, now);
  }

  /**
   * Each bridge point's consoles hear of a change of status, consoles or reported headcount at once;
   * of check-ins and presence (which move with every participant in a join storm) at most once a
   * second — one message per console per second instead of four.
   */
  #sendOperatorStates(conference: LiveConference, now: number): void {
    let waiting = false;
    for (const row of conference.published?.values() ?? []) {
      const state = operatorState(row);
      const sent = conference.operatorSent.get(row.id);
      if (sent && sameOperatorState(sent.state, state)) continue;
      const urgent =
        !sent ||
        sent.state.status !== state.status ||
        sent.state.consoles !== state.consoles ||
        sent.state.reportedHeadcount !== state.reportedHeadcount;
      if (urgent || now - sent.at >= OPERATOR_STATE_MS) {
        conference.operatorSent.set(row.id, { state, at: now });
        this.#emitter.operatorState(row.id, state);
      } else {
        waiting = true;
      }
    }
    if (waiting && conference.operatorTimer === null && !this.#stopped) {
      conference.operatorTimer = setTimeout(() => {
        conference.operatorTimer = null;
        if (this.#conferences.get(conference.id) === conference) this.#sendOperatorStates(conference, Date.now());
      }, OPERATOR_STATE_MS);
      conference.operatorTimer.unref();
    }
  }

  #snapshotOf(conference: LiveConference, rows: LiveBridgePointRow[], totals: LiveTotals, at: number): LiveSnapshot {
    return {
      conferenceId: conference.id,
      status: conference.status,
      seq: conference.seq,
      at: new Date(at).toISOString(),
      totals,
      peak: this.#peakOut(conference),
      bridgePoints: rows,
      units: conference.units,
      organizingUnitLevel: conference.organizingUnitLevel,
    };
  }

  /**
   * The state last published to dashboards (publishing first if nothing was yet or changes are
   * waiting), so a dashboard that joins now continues exactly with the next `dashboard:changes`.
   */
  async publishedSnapshot(conference: LiveConference): Promise<LiveSnapshot> {
    // An ended conference is not kept in memory: nothing is published for it any more.
    if (this.#conferences.get(conference.id) !== conference) return this.#computedSnapshot(conference);
    if (this.#shared && !this.#leading) {
      // The leader's state, or (no leader answering) our best account of it.
      if (!(await this.#awaitReplica(conference))) return this.#computedSnapshot(conference);
    } else {
      while (conference.publishing) await conference.publishing;
      if (!conference.published) await this.#publish(conference);
    }
    const rows = conference.order
      .map((id) => conference.published?.get(id))
      .filter((r): r is LiveBridgePointRow => !!r);
    const totals = liveTotals(rows);
    return this.#snapshotOf(conference, rows, totals, conference.publishedAt || Date.now());
  }

  /**
   * The state now (GraphQL): the same computation as the published one. In a cluster, the published
   * state itself, so GraphQL on any process says what every dashboard shows.
   */
  async currentSnapshot(conference: LiveConference): Promise<LiveSnapshot> {
    if (this.#shared) return this.publishedSnapshot(conference);
    return this.#computedSnapshot(conference);
  }

  async #computedSnapshot(conference: LiveConference): Promise<LiveSnapshot> {
    if (this.#shared && !this.#leading) {
      // No leader's state: the shared counts (or ours alone, without the database) with the statuses we know.
      const counts = await this.store.counts(conference.id).catch(() => this.#localCounts(conference.id));
      const rows = rowsOf(conference, counts, true);
      return this.#snapshotOf(conference, rows, liveTotals(rows), Date.now());
    }
    const rows = await this.#rows(conference);
    const totals = liveTotals(rows);
    const now = Date.now();
    this.#trackPeaks(conference, rows, totals, now);
    return this.#snapshotOf(conference, rows, totals, now);
  }

  /** One operator's view of their bridge point. */
  async operatorState(conference: LiveConference, bridgePointId: number): Promise<OperatorState | null> {
    const bp = conference.bridgePoints.get(bridgePointId);
    if (!bp) return null;
    if (this.#shared) {
      // The published row (the next publication brings this console in); before any, our own count.
      const row = conference.published?.get(bridgePointId);
      if (row) return operatorState(row);
      const local = this.store.localCount(conference.id, bridgePointId);
      const status = local.consoles > 0 ? 'CONNECTED' : bp.status;
      return {
        status,
        consoles: local.consoles,
        reportedHeadcount: bp.reportedHeadcount,
        checkIns: local.participants,
        present: presentOf(status, bp.reportedHeadcount, local.participants),
      };
    }
    // One process: its own count is the count.
    const count = this.store.localCount(conference.id, bridgePointId);
    return {
      status: bp.status,
      consoles: count.consoles,
      reportedHeadcount: bp.reportedHeadcount,
      checkIns: count.participants,
      present: presentOf(bp.status, bp.reportedHeadcount, count.participants),
    };
  }

  #localCounts(conferenceId: number): Promise<Map<number, PresenceCount>> {
    const store = this.store as PresenceStore & { localCounts?: (id: number) => Promise<Map<number, PresenceCount>> };
    return store.localCounts ? store.localCounts(conferenceId) : store.counts(conferenceId);
  }

  // ----- lifecycle ------------------------------------------------------------------------------

  /** After a conference started (committed). */
  async conferenceStarted(id: number): Promise<void> {
    if (this.#shared) this.#cluster?.send('live:started', { conferenceId: id });
    const conference = await this.#applyStarted(id);
    if (conference) this.#emitter.statusChanged(statusEvent(conference));
  }

  async #applyStarted(id: number): Promise<LiveConference | null> {
    const conference = await this.conference(id);
    if (!conference) return null;
    const row = await loadConferenceRow(this.#orm, id);
    if (!row) return null;
    conference.status = row.status;
    conference.startedAt = row.startedAt;
    this.markDirty(conference);
    return conference;
  }

  /**
   * Ending, step 1 (before the transaction): nothing more is recorded for this conference and what
   * is queued is written. Returns the state the end transaction freezes.
   */
  async beginEnding(id: number): Promise<LiveConference | null> {
    const conference = await this.conference(id);
    if (!conference) return null;
    conference.ending = true;
    // In a cluster every process stops recording and writes what it queued; the leader its peaks.
    const others = this.#shared ? this.#cluster?.request('live:ending', { conferenceId: id }, 5000) : undefined;
    await Promise.all([this.recorder.flush(), others?.catch(() => undefined)]);
    return conference;
  }

  /** Ending, step 1 undone (the end transaction failed). */
  abortEnding(conference: LiveConference): void {
    conference.ending = false;
    if (this.#shared) this.#cluster?.send('live:ending-aborted', { conferenceId: conference.id });
  }

  /**
   * Ending, step 2 (inside the end transaction): closes connected intervals, stamps the participants
   * still online as last seen at the end, stores the final sample and the peaks.
   */
  async freeze(em: EntityManager, conference: LiveConference, endedAt: Date): Promise<void> {
    // A follower's statuses are the leader's last published ones (see #applyPublished).
    const rows = await this.#rows(conference);
    const totals = liveTotals(rows);
    this.#trackPeaks(conference, rows, totals, endedAt.getTime(), true);
    const unstable = rows.filter((row) => row.status === 'UNSTABLE');
    if (unstable.length > 0) {
      await query(
        em,
        sql`update bridge_point_interval i set disconnected_at = greatest(i.connected_at, v.at)
              from unnest(${unstable.map((row) => row.id)}::int[],
                          ${unstable.map((row) => row.downSince ?? endedAt.toISOString())}::timestamptz[])
                   as v(bp, at)
             where i.bridge_point_id = v.bp and i.disconnected_at is null`,
      );
    }
    await query(
      em,
      sql`update bridge_point_interval i set disconnected_at = greatest(i.connected_at, ${endedAt}::timestamptz)
            from bridge_point b
           where b.id = i.bridge_point_id and b.conference_id = ${conference.id} and i.disconnected_at is null`,
    );
    const online = await this.store.participantsOnline(conference.id);
    for (let i = 0; i < online.length; i += 1000) {
      const chunk = online.slice(i, i + 1000);
      await query(
        em,
        sql`update check_in c set last_seen_at = greatest(c.last_seen_at, ${endedAt}::timestamptz)
              from unnest(${chunk.map((o) => o.bridgePointId)}::int[], ${chunk.map((o) => o.participantKey)}::text[])
                   as v(bp, key)
             where c.bridge_point_id = v.bp and c.participant_key = v.key`,
      );
    }
    if (conference.status === 'LIVE') await this.#writeSample(em, conference, totals, endedAt);
    await this.#writePeaks(em, conference);
  }

  /** Ending, step 3 (after commit): final state to dashboards, everyone else disconnected. */
  async conferenceEnded(conference: LiveConference, endedAt: Date): Promise<void> {
    if (this.#shared)
      this.#cluster?.send('live:ended', { conferenceId: conference.id, endedAt: endedAt.toISOString() });
    conference.status = 'ENDED';
    conference.endedAt = endedAt;
    for (const bp of conference.bridgePoints.values()) {
      if (bp.graceTimer) clearTimeout(bp.graceTimer);
      bp.graceTimer = null;
      if (bp.status === 'CONNECTED' || bp.status === 'UNSTABLE') {
        bp.downSince = bp.status === 'UNSTABLE' ? (bp.downSince ?? endedAt.getTime()) : endedAt.getTime();
        bp.status = 'DROPPED';
      }
    }
    await this.store.clear(conference.id);
    this.#emitter.statusChanged(statusEvent(conference));
    this.#clearTimers(conference);
    while (conference.publishing) await conference.publishing;
    await this.#publish(conference);
    this.#emitter.disconnectConference(conference.id);
    this.#conferences.delete(conference.id);
  }

  /** Another process ended the conference: forget it here (it published the final state). */
  async #applyEnded(id: number, endedAt: Date): Promise<void> {
    const conference = this.#conferences.get(id);
    if (!conference) return;
    conference.status = 'ENDED';
    conference.endedAt = endedAt;
    this.#clearTimers(conference);
    this.#conferences.delete(id);
    await this.store.clear(id);
  }

  /** After an operator link was rotated or revoked (committed). */
  operatorLinkRevoked(bridgePointId: number): void {
    this.#emitter.disconnectOperators(
      bridgePointId,
      'Liên kết điều hành đã được thay hoặc thu hồi / this operator link was replaced or revoked',
    );
  }

  // ----- the timeline ---------------------------------------------------------------------------

  async #sample(): Promise<void> {
    if (!this.#leading) return;
    // In a cluster a lost message must not leave a status behind: everything is counted again now and then.
    if (this.#shared) {
      for (const conference of this.#conferences.values()) {
        this.markDirty(conference);
        if (conference.published) this.#cluster?.send('live:seq', { conferenceId: conference.id, seq: conference.seq });
      }
    }
    const live = [...this.#conferences.values()].filter((c) => c.status === 'LIVE' && !c.ending);
    if (live.length === 0 || this.#stopped) return;
    const at = new Date();
    try {
      const work: { conference: LiveConference; totals: LiveTotals }[] = [];
      for (const conference of live) {
        const rows = await this.#rows(conference);
        const totals = liveTotals(rows);
        this.#trackPeaks(conference, rows, totals, at.getTime());
        work.push({ conference, totals });
      }
      await this.#orm.em.fork().transactional(async (em) => {
        for (const { conference, totals } of work) {
          await this.#writeSample(em, conference, totals, at);
          await this.#writePeaks(em, conference);
        }
      });
    } catch (error) {
      this.#log.warn({ err: error }, 'live counter: timeline sample failed');
    }
  }

  async #writeSample(em: EntityManager, conference: LiveConference, totals: LiveTotals, at: Date): Promise<void> {
    await query(
      em,
      sql`insert into conference_sample (conference_id, sampled_at, bridge_points, connected, unstable, present,
                                         expected, check_ins, reported)
          values (${conference.id}, ${at}, ${totals.bridgePoints}, ${totals.connected}, ${totals.unstable},
                  ${totals.present}, ${totals.expected}, ${totals.checkIns}, ${totals.reported})
          on conflict do nothing`,
    );
    await query(em, sql`update conference set heartbeat_at = ${at} where id = ${conference.id}`);
  }

  async #writePeaks(em: EntityManager, conference: LiveConference): Promise<void> {
    if (conference.peakDirty && conference.peak) {
      await query(
        em,
        sql`update conference set peak_present = ${conference.peak.present}, peak_present_at = ${new Date(conference.peak.at)}
             where id = ${conference.id} and (peak_present < ${conference.peak.present} or peak_present_at is null)`,
      );
      conference.peakDirty = false;
    }
    const dirty = [...conference.bridgePoints.values()].filter((bp) => bp.peakDirty && bp.peakAt !== null);
    if (dirty.length === 0) return;
    await query(
      em,
      sql`update bridge_point b set peak_present = v.peak, peak_present_at = v.at
            from unnest(${dirty.map((bp) => bp.id)}::int[], ${dirty.map((bp) => bp.peak)}::int[],
                        ${dirty.map((bp) => new Date(bp.peakAt!).toISOString())}::timestamptz[]) as v(id, peak, at)
           where b.id = v.id and (b.peak_present < v.peak or b.peak_present_at is null)`,
    );
    for (const bp of dirty) bp.peakDirty = false;
  }
}

/**
 * Rows of the conference's bridge points, in display order, from presence counts. `guess`: a process
 * that is not deciding reports a console it can see as connected, and a bridge point it last knew
 * connected without one as unstable.
 */
function rowsOf(conference: LiveConference, counts: Map<number, PresenceCount>, guess = false): LiveBridgePointRow[] {
  const rows: LiveBridgePointRow[] = [];
  for (const bpId of conference.order) {
    const bp = conference.bridgePoints.get(bpId);
    if (!bp) continue;
    const count = counts.get(bpId) ?? noCount;
    let status = bp.status;
    if (guess) status = count.consoles > 0 ? 'CONNECTED' : status === 'CONNECTED' ? 'UNSTABLE' : status;
    rows.push({
      id: bp.id,
      unitId: bp.unitId,
      unitPath: bp.unitPath,
      displayName: bp.displayName,
      host: bp.host,
      status,
      consoles: count.consoles,
      reportedHeadcount: bp.reportedHeadcount,
      checkIns: count.participants,
      present: presentOf(status, bp.reportedHeadcount, count.participants),
      expected: bp.expected,
      downSince: bp.downSince === null ? null : new Date(bp.downSince).toISOString(),
    });
  }
  return rows;
}

function snapshotChanges(snapshot: LiveSnapshot): LiveChanges {
  return {
    conferenceId: snapshot.conferenceId,
    status: snapshot.status,
    seq: snapshot.seq,
    at: snapshot.at,
    totals: snapshot.totals,
    peak: snapshot.peak,
    bridgePoints: snapshot.bridgePoints,
  };
}

function sameRow(a: LiveBridgePointRow, b: LiveBridgePointRow): boolean {
  return (
    a.status === b.status &&
    a.consoles === b.consoles &&
    a.reportedHeadcount === b.reportedHeadcount &&
    a.checkIns === b.checkIns &&
    a.present === b.present &&
    a.expected === b.expected &&
    a.downSince === b.downSince &&
    a.displayName === b.displayName &&
    a.host === b.host
  );
}

/** The conferences a presence report touches. */
function conferencesOf(stored: StoredPresence): Set<number> {
  return new Set([...stored.changes.map((c) => c.conferenceId), ...(stored.resync ?? [])]);
}

function sameOperatorState(a: OperatorState, b: OperatorState): boolean {
  return (
    a.status === b.status &&
    a.consoles === b.consoles &&
    a.reportedHeadcount === b.reportedHeadcount &&
    a.checkIns === b.checkIns &&
    a.present === b.present
  );
}

function operatorState(row: LiveBridgePointRow): OperatorState {
  return {
    status: row.status,
    consoles: row.consoles,
    reportedHeadcount: row.reportedHeadcount,
    checkIns: row.checkIns,
    present: row.present,
  };
}
