import { answerProblemCodes } from '@diemcau/schema';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoProvince, signIn } from '../harness/factories.ts';
import { errorCodes, type GraphQLResponse, graphql, ok } from '../harness/graphql.ts';
import { startTestServer, type TestServer } from '../harness/server.ts';
import { completeAnswers, surveyFixtureText } from '../harness/survey-fixture.ts';

/**
 * The rules of fact-finding surveys over HTTP, beyond surveys.test.ts: every answer problem code,
 * visibility chains, scope of assignments, keys across versions, the version a respondent answers,
 * deadlines, unit moves and the per-address rate limit.
 */

let server: TestServer;
let organizer: Record<string, string>;
let districtOrganizer: Record<string, string>;
let admin: Record<string, string>;
const unitIds: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer({ PUBLIC_URL: 'https://khaosat.example.vn' });
  await loadDemoProvince(server);
  organizer = { cookie: await signIn(server, 'tuyengiao', 'tuyengiao-demo-2026') };
  districtOrganizer = { cookie: await signIn(server, 'thoxuan', 'thoxuan-demo-2026') };
  admin = { cookie: await signIn(server, 'admin', 'admin-demo-2026') };
  for (const code of ['TH', 'TH-05', 'TH-07', 'TH-07-001']) {
    const res = await graphql<{ unit: { id: string } }>(server.url, `{ unit(code: "${code}") { id } }`, {
      headers: organizer,
    });
    unitIds[code] = res.data!.unit.id;
  }
});
afterAll(async () => {
  await server?.stop();
});

const gql = <T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  headers = organizer,
) => graphql<T>(server.url, query, { variables, headers });

async function db<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: server.database.url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const tokenOf = (link: string) => link.split('/s/')[1]!;
/** `questionKey:code` of every error, sorted. */
const problems = (res: GraphQLResponse<unknown>) =>
  (res.errors ?? []).map((e) => `${e.extensions?.questionKey}:${e.extensions?.code}`).sort();

const SUBMIT = `mutation ($t: String!, $a: JSONObject!, $by: String!, $k: String!, $v: Int) {
  submitResponse(token: $t, answers: $a, submittedBy: $by, idempotencyKey: $k, versionNumber: $v) { number versionNumber amendment } }`;
const AMEND = SUBMIT.replace('submitResponse', 'amendResponse');
const DRAFT = `mutation ($t: String!, $a: JSONObject!, $v: Int) {
  saveDraft(token: $t, answers: $a, versionNumber: $v) { savedAt versionNumber } }`;
const UPDATE = 'mutation ($i: UpdateSurveyInput!) { updateSurvey(input: $i) { id status currentVersion { number } } }';

type Node = { id: string; link: string | null; unit: { code: string } };

async function assignmentsOf(surveyId: string, headers = organizer): Promise<Node[]> {
  const res = await gql<{ assignments: { edges: { node: Node }[] } }>(
    'query ($s: ID!) { assignments(surveyId: $s, first: 200) { edges { node { id link unit { code } } } } }',
    { s: surveyId },
    headers,
  );
  return ok(res).assignments.edges.map((e) => e.node);
}

/** Some fields of one assignment, found in the survey's list. */
async function assignmentNode<T>(surveyId: string, id: string, fields: string): Promise<T> {
  const res = await gql<{ assignments: { edges: { node: T & { id: string } }[] } }>(
    `query ($s: ID!) { assignments(surveyId: $s, first: 200) { edges { node { id ${fields} } } } }`,
    { s: surveyId },
  );
  const { id: _, ...node } = ok(res).assignments.edges.find((e) => e.node.id === id)!.node;
  return node as T;
}

/** A survey with `content`, published with a deadline a month ahead, assigned to the communes of Thọ Xuân. */
async function openSurvey(content: unknown, options: { owner?: string; headers?: Record<string, string> } = {}) {
  const headers = options.headers ?? organizer;
  const created = ok(
    await gql<{ createSurvey: { id: string } }>(
      'mutation ($i: CreateSurveyInput!) { createSurvey(input: $i) { id } }',
      {
        i: {
          title: 'Khảo sát quy tắc',
          ownerUnitId: options.owner ?? unitIds.TH,
          reviewKind: 'ANNUAL',
          opensAt: inDays(-1),
          closesAt: inDays(30),
          content,
        },
      },
      headers,
    ),
  ).createSurvey;
  ok(await gql('mutation ($id: ID!) { publishSurvey(id: $id) { status } }', { id: created.id }, headers));
  ok(
    await gql(
      'mutation ($i: AssignSurveyInput!) { assignSurvey(input: $i) { added } }',
      { i: { surveyId: created.id, underId: unitIds['TH-05'], kindCodes: ['COMMUNE_COMMITTEE'] } },
      headers,
    ),
  );
  return { id: created.id, assignments: await assignmentsOf(created.id, headers) };
}

