import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, loadDemoProvince, signIn } from '../harness/factories.ts';
import {
  connectLive,
  createConference,
  DashboardMirror,
  eventually,
  gql,
  next,
  type OperatorSocket,
  refusal,
  tokenOf,
} from '../harness/live.ts';
import { startTestServer, type TestServer } from '../harness/server.ts';

let server: TestServer;
let organizer: string;
let analyst: string;
let districtOrganizer: string;
type Bp = { id: string; operatorLink: string; checkInCode: string };
let conferenceA: string;
let conferenceB: string;
let bpsA: Bp[];
let bpsB: Bp[];

async function setUp(unitCode: string, cookie: string): Promise<{ id: string; bps: Bp[] }> {
  const unit = await gql<{ unit: { id: string } }>(server.url, cookie, 'query ($c: String) { unit(code: $c) { id } }', {
    c: unitCode,
  });
  const conference = await createConference(server.url, cookie, unit.unit.id);
  await gql(server.url, cookie, `mutation ($i: CreateBridgePointInput!) { createBridgePoint(input: $i) { id } }`, {
    i: { conferenceId: conference.id, unitId: unit.unit.id, host: true },
  });
  const created = await gql<{ createBridgePointsForUnits: { bridgePoints: Bp[] } }>(
    server.url,
    cookie,
    `mutation ($i: CreateBridgePointsForUnitsInput!) { createBridgePointsForUnits(input: $i) {
      bridgePoints { id operatorLink checkInCode } } }`,
    {
      i: {
        conferenceId: conference.id,
        underUnitId: unit.unit.id,
        kindCodes: ['DISTRICT_COMMITTEE', 'COMMUNE_COMMITTEE'],
      },
    },
  );
  await gql(server.url, cookie, `mutation { startConference(id: ${conference.id}) { id } }`);
  return { id: conference.id, bps: created.createBridgePointsForUnits.bridgePoints.slice(0, 5) };
}

beforeAll(async () => {
  server = await startTestServer({ LIVE_GRACE_MS: '300', LIVE_PUBLISH_MS: '50' });
  await loadDemoProvince(server);
  [organizer, analyst, districtOrganizer] = await Promise.all([
    signIn(server, 'tuyengiao', 'tuyengiao-demo-2026'),
    signIn(server, 'phantich', 'phantich-demo-2026'),
    signIn(server, 'thoxuan', 'thoxuan-demo-2026'),
  ]);
  ({ id: conferenceA, bps: bpsA } = await setUp('TH-05', districtOrganizer));
  ({ id: conferenceB, bps: bpsB } = await setUp('TH-01', organizer));
});
afterAll(async () => {
  await server?.stop();
});

