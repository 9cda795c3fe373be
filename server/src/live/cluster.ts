import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Logger } from 'pino';

/** The advisory lock whose holder is the cluster's live leader (any 64-bit number, fixed for the product). */
const LEADER_LOCK = 4216023517n;
/**
 * The first key of each process's liveness lock (two-key advisory lock; the second key is a hash of
 * the process's identity, `hashtext(id) & 0x7fffffff`). A process holds it on its own connection
 * for as long as it lives; PostgreSQL releases it the moment that connection closes — a SIGKILL, a
 * crash — so the leader sees a dead process without waiting for its heartbeats to lapse.
 */
const NODE_LOCK_CLASS = 421602;

/** `pg_locks` rows of the liveness lock of the node `n` (two-key lock: classid, objid, objsubid 2). */
const LIVENESS_LOCK_OF_N = `l.locktype = 'advisory' and l.granted and l.objsubid = 2
  and l.database = (select oid from pg_database where datname = current_database())
  and l.classid = ${NODE_LOCK_CLASS}::int4::oid and l.objid = (hashtext(n.id::text) & 2147483647)::oid`;

export type ClusterNodeOptions = {
  /** Names the slot this process fills (host:port, worker 3 …): a restart in the same slot purges the old identity at once. */
  label: string;
  /** How often this process proves it is alive. */
  heartbeatMs: number;
  /**
   * A process silent this long is dead: its presence is deleted. One whose liveness lock is released
   * (its database connection closed: killed, crashed) is deleted sooner, once it missed two heartbeats.
   */
  expiryMs: number;
};

export type ClusterNodeEvents = {
  /** This process became the leader (true) or stopped being it (false). */
  leading: (leading: boolean) => void;
  /** The database answers again after failing, or this process had been purged and registered anew. */
  recovered: () => void;
  /** Leader only: processes that stopped heartbeating were deleted with their presence. */
  purged: (nodeIds: string[]) => void;
};

/**
 * A pool whose broken connections never crash the process (a PostgreSQL restart is survived). It keeps
 * two connections open however quiet it gets: under a reconnect storm, opening a connection to a busy
 * database took over 5 s, and presence writes and broadcasts failed while it did.
 */
export function clusterPool(databaseUrl: string, log: Logger, max = 6): pg.Pool {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max,
    min: 2,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 15_000,
    keepAlive: true,
  });
  pool.on('error', (error) => log.warn({ err: error }, 'cluster database connection lost'));
  // A client checked out for a long time (the adapter's LISTEN connection) has no pool listener: give it one.
  pool.on('connect', (client) => {
    client.on('error', (error) => log.warn({ err: error }, 'cluster database connection failed'));
  });
  return pool;
}

/**
 * PostgreSQL closes the liveness connection of a machine that vanished (no FIN, no RST: a power cut, a
 * lost network) after this many seconds of silence instead of the kernel's two hours, which frees its
 * liveness lock: 5 s idle, then 3 probes 2 s apart; 10 s for data that is never acknowledged.
 */
const LIVENESS_KEEPALIVE =
  '-c tcp_keepalives_idle=5 -c tcp_keepalives_interval=2 -c tcp_keepalives_count=3 -c tcp_user_timeout=10000';

/**
 * This process as one node of a cluster that shares PostgreSQL: a fresh identity per start, registered
 * in `live_node` and kept alive by heartbeats; leader election on an advisory lock held by a
 * connection of its own (released by PostgreSQL the moment that connection dies, e.g. SIGKILL), where
 * each process also holds its own liveness lock; the leader deletes nodes whose liveness lock is free
 * and that missed more than two heartbeats, or that stopped heartbeating for `expiryMs`, and with
 * them their presence.
 *
 * Heartbeats go over that same connection, on a timer of their own: never queued behind the pool's
 * presence writes and broadcasts nor behind the leader's purge (in a full national run, heartbeats
 * through the pool lapsed for 10 s while a reconnect storm kept the pool busy, and two live,
 * overloaded processes lost their presence). The pool carries them only while that connection is
 * being made again.
 */