const fixtureContent = () => JSON.parse(surveyFixtureText).content;

const stored = async (surveyId: string) =>
  (await db<{ n: number }>('select count(*)::int as n from response where survey_id = $1', [surveyId]))[0]!.n;

/* ---------------------------------------------------------------------------------------------- */

const option = (key: string, other = false) => ({ key, label: key.toUpperCase(), ...(other ? { other } : {}) });

/** One question for each rule; `co_a` → `co_b` → `so_c` is a visibility chain of three. */
const rulesContent = {
  sections: [
    {
      key: 'chung',
      title: 'Quy tắc',
      questions: [
        { key: 'ngay', type: 'date', label: 'Ngày', min: '2026-01-01', max: '2026-12-31' },
        {
          key: 'muc',
          type: 'multiple_choice',
          label: 'Mục',
          minSelections: 2,
          maxSelections: 3,
          options: [option('a'), option('b'), option('c'), option('d'), option('khac', true)],
        },
        { key: 'ty_le', type: 'percentage', label: 'Tỷ lệ' },
        {
          key: 'hinh_thuc',
          type: 'single_choice',
          label: 'Hình thức',
          required: true,
          options: [option('tap_trung'), option('khac', true)],
        },
        { key: 'so_nguoi', type: 'integer', label: 'Số người', min: 0, max: 1000, required: true },
        {
          key: 'bang',
          type: 'matrix',
          label: 'Bảng',
          rows: [option('r1'), option('r2')],
          scale: { points: 4 },
        },
        { key: 'ghi_chu', type: 'short_text', label: 'Ghi chú', maxLength: 20 },
        { key: 'diem', type: 'scale', label: 'Điểm', scale: { points: 5 } },
        { key: 'kinh_phi', type: 'decimal', label: 'Kinh phí', min: 0 },
        { key: 'co_a', type: 'yes_no', label: 'A?' },
        { key: 'co_b', type: 'yes_no', label: 'B?', visibleIf: { question: 'co_a', op: 'equals', value: true } },
        { key: 'so_c', type: 'integer', label: 'C', visibleIf: { question: 'co_b', op: 'equals', value: true } },
      ],
    },
  ],
};
const base = { hinh_thuc: { choice: 'tap_trung' }, so_nguoi: 10 };

