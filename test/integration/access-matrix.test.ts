import { readFileSync } from 'node:fs';
import { buildSchema, type GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne, sql } from '../../server/src/db/sql.ts';
import { buildAccount, loadDemoProvince, signIn } from '../harness/factories.ts';
import { graphql } from '../harness/graphql.ts';
import { startTestServer, type TestServer } from '../harness/server.ts';
import { surveyFixtureText } from '../harness/survey-fixture.ts';

/**
 * Role × scope for every Query and Mutation field of schema/schema.graphql that needs an account.
 * Two districts, each with a survey (published, one commune assigned), a draft, a conference with a
 * host bridge point: `thoxuan` (ORGANIZER) and `phantich-tx` (ANALYST) are scoped to Thọ Xuân
 * (TH-05), `dongson` (ANALYST) to Đông Sơn (TH-07). For every operation: the wrong role gets
 * FORBIDDEN even inside its scope; the right role gets FORBIDDEN outside it — and no data, not even
 * a count; anonymous requests get UNAUTHENTICATED. A guard fails when the schema gains an operation
 * that is neither here nor in the exempt list.
 */
let server: TestServer;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};

/** The fixtures of one district: its unit, a commune, and the survey and conference things in it. */
type Side = {
  unit: string;
  cell: string;
  survey: string;
  draft: string;
  assignment: string;
  conference: string;
  bridgePoint: string;
};
const sides: Record<'TH-05' | 'TH-07', Side> = {} as never;

async function admin<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await graphql<T>(server.url, query, { headers: { cookie: cookies.admin! }, variables });
  if (res.errors) throw new Error(`${query}: ${JSON.stringify(res.errors)}`);
  return res.data!;
}

async function buildSide(code: 'TH-05' | 'TH-07'): Promise<Side> {
  const unit = ids[code]!;
  const cell = ids[`${code}-001`]!;
  const imported = async () =>
    (
      await admin<{ importSurvey: { id: string } }>(
        'mutation ($f: String!, $u: ID!) { importSurvey(file: $f, ownerUnitId: $u) { id } }',
        { f: surveyFixtureText, u: unit },
      )
    ).importSurvey.id;
  const survey = await imported();
  const draft = await imported();
  await admin(`mutation { publishSurvey(id: "${survey}") { id } }`);
  await admin(`mutation { assignSurvey(input: { surveyId: "${survey}", unitIds: ["${cell}"] }) { added } }`);
  const assignments = await admin<{ assignments: { edges: { node: { id: string } }[] } }>(
    `{ assignments(surveyId: "${survey}") { edges { node { id } } } }`,
  );
  const conference = (
    await admin<{ createConference: { id: string } }>(
      `mutation { createConference(input: { title: "Hội nghị ${code}", organizingUnitId: "${unit}",
        scheduledStartAt: "2027-01-10T01:00:00Z", scheduledEndAt: "2027-01-10T04:00:00Z" }) { id } }`,
    )
  ).createConference.id;
  const bridgePoint = (
    await admin<{ createBridgePoint: { id: string } }>(
      `mutation { createBridgePoint(input: { conferenceId: "${conference}", unitId: "${cell}", host: true }) { id } }`,
    )
  ).createBridgePoint.id;
  return {
    unit,
    cell,
    survey,
    draft,
    assignment: assignments.assignments.edges[0]!.node.id,
    conference,
    bridgePoint,
  };
}

