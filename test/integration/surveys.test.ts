import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoProvince, signIn } from '../harness/factories.ts';
import { errorCodes, graphql, ok } from '../harness/graphql.ts';
import { startTestServer, type TestServer } from '../harness/server.ts';
import { completeAnswers, surveyFixtureText } from '../harness/survey-fixture.ts';

let server: TestServer;
let organizer: Record<string, string>;
let analyst: Record<string, string>;
let districtOrganizer: Record<string, string>;
let unitIds: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer({ PUBLIC_URL: 'https://khaosat.example.vn' });
  await loadDemoProvince(server);
  organizer = { cookie: await signIn(server, 'tuyengiao', 'tuyengiao-demo-2026') };
  analyst = { cookie: await signIn(server, 'phantich', 'phantich-demo-2026') };
  districtOrganizer = { cookie: await signIn(server, 'thoxuan', 'thoxuan-demo-2026') };
  unitIds = {};
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

async function gql<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  headers = organizer,
) {
  return graphql<T>(server.url, query, { variables, headers });
}

async function db<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: server.database.url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

async function dbOne<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T> {
  const [row] = await db<T>(text, params);
  if (!row) throw new Error(`no row: ${text}`);
  return row;
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** Imports the fixture, sets a deadline a month ahead, publishes and assigns the communes of Thọ Xuân. */
async function openSurvey(options: { allowAmend?: boolean } = {}) {
  const imported = ok(
    await gql<{ importSurvey: { id: string; status: string } }>(
      'mutation ($o: ID!, $f: String!) { importSurvey(ownerUnitId: $o, file: $f) { id status } }',
      { o: unitIds.TH, f: surveyFixtureText },
    ),
  ).importSurvey;
  expect(imported.status).toBe('DRAFT');
  ok(
    await gql('mutation ($i: UpdateSurveyInput!) { updateSurvey(input: $i) { id } }', {
      i: { id: imported.id, opensAt: inDays(-1), closesAt: inDays(30), allowAmend: options.allowAmend ?? true },
    }),
  );
  ok(await gql('mutation ($id: ID!) { publishSurvey(id: $id) { status } }', { id: imported.id }));
  const assigned = ok(
    await gql<{ assignSurvey: { added: number } }>(
      'mutation ($i: AssignSurveyInput!) { assignSurvey(input: $i) { added alreadyAssigned } }',
      { i: { surveyId: imported.id, underId: unitIds['TH-05'], kindCodes: ['COMMUNE_COMMITTEE'] } },
    ),
  ).assignSurvey;
  return { id: imported.id, added: assigned.added };
}

type AssignmentNode = { id: string; state: string; link: string | null; unit: { code: string } };

async function assignmentsOf(surveyId: string, headers = organizer): Promise<AssignmentNode[]> {
  const res = await gql<{ assignments: { edges: { node: AssignmentNode }[] } }>(
    'query ($s: ID!) { assignments(surveyId: $s, first: 200) { edges { node { id state link unit { code } } } } }',
    { s: surveyId },
    headers,
  );
  return ok(res).assignments.edges.map((e) => e.node);
}

const tokenOf = (link: string) => link.split('/s/')[1]!;

const SUBMIT = `mutation ($t: String!, $a: JSONObject!, $by: String!, $k: String!) {
  submitResponse(token: $t, answers: $a, submittedBy: $by, idempotencyKey: $k) { number submittedAt versionNumber amendment } }`;
const AMEND = SUBMIT.replace('submitResponse', 'amendResponse');
const DRAFT = 'mutation ($t: String!, $a: JSONObject!) { saveDraft(token: $t, answers: $a) { savedAt } }';
const OPEN = `query ($t: String!) { questionnaire(token: $t) {
  title document { code } version { number content } unit { code name pathNames } deadline state answers draftSavedAt
  receipt { number amendment } writable canAmend } }`;

describe('survey lifecycle and versions', () => {
  it('imports the example file, publishes it as version 1, freezes it, and versions later changes', async () => {
    const { id } = await openSurvey();
    const survey = ok(
      await gql<{
        survey: {
          status: string;
          currentVersion: { number: number; content: { sections: unknown[] } };
          document: { code: string };
        };
      }>('query ($id: ID!) { survey(id: $id) { status document { code } currentVersion { number content } } }', { id }),
    ).survey;
    expect(survey).toMatchObject({ status: 'OPEN', document: { code: '21-KL/TW' }, currentVersion: { number: 1 } });
    const content = survey.currentVersion.content as {
      sections: { questions: { key: string; type: string; label: string }[] }[];
    };

    const frozen = await gql('mutation ($i: UpdateSurveyInput!) { updateSurvey(input: $i) { id } }', {
      i: { id, content },
    });
    expect(errorCodes(frozen)).toEqual(['VERSION_FROZEN']);

    content.sections[0]!.questions[0]!.label = 'Tổng số đảng viên (tính đến 30/9)';
    const v2 = ok(
      await gql<{ updateSurvey: { currentVersion: { number: number } } }>(
        'mutation ($i: UpdateSurveyInput!) { updateSurvey(input: $i) { currentVersion { number } } }',
        { i: { id, content, newVersion: true } },
      ),
    );
    expect(v2.updateSurvey.currentVersion.number).toBe(2);

    content.sections[1]!.questions.find((q) => q.key === 'effectiveness')!.type = 'integer';
    const changedType = await gql('mutation ($i: UpdateSurveyInput!) { updateSurvey(input: $i) { id } }', {
      i: { id, content, newVersion: true },
    });
    expect(changedType.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'KEY_TYPE_CHANGED',
      questionKey: 'effectiveness',
    });

    const clone = ok(
      await gql<{ cloneSurvey: { status: string; title: string; draftContent: { sections: unknown[] } } }>(
        'mutation ($id: ID!) { cloneSurvey(id: $id) { status title draftContent } }',
        { id },
      ),
    ).cloneSurvey;
    expect(clone.status).toBe('DRAFT');
    expect(clone.title).toMatch(/\(bản sao\)$/);
    expect(clone.draftContent.sections).toHaveLength(3);

    const exported = JSON.parse(
      ok(await gql<{ exportSurvey: string }>('query ($id: ID!) { exportSurvey(id: $id) }', { id })).exportSurvey,
    );
    expect(exported).toMatchObject({ format: 'diemcau.survey', formatVersion: 1, reviewKind: 'PRELIMINARY' });

    expect(
      ok(
        await gql<{ closeSurvey: { status: string } }>('mutation ($id: ID!) { closeSurvey(id: $id) { status } }', {
          id,
        }),
      ).closeSurvey.status,
    ).toBe('CLOSED');
    expect(errorCodes(await gql('mutation ($id: ID!) { publishSurvey(id: $id) { status } }', { id }))).toEqual([
      'SURVEY_STATE',
    ]);
    expect(
      ok(
        await gql<{ archiveSurvey: { status: string } }>('mutation ($id: ID!) { archiveSurvey(id: $id) { status } }', {
          id,
        }),
      ).archiveSurvey.status,
    ).toBe('ARCHIVED');
  });

  it('reports every problem of a bad survey file at once', async () => {
    const bad = JSON.parse(surveyFixtureText);
    bad.reviewKind = 'SOMETIMES';
    bad.content.sections[0].questions[1].key = 'Held Study';
    bad.content.sections[1].questions[2].options = [];
    const res = await gql('mutation ($o: ID!, $f: String!) { importSurvey(ownerUnitId: $o, file: $f) { id } }', {
      o: unitIds.TH,
      f: JSON.stringify(bad),
    });
    const fields = (res.errors ?? []).map((e) => e.extensions?.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'file.reviewKind',
        'file.content.sections[0].questions[1].key',
        'file.content.sections[1].questions[2].options',
      ]),
    );
    expect(res.data ?? null).toBeNull();
  });

  it('needs a deadline before publishing', async () => {
    const created = ok(
      await gql<{ createSurvey: { id: string } }>(
        'mutation ($i: CreateSurveyInput!) { createSurvey(input: $i) { id } }',
        {
          i: {
            title: 'Không hạn',
            ownerUnitId: unitIds.TH,
            reviewKind: 'ANNUAL',
            content: JSON.parse(surveyFixtureText).content,
          },
        },
      ),
    ).createSurvey;
    const res = await gql('mutation ($id: ID!) { publishSurvey(id: $id) { id } }', { id: created.id });
    expect(res.errors?.map((e) => e.extensions?.field)).toEqual(['closesAt']);
  });
});

