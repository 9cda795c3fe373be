import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query, sql } from '../../server/src/db/sql.ts';
import { connect } from '../harness/database.ts';
import { buildAccount, loadDemoProvince, signIn } from '../harness/factories.ts';
import { errorCodes, type GraphQLResponse, graphql, ok } from '../harness/graphql.ts';
import { startTestServer, type TestServer } from '../harness/server.ts';
import { completeAnswers, surveyFixtureText } from '../harness/survey-fixture.ts';

/**
 * Analytics as a district analyst reading the province's survey, bad input, statements counted at the
 * pg driver, withdrawn units, units moved after assignment, and an export the client walks away from.
 */

let server: TestServer;
let organizer: Record<string, string>;
let admin: Record<string, string>;
let district: Record<string, string>;
let surveyId: string;
/** Units by code: id, path of ids, kind. */
const units = new Map<string, { id: number; name: string; kind: string; path: number[] }>();
/** Codes of the commune committees that submitted, and of all assigned. */
const submittedCodes = new Set<string>();
const assignedCodes: string[] = [];

async function gql<T = Record<string, unknown>>(
  q: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = organizer,
) {
  return graphql<T>(server.url, q, { variables, headers });
}

/** Every statement the server's pg driver (MikroORM's) is asked to run, while `recording` is on. */
const driverStatements: string[] = [];
let recording = false;
function patchDriver() {
  const mikro = realpathSync(new URL('../../server/node_modules/@mikro-orm/postgresql', import.meta.url));
  const pg = createRequire(join(mikro, 'package.json'))('pg') as {
    Client: { prototype: { query: (...args: unknown[]) => unknown } };
  };
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: unknown, ...args: unknown[]) {
    if (recording) {
      const q = args[0] as string | { text?: string };
      driverStatements.push(typeof q === 'string' ? q : (q?.text ?? '(cursor)'));
    }
    return original.apply(this, args);
  };
}

async function counted<T>(run: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  driverStatements.length = 0;
  recording = true;
  try {
    const result = await run();
    return { result, statements: [...driverStatements] };
  } finally {
    recording = false;
  }
}