beforeAll(async () => {
  server = await startTestServer();
  await loadDemoProvince(server);
  await buildAccount(server, { username: 'dongson', role: 'ANALYST', scopeCode: 'TH-07' });
  await buildAccount(server, { username: 'phantich-tx', role: 'ANALYST', scopeCode: 'TH-05' });
  cookies.admin = await signIn(server, 'admin', 'admin-demo-2026');
  cookies.thoxuan = await signIn(server, 'thoxuan', 'thoxuan-demo-2026');
  cookies.dongson = await signIn(server, 'dongson', 'dongson-password-1');
  cookies['phantich-tx'] = await signIn(server, 'phantich-tx', 'phantich-tx-password-1');
  for (const code of ['TH', 'TH-05', 'TH-05-001', 'TH-07', 'TH-07-001']) {
    ids[code] = (await admin<{ unit: { id: string } }>(`{ unit(code: "${code}") { id } }`)).unit.id;
  }
  const accounts = await admin<{ accounts: { edges: { node: { id: string; username: string } }[] } }>(
    '{ accounts(first: 50) { edges { node { id username } } } }',
  );
  ids.phantichAccount = accounts.accounts.edges.find((e) => e.node.username === 'phantich')!.node.id;
  ids.adminToken = (
    await admin<{ createApiToken: { apiToken: { id: string } } }>(
      'mutation { createApiToken(input: { name: "admin script" }) { apiToken { id } } }',
    )
  ).createApiToken.apiToken.id;
  sides['TH-05'] = await buildSide('TH-05');
  sides['TH-07'] = await buildSide('TH-07');
});
afterAll(async () => {
  await server?.stop();
});

type Op = { name: string; query: (target: string) => string };
/** An operation on the survey / conference fixtures of one district. */
type SideOp = { name: string; query: (side: Side) => string };

// ----- units and accounts ------------------------------------------------------------------------

/** Operations on a unit of the tree; `target` is the unit's id. */
const unitOps: Op[] = [
  { name: 'unit(id)', query: (t) => `{ unit(id: "${t}") { id name } }` },
  { name: 'unit(code)', query: (t) => `{ unit(code: "${codeOf(t)}") { id name } }` },
  {
    name: 'units(parentId)',
    query: (t) => `{ units(filter: { parentId: "${t}" }) { totalCount edges { node { id } } } }`,
  },
  { name: 'units(underId)', query: (t) => `{ units(filter: { underId: "${t}" }) { totalCount } }` },
  { name: 'searchUnits(underId)', query: (t) => `{ searchUnits(query: "chi bo", underId: "${t}") { id } }` },
  { name: 'exportUnits(underId)', query: (t) => `{ exportUnits(format: CSV, underId: "${t}") }` },
];

/** Operations only an ADMIN may run, whatever the scope. */
const adminOps: Op[] = [
  { name: 'accounts', query: () => '{ accounts { totalCount } }' },
  {
    name: 'createUnit',
    query: (t) =>
      `mutation { createUnit(input: { code: "M-NEW", name: "Mới", kindCode: "GRASSROOTS_CELL", parentId: "${t}" }) { id } }`,
  },
  { name: 'updateUnit', query: (t) => `mutation { updateUnit(input: { id: "${t}", name: "Đổi tên" }) { id } }` },
  { name: 'archiveUnit', query: (t) => `mutation { archiveUnit(id: "${t}") { id } }` },
  { name: 'restoreUnit', query: (t) => `mutation { restoreUnit(id: "${t}") { id } }` },
  { name: 'deleteUnit', query: (t) => `mutation { deleteUnit(id: "${t}") }` },
  {
    name: 'importUnits',
    query: () =>
      'mutation { importUnits(format: CSV, content: "code,name,kind,parentCode\\nM-1,Mới,GRASSROOTS_CELL,TH-05") { applied } }',
  },
  {
    name: 'createUnitKind',
    query: () => 'mutation { createUnitKind(input: { code: "M_KIND", nameVi: "Mới", nameEn: "New" }) { code } }',
  },
  {
    name: 'createAccount',
    query: (t) =>
      `mutation { createAccount(input: { username: "m-user", displayName: "M", role: ANALYST, scopeUnitId: "${t}", password: "mat-khau-dai-123" }) { id } }`,
  },
  {
    name: 'updateAccount',
    query: () => `mutation { updateAccount(input: { id: "${ids.phantichAccount}", role: ADMIN }) { id } }`,
  },
  {
    name: 'resetAccountPassword',
    query: () => `mutation { resetAccountPassword(id: "${ids.phantichAccount}", password: "mat-khau-dai-123") }`,
  },
];

