import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoProvince, signIn } from '../harness/factories.ts';
import {
  connectLive,
  createConference,
  DashboardMirror,
  eventually,
  gql,
  next,
  type OperatorSocket,
  type ParticipantSocket,
  seededRandom,
  tokenOf,
} from '../harness/live.ts';
import { startTestServer, type TestServer } from '../harness/server.ts';

/**
 * A server restart in the middle of a LIVE conference: consoles, participants and the dashboard come
 * back by themselves (socket.io-client's jittered back-off), and the counts rebuild to the truth from
 * the live connections — nobody counted twice, connected intervals unbroken for sites that returned
 * within the grace window, and closed for the one that did not.
 */

const env = { LIVE_GRACE_MS: '4000', LIVE_SAMPLE_MS: '200', LIVE_PUBLISH_MS: '100' };
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer(env);
  await loadDemoProvince(server);
});
afterAll(async () => {
  await server?.stop();
});

describe('a server restart mid-conference', () => {
  it('rebuilds the counts from the clients that reconnect, without double counting', async () => {
    const random = seededRandom(7);
    const organizer = await signIn(server, 'thoxuan', 'thoxuan-demo-2026');
    const { unit } = await gql<{ unit: { id: string } }>(server.url, organizer, '{ unit(code: "TH-05") { id } }');
    const conference = await createConference(server.url, organizer, unit.id, 'Hội nghị Thọ Xuân (khởi động lại)');
    await gql(server.url, organizer, `mutation ($i: CreateBridgePointInput!) { createBridgePoint(input: $i) { id } }`, {
      i: { conferenceId: conference.id, unitId: unit.id, host: true, expectedHeadcount: 80 },
    });
    const created = await gql<{
      createBridgePointsForUnits: { bridgePoints: { id: string; operatorLink: string; checkInCode: string }[] };
    }>(
      server.url,
      organizer,
      `mutation ($i: CreateBridgePointsForUnitsInput!) { createBridgePointsForUnits(input: $i) {
        bridgePoints { id operatorLink checkInCode } } }`,
      { i: { conferenceId: conference.id, underUnitId: unit.id, kindCodes: ['COMMUNE_COMMITTEE'] } },
    );
    const bps = created.createBridgePointsForUnits.bridgePoints;
    await gql(server.url, organizer, `mutation { startConference(id: ${conference.id}) { id } }`);

    // 10 sites with a console (2 with two), one of which will not come back after the restart.
    const sites = bps.slice(0, 10);
    const stayingAway = sites[9]!;
    const consoles: OperatorSocket[] = [];
    for (const [i, bp] of sites.entries()) {
      const copies = i < 2 ? 2 : 1;
      for (let c = 0; c < copies; c += 1) {
        const socket = await connectLive<OperatorSocket>(
          server.url,
          '/operator',
          { conferenceId: conference.id, token: tokenOf(bp.operatorLink) },
          { reconnection: bp !== stayingAway },
        );
        consoles.push(socket);
        await socket.timeout(5000).emitWithAck('operator:report-headcount', { headcount: 10 + i });
      }
    }
    // 300 participants, 20 of them on two devices.
    const people = Array.from({ length: 300 }, (_, n) => ({
      bp: bps[Math.floor(random() * bps.length)]!,
      name: `Đảng viên số ${n + 1}`,
      memberNumber: String(20_000_000 + n),
    }));
    const participants: ParticipantSocket[] = [];
    const firstSeen = new Map<ParticipantSocket, string[]>();
    for (const [n, person] of people.entries()) {
      for (let copy = 0; copy < (n < 20 ? 2 : 1); copy += 1) {
        const socket = await connectLive<ParticipantSocket>(
          server.url,
          '/participant',
          {
            conferenceId: conference.id,
            code: person.bp.checkInCode,
            name: person.name,
            memberNumber: person.memberNumber,
          },
          {
            reconnection: true,
            beforeConnect: (s) => {
              s.on('participant:checked-in', (c: { firstSeenAt: string }) => {
                firstSeen.set(s as ParticipantSocket, [
                  ...(firstSeen.get(s as ParticipantSocket) ?? []),
                  c.firstSeenAt,
                ]);
              });
            },
          },
        );
        participants.push(socket);
      }
    }
    const dashboard = await DashboardMirror.connect(server.url, conference.id, organizer, { reconnection: true });
    const refusals: string[] = [];
    for (const s of [...consoles, ...participants, dashboard.socket]) {
      // A refusal by a namespace middleware would stop the client's retries: none may happen.
      s.on('connect_error', (e: Error & { data?: { code: string } }) => {
        if (e.data?.code) refusals.push(e.data.code);
      });
    }

    const expectedPresent = (withAway: boolean) => {
      let present = 0;
      for (const bp of bps) {
        const live = people.filter((p) => p.bp === bp).length;
        const i = sites.indexOf(bp);
        const reported = i >= 0 && (withAway || bp !== stayingAway) ? 10 + i : 0;
        present += Math.max(reported, live);
      }
      return present;
    };
    const totalsQuery = `query ($id: ID!) { conference(id: $id) { live { totals { connected unstable dropped
      neverConnected checkIns present } bridgePoints { bridgePointId status consoles } } } }`;
    type Live = {
      conference: {
        live: {
          totals: Record<string, number>;
          bridgePoints: { bridgePointId: string; status: string; consoles: number }[];
        };
      };
    };
    const before = {
      connected: 10,
      unstable: 0,
      dropped: 0,
      neverConnected: bps.length + 1 - 10,
      checkIns: 300,
      present: expectedPresent(true),
    };
    await eventually(async () => {
      const live = await gql<Live>(server.url, organizer, totalsQuery, { id: conference.id });
      expect(live.conference.live.totals).toEqual(before);
    });

    // ----- the restart: same database, same port -----
    const port = server.port;
    await server.close();
    server = await startTestServer({ ...env, PORT: String(port) }, { database: server.database });

    // Right after the restart the sites are unstable (inside the grace window), never dropped.
    const early = await gql<Live>(server.url, organizer, totalsQuery, { id: conference.id });
    expect(early.conference.live.totals.dropped).toBe(0);

    const after = {
      connected: 9,
      unstable: 0,
      dropped: 1,
      neverConnected: bps.length + 1 - 10,
      checkIns: 300,
      present: expectedPresent(false),
    };
    const live = await eventually(async () => {
      const result = await gql<Live>(server.url, organizer, totalsQuery, { id: conference.id });
      expect({ ...result.conference.live.totals, refusals: [...new Set(refusals)] }).toEqual({
        ...after,
        refusals: [],
      });
      return result.conference.live;
    }, 20_000);
    const byId = new Map(live.bridgePoints.map((r) => [r.bridgePointId, r]));
    expect(byId.get(sites[0]!.id)).toMatchObject({ status: 'CONNECTED', consoles: 2 });
    expect(byId.get(stayingAway.id)).toMatchObject({ status: 'DROPPED', consoles: 0 });
    expect(participants.every((s) => s.connected)).toBe(true);

    // The dashboard reconnected too and shows the same state.
    await eventually(() => expect(dashboard.state?.totals).toMatchObject(after));
    expect(dashboard.snapshots).toBeGreaterThanOrEqual(2);

    // Check-ins: one row per person; the reconnect kept the first-seen time.
    await eventually(() => expect([...firstSeen.values()].every((times) => times.length === 2)).toBe(true));
    for (const times of firstSeen.values()) expect(times[1]).toBe(times[0]);
    const db = server.orm.em.fork().getConnection();
    const [stored] = (await db.execute(
      `select count(*)::int as people, sum(connections)::int as connections from check_in
        where conference_id = ${conference.id}`,
    )) as { people: number; connections: number }[];
    expect(stored).toEqual({ people: 300, connections: 2 * participants.length });

    // Intervals: unbroken for the sites that came back in time, closed for the one that did not.
    const intervals = (await db.execute(
      `select b.id, count(*)::int as n, count(*) filter (where i.disconnected_at is null)::int as open
         from bridge_point_interval i join bridge_point b on b.id = i.bridge_point_id
        where b.conference_id = ${conference.id} group by b.id`,
    )) as { id: number; n: number; open: number }[];
    const byBp = new Map(intervals.map((r) => [String(r.id), r]));
    for (const bp of sites) {
      expect(byBp.get(bp.id)).toEqual({ id: Number(bp.id), n: 1, open: bp === stayingAway ? 0 : 1 });
    }

    // Consoles and participants keep working on the new process.
    const reply = await consoles[0]!.timeout(5000).emitWithAck('operator:report-headcount', { headcount: 99 });
    expect(reply).toMatchObject({ reportedHeadcount: 99 });
    const state = next<{ reportedHeadcount: number }>(consoles[1]!, 'operator:state');
    expect((await state).reportedHeadcount).toBe(99);

    dashboard.close();
    for (const s of [...consoles, ...participants]) s.disconnect();
  }, 90_000);
});