describe('answer rules over HTTP', () => {
  it('gives every answer problem code the server has, each with its question key, and stores nothing', async () => {
    const { id, assignments } = await openSurvey(rulesContent);
    const token = tokenOf(assignments[0]!.link!);
    const submit = (a: Record<string, unknown>, k: string) => gql(SUBMIT, { t: token, a, by: 'Người thử', k }, {});
    const seen = new Set<string>();
    const expectProblems = async (a: Record<string, unknown>, expected: string[], k: string) => {
      const res = await submit(a, k);
      expect(problems(res)).toEqual([...expected].sort());
      expect(res.data ?? null).toBeNull();
      for (const e of res.errors ?? []) seen.add(String(e.extensions?.code));
      expect(await stored(id)).toBe(0);
      return res;
    };

    const first = await expectProblems(
      {
        ngay: '2025-12-31',
        muc: { choices: ['a', 'b', 'c', 'd'] },
        ty_le: 100.5,
        hinh_thuc: { choice: 'khac' },
        so_nguoi: 2.5,
        bang: { r1: 5 },
        ghi_chu: 'x'.repeat(21),
        diem: 0,
      },
      [
        'ngay:OUT_OF_RANGE',
        'muc:TOO_MANY_SELECTIONS',
        'ty_le:OUT_OF_RANGE',
        'hinh_thuc:OTHER_TEXT_REQUIRED',
        'so_nguoi:NOT_AN_INTEGER',
        'bang:OUT_OF_RANGE',
        'ghi_chu:TOO_LONG',
        'diem:OUT_OF_RANGE',
      ],
      'rules-key-1',
    );
    const ext = (key: string) => first.errors!.find((e) => e.extensions?.questionKey === key)!.extensions;
    expect(ext('ngay')).toMatchObject({ field: 'answers.ngay', params: { min: '2026-01-01', max: '2026-12-31' } });
    expect(ext('ty_le')).toMatchObject({ params: { min: 0, max: 100 } });
    expect(ext('bang')).toMatchObject({ params: { row: 'r1', min: 1, max: 4 } });
    expect(ext('muc')).toMatchObject({ params: { max: 3 } });
    expect(ext('ghi_chu')).toMatchObject({ params: { maxLength: 20 } });

    await expectProblems(
      {
        ngay: '2027-01-01',
        muc: { choices: ['a'] },
        ty_le: -1,
        so_nguoi: 1001,
        kinh_phi: -0.5,
        bang: { r9: 1 },
        ghi_chu: 5,
      },
      [
        'ngay:OUT_OF_RANGE',
        'muc:TOO_FEW_SELECTIONS',
        'ty_le:OUT_OF_RANGE',
        'hinh_thuc:REQUIRED',
        'so_nguoi:OUT_OF_RANGE',
        'kinh_phi:OUT_OF_RANGE',
        'bang:UNKNOWN_ROW',
        'ghi_chu:WRONG_TYPE',
      ],
      'rules-key-2',
    );
    await expectProblems(
      {
        ngay: '2026-02-30',
        muc: { choices: ['a', 'a'] },
        hinh_thuc: { choice: 'khong_co' },
        bang: { r1: 1.5 },
        co_a: false,
        co_b: true,
        so_c: 3,
        khong_co_cau_nay: 1,
      },
      [
        'ngay:INVALID_DATE',
        'muc:DUPLICATE_SELECTION',
        'hinh_thuc:NOT_AN_OPTION',
        'so_nguoi:REQUIRED',
        'bang:WRONG_TYPE',
        'co_b:HIDDEN_QUESTION_ANSWERED',
        'so_c:HIDDEN_QUESTION_ANSWERED',
        'khong_co_cau_nay:UNKNOWN_QUESTION',
      ],
      'rules-key-3',
    );
    await expectProblems(
      { ...base, muc: { choices: ['a', 'b'], other: 'thêm' }, ty_le: '50' },
      ['muc:UNEXPECTED_OTHER', 'ty_le:WRONG_TYPE'],
      'rules-key-4',
    );
    expect([...seen].sort()).toEqual([...answerProblemCodes].sort());
  });

  it('follows a visibility chain of three questions', async () => {
    const { id, assignments } = await openSurvey(rulesContent);
    const token = tokenOf(assignments[0]!.link!);
    // The middle link is hidden (co_a is no): answering it, or the end of the chain, is refused.
    expect(
      problems(await gql(SUBMIT, { t: token, a: { ...base, co_a: false, co_b: true }, by: 'A', k: 'chain-key-1' }, {})),
    ).toEqual(['co_b:HIDDEN_QUESTION_ANSWERED']);
    // The middle link shown but answered no: the end of the chain is hidden.
    expect(
      problems(
        await gql(
          SUBMIT,
          { t: token, a: { ...base, co_a: true, co_b: false, so_c: 3 }, by: 'A', k: 'chain-key-2' },
          {},
        ),
      ),
    ).toEqual(['so_c:HIDDEN_QUESTION_ANSWERED']);
    expect(await stored(id)).toBe(0);
    // The whole chain holds: accepted, and the end of the chain is stored.
    ok(await gql(SUBMIT, { t: token, a: { ...base, co_a: true, co_b: true, so_c: 3 }, by: 'A', k: 'chain-key-3' }, {}));
    const rows = await db<{ question_key: string; numeric_value: string }>(
      "select question_key, numeric_value::text from answer where survey_id = $1 and question_key = 'so_c'",
      [id],
    );
    expect(rows).toEqual([{ question_key: 'so_c', numeric_value: '3' }]);
  });
});