describe('operator console handshake', () => {
  it('accepts the link of the bridge point, and refuses bad, foreign and revoked links with a clear code', async () => {
    const token = tokenOf(bpsA[0]!.operatorLink);
    const ok = await connectLive<OperatorSocket>(server.url, '/operator', { conferenceId: conferenceA, token });
    ok.disconnect();

    const refused = async (auth: object) => (await refusal(server.url, '/operator', auth)).code;
    expect(await refused({})).toBe('BAD_INPUT');
    expect(await refused({ conferenceId: conferenceA, token: 'not-a-token' })).toBe('BAD_TOKEN');
    expect(await refused({ conferenceId: conferenceA, token: `${token.slice(0, -4)}AAAA` })).toBe('BAD_TOKEN');
    expect(await refused({ conferenceId: conferenceA, token: tokenOf(bpsB[0]!.operatorLink) })).toBe(
      'WRONG_CONFERENCE',
    );
    // A session token is not an operator link.
    expect(await refused({ conferenceId: conferenceA, token: organizer.split('=')[1] })).toBe('BAD_TOKEN');
    const message = (await refusal(server.url, '/operator', { conferenceId: conferenceA, token: 'x' })).message;
    expect(message.length).toBeGreaterThan(5);
  });

  it('rotating a link disconnects its consoles and refuses the old link as revoked', async () => {
    const bp = bpsA[1]!;
    let revoked: Promise<{ message: string }> | undefined;
    const consoleA = await connectLive<OperatorSocket>(
      server.url,
      '/operator',
      { conferenceId: conferenceA, token: tokenOf(bp.operatorLink) },
      {
        beforeConnect: (s) => {
          revoked = next(s, 'operator:revoked');
        },
      },
    );
    const disconnected = new Promise<string>((resolve) => consoleA.once('disconnect', resolve));
    const rotated = await gql<{ rotateOperatorLink: { operatorLink: string } }>(
      server.url,
      districtOrganizer,
      `mutation { rotateOperatorLink(bridgePointId: ${bp.id}) { operatorLink } }`,
    );
    expect((await revoked!).message).toBeTruthy();
    expect(await disconnected).toBe('io server disconnect');
    expect(rotated.rotateOperatorLink.operatorLink).not.toBe(bp.operatorLink);
    expect(
      (await refusal(server.url, '/operator', { conferenceId: conferenceA, token: tokenOf(bp.operatorLink) })).code,
    ).toBe('TOKEN_REVOKED');
    const fresh = await connectLive<OperatorSocket>(server.url, '/operator', {
      conferenceId: conferenceA,
      token: tokenOf(rotated.rotateOperatorLink.operatorLink),
    });
    fresh.disconnect();

    // Revoking leaves no link at all; the analyst may do neither.
    const asAnalyst = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: analyst },
      body: JSON.stringify({ query: `mutation { revokeOperatorLink(bridgePointId: ${bp.id}) { id } }` }),
    }).then((r) => r.json() as Promise<{ errors: { extensions: { code: string } }[] }>);
    expect(asAnalyst.errors[0]!.extensions.code).toBe('FORBIDDEN');
    const gone = await gql<{ revokeOperatorLink: { operatorLink: string | null; operatorLinkActive: boolean } }>(
      server.url,
      districtOrganizer,
      `mutation { revokeOperatorLink(bridgePointId: ${bp.id}) { operatorLink operatorLinkActive } }`,
    );
    expect(gone.revokeOperatorLink).toEqual({ operatorLink: null, operatorLinkActive: false });
    expect(
      (
        await refusal(server.url, '/operator', {
          conferenceId: conferenceA,
          token: tokenOf(rotated.rotateOperatorLink.operatorLink),
        })
      ).code,
    ).toBe('TOKEN_REVOKED');
  });

  it('validates what operators send and answers with an error code', async () => {
    const socket = await connectLive<OperatorSocket>(server.url, '/operator', {
      conferenceId: conferenceA,
      token: tokenOf(bpsA[2]!.operatorLink),
    });
    const emit = (event: string, payload: unknown) =>
      (socket.timeout(5000) as unknown as { emitWithAck: (e: string, p: unknown) => Promise<unknown> }).emitWithAck(
        event,
        payload,
      );
    for (const headcount of [-1, 1.5, '12', 5001, null]) {
      expect(await emit('operator:report-headcount', { headcount })).toMatchObject({
        error: { code: 'BAD_USER_INPUT' },
      });
    }
    expect(await emit('operator:report-headcount', { headcount: 5000 })).toMatchObject({ reportedHeadcount: 5000 });
    expect(await emit('operator:add-excused-absence', { name: ' ', reason: 'x' })).toMatchObject({
      error: { code: 'BAD_USER_INPUT' },
    });
    const added = (await emit('operator:add-excused-absence', { name: 'Hà Văn Tú', reason: 'Đi công tác' })) as {
      absence: { id: number };
    };
    expect(await emit('operator:remove-excused-absence', { id: added.absence.id })).toEqual({ removed: true });
    expect(await emit('operator:remove-excused-absence', { id: added.absence.id })).toMatchObject({
      error: { code: 'NOT_FOUND' },
    });
    socket.disconnect();
  });
});

describe('participant check-in handshake', () => {
  it('refuses wrong and foreign check-in codes, missing names and unknown conferences', async () => {
    const code = bpsA[0]!.checkInCode;
    const refused = async (auth: object) => (await refusal(server.url, '/participant', auth)).code;
    expect(await refused({ conferenceId: conferenceA, code: 'ZZZZZZ', name: 'Lê Văn A' })).toBe('BAD_CHECK_IN_CODE');
    const foreign = bpsB.map((b) => b.checkInCode).find((c) => !bpsA.some((a) => a.checkInCode === c))!;
    expect(await refused({ conferenceId: conferenceA, code: foreign, name: 'Lê Văn A' })).toBe('BAD_CHECK_IN_CODE');
    expect(await refused({ conferenceId: conferenceA, code, name: '   ' })).toBe('BAD_INPUT');
    expect(await refused({ conferenceId: conferenceA, code })).toBe('BAD_INPUT');
    expect(await refused({ conferenceId: conferenceA, code, name: 'A', memberNumber: '12#4' })).toBe('BAD_INPUT');
    expect(await refused({ conferenceId: conferenceA, code, name: 'x'.repeat(101) })).toBe('BAD_INPUT');
    expect(await refused({ conferenceId: 999999, code, name: 'Lê Văn A' })).toBe('CONFERENCE_NOT_FOUND');
    expect(await refused({ conferenceId: 'abc', code, name: 'Lê Văn A' })).toBe('BAD_INPUT');
  });
});