/** Operations every signed-in account may run on its own things (no unit scope). */
const selfOps: Op[] = [
  { name: 'unitKinds', query: () => '{ unitKinds { code } }' },
  { name: 'apiTokens', query: () => '{ apiTokens { id } }' },
  { name: 'createApiToken', query: () => 'mutation { createApiToken(input: { name: "matrix" }) { token } }' },
  { name: 'changePassword', query: () => 'mutation { changePassword(currentPassword: "x", newPassword: "y") }' },
  { name: 'units', query: () => '{ units { totalCount } }' },
  { name: 'searchUnits', query: () => '{ searchUnits(query: "xa") { id } }' },
  { name: 'exportUnits', query: () => '{ exportUnits(format: JSON) }' },
  { name: 'surveys', query: () => '{ surveys { totalCount edges { node { id } } } }' },
  { name: 'conferences', query: () => '{ conferences { totalCount edges { node { id } } } }' },
  { name: 'analyticsSurveys', query: () => '{ analyticsSurveys { totalCount edges { node { id assigned } } } }' },
];

// ----- surveys, analytics, conferences -----------------------------------------------------------

/** Any role may read these, within its scope. */
const readOps: SideOp[] = [
  { name: 'survey', query: (s) => `{ survey(id: "${s.survey}") { id title progress { assigned } } }` },
  { name: 'exportSurvey', query: (s) => `{ exportSurvey(id: "${s.survey}") }` },
  {
    name: 'assignments',
    query: (s) => `{ assignments(surveyId: "${s.survey}") { totalCount edges { node { id } } } }`,
  },
  {
    name: 'surveyAnalytics',
    query: (s) => `{ surveyAnalytics(surveyId: "${s.survey}", level: 3) { level basis { responses } } }`,
  },
  { name: 'conference', query: (s) => `{ conference(id: "${s.conference}") { id title bridgePointCount } }` },
  {
    name: 'conferences(underUnitId)',
    query: (s) => `{ conferences(filter: { underUnitId: "${s.unit}" }) { totalCount edges { node { id } } } }`,
  },
  { name: 'bridgePoint', query: (s) => `{ bridgePoint(id: "${s.bridgePoint}") { id displayName } }` },
  { name: 'attendanceFile', query: (s) => `{ attendanceFile(conferenceId: "${s.conference}") { filename content } }` },
];

/**
 * ORGANIZER (or ADMIN) only, within its scope. Ordered so that, run for real inside the scope, the
 * later ones still find their targets (the bridge point is deleted last).
 */
