import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoProvince, signIn } from '../harness/factories.ts';
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
import { startTestServer, type TestServer } from '../harness/server.ts';

/**
 * 50 bridge points and 2,000 participants joining and leaving at random (seeded), with second devices,
 * reconnects that race the old disconnect, reconnects inside and outside the grace window, clean
 * leaves, abrupt drops (transport killed) and silent vanishing (no more pongs). After settling, every
 * total and roll-up the server reports equals the ground truth computed here, and the dashboard's
 * copy (snapshot + coalesced changes) equals the GraphQL snapshot.
 */

const GRACE_MS = 1000;
const PING_MS = 1000;
/** Generous: two test files and a browser share two cores, and a 1 s timeout drops healthy sockets then. */
const PING_TIMEOUT_MS = 3000;
const PUBLISH_MS = 250;
const PARTICIPANTS = 2000;
const random = seededRandom(20261122);

let server: TestServer;
let organizer: string;

type Bp = { id: number; code: string; token: string; path: number[]; level: number };
type Person = { n: number; bp: Bp; name: string; memberNumber: string | null; sockets: ParticipantSocket[] };

const intentional = new WeakSet<object>();
const unexpected: string[] = [];
let connects = 0;

function pick<T>(list: T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

function shuffle<T>(list: T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const item = items[next++]!;
        await work(item);
      }
    }),
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function watch<S extends { on: (event: 'disconnect', fn: (reason: string) => void) => unknown }>(socket: S): S {
  socket.on('disconnect', (reason: string) => {
    if (!intentional.has(socket)) unexpected.push(reason);
  });
  return socket;
}

function close(socket: { disconnect: () => unknown }): void {
  intentional.add(socket);
  socket.disconnect();
}

/** The network goes away under the socket: no close handshake at all. */
function terminate(socket: ParticipantSocket | OperatorSocket): void {
  intentional.add(socket);
  // A socket that already lost its transport unexpectedly is in `unexpected`, which the test checks.
  (socket.io.engine.transport as unknown as { ws: { terminate: () => void } | null }).ws?.terminate();
}

/** The device stops answering the server's pings (lost network): the server must notice by itself. */
function vanish(socket: ParticipantSocket | OperatorSocket): void {
  intentional.add(socket);
  (socket.io.engine as unknown as { _sendPacket: () => void })._sendPacket = () => undefined;
}

const families = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
];
const middles = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Quang'];
const givens = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Giang',
  'Hà',
  'Hạnh',
  'Hải',
  'Hoa',
  'Hùng',
  'Hương',
  'Khánh',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Nam',
  'Nga',
  'Phong',
  'Phương',
  'Quân',
  'Sơn',
  'Tâm',
  'Thảo',
  'Thắng',
  'Trang',
  'Trung',
  'Tuấn',
  'Vân',
  'Yến',
];

/** The same person typed differently on a second device. */
function variant(person: Person): { name: string; memberNumber: string | null } {
  if (person.memberNumber) {
    const digits = person.memberNumber;
    return { name: person.name, memberNumber: `${digits.slice(0, 2)}.${digits.slice(2, 5)}.${digits.slice(5)}` };
  }
  return { name: `  ${person.name.toUpperCase().replace(/ /g, '  ')} `, memberNumber: null };
}

async function join(
  conferenceId: number,
  person: Person,
  identity = { name: person.name, memberNumber: person.memberNumber },
) {
  const socket = await connectLive<ParticipantSocket>(
    server.url,
    '/participant',
    { conferenceId, code: person.bp.code, ...identity },
    { timeoutMs: 30_000 },
  );
  connects += 1;
  person.sockets.push(watch(socket));
  return socket;
}

async function console_(conferenceId: number, bp: Bp): Promise<OperatorSocket> {
  const socket = await connectLive<OperatorSocket>(
    server.url,
    '/operator',
    { conferenceId, token: bp.token },
    { timeoutMs: 30_000 },
  );
  return watch(socket);
}

beforeAll(async () => {
  server = await startTestServer({
    LIVE_GRACE_MS: String(GRACE_MS),
    LIVE_SAMPLE_MS: '500',
    LIVE_PUBLISH_MS: String(PUBLISH_MS),
    SOCKET_PING_INTERVAL_MS: String(PING_MS),
    SOCKET_PING_TIMEOUT_MS: String(PING_TIMEOUT_MS),
  });
  await loadDemoProvince(server);
  organizer = await signIn(server, 'tuyengiao', 'tuyengiao-demo-2026');
});
afterAll(async () => {
  await server?.stop();
});