describe('dashboard handshake', () => {
  it('needs a session or an API token with scope over the organizing unit', async () => {
    const refused = async (auth: object, headers: Record<string, string> = {}) =>
      (await refusal(server.url, '/dashboard', auth, { headers })).code;
    expect(await refused({ conferenceId: conferenceA })).toBe('UNAUTHENTICATED');
    expect(await refused({ conferenceId: conferenceA }, { cookie: 'diemcau_session=dcs_bogus.bogus' })).toBe(
      'UNAUTHENTICATED',
    );
    // The Thọ Xuân organizer may watch its own conference, not the one of another district.
    expect(await refused({ conferenceId: conferenceB }, { cookie: districtOrganizer })).toBe('FORBIDDEN');
    expect(await refused({ conferenceId: 987654 }, { cookie: organizer })).toBe('CONFERENCE_NOT_FOUND');
    const own = await DashboardMirror.connect(server.url, conferenceA, districtOrganizer);
    expect(own.state?.conferenceId).toBe(Number(conferenceA));
    own.close();
    // The province's analyst watches both.
    const wide = await DashboardMirror.connect(server.url, conferenceB, analyst);
    expect(wide.state?.totals.bridgePoints).toBeGreaterThan(1);
    wide.close();

    // A personal API token in the handshake (`auth.token` or an Authorization header).
    const created = await gql<{ createApiToken: { token: string } }>(
      server.url,
      analyst,
      'mutation { createApiToken(input: { name: "dashboard script" }) { token } }',
    );
    const token = created.createApiToken.token;
    const viaAuth = await connectLive(server.url, '/dashboard', { conferenceId: conferenceA, token });
    viaAuth.disconnect();
    const viaHeader = await connectLive(
      server.url,
      '/dashboard',
      { conferenceId: conferenceA },
      { headers: { authorization: `Bearer ${token}` } },
    );
    viaHeader.disconnect();

    // A signed-out session is refused at once.
    const account = await buildAccount(server, { username: 'tamthoi', role: 'ANALYST', scopeCode: 'TH' });
    const cookie = await signIn(server, account.username, account.password);
    const before = await connectLive(server.url, '/dashboard', { conferenceId: conferenceA }, { headers: { cookie } });
    before.disconnect();
    await gql(server.url, cookie, 'mutation { signOut }');
    expect(await refused({ conferenceId: conferenceA }, { cookie })).toBe('UNAUTHENTICATED');
  });

  it('closes open dashboards at once on sign-out, token revocation, disabling and password reset', async () => {
    const admin = await signIn(server, 'admin', 'admin-demo-2026');
    const closed = (socket: Socket) =>
      new Promise<string>((resolve) => socket.once('disconnect', (reason: string) => resolve(reason)));
    const watch = async (auth: { token?: string }, headers: Record<string, string> = {}) => {
      const socket = await connectLive(server.url, '/dashboard', { conferenceId: conferenceA, ...auth }, { headers });
      return { socket, closed: closed(socket) };
    };
    const person = async (username: string) => {
      const account = await buildAccount(server, { username, role: 'ANALYST', scopeCode: 'TH' });
      const cookie = await signIn(server, account.username, account.password);
      const { createApiToken } = await gql<{ createApiToken: { token: string; apiToken: { id: string } } }>(
        server.url,
        cookie,
        'mutation { createApiToken(input: { name: "notebook" }) { token apiToken { id } } }',
      );
      const { viewer } = await gql<{ viewer: { id: string } }>(server.url, cookie, '{ viewer { id } }');
      return { cookie, token: createApiToken.token, tokenId: createApiToken.apiToken.id, id: viewer.id };
    };
    // Someone else's dashboard stays open through all of it.
    const bystander = await watch({}, { cookie: analyst });

    const a = await person('dong-ngay-1');
    const aSession = await watch({}, { cookie: a.cookie });
    const aToken = await watch({ token: a.token });
    await gql(server.url, a.cookie, 'mutation { signOut }');
    expect(await aSession.closed).toBe('io server disconnect');
    // The sign-out ended the session only: the same account's token dashboard stays.
    expect(aToken.socket.connected).toBe(true);
    await gql(server.url, admin, `mutation { revokeApiToken(id: "${a.tokenId}") { id } }`);
    expect(await aToken.closed).toBe('io server disconnect');

    const b = await person('dong-ngay-2');
    const bSession = await watch({}, { cookie: b.cookie });
    const bToken = await watch({ token: b.token });
    await gql(server.url, admin, `mutation { updateAccount(input: { id: "${b.id}", disabled: true }) { id } }`);
    expect(await Promise.all([bSession.closed, bToken.closed])).toEqual([
      'io server disconnect',
      'io server disconnect',
    ]);

    const c = await person('dong-ngay-3');
    const cSession = await watch({}, { cookie: c.cookie });
    const cToken = await watch({ token: c.token });
    await gql(server.url, admin, `mutation { resetAccountPassword(id: "${c.id}", password: "mat-khau-moi-2026") }`);
    expect(await Promise.all([cSession.closed, cToken.closed])).toEqual([
      'io server disconnect',
      'io server disconnect',
    ]);
    // …and they cannot come back: the reset revoked the token as well as the session.
    const refused = async (auth: object, headers: Record<string, string> = {}) =>
      (await refusal(server.url, '/dashboard', auth, { headers })).code;
    expect(await refused({ conferenceId: conferenceA, token: c.token })).toBe('UNAUTHENTICATED');
    expect(await refused({ conferenceId: conferenceA }, { cookie: c.cookie })).toBe('UNAUTHENTICATED');

    expect(bystander.socket.connected).toBe(true);
    bystander.socket.disconnect();
  });

  it('answers a resync with the published snapshot', async () => {
    const mirror = await DashboardMirror.connect(server.url, conferenceA, organizer);
    const snapshot = (await mirror.socket.timeout(5000).emitWithAck('dashboard:resync')) as { seq: number };
    expect(snapshot.seq).toBe(mirror.state!.seq);
    mirror.close();
  });
});

