import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, loadDemoProvince, signIn } from '../harness/factories.ts';
import { errorCodes, type GraphQLResponse, graphql } from '../harness/graphql.ts';
import { startTestServer, type TestServer } from '../harness/server.ts';
import { surveyFixtureText } from '../harness/survey-fixture.ts';

/**
 * Analytics against a brute-force recomputation: random (seeded) responses are submitted through
 * the real API, and every figure is recomputed in plain TypeScript from what was sent.
 */

let server: TestServer;
let organizer: Record<string, string>;
let analyst: Record<string, string>;
const units = new Map<string, { code: string; name: string; parentCode: string | null; kind: string }>();

function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function ancestorAt(code: string, level: number): string {
  const chain: string[] = [];
  for (let c: string | null = code; c; c = units.get(c)?.parentCode ?? null) chain.unshift(c);
  return chain[Math.min(level, chain.length) - 1]!;
}

type Answers = Record<string, unknown>;

/** Answers that respect the questionnaire's rules (visibility, ranges), varied by the PRNG. */
function randomAnswers(rnd: () => number): Answers {
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const members = 5 + Math.floor(rnd() * 120);
  const held = rnd() < 0.75;
  const a: Answers = {
    members_total: members,
    held_study: held,
    action_program: { choice: pick(['da_ban_hanh', 'dang_xay_dung', 'chua_xay_dung']) },
    effectiveness: 1 + Math.floor(rnd() * 5),
    reporter: 'Bí thư',
  };
  if (held) {
    a.study_date = `2026-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`;
    a.studied_members = Math.floor(members * (0.7 + rnd() * 0.3));
    a.study_form =
      rnd() < 0.2
        ? { choice: 'khac', other: 'Học qua Zalo' }
        : { choice: pick(['truc_tiep', 'truc_tuyen', 'ket_hop']) };
  } else {
    a.no_study_reason = pick(['Chưa có tài liệu', 'Thiếu báo cáo viên', 'Đang chờ hướng dẫn']);
  }
  if (rnd() < 0.8) a.essays_written = Math.floor(members * rnd());
  if (rnd() < 0.6)
    a.difficulties = { choices: ['tai_lieu', 'thoi_gian', 'ha_tang'].filter(() => rnd() < 0.5).slice(0, 3) };
  if ((a.difficulties as { choices: string[] } | undefined)?.choices.length === 0) delete a.difficulties;
  if (rnd() < 0.5)
    a.proposals = pick([
      'Đề nghị bổ sung tài liệu học tập',
      'Cần hỗ trợ đường truyền',
      'Tăng cường kiểm tra, giám sát',
    ]);
  return a;
}

async function gql<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = organizer,
) {
  return graphql<T>(server.url, query, { variables, headers });
}

function ok<T>(res: GraphQLResponse<T>): T {
  expect(res.errors).toBeUndefined();
  return res.data as T;
}

type Sent = { code: string; state: 'SUBMITTED' | 'DRAFT' | 'OPENED' | 'NOT_OPENED'; answers?: Answers };

/** The example questionnaire plus an indicator whose numerator adds two questions (summed per response). */
function withCombinedIndicator(text: string): string {
  const file = JSON.parse(text) as { content: { indicators: unknown[] } };
  file.content.indicators.push({
    key: 'studied_or_wrote',
    label: 'Học tập và viết thu hoạch trên tổng số đảng viên',
    numerator: ['studied_members', 'essays_written'],
    denominator: ['members_total'],
    percent: false,
  });
  return JSON.stringify(file);
}

