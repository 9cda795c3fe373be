import type { Logger } from 'pino';
import type { ClusterNode } from './cluster.ts';
import {
  InMemoryPresenceStore,
  type PresenceChange,
  type PresenceCount,
  type PresenceStore,
  type StoredPresence,
} from './presence.store.ts';

type Change = PresenceChange;
type Kind = Change['kind'];

/**
 * The leader's running count of one conference, kept from the changes every process reports (and
 * read whole from the table when it starts, after a resync, and every half minute): each presence
 * key with the processes that hold it, and per bridge point how many keys are present. A change costs
 * a map lookup; counting 134,000 rows four times a second would not.
 */
type Tally = { keys: Map<string, Set<string>>; counts: Map<number, PresenceCount>; loadedAt: number };

const TALLY_REFRESH_MS = 30_000;
/**
 * After the database came back, a message from another process may have been lost (its resync sent
 * before our LISTEN connection was back): for a while the tallies are read again every second
 * instead of every half minute.
 */
const SETTLING_MS = 15_000;
const SETTLING_REFRESH_MS = 1000;

const FLUSH_DELAY_MS = 20;
const MAX_QUEUED = 2000;
const RESYNC_CHUNK = 5000;

/**
 * Presence shared by the processes of a cluster. This process's own connections are kept in memory
 * (the truth for its sockets, answering at once) and mirrored into the UNLOGGED `live_presence`
 * table: one row per console socket, one per participant key per process, written in batches a few
 * milliseconds after the change. Counts are read from the table, so a participant on two processes
 * and a bridge point with consoles on two processes count once, everywhere.
 *
 * A write that fails (the database restarted) is not retried piecemeal: the process replaces all its
 * rows with what it holds now once the database answers again (`resync`).
 */
export class PostgresPresenceStore implements PresenceStore {
  readonly shared = true;
  readonly #local = new InMemoryPresenceStore();
  readonly #node: ClusterNode;
  readonly #log: Logger;
  readonly #queue = new Map<string, Change>();
  #timer: NodeJS.Timeout | null = null;
  #flushing: Promise<void> = Promise.resolve();
  #resyncNeeded = false;
  #listener: (stored: StoredPresence) => void = () => undefined;
  #recounted: (conferenceId: number) => void = () => undefined;
  #leading = false;
  #settlingUntil = 0;
  readonly #tallies = new Map<number, Tally>();
  readonly #loadingTally = new Map<number, Promise<Tally>>();
  /** Changes heard while a tally is being read: applied to it once it is there. */
  readonly #heardWhileLoading = new Map<number, { node: string; change: Change }[]>();
  /**
   * Bumped whenever a conference's rows are replaced under a tally (a resync, a purge, the end): a
   * tally read meanwhile may hold rows that are gone, and is read again.
   */
  readonly #generations = new Map<number, number>();

  constructor(node: ClusterNode, log: Logger) {
    this.#node = node;
    this.#log = log.child({ component: 'presence' });
  }

  /** Called after changes reached the table (the leader's tally must hear of them). */
  onStored(listener: (stored: StoredPresence) => void): void {
    this.#listener = listener;
  }

  /** Leader: a tally read again came out different from the one kept (a change had been missed). */
  onRecounted(listener: (conferenceId: number) => void): void {
    this.#recounted = listener;
  }

  /** The leader keeps tallies; anyone else forgets theirs (a new leader starts from the table). */
  setLeading(leading: boolean): void {
    this.#leading = leading;
    this.#tallies.clear();
  }

  /** Messages may have been lost (the database came back): read the tallies often for a while. */
  settle(): void {
    this.#settlingUntil = Date.now() + SETTLING_MS;
  }