export class ClusterNode {
  readonly id = randomUUID();
  readonly pool: pg.Pool;
  readonly #databaseUrl: string;
  readonly #log: Logger;
  readonly #options: ClusterNodeOptions;
  readonly #listeners: { [K in keyof ClusterNodeEvents]: ClusterNodeEvents[K][] } = {
    leading: [],
    recovered: [],
    purged: [],
  };
  /** The connection that holds this process's liveness lock (and the leader lock, when it leads). */
  #liveness: pg.Client | null = null;
  #leading = false;
  #healthy = true;
  #timers: NodeJS.Timeout[] = [];
  #beating: Promise<void> | null = null;
  #ticking: Promise<void> | null = null;
  #stopped = false;
  /** When the last heartbeat was stored (ms), and whether its lateness was reported. */
  #lastBeatAt = Date.now();
  #lateReported = false;
  /** Since when the database answers this process again (0: since it started). */
  #reachableSince = 0;

  constructor(pool: pg.Pool, databaseUrl: string, log: Logger, options: ClusterNodeOptions) {
    this.pool = pool;
    this.#databaseUrl = databaseUrl;
    this.#log = log.child({ component: 'cluster', node: this.id });
    this.#options = options;
  }

  get leading(): boolean {
    return this.#leading;
  }

  /** False while the last heartbeat failed (the database is unreachable): readiness reports it. */
  get healthy(): boolean {
    return this.#healthy;
  }

  on<K extends keyof ClusterNodeEvents>(event: K, listener: ClusterNodeEvents[K]): void {
    this.#listeners[event].push(listener);
  }

  #emit<K extends keyof ClusterNodeEvents>(event: K, ...args: Parameters<ClusterNodeEvents[K]>): void {
    for (const listener of this.#listeners[event]) {
      try {
        (listener as (...a: Parameters<ClusterNodeEvents[K]>) => void)(...args);
      } catch (error) {
        this.#log.error({ err: error, event }, 'cluster listener failed');
      }
    }
  }

  /** Registers this process (purging an earlier identity in the same slot), then heartbeats and campaigns. */
  async start(): Promise<void> {
    await this.#register();
    this.#lastBeatAt = Date.now();
    this.#log.info({ label: this.#options.label }, 'cluster node registered');
    const every = (run: () => void) => {
      const timer = setInterval(run, this.#options.heartbeatMs);
      timer.unref();
      this.#timers.push(timer);
    };
    // Heartbeats first: making the liveness connection may take seconds on a busy database.
    every(() => {
      this.#beating ??= this.#beat().finally(() => {
        this.#beating = null;
      });
    });
    await this.#campaign();
    every(() => {
      this.#ticking ??= this.#tick().finally(() => {
        this.#ticking = null;
      });
    });
  }

  /** Leaves the cluster: our presence goes at once (no waiting for the heartbeat to lapse), the lock is released. */
  async stop(): Promise<void> {
    this.#stopped = true;
    for (const timer of this.#timers) clearInterval(timer);
    await Promise.all([this.#beating, this.#ticking]);
    await this.pool.query('delete from live_node where id = $1', [this.id]).catch(() => undefined);
    this.#dropLiveness();
  }

  async #register(): Promise<void> {
    await this.pool.query(
      `with gone as (delete from live_node where label = $2 and id <> $1)
       insert into live_node (id, label, pid) values ($1, $2, $3)
       on conflict (id) do update set heartbeat_at = now()`,
      [this.id, this.#options.label, process.pid],
    );
  }

  /** One heartbeat, over the liveness connection (the pool while that is being made again). */
  async #beat(): Promise<void> {
    if (this.#stopped) return;
    const since = Date.now() - this.#lastBeatAt;
    if (since > 3 * this.#options.heartbeatMs && !this.#lateReported && this.#healthy) {
      // The event loop or the database ran late: worth knowing before the leader judges us.
      this.#lateReported = true;
      this.#log.warn({ sinceLastMs: since, expiryMs: this.#options.expiryMs }, 'cluster heartbeat late');
    }
    let recovered = false;
    const liveness = this.#liveness;
    let timer: NodeJS.Timeout | undefined;
    try {
      // A query on a connection whose path went silent waits for TCP's retransmissions (minutes):
      // past this long the liveness connection is given up and made again (the locks go with it).
      const timeoutMs = Math.max(3 * this.#options.heartbeatMs, this.#options.expiryMs / 2);
      const timedOut = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`no heartbeat answer within ${timeoutMs} ms`)), timeoutMs);
      });
      const beat = await Promise.race([
        (liveness ?? this.pool).query('update live_node set heartbeat_at = now() where id = $1', [this.id]),
        timedOut,
      ]);
      if (beat.rowCount === 0) {
        // Purged while we could not reach the database: come back as the same identity, presence resent.
        this.#log.warn(
          { sinceLastMs: Date.now() - this.#lastBeatAt },
          'cluster node had been purged; registering again',
        );
        await this.#register();
        recovered = true;
      }
      this.#lastBeatAt = Date.now();
      this.#lateReported = false;
      if (!this.#healthy) {
        this.#log.info('cluster database reachable again');
        this.#reachableSince = Date.now();
        recovered = true;
      }
      this.#healthy = true;
    } catch (error) {
      if (this.#healthy) this.#log.warn({ err: error }, 'cluster heartbeat failed');
      this.#healthy = false;
      if (liveness && this.#liveness === liveness) this.#dropLiveness();
      return;
    } finally {
      clearTimeout(timer);
    }
    if (recovered) this.#emit('recovered');
  }

  /** The liveness connection made again if it was lost, the leader lock tried for, and, leading, the purge. */
  async #tick(): Promise<void> {
    if (this.#stopped || !this.#healthy) return;
    // Back from a database outage, the others' heartbeats are as old as the outage until each has
    // beaten again: nobody is judged before three heartbeats have passed.
    const judging = Date.now() - this.#reachableSince >= 3 * this.#options.heartbeatMs;
    if (!this.#leading) {
      await this.#campaign();
      if (!this.#leading && judging && (await this.#deposeFrozenLeader())) await this.#campaign();
    }
    if (this.#leading && judging) await this.#purge();
  }

  /**
   * A leader whose event loop froze keeps its connection, so its lock, and nobody would count or purge
   * again: once it has not heartbeated for `expiryMs`, any other process runs the purge in its place,
   * which deletes it with its presence and ends its sessions (freeing its locks). Answers whether it did.
   */
  async #deposeFrozenLeader(): Promise<boolean> {
    try {
      const { rows } = await this.pool.query<{ id: string }>(
        `select n.id from pg_locks leader
           join pg_locks l on l.pid = leader.pid
           join live_node n on ${LIVENESS_LOCK_OF_N}
          where leader.locktype = 'advisory' and leader.granted and leader.objsubid = 1
            and leader.classid = 0 and leader.objid = $1::int8::oid
            and n.id <> $2 and n.heartbeat_at < now() - make_interval(secs => $3::float8 / 1000)`,
        [LEADER_LOCK.toString(), this.id, this.#options.expiryMs],
      );
      if (rows.length === 0) return false;
      this.#log.warn(
        { nodes: rows.map((r) => r.id) },
        'the leader stopped heartbeating; its sessions are ended and its presence removed',
      );
      await this.#purge();
      return true;
    } catch (error) {
      this.#log.warn({ err: error }, 'checking on the leader failed');
      return false;
    }
  }

  /** Ends the database sessions holding these nodes' liveness locks: their locks go with them. */
  async #endSessions(ids: string[]): Promise<void> {
    await this.pool.query(
      `select pg_terminate_backend(l.pid) from unnest($1::uuid[]) as n(id) join pg_locks l on ${LIVENESS_LOCK_OF_N}`,
      [ids],
    );
  }

  /**
   * Deletes, in one statement (a leader whose event loop runs late pays a turn per statement: in a
   * full national run four of them put the purge of a killed process at 15 s), the processes that
   * have not heartbeated for `expiryMs`, and those whose liveness lock nobody holds that missed more
   * than two heartbeats. A live process whose liveness connection is being made again still
   * heartbeats through the pool, so only both at once, for three heartbeats, is death. The silent
   * ones' sessions are ended after.
   */
  async #purge(): Promise<void> {
    try {
      const { rows } = await this.pool.query<{ id: string; silent: boolean }>(
        `delete from live_node n
          where n.id <> $1
            and (n.heartbeat_at < now() - make_interval(secs => $2::float8 / 1000)
                 or (n.heartbeat_at < now() - make_interval(secs => $3::float8 / 1000)
                     and not exists (select 1 from pg_locks l where ${LIVENESS_LOCK_OF_N})))
          returning n.id, n.heartbeat_at < now() - make_interval(secs => $2::float8 / 1000) as silent`,
        [this.id, this.#options.expiryMs, 3 * this.#options.heartbeatMs],
      );
      if (rows.length === 0) return;
      const silent = rows.filter((r) => r.silent).map((r) => r.id);
      const lost = rows.filter((r) => !r.silent).map((r) => r.id);
      if (lost.length > 0) {
        this.#log.warn({ nodes: lost }, 'cluster nodes lost their database connection; their presence was removed');
      }
      if (silent.length > 0) {
        this.#log.warn({ nodes: silent }, 'cluster nodes stopped heartbeating; their presence was removed');
      }
      this.#emit(
        'purged',
        rows.map((r) => r.id),
      );
      // A frozen process keeps its connections: ending them frees its lock; thawed, it finds itself
      // purged and registers again.
      if (silent.length > 0) await this.#endSessions(silent);
    } catch (error) {
      this.#log.warn({ err: error }, 'cluster purge failed');
    }
  }

  /**
   * Makes the liveness connection (taking this process's liveness lock on it) if there is none, then
   * tries for the leader lock on it; both locks live exactly as long as that connection.
   */
  async #campaign(): Promise<void> {
    if (this.#stopped) return;
    let fresh: pg.Client | null = null;
    try {
      let client = this.#liveness;
      if (!client) {
        fresh = new pg.Client({
          connectionString: this.#databaseUrl,
          connectionTimeoutMillis: 15_000,
          keepAlive: true,
          options: LIVENESS_KEEPALIVE,
        });
        const made = fresh;
        made.on('error', (error) => {
          this.#log.warn({ err: error }, 'liveness connection failed');
          if (this.#liveness === made) this.#dropLiveness();
        });
        made.on('end', () => {
          if (this.#liveness === made) this.#dropLiveness();
        });
        await fresh.connect();
        // This process's liveness lock lives exactly as long as this connection.
        const { rows: own } = await fresh.query<{ ok: boolean }>(
          'select pg_try_advisory_lock($1::int4, hashtext($2) & 2147483647) as ok',
          [NODE_LOCK_CLASS, this.id],
        );
        if (!own[0]?.ok) {
          // Our own earlier session still holds it (a connection that broke on our side that
          // PostgreSQL has not closed yet): without the lock we would look dead after three late
          // heartbeats. That session is ended, and the lock taken on the next tick.
          this.#log.warn("this process's liveness lock is held by an earlier session of its own; ending that one");
          await fresh.query(
            `select pg_terminate_backend(l.pid) from (select $1::uuid as id) n join pg_locks l on ${LIVENESS_LOCK_OF_N}
              where l.pid <> pg_backend_pid()`,
            [this.id],
          );
          await fresh.end().catch(() => undefined);
          return;
        }
        if (this.#stopped) {
          await fresh.end().catch(() => undefined);
          return;
        }
        this.#liveness = client = fresh;
        fresh = null;
      }
      const { rows } = await client.query<{ ok: boolean }>('select pg_try_advisory_lock($1) as ok', [
        LEADER_LOCK.toString(),
      ]);
      if (rows[0]?.ok && !this.#leading && !this.#stopped && this.#liveness === client) {
        this.#leading = true;
        this.#log.info('this process leads the live counter');
        this.#emit('leading', true);
      }
    } catch (error) {
      // Losing this connection frees the liveness lock too: worth a warning while the database is up.
      if (this.#healthy) this.#log.warn({ err: error }, 'leader campaign failed');
      fresh?.end().catch(() => undefined);
      this.#dropLiveness();
    }
  }

  /** The liveness connection is gone (or given up): with it both locks, so leadership too. */
  #dropLiveness(): void {
    const client = this.#liveness;
    this.#liveness = null;
    client?.end().catch(() => undefined);
    this.#dropLeadership();
  }

  #dropLeadership(): void {
    if (this.#leading) {
      this.#leading = false;
      this.#log.warn('this process no longer leads the live counter');
      this.#emit('leading', false);
    }
  }
}
