import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate, openOrm } from '@diemcau/server';
import { seedDemo } from '../../server/src/demo/seed.ts';
import { spawnServer } from '../harness/process.ts';
import { benchDatabase, log, percentile, round } from './lib.ts';
import {
  DashboardWatch,
  liveConference,
  pin,
  pinning,
  pinPostgres,
  rssKB,
  type Storm,
  serverCpus,
  sleep,
  stop,
  storm,
} from './live-storm.ts';

/**
 * `pnpm bench live`: a join storm on one server process. 900 operator consoles and as many participants
 * as one process can hold (18,000 sockets in all by default) connect from separate load processes
 * (each under the 20,000 open files limit), one dashboard measures when its totals reflect each join.
 * The floor: the same storm, from the same load clients, on a bare Socket.IO server in the same run
 * (before and after ours; the faster of the two counts).
 */
const BRIDGE_POINTS = Number(process.env.BENCH_LIVE_BRIDGE_POINTS ?? 900);
const SOCKETS = Number(process.env.BENCH_LIVE_SOCKETS ?? 18_000);
const LOADERS = Number(process.env.BENCH_LIVE_LOADERS ?? 2);
/** Joins in flight per load process (websocket opened, namespace not yet answered). */
const CONCURRENCY = Number(process.env.BENCH_LIVE_CONCURRENCY ?? 100);
const SETTLE_TIMEOUT_MS = 60_000;

const here = path.dirname(fileURLToPath(import.meta.url));

/** The bare Socket.IO floor in its own process. */
async function bareServer(): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'live-bare.ts')], {
    cwd: path.resolve(here, '..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const match = /listening on (\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`bare server exited (${code})`)));
  });
  return { child, port };
}

