import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, loadDemoProvince, signIn } from '../harness/factories.ts';
import { errorCodes, graphql } from '../harness/graphql.ts';
import {
  bridgePointFields,
  connectLive,
  createConference,
  DashboardMirror,
  eventually,
  gql,
  next,
  type OperatorSocket,
  type ParticipantSocket,
  tokenOf,
} from '../harness/live.ts';
import { startTestServer, type TestServer } from '../harness/server.ts';

let server: TestServer;
let organizer: string;
let analyst: string;
let districtOrganizer: string;
const unitIds: Record<string, string> = {};

async function unitId(code: string): Promise<string> {
  if (!unitIds[code]) {
    const data = await gql<{ unit: { id: string } }>(
      server.url,
      organizer,
      'query ($c: String) { unit(code: $c) { id } }',
      {
        c: code,
      },
    );
    unitIds[code] = data.unit.id;
  }
  return unitIds[code]!;
}

beforeAll(async () => {
  server = await startTestServer({ LIVE_GRACE_MS: '500', LIVE_SAMPLE_MS: '200', LIVE_PUBLISH_MS: '50' });
  await loadDemoProvince(server);
  [organizer, analyst, districtOrganizer] = await Promise.all([
    signIn(server, 'tuyengiao', 'tuyengiao-demo-2026'),
    signIn(server, 'phantich', 'phantich-demo-2026'),
    signIn(server, 'thoxuan', 'thoxuan-demo-2026'),
  ]);
});
afterAll(async () => {
  await server?.stop();
});