/** A published survey assigned to every commune committee, answered at random. */
async function answeredSurvey(seed: number): Promise<{ surveyId: string; sent: Map<string, Sent> }> {
  const root = ok(await gql<{ unit: { id: string } }>('{ unit(code: "TH") { id } }')).unit.id;
  const surveyId = ok(
    await gql<{ importSurvey: { id: string } }>(
      'mutation ($o: ID!, $f: String!) { importSurvey(ownerUnitId: $o, file: $f) { id } }',
      {
        o: root,
        f: withCombinedIndicator(surveyFixtureText),
      },
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
  const rnd = prng(seed);
  const sent = new Map<string, Sent>();
  const jobs: Promise<void>[] = [];
  for (const line of csv.trim().split('\r\n').slice(1)) {
    const code = line.split(',')[0]!;
    const token = line.split('/s/')[1]!;
    const roll = rnd();
    if (roll < 0.35) {
      const answers = randomAnswers(rnd);
      sent.set(code, { code, state: 'SUBMITTED', answers });
      jobs.push(
        gql(
          'mutation ($t: String!, $a: JSONObject!, $k: String!) { submitResponse(token: $t, answers: $a, submittedBy: "Bí thư", idempotencyKey: $k) { number } }',
          { t: token, a: answers, k: `seed-${seed}-${code}` },
          {},
        ).then((r) => expect(r.errors).toBeUndefined()),
      );
    } else if (roll < 0.45) {
      sent.set(code, { code, state: 'DRAFT' });
      jobs.push(
        gql(
          'mutation ($t: String!) { saveDraft(token: $t, answers: { members_total: 3 }) { savedAt } }',
          { t: token },
          {},
        ).then(() => undefined),
      );
    } else if (roll < 0.55) {
      sent.set(code, { code, state: 'OPENED' });
      jobs.push(
        gql('query ($t: String!) { questionnaire(token: $t) { state } }', { t: token }, {}).then(() => undefined),
      );
    } else sent.set(code, { code, state: 'NOT_OPENED' });
    if (jobs.length >= 8) await Promise.all(jobs.splice(0));
  }
  await Promise.all(jobs);
  return { surveyId, sent };
}

beforeAll(async () => {
  server = await startTestServer();
  await loadDemoProvince(server);
  organizer = { cookie: await signIn(server, 'tuyengiao', 'tuyengiao-demo-2026') };
  analyst = { cookie: await signIn(server, 'phantich', 'phantich-demo-2026') };
  const rows = JSON.parse(ok(await gql<{ exportUnits: string }>('{ exportUnits(format: JSON) }')).exportUnits) as {
    code: string;
    name: string;
    kind: string;
    parentCode: string | null;
  }[];
  for (const r of rows) units.set(r.code, r);
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = (s.length - 1) / 2;
  return s.length === 0 ? null : (s[Math.floor(m)]! + s[Math.ceil(m)]!) / 2;
};

describe.each([11, 29])('against a brute-force recomputation (seed %i)', (seed) => {
  let surveyId: string;
  let sent: Map<string, Sent>;
  beforeAll(async () => {
    ({ surveyId, sent } = await answeredSurvey(seed));
  }, 120_000);

  const submitted = () => [...sent.values()].filter((s) => s.state === 'SUBMITTED');
  const byDistrict = <T>(list: T[], codeOf: (t: T) => string) => {
    const m = new Map<string, T[]>();
    for (const x of list) {
      const d = ancestorAt(codeOf(x), 2);
      m.set(d, [...(m.get(d) ?? []), x]);
    }
    return m;
  };

  it('progress by district and in total', async () => {
    const res = ok(
      await gql<{
        surveyAnalytics: {
          progress: { total: Record<string, number>; groups: (Record<string, number> & { unitCode: string })[] };
        };
      }>(
        'query ($s: ID!) { surveyAnalytics(surveyId: $s, level: 2) { progress { total { assigned submitted drafts opened notOpened rate } groups { unitCode assigned submitted drafts opened notOpened submittedOnTime submittedLate rate } } } }',
        { s: surveyId },
        analyst,
      ),
    ).surveyAnalytics.progress;
    const all = [...sent.values()];
    const count = (list: Sent[], state: Sent['state']) => list.filter((s) => s.state === state).length;
    expect(res.total).toMatchObject({
      assigned: all.length,
      submitted: count(all, 'SUBMITTED'),
      drafts: count(all, 'DRAFT'),
      opened: count(all, 'OPENED'),
      notOpened: count(all, 'NOT_OPENED'),
    });
    expect(res.total.rate).toBeCloseTo(count(all, 'SUBMITTED') / all.length, 10);
    const expected = byDistrict(all, (s) => s.code);
    expect(res.groups).toHaveLength(expected.size);
    for (const g of res.groups) {
      const list = expected.get(g.unitCode)!;
      expect(g).toMatchObject({
        assigned: list.length,
        submitted: count(list, 'SUBMITTED'),
        drafts: count(list, 'DRAFT'),
        submittedOnTime: count(list, 'SUBMITTED'),
        submittedLate: 0,
      });
    }
  });

  it('choices, numbers, dates, indicators and a cross-tab', async () => {
    const res = ok(
      await gql<{
        surveyAnalytics: {
          basis: { responses: number; versions: number[] };
          action: {
            choices: {
              total: { responses: number; options: { key: string; count: number; share: number }[] };
              groups: { unitId: string; options: { key: string; count: number }[] }[];
            };
          };
          forms: { choices: { total: { otherTexts: string[] } } };
          difficulties: { choices: { total: { responses: number; options: { key: string; count: number }[] } } };
          members: {
            numbers: { total: { count: number; sum: number; min: number; max: number; mean: number; median: number } };
          };
          effect: { choices: { total: { mean: number; options: { key: string; count: number }[] } } };
          dates: {
            dates: {
              total: { count: number; earliest: string; latest: string; byMonth: { month: string; count: number }[] };
            };
          };
          indicators: {
            key: string;
            total: { numerator: number; denominator: number; value: number; responses: number };
            groups: { unitName: string; numerator: number; denominator: number }[];
          }[];
          crossTab: { responses: number; cells: { row: string; column: string; count: number }[] };
        };
      }>(
        `query ($s: ID!) { surveyAnalytics(surveyId: $s, level: 2) {
           basis { responses versions }
           action: question(key: "action_program") { choices { total { responses options { key count share } } groups { unitId options { key count } } } }
           forms: question(key: "study_form") { choices { total { otherTexts } } }
           difficulties: question(key: "difficulties") { choices { total { responses options { key count } } } }
           members: question(key: "members_total") { numbers { total { count sum min max mean median } } }
           effect: question(key: "effectiveness") { choices { total { mean options { key count } } } }
           dates: question(key: "study_date") { dates { total { count earliest latest byMonth { month count } } } }
           indicators { key total { numerator denominator value responses } groups { unitName numerator denominator } }
           crossTab(rowKey: "held_study", columnKey: "action_program") { responses cells { row column count } }
         } }`,
        { s: surveyId },
        analyst,
      ),
    ).surveyAnalytics;
    const subs = submitted();
    const answers = subs.map((s) => s.answers!);
    expect(res.basis).toEqual({ responses: subs.length, versions: [1] });

    const actionCounts = (list: Answers[]) => {
      const m: Record<string, number> = {};
      for (const a of list) {
        const k = (a.action_program as { choice: string }).choice;
        m[k] = (m[k] ?? 0) + 1;
      }
      return m;
    };
    const total = actionCounts(answers);
    expect(res.action.choices.total.responses).toBe(answers.length);
    for (const o of res.action.choices.total.options) {
      expect(o.count).toBe(total[o.key] ?? 0);
      expect(o.share).toBeCloseTo((total[o.key] ?? 0) / answers.length, 10);
    }
    expect(res.forms.choices.total.otherTexts.length).toBe(
      answers.filter((a) => (a.study_form as { other?: string } | undefined)?.other).length,
    );

    const withDiff = answers.filter((a) => a.difficulties);
    expect(res.difficulties.choices.total.responses).toBe(withDiff.length);
    for (const o of res.difficulties.choices.total.options) {
      expect(o.count).toBe(
        withDiff.filter((a) => (a.difficulties as { choices: string[] }).choices.includes(o.key)).length,
      );
    }

    const members = answers.map((a) => a.members_total as number);
    expect(res.members.numbers.total).toMatchObject({
      count: members.length,
      sum: members.reduce((s, x) => s + x, 0),
      min: Math.min(...members),
      max: Math.max(...members),
    });
    expect(res.members.numbers.total.mean).toBeCloseTo(members.reduce((s, x) => s + x, 0) / members.length, 8);
    expect(res.members.numbers.total.median).toBeCloseTo(median(members)!, 8);

    const effect = answers.map((a) => a.effectiveness as number);
    expect(res.effect.choices.total.mean).toBeCloseTo(effect.reduce((s, x) => s + x, 0) / effect.length, 8);
    for (const o of res.effect.choices.total.options)
      expect(o.count).toBe(effect.filter((e) => String(e) === o.key).length);

    const dates = answers
      .map((a) => a.study_date as string | undefined)
      .filter((d): d is string => !!d)
      .sort();
    expect(res.dates.dates.total).toMatchObject({ count: dates.length, earliest: dates[0], latest: dates.at(-1) });
    const months: Record<string, number> = {};
    for (const d of dates) months[d.slice(0, 7)] = (months[d.slice(0, 7)] ?? 0) + 1;
    expect(Object.fromEntries(res.dates.dates.total.byMonth.map((m) => [m.month, m.count]))).toEqual(months);

    // Indicators: ratio of sums over responses with both parts — not a mean of ratios.
    const study = res.indicators.find((i) => i.key === 'study_rate')!;
    const both = answers.filter((a) => a.studied_members !== undefined);
    const num = both.reduce((s, a) => s + (a.studied_members as number), 0);
    const den = both.reduce((s, a) => s + (a.members_total as number), 0);
    expect(study.total).toMatchObject({
      numerator: num,
      denominator: den,
      responses: both.length,
      value: Math.round((num / den) * 1000) / 10,
    });
    const groupSum = study.groups.reduce((s, g) => s + g.numerator, 0);
    expect(groupSum).toBe(num);
    // Two numerator questions: summed per response, counted when at least one of them and the denominator are there.
    const combined = res.indicators.find((i) => i.key === 'studied_or_wrote')!;
    const parts = answers
      .map((a) => ({ n: [a.studied_members, a.essays_written].filter((v) => v !== undefined) as number[], a }))
      .filter((p) => p.n.length > 0 && p.a.members_total !== undefined);
    const cNum = parts.reduce((s, p) => s + p.n.reduce((x, y) => x + y, 0), 0);
    const cDen = parts.reduce((s, p) => s + (p.a.members_total as number), 0);
    expect(combined.total).toMatchObject({ numerator: cNum, denominator: cDen, responses: parts.length });
    expect(combined.groups.reduce((s, g) => s + g.numerator, 0)).toBe(cNum);

    const cross: Record<string, number> = {};
    for (const a of answers) {
      const k = `${a.held_study ? 'yes' : 'no'}|${(a.action_program as { choice: string }).choice}`;
      cross[k] = (cross[k] ?? 0) + 1;
    }
    expect(res.crossTab.responses).toBe(answers.length);
    for (const c of res.crossTab.cells) expect(c.count).toBe(cross[`${c.row}|${c.column}`] ?? 0);
  });

  it('filters by another answer and by unit kind', async () => {
    const res = ok(
      await gql<{
        surveyAnalytics: {
          progress: { total: { assigned: number; submitted: number } };
          q: { numbers: { total: { count: number } } };
        };
      }>(
        `query ($s: ID!) { surveyAnalytics(surveyId: $s, level: 2, filter: { answer: { questionKey: "held_study", op: "equals", values: ["yes"] } }) {
           progress { total { assigned submitted } } q: question(key: "members_total") { numbers { total { count } } } } }`,
        { s: surveyId },
        analyst,
      ),
    ).surveyAnalytics;
    const held = submitted().filter((s) => s.answers!.held_study === true).length;
    expect(res.progress.total).toEqual({ assigned: held, submitted: held });
    expect(res.q.numbers.total.count).toBe(held);
    const kind = ok(
      await gql<{ surveyAnalytics: { progress: { total: { assigned: number } } } }>(
        'query ($s: ID!) { surveyAnalytics(surveyId: $s, level: 2, filter: { unitKinds: ["GRASSROOTS_CELL"] }) { progress { total { assigned } } } }',
        { s: surveyId },
        analyst,
      ),
    ).surveyAnalytics;
    expect(kind.progress.total.assigned).toBe(0);
  });
});

describe('how analytics run', () => {
  let surveyId: string;
  beforeAll(async () => {
    ({ surveyId } = await answeredSurvey(5));
  }, 120_000);

  const nested = (level: number) => `query { surveyAnalytics(surveyId: "SID", level: ${level}) {
    progress { total { assigned } groups { unitName submitted } }
    basis { responses }
    a: question(key: "action_program") { choices { groups { unitName options { key count } } } }
    b: question(key: "members_total") { numbers { groups { unitName median } } }
    c: question(key: "study_date") { dates { groups { byMonth { month } } } }
    indicators { groups { value } }
    crossTab(rowKey: "held_study", columnKey: "effectiveness") { cells { count } }
    textAnswers(key: "proposals", first: 5) { totalCount edges { node { unitName pathNames } } }
  } }`;

  it('issues one SQL statement per analytic field, however many groups', async () => {
    const counts: number[] = [];
    for (const level of [2, 3]) {
      const body = (await (
        await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-debug-sql-count': '1', ...analyst },
          body: JSON.stringify({ query: nested(level).replace('SID', surveyId) }),
        })
      ).json()) as { errors?: unknown[]; extensions?: { sqlStatements: number } };
      expect(body.errors).toBeUndefined();
      counts.push(body.extensions!.sqlStatements);
    }
    // 3 to set up (viewer, survey, deepest level) + 8 fields; the same for 27 districts and 557 communes.
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBeLessThanOrEqual(12);
  });

  it('searches text answers without accents and pages them', async () => {
    const page = ok(
      await gql<{
        surveyAnalytics: {
          textAnswers: {
            totalCount: number;
            edges: { node: { text: string; pathNames: string[] } }[];
            pageInfo: { hasNextPage: boolean; endCursor: string };
          };
        };
      }>(
        'query ($s: ID!) { surveyAnalytics(surveyId: $s, level: 2) { textAnswers(key: "proposals", search: "tai lieu", first: 2) { totalCount edges { node { text pathNames } } pageInfo { hasNextPage endCursor } } } }',
        { s: surveyId },
        analyst,
      ),
    ).surveyAnalytics.textAnswers;
    expect(page.totalCount).toBeGreaterThan(0);
    for (const e of page.edges) {
      expect(e.node.text).toBe('Đề nghị bổ sung tài liệu học tập');
      expect(e.node.pathNames[0]).toBe('Tỉnh ủy Thanh Hóa');
    }
    if (page.totalCount > 2) {
      const next = ok(
        await gql<{ surveyAnalytics: { textAnswers: { edges: unknown[]; totalCount: number } } }>(
          'query ($s: ID!, $a: String) { surveyAnalytics(surveyId: $s, level: 2) { textAnswers(key: "proposals", search: "TÀI LIỆU", first: 2, after: $a) { totalCount edges { node { text } } } } }',
          { s: surveyId, a: page.pageInfo.endCursor },
          analyst,
        ),
      ).surveyAnalytics.textAnswers;
      expect(next.totalCount).toBe(page.totalCount);
      expect(next.edges.length).toBeGreaterThan(0);
    }
  });

  it('keeps a district analyst to the district', async () => {
    await buildAccount(server, {
      username: 'phantich-tx',
      password: 'phantich-tx-123',
      role: 'ANALYST',
      scopeCode: 'TH-05',
    });
    const cookie = await signIn(server, 'phantich-tx', 'phantich-tx-123');
    const res = ok(
      await gql<{ surveyAnalytics: { progress: { groups: { unitCode: string }[] } } }>(
        'query ($s: ID!) { surveyAnalytics(surveyId: $s, level: 3) { progress { groups { unitCode } } } }',
        { s: surveyId },
        { cookie },
      ),
    ).surveyAnalytics;
    expect(res.progress.groups.length).toBeGreaterThan(0);
    expect(res.progress.groups.every((g) => g.unitCode.startsWith('TH-05-'))).toBe(true);
    const other = ok(await gql<{ unit: { id: string } }>('{ unit(code: "TH-07") { id } }')).unit.id;
    const outside = await gql(
      'query ($s: ID!, $u: ID) { surveyAnalytics(surveyId: $s, level: 3, scopeUnitId: $u) { basis { responses } } }',
      { s: surveyId, u: other },
      { cookie },
    );
    expect(errorCodes(outside)).toEqual(['FORBIDDEN']);
    expect(outside.data ?? null).toBeNull();
  });

  it('refuses bad input with the field, and over-deep or over-costly queries before they run', async () => {
    const q = (body: string) =>
      gql(`query ($s: ID!) { surveyAnalytics(surveyId: $s, level: 2) { ${body} } }`, { s: surveyId }, analyst);
    expect((await q('question(key: "nope") { key }')).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'key',
    });
    expect(
      (await q('crossTab(rowKey: "proposals", columnKey: "held_study") { responses }')).errors?.[0]?.extensions,
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'rowKey',
    });
    expect(
      (await q('question(key: "proposals") { numbers { total { count } } }')).errors?.[0]?.extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT' });
    const deep = await gql(
      'query ($s: ID!) { surveyAnalytics(surveyId: $s, level: 9) { basis { responses } } }',
      { s: surveyId },
      analyst,
    );
    expect(deep.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'level' });
    const costly = await q(
      Array.from(
        { length: 60 },
        (_, i) => `q${i}: question(key: "members_total") { numbers { total { count } } }`,
      ).join(' '),
    );
    expect(errorCodes(costly)).toEqual(['QUERY_TOO_COSTLY']);
    const tooDeep = await gql(`{ unit(code: "TH") { ${'parent { '.repeat(13)}code${' }'.repeat(13)} } }`, {}, analyst);
    expect(errorCodes(tooDeep)).toEqual(['QUERY_TOO_DEEP']);
    const anonymous = await gql(
      'query ($s: ID!) { surveyAnalytics(surveyId: $s, level: 2) { basis { responses } } }',
      { s: surveyId },
      {},
    );
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('exports', () => {
  let surveyId: string;
  let sent: Map<string, Sent>;
  let bearer: Record<string, string>;
  beforeAll(async () => {
    ({ surveyId, sent } = await answeredSurvey(7));
    const token = ok(
      await gql<{ createApiToken: { token: string } }>(
        'mutation { createApiToken(input: { name: "xuất dữ liệu" }) { token } }',
        {},
        analyst,
      ),
    ).createApiToken.token;
    bearer = { authorization: `Bearer ${token}` };
  }, 120_000);

  const submittedCodes = () => [...sent.values()].filter((s) => s.state === 'SUBMITTED').map((s) => s.code);

  it('streams raw responses as CSV with a BOM, one row per unit, a column per level and per question', async () => {
    const res = await fetch(`${server.url}/api/surveys/${surveyId}/responses.csv`, { headers: bearer });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    const header = lines[0]!.split(',');
    expect(header.slice(0, 8)).toEqual([
      'cap_1',
      'cap_2',
      'cap_3',
      'ma_don_vi',
      'ten_don_vi',
      'phien_ban',
      'nguoi_gui',
      'thoi_gian_gui',
    ]);
    expect(header).toEqual(
      expect.arrayContaining([
        'members_total',
        'held_study',
        'difficulties.tai_lieu',
        'change_by_area.tu_tuong',
        'study_form.khac',
      ]),
    );
    expect(lines.length - 1).toBe(submittedCodes().length);
    const code = submittedCodes()[0]!;
    const line = lines.find((l) => l.split(',')[3] === code)!.split(',');
    const answers = sent.get(code)!.answers!;
    expect(line[0]).toBe('Tỉnh ủy Thanh Hóa');
    expect(line[header.indexOf('members_total')]).toBe(String(answers.members_total));
    expect(line[header.indexOf('held_study')]).toBe(answers.held_study ? '1' : '0');
  });

  it('streams the same as XLSX', async () => {
    const res = await fetch(`${server.url}/api/surveys/${surveyId}/responses.xlsx`, { headers: bearer });
    expect(res.status).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount - 1).toBe(submittedCodes().length);
    expect(sheet.getRow(1).getCell(4).value).toBe('ma_don_vi');
  });

  it('writes the summary tables by level as XLSX, agreeing with the GraphQL figures', async () => {
    const res = await fetch(`${server.url}/api/surveys/${surveyId}/summary.xlsx?level=2`, { headers: bearer });
    expect(res.status).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Tien do', 'Chi so', 'Cau hoi']);
    const graph = ok(
      await gql<{
        surveyAnalytics: {
          progress: { total: { submitted: number }; groups: unknown[] };
          indicators: { key: string; total: { value: number } }[];
        };
      }>(
        'query ($s: ID!) { surveyAnalytics(surveyId: $s, level: 2) { progress { total { submitted } groups { unitName } } indicators { key total { value } } } }',
        { s: surveyId },
        analyst,
      ),
    ).surveyAnalytics;
    const progressSheet = workbook.getWorksheet('Tien do')!;
    expect(progressSheet.rowCount).toBe(graph.progress.groups.length + 2);
    const totalRow = progressSheet.getRow(progressSheet.rowCount);
    expect(totalRow.getCell(1).value).toBe('Tổng cộng');
    expect(totalRow.getCell(4).value).toBe(graph.progress.total.submitted);
    const indicatorRows = workbook
      .getWorksheet('Chi so')!
      .getSheetValues()
      .filter((r) => Array.isArray(r) && r[2] === 'Tổng cộng') as unknown[][];
    expect(indicatorRows.map((r) => r[5])).toEqual(graph.indicators.map((i) => i.total.value));
    const bad = await fetch(`${server.url}/api/surveys/${surveyId}/summary.xlsx?level=42`, { headers: bearer });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'BAD_USER_INPUT', field: 'level' } });
  });

  it('checks the account and its scope', async () => {
    expect((await fetch(`${server.url}/api/surveys/${surveyId}/responses.csv`)).status).toBe(401);
    await buildAccount(server, {
      username: 'phantich-ds',
      password: 'phantich-ds-123',
      role: 'ANALYST',
      scopeCode: 'TH-05',
    });
    const cookie = await signIn(server, 'phantich-ds', 'phantich-ds-123');
    const other = ok(await gql<{ unit: { id: string } }>('{ unit(code: "TH-07") { id } }')).unit.id;
    const outside = await fetch(`${server.url}/api/surveys/${surveyId}/responses.csv?scopeUnitId=${other}`, {
      headers: { cookie },
    });
    expect(outside.status).toBe(403);
    const mine = await (
      await fetch(`${server.url}/api/surveys/${surveyId}/responses.csv`, { headers: { cookie } })
    ).text();
    const codes = mine
      .slice(1)
      .trim()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(',')[3]!);
    expect(codes.every((c) => c.startsWith('TH-05-'))).toBe(true);
    expect(codes.length).toBe(submittedCodes().filter((c) => c.startsWith('TH-05-')).length);
  });
});
