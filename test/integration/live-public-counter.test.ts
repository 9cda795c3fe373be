import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoProvince, signIn } from '../harness/factories.ts';
import { errorCodes, graphql } from '../harness/graphql.ts';
import {
  bridgePointFields,
  connectLive,
  createConference,
  eventually,
  gql,
  type OperatorSocket,
  tokenOf,
} from '../harness/live.ts';
import { startTestServer, type TestServer } from '../harness/server.ts';

/** The big numbers a host portal's `<diemcau-live-counter>` reads: public only when the organizer says so. */

let server: TestServer;
let organizer: string;
let analyst: string;

const counterQuery = `query ($id: ID!) { publicLiveCounter(conferenceId: $id) {
  conferenceId title status at totals { bridgePoints connected present expected } peak { present } } }`;

beforeAll(async () => {
  server = await startTestServer({ LIVE_GRACE_MS: '300', LIVE_PUBLISH_MS: '50' });
  await loadDemoProvince(server);
  [organizer, analyst] = await Promise.all([
    signIn(server, 'tuyengiao', 'tuyengiao-demo-2026'),
    signIn(server, 'phantich', 'phantich-demo-2026'),
  ]);
});
afterAll(async () => {
  await server?.stop();
});

describe('publicLiveCounter', () => {
  it('is NOT_FOUND until the organizer makes it public, then anyone reads the totals (no names)', async () => {
    const th = (await gql<{ unit: { id: string } }>(server.url, organizer, '{ unit(code: "TH") { id } }')).unit.id;
    const th05 = (await gql<{ unit: { id: string } }>(server.url, organizer, '{ unit(code: "TH-05") { id } }')).unit.id;
    const conference = await createConference(server.url, organizer, th);
    await gql(server.url, organizer, 'mutation ($i: CreateBridgePointInput!) { createBridgePoint(input: $i) { id } }', {
      i: { conferenceId: conference.id, unitId: th, host: true, expectedHeadcount: 50 },
    });
    const created = await gql<{ createBridgePointsForUnits: { bridgePoints: { operatorLink: string }[] } }>(
      server.url,
      organizer,
      `mutation ($i: CreateBridgePointsForUnitsInput!) { createBridgePointsForUnits(input: $i) { bridgePoints { ${bridgePointFields} } } }`,
      {
        i: { conferenceId: conference.id, underUnitId: th05, kindCodes: ['COMMUNE_COMMITTEE'], expectedHeadcount: 20 },
      },
    );
    const communes = created.createBridgePointsForUnits.bridgePoints;
    expect(communes.length).toBeGreaterThan(5);

    // Unknown and private conferences look the same: NOT_FOUND, without an account.
    for (const id of [conference.id, '999999']) {
      expect(errorCodes(await graphql(server.url, counterQuery, { variables: { id } }))).toEqual(['NOT_FOUND']);
    }

    const set = 'mutation ($i: UpdateConferenceInput!) { updateConference(input: $i) { publicCounter } }';
    const byAnalyst = await graphql(server.url, set, {
      variables: { i: { id: conference.id, publicCounter: true } },
      headers: { cookie: analyst },
    });
    expect(errorCodes(byAnalyst)).toEqual(['FORBIDDEN']);
    const turnedOn = await gql<{ updateConference: { publicCounter: boolean } }>(server.url, organizer, set, {
      i: { id: conference.id, publicCounter: true },
    });
    expect(turnedOn.updateConference.publicCounter).toBe(true);
    await gql(server.url, organizer, 'mutation ($id: ID!) { startConference(id: $id) { status } }', {
      id: conference.id,
    });

    const operator = await connectLive<OperatorSocket>(server.url, '/operator', {
      conferenceId: conference.id,
      token: tokenOf(communes[0]!.operatorLink),
    });
    await new Promise<void>((resolve, reject) =>
      operator.emit('operator:report-headcount', { headcount: 17 }, (reply) =>
        'error' in reply ? reject(new Error(reply.error.code)) : resolve(),
      ),
    );
    // Cached for up to 2 s: the figures arrive within a few seconds.
    const counter = await eventually(async () => {
      const res = await graphql<{ publicLiveCounter: Record<string, unknown> }>(server.url, counterQuery, {
        variables: { id: conference.id },
      });
      expect(res.errors).toBeUndefined();
      expect(res.data!.publicLiveCounter).toMatchObject({ totals: { connected: 1, present: 17 } });
      return res.data!.publicLiveCounter;
    }, 6000);
    expect(counter).toMatchObject({
      conferenceId: conference.id,
      status: 'LIVE',
      totals: { bridgePoints: communes.length + 1, expected: 50 + 20 * communes.length },
    });
    operator.disconnect();

    // Turned off again: NOT_FOUND once the cached figures (2 s) expire.
    await gql(server.url, organizer, set, { i: { id: conference.id, publicCounter: false } });
    await eventually(async () => {
      expect(errorCodes(await graphql(server.url, counterQuery, { variables: { id: conference.id } }))).toEqual([
        'NOT_FOUND',
      ]);
    }, 6000);
  });
});