beforeAll(async () => {
  patchDriver();
  server = await startTestServer();
  await loadDemoProvince(server);
  organizer = { cookie: await signIn(server, 'tuyengiao', 'tuyengiao-demo-2026') };
  admin = { cookie: await signIn(server, 'admin', 'admin-demo-2026') };
  await buildAccount(server, {
    username: 'phantich-huyen',
    password: 'phantich-huyen-1',
    role: 'ANALYST',
    scopeCode: 'TH-05',
  });
  district = { cookie: await signIn(server, 'phantich-huyen', 'phantich-huyen-1') };
  const rows = await query<{ id: number; code: string; name: string; kind: string; path: string }>(
    server.orm.em.fork(),
    sql`select id, code, name, kind_code as kind, ltree2text(path) as path from unit`,
  );
  for (const r of rows) units.set(r.code, { ...r, path: r.path.split('.').map(Number) });

  // The province's survey, assigned to every commune committee; a third of them submit.
  const root = String(units.get('TH')!.id);
  surveyId = ok(
    await gql<{ importSurvey: { id: string } }>(
      'mutation ($o: ID!, $f: String!) { importSurvey(ownerUnitId: $o, file: $f) { id } }',
      { o: root, f: surveyFixtureText },
    ),
  ).importSurvey.id;
  ok(
    await gql('mutation ($i: UpdateSurveyInput!) { updateSurvey(input: $i) { id } }', {
      i: {
        id: surveyId,
        opensAt: new Date(Date.now() - 86_400_000).toISOString(),
        closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
    }),
  );
  ok(await gql('mutation ($id: ID!) { publishSurvey(id: $id) { id } }', { id: surveyId }));
  ok(
    await gql('mutation ($i: AssignSurveyInput!) { assignSurvey(input: $i) { added } }', {
      i: { surveyId, underId: root, kindCodes: ['COMMUNE_COMMITTEE'] },
    }),
  );
  const csv = ok(
    await gql<{ respondentLinksCsv: string }>('query ($s: ID!) { respondentLinksCsv(surveyId: $s) }', { s: surveyId }),
  ).respondentLinksCsv;
  const jobs: Promise<unknown>[] = [];
  for (const [i, line] of csv.trim().split('\r\n').slice(1).entries()) {
    const code = line.split(',')[0]!;
    assignedCodes.push(code);
    if (i % 3 !== 0) continue;
    submittedCodes.add(code);
    jobs.push(
      gql(
        'mutation ($t: String!, $a: JSONObject!, $k: String!) { submitResponse(token: $t, answers: $a, submittedBy: "Bí thư", idempotencyKey: $k) { number } }',
        { t: line.split('/s/')[1]!, a: { ...completeAnswers, members_total: 10 + (i % 50) }, k: `access-${code}` },
        {},
      ).then((r) => expect(r.errors).toBeUndefined()),
    );
    if (jobs.length >= 8) await Promise.all(jobs.splice(0));
  }
  await Promise.all(jobs);
}, 180_000);
afterAll(async () => {
  await server?.stop();
});

const inTh05 = (code: string) => code.startsWith('TH-05-');

describe('a district analyst reading the province’s survey', () => {
  it('finds it among the analytics surveys, with the district’s progress', async () => {
    const res = ok(
      await gql<{
        analyticsSurveys: {
          totalCount: number;
          edges: { node: { id: string; title: string; assigned: number; submitted: number } }[];
        };
      }>('{ analyticsSurveys(first: 10) { totalCount edges { node { id title assigned submitted } } } }', {}, district),
    ).analyticsSurveys;
    const mine = res.edges.find((e) => e.node.id === surveyId)!.node;
    expect(mine.assigned).toBe(assignedCodes.filter(inTh05).length);
    expect(mine.submitted).toBe([...submittedCodes].filter(inTh05).length);
    // The owner rule of `survey(id)` keeps it out of reach there; the analytics side reads it.
    expect(errorCodes(await gql('query ($id: ID!) { survey(id: $id) { title } }', { id: surveyId }, district))).toEqual(
      ['FORBIDDEN'],
    );
    const head = ok(
      await gql<{
        surveyAnalytics: { title: string; scopeLevel: number; deepestLevel: number; content: { sections: unknown[] } };
      }>(
        'query ($s: ID!) { surveyAnalytics(surveyId: $s) { title scopeLevel deepestLevel content } }',
        { s: surveyId },
        district,
      ),
    ).surveyAnalytics;
    expect(head).toMatchObject({ scopeLevel: 2, deepestLevel: 3 });
    expect(head.content.sections.length).toBeGreaterThan(0);
  });

  it('pages through the district’s units not submitted, honouring the filter', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    type Page = {
      totalCount: number;
      edges: { node: { state: string; unit: { code: string }; assignedPath: { code: string }[] } }[];
      pageInfo: { hasNextPage: boolean; endCursor: string };
    };
    for (let page = 0; page < 50; page++) {
      const res: Page = ok(
        await gql<{ surveyAnalytics: { notSubmitted: Page } }>(
          'query ($s: ID!, $a: String) { surveyAnalytics(surveyId: $s, level: 3) { notSubmitted(first: 4, after: $a) { totalCount edges { node { state unit { code } assignedPath { code } } } pageInfo { hasNextPage endCursor } } } }',
          { s: surveyId, a: after },
          district,
        ),
      ).surveyAnalytics.notSubmitted;
      total = res.totalCount;
      seen.push(...res.edges.map((e) => e.node.unit.code));
      expect(res.edges.every((e) => e.node.state === 'NOT_OPENED')).toBe(true);
      // The same Assignment as elsewhere: its path at assignment time ends at the unit itself.
      for (const e of res.edges) expect(e.node.assignedPath.at(-1)?.code).toBe(e.node.unit.code);
      if (!res.pageInfo.hasNextPage) break;
      after = res.pageInfo.endCursor;
    }
    const expected = assignedCodes.filter((c) => inTh05(c) && !submittedCodes.has(c));
    expect(total).toBe(expected.length);
    expect(seen.sort()).toEqual(expected.sort());
    const cells = ok(
      await gql<{ surveyAnalytics: { notSubmitted: { totalCount: number; edges: unknown[] } } }>(
        'query ($s: ID!) { surveyAnalytics(surveyId: $s, level: 3, filter: { unitKinds: ["GRASSROOTS_CELL"] }) { notSubmitted { totalCount edges { cursor } } } }',
        { s: surveyId },
        district,
      ),
    ).surveyAnalytics.notSubmitted;
    expect(cells).toEqual({ totalCount: 0, edges: [] });
  });
});

