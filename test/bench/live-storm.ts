import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  applyLiveChanges,
  type DashboardClientToServer,
  type DashboardServerToClient,
  type LiveChanges,
  type LiveSnapshot,
} from '@diemcau/schema';
import type { openOrm } from '@diemcau/server';
import { io, type Socket } from 'socket.io-client';
import { query, sql } from '../../server/src/db/sql.ts';
import { importUnitRows } from '../../server/src/units/unit.import.ts';
import { graphql } from '../harness/graphql.ts';
import { createConference, gql, tokenOf } from '../harness/live.ts';
import type { LoadJoined, LoadStart } from './live-load.ts';

/** What `pnpm bench live` and `pnpm bench national` share: the conference, the storm, the watching dashboard. */

const here = path.dirname(fileURLToPath(import.meta.url));
const testDir = path.resolve(here, '..');
export const now = () => performance.timeOrigin + performance.now();
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type DashboardSocket = Socket<DashboardServerToClient, DashboardClientToServer>;

/**
 * On a machine of two or more cores, `pnpm bench live` keeps the server under test (ours, or the bare
 * floor) on CPU 0, and the load processes and PostgreSQL on the others (`taskset`, every thread), so
 * both runs give the server the same core to itself. `BENCH_PIN=0` turns it off.
 */
export const pinning = os.availableParallelism() >= 2 && process.env.BENCH_PIN !== '0';

export function pin(pid: number, cpus: string): void {
  if (!pinning) return;
  try {
    execFileSync('taskset', ['-a', '-p', '-c', cpus, String(pid)], { stdio: 'ignore' });
  } catch {
    // taskset missing: the run is only noisier.
  }
}

/**
 * PostgreSQL (its postmaster, so every backend forked later too) runs off the server's CPU, as a
 * database on a host of its own would: the server's core is the server's alone in both runs.
 */
export function pinPostgres(): void {
  if (!pinning) return;
  try {
    const pids = execFileSync('pgrep', ['-u', 'postgres'], { encoding: 'utf8' }).split('\n').filter(Boolean);
    for (const pid of pids) pin(Number(pid), loadCpus);
  } catch {
    // no postgres user processes (an external database): nothing to pin.
  }
}

export const serverCpus = '0';
export const loadCpus = `1-${Math.max(1, os.availableParallelism() - 1)}`;

export function rssKB(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Waits for a child's IPC message of one type. */
export function message<T>(child: ChildProcess, type: string, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.off('message', onMessage);
      reject(new Error(`load process ${child.pid}: no '${type}' within ${timeoutMs} ms`));
    }, timeoutMs);
    const onMessage = (m: { type: string }) => {
      if (m.type !== type) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(m as T);
    };
    child.on('message', onMessage);
  });
}

export type Storm = {
  loaders: ChildProcess[];
  joined: LoadJoined[];
  /** Epoch ms of the first websocket opened and of the last namespace answer. */
  firstOpen: number;
  lastAck: number;
  ok: number;
  failures: number;
  /** Handshakes the server refused as busy (or that got no answer in time), tried again. */
  retries: number;
  reasons: string[];
  /** Opening times of the accepted joins, sorted (for join → dashboard delays). */
  openedSorted: () => number[];
  close: () => Promise<number>;
};

export type StormOptions = {
  /** `http://127.0.0.1:<port>` */
  url: string;
  packets: string[];
  loaders: number;
  /** Joins in flight per load process. */
  concurrency: number;
  /** Source addresses 127.<subnet>.<loader>.<n>: runs don't share ephemeral ports. */
  subnet: number;
  /** Sockets the server drops come back (jittered, capped back-off), as real clients do. */
  reconnect?: boolean;
  /** Keep the load processes off the server's CPU (see `pinning`). */
  pin?: boolean;
};

/** Few enough that finding a free ephemeral port for each stays a probe or two (see `LoadStart`). */
const SOCKETS_PER_ADDRESS = 2000;