const organizeOps: SideOp[] = [
  { name: 'respondentLinksCsv', query: (s) => `{ respondentLinksCsv(surveyId: "${s.survey}") }` },
  {
    name: 'createSurvey',
    query: (s) =>
      `mutation { createSurvey(input: { title: "Ma trận", reviewKind: PRELIMINARY, ownerUnitId: "${s.unit}" }) { id } }`,
  },
  {
    name: 'importSurvey',
    query: (s) =>
      `mutation { importSurvey(file: ${JSON.stringify(surveyFixtureText)}, ownerUnitId: "${s.unit}") { id } }`,
  },
  { name: 'updateSurvey', query: (s) => `mutation { updateSurvey(input: { id: "${s.draft}", title: "Đổi" }) { id } }` },
  { name: 'cloneSurvey', query: (s) => `mutation { cloneSurvey(id: "${s.survey}") { id } }` },
  {
    name: 'assignSurvey',
    query: (s) =>
      `mutation { assignSurvey(input: { surveyId: "${s.survey}", unitIds: ["${s.cell}"], dryRun: true }) { added } }`,
  },
  {
    name: 'extendDeadline',
    query: (s) =>
      `mutation { extendDeadline(assignmentId: "${s.assignment}", deadline: "2030-01-01T00:00:00Z") { id } }`,
  },
  {
    name: 'rotateRespondentLink',
    query: (s) => `mutation { rotateRespondentLink(assignmentId: "${s.assignment}") { id } }`,
  },
  {
    name: 'revokeRespondentLink',
    query: (s) => `mutation { revokeRespondentLink(assignmentId: "${s.assignment}") { id } }`,
  },
  {
    name: 'withdrawAssignments',
    query: (s) => `mutation { withdrawAssignments(surveyId: "${s.survey}", assignmentIds: ["${s.assignment}"]) }`,
  },
  { name: 'publishSurvey', query: (s) => `mutation { publishSurvey(id: "${s.draft}") { id } }` },
  { name: 'closeSurvey', query: (s) => `mutation { closeSurvey(id: "${s.survey}") { id } }` },
  { name: 'archiveSurvey', query: (s) => `mutation { archiveSurvey(id: "${s.survey}") { id } }` },
  {
    name: 'createConference',
    query: (s) =>
      `mutation { createConference(input: { title: "Ma trận", organizingUnitId: "${s.unit}",
        scheduledStartAt: "2027-02-01T01:00:00Z", scheduledEndAt: "2027-02-01T03:00:00Z" }) { id } }`,
  },
  {
    name: 'updateConference',
    query: (s) => `mutation { updateConference(input: { id: "${s.conference}", title: "Đổi" }) { id } }`,
  },
  {
    name: 'createBridgePoint',
    query: (s) =>
      `mutation { createBridgePoint(input: { conferenceId: "${s.conference}", unitId: "${s.unit}" }) { id } }`,
  },
  {
    name: 'createBridgePointsForUnits',
    query: (s) =>
      `mutation { createBridgePointsForUnits(input: { conferenceId: "${s.conference}", underUnitId: "${s.unit}", kindCodes: ["COMMUNE_COMMITTEE"] }) { created } }`,
  },
  {
    name: 'updateBridgePoint',
    query: (s) => `mutation { updateBridgePoint(input: { id: "${s.bridgePoint}", displayName: "Đổi" }) { id } }`,
  },
  {
    name: 'rotateOperatorLink',
    query: (s) => `mutation { rotateOperatorLink(bridgePointId: "${s.bridgePoint}") { id } }`,
  },
  {
    name: 'revokeOperatorLink',
    query: (s) => `mutation { revokeOperatorLink(bridgePointId: "${s.bridgePoint}") { id } }`,
  },
  { name: 'startConference', query: (s) => `mutation { startConference(id: "${s.conference}") { id } }` },
  { name: 'endConference', query: (s) => `mutation { endConference(id: "${s.conference}") { id } }` },
  { name: 'deleteConference', query: (s) => `mutation { deleteConference(id: "${s.conference}") }` },
  { name: 'deleteBridgePoint', query: (s) => `mutation { deleteBridgePoint(id: "${s.bridgePoint}") }` },
];

/** Own survey or conference, but a unit argument outside the scope. */
const crossOps: SideOp[] = [
  {
    name: 'assignSurvey(unit outside)',
    query: (s) =>
      `mutation { assignSurvey(input: { surveyId: "${s.survey}", unitIds: ["${otherSide(s).cell}"], dryRun: true }) { added alreadyAssigned } }`,
  },
  {
    name: 'assignSurvey(underId outside)',
    query: (s) =>
      `mutation { assignSurvey(input: { surveyId: "${s.survey}", underId: "${otherSide(s).unit}", dryRun: true }) { added } }`,
  },
  {
    name: 'createBridgePoint(unit outside)',
    query: (s) =>
      `mutation { createBridgePoint(input: { conferenceId: "${s.conference}", unitId: "${otherSide(s).cell}" }) { id } }`,
  },
  {
    name: 'createBridgePointsForUnits(under outside)',
    query: (s) =>
      `mutation { createBridgePointsForUnits(input: { conferenceId: "${s.conference}", underUnitId: "${otherSide(s).unit}", kindCodes: ["COMMUNE_COMMITTEE"] }) { created } }`,
  },
];