describe('bad input', () => {
  const q = (body: string, vars: Record<string, unknown> = {}, headers = district) =>
    gql(
      `query ($s: ID!, $u: ID) { surveyAnalytics(surveyId: $s, level: 3, scopeUnitId: $u) { ${body} } }`,
      { s: surveyId, ...vars },
      headers,
    );
  const ext = (res: GraphQLResponse<unknown>) => res.errors?.[0]?.extensions;

  it('names the field of an unknown survey, question key, cross-tab column, level or scope', async () => {
    expect(ext(await q('basis { responses }', { s: '999999' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'surveyId',
    });
    const other = ok(
      await gql<{ importSurvey: { id: string } }>(
        'mutation ($o: ID!, $f: String!) { importSurvey(ownerUnitId: $o, file: $f) { id } }',
        { o: String(units.get('TH-07')!.id), f: surveyFixtureText },
      ),
    ).importSurvey.id;
    expect(ext(await q('basis { responses }', { s: other }))).toMatchObject({ code: 'FORBIDDEN', field: 'surveyId' });
    expect(ext(await q('basis { responses }', { u: String(units.get('TH-07')!.id) }))).toMatchObject({
      code: 'FORBIDDEN',
      field: 'scopeUnitId',
    });
    const filtered = await gql(
      'query ($s: ID!) { surveyAnalytics(surveyId: $s, level: 3, filter: { answer: { questionKey: "nope", op: "equals", values: ["1"] } }) { basis { responses } } }',
      { s: surveyId },
      district,
    );
    expect(ext(filtered)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.answer.questionKey' });
    expect(ext(await q('crossTab(rowKey: "held_study", columnKey: "nope") { responses }'))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'columnKey',
    });
    expect(ext(await q('crossTab(rowKey: "held_study", columnKey: "proposals") { responses }'))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'columnKey',
    });
    const deep = await gql(
      'query ($s: ID!) { surveyAnalytics(surveyId: $s, level: 4) { basis { responses } } }',
      { s: surveyId },
      district,
    );
    expect(ext(deep)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'level' });
    // The district analyst's scope starts at level 2: the province level is above it.
    const above = await gql(
      'query ($s: ID!) { surveyAnalytics(surveyId: $s, level: 1) { basis { responses } } }',
      { s: surveyId },
      district,
    );
    expect(ext(above)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'level' });
    expect(ext(await q('question(key: "members_total") { numbers(bins: 0) { total { count } } }'))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'bins',
    });
  });

  it('refuses an over-costly query before any analytics SQL runs', async () => {
    const body = Array.from(
      { length: 60 },
      (_, i) => `q${i}: question(key: "members_total") { numbers { total { count } } }`,
    ).join(' ');
    const { result, statements } = await counted(() => q(body));
    expect(errorCodes(result)).toEqual(['QUERY_TOO_COSTLY']);
    // Only the session behind the cookie is looked up: no survey, assignment or answer is read.
    expect(statements.filter((s) => /\b(survey|assignment|answer|response)\b/.test(s))).toEqual([]);
    expect(statements.length).toBeLessThanOrEqual(2);
  });
});