export async function runLiveBench(): Promise<Record<string, unknown>> {
  const db = await benchDatabase('live');
  const server = spawnServer({
    DATABASE_URL: db.url,
    PORT: '0',
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    SECRET_KEY: 'bench-secret-bench-secret-bench-secret-0123',
    PUBLIC_URL: 'http://bench.local',
    SOCKET_MAX_EVENT_LOOP_LAG_MS: process.env.BENCH_LIVE_MAX_LAG_MS,
    // e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile the server under the storm.
    NODE_OPTIONS: process.env.BENCH_LIVE_SERVER_NODE_OPTIONS,
  });
  let bare = null as { child: ChildProcess; port: number } | null;
  let dashboard: DashboardWatch | null = null;
  const storms: Storm[] = [];
  try {
    const url = await server.listening;
    pin(server.child.pid!, serverCpus);
    pinPostgres();
    log(`server at ${url} (pid ${server.child.pid}); loading the demo province`);
    const orm = await openOrm(db.url);
    await migrate(orm);
    await seedDemo(orm.em.fork());
    const participants = SOCKETS - BRIDGE_POINTS;
    const { conferenceId, cookie, packets } = await liveConference(url, orm, BRIDGE_POINTS, participants);
    await orm.close(true);
    if (process.env.BENCH_LIVE_ORDER === 'mixed') {
      // Operators spread among the participants instead of all first.
      const operators = packets.splice(0, BRIDGE_POINTS);
      const every = Math.max(1, Math.floor(packets.length / operators.length));
      operators.forEach((packet, i) => {
        packets.splice(i * (every + 1), 0, packet);
      });
    }
    log(
      `${BRIDGE_POINTS} bridge points; ${SOCKETS} sockets (${participants} participants) from ${LOADERS} load processes, ${CONCURRENCY} joins in flight each`,
    );

    // ----- floor: a bare Socket.IO server, the same storm (before and after the application's run) -----
    const floorRun = async (subnet: number) => {
      bare = await bareServer();
      pin(bare.child.pid!, serverCpus);
      await sleep(500);
      const rssBefore = rssKB(bare.child.pid!);
      const run = await storm({
        url: `http://127.0.0.1:${bare.port}`,
        packets,
        loaders: LOADERS,
        concurrency: CONCURRENCY,
        subnet,
        pin: true,
      });
      storms.push(run);
      const seconds = (run.lastAck - run.firstOpen) / 1000;
      await sleep(1000);
      const rssAfter = rssKB(bare.child.pid!);
      log(
        `bare socket.io: ${run.ok} joined (${run.failures} failed) in ${round(seconds, 2)} s; RSS ${rssBefore} → ${rssAfter} kB`,
      );
      await run.close();
      storms.pop();
      await stop(bare.child);
      bare = null;
      return {
        ok: run.ok,
        failures: run.failures,
        joinsPerSec: run.ok / seconds,
        rssKBPerSocket: (rssAfter - rssBefore) / Math.max(1, run.ok),
      };
    };
    const floors = [await floorRun(1)];

    // ----- the application: one dashboard watching, the same storm -----
    dashboard = new DashboardWatch(url, conferenceId, cookie);
    await dashboard.ready();
    await sleep(1500);
    const pid = server.child.pid!;
    const rssBefore = rssKB(pid);
    const app = await storm({ url, packets, loaders: LOADERS, concurrency: CONCURRENCY, subnet: 2, pin: true });
    storms.push(app);
    const appSeconds = (app.lastAck - app.firstOpen) / 1000;
    log(
      `diemcau: ${app.ok} joined (${app.failures} failed, ${app.retries} refused as busy and tried again) in ${round(appSeconds, 2)} s`,
    );
    if (app.reasons.length > 0) log(`failures: ${app.reasons.join(' | ')}`);

    // Wait until the dashboard reflects every accepted join (or give up).
    await dashboard.reach(app.ok, SETTLE_TIMEOUT_MS);
    await sleep(1000);
    const rssAfter = rssKB(pid);
    const serverOpenFiles = readdirSync(`/proc/${pid}/fd`).length;
    const finalTotals = dashboard.last;
    const mirrored = dashboard.mirror?.totals;
    const { delays, unreflected } = dashboard.delaysFor(app.openedSorted());
    // The same, leaving out the first joins (the operator consoles when they come first).
    const afterOperators = dashboard.delaysFor(app.openedSorted().slice(BRIDGE_POINTS), BRIDGE_POINTS).delays;
    const ackLatencies = app.joined
      .flatMap((j) => j.ackAt.map((t, k) => (j.ok[k] ? t - j.openedAt[k]! : -1)))
      .filter((d) => d >= 0)
      .sort((a, b) => a - b);

    const operatorsOk = app.joined.reduce(
      (s, j, i) => s + j.ok.filter((ok, k) => ok && packets[i + k * LOADERS]!.startsWith('40/operator,')).length,
      0,
    );
    const participantsOk = app.ok - operatorsOk;
    const exact =
      app.failures === 0 &&
      finalTotals !== null &&
      finalTotals.connected === BRIDGE_POINTS &&
      finalTotals.checkIns === participants &&
      operatorsOk === BRIDGE_POINTS &&
      participantsOk === participants &&
      dashboard.gaps === 0 &&
      mirrored?.connected === finalTotals.connected &&
      mirrored?.checkIns === finalTotals.checkIns;
    const dropped = await app.close();
    storms.pop();
    floors.push(await floorRun(3));
    // The faster of the two floor runs: noise on this shared machine never flatters the ratio.
    const floor = floors.reduce((a, b) => (b.joinsPerSec > a.joinsPerSec ? b : a));

    const joinsPerSec = app.ok / appSeconds;
    const baselineJoinsPerSec = floor.joinsPerSec;
    return {
      name: 'live',
      sockets: app.ok,
      joinsPerSec: round(joinsPerSec),
      baselineJoinsPerSec: round(baselineJoinsPerSec),
      ratio: round(joinsPerSec / baselineJoinsPerSec, 2),
      p99JoinToDashboardMs: round(percentile(delays, 99)),
      rssKBPerSocket: round((rssAfter - rssBefore) / Math.max(1, app.ok)),
      exact,
      p50JoinToDashboardMs: round(percentile(delays, 50)),
      p99JoinToDashboardAfterFirst900Ms: round(percentile(afterOperators, 99)),
      p99JoinAckMs: round(percentile(ackLatencies, 99)),
      unreflectedJoins: unreflected,
      socketsAimed: SOCKETS,
      failedJoins: app.failures,
      busyRetries: app.retries,
      baselineSockets: floor.ok,
      baselineFailedJoins: floor.failures,
      droppedWhileOpen: dropped,
      dashboardTotals: finalTotals ? { connected: finalTotals.connected, checkIns: finalTotals.checkIns } : null,
      dashboardMessages: dashboard.seen.length,
      dashboardGaps: dashboard.gaps,
      serverOpenFiles,
      rssKBBefore: rssBefore,
      rssKBAfter: rssAfter,
      baselineRssKBPerSocket: round(floor.rssKBPerSocket),
      baselineRunsJoinsPerSec: floors.map((f) => round(f.joinsPerSec)),
      bridgePoints: BRIDGE_POINTS,
      loadProcesses: LOADERS,
      concurrencyPerLoader: CONCURRENCY,
      order: process.env.BENCH_LIVE_ORDER === 'mixed' ? 'mixed' : 'operators-first',
      pinned: pinning ? { server: `cpu ${serverCpus}`, loadAndPostgres: 'the other cpus' } : false,
    };
  } finally {
    for (const s of storms) await s.close().catch(() => 0);
    dashboard?.close();
    if (bare) await stop(bare.child);
    await stop(server.child);
    await db.dispose();
  }
}