  /** Another process stored these changes (or replaced all its rows). */
  applyRemote(stored: StoredPresence): void {
    if (!this.#leading) return;
    for (const id of stored.resync ?? []) this.#invalidate(id);
    this.#apply(stored.node, stored.changes);
  }

  /** Processes that stopped heartbeating were deleted with their rows. */
  dropNodes(nodeIds: string[]): void {
    if (!this.#leading || nodeIds.length === 0) return;
    const gone = new Set(nodeIds);
    // A tally being read may hold rows the purge has just deleted: it is read again.
    for (const id of this.#loadingTally.keys()) this.#bumpGeneration(id);
    for (const tally of this.#tallies.values()) {
      for (const [k, holders] of tally.keys) {
        let changed = false;
        for (const node of gone) changed = holders.delete(node) || changed;
        if (changed && holders.size === 0) this.#forgetKey(tally, k);
      }
    }
  }

  #apply(node: string, changes: Change[]): void {
    for (const change of changes) {
      // Being read right now (for the first time, or again): the read may or may not hold this change,
      // so it is applied again to what is read. Each change sets one key's holder to present or not,
      // so replaying them in order on any earlier state gives the state after them.
      this.#heardWhileLoading.get(change.conferenceId)?.push({ node, change });
      const tally = this.#tallies.get(change.conferenceId);
      // Not counted yet: read whole from the table when first needed, with this change in it.
      if (!tally) continue;
      const k = `${change.bridgePointId}|${change.kind}|${change.key}`;
      const holders = tally.keys.get(k);
      if (change.add) {
        if (holders) holders.add(node);
        else {
          tally.keys.set(k, new Set([node]));
          this.#bump(tally, change.bridgePointId, change.kind, 1);
        }
      } else if (holders?.delete(node) && holders.size === 0) {
        this.#forgetKey(tally, k);
      }
    }
  }

  #forgetKey(tally: Tally, k: string): void {
    tally.keys.delete(k);
    const [bp, kind] = k.split('|', 2);
    this.#bump(tally, Number(bp), kind as Kind, -1);
  }

  #bump(tally: Tally, bridgePointId: number, kind: Kind, by: number): void {
    const count = tally.counts.get(bridgePointId) ?? { consoles: 0, participants: 0 };
    if (kind === 'c') count.consoles += by;
    else count.participants += by;
    if (count.consoles === 0 && count.participants === 0) tally.counts.delete(bridgePointId);
    else tally.counts.set(bridgePointId, count);
  }

