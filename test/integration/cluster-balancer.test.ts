import { openOrm } from '@diemcau/server';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../server/src/demo/seed.ts';
import { connect, createTestDatabase, type TestDatabase } from '../harness/database.ts';
import { signIn } from '../harness/factories.ts';
import {
  connectLive,
  createConference,
  DashboardMirror,
  eventually,
  gql,
  type OperatorSocket,
  type ParticipantSocket,
  tokenOf,
} from '../harness/live.ts';
import { logLines, type ServerProcess, spawnServer } from '../harness/process.ts';
import { handshake, joinDefault } from '../harness/socket.ts';

/**
 * `CLUSTER_NODES=3 pnpm start`: one address, three server processes behind the built-in balancer.
 * Sockets spread over the workers (long-polling ones too, thanks to sticky sessions), the count is
 * exact, and a worker killed with SIGKILL is replaced in its slot while its clients come back through
 * the balancer and are counted once; a frozen worker stops counting once its heartbeats lapse and is
 * counted again when it thaws.
 */

let database: TestDatabase;
let primary: ServerProcess;
let url: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const orm = await openOrm(database.url);
  await seedDemo(orm.em.fork());
  await orm.close(true);
  primary = spawnServer({
    DATABASE_URL: database.url,
    CLUSTER_NODES: '3',
    PORT: '0',
    HOST: '127.0.0.1',
    SECRET_KEY: 'balancer-test-secret-key-0123456789-abcdef',
    LIVE_GRACE_MS: '3000',
    LIVE_PUBLISH_MS: '150',
    CLUSTER_HEARTBEAT_MS: '500',
    CLUSTER_NODE_EXPIRY_MS: '3000',
    LOG_LEVEL: 'info',
  });
  url = await primary.listening;
}, 120_000);

afterAll(async () => {
  primary?.child.kill('SIGTERM');
  const code = await primary?.exited;
  expect(code).toBe(0);
  await database?.drop();
}, 60_000);