describe('ending a conference', () => {
  it('tells everyone, disconnects consoles and participants, and refuses new ones', async () => {
    const dashboard = await DashboardMirror.connect(server.url, conferenceB, organizer);
    const operator = await connectLive<OperatorSocket>(server.url, '/operator', {
      conferenceId: conferenceB,
      token: tokenOf(bpsB[0]!.operatorLink),
    });
    const participant = await connectLive(server.url, '/participant', {
      conferenceId: conferenceB,
      code: bpsB[1]!.checkInCode,
      name: 'Đỗ Thị Mai',
    });
    const statusSeen = next<{ status: string }>(operator, 'conference:status');
    const participantGone = new Promise((resolve) => participant.once('disconnect', resolve));
    await eventually(() => expect(dashboard.state?.totals.connected).toBe(1));
    await gql(server.url, organizer, `mutation { endConference(id: ${conferenceB}) { id } }`);
    expect((await statusSeen).status).toBe('ENDED');
    await participantGone;
    await eventually(() => expect(dashboard.state?.status).toBe('ENDED'));
    expect(dashboard.state?.totals).toMatchObject({ connected: 0, checkIns: 0, present: 0 });
    expect(
      (await refusal(server.url, '/participant', { conferenceId: conferenceB, code: bpsB[1]!.checkInCode, name: 'X' }))
        .code,
    ).toBe('CONFERENCE_ENDED');
    // The record is frozen: no more changes to bridge points.
    const frozen = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: organizer },
      body: JSON.stringify({
        query: `mutation { updateBridgePoint(input: { id: ${bpsB[0]!.id}, expectedHeadcount: 3 }) { id } }`,
      }),
    }).then((r) => r.json() as Promise<{ errors: { extensions: { code: string } }[] }>);
    expect(frozen.errors[0]!.extensions.code).toBe('CONFERENCE_ENDED');
    dashboard.close();
  });
});

describe('guessing check-in codes', () => {
  // Last in this file: it spends the test client's address budget.
  it('refuses an address after 30 wrong codes, even with a right one', async () => {
    const refused = async (code: string) =>
      (await refusal(server.url, '/participant', { conferenceId: conferenceA, code, name: 'Người thử' })).code;
    const codes: string[] = [];
    for (let i = 0; i < 40; i += 1) codes.push(await refused(`ZZZZ${String(i).padStart(2, '2')}`));
    expect(codes.filter((c) => c === 'BAD_CHECK_IN_CODE').length).toBeLessThanOrEqual(30);
    expect(codes.at(-1)).toBe('RATE_LIMITED');
    expect(await refused(bpsA[0]!.checkInCode)).toBe('RATE_LIMITED');
  });
});
