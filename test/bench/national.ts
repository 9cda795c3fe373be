import { execFileSync } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openOrm } from '@diemcau/server';
import pg from 'pg';
import { seedDemo } from '../../server/src/demo/seed.ts';
import { spawnServer } from '../harness/process.ts';
import { benchDatabase, log, percentile, round } from './lib.ts';
import { DashboardWatch, liveConference, message, rssKB, type Storm, sleep, stop, storm } from './live-storm.ts';

/**
 * `pnpm bench national`: the national conference (900 bridge points, 134,000 participants — Central
 * Resolution 6, 2017) on this one machine, through the built-in balancer (`CLUSTER_NODES`, 8 server
 * processes so that none holds more than the 20,000 open files a process may) from load processes of
 * at most 17,000 sockets each, with one dashboard measuring join → dashboard delays. Then one server
 * process is killed with SIGKILL: its clients come back through the balancer (jittered back-off) and
 * the time until the totals are exact again — the dead process's presence purged, everybody
 * counted once — is the recovery.
 */
const NODES = Number(process.env.BENCH_NATIONAL_NODES ?? 8);
const BRIDGE_POINTS = Number(process.env.BENCH_NATIONAL_BRIDGE_POINTS ?? 900);
const PARTICIPANTS = Number(process.env.BENCH_NATIONAL_PARTICIPANTS ?? 134_000);
const PER_LOADER = 17_000;
const LOADERS = Math.max(1, Math.ceil((BRIDGE_POINTS + PARTICIPANTS) / PER_LOADER));
const CONCURRENCY = Number(process.env.BENCH_NATIONAL_CONCURRENCY ?? 40);
const SETTLE_TIMEOUT_MS = 180_000;
const RECOVERY_TIMEOUT_MS = 300_000;
const IDLE_SAMPLE_MS = 10_000;
/** Every line the server processes print (the primary's and its workers' share one stdout). */
const SERVER_LOG = process.env.BENCH_NATIONAL_LOG ?? join(tmpdir(), 'diemcau-national-servers.log');

/** The warnings and errors in the servers' log, counted by message, with the processes that gave them. */
function warnings(output: string): Record<string, { count: number; pids: number[] }> {
  const seen: Record<string, { count: number; pids: number[] }> = {};
  for (const line of output.split('\n')) {
    if (!line.startsWith('{')) continue;
    let entry: { level?: number; msg?: string; pid?: number };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      continue;
    }
    if ((entry.level ?? 0) < 40) continue;
    const key = `${entry.level === 40 ? 'warn' : 'error'}: ${entry.msg ?? '(no message)'}`;
    seen[key] ??= { count: 0, pids: [] };
    const item = seen[key];
    item.count += 1;
    if (entry.pid !== undefined && !item.pids.includes(entry.pid)) item.pids.push(entry.pid);
  }
  return seen;
}

/**
 * When the leader's log says it purged this node (epoch ms), or 0: the purge's own time, which the
 * bench's watch (a process as short of CPU as the rest) can see seconds late.
 */
function purgeLoggedAt(output: string, nodeId: string | undefined): number {
  if (!nodeId) return 0;
  for (const line of output.split('\n')) {
    if (!line.startsWith('{') || !line.includes(nodeId)) continue;
    try {
      const entry = JSON.parse(line) as { time?: string; nodes?: string[]; msg?: string };
      if (entry.nodes?.includes(nodeId) && entry.msg?.includes('presence was removed') && entry.time) {
        return Date.parse(entry.time);
      }
    } catch {
      // not a log line
    }
  }
  return 0;
}

/** The primary and its workers. */
function serverPids(primaryPid: number): number[] {
  try {
    const children = execFileSync('pgrep', ['-P', String(primaryPid)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
    return [primaryPid, ...children];
  } catch {
    return [primaryPid];
  }
}

/**
 * CPU time (user + system) a process has used, in seconds (`/proc/<pid>/stat`, 100 ticks a second);
 * with `reaped`, also that of its children it has waited for (a killed worker, PostgreSQL's backends
 * that have ended).
 */
function cpuSeconds(pid: number, reaped = false): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const own = Number(fields[11]) + Number(fields[12]);
    return (reaped ? own + Number(fields[13]) + Number(fields[14]) : own) / 100;
  } catch {
    return 0;
  }
}