describe('the built-in balancer', () => {
  it('spreads sockets over its workers, counts exactly, and replaces a killed worker', async () => {
    const organizer = await signIn({ url } as never, 'tuyengiao', 'tuyengiao-demo-2026');
    const { unit } = await gql<{ unit: { id: string } }>(url, organizer, '{ unit(code: "TH-05") { id } }');
    const conference = await createConference(url, organizer, unit.id, 'Hội nghị qua bộ cân bằng tải');
    await gql(url, organizer, `mutation ($i: CreateBridgePointInput!) { createBridgePoint(input: $i) { id } }`, {
      i: { conferenceId: conference.id, unitId: unit.id, host: true },
    });
    const created = await gql<{
      createBridgePointsForUnits: { bridgePoints: { id: string; operatorLink: string; checkInCode: string }[] };
    }>(
      url,
      organizer,
      `mutation ($i: CreateBridgePointsForUnitsInput!) { createBridgePointsForUnits(input: $i) {
        bridgePoints { id operatorLink checkInCode } } }`,
      { i: { conferenceId: conference.id, underUnitId: unit.id, kindCodes: ['COMMUNE_COMMITTEE'] } },
    );
    const all = created.createBridgePointsForUnits.bridgePoints;
    const sites = all.slice(0, 12);
    await gql(url, organizer, `mutation { startConference(id: ${conference.id}) { id } }`);

    const consoles: OperatorSocket[] = [];
    for (const site of sites) {
      consoles.push(
        await connectLive<OperatorSocket>(
          url,
          '/operator',
          { conferenceId: conference.id, token: tokenOf(site.operatorLink) },
          { reconnection: true },
        ),
      );
    }
    const participants: ParticipantSocket[] = [];
    for (let n = 0; n < 90; n += 1) {
      participants.push(
        await connectLive<ParticipantSocket>(
          url,
          '/participant',
          { conferenceId: conference.id, code: sites[n % sites.length]!.checkInCode, name: `Người dự ${n + 1}` },
          { reconnection: true },
        ),
      );
    }
    // A browser behind a proxy that refuses WebSocket: long-polling only, through the sticky balancer.
    const polling = io(`${url}/participant`, {
      transports: ['polling'],
      forceNew: true,
      auth: { conferenceId: conference.id, code: sites[0]!.checkInCode, name: 'Người dùng long-polling' },
    }) as Socket;
    const checkedIn = await new Promise<{ name: string }>((resolve, reject) => {
      polling.once('participant:checked-in', resolve);
      polling.once('connect_error', reject);
    });
    expect(checkedIn.name).toBe('Người dùng long-polling');

    const dashboard = await DashboardMirror.connect(url, conference.id, organizer, { reconnection: true });
    const expected = { connected: 12, checkIns: 91, bridgePoints: all.length + 1 };
    await eventually(() => expect(dashboard.state?.totals).toMatchObject(expected));

    // Presence lives on more than one worker.
    const db = await connect(database.url);
    const spread = await db.query<{ node_id: string; pid: number; n: number }>(
      `select p.node_id, n.pid, count(*)::int as n from live_presence p join live_node n on n.id = p.node_id
        where p.conference_id = $1 group by p.node_id, n.pid`,
      [conference.id],
    );
    expect(spread.rows.length).toBeGreaterThanOrEqual(2);

    // SIGKILL the worker holding the most connections; the primary starts another in its slot.
    const victim = [...spread.rows].sort((x, y) => y.n - x.n)[0]!;
    const before = await db.query<{ id: string }>('select id from live_node');
    process.kill(victim.pid, 'SIGKILL');
    await eventually(
      async () => {
        const nodes = await db.query<{ id: string; pid: number }>('select id, pid from live_node');
        expect(nodes.rows).toHaveLength(3);
        expect(nodes.rows.some((r) => r.pid === victim.pid)).toBe(false);
        expect(nodes.rows.filter((r) => !before.rows.some((b) => b.id === r.id))).toHaveLength(1);
      },
      20_000,
      200,
    );
    // Its clients reconnected through the balancer and are counted once.
    await eventually(
      () => {
        expect([...consoles, ...participants].every((s) => s.connected)).toBe(true);
        expect(dashboard.state?.totals).toMatchObject({ ...expected, unstable: 0, dropped: 0 });
      },
      20_000,
      100,
    );
    const live = await gql<{ conference: { live: { totals: { connected: number; checkIns: number } } } }>(
      url,
      organizer,
      `query ($id: ID!) { conference(id: $id) { live { totals { connected checkIns } } } }`,
      { id: conference.id },
    );
    expect(live.conference.live.totals).toEqual({ connected: 12, checkIns: 91 });

    // A worker whose event loop freezes (SIGSTOP) keeps its sockets and its database connections, so
    // its liveness lock stays held: its heartbeats lapsing for CLUSTER_NODE_EXPIRY_MS is what removes
    // its presence (and ends its sessions). Thawed, it learns it was purged, registers again and
    // resends its presence. First a follower, then the leader: a frozen leader holds the leader lock,
    // and the others must depose it, or nobody would count again.
    const rowsOf = async (id: string) =>
      (await db.query<{ n: number }>('select count(*)::int as n from live_presence where node_id = $1', [id])).rows[0]!
        .n;
    const leaderId = async () =>
      (
        await db.query<{ id: string }>(
          `select n.id from pg_locks leader join pg_locks l on l.pid = leader.pid and l.locktype = 'advisory' and l.objsubid = 2
             join live_node n on l.objid = (hashtext(n.id::text) & 2147483647)::oid
            where leader.locktype = 'advisory' and leader.granted and leader.objsubid = 1 and leader.objid = 4216023517::int8::oid`,
        )
      ).rows[0]?.id;
    const freezeAndThaw = async (pick: (row: { id: string }, leader: string) => boolean) => {
      const leader = (await leaderId())!;
      const held = await db.query<{ id: string; pid: number; n: number }>(
        `select n.id, n.pid, count(*)::int as n from live_presence p join live_node n on n.id = p.node_id
          where p.conference_id = $1 group by n.id, n.pid order by n desc`,
        [conference.id],
      );
      const frozen = held.rows.find((row) => pick(row, leader))!;
      expect(frozen, `a worker to freeze among ${JSON.stringify(held.rows)} (leader ${leader})`).toBeDefined();
      const frozenAt = Date.now();
      process.kill(frozen.pid, 'SIGSTOP');
      try {
        await eventually(
          async () => {
            expect((await db.query('select 1 from live_node where id = $1', [frozen.id])).rowCount).toBe(0);
            expect(await rowsOf(frozen.id)).toBe(0);
            expect(await leaderId()).toBeDefined();
            expect(await leaderId()).not.toBe(frozen.id);
          },
          20_000,
          100,
        );
        // Not before its heartbeats lapsed (3 s): its lock was held all along.
        expect(Date.now() - frozenAt).toBeGreaterThanOrEqual(2500);
      } finally {
        process.kill(frozen.pid, 'SIGCONT');
      }
      await eventually(
        async () => {
          expect((await db.query('select 1 from live_node where id = $1', [frozen.id])).rowCount).toBe(1);
          expect(await rowsOf(frozen.id)).toBe(frozen.n);
          expect(dashboard.state?.totals).toMatchObject({ ...expected, dropped: 0 });
        },
        20_000,
        100,
      );
      expect([...consoles, ...participants].every((socket) => socket.connected)).toBe(true);
      expect(
        logLines(primary.stdout()).some(
          (l) => l.pid === frozen.pid && l.msg === 'cluster node had been purged; registering again',
        ),
      ).toBe(true);
    };
    await freezeAndThaw((row, leader) => row.id !== leader);
    await freezeAndThaw((row, leader) => row.id === leader);
    expect(
      logLines(primary.stdout()).some(
        (l) => l.msg === 'the leader stopped heartbeating; its sessions are ended and its presence removed',
      ),
    ).toBe(true);

    // A process's liveness connection breaks while an earlier session still holds its lock (as a
    // half-open connection would, until PostgreSQL's keepalive closes it): the process ends that
    // session and takes its lock again, and is never taken for dead meanwhile.
    const livenessPid = async (id: string) =>
      (
        await db.query<{ pid: number }>(
          `select l.pid from pg_locks l where l.locktype = 'advisory' and l.granted and l.objsubid = 2
              and l.classid = 421602 and l.objid = (hashtext($1) & 2147483647)::oid`,
          [id],
        )
      ).rows[0]?.pid;
    const target = (await db.query<{ id: string }>('select id from live_node order by id limit 1')).rows[0]!.id;
    const stale = await connect(database.url);
    // Should the process take its lock back first, fail here rather than wait for it forever.
    await stale.query(`set lock_timeout = '3s'`);
    let staleEnded = false;
    stale.on('error', () => {
      staleEnded = true;
    });
    const purgesBefore = logLines(primary.stdout()).filter((l) =>
      String(l.msg).includes('presence was removed'),
    ).length;
    // End the process's liveness session and, the moment its lock is free, hold it from another one.
    await stale.query(`select pg_terminate_backend($1), pg_advisory_lock(421602, hashtext($2) & 2147483647)`, [
      await livenessPid(target),
      target,
    ]);
    await eventually(
      async () => {
        expect(staleEnded).toBe(true);
        const holder = await livenessPid(target);
        expect(holder).toBeDefined();
        expect((await db.query('select 1 from live_node where id = $1', [target])).rowCount).toBe(1);
      },
      20_000,
      100,
    );
    expect(
      logLines(primary.stdout()).some(
        (l) => l.msg === "this process's liveness lock is held by an earlier session of its own; ending that one",
      ),
    ).toBe(true);
    expect(logLines(primary.stdout()).filter((l) => String(l.msg).includes('presence was removed')).length).toBe(
      purgesBefore,
    );
    await stale.end().catch(() => undefined);

    await db.end();
    dashboard.close();
    polling.disconnect();
    for (const s of [...consoles, ...participants]) s.disconnect();
  }, 120_000);
});

