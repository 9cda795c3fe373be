import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { query, sql } from '../db/sql.ts';

type CheckInWrite = {
  conferenceId: number;
  bridgePointId: number;
  participantKey: string;
  name: string;
  memberNumber: string | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
  connections: number;
};

type IntervalEvent = { kind: 'open' | 'close'; bridgePointId: number; at: Date };

type Batch = {
  checkIns: Map<string, CheckInWrite>;
  seen: Map<string, { bridgePointId: number; participantKey: string; at: Date }>;
  /** Bridge points connecting and dropping, in order (for one bridge point they alternate). */
  intervals: IntervalEvent[];
  done: Promise<Map<string, Date>>;
  resolve: (firstSeen: Map<string, Date>) => void;
  reject: (error: unknown) => void;
};

const MAX_BATCH = 1000;
const CHUNK = 1000;
const RETRIES = [200, 1000, 3000];

function newBatch(): Batch {
  let resolve!: Batch['resolve'];
  let reject!: Batch['reject'];
  const done = new Promise<Map<string, Date>>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  done.catch(() => undefined);
  return { checkIns: new Map(), seen: new Map(), intervals: [], done, resolve, reject };
}

/**
 * A batch that failed for good is logged once, in `#write`; a caller that does not wait for its write
 * (`void recorder.seen(…)`) must not bring the process down with an unhandled rejection — which it
 * did when PostgreSQL was away longer than the retries. One that waits still sees the failure.
 */
function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

function sizeOf(batch: Batch): number {
  return batch.checkIns.size + batch.seen.size + batch.intervals.length;
}

/** How many statements `#writeBatch` will run for a batch. */
function statementsOf(batch: Batch): number {
  const runs = runsOf(batch.intervals);
  return (
    Math.ceil(batch.checkIns.size / CHUNK) +
    Math.ceil(batch.seen.size / CHUNK) +
    runs.reduce((n, run) => n + (run.kind === 'open' ? 2 : 1), 0)
  );
}

/** Splits events into runs of one kind, in order. */
function runsOf(events: IntervalEvent[]): { kind: IntervalEvent['kind']; events: IntervalEvent[] }[] {
  const runs: { kind: IntervalEvent['kind']; events: IntervalEvent[] }[] = [];
  for (const event of events) {
    const last = runs.at(-1);
    if (last?.kind === event.kind) last.events.push(event);
    else runs.push({ kind: event.kind, events: [event] });
  }
  return runs;
}

const keyOf = (bridgePointId: number, participantKey: string) => `${bridgePointId}|${participantKey}`;

/**
 * Write-behind for the live counter: check-ins, last-seen times and connected intervals are queued and
 * written in one transaction per batch (a join storm of thousands becomes a few statements). Every
 * write resolves once its batch has committed, and `flush()` resolves once everything queued before
 * it has: the publisher awaits it, so nothing is shown before it is stored.
 */
export class LiveRecorder {
  readonly #orm: MikroORM;
  readonly #log: Logger;
  #pending: Batch = newBatch();
  #tail: Promise<unknown> = Promise.resolve();
  #scheduled: NodeJS.Timeout | null = null;
  #delayMs: number;

  constructor(orm: MikroORM, log: Logger, delayMs = 15) {
    this.#orm = orm;
    this.#log = log;
    this.#delayMs = delayMs;
  }

  /** A participant's socket connected: first seen (kept if earlier), last seen, one more connection. */
  checkIn(write: Omit<CheckInWrite, 'firstSeenAt' | 'lastSeenAt' | 'connections'>, at: Date): Promise<Date> {
    const key = keyOf(write.bridgePointId, write.participantKey);
    const batch = this.#pending;
    const existing = batch.checkIns.get(key);
    if (existing) {
      existing.lastSeenAt = at;
      existing.connections += 1;
      existing.name = write.name;
      existing.memberNumber = write.memberNumber ?? existing.memberNumber;
    } else {
      batch.checkIns.set(key, { ...write, firstSeenAt: at, lastSeenAt: at, connections: 1 });
    }
    this.#schedule();
    return quiet(batch.done.then((firstSeen) => firstSeen.get(key) ?? at));
  }

  /** A participant's socket disconnected: they were last seen now. */
  seen(bridgePointId: number, participantKey: string, at: Date): Promise<void> {
    this.#pending.seen.set(keyOf(bridgePointId, participantKey), { bridgePointId, participantKey, at });
    return this.#enqueued();
  }

  /** A bridge point became connected (not a return within the grace window). */
  openInterval(bridgePointId: number, at: Date): Promise<void> {
    this.#pending.intervals.push({ kind: 'open', bridgePointId, at });
    return this.#enqueued();
  }

  /** A bridge point's grace window ran out: its interval ends when its last console dropped. */
  closeInterval(bridgePointId: number, at: Date): Promise<void> {
    this.#pending.intervals.push({ kind: 'close', bridgePointId, at });
    return this.#enqueued();
  }

  /** Resolves once everything queued so far is committed. */
  flush(): Promise<void> {
    if (sizeOf(this.#pending) > 0) {
      const { done } = this.#pending;
      this.#run();
      return done.then(() => undefined);
    }
    return this.#tail.then(
      () => undefined,
      () => undefined,
    );
  }