describe('statements at the pg driver', () => {
  const nested = (first: number) => `query ($s: ID!) { surveyAnalytics(surveyId: $s, level: 3) {
    progress { total { assigned } groups { unitName } }
    a: question(key: "action_program") { choices { total { responses } groups { unitName } } }
    notSubmitted(first: ${first}) { totalCount edges { node { state unit { name parent { name parent { name } } } } } }
  } }`;

  it('is the same small number however many rows, DataLoader batching the unit relations', async () => {
    ok(await gql(nested(1), { s: surveyId }, district)); // the questionnaire version is cached after this
    const few = await counted(() => gql(nested(2), { s: surveyId }, district));
    const many = await counted(() => gql(nested(40), { s: surveyId }, district));
    ok(few.result);
    ok(many.result);
    // Session (1) + survey, deepest level, withdrawn responses (3) + progress, choices, notSubmitted (3)
    // + unit, parent, grandparent (3 DataLoader batches) = 10, for 2 rows as for 40.
    expect(few.statements.length, few.statements.join('\n---\n')).toBe(10);
    expect(many.statements.length).toBe(10);
  });
});

describe('units moved or withdrawn after assignment', () => {
  it('keeps a moved unit’s names as assigned in exports and text answers; leaves withdrawn units out everywhere', async () => {
    const figures = async () =>
      ok(
        await gql<{
          surveyAnalytics: {
            basis: { responses: number };
            progress: { total: { assigned: number } };
            m: { numbers: { total: { count: number; sum: number } } };
            a: { choices: { total: { responses: number } } };
            indicators: { total: { responses: number } }[];
            textAnswers: { totalCount: number; edges: { node: { unitCode: string; pathNames: string[] } }[] };
          };
        }>(
          `query ($s: ID!) { surveyAnalytics(surveyId: $s, level: 2) {
             basis { responses } progress { total { assigned } }
             m: question(key: "members_total") { numbers { total { count sum } } }
             a: question(key: "action_program") { choices { total { responses } } }
             indicators { total { responses } }
             textAnswers(key: "proposals", first: 200) { totalCount edges { node { unitCode pathNames } } } } }`,
          { s: surveyId },
          admin,
        ),
      ).surveyAnalytics;
    const csvRows = async () => {
      const text = await (
        await fetch(`${server.url}/api/surveys/${surveyId}/responses.csv`, { headers: admin })
      ).text();
      const lines = text.slice(1).trim().split('\r\n');
      const header = lines[0]!.split(',');
      return { header, rows: lines.slice(1).map((l) => l.split(',')) };
    };

    // A submitted commune of TH-05 moves under TH-07: its columns stay TH-05's.
    const moved = [...submittedCodes].find(inTh05)!;
    const oldDistrict = units.get('TH-05')!.name;
    ok(
      await gql(
        'mutation ($i: UpdateUnitInput!) { updateUnit(input: $i) { id } }',
        {
          i: { id: String(units.get(moved)!.id), parentId: String(units.get('TH-07')!.id) },
        },
        admin,
      ),
    );
    const before = await csvRows();
    const row = before.rows.find((r) => r[before.header.indexOf('ma_don_vi')] === moved)!;
    expect(row[before.header.indexOf('cap_2')]).toBe(oldDistrict);
    const text = (await figures()).textAnswers.edges.find((e) => e.node.unitCode === moved)!;
    expect(text.node.pathNames[1]).toBe(oldDistrict);

    // Withdrawing a submitted unit takes it out of progress, every figure, the basis and the export.
    const all = await figures();
    const assignment = await query<{ id: number }>(
      server.orm.em.fork(),
      sql`select a.id from assignment a join unit u on u.id = a.unit_id where a.survey_id = ${Number(surveyId)} and u.code = ${moved}`,
    );
    ok(
      await gql('mutation ($s: ID!, $ids: [ID!]!) { withdrawAssignments(surveyId: $s, assignmentIds: $ids) }', {
        s: surveyId,
        ids: [String(assignment[0]!.id)],
      }),
    );
    const after = await figures();
    expect(after.progress.total.assigned).toBe(all.progress.total.assigned - 1);
    expect(after.basis.responses).toBe(all.basis.responses - 1);
    expect(after.m.numbers.total.count).toBe(all.m.numbers.total.count - 1);
    expect(after.a.choices.total.responses).toBe(all.a.choices.total.responses - 1);
    expect(after.indicators[0]!.total.responses).toBe(all.indicators[0]!.total.responses - 1);
    expect(after.textAnswers.totalCount).toBe(all.textAnswers.totalCount - 1);
    const exported = await csvRows();
    expect(exported.rows.length).toBe(before.rows.length - 1);
    expect(exported.rows.some((r) => r[exported.header.indexOf('ma_don_vi')] === moved)).toBe(false);
  });
});