describe('conferences and bridge points over GraphQL', () => {
  it('creates a conference, checks role and scope, and validates input', async () => {
    const th = await unitId('TH');
    const conference = await createConference(server.url, organizer, th);
    expect(conference).toMatchObject({
      status: 'SCHEDULED',
      organizingUnit: { code: 'TH' },
      documents: [{ code: '21-KL/TW' }],
      bridgePointCount: 0,
      canManage: true,
    });

    // An analyst reads but may not create; a district organizer can't reach a province conference.
    const asAnalyst = await graphql(server.url, `{ conference(id: ${conference.id}) { id canManage } }`, {
      headers: { cookie: analyst },
    });
    expect(asAnalyst.data).toEqual({ conference: { id: conference.id, canManage: false } });
    const create = `mutation ($input: CreateConferenceInput!) { createConference(input: $input) { id } }`;
    const input = {
      title: 'X',
      organizingUnitId: th,
      scheduledStartAt: '2026-12-01T01:00:00Z',
      scheduledEndAt: '2026-12-01T03:00:00Z',
    };
    expect(
      errorCodes(await graphql(server.url, create, { variables: { input }, headers: { cookie: analyst } })),
    ).toEqual(['FORBIDDEN']);
    expect(
      errorCodes(await graphql(server.url, create, { variables: { input }, headers: { cookie: districtOrganizer } })),
    ).toEqual(['FORBIDDEN']);
    expect(
      errorCodes(
        await graphql(server.url, `{ conference(id: ${conference.id}) { id } }`, {
          headers: { cookie: districtOrganizer },
        }),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(errorCodes(await graphql(server.url, `{ conference(id: ${conference.id}) { id } }`))).toEqual([
      'UNAUTHENTICATED',
    ]);
    const backwards = await graphql(server.url, create, {
      variables: { input: { ...input, scheduledEndAt: '2026-12-01T00:00:00Z' } },
      headers: { cookie: organizer },
    });
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'scheduledEndAt' });
    const badDoc = await graphql(server.url, create, {
      variables: { input: { ...input, documents: [{ code: '', title: 'x' }] } },
      headers: { cookie: organizer },
    });
    expect(badDoc.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'documents.0.code' });

    // The district organizer lists only conferences in its scope.
    const mine = await gql<{ conferences: { totalCount: number } }>(
      server.url,
      districtOrganizer,
      '{ conferences { totalCount } }',
    );
    expect(mine.conferences.totalCount).toBe(0);
  });

  it('creates bridge points in bulk (one per commune of the province) with codes, links and QR codes', async () => {
    const th = await unitId('TH');
    const conference = await createConference(server.url, organizer, th, 'Hội nghị toàn tỉnh');
    const host = await gql<{ createBridgePoint: { id: string; host: boolean; checkInCode: string } }>(
      server.url,
      organizer,
      `mutation ($input: CreateBridgePointInput!) { createBridgePoint(input: $input) { ${bridgePointFields} } }`,
      { input: { conferenceId: conference.id, unitId: th, host: true, expectedHeadcount: 300 } },
    );
    expect(host.createBridgePoint).toMatchObject({ host: true, expectedHeadcount: 300 });
    expect(host.createBridgePoint.checkInCode).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{6}$/);

    const started = Date.now();
    const bulk = await gql<{
      createBridgePointsForUnits: { created: number; skipped: number; bridgePoints: { id: string }[] };
    }>(
      server.url,
      organizer,
      `mutation ($input: CreateBridgePointsForUnitsInput!) {
        createBridgePointsForUnits(input: $input) { created skipped bridgePoints { id } } }`,
      {
        input: {
          conferenceId: conference.id,
          underUnitId: th,
          kindCodes: ['COMMUNE_COMMITTEE', 'DISTRICT_COMMITTEE', 'AGENCY', 'ARMED_FORCES'],
          expectedHeadcount: 40,
        },
      },
    );
    const elapsed = Date.now() - started;
    expect(bulk.createBridgePointsForUnits.created).toBe(557 + 27 + 3);
    expect(bulk.createBridgePointsForUnits.skipped).toBe(0);
    expect(elapsed).toBeLessThan(5000);

    // Again: every unit already has one.
    const again = await gql<{ createBridgePointsForUnits: { created: number; skipped: number } }>(
      server.url,
      organizer,
      `mutation ($input: CreateBridgePointsForUnitsInput!) { createBridgePointsForUnits(input: $input) { created skipped } }`,
      { input: { conferenceId: conference.id, underUnitId: th, kindCodes: ['DISTRICT_COMMITTEE'] } },
    );
    expect(again.createBridgePointsForUnits).toEqual({ created: 0, skipped: 27 });

    const page = await gql<{
      conference: {
        bridgePointCount: number;
        hostBridgePoint: { id: string };
        bridgePoints: {
          totalCount: number;
          edges: { node: { checkInCode: string; operatorLink: string; checkInQrCode: string; host: boolean } }[];
        };
      };
    }>(
      server.url,
      organizer,
      `query ($id: ID!) { conference(id: $id) { bridgePointCount hostBridgePoint { id }
        bridgePoints(first: 200) { totalCount edges { node { checkInCode operatorLink checkInQrCode host } } } } }`,
      { id: conference.id },
    );
    expect(page.conference.bridgePointCount).toBe(588);
    expect(page.conference.hostBridgePoint.id).toBe(host.createBridgePoint.id);
    expect(page.conference.bridgePoints.edges[0]!.node.host).toBe(true);
    const codes = new Set(page.conference.bridgePoints.edges.map((e) => e.node.checkInCode));
    expect(codes.size).toBe(200);
    const first = page.conference.bridgePoints.edges[0]!.node;
    expect(first.operatorLink).toMatch(new RegExp(`/operator/${conference.id}#dco_`));
    expect(first.checkInQrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(first.checkInQrCode.split(',')[1]!, 'base64').toString()).toContain('<svg');

    // The analyst sees the bridge points but never the secret operator links.
    const asAnalyst = await gql<{
      conference: { bridgePoints: { edges: { node: { operatorLink: string | null } }[] } };
    }>(
      server.url,
      analyst,
      `query ($id: ID!) { conference(id: $id) { bridgePoints(first: 3) { edges { node { operatorLink } } } } }`,
      { id: conference.id },
    );
    expect(asAnalyst.conference.bridgePoints.edges.every((e) => e.node.operatorLink === null)).toBe(true);

    // Moving the host flag keeps exactly one host.
    const ids = await gql<{ conference: { bridgePoints: { edges: { node: { id: string } }[] } } }>(
      server.url,
      organizer,
      `query ($id: ID!) { conference(id: $id) { bridgePoints(first: 2) { edges { node { id } } } } }`,
      { id: conference.id },
    );
    const second = ids.conference.bridgePoints.edges[1]!.node.id;
    await gql(server.url, organizer, `mutation { updateBridgePoint(input: { id: ${second}, host: true }) { id } }`);
    const hosts = await server.orm.em
      .fork()
      .getConnection()
      .execute(`select count(*)::int as n from bridge_point where conference_id = ${conference.id} and is_host`);
    expect(hosts[0]).toEqual({ n: 1 });

    // A bridge point outside the organizing unit is refused.
    const district = await unitId('TH-05');
    const districtConference = await createConference(server.url, districtOrganizer, district, 'Hội nghị Thọ Xuân');
    const outside = await graphql(
      server.url,
      `mutation ($input: CreateBridgePointInput!) { createBridgePoint(input: $input) { id } }`,
      { variables: { input: { conferenceId: districtConference.id, unitId: th } }, headers: { cookie: organizer } },
    );
    expect(outside.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unitId' });
  });

  it('runs a small conference end to end: start, consoles, check-ins, headcount, end, report and CSV', async () => {
    const district = await unitId('TH-05');
    const conference = await createConference(server.url, districtOrganizer, district, 'Hội nghị Thọ Xuân');
    const startTooEarly = await graphql(server.url, `mutation { startConference(id: ${conference.id}) { id } }`, {
      headers: { cookie: districtOrganizer },
    });
    expect(errorCodes(startTooEarly)).toEqual(['NO_HOST_BRIDGE_POINT']);
    await gql(
      server.url,
      districtOrganizer,
      `mutation ($input: CreateBridgePointInput!) { createBridgePoint(input: $input) { id } }`,
      { input: { conferenceId: conference.id, unitId: district, host: true, expectedHeadcount: 50 } },
    );
    const created = await gql<{
      createBridgePointsForUnits: { bridgePoints: { id: string; operatorLink: string; checkInCode: string }[] };
    }>(
      server.url,
      districtOrganizer,
      `mutation ($input: CreateBridgePointsForUnitsInput!) { createBridgePointsForUnits(input: $input) {
        bridgePoints { id operatorLink checkInCode } } }`,
      {
        input: {
          conferenceId: conference.id,
          underUnitId: district,
          kindCodes: ['COMMUNE_COMMITTEE'],
          expectedHeadcount: 20,
        },
      },
    );
    const bps = created.createBridgePointsForUnits.bridgePoints;
    expect(bps.length).toBe(30);
    const started = await gql<{ startConference: { status: string; startedAt: string } }>(
      server.url,
      districtOrganizer,
      `mutation { startConference(id: ${conference.id}) { status startedAt } }`,
    );
    expect(started.startConference.status).toBe('LIVE');

    const dashboard = await DashboardMirror.connect(server.url, conference.id, analyst);
    expect(dashboard.state?.totals).toMatchObject({ bridgePoints: 31, connected: 0, neverConnected: 31, present: 0 });

    const [a, b] = bps;
    let welcomed: Promise<{ bridgePoint: { id: number; checkInUrl: string; reportedAt: string | null } }> | undefined;
    const operatorA = await connectLive<OperatorSocket>(
      server.url,
      '/operator',
      { conferenceId: conference.id, token: tokenOf(a!.operatorLink) },
      {
        beforeConnect: (s) => {
          welcomed = next(s, 'operator:welcome');
        },
      },
    );
    const welcome = await welcomed!;
    expect(welcome.bridgePoint).toMatchObject({
      id: Number(a!.id),
      checkInUrl: expect.stringMatching(new RegExp(`/check-in/${conference.id}\\?code=${a!.checkInCode}$`)),
      reportedAt: null,
    });
    const reply = await operatorA.timeout(5000).emitWithAck('operator:report-headcount', { headcount: 25 });
    expect(reply).toMatchObject({ reportedHeadcount: 25 });
    // A console opened later (a reload) is told when that headcount was reported.
    let rewelcomed: Promise<{ bridgePoint: { reportedAt: string | null } }> | undefined;
    const reopened = await connectLive<OperatorSocket>(
      server.url,
      '/operator',
      { conferenceId: conference.id, token: tokenOf(a!.operatorLink) },
      {
        beforeConnect: (s) => {
          rewelcomed = next(s, 'operator:welcome');
        },
      },
    );
    expect((await rewelcomed!).bridgePoint.reportedAt).toBe((reply as { reportedAt: string }).reportedAt);
    reopened.disconnect();
    const bad = await operatorA.timeout(5000).emitWithAck('operator:report-headcount', { headcount: 5001 });
    expect(bad).toMatchObject({ error: { code: 'BAD_USER_INPUT' } });
    const absence = await operatorA
      .timeout(5000)
      .emitWithAck('operator:add-excused-absence', { name: 'Lê Thị Hoa', reason: 'Ốm' });
    expect(absence).toMatchObject({ absence: { name: 'Lê Thị Hoa', reason: 'Ốm' } });

    const people: ParticipantSocket[] = [];
    for (const name of ['Nguyễn Văn An', 'Trần Thị Bình', 'nguyễn  văn an']) {
      const socket = await connectLive<ParticipantSocket>(server.url, '/participant', {
        conferenceId: conference.id,
        code: b!.checkInCode.toLowerCase(),
        name,
      });
      people.push(socket);
    }
    let checkedIn: Promise<unknown> | undefined;
    people.push(
      await connectLive<ParticipantSocket>(
        server.url,
        '/participant',
        { conferenceId: conference.id, code: b!.checkInCode, name: 'Phạm Văn Cường', memberNumber: '12.345.678' },
        {
          beforeConnect: (s) => {
            checkedIn = next(s, 'participant:checked-in');
          },
        },
      ),
    );
    expect(await checkedIn).toMatchObject({
      bridgePoint: { id: Number(b!.id) },
      name: 'Phạm Văn Cường',
      memberNumber: '12345678',
      status: 'LIVE',
    });

    await eventually(() => {
      const rowA = dashboard.state!.bridgePoints.find((r) => r.id === Number(a!.id))!;
      const rowB = dashboard.state!.bridgePoints.find((r) => r.id === Number(b!.id))!;
      expect(rowA).toMatchObject({ status: 'CONNECTED', reportedHeadcount: 25, present: 25, consoles: 1 });
      expect(rowB).toMatchObject({ status: 'NEVER_CONNECTED', checkIns: 3, present: 3 });
      expect(dashboard.state!.totals).toMatchObject({ connected: 1, present: 28, checkIns: 3 });
    });

    const live = await gql<{ conference: { live: { totals: Record<string, number>; rollup: unknown[] } } }>(
      server.url,
      analyst,
      `query ($id: ID!) { conference(id: $id) { live { totals { connected present checkIns bridgePoints }
        rollup(level: 2) { unit { code } totals { present } } } } }`,
      { id: conference.id },
    );
    expect(live.conference.live.totals).toEqual({ connected: 1, present: 28, checkIns: 3, bridgePoints: 31 });
    expect(live.conference.live.rollup).toEqual([{ unit: { code: 'TH-05' }, totals: { present: 28 } }]);

    await new Promise((r) => setTimeout(r, 450)); // let the sampler record the timeline
    const ended = await gql<{ endConference: { status: string; endedAt: string } }>(
      server.url,
      districtOrganizer,
      `mutation { endConference(id: ${conference.id}) { status endedAt } }`,
    );
    expect(ended.endConference.status).toBe('ENDED');
    await eventually(() => expect(operatorA.connected).toBe(false));
    await eventually(() => expect(dashboard.state!.status).toBe('ENDED'));
    const refused = await connectLive(server.url, '/operator', {
      conferenceId: conference.id,
      token: tokenOf(a!.operatorLink),
    }).catch((e: { data?: { code: string } }) => e.data?.code);
    expect(refused).toBe('CONFERENCE_ENDED');

    const report = await gql<{
      conference: {
        timeline: { present: number }[];
        attendance: {
          final: boolean;
          totals: Record<string, number>;
          bridgePoints: { bridgePointId: string; checkIns: number; intervals: { disconnectedAt: string | null }[] }[];
        };
      };
      attendanceFile: { filename: string; content: string };
    }>(
      server.url,
      districtOrganizer,
      `query ($id: ID!) { conference(id: $id) { timeline { present }
          attendance { final totals { bridgePoints everConnected checkIns excusedAbsences peakPresent reported }
            bridgePoints { bridgePointId checkIns intervals { disconnectedAt } } } }
        attendanceFile(conferenceId: $id) { filename content } }`,
      { id: conference.id },
    );
    expect(report.conference.timeline.length).toBeGreaterThan(0);
    expect(report.conference.attendance.final).toBe(true);
    expect(report.conference.attendance.totals).toMatchObject({
      bridgePoints: 31,
      everConnected: 1,
      checkIns: 3,
      excusedAbsences: 1,
      peakPresent: 28,
      reported: 25,
    });
    const rowA = report.conference.attendance.bridgePoints.find((r) => r.bridgePointId === a!.id)!;
    expect(rowA.intervals).toHaveLength(1);
    expect(rowA.intervals[0]!.disconnectedAt).not.toBeNull();
    expect(report.attendanceFile.content.startsWith('\uFEFFMã đơn vị,')).toBe(true);
    expect(report.attendanceFile.content).toContain('Lê Thị Hoa (Ốm)');

    // The same record over HTTP, as CSV and as XLSX, for the page and for curl; scope-checked.
    const file = (kind: string, format: string, cookie?: string) =>
      fetch(`${server.url}/api/conferences/${conference.id}/attendance.${format}?kind=${kind}`, {
        headers: cookie ? { cookie } : {},
      });
    const csv = await file('bridge-points', 'csv', districtOrganizer);
    expect(csv.headers.get('content-disposition')).toContain(`tham-du-hoi-nghi-${conference.id}.csv`);
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toBe(report.attendanceFile.content);
    const xlsx = await file('check-ins', 'xlsx', districtOrganizer);
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const sheet = workbook.getWorksheet('Điểm danh')!;
    expect(sheet.getRow(1).getCell(4).value).toBe('Họ tên');
    const names = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2).getCell(4).value);
    expect(names).toHaveLength(3);
    expect(names).toContain('Phạm Văn Cường');
    const outsider = await buildAccount(server, { username: 'quanghoa-org', role: 'ORGANIZER', scopeCode: 'TH-06' });
    const outsiderCookie = await signIn(server, outsider.username, outsider.password);
    expect((await file('bridge-points', 'xlsx', outsiderCookie)).status).toBe(403);
    expect((await file('bridge-points', 'csv')).status).toBe(401);
    expect((await file('everyone', 'csv', districtOrganizer)).status).toBe(404);
    dashboard.close();
    for (const p of people) p.disconnect();
  });
});