describe('questionnaire checks over HTTP', () => {
  it('reports a malformed file as a list of problems with codes, never an internal error', async () => {
    const bad = JSON.parse(surveyFixtureText);
    const qs = bad.content.sections[1].questions as Record<string, unknown>[];
    qs[2]!.options = 'da_ban_hanh,chua'; // action_program
    qs[4]!.rows = { tu_tuong: 'Tư tưởng' }; // change_by_area
    qs[3]!.visibleIf = { all: 'x' }; // effectiveness
    bad.content.sections[0].questions[2].visibleIf = { question: 'held_study', op: 'matches', value: true };
    bad.content.sections[0].questions[3].visibleIf = { question: 'held_study', op: 'one_of', value: true };
    const res = await gql('mutation ($o: ID!, $f: String!) { importSurvey(ownerUnitId: $o, file: $f) { id } }', {
      o: unitIds.TH,
      f: JSON.stringify(bad),
    });
    expect(res.data ?? null).toBeNull();
    expect(errorCodes(res).every((c) => c === 'BAD_USER_INPUT')).toBe(true);
    const got = (res.errors ?? []).map((e) => `${e.extensions?.questionKey}:${e.extensions?.reason}`).sort();
    expect(got).toEqual(
      [
        'action_program:INVALID',
        'change_by_area:INVALID',
        'effectiveness:BAD_CONDITION',
        `${bad.content.sections[0].questions[2].key}:BAD_CONDITION`,
        `${bad.content.sections[0].questions[3].key}:BAD_CONDITION`,
      ].sort(),
    );
    expect(res.errors!.find((e) => e.extensions?.reason === 'INVALID')!.extensions?.field).toMatch(
      /^file\.content\.sections\[1\]\.questions\[\d\]\.(options|rows)$/,
    );

    // The same through updateSurvey: a draft must keep the questionnaire's shape, an open survey's new version too.
    const draft = ok(
      await gql<{ createSurvey: { id: string } }>(
        'mutation ($i: CreateSurveyInput!) { createSurvey(input: $i) { id } }',
        {
          i: { title: 'Nháp', ownerUnitId: unitIds.TH, reviewKind: 'ANNUAL' },
        },
      ),
    ).createSurvey;
    const malformed = await gql(UPDATE, { i: { id: draft.id, content: bad.content } });
    expect(errorCodes(malformed)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT']);
    expect(malformed.errors!.map((e) => e.extensions?.reason)).toEqual(['INVALID', 'INVALID']);
    const { id } = await openSurvey(fixtureContent());
    const version = await gql(UPDATE, { i: { id, content: bad.content, newVersion: true } });
    expect(errorCodes(version).length).toBeGreaterThanOrEqual(5);
    expect(errorCodes(version)).not.toContain('INTERNAL_SERVER_ERROR');
  });

  it('keeps option, row and scale keys meaning the same across versions', async () => {
    const { id } = await openSurvey(fixtureContent());
    const q = (c: ReturnType<typeof fixtureContent>, key: string) =>
      c.sections
        .flatMap((s: { questions: Record<string, unknown>[] }) => s.questions)
        .find((x: Record<string, unknown>) => x.key === key);
    const reasons = async (edit: (c: ReturnType<typeof fixtureContent>) => void) => {
      const c = fixtureContent();
      edit(c);
      const res = await gql(UPDATE, { i: { id, content: c, newVersion: true } });
      return (res.errors ?? []).map(
        (e) => `${e.extensions?.questionKey}:${e.extensions?.reason}:${e.extensions?.optionKey ?? ''}`,
      );
    };
    const options = (c: ReturnType<typeof fixtureContent>) =>
      q(c, 'action_program').options as { key: string; other?: boolean }[];
    const removed = options(fixtureContent())[0]!.key;
    expect(await reasons((c) => q(c, 'action_program').options.shift())).toEqual([
      `action_program:OPTION_KEY_REMOVED:${removed}`,
    ]);
    expect(await reasons((c) => q(c, 'change_by_area').rows.pop())).toEqual(['change_by_area:ROW_KEY_REMOVED:ky_luat']);
    expect(
      await reasons((c) => {
        const other = q(c, 'study_form').options.find((o: { other?: boolean }) => o.other);
        delete other.other;
      }),
    ).toEqual(['study_form:OPTION_MEANING_CHANGED:khac']);
    expect(await reasons((c) => (q(c, 'effectiveness').scale.points = 7))).toEqual(['effectiveness:SCALE_CHANGED:']);
    // Labels may change and options may be added: version 2.
    const v2 = fixtureContent();
    q(v2, 'action_program').label = 'Đã ban hành chương trình hành động chưa?';
    q(v2, 'action_program').options.push({ key: 'dang_soan', label: 'Đang soạn thảo' });
    // A whole question may go …
    const section = v2.sections.find((s: { questions: { key: string }[] }) =>
      s.questions.some((x) => x.key === 'proposals'),
    );
    section.questions = section.questions.filter((x: { key: string }) => x.key !== 'proposals');
    expect(
      ok(
        await gql<{ updateSurvey: { currentVersion: { number: number } } }>(UPDATE, {
          i: { id, content: v2, newVersion: true },
        }),
      ).updateSurvey.currentVersion.number,
    ).toBe(2);
    // … but cannot come back as another type in version 3: its answers to version 1 are text.
    const v3 = structuredClone(v2);
    v3.sections[0].questions.push({ key: 'proposals', type: 'integer', label: 'Số kiến nghị' });
    const back = await gql(UPDATE, { i: { id, content: v3, newVersion: true } });
    expect(back.errors?.[0]?.extensions).toMatchObject({ reason: 'KEY_TYPE_CHANGED', questionKey: 'proposals' });
  });
});

describe('versions and the respondent', () => {
  it('records the version answered, returns the same receipt to a retry after a new version, and says VERSION_CHANGED', async () => {
    const { id, assignments } = await openSurvey(fixtureContent());
    const [one, two, three] = assignments.map((a) => tokenOf(a.link!));
    const before = ok(
      await gql<{ submitResponse: { number: string; versionNumber: number } }>(
        SUBMIT,
        { t: one, a: completeAnswers, by: 'Đơn vị một', k: 'version-key-1', v: 1 },
        {},
      ),
    ).submitResponse;
    expect(before.versionNumber).toBe(1);

    // Version 2 makes a new question required: version 1's answers no longer pass.
    const v2 = fixtureContent();
    v2.sections[0].questions.push({ key: 'new_required', type: 'integer', label: 'Câu mới', required: true });
    ok(await gql(UPDATE, { i: { id, content: v2, newVersion: true } }));

    // A retry of the first submission gets its receipt, not the new rules.
    const retry = ok(
      await gql<{ submitResponse: { number: string; versionNumber: number } }>(
        SUBMIT,
        { t: one, a: completeAnswers, by: 'Đơn vị một', k: 'version-key-1', v: 1 },
        {},
      ),
    ).submitResponse;
    expect(retry).toEqual(before);

    // A form still showing version 1: its draft is kept (and told of version 2); its submit is refused.
    const draft = ok(
      await gql<{ saveDraft: { versionNumber: number } }>(DRAFT, { t: two, a: { members_total: 5 }, v: 1 }, {}),
    ).saveDraft;
    expect(draft.versionNumber).toBe(2);
    const stale = await gql(SUBMIT, { t: two, a: completeAnswers, by: 'Đơn vị hai', k: 'version-key-2', v: 1 }, {});
    expect(stale.errors?.[0]?.extensions).toMatchObject({
      code: 'VERSION_CHANGED',
      field: 'versionNumber',
      answeredVersionNumber: 1,
      currentVersionNumber: 2,
    });
    expect(errorCodes(await gql(DRAFT, { t: two, a: {}, v: 99 }, {}))).toEqual(['BAD_USER_INPUT']);
    expect(
      (await db<{ status: string }>('select r.status from response r where r.survey_id = $1 order by r.id', [id])).map(
        (r) => r.status,
      ),
    ).toEqual(['SUBMITTED', 'DRAFT']);

    // Answering version 2 (named or not) records version 2; the earlier response keeps version 1.
    const after = ok(
      await gql<{ submitResponse: { versionNumber: number } }>(
        SUBMIT,
        { t: two, a: { ...completeAnswers, new_required: 3 }, by: 'Đơn vị hai', k: 'version-key-3', v: 2 },
        {},
      ),
    ).submitResponse;
    expect(after.versionNumber).toBe(2);
    expect(
      problems(await gql(SUBMIT, { t: three, a: completeAnswers, by: 'Đơn vị ba', k: 'version-key-4' }, {})),
    ).toEqual(['new_required:REQUIRED']);
    const versions = await db<{ number: number }>(
      `select v.number from response r join survey_version v on v.id = r.version_id where r.survey_id = $1 order by r.id`,
      [id],
    );
    expect(versions.map((v) => v.number)).toEqual([1, 2]);
  });

  it('refuses an amendment after the deadline with SURVEY_CLOSED', async () => {
    const { id, assignments } = await openSurvey(fixtureContent());
    const token = tokenOf(assignments[0]!.link!);
    ok(await gql(SUBMIT, { t: token, a: completeAnswers, by: 'A', k: 'amend-late-1' }, {}));
    ok(await gql(UPDATE, { i: { id, closesAt: inDays(-0.01) } }));
    const late = await gql(
      AMEND,
      { t: token, a: { ...completeAnswers, members_total: 50 }, by: 'B', k: 'amend-late-2' },
      {},
    );
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'SURVEY_CLOSED', reason: 'DEADLINE_PASSED' });
    const history = await db(
      'select 1 from response_submission s join response r on r.id = s.response_id where r.survey_id = $1',
      [id],
    );
    expect(history).toHaveLength(1);
  });

  it('reads an open survey past every deadline as CLOSED, until a unit is given more time', async () => {
    const { id, assignments } = await openSurvey(fixtureContent());
    const statusOf = async () =>
      ok(await gql<{ survey: { status: string } }>('query ($id: ID!) { survey(id: $id) { status } }', { id })).survey
        .status;
    const listed = async (status: string) =>
      ok(
        await gql<{ surveys: { edges: { node: { id: string } }[] } }>(
          'query ($s: SurveyStatus) { surveys(status: $s, first: 100) { edges { node { id } } } }',
          { s: status },
        ),
      ).surveys.edges.some((e) => e.node.id === id);
    expect(await statusOf()).toBe('OPEN');
    ok(await gql(UPDATE, { i: { id, closesAt: inDays(-0.01) } }));
    expect(await statusOf()).toBe('CLOSED');
    expect([await listed('CLOSED'), await listed('OPEN')]).toEqual([true, false]);

    // A unit given until next week keeps the survey open.
    const extend = (a: string, d: string | null) =>
      gql(
        'mutation ($a: ID!, $d: DateTimeISO) { extendDeadline(assignmentId: $a, deadline: $d) { deadline deadlineExtended } }',
        { a, d },
      );
    ok(await extend(assignments[0]!.id, inDays(7)));
    expect(await statusOf()).toBe('OPEN');
    expect([await listed('CLOSED'), await listed('OPEN')]).toEqual([false, true]);
    ok(await extend(assignments[0]!.id, null));
    expect(await statusOf()).toBe('CLOSED');

    // A later survey deadline reopens it; closing by hand is final.
    ok(await gql(UPDATE, { i: { id, closesAt: inDays(2) } }));
    expect(await statusOf()).toBe('OPEN');
    ok(await gql('mutation ($id: ID!) { closeSurvey(id: $id) { status } }', { id }));
    expect(errorCodes(await gql(UPDATE, { i: { id, closesAt: inDays(9) } }))).toEqual(['SURVEY_STATE']);
  });
});