describe('the live counter under churn', () => {
  it('counts 50 bridge points and 2,000 participants exactly', async () => {
    // ----- set-up: host at the province, 30 districts and agencies, 19 communes of one district -----
    const units = await gql<{
      th: { id: string };
      communes: { edges: { node: { id: string } }[] };
    }>(
      server.url,
      organizer,
      `query { th: unit(code: "TH") { id }
        communes: units(filter: { kindCodes: ["COMMUNE_COMMITTEE"] }, first: 200) {
          edges { node { id } } } }`,
    );
    const conference = await createConference(server.url, organizer, units.th.id, 'Hội nghị toàn tỉnh (kiểm thử)');
    const conferenceId = Number(conference.id);
    const createOne = `mutation ($input: CreateBridgePointInput!) { createBridgePoint(input: $input) { id } }`;
    await gql(server.url, organizer, createOne, {
      input: { conferenceId, unitId: units.th.id, host: true, expectedHeadcount: 200 },
    });
    await gql(
      server.url,
      organizer,
      `mutation ($input: CreateBridgePointsForUnitsInput!) { createBridgePointsForUnits(input: $input) { created } }`,
      {
        input: {
          conferenceId,
          underUnitId: units.th.id,
          kindCodes: ['DISTRICT_COMMITTEE', 'AGENCY', 'ARMED_FORCES'],
          expectedHeadcount: 60,
        },
      },
    );
    for (const edge of shuffle(units.communes.edges).slice(0, 19)) {
      await gql(server.url, organizer, createOne, {
        input: { conferenceId, unitId: edge.node.id, expectedHeadcount: Math.floor(random() * 40) },
      });
    }
    const listed = await gql<{
      conference: { bridgePoints: { edges: { node: { id: string; checkInCode: string; operatorLink: string } }[] } };
    }>(
      server.url,
      organizer,
      `query ($id: ID!) { conference(id: $id) { bridgePoints(first: 200) { edges { node { id checkInCode operatorLink } } } } }`,
      { id: conferenceId },
    );
    const paths = new Map(
      (
        (await server.orm.em
          .fork()
          .getConnection()
          .execute(`select id, unit_path::text as path from bridge_point where conference_id = ${conferenceId}`)) as {
          id: number;
          path: string;
        }[]
      ).map((r) => [r.id, r.path.split('.').map(Number)]),
    );
    const bps: Bp[] = listed.conference.bridgePoints.edges.map(({ node }) => ({
      id: Number(node.id),
      code: node.checkInCode,
      token: tokenOf(node.operatorLink),
      path: paths.get(Number(node.id))!,
      level: paths.get(Number(node.id))!.length,
    }));
    expect(bps).toHaveLength(50);
    await gql(server.url, organizer, `mutation { startConference(id: ${conferenceId}) { id } }`);
    const dashboard = await DashboardMirror.connect(server.url, conferenceId, organizer);
    const startedAt = Date.now();

    // ----- the people -----
    const people: Person[] = [];
    const namesAt = new Map<number, Set<string>>();
    for (let n = 0; n < PARTICIPANTS; n += 1) {
      const bp = pick(bps);
      const taken = namesAt.get(bp.id) ?? new Set<string>();
      let name: string;
      do name = `${pick(families)} ${pick(middles)} ${pick(givens)}`;
      while (taken.has(name.toLowerCase()));
      taken.add(name.toLowerCase());
      namesAt.set(bp.id, taken);
      const memberNumber = random() < 0.4 ? String(10_000_000 + n * 7919) : null;
      people.push({ n, bp, name, memberNumber, sockets: [] });
    }

    // ----- operators: 5 bridge points never connect, 15 get a second console -----
    const order = shuffle(bps);
    const never = new Set(order.slice(0, 5).map((b) => b.id));
    const online = order.slice(5);
    const consoles = new Map<number, OperatorSocket[]>();
    const everConnected = new Set<number>();
    const reported = new Map<number, number>();
    const churn = {
      insideGrace: online.slice(0, 5),
      outsideGrace: online.slice(5, 10),
      leaveClean: online.slice(10, 15),
      leaveAbrupt: online.slice(15, 18),
      dropOneOfTwo: online.slice(18, 20),
    };
    const doubled = new Set([...churn.dropOneOfTwo, ...online.slice(20, 33)].map((b) => b.id));
    const operatorsUp = pool(online, 16, async (bp) => {
      const list = [await console_(conferenceId, bp)];
      if (doubled.has(bp.id)) list.push(await console_(conferenceId, bp));
      consoles.set(bp.id, list);
      everConnected.add(bp.id);
    });

    // ----- phase A: everybody joins, in random order -----
    await Promise.all([operatorsUp, pool(shuffle(people), 64, (p) => join(conferenceId, p).then(() => undefined))]);

    async function report(bp: Bp): Promise<void> {
      const socket = consoles.get(bp.id)?.find((s) => s.connected);
      if (!socket) return;
      const headcount = Math.floor(random() * 90);
      const reply = await socket.timeout(10_000).emitWithAck('operator:report-headcount', { headcount });
      expect(reply).toMatchObject({ reportedHeadcount: headcount });
      reported.set(bp.id, headcount);
    }

    // ----- phase B: churn, people and consoles at the same time -----
    const mixed = shuffle(people);
    const groups = {
      duplicate: mixed.slice(0, 300),
      leave: mixed.slice(300, 700),
      terminate: mixed.slice(700, 800),
      vanish: mixed.slice(800, 850),
      race: mixed.slice(850, 1050),
      bounce: mixed.slice(1050, 1150),
    };
    const actions: (() => Promise<void>)[] = [
      ...groups.duplicate.map((p) => async () => void (await join(conferenceId, p, variant(p)))),
      ...groups.leave.map((p) => async () => {
        for (const s of p.sockets) close(s);
      }),
      ...groups.terminate.map((p) => async () => {
        for (const s of p.sockets) terminate(s);
      }),
      ...groups.vanish.map((p) => async () => {
        for (const s of p.sockets) vanish(s);
      }),
      ...groups.race.map((p) => async () => {
        // A reconnect that overtakes the old connection's disconnect.
        const old = p.sockets[0]!;
        const fresh = join(conferenceId, p);
        await sleep(random() * 20);
        close(old);
        await fresh;
      }),
      ...groups.bounce.map((p) => async () => {
        close(p.sockets[0]!);
        await sleep(random() * 50);
        await join(conferenceId, p);
      }),
    ];
    const consoleChurn = (async () => {
      await pool(shuffle(online).slice(0, 30), 8, report);
      await Promise.all([
        ...churn.insideGrace.map(async (bp) => {
          for (const s of consoles.get(bp.id)!) close(s);
          await sleep(150);
          consoles.set(bp.id, [await console_(conferenceId, bp)]);
        }),
        ...churn.outsideGrace.map(async (bp) => {
          for (const s of consoles.get(bp.id)!) close(s);
          await sleep(GRACE_MS + 600);
          consoles.set(bp.id, [await console_(conferenceId, bp)]);
          await report(bp);
        }),
        ...churn.leaveClean.map(async (bp) => {
          for (const s of consoles.get(bp.id)!) close(s);
        }),
        ...churn.leaveAbrupt.map(async (bp) => {
          for (const s of consoles.get(bp.id)!) terminate(s);
        }),
        ...churn.dropOneOfTwo.map(async (bp) => {
          close(consoles.get(bp.id)![0]!);
        }),
      ]);
      await pool(shuffle(online).slice(0, 10), 4, report);
    })();
    await Promise.all([pool(shuffle(actions), 32, (a) => a()), consoleChurn]);

    // ----- phase C: some come back, some close their second tab -----
    await pool(groups.leave.slice(0, 100), 32, (p) => join(conferenceId, p).then(() => undefined));
    for (const p of groups.duplicate.slice(0, 150)) close(p.sockets[0]!);

    // ----- settle: dead sockets time out, grace windows run out -----
    await sleep(PING_MS + PING_TIMEOUT_MS + GRACE_MS + 500);

    // ----- the ground truth -----
    // Sockets the script did not end are connected; the ones it ended (closed, killed, silenced) are not.
    const allSockets = [...people.flatMap((p) => p.sockets), ...[...consoles.values()].flat()];
    expect(allSockets.filter((s) => !intentional.has(s) && !s.connected)).toHaveLength(0);
    expect(allSockets.filter((s) => intentional.has(s) && s.connected)).toHaveLength(0);
    const truth = bps.map((bp) => {
      const live = people.filter((p) => p.bp.id === bp.id && p.sockets.some((s) => !intentional.has(s))).length;
      const up = (consoles.get(bp.id) ?? []).filter((s) => !intentional.has(s)).length;
      const status = up > 0 ? 'CONNECTED' : everConnected.has(bp.id) ? 'DROPPED' : 'NEVER_CONNECTED';
      const report = reported.get(bp.id) ?? null;
      return {
        bp,
        status,
        consoles: up,
        checkIns: live,
        reportedHeadcount: report,
        present: Math.max(status === 'CONNECTED' ? (report ?? 0) : 0, live),
      };
    });
    expect(unexpected).toEqual([]);
    expect(
      truth
        .filter((t) => t.status === 'NEVER_CONNECTED')
        .map((t) => t.bp.id)
        .sort(),
    ).toEqual([...never].sort());
    const sum = (rows: typeof truth) => ({
      bridgePoints: rows.length,
      connected: rows.filter((t) => t.status === 'CONNECTED').length,
      unstable: 0,
      dropped: rows.filter((t) => t.status === 'DROPPED').length,
      neverConnected: rows.filter((t) => t.status === 'NEVER_CONNECTED').length,
      present: rows.reduce((s, t) => s + t.present, 0),
      checkIns: rows.reduce((s, t) => s + t.checkIns, 0),
      reported: rows.filter((t) => t.status === 'CONNECTED').reduce((s, t) => s + (t.reportedHeadcount ?? 0), 0),
    });
    const rollupTruth = (level: number) => {
      const groups = new Map<number, typeof truth>();
      for (const t of truth) {
        const unit = t.bp.path[Math.min(level, t.bp.level) - 1]!;
        groups.set(unit, [...(groups.get(unit) ?? []), t]);
      }
      return [...groups.entries()]
        .map(([unitId, rows]) => ({ unitId, ...sum(rows) }))
        .sort((a, b) => a.unitId - b.unitId);
    };

    const totalsFields = 'bridgePoints connected unstable dropped neverConnected present checkIns reported';
    type Totals = ReturnType<typeof sum>;
    const liveQuery = `query ($id: ID!) { conference(id: $id) { live { seq totals { ${totalsFields} }
      bridgePoints { bridgePointId status consoles reportedHeadcount checkIns present }
      level2: rollup(level: 2) { unit { id } totals { ${totalsFields} } }
      level3: rollup(level: 3) { unit { id } totals { ${totalsFields} } }
      neverConnected { bridgePointId } dropped { bridgePointId downSince } } } }`;
    type Live = {
      seq: number;
      totals: Totals;
      bridgePoints: {
        bridgePointId: string;
        status: string;
        consoles: number;
        reportedHeadcount: number | null;
        checkIns: number;
        present: number;
      }[];
      level2: { unit: { id: string }; totals: Totals }[];
      level3: { unit: { id: string }; totals: Totals }[];
      neverConnected: { bridgePointId: string }[];
      dropped: { bridgePointId: string; downSince: string }[];
    };
    const rollup = (rows: Live['level2']) =>
      rows.map((r) => ({ unitId: Number(r.unit.id), ...r.totals })).sort((a, b) => a.unitId - b.unitId);

    const live = await eventually(async () => {
      const { conference: c } = await gql<{ conference: { live: Live } }>(server.url, organizer, liveQuery, {
        id: conferenceId,
      });
      const byId = new Map(c.live.bridgePoints.map((r) => [Number(r.bridgePointId), r]));
      expect(
        truth.map((t) => {
          const r = byId.get(t.bp.id);
          return [t.bp.id, r?.status, r?.consoles, r?.reportedHeadcount, r?.checkIns, r?.present];
        }),
      ).toEqual(truth.map((t) => [t.bp.id, t.status, t.consoles, t.reportedHeadcount, t.checkIns, t.present]));
      expect(c.live.totals).toEqual(sum(truth));
      expect(rollup(c.live.level2)).toEqual(rollupTruth(2));
      expect(rollup(c.live.level3)).toEqual(rollupTruth(3));
      return c.live;
    }, 15_000);
    expect(live.neverConnected.map((r) => Number(r.bridgePointId)).sort()).toEqual([...never].sort());
    const dropped = live.dropped.map((r) => Number(r.bridgePointId));
    expect(dropped.sort()).toEqual([...churn.leaveClean, ...churn.leaveAbrupt].map((b) => b.id).sort());
    const downs = live.dropped.map((r) => Date.parse(r.downSince));
    expect(downs).toEqual([...downs].sort((a, b) => a - b)); // longest-down first

    // The dashboard's own copy (snapshot + coalesced changes) is the same state as the GraphQL one, with no gap.
    await eventually(async () => {
      const { conference: c } = await gql<{ conference: { live: Live } }>(server.url, organizer, liveQuery, {
        id: conferenceId,
      });
      const state = dashboard.state!;
      expect(state.seq).toBe(c.live.seq);
      expect(state.totals).toMatchObject(c.live.totals);
      expect(
        state.bridgePoints.map((r) => [r.id, r.status, r.consoles, r.reportedHeadcount, r.checkIns, r.present]),
      ).toEqual(
        c.live.bridgePoints.map((r) => [
          Number(r.bridgePointId),
          r.status,
          r.consoles,
          r.reportedHeadcount,
          r.checkIns,
          r.present,
        ]),
      );
    });
    expect(dashboard.gaps).toBe(0);
    expect(dashboard.snapshots).toBe(1);
    // Coalesced: never one message per join, at most one per 250 ms.
    const elapsed = Date.now() - startedAt;
    expect(dashboard.changes).toBeLessThanOrEqual(Math.ceil(elapsed / PUBLISH_MS) + 2);
    expect(dashboard.changes).toBeLessThan(connects / 20);
    const gaps = dashboard.changeTimes.slice(1).map((t, i) => t - dashboard.changeTimes[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(PUBLISH_MS - 5);

    // Every check-in is recorded once per person (second devices and retyped names included).
    const db = server.orm.em.fork().getConnection();
    const [stored] = (await db.execute(
      `select count(*)::int as people, sum(connections)::int as connections,
              count(*) filter (where last_seen_at < first_seen_at)::int as backwards
         from check_in where conference_id = ${conferenceId}`,
    )) as { people: number; connections: number; backwards: number }[];
    expect(stored).toEqual({ people: PARTICIPANTS, connections: connects, backwards: 0 });

    // Connected intervals: a return inside the grace window continues the interval; outside it starts another.
    const attendance = await gql<{
      conference: {
        attendance: { bridgePoints: { bridgePointId: string; intervals: { disconnectedAt: string | null }[] }[] };
      };
    }>(
      server.url,
      organizer,
      `query ($id: ID!) { conference(id: $id) { attendance { bridgePoints { bridgePointId intervals { disconnectedAt } } } } }`,
      { id: conferenceId },
    );
    const intervals = new Map(
      attendance.conference.attendance.bridgePoints.map((b) => [
        Number(b.bridgePointId),
        b.intervals.map((i) => (i.disconnectedAt ? 'closed' : 'open')),
      ]),
    );
    for (const bp of churn.insideGrace) expect(intervals.get(bp.id)).toEqual(['open']);
    for (const bp of churn.outsideGrace) expect(intervals.get(bp.id)).toEqual(['closed', 'open']);
    for (const bp of [...churn.leaveClean, ...churn.leaveAbrupt]) expect(intervals.get(bp.id)).toEqual(['closed']);
    for (const id of never) expect(intervals.get(id)).toEqual([]);

    // The timeline was sampled while LIVE and shows the peak.
    const timeline = await gql<{
      conference: { timeline: { present: number }[]; live: { peak: { present: number } } };
    }>(
      server.url,
      organizer,
      `query ($id: ID!) { conference(id: $id) { timeline { present } live { peak { present } } } }`,
      { id: conferenceId },
    );
    expect(timeline.conference.timeline.length).toBeGreaterThan(3);
    expect(timeline.conference.live.peak.present).toBeGreaterThanOrEqual(
      Math.max(...timeline.conference.timeline.map((s) => s.present)),
    );

    dashboard.close();
    for (const p of people) for (const s of p.sockets) close(s);
    for (const list of consoles.values()) for (const s of list) close(s);
  }, 120_000);
});