/** Reads with a unit argument outside the scope. */
const crossReadOps: SideOp[] = [
  {
    name: 'surveyAnalytics(scopeUnitId outside)',
    query: (s) =>
      `{ surveyAnalytics(surveyId: "${s.survey}", level: 3, scopeUnitId: "${otherSide(s).unit}") { basis { responses } } }`,
  },
  {
    name: 'importSurvey(owner outside)',
    query: (s) =>
      `mutation { importSurvey(file: ${JSON.stringify(surveyFixtureText)}, ownerUnitId: "${otherSide(s).unit}") { id } }`,
  },
];

/**
 * Not in the matrix, each for its reason (and tested where named). Link-token operations take the
 * respondent's link, not an account; the rest are open to everyone by design.
 */
const exempt: Record<string, string> = {
  health: 'public probe: server and database health, no data (http.test.ts)',
  viewer: 'returns the caller or null, nothing else (tested below)',
  signIn: 'public: username + password, rate-limited (accounts.test.ts)',
  publicLiveCounter:
    'public by design: only conferences whose organizer made the counter public, no names (live-public-counter.test.ts)',
  questionnaire: 'respondent link token, not an account (surveys.test.ts)',
  saveDraft: 'respondent link token, not an account (surveys.test.ts)',
  submitResponse: 'respondent link token, not an account (surveys.test.ts)',
  amendResponse: 'respondent link token, not an account (surveys.test.ts)',
};
/** Tested by hand below, not by a generic query. */
const special = ['signOut', 'revokeApiToken'];

function codeOf(id: string): string {
  return Object.entries(ids).find(([, v]) => v === id)![0];
}

function otherSide(side: Side): Side {
  return side === sides['TH-05'] ? sides['TH-07'] : sides['TH-05'];
}

async function run(account: string | null, query: string) {
  return graphql<Record<string, unknown>>(server.url, query, { headers: account ? { cookie: cookies[account]! } : {} });
}

function expectRefused(res: Awaited<ReturnType<typeof run>>, code: string) {
  expect(res.errors?.map((e) => e.extensions?.code)).toEqual([code]);
  // Nothing of the data, not even a count, leaks with the refusal.
  expect(res.data ?? null).toBeNull();
}

/** Passed the role and scope checks (a state error such as SURVEY_STATE is fine). */
function expectAdmitted(res: Awaited<ReturnType<typeof run>>) {
  const codes = (res.errors ?? []).map((e) => e.extensions?.code);
  expect(codes.filter((c) => c === 'FORBIDDEN' || c === 'UNAUTHENTICATED' || c === 'NOT_FOUND')).toEqual([]);
}