describe('an export the client walks away from', () => {
  it('closes the cursor and gives the connection back', async () => {
    // Enough rows that the export cannot sit in the socket buffers: every unit, with a long answer.
    const big = await gql<{ importSurvey: { id: string } }>(
      'mutation ($o: ID!, $f: String!) { importSurvey(ownerUnitId: $o, file: $f) { id } }',
      { o: String(units.get('TH')!.id), f: surveyFixtureText },
    );
    const bigId = ok(big).importSurvey.id;
    ok(await gql('mutation ($id: ID!) { publishSurvey(id: $id) { id } }', { id: bigId }));
    ok(
      await gql('mutation ($i: AssignSurveyInput!) { assignSurvey(input: $i) { added } }', {
        i: { surveyId: bigId, underId: String(units.get('TH')!.id) },
      }),
    );
    const answers = { ...completeAnswers, proposals: 'Đề nghị bổ sung tài liệu. '.repeat(150) };
    await query(
      server.orm.em.fork(),
      sql`insert into response (assignment_id, survey_id, unit_path, status, version_id, answers, first_submitted_at, submitted_at, submitted_by)
          select a.id, a.survey_id, a.unit_path, 'SUBMITTED', s.current_version_id, ${JSON.stringify(answers)}::jsonb, now(), now(), 'Bí thư'
            from assignment a join survey s on s.id = a.survey_id where a.survey_id = ${Number(bigId)}`,
    );
    const db = await connect(server.database.url);
    const busy = async () =>
      (
        await db.query<{ state: string; query: string }>(
          `select state, query from pg_stat_activity
            where datname = current_database() and pid <> pg_backend_pid() and state <> 'idle' and query like '%survey_version v on v.id = r.version_id%'`,
        )
      ).rows;
    try {
      for (let i = 0; i < 3; i++) {
        const abort = new AbortController();
        const res = await fetch(`${server.url}/api/surveys/${bigId}/responses.csv`, {
          headers: admin,
          signal: abort.signal,
        });
        const reader = res.body!.getReader();
        expect((await reader.read()).done).toBe(false);
        // The cursor is open while the client does not read.
        await new Promise((r) => setTimeout(r, 300));
        expect((await busy()).length).toBe(1);
        abort.abort();
        await reader.cancel().catch(() => undefined);
        let left = await busy();
        for (let t = 0; t < 40 && left.length > 0; t++) {
          await new Promise((r) => setTimeout(r, 100));
          left = await busy();
        }
        expect(left).toEqual([]);
      }
      // The pool still serves a whole export afterwards.
      const whole = await (await fetch(`${server.url}/api/surveys/${bigId}/responses.csv`, { headers: admin })).text();
      // Every unit but the province itself (assigning "under" a unit leaves it out).
      expect(whole.slice(1).trim().split('\r\n').length - 1).toBe(units.size - 1);
    } finally {
      await db.end();
    }
  }, 60_000);
});