describe('assignment and links', () => {
  it('assigns every commune under a district, idempotently, and lists the links for mailing', async () => {
    const { id, added } = await openSurvey();
    const { n } = await dbOne<{ n: number }>(
      "select count(*)::int as n from unit u, unit d where d.code = 'TH-05' and u.path <@ d.path and u.kind_code = 'COMMUNE_COMMITTEE'",
    );
    expect(added).toBe(n);
    const again = ok(
      await gql<{ assignSurvey: { added: number; alreadyAssigned: number } }>(
        'mutation ($i: AssignSurveyInput!) { assignSurvey(input: $i) { added alreadyAssigned } }',
        { i: { surveyId: id, underId: unitIds['TH-05'], kindCodes: ['COMMUNE_COMMITTEE'] } },
      ),
    ).assignSurvey;
    expect(again).toEqual({ added: 0, alreadyAssigned: n });

    const csv = ok(
      await gql<{ respondentLinksCsv: string }>('query ($s: ID!) { respondentLinksCsv(surveyId: $s) }', { s: id }),
    ).respondentLinksCsv;
    expect(csv.startsWith('\uFEFFma_don_vi,ten_don_vi,duong_dan,trang_thai,han_chot,lien_ket\r\n')).toBe(true);
    const lines = csv.trim().split('\r\n').slice(1);
    expect(lines).toHaveLength(n);
    expect(lines[0]).toMatch(
      /Tỉnh ủy Thanh Hóa \/ Huyện ủy Thọ Xuân \/ .*,Chưa mở,.*,https:\/\/khaosat\.example\.vn\/s\/dcr_/,
    );

    // The stored link is only a hash: the token's secret part is nowhere in the database.
    const token = tokenOf(lines[0]!.split(',').at(-1)!);
    const dump = JSON.stringify(await db('select * from respondent_link'));
    expect(dump).not.toContain(token.split('.')[1]);
  });

  it('records the first opening; rotation and revocation stop old links at once', async () => {
    const { id } = await openSurvey();
    const [first] = await assignmentsOf(id);
    const token = tokenOf(first!.link!);
    const opened = ok(
      await gql<{ questionnaire: { state: string; unit: { pathNames: string[] }; writable: boolean } }>(
        OPEN,
        { t: token },
        {},
      ),
    );
    expect(opened.questionnaire).toMatchObject({ state: 'OPENED', writable: true });
    expect(opened.questionnaire.unit.pathNames.slice(0, 2)).toEqual(['Tỉnh ủy Thanh Hóa', 'Huyện ủy Thọ Xuân']);
    expect((await assignmentsOf(id)).find((a) => a.id === first!.id)?.state).toBe('OPENED');

    const rotated = ok(
      await gql<{ rotateRespondentLink: { link: string } }>(
        'mutation ($a: ID!) { rotateRespondentLink(assignmentId: $a) { link } }',
        {
          a: first!.id,
        },
      ),
    ).rotateRespondentLink;
    expect(errorCodes(await gql(OPEN, { t: token }, {}))).toEqual(['LINK_REPLACED']);
    const fresh = tokenOf(rotated.link);
    expect(ok(await gql<{ questionnaire: { state: string } }>(OPEN, { t: fresh }, {})).questionnaire.state).toBe(
      'OPENED',
    );

    ok(await gql('mutation ($a: ID!) { revokeRespondentLink(assignmentId: $a) { linkStatus } }', { a: first!.id }));
    expect(errorCodes(await gql(OPEN, { t: fresh }, {}))).toEqual(['LINK_REVOKED']);
    expect(errorCodes(await gql(OPEN, { t: 'dcr_nonsense' }, {}))).toEqual(['LINK_INVALID']);
    expect(errorCodes(await gql(OPEN, { t: `${fresh.slice(0, -3)}abc` }, {}))).toEqual(['LINK_INVALID']);

    const [, second] = await assignmentsOf(id);
    ok(
      await gql('mutation ($s: ID!, $a: [ID!]!) { withdrawAssignments(surveyId: $s, assignmentIds: $a) }', {
        s: id,
        a: [second!.id],
      }),
    );
    expect(errorCodes(await gql(OPEN, { t: tokenOf(second!.link!) }, {}))).toEqual(['ASSIGNMENT_WITHDRAWN']);
  });

  it('keeps organizers to their scope and analysts to reading', async () => {
    const { id } = await openSurvey();
    // The district organizer cannot see the province's survey at all.
    expect(errorCodes(await gql('query ($id: ID!) { survey(id: $id) { id } }', { id }, districtOrganizer))).toEqual([
      'FORBIDDEN',
    ]);
    expect(
      errorCodes(
        await gql('query ($s: ID!) { assignments(surveyId: $s) { totalCount } }', { s: id }, districtOrganizer),
      ),
    ).toEqual(['FORBIDDEN']);
    // Nor assign units outside its district to its own survey.
    const own = ok(
      await gql<{ createSurvey: { id: string } }>(
        'mutation ($i: CreateSurveyInput!) { createSurvey(input: $i) { id } }',
        { i: { title: 'Khảo sát huyện', ownerUnitId: unitIds['TH-05'], reviewKind: 'ANNUAL' } },
        districtOrganizer,
      ),
    ).createSurvey;
    const outside = await gql(
      'mutation ($i: AssignSurveyInput!) { assignSurvey(input: $i) { added } }',
      { i: { surveyId: own.id, unitIds: [unitIds['TH-07-001']] } },
      districtOrganizer,
    );
    expect(outside.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      errorCodes(
        await gql(
          'mutation ($i: CreateSurveyInput!) { createSurvey(input: $i) { id } }',
          {
            i: { title: 'x', ownerUnitId: unitIds.TH, reviewKind: 'ANNUAL' },
          },
          districtOrganizer,
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    // The analyst reads, without links, and cannot manage.
    const seen = await assignmentsOf(id, analyst);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((a) => a.link === null)).toBe(true);
    expect(errorCodes(await gql('mutation ($id: ID!) { closeSurvey(id: $id) { id } }', { id }, analyst))).toEqual([
      'FORBIDDEN',
    ]);
  });
});

describe('responding', () => {
  it('saves drafts (type checks only), resumes them, and refuses wrong types without saving', async () => {
    const { id } = await openSurvey();
    const token = tokenOf((await assignmentsOf(id))[0]!.link!);
    const saved = ok(
      await gql<{ saveDraft: { savedAt: string } }>(
        DRAFT,
        { t: token, a: { members_total: 42, held_study: true } },
        {},
      ),
    );
    expect(Date.parse(saved.saveDraft.savedAt)).toBeGreaterThan(0);
    const bad = await gql(
      DRAFT,
      { t: token, a: { members_total: 'bốn mươi', study_form: { choice: 'zzz' }, nope: 1 } },
      {},
    );
    expect((bad.errors ?? []).map((e) => `${e.extensions?.questionKey}:${e.extensions?.code}`).sort()).toEqual([
      'members_total:WRONG_TYPE',
      'nope:UNKNOWN_QUESTION',
      'study_form:NOT_AN_OPTION',
    ]);
    const resumed = ok(
      await gql<{ questionnaire: { state: string; answers: Record<string, unknown> } }>(OPEN, { t: token }, {}),
    );
    expect(resumed.questionnaire).toMatchObject({ state: 'DRAFT', answers: { members_total: 42, held_study: true } });
  });

  it('returns every problem of a submission at once and stores nothing', async () => {
    const { id } = await openSurvey();
    const token = tokenOf((await assignmentsOf(id))[0]!.link!);
    const res = await gql(
      SUBMIT,
      {
        t: token,
        a: {
          ...completeAnswers,
          members_total: -3,
          effectiveness: 9,
          reporter: 'x'.repeat(300),
          no_study_reason: 'n/a',
          action_program: null,
        },
        by: 'Nguyễn Văn A',
        k: 'key-problems-1',
      },
      {},
    );
    const problems = (res.errors ?? []).map((e) => `${e.extensions?.questionKey}:${e.extensions?.code}`).sort();
    expect(problems).toEqual([
      'action_program:REQUIRED',
      'effectiveness:OUT_OF_RANGE',
      'members_total:OUT_OF_RANGE',
      'no_study_reason:HIDDEN_QUESTION_ANSWERED',
      'reporter:TOO_LONG',
    ]);
    expect(res.errors?.[0]?.message).toMatch(/ \/ /); // Vietnamese / English
    expect(
      await db('select 1 from response r join assignment a on a.id = r.assignment_id where a.survey_id = $1', [id]),
    ).toEqual([]);
  });

  it('submits every question type exactly once, as typed answer rows, and answers a retry with the same receipt', async () => {
    const { id } = await openSurvey({ allowAmend: false });
    const [assignment] = await assignmentsOf(id);
    const token = tokenOf(assignment!.link!);
    const receipt = ok(
      await gql<{ submitResponse: { number: string; versionNumber: number; amendment: boolean } }>(
        SUBMIT,
        { t: token, a: completeAnswers, by: 'Nguyễn Văn A', k: 'key-completeAnswers-1' },
        {},
      ),
    ).submitResponse;
    expect(receipt).toMatchObject({ versionNumber: 1, amendment: false });
    expect(receipt.number).toMatch(new RegExp(`^KS${id}-\\d{6}$`));

    const retry = ok(
      await gql<{ submitResponse: { number: string } }>(
        SUBMIT,
        { t: token, a: completeAnswers, by: 'Nguyễn Văn A', k: 'key-completeAnswers-1' },
        {},
      ),
    );
    expect(retry.submitResponse.number).toBe(receipt.number);
    const other = await gql(SUBMIT, { t: token, a: completeAnswers, by: 'Trần Thị B', k: 'key-completeAnswers-2' }, {});
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'ALREADY_SUBMITTED', receiptNumber: receipt.number });
    expect(errorCodes(await gql(DRAFT, { t: token, a: { members_total: 1 } }, {}))).toEqual(['ALREADY_SUBMITTED']);
    expect(errorCodes(await gql(AMEND, { t: token, a: completeAnswers, by: 'A', k: 'key-amend-x1' }, {}))).toEqual([
      'AMEND_NOT_ALLOWED',
    ]);

    const rows = await db<{
      question_key: string;
      option_key: string | null;
      numeric_value: string | null;
      text_value: string | null;
      date_value: string | null;
    }>(
      `select question_key, option_key, numeric_value::text, text_value, to_char(date_value, 'YYYY-MM-DD') as date_value
         from answer where survey_id = $1 order by question_key, option_key`,
      [id],
    );
    const get = (q: string, o: string | null = null) => rows.filter((r) => r.question_key === q && r.option_key === o);
    expect(get('members_total')[0]?.numeric_value).toBe('42');
    expect(get('held_study', 'yes')[0]?.numeric_value).toBe('1');
    expect(get('study_date')[0]?.date_value).toBe('2026-03-15');
    expect(get('study_form', 'khac')[0]?.text_value).toBe('Học theo tổ');
    expect(get('difficulties', 'tai_lieu')).toHaveLength(1);
    expect(get('difficulties', 'khac')[0]?.text_value).toBe('Mạng yếu');
    expect(get('change_by_area', 'tu_phe_binh')[0]?.numeric_value).toBe('2');
    expect(get('budget_million_vnd')[0]?.numeric_value).toBe('12.5');
    expect(get('proposals')[0]?.text_value).toBe('Đề nghị cấp thêm tài liệu.');
    expect(rows).toHaveLength(17);
    const [path] = await db<{ ok: boolean }>(
      "select bool_and(a.unit_path <@ (select path from unit where code = 'TH-05')) as ok from answer a where survey_id = $1",
      [id],
    );
    expect(path!.ok).toBe(true);

    const states = await assignmentsOf(id);
    expect(states.find((a) => a.id === assignment!.id)?.state).toBe('SUBMITTED');
    const progress = ok(
      await gql<{ survey: { progress: { assigned: number; submitted: number; notOpened: number } } }>(
        'query ($id: ID!) { survey(id: $id) { progress { assigned submitted notOpened } } }',
        { id },
      ),
    ).survey.progress;
    expect(progress).toMatchObject({ assigned: states.length, submitted: 1, notOpened: states.length - 1 });
  });

  it('lets one of many concurrent submits win, and tells the others', async () => {
    const { id } = await openSurvey();
    const token = tokenOf((await assignmentsOf(id))[1]!.link!);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        gql(SUBMIT, { t: token, a: completeAnswers, by: `Người ${i}`, k: `race-key-${i}` }, {}),
      ),
    );
    const won = results.filter((r) => !r.errors);
    const lost = results.filter((r) => r.errors);
    expect(won).toHaveLength(1);
    expect(lost.map((r) => errorCodes(r)[0])).toEqual(Array(7).fill('ALREADY_SUBMITTED'));
    const { responses, submissions, answers } = await dbOne<{
      responses: number;
      submissions: number;
      answers: number;
    }>(
      `select (select count(*)::int from response where survey_id = $1) as responses,
              (select count(*)::int from response_submission s join response r on r.id = s.response_id where r.survey_id = $1) as submissions,
              (select count(*)::int from answer where survey_id = $1) as answers`,
      [id],
    );
    expect({ responses, submissions, answers }).toEqual({ responses: 1, submissions: 1, answers: 17 });
  });

  it('amends until the deadline, keeping who changed what', async () => {
    const { id } = await openSurvey({ allowAmend: true });
    const token = tokenOf((await assignmentsOf(id))[2]!.link!);
    expect(errorCodes(await gql(AMEND, { t: token, a: completeAnswers, by: 'A', k: 'amend-before-1' }, {}))).toEqual([
      'NOT_SUBMITTED',
    ]);
    ok(await gql(SUBMIT, { t: token, a: completeAnswers, by: 'Nguyễn Văn A', k: 'first-submit-1' }, {}));
    const amended = ok(
      await gql<{ amendResponse: { amendment: boolean; number: string } }>(
        AMEND,
        {
          t: token,
          a: { ...completeAnswers, members_total: 45, proposals: undefined },
          by: 'Trần Thị B',
          k: 'amend-1-key',
        },
        {},
      ),
    ).amendResponse;
    expect(amended.amendment).toBe(true);
    // The history, over HTTP: the first submission, then the amendment with what it changed.
    type Sub = { kind: string; receiptNumber: string; submittedBy: string; versionNumber: number; changes: unknown };
    const listed = ok(
      await gql<{
        assignments: {
          edges: { node: { id: string; firstSubmittedAt: string; submittedAt: string; history: Sub[] } }[];
        };
      }>(
        `query ($s: ID!) { assignments(surveyId: $s, states: [AMENDED]) { edges { node {
           id firstSubmittedAt submittedAt history { kind receiptNumber submittedAt submittedBy versionNumber changes } } } } }`,
        { s: id },
      ),
    ).assignments.edges.map((e) => e.node);
    expect(listed).toHaveLength(1);
    const history = listed[0]!.history;
    expect(history.map((h) => [h.kind, h.submittedBy, h.versionNumber])).toEqual([
      ['FIRST', 'Nguyễn Văn A', 1],
      ['AMENDMENT', 'Trần Thị B', 1],
    ]);
    expect(history[0]!.changes).toBeNull();
    expect(history[1]!.receiptNumber).toBe(amended.number);
    expect(history[1]!.changes).toEqual({
      members_total: { before: 42, after: 45 },
      proposals: { before: 'Đề nghị cấp thêm tài liệu.', after: null },
    });
    expect(Date.parse(listed[0]!.firstSubmittedAt)).toBeLessThan(Date.parse(listed[0]!.submittedAt));
    const view = ok(
      await gql<{ questionnaire: { state: string; receipt: { amendment: boolean }; canAmend: boolean } }>(
        OPEN,
        { t: token },
        {},
      ),
    );
    expect(view.questionnaire).toMatchObject({ state: 'AMENDED', receipt: { amendment: true }, canAmend: true });
    const { n } = await dbOne<{ n: number }>(
      "select count(*)::int as n from answer a join response r on r.id = a.response_id where r.survey_id = $1 and a.question_key = 'proposals'",
      [id],
    );
    expect(n).toBe(0);
    // The narrow copy that text search reads follows the answers exactly: the dropped text is gone, the others kept.
    const texts = await db<{ question_key: string; text_value: string }>(
      `select question_key, text_value from answer_text where survey_id = $1 order by question_key`,
      [id],
    );
    const stored = await db<{ question_key: string; text_value: string }>(
      `select question_key, text_value from answer where survey_id = $1 and text_value is not null order by question_key`,
      [id],
    );
    expect(texts).toEqual(stored);
    expect(texts.some((t) => t.question_key === 'proposals')).toBe(false);
    expect(texts.length).toBeGreaterThan(0);
  });

  it('closes by deadline or by hand, except for units given more time', async () => {
    const { id } = await openSurvey();
    const [a, b] = await assignmentsOf(id);
    ok(
      await gql('mutation ($i: UpdateSurveyInput!) { updateSurvey(input: $i) { id } }', {
        i: { id, closesAt: inDays(-0.01) },
      }),
    );
    const late = await gql(SUBMIT, { t: tokenOf(a!.link!), a: completeAnswers, by: 'A', k: 'late-key-1' }, {});
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'SURVEY_CLOSED' });
    expect(
      ok(await gql<{ questionnaire: { writable: boolean } }>(OPEN, { t: tokenOf(a!.link!) }, {})).questionnaire
        .writable,
    ).toBe(false);

    const extended = ok(
      await gql<{ extendDeadline: { deadlineExtended: boolean } }>(
        'mutation ($a: ID!, $d: DateTimeISO) { extendDeadline(assignmentId: $a, deadline: $d) { deadlineExtended } }',
        { a: b!.id, d: inDays(3) },
      ),
    ).extendDeadline;
    expect(extended.deadlineExtended).toBe(true);
    ok(await gql(SUBMIT, { t: tokenOf(b!.link!), a: completeAnswers, by: 'B', k: 'extended-key-1' }, {}));

    ok(await gql('mutation ($id: ID!) { closeSurvey(id: $id) { status } }', { id }));
    expect(errorCodes(await gql(DRAFT, { t: tokenOf(b!.link!), a: {} }, {}))).toEqual(['SURVEY_CLOSED']);
  });

  it('tells the respondent when the survey opens and why it cannot be written to', async () => {
    const { id } = await openSurvey();
    const token = tokenOf((await assignmentsOf(id))[4]!.link!);
    const REASON = 'query ($t: String!) { questionnaire(token: $t) { opensAt deadline writable closedReason } }';
    type View = { questionnaire: { opensAt: string | null; writable: boolean; closedReason: string | null } };
    const view = async () => ok(await gql<View>(REASON, { t: token }, {})).questionnaire;
    const update = (i: Record<string, unknown>) =>
      gql('mutation ($i: UpdateSurveyInput!) { updateSurvey(input: $i) { id } }', { i: { id, ...i } });

    expect(await view()).toMatchObject({ writable: true, closedReason: null });
    const opensAt = inDays(1);
    ok(await update({ opensAt }));
    expect(await view()).toEqual(
      expect.objectContaining({
        opensAt: new Date(opensAt).toISOString(),
        writable: false,
        closedReason: 'NOT_OPEN_YET',
      }),
    );
    expect(errorCodes(await gql(DRAFT, { t: token, a: {} }, {}))).toEqual(['SURVEY_NOT_OPEN']);

    ok(await update({ opensAt: inDays(-2), closesAt: inDays(-0.01) }));
    expect(await view()).toMatchObject({ writable: false, closedReason: 'DEADLINE_PASSED' });
    const late = await gql(DRAFT, { t: token, a: {} }, {});
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'SURVEY_CLOSED', reason: 'DEADLINE_PASSED' });

    ok(await update({ closesAt: inDays(5) }));
    ok(await gql('mutation ($id: ID!) { closeSurvey(id: $id) { status } }', { id }));
    expect(await view()).toMatchObject({ writable: false, closedReason: 'CLOSED' });
  });

  it('limits requests per link', async () => {
    const { id } = await openSurvey();
    const token = tokenOf((await assignmentsOf(id))[3]!.link!);
    const codes: string[] = [];
    for (let i = 0; i < 125; i += 1) codes.push(...errorCodes(await gql(OPEN, { t: token }, {})));
    expect(codes.filter((c) => c === 'RATE_LIMITED').length).toBeGreaterThan(0);
  });
});
