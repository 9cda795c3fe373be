import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { LiveTotals } from '@diemcau/schema';
import {
  createLogger,
  type EmbeddedPostgresHandle,
  freePort,
  migrate,
  openOrm,
  startEmbeddedPostgres,
} from '@diemcau/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../server/src/demo/seed.ts';
import { signIn } from '../harness/factories.ts';
import {
  connectLive,
  createConference,
  DashboardMirror,
  eventually,
  gql,
  type OperatorSocket,
  type ParticipantSocket,
  seededRandom,
  tokenOf,
} from '../harness/live.ts';
import { logLines, type ServerProcess, spawnServer } from '../harness/process.ts';

/**
 * Three server processes on one PostgreSQL, as behind a load balancer: operators, participants and
 * dashboards on all of them. The count is one and exact on every process (a participant on two
 * processes counts once, a bridge point with consoles on two processes too); a process killed with
 * SIGKILL stops counting within 15 s while its clients come back through the others (even when it
 * was the leader) — with a heartbeat expiry of 60 s, so by its released liveness lock; a PostgreSQL
 * restart leaves the processes running, degraded, and the counts converge once it is back (no live
 * process is taken for dead when every connection dropped at once).
 *
 * This file runs its own embedded PostgreSQL, so that restarting it disturbs no other test.
 */

const GRACE_MS = 2000;
const random = seededRandom(20261201);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let pgDir: string;
let pg: EmbeddedPostgresHandle;
let pgPort: number;
let databaseUrl: string;
const nodes: { name: string; process: ServerProcess; url: string }[] = [];

const serverEnv = () => ({
  DATABASE_URL: databaseUrl,
  CLUSTER: 'true',
  PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
  SECRET_KEY: 'cluster-test-secret-key-0123456789-abcdef',
  LIVE_GRACE_MS: String(GRACE_MS),
  LIVE_PUBLISH_MS: '150',
  LIVE_SAMPLE_MS: '1000',
  // A killed process's sockets close at once (the kernel closes them); pings only find a silent peer.
  // Under a loaded machine (the whole suite on 2 cores) a 5 s ping budget dropped live consoles.
  SOCKET_PING_INTERVAL_MS: '5000',
  SOCKET_PING_TIMEOUT_MS: '10000',
  // Far beyond the 15 s a killed process may keep counting: what removes it is its liveness lock,
  // released by PostgreSQL when its connection closes, not its heartbeats lapsing.
  CLUSTER_NODE_EXPIRY_MS: '60000',
});

async function startNode(name: string): Promise<void> {
  const child = spawnServer({ ...serverEnv(), CLUSTER_NODE_NAME: name, LOG_LEVEL: 'info' });
  const url = await child.listening;
  const existing = nodes.findIndex((n) => n.name === name);
  const node = { name, process: child, url };
  if (existing >= 0) nodes[existing] = node;
  else nodes.push(node);
}

async function ready(url: string): Promise<{ status: number; body: { cluster?: { leader: boolean; node: string } } }> {
  const res = await fetch(`${url}/readyz`).catch(() => null);
  if (!res) return { status: 0, body: {} };
  return { status: res.status, body: (await res.json()) as { cluster?: { leader: boolean; node: string } } };
}

beforeAll(async () => {
  const log = createLogger({ logLevel: 'warn', nodeEnv: 'test' });
  pgDir = await mkdtemp(path.join(os.tmpdir(), 'diemcau-cluster-'));
  await chmod(pgDir, 0o755);
  pgPort = await freePort();
  pg = await startEmbeddedPostgres({ dataDir: path.join(pgDir, 'pg'), port: pgPort, log });
  const admin = new (await import('pg')).default.Client({ connectionString: pg.adminUrl });
  await admin.connect();
  await admin.query('create database diemcau');
  await admin.end();
  databaseUrl = pg.urlFor('diemcau');
  const orm = await openOrm(databaseUrl);
  await migrate(orm);
  await seedDemo(orm.em.fork());
  await orm.close(true);
  await Promise.all(['node-a', 'node-b', 'node-c'].map(startNode));
}, 120_000);

afterAll(async () => {
  if (process.env.CLUSTER_TEST_LOG_DIR) {
    const { writeFile } = await import('node:fs/promises');
    for (const node of nodes) {
      await writeFile(path.join(process.env.CLUSTER_TEST_LOG_DIR, `${node.name}.log`), node.process.stdout());
      await writeFile(path.join(process.env.CLUSTER_TEST_LOG_DIR, `${node.name}.err`), node.process.stderr());
    }
  }
  for (const node of nodes) node.process.child.kill('SIGTERM');
  await Promise.all(nodes.map((n) => n.process.exited));
  await pg?.stop();
  if (pgDir) await rm(pgDir, { recursive: true, force: true });
}, 60_000);