  #enqueued(): Promise<void> {
    const { done } = this.#pending;
    this.#schedule();
    return quiet(done.then(() => undefined));
  }

  #schedule(): void {
    if (sizeOf(this.#pending) >= MAX_BATCH) {
      this.#run();
      return;
    }
    this.#scheduled ??= setTimeout(() => this.#run(), this.#delayMs);
  }

  #run(): void {
    if (this.#scheduled) {
      clearTimeout(this.#scheduled);
      this.#scheduled = null;
    }
    const batch = this.#pending;
    if (sizeOf(batch) === 0) return;
    this.#pending = newBatch();
    this.#tail = this.#tail.then(
      () => this.#write(batch),
      () => this.#write(batch),
    );
  }

  async #write(batch: Batch): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        // One statement is atomic by itself: no BEGIN / COMMIT round trips for the common batch
        // (check-ins of a join storm, or last-seen times of people leaving).
        const em = this.#orm.em.fork();
        const firstSeen =
          statementsOf(batch) <= 1
            ? await this.#writeBatch(em, batch)
            : await em.transactional((tx) => this.#writeBatch(tx, batch));
        batch.resolve(firstSeen);
        return;
      } catch (error) {
        if (attempt >= RETRIES.length) {
          this.#log.error({ err: error }, 'live counter: a batch of writes failed');
          batch.reject(error);
          return;
        }
        this.#log.warn({ err: error, attempt }, 'live counter: retrying a batch of writes');
        await new Promise((resolve) => setTimeout(resolve, RETRIES[attempt]));
      }
    }
  }

  async #writeBatch(em: EntityManager, batch: Batch): Promise<Map<string, Date>> {
    const firstSeen = new Map<string, Date>();
    const checkIns = [...batch.checkIns.values()];
    for (let i = 0; i < checkIns.length; i += CHUNK) {
      const chunk = checkIns.slice(i, i + CHUNK);
      const rows = await query<{ bridgePointId: number; participantKey: string; firstSeenAt: Date }>(
        em,
        sql`insert into check_in (conference_id, bridge_point_id, participant_key, name, member_number,
                                  first_seen_at, last_seen_at, connections)
            select * from unnest(${chunk.map((c) => c.conferenceId)}::int[], ${chunk.map((c) => c.bridgePointId)}::int[],
                                 ${chunk.map((c) => c.participantKey)}::text[], ${chunk.map((c) => c.name)}::text[],
                                 ${chunk.map((c) => c.memberNumber)}::text[],
                                 ${chunk.map((c) => c.firstSeenAt.toISOString())}::timestamptz[],
                                 ${chunk.map((c) => c.lastSeenAt.toISOString())}::timestamptz[],
                                 ${chunk.map((c) => c.connections)}::int[])
            on conflict (bridge_point_id, participant_key) do update set
              first_seen_at = least(check_in.first_seen_at, excluded.first_seen_at),
              last_seen_at = greatest(check_in.last_seen_at, excluded.last_seen_at),
              name = excluded.name,
              member_number = coalesce(excluded.member_number, check_in.member_number),
              connections = check_in.connections + excluded.connections
            returning bridge_point_id as "bridgePointId", participant_key as "participantKey",
                      first_seen_at as "firstSeenAt"`,
      );
      for (const row of rows) firstSeen.set(keyOf(row.bridgePointId, row.participantKey), row.firstSeenAt);
    }
    const seen = [...batch.seen.values()];
    for (let i = 0; i < seen.length; i += CHUNK) {
      const chunk = seen.slice(i, i + CHUNK);
      await query(
        em,
        sql`update check_in c set last_seen_at = greatest(c.last_seen_at, v.at)
              from unnest(${chunk.map((s) => s.bridgePointId)}::int[], ${chunk.map((s) => s.participantKey)}::text[],
                          ${chunk.map((s) => s.at.toISOString())}::timestamptz[]) as v(bp, key, at)
             where c.bridge_point_id = v.bp and c.participant_key = v.key`,
      );
    }
    // Consecutive events of one kind become one statement each (900 consoles connecting: two
    // statements, not 1,800). Order between runs is kept, so a close and a later reopen of the same
    // bridge point land in that order.
    for (const run of runsOf(batch.intervals)) {
      const ids = run.events.map((e) => e.bridgePointId);
      const ats = run.events.map((e) => e.at.toISOString());
      if (run.kind === 'open') {
        await query(
          em,
          sql`insert into bridge_point_interval (bridge_point_id, connected_at)
              select * from unnest(${ids}::int[], ${ats}::timestamptz[]) on conflict do nothing`,
        );
        await query(
          em,
          sql`update bridge_point b set first_connected_at = v.at
                from unnest(${ids}::int[], ${ats}::timestamptz[]) as v(id, at)
               where b.id = v.id and b.first_connected_at is null`,
        );
      } else {
        await query(
          em,
          sql`update bridge_point_interval i set disconnected_at = greatest(i.connected_at, v.at)
                from unnest(${ids}::int[], ${ats}::timestamptz[]) as v(id, at)
               where i.bridge_point_id = v.id and i.disconnected_at is null`,
        );
      }
    }
    return firstSeen;
  }
}