  /** The leader's tally of a conference, read whole from the table when missing or old. */
  #tally(conferenceId: number): Promise<Tally> {
    const known = this.#tallies.get(conferenceId);
    const refreshMs = Date.now() < this.#settlingUntil ? SETTLING_REFRESH_MS : TALLY_REFRESH_MS;
    if (known && Date.now() - known.loadedAt < refreshMs) return Promise.resolve(known);
    let loading = this.#loadingTally.get(conferenceId);
    if (!loading) {
      loading = this.#loadTally(conferenceId).finally(() => this.#loadingTally.delete(conferenceId));
      this.#loadingTally.set(conferenceId, loading);
    }
    return loading;
  }

  #bumpGeneration(conferenceId: number): void {
    this.#generations.set(conferenceId, (this.#generations.get(conferenceId) ?? 0) + 1);
  }

  /** The conference's rows were replaced: its tally is read again when next needed. */
  #invalidate(conferenceId: number): void {
    this.#tallies.delete(conferenceId);
    this.#bumpGeneration(conferenceId);
  }

  async #loadTally(conferenceId: number): Promise<Tally> {
    for (let attempt = 1; ; attempt += 1) {
      const generation = this.#generations.get(conferenceId) ?? 0;
      const heard: { node: string; change: Change }[] = [];
      this.#heardWhileLoading.set(conferenceId, heard);
      let tally: Tally;
      try {
        tally = await this.#readTally(conferenceId);
      } finally {
        this.#heardWhileLoading.delete(conferenceId);
      }
      // Rows replaced while reading (a resync, a purge): read again, a few times at most.
      if ((this.#generations.get(conferenceId) ?? 0) !== generation && attempt < 3) continue;
      // From now on changes apply to it; those heard while reading are applied in order (set
      // operations: one already in the table changes nothing, one after it brings the tally up to date).
      if (this.#leading) {
        const kept = this.#tallies.get(conferenceId);
        this.#tallies.set(conferenceId, tally);
        for (const { node, change } of heard) this.#apply(node, [change]);
        if (kept && !sameCounts(kept.counts, tally.counts)) this.#recounted(conferenceId);
      }
      return tally;
    }
  }

  async #readTally(conferenceId: number): Promise<Tally> {
    const { rows } = await this.#node.pool.query<{ bp: number; kind: Kind; key: string; node: string }>(
      `select bridge_point_id as bp, kind, key, node_id as node from live_presence where conference_id = $1`,
      [conferenceId],
    );
    const tally: Tally = { keys: new Map(), counts: new Map(), loadedAt: Date.now() };
    for (const row of rows) {
      const k = `${row.bp}|${row.kind}|${row.key}`;
      const holders = tally.keys.get(k);
      if (holders) holders.add(row.node);
      else {
        tally.keys.set(k, new Set([row.node]));
        this.#bump(tally, row.bp, row.kind, 1);
      }
    }
    return tally;
  }

  get resyncNeeded(): boolean {
    return this.#resyncNeeded;
  }

  #enqueue(change: Change): void {
    this.#queue.set(`${change.conferenceId}|${change.bridgePointId}|${change.kind}|${change.key}`, change);
    if (this.#queue.size >= MAX_QUEUED) {
      void this.flush();
      return;
    }
    this.#timer ??= setTimeout(() => {
      this.#timer = null;
      void this.flush();
    }, FLUSH_DELAY_MS);
  }

  async addConsole(conferenceId: number, bridgePointId: number, socketId: string): Promise<number> {
    const n = await this.#local.addConsole(conferenceId, bridgePointId, socketId);
    this.#enqueue({ add: true, conferenceId, bridgePointId, kind: 'c', key: socketId });
    return n;
  }

  async removeConsole(conferenceId: number, bridgePointId: number, socketId: string): Promise<number> {
    const n = await this.#local.removeConsole(conferenceId, bridgePointId, socketId);
    this.#enqueue({ add: false, conferenceId, bridgePointId, kind: 'c', key: socketId });
    return n;
  }

  async addParticipant(conferenceId: number, bridgePointId: number, key: string, socketId: string): Promise<number> {
    const n = await this.#local.addParticipant(conferenceId, bridgePointId, key, socketId);
    if (n === 1) this.#enqueue({ add: true, conferenceId, bridgePointId, kind: 'p', key });
    return n;
  }

  async removeParticipant(conferenceId: number, bridgePointId: number, key: string, socketId: string): Promise<number> {
    const n = await this.#local.removeParticipant(conferenceId, bridgePointId, key, socketId);
    if (n === 0) this.#enqueue({ add: false, conferenceId, bridgePointId, kind: 'p', key });
    return n;
  }

  /** Writes what is queued (or everything, after a failure); resolves once it is stored or has failed. */
  flush(): Promise<void> {
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    this.#flushing = this.#flushing.then(() => (this.#resyncNeeded ? this.#resync() : this.#write()));
    return this.#flushing;
  }

  /** After the database came back (or this node was registered anew): all our rows, replaced at once. */
  requestResync(): Promise<void> {
    this.#resyncNeeded = true;
    return this.flush();
  }

  async #write(): Promise<void> {
    if (this.#queue.size === 0) return;
    const changes = [...this.#queue.values()];
    this.#queue.clear();
    const adds = changes.filter((c) => c.add);
    const removes = changes.filter((c) => !c.add);
    const cols = (list: Change[]) => [
      list.map((c) => c.conferenceId),
      list.map((c) => c.bridgePointId),
      list.map((c) => c.kind),
      list.map((c) => c.key),
    ];
    try {
      await this.#node.pool.query(
        `with removed as (
           delete from live_presence p
            using unnest($2::int[], $3::int[], $4::text[], $5::text[]) as v(c, b, k, key)
            where p.conference_id = v.c and p.bridge_point_id = v.b and p.kind = v.k and p.key = v.key
              and p.node_id = $1)
         insert into live_presence (conference_id, bridge_point_id, kind, key, node_id)
         select v.c, v.b, v.k, v.key, $1 from unnest($6::int[], $7::int[], $8::text[], $9::text[]) as v(c, b, k, key)
         on conflict do nothing`,
        [this.#node.id, ...cols(removes), ...cols(adds)],
      );
    } catch (error) {
      this.#log.warn({ err: error }, 'presence write failed; will resend all presence');
      this.#resyncNeeded = true;
      return;
    }
    if (this.#leading) this.#apply(this.#node.id, changes);
    this.#listener({ node: this.#node.id, changes });
  }

  async #resync(): Promise<void> {
    // What is queued is part of what we hold now.
    this.#queue.clear();
    const rows: Omit<Change, 'add'>[] = [];
    for (const conferenceId of this.#local.conferenceIds()) {
      for (const row of this.#local.entries(conferenceId)) rows.push({ conferenceId, ...row });
    }
    const client = await this.#node.pool.connect().catch((error: unknown) => {
      this.#log.debug({ err: error }, 'presence resync: database unreachable');
      return null;
    });
    if (!client) return;
    try {
      await client.query('begin');
      await client.query('delete from live_presence where node_id = $1', [this.#node.id]);
      for (let i = 0; i < rows.length; i += RESYNC_CHUNK) {
        const chunk = rows.slice(i, i + RESYNC_CHUNK);
        await client.query(
          `insert into live_presence (conference_id, bridge_point_id, kind, key, node_id)
           select v.c, v.b, v.k, v.key, $1 from unnest($2::int[], $3::int[], $4::text[], $5::text[]) as v(c, b, k, key)
           on conflict do nothing`,
          [
            this.#node.id,
            chunk.map((c) => c.conferenceId),
            chunk.map((c) => c.bridgePointId),
            chunk.map((c) => c.kind),
            chunk.map((c) => c.key),
          ],
        );
      }
      await client.query('commit');
      this.#resyncNeeded = false;
      this.#log.info({ rows: rows.length }, 'presence resent');
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      this.#log.warn({ err: error }, 'presence resync failed; will retry');
      return;
    } finally {
      client.release();
    }
    const conferences = [...this.#local.conferenceIds()];
    if (this.#leading) for (const id of conferences) this.#invalidate(id);
    this.#listener({ node: this.#node.id, changes: [], resync: conferences });
  }

  async counts(conferenceId: number): Promise<Map<number, PresenceCount>> {
    await this.flush();
    if (this.#leading) {
      const tally = await this.#tally(conferenceId);
      return new Map([...tally.counts].map(([bp, c]) => [bp, { ...c }]));
    }
    const { rows } = await this.#node.pool.query<{ bp: number; consoles: number; participants: number }>(
      `select bridge_point_id as bp, count(*) filter (where kind = 'c')::int as consoles,
              count(distinct key) filter (where kind = 'p')::int as participants
         from live_presence where conference_id = $1 group by bridge_point_id`,
      [conferenceId],
    );
    return new Map(rows.map((r) => [r.bp, { consoles: r.consoles, participants: r.participants }]));
  }

  /** This process's own connections only (no database): what it can say when the database is away. */
  localCounts(conferenceId: number): Promise<Map<number, PresenceCount>> {
    return this.#local.counts(conferenceId);
  }

  localCount(conferenceId: number, bridgePointId: number): PresenceCount {
    return this.#local.localCount(conferenceId, bridgePointId);
  }

  async participantsOnline(conferenceId: number): Promise<{ bridgePointId: number; participantKey: string }[]> {
    await this.flush();
    const { rows } = await this.#node.pool.query<{ bridgePointId: number; participantKey: string }>(
      `select distinct bridge_point_id as "bridgePointId", key as "participantKey"
         from live_presence where conference_id = $1 and kind = 'p'`,
      [conferenceId],
    );
    return rows;
  }

  async clear(conferenceId: number): Promise<void> {
    this.#invalidate(conferenceId);
    await this.#local.clear(conferenceId);
    for (const [key, change] of this.#queue) if (change.conferenceId === conferenceId) this.#queue.delete(key);
    await this.#node.pool
      .query('delete from live_presence where conference_id = $1', [conferenceId])
      .catch((error: unknown) => this.#log.warn({ err: error }, 'presence clear failed'));
  }
}

function sameCounts(a: Map<number, PresenceCount>, b: Map<number, PresenceCount>): boolean {
  if (a.size !== b.size) return false;
  for (const [bp, count] of a) {
    const other = b.get(bp);
    if (!other || other.consoles !== count.consoles || other.participants !== count.participants) return false;
  }
  return true;
}