/** Splits `packets` over load processes and runs the storm; the sockets stay open until `close()`. */
export async function storm(options: StormOptions): Promise<Storm> {
  const loaders: ChildProcess[] = [];
  const script = path.join(here, 'live-load.ts');
  for (let i = 0; i < options.loaders; i += 1) {
    loaders.push(
      spawn(process.execPath, ['--max-old-space-size=4096', '--import', 'tsx', script], {
        cwd: testDir,
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      }),
    );
  }
  const closeAll = async () => {
    let dropped = 0;
    await Promise.all(
      loaders.map(async (child) => {
        if (child.exitCode !== null || !child.connected) return;
        const exited = new Promise((r) => child.once('exit', r));
        const closed = message<{ dropped: number }>(child, 'closed', 20_000).catch(() => ({ dropped: 0 }));
        child.send({ type: 'close' });
        dropped += (await closed).dropped;
        await Promise.race([exited, sleep(5000)]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }),
    );
    return dropped;
  };
  try {
    await Promise.all(loaders.map((child) => message(child, 'ready', 30_000)));
    if (options.pin) for (const child of loaders) pin(child.pid!, loadCpus);
    const shares = loaders.map((_, i) => options.packets.filter((_p, k) => k % options.loaders === i));
    const done = loaders.map((child) => message<LoadJoined>(child, 'joined', 1_800_000));
    const port = new URL(options.url).port;
    loaders.forEach((child, i) => {
      const start: LoadStart = {
        type: 'start',
        url: `ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket`,
        packets: shares[i]!,
        concurrency: options.concurrency,
        localAddresses: Array.from(
          { length: Math.max(1, Math.ceil(shares[i]!.length / SOCKETS_PER_ADDRESS)) },
          (_a, n) => `127.${options.subnet}.${i + 1}.${n + 1}`,
        ),
        reconnect: options.reconnect ?? false,
      };
      child.send(start);
    });
    const joined = await Promise.all(done);
    // Loops, not Math.min(...list): 134,000 arguments overflow the stack.
    let firstOpen = Number.POSITIVE_INFINITY;
    let lastAck = 0;
    let ok = 0;
    for (const j of joined) {
      for (let k = 0; k < j.openedAt.length; k += 1) {
        if (j.openedAt[k]! > 0) firstOpen = Math.min(firstOpen, j.openedAt[k]!);
        if (j.ok[k]) {
          ok += 1;
          lastAck = Math.max(lastAck, j.ackAt[k]!);
        }
      }
    }
    return {
      loaders,
      joined,
      firstOpen,
      lastAck,
      ok,
      failures: joined.reduce((s, j) => s + j.failures, 0),
      retries: joined.reduce((s, j) => s + j.retries, 0),
      reasons: joined.flatMap((j) => j.reasons).slice(0, 5),
      openedSorted: () => joined.flatMap((j) => j.openedAt.filter((_t, k) => j.ok[k])).sort((a, b) => a - b),
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

/** SIGTERM, then SIGKILL if it lingers. */
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(30_000)]);
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL');
    await exited;
  }
}

type Bp = { id: string; operatorLink: string; checkInCode: string };

/**
 * A LIVE province-wide conference with `count` bridge points (the host at the province committee, then
 * districts, communes, agencies; extra communes are added to the demo province when it has too few),
 * signed in as the demo organizer. Returns the namespace packets: every operator console first, then
 * `participants` people spread over the bridge points.
 */