describe('the matrix covers the schema', () => {
  it('every Query and Mutation field is in the matrix or exempt, with a reason', () => {
    const schema = buildSchema(readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8'));
    const fields = [schema.getQueryType(), schema.getMutationType()].flatMap((t) =>
      Object.keys((t as GraphQLObjectType).getFields()),
    );
    const base = (name: string) => name.replace(/\(.*$/, '');
    const covered = new Set(
      [...unitOps, ...adminOps, ...selfOps, ...readOps, ...organizeOps].map((op) => base(op.name)).concat(special),
    );
    const missing = fields.filter((f) => !covered.has(f) && !(f in exempt));
    expect(missing, 'operations neither in the matrix nor exempt').toEqual([]);
    const stale = [...covered, ...Object.keys(exempt)].filter((name) => !fields.includes(name));
    expect(stale, 'names that are no longer in the schema').toEqual([]);
    for (const name of Object.keys(exempt)) expect(covered.has(name), `${name} is both covered and exempt`).toBe(false);
  });
});

// The refusals run first: nothing they try may change the fixtures.
describe.each([
  ['thoxuan', 'TH-05', 'TH-07'],
  ['dongson', 'TH-07', 'TH-05'],
  ['phantich-tx', 'TH-05', 'TH-07'],
] as const)('%s (scope %s)', (account, own, other) => {
  it.each(unitOps)('$name outside the scope → FORBIDDEN, no data', async (op) => {
    expectRefused(await run(account, op.query(ids[`${other}-001`]!)), 'FORBIDDEN');
    expectRefused(await run(account, op.query(ids[other]!)), 'FORBIDDEN');
    expectRefused(await run(account, op.query(ids.TH!)), 'FORBIDDEN');
  });

  it.each(unitOps)('$name inside the scope → allowed', async (op) => {
    const res = await run(account, op.query(ids[`${own}-001`]!));
    expect(res.errors).toBeUndefined();
  });

  it.each(adminOps)('$name (ADMIN only) → FORBIDDEN even inside the scope', async (op) => {
    expectRefused(await run(account, op.query(ids[`${own}-001`]!)), 'FORBIDDEN');
  });

  it.each(readOps)('$name of the other district → FORBIDDEN, no data', async (op) => {
    expectRefused(await run(account, op.query(sides[other])), 'FORBIDDEN');
  });

  it.each(crossReadOps)('$name → FORBIDDEN, no data', async (op) => {
    expectRefused(await run(account, op.query(sides[own])), 'FORBIDDEN');
  });

  it.each(organizeOps)('$name of the other district → FORBIDDEN, no data', async (op) => {
    expectRefused(await run(account, op.query(sides[other])), 'FORBIDDEN');
  });

  it('lists, counts, searches and exports only its own subtree', async () => {
    const all = await run(account, '{ units(first: 200) { totalCount edges { node { code } } } }');
    const scopeSize = await run('admin', `{ unit(code: "${own}") { descendantCount } }`);
    const units = all.data!.units as { totalCount: number; edges: { node: { code: string } }[] };
    expect(units.totalCount).toBe((scopeSize.data!.unit as { descendantCount: number }).descendantCount + 1);
    expect(units.edges.every((e) => e.node.code === own || e.node.code.startsWith(`${own}-`))).toBe(true);

    const search = await run(account, '{ searchUnits(query: "Đảng ủy", first: 200) { code } }');
    const found = search.data!.searchUnits as { code: string }[];
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((u) => u.code.startsWith(own))).toBe(true);
    const otherByName = await run(
      account,
      `{ searchUnits(query: "${other === 'TH-05' ? 'Thọ Xuân' : 'Đông Sơn'}") { code } }`,
    );
    expect(otherByName.data!.searchUnits).toEqual([]);

    const csv = (await run(account, '{ exportUnits(format: CSV) }')).data!.exportUnits as string;
    const codes = csv
      .trim()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(',')[0]!);
    expect(codes.length).toBe(units.totalCount);
    expect(codes.every((c) => c.startsWith(own))).toBe(true);
  });

  it('lists and counts only the surveys and conferences of its own subtree', async () => {
    const surveys = (await run(account, '{ surveys(first: 100) { totalCount edges { node { id } } } }')).data!
      .surveys as { totalCount: number; edges: { node: { id: string } }[] };
    const surveyIds = surveys.edges.map((e) => e.node.id).sort();
    expect(surveyIds).toEqual([sides[own].survey, sides[own].draft].sort());
    expect(surveys.totalCount).toBe(2);
    const conferences = (await run(account, '{ conferences(first: 100) { totalCount edges { node { id } } } }')).data!
      .conferences as { totalCount: number; edges: { node: { id: string } }[] };
    expect(conferences.edges.map((e) => e.node.id)).toEqual([sides[own].conference]);
    expect(conferences.totalCount).toBe(1);
    const analytics = (
      await run(account, '{ analyticsSurveys(first: 100) { totalCount edges { node { id assigned } } } }')
    ).data!.analyticsSurveys as { totalCount: number; edges: { node: { id: string; assigned: number } }[] };
    expect(analytics.edges.map((e) => e.node)).toEqual([{ id: sides[own].survey, assigned: 1 }]);
    expect(analytics.totalCount).toBe(1);
  });

  it('sees its scope unit as the top: no parent, a breadcrumb starting there', async () => {
    const res = await run(
      account,
      `{ unit(code: "${own}-001") { ancestors { code } parent { code parent { code } } } }`,
    );
    expect(res.data!.unit).toEqual({ ancestors: [{ code: own }], parent: { code: own, parent: null } });
  });

  it.each(selfOps)('$name on its own things → allowed', async (op) => {
    const res = await run(account, op.query(''));
    // changePassword with a wrong current password is refused as bad input, not as forbidden.
    const codes = (res.errors ?? []).map((e) => e.extensions?.code);
    expect(codes.filter((c) => c !== 'BAD_USER_INPUT')).toEqual([]);
  });

  it('revokeApiToken: its own token yes; another account’s → NOT_FOUND (existence hidden), still live', async () => {
    const created = await run(account, 'mutation { createApiToken(input: { name: "own" }) { apiToken { id } } }');
    const own = (created.data!.createApiToken as { apiToken: { id: string } }).apiToken.id;
    const revoked = await run(account, `mutation { revokeApiToken(id: "${own}") { id revokedAt } }`);
    expect((revoked.data!.revokeApiToken as { revokedAt: string | null }).revokedAt).not.toBeNull();
    expectRefused(await run(account, `mutation { revokeApiToken(id: "${ids.adminToken}") { id } }`), 'NOT_FOUND');
    const adminTokens = await run('admin', '{ apiTokens { id revokedAt } }');
    expect(adminTokens.data!.apiTokens as { id: string; revokedAt: string | null }[]).toContainEqual({
      id: ids.adminToken,
      revokedAt: null,
    });
  });
});

