import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoProvince, signIn } from '../harness/factories.ts';
import { errorCodes, graphql, ok } from '../harness/graphql.ts';
import { startTestServer, type TestServer } from '../harness/server.ts';
import { surveyFixtureText } from '../harness/survey-fixture.ts';

/** What the organizer's pages ask before acting: how many units an assignment adds, and finding an assigned unit. */

let server: TestServer;
let organizer: Record<string, string>;
let districtOrganizer: Record<string, string>;
let surveyId: string;
const ids: Record<string, string> = {};

const gql = <T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  headers = organizer,
) => graphql<T>(server.url, query, { variables, headers });

const assign = (input: Record<string, unknown>, headers = organizer) =>
  gql<{ assignSurvey: { added: number; alreadyAssigned: number } }>(
    'mutation ($i: AssignSurveyInput!) { assignSurvey(input: $i) { added alreadyAssigned } }',
    { i: { surveyId, ...input } },
    headers,
  );

const assignedCount = async () =>
  ok(
    await gql<{ assignments: { totalCount: number } }>('query ($s: ID!) { assignments(surveyId: $s) { totalCount } }', {
      s: surveyId,
    }),
  ).assignments.totalCount;

const search = async (text: string) =>
  ok(
    await gql<{ assignments: { totalCount: number; edges: { node: { unit: { code: string; name: string } } }[] } }>(
      'query ($s: ID!, $q: String) { assignments(surveyId: $s, search: $q, first: 100) { totalCount edges { node { unit { code name } } } } }',
      { s: surveyId, q: text },
    ),
  ).assignments;

beforeAll(async () => {
  server = await startTestServer();
  await loadDemoProvince(server);
  organizer = { cookie: await signIn(server, 'tuyengiao', 'tuyengiao-demo-2026') };
  districtOrganizer = { cookie: await signIn(server, 'thoxuan', 'thoxuan-demo-2026') };
  for (const code of ['TH', 'TH-05', 'TH-07']) {
    ids[code] = ok(
      await gql<{ unit: { id: string } }>('query ($c: String!) { unit(code: $c) { id } }', { c: code }),
    ).unit.id;
  }
  surveyId = ok(
    await gql<{ importSurvey: { id: string } }>(
      'mutation ($o: ID!, $f: String!) { importSurvey(ownerUnitId: $o, file: $f) { id } }',
      { o: ids.TH, f: surveyFixtureText },
    ),
  ).importSurvey.id;
});
afterAll(async () => {
  await server?.stop();
});

describe('assignSurvey dryRun', () => {
  it('counts what an assignment would add, and changes nothing', async () => {
    const communes = ok(
      await gql<{ units: { totalCount: number } }>(
        'query ($u: ID!) { units(filter: { underId: $u, kindCodes: ["COMMUNE_COMMITTEE"] }) { totalCount } }',
        { u: ids['TH-05'] },
      ),
    ).units.totalCount;
    expect(communes).toBeGreaterThan(10);
    const rule = { underId: ids['TH-05'], kindCodes: ['COMMUNE_COMMITTEE'] };

    const deepest = async () =>
      ok(
        await gql<{ survey: { deepestAssignedLevel: number | null } }>(
          'query ($id: ID!) { survey(id: $id) { deepestAssignedLevel } }',
          { id: surveyId },
        ),
      ).survey.deepestAssignedLevel;
    expect(await deepest()).toBeNull();

    const preview = ok(await assign({ ...rule, dryRun: true })).assignSurvey;
    expect(preview).toEqual({ added: communes, alreadyAssigned: 0 });
    expect(await assignedCount()).toBe(0);

    // The count is what the real call then does.
    expect(ok(await assign(rule)).assignSurvey).toEqual(preview);
    expect(await assignedCount()).toBe(communes);
    // Province 1, district 2, commune 3: the levels progress can be rolled up at.
    expect(await deepest()).toBe(3);

    // Listed units on top of the rule: the district itself is new, the communes are already there.
    expect(ok(await assign({ ...rule, unitIds: [ids['TH-05']], dryRun: true })).assignSurvey).toEqual({
      added: 1,
      alreadyAssigned: communes,
    });

    // A withdrawn unit would come back: it counts as added.
    const first = ok(
      await gql<{ assignments: { edges: { node: { id: string } }[] } }>(
        'query ($s: ID!) { assignments(surveyId: $s, first: 2) { edges { node { id } } } }',
        { s: surveyId },
      ),
    ).assignments.edges.map((e) => e.node.id);
    expect(
      ok(
        await gql<{ withdrawAssignments: number }>(
          'mutation ($s: ID!, $a: [ID!]!) { withdrawAssignments(surveyId: $s, assignmentIds: $a) }',
          {
            s: surveyId,
            a: first,
          },
        ),
      ).withdrawAssignments,
    ).toBe(2);
    expect(ok(await assign({ ...rule, dryRun: true })).assignSurvey).toEqual({
      added: 2,
      alreadyAssigned: communes - 2,
    });
    expect(await assignedCount()).toBe(communes - 2);
  });

  it('keeps the same rules as a real assignment: scope and a non-empty choice', async () => {
    // The Thọ Xuân organizer may not even count the units of another district.
    const other = await assign({ underId: ids['TH-07'], dryRun: true }, districtOrganizer);
    expect(errorCodes(other)).toContain('FORBIDDEN');
    expect(other.data).toBeNull();
    expect(errorCodes(await assign({ unitIds: [], dryRun: true }))).toContain('BAD_USER_INPUT');
  });
});

describe('assignments search', () => {
  it('finds assigned units by name without accents, or by code, and counts them', async () => {
    const all = await search('');
    expect(all.totalCount).toBe(await assignedCount());
    const some = all.edges[3]!.node.unit;
    const plain = some.name
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .toLowerCase();
    const found = await search(plain.split(' ').slice(-2).join(' '));
    expect(found.edges.map((e) => e.node.unit.code)).toContain(some.code);
    expect(found.totalCount).toBe(found.edges.length);
    expect(found.totalCount).toBeLessThan(all.totalCount);
    expect((await search(some.code.toLowerCase())).edges.map((e) => e.node.unit.code)).toEqual([some.code]);
    // LIKE wildcards are text, not patterns.
    expect((await search('%')).totalCount).toBe(0);
    expect((await search('không có đơn vị này')).totalCount).toBe(0);
  });
});