describe('assignment scope and deadlines', () => {
  it('assigns only units under the organizing unit and in the caller’s scope', async () => {
    // The province organizer, for a survey organized by the district.
    const { id } = await openSurvey(fixtureContent(), { owner: unitIds['TH-05'] });
    const assign = (i: Record<string, unknown>, headers = organizer) =>
      gql(
        'mutation ($i: AssignSurveyInput!) { assignSurvey(input: $i) { added } }',
        { i: { surveyId: id, ...i } },
        headers,
      );
    const count = async () =>
      (await db<{ n: number }>('select count(*)::int as n from assignment where survey_id = $1', [id]))[0]!.n;
    const before = await count();
    expect((await assign({ unitIds: [unitIds['TH-07-001']] })).errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      field: 'unitIds[0]',
      reason: 'OUTSIDE_OWNER',
    });
    expect(
      (await assign({ underId: unitIds['TH-07'], kindCodes: ['COMMUNE_COMMITTEE'] })).errors?.[0]?.extensions,
    ).toMatchObject({
      code: 'FORBIDDEN',
      field: 'underId',
    });
    expect((await assign({ underId: unitIds.TH })).errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      field: 'underId',
    });
    expect(await count()).toBe(before);
  });

  it('checks the assigned unit’s path against the caller’s scope for links, deadlines, withdrawal and the CSV', async () => {
    const { id, assignments } = await openSurvey(fixtureContent(), {
      owner: unitIds['TH-05'],
      headers: districtOrganizer,
    });
    // An assignment outside the district (as one made before the owner check, or by a reorganisation).
    const [outside] = await db<{ id: number }>(
      `insert into assignment (survey_id, unit_id, unit_path, unit_level)
       select $1, id, path, level from unit where code = 'TH-07-001' returning id`,
      [id],
    );
    const a = String(outside!.id);
    const asDistrict = (q: string, v: Record<string, unknown>) => gql(q, v, districtOrganizer);
    const forbidden = { code: 'FORBIDDEN', field: 'assignmentId' };
    for (const m of ['rotateRespondentLink', 'revokeRespondentLink']) {
      expect(
        (await asDistrict(`mutation ($a: ID!) { ${m}(assignmentId: $a) { id } }`, { a })).errors?.[0]?.extensions,
      ).toMatchObject(forbidden);
    }
    expect(
      (
        await asDistrict(
          'mutation ($a: ID!, $d: DateTimeISO) { extendDeadline(assignmentId: $a, deadline: $d) { id } }',
          { a, d: inDays(40) },
        )
      ).errors?.[0]?.extensions,
    ).toMatchObject(forbidden);
    expect((await assignmentsOf(id, districtOrganizer)).some((x) => x.id === a)).toBe(false);
    // Withdrawing it with one of the district's own: refused, nothing withdrawn.
    const withdraw = await asDistrict(
      'mutation ($s: ID!, $a: [ID!]!) { withdrawAssignments(surveyId: $s, assignmentIds: $a) }',
      {
        s: id,
        a: [assignments[0]!.id, a],
      },
    );
    expect(withdraw.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'assignmentIds[1]' });
    expect(await db('select 1 from assignment where survey_id = $1 and withdrawn_at is not null', [id])).toEqual([]);
    const csv = ok(await asDistrict('query ($s: ID!) { respondentLinksCsv(surveyId: $s) }', { s: id }))
      .respondentLinksCsv as string;
    expect(csv).not.toContain('TH-07-001');
    expect(csv.trim().split('\r\n')).toHaveLength(assignments.length + 1);
    // The province organizer's scope covers it.
    ok(await gql('mutation ($a: ID!) { rotateRespondentLink(assignmentId: $a) { id } }', { a }));
  });

  it('extends only to a later deadline, and not on a closed survey', async () => {
    const { id, assignments } = await openSurvey(fixtureContent());
    const extend = (d: string | null, a = assignments[0]!.id) =>
      gql(
        'mutation ($a: ID!, $d: DateTimeISO) { extendDeadline(assignmentId: $a, deadline: $d) { deadline deadlineExtended } }',
        { a, d },
      );
    const earlier = await extend(inDays(10));
    expect(earlier.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'deadline' });
    const later = inDays(40);
    expect(ok(await extend(later)).extendDeadline).toEqual({
      deadline: new Date(later).toISOString(),
      deadlineExtended: true,
    });
    // Moving the survey's deadline past the extension never shortens it: the later one applies.
    const moved = inDays(50);
    ok(await gql(UPDATE, { i: { id, closesAt: moved } }));
    const node = await assignmentNode<{ deadline: string; deadlineExtended: boolean }>(
      id,
      assignments[0]!.id,
      'deadline deadlineExtended',
    );
    expect(node).toEqual({ deadline: new Date(moved).toISOString(), deadlineExtended: false });

    ok(await gql('mutation ($id: ID!) { closeSurvey(id: $id) { status } }', { id }));
    expect(errorCodes(await extend(inDays(60)))).toEqual(['SURVEY_CLOSED']);
    expect(
      errorCodes(
        await gql('mutation ($s: ID!, $a: [ID!]!) { withdrawAssignments(surveyId: $s, assignmentIds: $a) }', {
          s: id,
          a: [assignments[1]!.id],
        }),
      ),
    ).toEqual(['SURVEY_CLOSED']);
  });

  it('keeps the path a unit had when assigned after the unit moves', async () => {
    const { id, assignments } = await openSurvey(fixtureContent());
    const target = assignments[0]!;
    const move = await gql<{ updateUnit: { pathCodes: string[] } }>(
      'mutation ($i: UpdateUnitInput!) { updateUnit(input: $i) { pathCodes } }',
      {
        i: {
          id: (await gql<{ unit: { id: string } }>(`{ unit(code: "${target.unit.code}") { id } }`)).data!.unit.id,
          parentId: unitIds['TH-07'],
        },
      },
      admin,
    );
    expect(ok(move).updateUnit.pathCodes).toEqual(['TH', 'TH-07', target.unit.code]);
    const after = await assignmentNode<{ assignedPath: { code: string }[]; unit: { pathCodes: string[] } }>(
      id,
      target.id,
      'assignedPath { code } unit { pathCodes }',
    );
    expect(after.assignedPath.map((u) => u.code)).toEqual(['TH', 'TH-05', target.unit.code]);
    expect(after.unit.pathCodes).toEqual(['TH', 'TH-07', target.unit.code]);
    // Its answers still count under the district it was assigned in.
    ok(await gql(SUBMIT, { t: tokenOf(target.link!), a: completeAnswers, by: 'A', k: 'moved-unit-1' }, {}));
    const [row] = await db<{ ok: boolean }>(
      "select bool_and(a.unit_path <@ (select path from unit where code = 'TH-05')) as ok from answer a where survey_id = $1",
      [id],
    );
    expect(row!.ok).toBe(true);
  });
});

