import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query, sql } from '../../server/src/db/sql.ts';
import { buildAccount, loadDemoProvince, signIn } from '../harness/factories.ts';
import { errorCodes, graphql, ok } from '../harness/graphql.ts';
import { startTestServer, type TestServer } from '../harness/server.ts';
import { surveyFixtureText } from '../harness/survey-fixture.ts';

/**
 * Analytics against a brute-force recomputation: random (seeded) responses are submitted through
 * the real API, and every figure is recomputed in plain TypeScript from what was sent.
 */

let server: TestServer;
let organizer: Record<string, string>;
let analyst: Record<string, string>;
/** Every unit by code, with its path of ids (read from the database once). */
const units = new Map<string, { id: number; code: string; name: string; kind: string; path: number[] }>();

function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
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
  if (rnd() < 0.7) a.budget_million_vnd = Math.round(rnd() * 2000) / 10;
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

type Sent = {
  code: string;
  state: 'SUBMITTED' | 'DRAFT' | 'OPENED' | 'NOT_OPENED';
  answers?: Answers;
  /** Given a deadline in the past after submitting: counted as submitted late. */
  late?: boolean;
};

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

/**
 * A published survey assigned to a third of the commune committees and to a few grassroots cells (another
 * kind, at other depths), answered at random; some assignments then get a deadline in the past.
 */
async function answeredSurvey(seed: number): Promise<{ surveyId: string; sent: Map<string, Sent> }> {
  const rnd = prng(seed);
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
  // A third of the commune committees (cheap: the respondent API allows 1,200 calls a minute per
  // address) and about 25 grassroots cells; TH-05's communes always, for the narrower scope.
  const picked = [...units.values()]
    .filter((u) =>
      u.kind === 'COMMUNE_COMMITTEE'
        ? u.code.startsWith('TH-05-') || rnd() < 0.3
        : u.kind === 'GRASSROOTS_CELL' && rnd() < 0.012,
    )
    .map((u) => String(u.id));
  ok(
    await gql('mutation ($i: AssignSurveyInput!) { assignSurvey(input: $i) { added } }', {
      i: { surveyId, unitIds: picked },
    }),
  );
  const csv = ok(
    await gql<{ respondentLinksCsv: string }>('query ($s: ID!) { respondentLinksCsv(surveyId: $s) }', { s: surveyId }),
  ).respondentLinksCsv;
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
  // The survey's deadline an hour ago (set in the database: the API only extends deadlines), every
  // other unit given an extension: those of the 20 % that submitted did so late. A unit's deadline is
  // the later of its own and the survey's.
  const pastDue = [...sent.values()].filter(() => rnd() < 0.2);
  for (const s of pastDue) s.late = s.state === 'SUBMITTED';
  const em = server.orm.em.fork();
  await query(em, sql`update survey set closes_at = now() - interval '1 hour' where id = ${Number(surveyId)}`);
  await query(
    em,
    sql`update assignment set deadline = now() + interval '30 days'
         where survey_id = ${Number(surveyId)} and unit_id <> all(${pastDue.map((s) => units.get(s.code)!.id)}::int[])`,
  );
  return { surveyId, sent };
}