describe('wrong role inside its scope', () => {
  it.each(organizeOps)('$name by an ANALYST of the district → FORBIDDEN, no data', async (op) => {
    expectRefused(await run('phantich-tx', op.query(sides['TH-05'])), 'FORBIDDEN');
    expectRefused(await run('dongson', op.query(sides['TH-07'])), 'FORBIDDEN');
  });
});

describe('own survey or conference, a unit outside the scope', () => {
  it.each(crossOps)('$name → FORBIDDEN, no data', async (op) => {
    expectRefused(await run('thoxuan', op.query(sides['TH-05'])), 'FORBIDDEN');
  });
});

describe('an assignment outside the scope on a survey inside it', () => {
  // Not even an administrator may assign a unit outside the survey's organizing unit; an assignment
  // outside it can still exist (stored before a unit moved), and the Thọ Xuân organizer then sees and
  // acts only on the assignments of its own subtree. Such a row is written straight into the table.
  let foreign: string;
  beforeAll(async () => {
    const s = sides['TH-05'];
    const refused = await run(
      'admin',
      `mutation { assignSurvey(input: { surveyId: "${s.survey}", unitIds: ["${ids['TH-07-001']}"] }) { added } }`,
    );
    expectRefused(refused, 'FORBIDDEN');
    const row = await queryOne<{ id: number }>(
      server.orm.em.fork(),
      sql`insert into assignment (survey_id, unit_id, unit_path, unit_level)
          select ${Number(s.survey)}, id, path, level from unit where code = 'TH-07-001' returning id`,
    );
    foreign = String(row!.id);
  });

  it('assignments and respondentLinksCsv leave it out', async () => {
    const s = sides['TH-05'];
    const list = await run('thoxuan', `{ assignments(surveyId: "${s.survey}") { totalCount edges { node { id } } } }`);
    const conn = list.data!.assignments as { totalCount: number; edges: { node: { id: string } }[] };
    expect(conn.edges.map((e) => e.node.id)).toEqual([s.assignment]);
    expect(conn.totalCount).toBe(1);
    const csv = (await run('thoxuan', `{ respondentLinksCsv(surveyId: "${s.survey}") }`)).data
      ?.respondentLinksCsv as string;
    expect(csv).not.toContain('TH-07-001');
  });

  it.each(['extendDeadline', 'rotateRespondentLink', 'revokeRespondentLink'])('%s on it → FORBIDDEN', async (name) => {
    const op = organizeOps.find((o) => o.name === name)!;
    expectRefused(await run('thoxuan', op.query({ ...sides['TH-05'], assignment: foreign })), 'FORBIDDEN');
  });
});