describe('the built-in balancer in a reconnect storm', () => {
  let stormDatabase: TestDatabase;
  let stormPrimary: ServerProcess;
  let stormUrl: string;

  beforeAll(async () => {
    stormDatabase = await createTestDatabase();
    stormPrimary = spawnServer({
      DATABASE_URL: stormDatabase.url,
      CLUSTER_NODES: '2',
      PORT: '0',
      HOST: '127.0.0.1',
      SECRET_KEY: 'balancer-storm-secret-key-0123456789-abcdef',
      SOCKET_MAX_JOINING: '1',
      LOG_LEVEL: 'info',
    });
    stormUrl = await stormPrimary.listening;
  }, 120_000);

  afterAll(async () => {
    stormPrimary?.child.kill('SIGTERM');
    await stormPrimary?.exited;
    await stormDatabase?.drop();
  }, 60_000);

  it('refuses new Socket.IO connections itself while every worker is full, serves other requests, and takes them again once one joins', async () => {
    // One handshake in progress on each worker (SOCKET_MAX_JOINING 1): both are full.
    const opened: string[] = [];
    for (let attempt = 0; opened.length < 2 && attempt < 10; attempt += 1) {
      const answer = await handshake(stormUrl);
      if (answer.status === 200) opened.push(answer.message);
      else await new Promise((r) => setTimeout(r, 200));
    }
    expect(opened).toHaveLength(2);
    // Once the workers have told it, the primary answers 503 itself (a worker's refusal is a 403).
    await eventually(async () => expect((await handshake(stormUrl)).status).toBe(503), 5000);
    expect((await fetch(`${stormUrl}/healthz`)).status).toBe(200);
    // One joins its namespace: that worker takes a new connection again.
    await joinDefault(stormUrl, opened[0]!);
    await eventually(async () => expect((await handshake(stormUrl)).status).toBe(200), 5000);
  });
});