beforeAll(async () => {
  server = await startTestServer();
  await loadDemoProvince(server);
  organizer = { cookie: await signIn(server, 'tuyengiao', 'tuyengiao-demo-2026') };
  analyst = { cookie: await signIn(server, 'phantich', 'phantich-demo-2026') };
  const rows = await query<{ id: number; code: string; name: string; kind: string; path: string }>(
    server.orm.em.fork(),
    sql`select id, code, name, kind_code as kind, ltree2text(path) as path from unit`,
  );
  for (const r of rows) units.set(r.code, { ...r, path: r.path.split('.').map(Number) });
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

/** `percentile_cont`: linear interpolation between the closest ranks. */
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return null;
  const at = p * (s.length - 1);
  const lo = Math.floor(at);
  return s[lo]! + (s[Math.ceil(at)]! - s[lo]!) * (at - lo);
};
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const close = (actual: number | null, expected: number | null) => {
  if (expected === null) expect(actual).toBeNull();
  else expect(actual).toBeCloseTo(expected, 6);
};

type Variant = {
  name: string;
  level: number;
  /** The scope unit (default: the analyst's, the province). */
  scopeCode?: string;
  kinds?: string[];
  /** Only units that held the study. */
  heldOnly?: boolean;
};

const variants: Variant[] = [
  { name: 'by district', level: 2 },
  { name: 'one district by commune', level: 3, scopeCode: 'TH-05' },
  { name: 'grassroots cells only, by district', level: 2, kinds: ['GRASSROOTS_CELL'] },
  { name: 'units that held the study, by district', level: 2, heldOnly: true },
];

const choiceOf = (a: Answers, key: string): string[] => {
  const v = a[key];
  if (v === undefined) return [];
  if (typeof v === 'boolean') return [v ? 'yes' : 'no'];
  if (typeof v === 'number') return [String(v)];
  const c = v as { choice?: string; choices?: string[] };
  return c.choices ?? (c.choice ? [c.choice] : []);
};

/** Everything a variant shows, recomputed from what was sent. */
function bruteForce(sent: Map<string, Sent>, v: Variant) {
  const scopeId = v.scopeCode ? units.get(v.scopeCode)!.id : null;
  const assigned = [...sent.values()].filter((s) => {
    const u = units.get(s.code)!;
    if (scopeId !== null && !u.path.includes(scopeId)) return false;
    if (v.kinds && !v.kinds.includes(u.kind)) return false;
    if (v.heldOnly && !(s.state === 'SUBMITTED' && s.answers!.held_study === true)) return false;
    return true;
  });
  const groupOf = (s: Sent) => {
    const path = units.get(s.code)!.path;
    return String(path[Math.min(v.level, path.length) - 1]);
  };
  const byGroup = <T>(list: T[], key: (t: T) => string) => {
    const m = new Map<string, T[]>();
    for (const x of list) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
    return m;
  };
  const submitted = assigned.filter((s) => s.state === 'SUBMITTED');
  return { assigned, submitted, groupOf, byGroup };
}

const analyticsQuery = `query ($s: ID!, $level: Int!, $u: ID, $f: AnalyticsFilterInput) {
  surveyAnalytics(surveyId: $s, level: $level, scopeUnitId: $u, filter: $f) {
    basis { responses versions }
    progress {
      total { assigned submitted drafts opened notOpened submittedOnTime submittedLate rate }
      groups { unitId assigned submitted drafts opened notOpened submittedOnTime submittedLate rate }
    }
    action: question(key: "action_program") { choices { ...C } }
    form: question(key: "study_form") { choices { ...C } }
    held: question(key: "held_study") { choices { ...C } }
    effect: question(key: "effectiveness") { choices { ...C } }
    difficulties: question(key: "difficulties") { choices { ...C } }
    members: question(key: "members_total") { numbers { ...N } }
    budget: question(key: "budget_million_vnd") { numbers { ...N } }
    dates: question(key: "study_date") { dates { basis { responses versions } total { ...D } groups { unitId ...D } } }
    indicators { key basis { responses versions } total { ...I } groups { unitId ...I } }
    heldByAction: crossTab(rowKey: "held_study", columnKey: "action_program") { ...X }
    diffByEffect: crossTab(rowKey: "difficulties", columnKey: "effectiveness") { ...X }
  } }
  fragment CG on ChoiceGroup { responses mean otherTexts options { key count share } }
  fragment C on ChoiceBreakdown { basis { responses versions } total { ...CG } groups { unitId ...CG } }
  fragment NG on NumberGroup { count sum mean min max q1 median q3 }
  fragment N on NumberBreakdown { basis { responses versions } total { ...NG } groups { unitId ...NG } }
  fragment D on DateGroup { count earliest latest byMonth { month count } }
  fragment I on IndicatorGroup { numerator denominator value responses }
  fragment X on CrossTab { responses basis { responses versions } cells { row column count rowShare columnShare } }`;

type ChoiceGroupRes = {
  unitId?: string;
  responses: number;
  mean: number | null;
  otherTexts: string[];
  options: { key: string; count: number; share: number }[];
};
type NumberGroupRes = Record<'count' | 'sum' | 'mean' | 'min' | 'max' | 'q1' | 'median' | 'q3', number | null> & {
  unitId?: string;
};
type DateGroupRes = {
  unitId?: string;
  count: number;
  earliest: string | null;
  latest: string | null;
  byMonth: { month: string; count: number }[];
};
type IndicatorGroupRes = {
  unitId?: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  responses: number;
};
type CrossTabRes = {
  responses: number;
  basis: { responses: number; versions: number[] };
  cells: { row: string; column: string; count: number; rowShare: number; columnShare: number }[];
};
type Basis = { responses: number; versions: number[] };
type AnalyticsRes = {
  basis: Basis;
  progress: { total: Record<string, number>; groups: (Record<string, number> & { unitId: string })[] };
  dates: { dates: { basis: Basis; total: DateGroupRes; groups: DateGroupRes[] } };
  indicators: { key: string; basis: Basis; total: IndicatorGroupRes; groups: IndicatorGroupRes[] }[];
  heldByAction: CrossTabRes;
  diffByEffect: CrossTabRes;
} & Record<
  'action' | 'form' | 'held' | 'effect' | 'difficulties',
  { choices: { basis: Basis; total: ChoiceGroupRes; groups: ChoiceGroupRes[] } }
> &
  Record<'members' | 'budget', { numbers: { basis: Basis; total: NumberGroupRes; groups: NumberGroupRes[] } }>;

/** Checks a list of groups (by unit id) and the total against the same figure computed per list of responses. */
function eachGroup<G extends { unitId?: string }>(
  total: G,
  groups: G[],
  expected: Map<string, Answers[]>,
  all: Answers[],
  check: (got: G, answers: Answers[]) => void,
) {
  check(total, all);
  expect(groups.map((g) => g.unitId).sort()).toEqual([...expected.keys()].sort());
  for (const g of groups) check(g, expected.get(g.unitId!)!);
}

describe.each([11, 29, 43, 57, 71, 89])('against a brute-force recomputation (seed %i)', (seed) => {
  let surveyId: string;
  let sent: Map<string, Sent>;
  beforeAll(async () => {
    ({ surveyId, sent } = await answeredSurvey(seed));
  }, 120_000);

  it.each(variants)('every group and figure: $name', async (variant) => {
    const res = ok(
      await gql<{ surveyAnalytics: AnalyticsRes }>(
        analyticsQuery,
        {
          s: surveyId,
          level: variant.level,
          u: variant.scopeCode ? String(units.get(variant.scopeCode)!.id) : null,
          f:
            variant.kinds || variant.heldOnly
              ? {
                  unitKinds: variant.kinds ?? null,
                  answer: variant.heldOnly ? { questionKey: 'held_study', op: 'equals', values: ['yes'] } : null,
                }
              : null,
        },
        analyst,
      ),
    ).surveyAnalytics;
    const { assigned, submitted, groupOf, byGroup } = bruteForce(sent, variant);
    expect(assigned.length).toBeGreaterThan(0);
    if (variant.kinds) expect(submitted.length).toBeGreaterThan(0);

    // Progress, on time and late.
    const progressOf = (list: Sent[]) => {
      const n = (pred: (s: Sent) => boolean) => list.filter(pred).length;
      return {
        assigned: list.length,
        submitted: n((s) => s.state === 'SUBMITTED'),
        drafts: n((s) => s.state === 'DRAFT'),
        opened: n((s) => s.state === 'OPENED'),
        notOpened: n((s) => s.state === 'NOT_OPENED'),
        submittedOnTime: n((s) => s.state === 'SUBMITTED' && !s.late),
        submittedLate: n((s) => s.state === 'SUBMITTED' && !!s.late),
      };
    };
    const checkProgress = (got: Record<string, number>, list: Sent[]) => {
      const want = progressOf(list);
      expect(got).toMatchObject(want);
      close(got.rate!, want.submitted / want.assigned);
    };
    checkProgress(res.progress.total, assigned);
    const assignedBy = byGroup(assigned, groupOf);
    expect(res.progress.groups.map((g) => g.unitId).sort()).toEqual([...assignedBy.keys()].sort());
    for (const g of res.progress.groups) checkProgress(g, assignedBy.get(g.unitId)!);
    if (seed === 11 && variant.name === 'by district') expect(res.progress.total.submittedLate).toBeGreaterThan(0);

    const answers = submitted.map((s) => s.answers!);
    const answersBy = (has: (a: Answers) => boolean) => {
      const m = new Map<string, Answers[]>();
      for (const s of submitted.filter((x) => has(x.answers!)))
        m.set(groupOf(s), [...(m.get(groupOf(s)) ?? []), s.answers!]);
      return m;
    };
    expect(res.basis).toEqual({ responses: answers.length, versions: answers.length ? [1] : [] });
    const versionsFor = (n: number) => (n ? [1] : []);

    // Choices: counts and shares per option (multiple choice: share of units ticking it), "Other" texts, scale mean.
    const optionKeys: Record<string, string[]> = {
      action_program: ['da_ban_hanh', 'dang_xay_dung', 'chua_xay_dung'],
      study_form: ['truc_tiep', 'truc_tuyen', 'ket_hop', 'khac'],
      held_study: ['yes', 'no'],
      effectiveness: ['1', '2', '3', '4', '5'],
      difficulties: ['tai_lieu', 'thoi_gian', 'bao_cao_vien', 'ha_tang', 'khac'],
    };
    for (const [field, key] of [
      ['action', 'action_program'],
      ['form', 'study_form'],
      ['held', 'held_study'],
      ['effect', 'effectiveness'],
      ['difficulties', 'difficulties'],
    ] as const) {
      const answered = (a: Answers) => a[key] !== undefined;
      const b = res[field].choices;
      expect(b.basis).toEqual({
        responses: answers.filter(answered).length,
        versions: versionsFor(answers.filter(answered).length),
      });
      eachGroup(b.total, b.groups, answersBy(answered), answers.filter(answered), (got, list) => {
        expect(got.responses).toBe(list.length);
        expect(got.options.map((o) => o.key)).toEqual(optionKeys[key]);
        for (const o of got.options) {
          const count = list.filter((a) => choiceOf(a, key).includes(o.key)).length;
          expect(o.count, `${key}.${o.key}`).toBe(count);
          close(o.share, count / list.length);
        }
        if (key === 'effectiveness') close(got.mean, sum(list.map((a) => a[key] as number)) / list.length);
        else expect(got.mean).toBeNull();
        const others = list.map((a) => (a[key] as { other?: string }).other).filter((t): t is string => !!t);
        expect([...got.otherTexts].sort()).toEqual(others.sort().slice(0, 50));
      });
    }

    // Numbers: count, sum, mean, min, max, quartiles (integers and decimals).
    for (const [field, key] of [
      ['members', 'members_total'],
      ['budget', 'budget_million_vnd'],
    ] as const) {
      const answered = (a: Answers) => a[key] !== undefined;
      const b = res[field].numbers;
      expect(b.basis).toEqual({
        responses: answers.filter(answered).length,
        versions: versionsFor(answers.filter(answered).length),
      });
      eachGroup(b.total, b.groups, answersBy(answered), answers.filter(answered), (got, list) => {
        const xs = list.map((a) => a[key] as number);
        expect(got.count).toBe(xs.length);
        if (xs.length === 0) return expect(got.sum).toBeNull();
        close(got.sum, sum(xs));
        close(got.mean, sum(xs) / xs.length);
        close(got.min, Math.min(...xs));
        close(got.max, Math.max(...xs));
        close(got.q1, percentile(xs, 0.25));
        close(got.median, percentile(xs, 0.5));
        close(got.q3, percentile(xs, 0.75));
      });
    }

    // Dates: earliest, latest, counts per month.
    const dated = (a: Answers) => a.study_date !== undefined;
    expect(res.dates.dates.basis.responses).toBe(answers.filter(dated).length);
    eachGroup(res.dates.dates.total, res.dates.dates.groups, answersBy(dated), answers.filter(dated), (got, list) => {
      const ds = list.map((a) => a.study_date as string).sort();
      expect(got.count).toBe(ds.length);
      expect(got.earliest).toBe(ds[0] ?? null);
      expect(got.latest).toBe(ds.at(-1) ?? null);
      const months: Record<string, number> = {};
      for (const d of ds) months[d.slice(0, 7)] = (months[d.slice(0, 7)] ?? 0) + 1;
      expect(Object.fromEntries(got.byMonth.map((m) => [m.month, m.count]))).toEqual(months);
    });

    // Indicators: the ratio of the sums over responses with both sides, never a mean of ratios.
    const defs: Record<string, { num: string[]; den: string[]; percent: boolean }> = {
      study_rate: { num: ['studied_members'], den: ['members_total'], percent: true },
      essay_rate: { num: ['essays_written'], den: ['members_total'], percent: true },
      studied_or_wrote: { num: ['studied_members', 'essays_written'], den: ['members_total'], percent: false },
    };
    expect(res.indicators.map((i) => i.key)).toEqual(Object.keys(defs));
    for (const ind of res.indicators) {
      const d = defs[ind.key]!;
      const side = (a: Answers, keys: string[]) => {
        const xs = keys.map((k) => a[k]).filter((x): x is number => x !== undefined);
        return xs.length ? sum(xs) : null;
      };
      const both = (a: Answers) => side(a, d.num) !== null && side(a, d.den) !== null;
      expect(ind.basis).toEqual({
        responses: answers.filter(both).length,
        versions: versionsFor(answers.filter(both).length),
      });
      eachGroup(ind.total, ind.groups, answersBy(both), answers.filter(both), (got, list) => {
        expect(got.responses).toBe(list.length);
        if (list.length === 0) return expect(got.value).toBeNull();
        const n = sum(list.map((a) => side(a, d.num)!));
        const m = sum(list.map((a) => side(a, d.den)!));
        close(got.numerator, n);
        close(got.denominator, m);
        expect(got.value).toBe(m === 0 ? null : Math.round((n / m) * (d.percent ? 100 : 1) * 10) / 10);
      });
    }

    // Cross-tabs: counts, row and column shares; a multiple choice counts a response once in the total.
    for (const [field, rowKey, colKey] of [
      ['heldByAction', 'held_study', 'action_program'],
      ['diffByEffect', 'difficulties', 'effectiveness'],
    ] as const) {
      const tab = res[field];
      const list = answers.filter((a) => choiceOf(a, rowKey).length > 0 && choiceOf(a, colKey).length > 0);
      expect(tab.responses).toBe(list.length);
      expect(tab.basis).toEqual({ responses: list.length, versions: versionsFor(list.length) });
      const count = (r: string, c: string) =>
        list.filter((a) => choiceOf(a, rowKey).includes(r) && choiceOf(a, colKey).includes(c)).length;
      expect(tab.cells).toHaveLength(optionKeys[rowKey]!.length * optionKeys[colKey]!.length);
      for (const cell of tab.cells) {
        const n = count(cell.row, cell.column);
        const rowTotal = sum(optionKeys[colKey]!.map((c) => count(cell.row, c)));
        const colTotal = sum(optionKeys[rowKey]!.map((r) => count(r, cell.column)));
        expect(cell.count, `${cell.row}×${cell.column}`).toBe(n);
        close(cell.rowShare, rowTotal ? n / rowTotal : 0);
        close(cell.columnShare, colTotal ? n / colTotal : 0);
      }
    }
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
    // 3 to set up (viewer, survey, deepest level) + 8 fields; the same for 27 districts as for ~200 communes.
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
    // A column per level of the deepest submitted path (grassroots cells sit at level 3 or 4).
    const levels = header.indexOf('ma_don_vi');
    expect(levels).toBeGreaterThanOrEqual(3);
    expect(header.slice(0, levels + 5)).toEqual([
      ...Array.from({ length: levels }, (_, i) => `cap_${i + 1}`),
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
    const line = lines.find((l) => l.split(',')[levels] === code)!.split(',');
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
    expect(sheet.getRow(1).getCell(1).value).toBe('cap_1');
    expect(sheet.getRow(1).values).toContain('ma_don_vi');
  });

  it('writes the summary tables by level as XLSX, agreeing with the GraphQL figures', async () => {
    const res = await fetch(`${server.url}/api/surveys/${surveyId}/summary.xlsx?level=2`, { headers: bearer });
    expect(res.status).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Tien do', 'Chi so', 'Cau hoi', 'Co so']);
    // What the tables rest on: the submitted responses and the questionnaire versions.
    const basisSheet = workbook.getWorksheet('Co so')!;
    expect(basisSheet.getRow(2).values).toEqual([undefined, 'Số phiếu đã gửi', submittedCodes().length]);
    expect(basisSheet.getRow(3).values).toEqual([undefined, 'Phiên bản bảng hỏi', '1']);
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
    const lines = mine.slice(1).trim().split('\r\n');
    const at = lines[0]!.split(',').indexOf('ma_don_vi');
    const codes = lines.slice(1).map((l) => l.split(',')[at]!);
    expect(codes.every((c) => c.startsWith('TH-05-'))).toBe(true);
    expect(codes.length).toBe(submittedCodes().filter((c) => c.startsWith('TH-05-')).length);
  });
});