type Site = { id: string; token: string; code: string };
type Person = { n: number; site: Site; name: string; memberNumber: string; sockets: ParticipantSocket[] };
const totalsFields = 'bridgePoints connected unstable dropped neverConnected present expected checkIns reported';

describe('three processes, one count', () => {
  it('counts once across processes, survives a killed leader and a PostgreSQL restart', async () => {
    const [a, b, c] = nodes as [(typeof nodes)[0], (typeof nodes)[0], (typeof nodes)[0]];
    const organizer = await signIn({ url: a.url } as never, 'tuyengiao', 'tuyengiao-demo-2026');
    const { unit } = await gql<{ unit: { id: string } }>(a.url, organizer, '{ unit(code: "TH-05") { id } }');
    const conference = await createConference(a.url, organizer, unit.id, 'Hội nghị Thọ Xuân (nhiều máy chủ)');
    await gql(a.url, organizer, `mutation ($i: CreateBridgePointInput!) { createBridgePoint(input: $i) { id } }`, {
      i: { conferenceId: conference.id, unitId: unit.id, host: true, expectedHeadcount: 120 },
    });
    // Created on B: every process must learn the new bridge points (their check-in codes).
    const created = await gql<{
      createBridgePointsForUnits: { bridgePoints: { id: string; operatorLink: string; checkInCode: string }[] };
    }>(
      b.url,
      organizer,
      `mutation ($i: CreateBridgePointsForUnitsInput!) { createBridgePointsForUnits(input: $i) {
        bridgePoints { id operatorLink checkInCode } } }`,
      { i: { conferenceId: conference.id, underUnitId: unit.id, kindCodes: ['COMMUNE_COMMITTEE'] } },
    );
    const sites: Site[] = created.createBridgePointsForUnits.bridgePoints.map((bp) => ({
      id: bp.id,
      token: tokenOf(bp.operatorLink),
      code: bp.checkInCode,
    }));
    expect(sites.length).toBeGreaterThanOrEqual(20);
    await gql(c.url, organizer, `mutation { startConference(id: ${conference.id}) { id status } }`);

    // ----- who connects where (the test plays the load balancer) -----
    const consoles = new Map<string, { node: string; socket: OperatorSocket }[]>();
    /** Every console's disconnection and its reason, printed when the processes do not agree. */
    const disconnects: string[] = [];
    const reported = new Map<string, number>();
    const openConsole = async (site: Site, node: (typeof nodes)[0]) => {
      const socket = await connectLive<OperatorSocket>(node.url, '/operator', {
        conferenceId: conference.id,
        token: site.token,
      });
      consoles.set(site.id, [...(consoles.get(site.id) ?? []), { node: node.name, socket }]);
      socket.on('disconnect', (reason) => disconnects.push(`site ${site.id} on ${node.name}: ${reason}`));
      return socket;
    };
    const online = sites.slice(0, 18);
    for (const [i, site] of online.entries()) {
      const socket = await openConsole(site, nodes[i % 3]!);
      const headcount = 20 + i;
      await socket.timeout(5000).emitWithAck('operator:report-headcount', { headcount });
      reported.set(site.id, headcount);
    }
    // Five sites have a second console on another process: still one connected bridge point each.
    for (const [i, site] of online.slice(0, 5).entries()) await openConsole(site, nodes[(i + 1) % 3]!);

    const people: Person[] = Array.from({ length: 450 }, (_, n) => ({
      n,
      site: sites[Math.floor(random() * sites.length)]!,
      name: `Đảng viên cụm ${n + 1}`,
      memberNumber: String(30_000_000 + n),
      sockets: [],
    }));
    const nodeOf = new Map<ParticipantSocket, string>();
    const join = async (person: Person, node: (typeof nodes)[0]) => {
      const socket = await connectLive<ParticipantSocket>(node.url, '/participant', {
        conferenceId: conference.id,
        code: person.site.code,
        name: person.name,
        memberNumber: person.memberNumber,
      });
      person.sockets.push(socket);
      nodeOf.set(socket, node.name);
    };
    await Promise.all(people.map((p) => join(p, nodes[p.n % 3]!)));
    // 60 of them on a second device, on another process: counted once.
    await Promise.all(people.slice(0, 60).map((p) => join(p, nodes[(p.n + 1) % 3]!)));

    const dashboards = await Promise.all(nodes.map((n) => DashboardMirror.connect(n.url, conference.id, organizer)));

    // ----- the truth -----
    // Dropped: a site once online whose consoles are all down now (the ones the test keeps away, and
    // any console the machine's load disconnected — the counts must follow those too).
    const truth = (): Partial<LiveTotals> => {
      const dropped = new Set(
        online.filter((site) => !(consoles.get(site.id) ?? []).some((c) => c.socket.connected)).map((s) => s.id),
      );
      let present = 0;
      let checkIns = 0;
      let connected = 0;
      let reportedSum = 0;
      for (const site of sites) {
        const live = people.filter((p) => p.site === site && p.sockets.some((s) => s.connected)).length;
        const up = (consoles.get(site.id) ?? []).some((c) => c.socket.connected);
        if (up) connected += 1;
        const report = up ? (reported.get(site.id) ?? 0) : 0;
        reportedSum += report;
        present += Math.max(report, live);
        checkIns += live;
      }
      return {
        bridgePoints: sites.length + 1,
        connected,
        dropped: dropped.size,
        neverConnected: sites.length + 1 - online.length,
        present,
        checkIns,
        reported: reportedSum,
      };
    };
    const liveQuery = `query ($id: ID!) { conference(id: $id) { live { seq totals { ${totalsFields} }
      level2: rollup(level: 2) { unit { id } totals { present checkIns connected } } } } }`;
    type Live = {
      conference: {
        live: { seq: number; totals: LiveTotals; level2: { unit: { id: string }; totals: Partial<LiveTotals> }[] };
      };
    };
    const agreeEverywhere = (expectedNow: () => Partial<LiveTotals>, on = nodes, timeoutMs = 10_000) =>
      eventually(async () => {
        const expected = { ...expectedNow(), unstable: 0 };
        const answers = await Promise.all(on.map((n) => gql<Live>(n.url, organizer, liveQuery, { id: conference.id })));
        for (const answer of answers) expect(answer.conference.live.totals).toMatchObject(expected);
        // Every process answers GraphQL with the same published state, roll-ups included.
        for (const answer of answers.slice(1)) expect(answer.conference.live).toEqual(answers[0]!.conference.live);
        for (const dashboard of dashboards.filter((d) => on.some((n) => dashboardNode.get(d) === n.name))) {
          expect(dashboard.state?.totals).toMatchObject(expected);
        }
        return answers[0]!.conference.live;
      }, timeoutMs).catch((error: unknown) => {
        console.error(`console disconnections so far:\n${disconnects.join('\n')}`);
        throw error;
      });
    const dashboardNode = new Map(dashboards.map((d, i) => [d, nodes[i]!.name]));

    const steady = truth();
    expect(steady.connected).toBe(18);
    expect(steady.checkIns).toBe(450);
    await agreeEverywhere(truth);

    // ----- a participant leaves one process but stays on another; a console on two processes loses one -----
    for (const p of people.slice(0, 30)) p.sockets[0]!.disconnect();
    for (const site of online.slice(0, 5)) consoles.get(site.id)![0]!.socket.disconnect();
    await agreeEverywhere(truth);

    // ----- SIGKILL the leader -----
    const states = await Promise.all(nodes.map((n) => ready(n.url)));
    const leaderIndex = states.findIndex((s) => s.body.cluster?.leader);
    expect(leaderIndex).toBeGreaterThanOrEqual(0);
    const victim = nodes[leaderIndex]!;
    const survivors = nodes.filter((n) => n !== victim);
    // Clients of the victim come back through the survivors, as a balancer would send them — all but
    // 40 participants and the consoles of two sites, who stay away.
    const awayPeople = new Set(people.filter((p) => p.sockets.some((s) => nodeOf.get(s) === victim.name)).slice(0, 40));
    const awaySites = new Set(
      [...consoles.entries()]
        .filter(([, list]) => list.length === 1 && list[0]!.node === victim.name)
        .slice(0, 2)
        .map(([id]) => id),
    );
    expect(awaySites.size).toBe(2);
    const returning: Promise<void>[] = [];
    for (const p of people) {
      for (const s of p.sockets) {
        if (nodeOf.get(s) !== victim.name || !s.connected || awayPeople.has(p)) continue;
        s.once('disconnect', () => {
          returning.push(sleep(200 + random() * 1500).then(() => join(p, survivors[p.n % 2]!)));
        });
      }
    }
    for (const [siteId, list] of consoles) {
      for (const entry of list) {
        if (entry.node !== victim.name || !entry.socket.connected || awaySites.has(siteId)) continue;
        entry.socket.once('disconnect', () => {
          const site = sites.find((s) => s.id === siteId)!;
          returning.push(
            sleep(200 + random() * 1500).then(async () => {
              await openConsole(site, survivors[Number(siteId) % 2]!);
            }),
          );
        });
      }
    }
    // The victim's own dashboard goes with it.
    const victimDashboard = dashboards.findIndex((d) => dashboardNode.get(d) === victim.name);
    dashboards.splice(victimDashboard, 1)[0]!.close();
    const killedAt = Date.now();
    victim.process.child.kill('SIGKILL');
    await victim.process.exited;
    // The test's sockets to the victim notice at once (the kernel closes its sockets).
    await eventually(() => expect(returning.length).toBeGreaterThan(0), 5000);
    await sleep(2000);
    // Wait for every return, also of clients that noticed late.
    for (let done = 0; done < returning.length; ) {
      const batch = returning.slice(done);
      await Promise.all(batch);
      done += batch.length;
    }
    // Within 15 s of the kill, the survivors agree on the truth: the victim's connections are gone, its
    // returning clients counted once, the two sites that stayed away dropped (after their grace window).
    await agreeEverywhere(truth, survivors, 15_000 - (Date.now() - killedAt) + GRACE_MS);
    const recoveredIn = Date.now() - killedAt;
    expect(truth().dropped).toBeGreaterThanOrEqual(awaySites.size);
    expect(recoveredIn).toBeLessThan(15_000 + GRACE_MS);
    // A survivor leads now.
    const leaders = await Promise.all(survivors.map((n) => ready(n.url)));
    expect(leaders.filter((s) => s.body.cluster?.leader)).toHaveLength(1);

    // ----- the victim restarts in its slot: a new identity, counting again at once -----
    await startNode(victim.name);
    const restarted = nodes.find((n) => n.name === victim.name)!;
    const dashboardOnRestarted = await DashboardMirror.connect(restarted.url, conference.id, organizer);
    dashboards.push(dashboardOnRestarted);
    dashboardNode.set(dashboardOnRestarted, restarted.name);
    for (const p of [...awayPeople].slice(0, 10)) await join(p, restarted);
    await agreeEverywhere(truth, nodes);

    // ----- PostgreSQL restarts under the cluster -----
    // Away longer than the three heartbeats after which a process without its liveness lock is dead:
    // when it is back, each process's heartbeat is as old as the outage until it has beaten again.
    const purges = () =>
      nodes.flatMap((n) =>
        logLines(n.process.stdout()).filter((l) => String(l.msg).includes('their presence was removed')),
      ).length;
    const purgesBefore = purges();
    await pg.stop();
    // Every process keeps its sockets and says it is degraded.
    await eventually(async () => {
      for (const n of nodes) expect((await ready(n.url)).status).toBe(503);
    }, 10_000);
    const everyone = [...people.flatMap((p) => p.sockets), ...[...consoles.values()].flat().map((e) => e.socket)];
    const connectedBefore = everyone.filter((s) => s.connected).length;
    // People come and go while the database is away.
    for (const p of people.slice(100, 120)) for (const s of p.sockets) s.disconnect();
    await sleep(7000);
    pg = await startEmbeddedPostgres({
      dataDir: path.join(pgDir, 'pg'),
      port: pgPort,
      log: createLogger({ logLevel: 'warn', nodeEnv: 'test' }),
    });
    await eventually(async () => {
      for (const n of nodes) expect((await ready(n.url)).status).toBe(200);
    }, 20_000);
    expect(everyone.filter((s) => s.connected).length).toBe(connectedBefore - 20);
    for (const p of people.slice(120, 130)) await join(p, nodes[p.n % 3]!);
    try {
      await agreeEverywhere(truth, nodes, 20_000);
    } catch (error) {
      // What the table holds, to tell a wrong table from a process that missed a publication.
      const db = new (await import('pg')).default.Client({ connectionString: databaseUrl });
      await db.connect();
      const perNode = await db.query(
        `select node_id, kind, count(*)::int as rows from live_presence where conference_id = $1 group by 1, 2`,
        [conference.id],
      );
      const people = await db.query(
        `select count(distinct (bridge_point_id, key))::int as participants from live_presence
          where conference_id = $1 and kind = 'p'`,
        [conference.id],
      );
      console.log('presence in the table:', JSON.stringify(perNode.rows), JSON.stringify(people.rows));
      await db.end();
      throw error;
    }

    // None of the processes died on the way, and none was taken for dead.
    for (const n of nodes) expect(n.process.child.exitCode).toBeNull();
    expect(purges()).toBe(purgesBefore);

    for (const d of dashboards) d.close();
    for (const s of everyone) s.disconnect();
    for (const p of people) for (const s of p.sockets) s.disconnect();
  }, 240_000);
});