export async function liveConference(
  url: string,
  orm: Awaited<ReturnType<typeof openOrm>>,
  count: number,
  participants: number,
) {
  const signIn = await graphql(
    url,
    'mutation { signIn(username: "tuyengiao", password: "tuyengiao-demo-2026") { id } }',
  );
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
  const th = await gql<{ unit: { id: string } }>(url, cookie, '{ unit(code: "TH") { id } }');
  const conference = await createConference(url, cookie, th.unit.id, 'Hội nghị trực tuyến toàn quốc (benchmark)');
  const conferenceId = Number(conference.id);
  const host = await gql<{ createBridgePoint: Bp }>(
    url,
    cookie,
    `mutation ($input: CreateBridgePointInput!) { createBridgePoint(input: $input) { id operatorLink checkInCode } }`,
    { input: { conferenceId, unitId: th.unit.id, host: true, expectedHeadcount: 200 } },
  );
  const bulk = async () =>
    (
      await gql<{ createBridgePointsForUnits: { bridgePoints: Bp[] } }>(
        url,
        cookie,
        `mutation ($input: CreateBridgePointsForUnitsInput!) { createBridgePointsForUnits(input: $input) {
          bridgePoints { id operatorLink checkInCode } } }`,
        {
          input: {
            conferenceId,
            underUnitId: th.unit.id,
            kindCodes: ['DISTRICT_COMMITTEE', 'COMMUNE_COMMITTEE', 'AGENCY', 'ARMED_FORCES'],
            expectedHeadcount: Math.ceil(participants / count),
          },
        },
      )
    ).createBridgePointsForUnits.bridgePoints;
  const bps: Bp[] = [host.createBridgePoint, ...(await bulk())];
  if (bps.length < count) {
    // The demo province has 587 districts, communes and agencies: add communes for the rest.
    const districts = await query<{ code: string }>(
      orm.em.fork(),
      sql`select code from unit where kind_code = 'DISTRICT_COMMITTEE' order by code`,
    );
    const extra = count - bps.length;
    const imported = await importUnitRows(
      orm.em.fork(),
      Array.from({ length: extra }, (_, i) => ({
        line: i + 1,
        code: `BENCHXA${String(i + 1).padStart(4, '0')}`,
        name: `Đảng ủy xã Thử Tải ${i + 1}`,
        kind: 'COMMUNE_COMMITTEE',
        parentCode: districts[i % districts.length]!.code,
      })),
      { dryRun: false },
    );
    if (!imported.applied) throw new Error(JSON.stringify(imported.problems.slice(0, 3)));
    bps.push(...(await bulk()));
  }
  bps.length = Math.min(bps.length, count);
  if (bps.length !== count) throw new Error(`only ${bps.length} bridge points`);
  await gql(url, cookie, `mutation { startConference(id: ${conferenceId}) { id } }`);

  const packets: string[] = bps.map(
    (bp) => `40/operator,${JSON.stringify({ conferenceId, token: tokenOf(bp.operatorLink) })}`,
  );
  for (let n = 0; n < participants; n += 1) {
    const bp = bps[n % bps.length]!;
    packets.push(
      `40/participant,${JSON.stringify({
        conferenceId,
        code: bp.checkInCode,
        name: `Đảng viên Thử Tải ${n + 1}`,
        memberNumber: String(10_000_000 + n),
      })}`,
    );
  }
  return { conferenceId, cookie, packets };
}

/** One organizer's dashboard, recording when its totals change (and keeping its copy with the shared code). */
export class DashboardWatch {
  readonly seen: { at: number; count: number }[] = [];
  mirror: LiveSnapshot | null = null;
  last: LiveSnapshot['totals'] | null = null;
  gaps = 0;
  snapshots = 0;
  readonly socket: DashboardSocket;

  constructor(url: string, conferenceId: number, cookie: string, options: { reconnection?: boolean } = {}) {
    this.socket = io(`${url}/dashboard`, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: options.reconnection ?? false,
      auth: { conferenceId },
      extraHeaders: { cookie },
    }) as unknown as DashboardSocket;
    this.socket.on('dashboard:snapshot', (snapshot) => {
      this.snapshots += 1;
      this.mirror = snapshot;
      this.#record(snapshot.totals);
    });
    this.socket.on('dashboard:changes', (changes: LiveChanges) => {
      this.#record(changes.totals);
      if (!this.mirror) return;
      const applied = applyLiveChanges(this.mirror, changes);
      if (applied) this.mirror = applied;
      else {
        this.gaps += 1;
        // As the page does: a gap asks for the whole state again.
        void this.socket
          .timeout(10_000)
          .emitWithAck('dashboard:resync')
          .then(
            (snapshot) => {
              if ('conferenceId' in snapshot) this.mirror = snapshot;
            },
            () => undefined,
          );
      }
    });
  }

  #record(totals: LiveSnapshot['totals']): void {
    this.last = totals;
    this.seen.push({ at: now(), count: totals.connected + totals.checkIns });
  }

  async ready(): Promise<void> {
    const started = Date.now();
    while (!this.mirror && Date.now() - started < 15_000) await sleep(20);
    if (!this.mirror) throw new Error('the dashboard got no snapshot');
  }

  /** Waits until the connected + check-ins total reaches `count` (or the time is up). */
  async reach(count: number, timeoutMs: number): Promise<boolean> {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      if ((this.seen.at(-1)?.count ?? 0) >= count) return true;
      await sleep(50);
    }
    return false;
  }

  /**
   * Join → dashboard: the k-th join (by the time its websocket opened) is reflected by the first
   * dashboard message whose connected + check-ins total reaches k (counting from `base`).
   */
  delaysFor(opened: number[], base = 0): { delays: number[]; unreflected: number } {
    const delays: number[] = [];
    let e = 0;
    for (let k = 0; k < opened.length; k += 1) {
      while (e < this.seen.length && this.seen[e]!.count < base + k + 1) e += 1;
      if (e === this.seen.length) break;
      delays.push(this.seen[e]!.at - opened[k]!);
    }
    return { delays: delays.sort((a, b) => a - b), unreflected: opened.length - delays.length };
  }

  close(): void {
    this.socket.disconnect();
  }
}