describe('anonymous', () => {
  it.each([...unitOps, ...adminOps, ...selfOps])('$name → UNAUTHENTICATED', async (op) => {
    expectRefused(await run(null, op.query(ids['TH-05-001']!)), 'UNAUTHENTICATED');
  });

  it.each([...readOps, ...organizeOps])('$name → UNAUTHENTICATED', async (op) => {
    expectRefused(await run(null, op.query(sides['TH-05'])), 'UNAUTHENTICATED');
  });

  it('revokeApiToken → UNAUTHENTICATED; signOut without a session only clears the cookie', async () => {
    expectRefused(await run(null, `mutation { revokeApiToken(id: "${ids.adminToken}") { id } }`), 'UNAUTHENTICATED');
    expect((await run(null, 'mutation { signOut }')).data).toEqual({ signOut: true });
  });

  it('viewer is null', async () => {
    expect((await run(null, '{ viewer { id } }')).data).toEqual({ viewer: null });
  });
});

describe('refusals changed nothing', () => {
  it('the fixtures are as they were built', async () => {
    for (const side of Object.values(sides)) {
      const data = await admin<Record<string, Record<string, unknown>>>(
        `{ survey(id: "${side.survey}") { title status }
           draft: survey(id: "${side.draft}") { title status }
           conference(id: "${side.conference}") { title status bridgePointCount }
           bridgePoint(id: "${side.bridgePoint}") { displayName operatorLinkActive }
           surveys { totalCount } conferences { totalCount } }`,
      );
      expect(data.survey).toMatchObject({ status: 'OPEN' });
      expect(data.draft).toMatchObject({ status: 'DRAFT' });
      expect(data.draft!.title).not.toBe('Đổi');
      expect(data.conference).toMatchObject({ status: 'SCHEDULED', bridgePointCount: 1 });
      expect(data.conference!.title).not.toBe('Đổi');
      expect(data.bridgePoint).toMatchObject({ operatorLinkActive: true });
      expect(data.bridgePoint!.displayName).not.toBe('Đổi');
      expect(data.surveys).toEqual({ totalCount: 4 });
      expect(data.conferences).toEqual({ totalCount: 2 });
    }
    const tokens = await run('admin', '{ apiTokens { id revokedAt } }');
    expect(tokens.data!.apiTokens).toContainEqual({ id: ids.adminToken, revokedAt: null });
  });
});

// Last: these run the operations for real, so they change the fixtures.
describe('inside the scope, the right role', () => {
  it.each(readOps)('$name → allowed for the ORGANIZER and the ANALYST', async (op) => {
    expectAdmitted(await run('thoxuan', op.query(sides['TH-05'])));
    expectAdmitted(await run('phantich-tx', op.query(sides['TH-05'])));
    expectAdmitted(await run('dongson', op.query(sides['TH-07'])));
  });

  it.each(organizeOps)('$name → allowed for the ORGANIZER', async (op) => {
    expectAdmitted(await run('thoxuan', op.query(sides['TH-05'])));
  });

  it('signOut ends only its own session', async () => {
    const second = await signIn(server, 'thoxuan', 'thoxuan-demo-2026');
    const out = await graphql(server.url, 'mutation { signOut }', { headers: { cookie: second } });
    expect(out.data).toEqual({ signOut: true });
    const after = await graphql(server.url, '{ viewer { username } }', { headers: { cookie: second } });
    expect(after.data).toEqual({ viewer: null });
    expect((await run('thoxuan', '{ viewer { username } }')).data).toEqual({ viewer: { username: 'thoxuan' } });
    expect((await run('dongson', '{ viewer { username } }')).data).toEqual({ viewer: { username: 'dongson' } });
  });
});

describe('admin', () => {
  it.each(unitOps)('$name anywhere → allowed', async (op) => {
    for (const code of ['TH', 'TH-05-001', 'TH-07-001']) {
      expect((await run('admin', op.query(ids[code]!))).errors).toBeUndefined();
    }
  });

  it.each([...readOps, ...organizeOps])('$name anywhere → allowed', async (op) => {
    expectAdmitted(await run('admin', op.query(sides['TH-07'])));
  });
});