describe('history and limits', () => {
  it('lists the submission history of a page of assignments in one more statement, whatever its size', async () => {
    const { id, assignments } = await openSurvey(fixtureContent());
    for (const [i, a] of assignments.slice(0, 4).entries()) {
      ok(await gql(SUBMIT, { t: tokenOf(a.link!), a: completeAnswers, by: `Người ${i}`, k: `history-key-${i}` }, {}));
    }
    const count = async (withHistory: boolean, first: number) => {
      const res = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...organizer, 'x-debug-sql-count': '1' },
        body: JSON.stringify({
          query: `query ($s: ID!) { assignments(surveyId: $s, first: ${first}) { edges { node { id ${withHistory ? 'history { kind }' : ''} } } } }`,
          variables: { s: id },
        }),
      });
      const body = (await res.json()) as {
        extensions: { sqlStatements: number };
        data: { assignments: { edges: { node: { history?: { kind: string }[] } }[] } };
      };
      if (withHistory && first === 50) {
        const kinds = body.data.assignments.edges.map((e) => e.node.history!.map((h) => h.kind).join());
        expect(kinds.filter((k) => k === 'FIRST')).toHaveLength(4);
        expect(kinds.filter((k) => k === '')).toHaveLength(assignments.length - 4);
      }
      return body.extensions.sqlStatements;
    };
    expect(await count(true, 2)).toBe((await count(false, 2)) + 1);
    expect(await count(true, 50)).toBe((await count(false, 50)) + 1);
  });

  it('limits respondent requests per client address', async () => {
    const { assignments } = await openSurvey(fixtureContent());
    expect(assignments.length).toBeGreaterThanOrEqual(11);
    const OPEN = 'query ($t: String!) { questionnaire(token: $t) { writable } }';
    const from = (ip: string, token: string) =>
      graphql(server.url, OPEN, { variables: { t: token }, headers: { 'x-forwarded-for': ip } });
    const tokens = assignments.map((a) => tokenOf(a.link!));
    // 1,200 a minute from one address, spread over the links so that no link reaches its own limit.
    const perToken = Math.ceil(1200 / tokens.length);
    expect(perToken).toBeLessThan(120);
    const codes: string[] = [];
    for (let round = 0; round < 1200 / 20 + 1; round += 1) {
      const batch = await Promise.all(
        Array.from({ length: 20 }, (_, i) => from('203.0.113.7', tokens[(round * 20 + i) % tokens.length]!)),
      );
      for (const res of batch) codes.push(errorCodes(res)[0] ?? 'OK');
    }
    expect(codes.filter((c) => c === 'OK')).toHaveLength(1200);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(20);
    const limited = await from('203.0.113.7', tokens[0]!);
    expect(limited.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    // Another address, same link: answered.
    expect(errorCodes(await from('203.0.113.8', tokens[0]!))).toEqual([]);
  });
});