function pgrep(args: string[]): number[] {
  try {
    return execFileSync('pgrep', args, { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

type CpuSplit = {
  servers: number;
  balancer: number;
  loaders: number;
  postgres: number;
  bench: number;
  /** The kernel's threads of its own: `kdamond` (DAMON's proactive reclaim, on these VMs), `ksoftirqd`. */
  kdamond: number;
  ksoftirqd: number;
  idle: number;
};

/**
 * CPU seconds used so far by each part of the run: the server workers (with any the primary has
 * reaped), the balancer (the primary itself), the load processes, PostgreSQL (every backend, ended
 * ones too), this process (the dashboard) and the kernel's own threads; `idle` is the machine's idle
 * time over all cores.
 */
function cpuSplit(primaryPid: number): CpuSplit {
  const primaryStat = readFileSync(`/proc/${primaryPid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const reapedWorkers = (Number(primaryStat[13]) + Number(primaryStat[14])) / 100;
  const workers = pgrep(['-P', String(primaryPid)]);
  const postmasters = pgrep(['-P', String(process.pid), '-x', 'postgres']);
  const postgres = [...postmasters, ...postmasters.flatMap((pid) => pgrep(['-P', String(pid)]))];
  const loaders = pgrep(['-P', String(process.pid), '-f', 'live-load']);
  const sum = (pids: number[], reaped = false) => pids.reduce((s, pid) => s + cpuSeconds(pid, reaped), 0);
  const usage = process.cpuUsage();
  const machine = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  return {
    servers: sum(workers) + reapedWorkers,
    balancer: cpuSeconds(primaryPid),
    loaders: sum(loaders),
    postgres: sum(postgres, true),
    bench: (usage.user + usage.system) / 1e6,
    kdamond: sum(pgrep(['^kdamond'])),
    ksoftirqd: sum(pgrep(['^ksoftirqd'])),
    idle: ((machine[3] ?? 0) + (machine[4] ?? 0)) / 100,
  };
}

/** Cores each part used between two `cpuSplit`s `seconds` apart. */
function coresBetween(a: CpuSplit, b: CpuSplit, seconds: number): CpuSplit {
  const out = {} as CpuSplit;
  for (const key of Object.keys(a) as (keyof CpuSplit)[])
    out[key] = round((b[key] - a[key]) / Math.max(0.001, seconds), 2);
  return out;
}

export async function runNationalBench(): Promise<Record<string, unknown>> {
  const db = await benchDatabase('national');
  const orm = await openOrm(db.url);
  await migrate(orm);
  await seedDemo(orm.em.fork());
  const primary = spawnServer({
    DATABASE_URL: db.url,
    CLUSTER_NODES: String(NODES),
    PORT: '0',
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    SECRET_KEY: 'bench-secret-bench-secret-bench-secret-0123',
    PUBLIC_URL: 'http://bench.local',
    NODE_OPTIONS: process.env.BENCH_NATIONAL_SERVER_NODE_OPTIONS,
  });
  const serverLog = createWriteStream(SERVER_LOG);
  primary.child.stdout?.pipe(serverLog);
  primary.child.stderr?.pipe(serverLog);
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  let dashboard: DashboardWatch | null = null;
  let run: Storm | null = null;
  let sampler: NodeJS.Timeout | null = null;
  try {
    const url = await primary.listening;
    const total = BRIDGE_POINTS + PARTICIPANTS;
    log(`server processes log to ${SERVER_LOG}`);
    log(`${NODES} server processes behind ${url}; ${BRIDGE_POINTS} bridge points, ${PARTICIPANTS} participants`);
    const { conferenceId, cookie, packets } = await liveConference(url, orm, BRIDGE_POINTS, PARTICIPANTS);
    await orm.close(true);
    dashboard = new DashboardWatch(url, conferenceId, cookie, { reconnection: true });
    await dashboard.ready();

    // Server memory, sampled through the storm.
    let peakRssKB = 0;
    let peakPerProcessKB = 0;
    sampler = setInterval(() => {
      const sizes = serverPids(primary.child.pid!).map(rssKB);
      peakRssKB = Math.max(
        peakRssKB,
        sizes.reduce((a, b) => a + b, 0),
      );
      peakPerProcessKB = Math.max(peakPerProcessKB, ...sizes);
    }, 2000);
    const rssBefore = serverPids(primary.child.pid!)
      .map(rssKB)
      .reduce((a, b) => a + b, 0);

    log(`storm: ${LOADERS} load processes, ${CONCURRENCY} joins in flight each`);
    // The dashboard's totals every 30 s: how far the storm has got, how fast, and where the CPU went.
    const started = Date.now();
    const cpuAtStart = cpuSplit(primary.child.pid!);
    const stormWindows: ({ sec: number; joinsPerSec: number } & CpuSplit)[] = [];
    let windowCpu = cpuAtStart;
    let windowAt = started;
    let windowCounted = 0;
    const progress = setInterval(() => {
      const t = dashboard?.last;
      const at = Date.now();
      const cpu = cpuSplit(primary.child.pid!);
      const counted = (t?.connected ?? 0) + (t?.checkIns ?? 0);
      const window = {
        sec: Math.round((at - started) / 1000),
        joinsPerSec: round((counted - windowCounted) / ((at - windowAt) / 1000)),
        ...coresBetween(windowCpu, cpu, (at - windowAt) / 1000),
      };
      stormWindows.push(window);
      [windowCpu, windowAt, windowCounted] = [cpu, at, counted];
      log(
        `+${window.sec} s: ${t?.connected ?? 0} bridge points, ${t?.checkIns ?? 0} participants counted (${window.joinsPerSec}/s; cores: servers ${window.servers}, balancer ${window.balancer}, load ${window.loaders}, postgres ${window.postgres}, kdamond ${window.kdamond}, idle ${window.idle})`,
      );
    }, 30_000);
    run = await storm({ url, packets, loaders: LOADERS, concurrency: CONCURRENCY, subnet: 5, reconnect: true }).finally(
      () => clearInterval(progress),
    );
    const stormSeconds = (run.lastAck - run.firstOpen) / 1000;
    const stormCpuCores = coresBetween(cpuAtStart, cpuSplit(primary.child.pid!), (Date.now() - started) / 1000);
    log(`${run.ok} joined (${run.failures} failed) in ${round(stormSeconds, 1)} s`);
    if (run.reasons.length > 0) log(`failures: ${run.reasons.join(' | ')}`);
    const reached = await dashboard.reach(run.ok, SETTLE_TIMEOUT_MS);
    await sleep(2000);
    const { delays, unreflected } = dashboard.delaysFor(run.openedSorted());
    const afterStorm = dashboard.last;
    const exactAfterStorm =
      run.failures === 0 &&
      reached &&
      afterStorm?.connected === BRIDGE_POINTS &&
      afterStorm.checkIns === PARTICIPANTS &&
      dashboard.mirror?.totals.checkIns === PARTICIPANTS;
    const spread = await client.query<{ pid: number; n: number }>(
      `select n.pid, count(*)::int as n from live_presence p join live_node n on n.id = p.node_id
        where p.conference_id = $1 group by n.pid order by n desc`,
      [conferenceId],
    );
    log(`presence per process: ${spread.rows.map((r) => r.n).join(', ')}`);

    // What holding the sockets costs with nobody joining: heartbeats (a ping each 20 s per socket),
    // node heartbeats, the leader's timeline.
    const pids = serverPids(primary.child.pid!);
    const cpuBefore = pids.reduce((s, pid) => s + cpuSeconds(pid), 0);
    await sleep(IDLE_SAMPLE_MS);
    const idleServerCpuCores = (pids.reduce((s, pid) => s + cpuSeconds(pid), 0) - cpuBefore) / (IDLE_SAMPLE_MS / 1000);
    log(`idle with ${run.ok} sockets: the server processes use ${round(idleServerCpuCores, 2)} CPU cores`);

    // ----- SIGKILL the busiest server process -----
    const victim = spread.rows[0]!;
    const { rows: victimNode } = await client.query<{ id: string }>('select id from live_node where pid = $1', [
      victim.pid,
    ]);
    const killedAt = Date.now();
    const cpuAtKill = cpuSplit(primary.child.pid!);
    process.kill(victim.pid, 'SIGKILL');
    log(`killed server process ${victim.pid} (${victim.n} connections)`);
    let recoveredAt = 0;
    let purgedAt = 0;
    let watching = true;
    // The purge is watched on its own, every 100 ms: a round of the loop below waits for eight busy
    // load processes' stats (up to 10 s), which made it read late.
    const purgeWatch = (async () => {
      while (watching && !purgedAt && Date.now() - killedAt < RECOVERY_TIMEOUT_MS) {
        const found = await client.query('select 1 from live_node where id = $1', [victimNode[0]?.id]);
        if (found.rowCount === 0) {
          purgedAt = Date.now();
          log(`+${round((purgedAt - killedAt) / 1000, 1)} s: the killed process's presence is purged`);
        } else await sleep(100);
      }
    })().catch(() => undefined); // the client closed by a failing run
    let lastLogAt = killedAt;
    let sawDip = false;
    let lastStats: ({ dropped: number; rejoined: number } | null)[] = [];
    while (Date.now() - killedAt < RECOVERY_TIMEOUT_MS) {
      await sleep(250);
      const last = dashboard.last;
      const exact = last?.connected === BRIDGE_POINTS && last.checkIns === PARTICIPANTS;
      if (!exact) sawDip = true;
      const gone = purgedAt > 0;
      // A load process busy reconnecting thousands may answer late: then it is not back yet.
      const stats = await Promise.all(
        run.loaders.map((child) => {
          const reply = message<{ dropped: number; rejoined: number }>(child, 'stats', 10_000).catch(() => null);
          child.send({ type: 'stats' });
          return reply;
        }),
      );
      if (Date.now() - lastLogAt >= 15_000) {
        lastLogAt = Date.now();
        const sum = (f: 'dropped' | 'rejoined') => stats.reduce((a, s) => a + (s?.[f] ?? 0), 0);
        log(
          `+${round((lastLogAt - killedAt) / 1000)} s: ${sum('rejoined')} of ${sum('dropped')} back; dashboard ${last?.checkIns} participants`,
        );
      }
      if (stats.every((s) => s !== null)) lastStats = stats;
      const back = stats.every((s) => s !== null && s.rejoined >= s.dropped);
      if (process.env.BENCH_NATIONAL_DEBUG && Date.now() - killedAt < 60_000) {
        log(
          `+${Date.now() - killedAt} ms: connected ${last?.connected} checkIns ${last?.checkIns} victim gone ${gone}; dropped ${stats.reduce((a, s) => a + (s?.dropped ?? 0), 0)} rejoined ${stats.reduce((a, s) => a + (s?.rejoined ?? 0), 0)}`,
        );
      }
      if (exact && gone && back) {
        recoveredAt = Date.now();
        break;
      }
    }
    const killRecoverySec = recoveredAt ? (recoveredAt - killedAt) / 1000 : null;
    watching = false;
    await purgeWatch;
    const recoveryCpuCores = coresBetween(cpuAtKill, cpuSplit(primary.child.pid!), (Date.now() - killedAt) / 1000);
    log(`recovered in ${killRecoverySec ?? '(not within the time)'} s`);
    const rssPeakKB = peakRssKB;
    const victimPurgedAt = purgeLoggedAt(primary.stdout(), victimNode[0]?.id);
    const result = {
      name: 'national',
      nodes: NODES,
      bridgePoints: BRIDGE_POINTS,
      participants: afterStorm?.checkIns ?? 0,
      exact: exactAfterStorm && recoveredAt > 0,
      p99JoinToDashboardMs: round(percentile(delays, 99)),
      killRecoverySec: killRecoverySec === null ? null : round(killRecoverySec, 1),
      peakRssMB: round(rssPeakKB / 1024),
      socketsAimed: total,
      socketsJoined: run.ok,
      failedJoins: run.failures,
      stormSeconds: round(stormSeconds, 1),
      joinsPerSec: round(run.ok / stormSeconds),
      p50JoinToDashboardMs: round(percentile(delays, 50)),
      unreflectedJoins: unreflected,
      dashboardGaps: dashboard.gaps,
      dashboardSnapshots: dashboard.snapshots,
      rssKBPerSocket: round((rssPeakKB - rssBefore) / Math.max(1, run.ok), 1),
      peakProcessRssMB: round(peakPerProcessKB / 1024),
      killedConnections: victim.n,
      victimPurgedSec: victimPurgedAt > 0 ? round((victimPurgedAt - killedAt) / 1000, 1) : null,
      victimPurgeSeenSec: purgedAt ? round((purgedAt - killedAt) / 1000, 1) : null,
      rejoinedByEnd: lastStats.reduce((a, s) => a + (s?.rejoined ?? 0), 0),
      droppedByKill: lastStats.reduce((a, s) => a + (s?.dropped ?? 0), 0),
      idleServerCpuCores: round(idleServerCpuCores, 2),
      totalsDippedAfterKill: sawDip,
      presencePerProcess: spread.rows.map((r) => r.n),
      loadProcesses: LOADERS,
      concurrencyPerLoader: CONCURRENCY,
      stormCpuCores,
      recoveryCpuCores,
      stormWindows,
      serverWarnings: warnings(primary.stdout()),
      serverLog: SERVER_LOG,
    };
    return result;
  } finally {
    if (sampler) clearInterval(sampler);
    dashboard?.close();
    await run?.close().catch(() => 0);
    await client.end().catch(() => undefined);
    await stop(primary.child);
    await db.dispose();
  }
}
