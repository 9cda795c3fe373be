import { allQuestions, type Question, type QuestionnaireContent } from '@diemcau/schema';
import type { RawBuilder } from 'kysely';
import { requireRole } from '../accounts/access.ts';
import { query, queryOne, sql } from '../db/sql.ts';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../graphql/app-error.ts';
import { connectionFrom, decodeCursor, pageSize } from '../graphql/connection.ts';
import type { Context } from '../graphql/context.ts';
import { toId } from '../graphql/ids.ts';
import { type SurveyRow, surveyById, versionById } from '../surveys/survey.repository.ts';
import { getUnit } from '../units/unit.service.ts';
import type {
  AnalyticsFilterInput,
  Basis,
  ChoiceBreakdown,
  ChoiceGroup,
  CrossTab,
  DateBreakdown,
  DateGroup,
  IndicatorStats,
  NumberBreakdown,
  NumberGroup,
  ProgressGroup,
  ProgressReport,
} from './analytics.types.ts';

/** Everything a nested analytics field needs; resolved once per `surveyAnalytics` call. */
export type AnalyticsScope = {
  survey: SurveyRow;
  content: QuestionnaireContent;
  /** ltree of the scope unit; null: the whole tree (ADMIN without a scope). */
  scopePath: string | null;
  level: number;
  filter: AnalyticsFilterInput | null;
};

/**
 * The survey, scope and level of an analytics query, checked: ANALYST, ORGANIZER or ADMIN; the
 * survey organized within the viewer's scope or covering it (a district analyst reads the province's
 * survey for the district only); the scope unit inside the viewer's scope; a level the tree has.
 */
export async function analyticsScope(
  ctx: Context,
  surveyId: unknown,
  /** null: the scope unit's own level (exports, which do not group). */
  requestedLevel: number | null,
  scopeUnitId: unknown,
  filter: AnalyticsFilterInput | null | undefined,
): Promise<AnalyticsScope> {
  const viewer = requireRole(ctx, 'ANALYST', 'ORGANIZER');
  const survey = await surveyById(ctx.em, toId(surveyId, 'surveyId'));
  if (!survey) throw new NotFoundError('Survey', { field: 'surveyId' });
  const within = (path: string, root: string) => path === root || path.startsWith(`${root}.`);
  if (viewer.scopePath && !within(survey.ownerPath, viewer.scopePath) && !within(viewer.scopePath, survey.ownerPath)) {
    throw new ForbiddenError('Khảo sát ngoài phạm vi của bạn / the survey is outside your scope');
  }
  const scopePath =
    scopeUnitId !== null && scopeUnitId !== undefined
      ? (await getUnit(ctx, scopeUnitId, 'scopeUnitId')).path
      : viewer.scopePath;
  if (!survey.currentVersionId)
    throw new BadUserInputError('Khảo sát chưa phát hành / the survey is not published', 'surveyId');
  const content = (await versionById(ctx.em, survey.currentVersionId)).content;
  const scopeLevel = scopePath ? scopePath.split('.').length : 1;
  const level = requestedLevel ?? scopeLevel;
  const deepest = await queryOne<{ n: number | null }>(
    ctx.em,
    sql`select max(unit_level) as n from assignment where survey_id = ${survey.id}`,
  );
  if (!Number.isInteger(level) || level < scopeLevel || level > Math.max(deepest?.n ?? 1, scopeLevel)) {
    throw new BadUserInputError(
      `Cấp phải từ ${scopeLevel} đến ${Math.max(deepest?.n ?? 1, scopeLevel)} / level must be between ${scopeLevel} and ${Math.max(deepest?.n ?? 1, scopeLevel)}`,
      'level',
    );
  }
  if (filter?.answer) questionOf({ content } as AnalyticsScope, filter.answer.questionKey, 'filter.answer.questionKey');
  for (const kind of filter?.unitKinds ?? []) {
    if (!/^[A-Z][A-Z0-9_]{0,63}$/.test(kind))
      throw new BadUserInputError(`unknown unit kind "${kind}"`, 'filter.unitKinds');
  }
  return { survey, content, scopePath, level, filter: filter ?? null };
}

export function questionOf(scope: Pick<AnalyticsScope, 'content'>, key: string, field = 'key'): Question {
  const question = allQuestions(scope.content).find((q) => q.key === key);
  if (!question) throw new BadUserInputError(`Không có câu hỏi "${key}" / no question "${key}"`, field);
  return question;
}

/** The id of the unit at `level` above (or at) a path; units shallower than the level stand for themselves. */
function groupOf(path: RawBuilder<unknown>, level: number) {
  const n = sql.lit(level);
  return sql`(case when nlevel(${path}) >= ${n} then ltree2text(subpath(${path}, ${sql.lit(level - 1)}, 1))
                   else ltree2text(subpath(${path}, -1, 1)) end)::int`;
}

/** Conditions of a scope on an answer row `x` (survey, subtree, unit kinds, another answer). */
function answerConditions(scope: AnalyticsScope, x: string) {
  const path = sql.ref(`${x}.unit_path`);
  return sql`${sql.ref(`${x}.survey_id`)} = ${scope.survey.id}
    ${scope.scopePath ? sql`and ${path} <@ ${scope.scopePath}::ltree` : sql``}
    ${kindCondition(scope, sql`ltree2text(subpath(${path}, -1, 1))::int`)}
    ${answerCondition(scope, sql.ref(`${x}.response_id`))}`;
}

function kindCondition(scope: AnalyticsScope, unitId: RawBuilder<unknown>) {
  const kinds = scope.filter?.unitKinds;
  if (!kinds?.length) return sql``;
  return sql`and exists (select 1 from unit ku where ku.id = ${unitId} and ku.kind_code = any(${kinds}::text[]))`;
}

function answerCondition(scope: AnalyticsScope, responseId: RawBuilder<unknown>) {
  const filter = scope.filter?.answer;
  if (!filter) return sql``;
  const q = questionOf(scope, filter.questionKey, 'filter.answer.questionKey');
  const values = filter.values;
  if (values.length === 0) throw new BadUserInputError('give at least one value', 'filter.answer.values');
  const numeric = ['integer', 'decimal', 'percentage', 'scale'].includes(q.type);
  let cond: RawBuilder<unknown>;
  const compare = { gt: sql`>`, gte: sql`>=`, lt: sql`<`, lte: sql`<=` }[filter.op as 'gt'];
  if (filter.op === 'equals' || filter.op === 'one_of') {
    if (numeric) {
      if (values.some((v) => !Number.isFinite(Number(v))))
        throw new BadUserInputError('values must be numbers', 'filter.answer.values');
      cond = sql`f.numeric_value = any(${values.map(Number)}::numeric[])`;
    } else if (q.type === 'date') cond = sql`f.date_value = any(${values}::date[])`;
    else cond = sql`f.option_key = any(${values}::text[])`;
  } else if (compare && (numeric || q.type === 'date')) {
    if (numeric && !Number.isFinite(Number(values[0])))
      throw new BadUserInputError('value must be a number', 'filter.answer.values');
    cond = numeric
      ? sql`f.numeric_value ${compare} ${Number(values[0])}`
      : sql`f.date_value ${compare} ${values[0]}::date`;
  } else {
    throw new BadUserInputError(`op "${filter.op}" does not apply to a ${q.type} question`, 'filter.answer.op');
  }
  return sql`and exists (select 1 from answer f where f.response_id = ${responseId} and f.question_key = ${q.key} and ${cond})`;
}

const rate = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

/** Progress by group and in total, counted on the unit paths stored at assignment time. One statement. */
export async function progress(ctx: Context, scope: AnalyticsScope): Promise<ProgressReport> {
  const rows = await query<Omit<ProgressGroup, 'rate'> & { isTotal: boolean }>(
    ctx.em,
    // Counted first (from assignment and response_progress_idx alone), named after: 20 groups, not 50,000 rows.
    sql`select p.*, gu.name as "unitName", gu.code as "unitCode" from (
          select g.gid as "unitId", grouping(g.gid) = 1 as "isTotal",
                 count(*)::int as assigned,
                 count(*) filter (where g.status = 'SUBMITTED')::int as submitted,
                 count(*) filter (where g.status = 'DRAFT')::int as drafts,
                 count(*) filter (where g.status is null and g.opened)::int as opened,
                 count(*) filter (where g.status is null and not g.opened)::int as "notOpened",
                 count(*) filter (where g.status = 'SUBMITTED' and (g.due is null or g.first_submitted_at <= g.due))::int as "submittedOnTime",
                 count(*) filter (where g.status = 'SUBMITTED' and g.due is not null and g.first_submitted_at > g.due)::int as "submittedLate"
            from (select ${groupOf(sql.ref('a.unit_path'), scope.level)} as gid, r.status, a.first_opened_at is not null as opened,
                         r.first_submitted_at, coalesce(a.deadline, s.closes_at) as due
                    from assignment a join survey s on s.id = a.survey_id
                    left join response r on r.assignment_id = a.id and r.survey_id = a.survey_id
                   where a.survey_id = ${scope.survey.id} and a.withdrawn_at is null
                     ${scope.scopePath ? sql`and a.unit_path <@ ${scope.scopePath}::ltree` : sql``}
                     ${kindCondition(scope, sql.ref('a.unit_id'))}
                     ${answerCondition(scope, sql.ref('r.id'))}) g
           group by grouping sets ((g.gid), ())) p
          left join unit gu on gu.id = p."unitId"
         order by p."isTotal" desc, gu.name collate "vi-VN-x-icu", p."unitId"`,
  );
  const withRate = (r: Omit<ProgressGroup, 'rate'>): ProgressGroup => ({ ...r, rate: rate(r.submitted, r.assigned) });
  const empty = {
    unitId: null,
    unitName: null,
    unitCode: null,
    assigned: 0,
    submitted: 0,
    drafts: 0,
    opened: 0,
    notOpened: 0,
    submittedOnTime: 0,
    submittedLate: 0,
  };
  const total = rows.find((r) => r.isTotal);
  return {
    total: withRate(total ? { ...total, unitId: null, unitName: null, unitCode: null } : empty),
    groups: rows.filter((r) => !r.isTotal).map(withRate),
  };
}

/** Submitted responses counted and the versions they answered. One statement. */
export async function basis(ctx: Context, scope: AnalyticsScope): Promise<Basis> {
  const row = await queryOne<{ responses: number; versions: number[] | null }>(
    ctx.em,
    sql`select count(*)::int as responses, array_agg(distinct v.number order by v.number) as versions
          from response x join survey_version v on v.id = x.version_id
         where x.status = 'SUBMITTED' and ${sql`x.survey_id = ${scope.survey.id}
           ${scope.scopePath ? sql`and x.unit_path <@ ${scope.scopePath}::ltree` : sql``}
           ${kindCondition(scope, sql`ltree2text(subpath(x.unit_path, -1, 1))::int`)}
           ${answerCondition(scope, sql.ref('x.id'))}`}`,
  );
  return { responses: row?.responses ?? 0, versions: row?.versions ?? [] };
}

/** Keys of a choice question's "Other (please specify)" options. */
function otherKeysOf(q: Question): string[] {
  return (q.options ?? []).filter((o) => o.other).map((o) => o.key);
}

function labelOf(q: Question, key: string): string | null {
  if (q.type === 'yes_no') return key === 'yes' ? 'Có' : key === 'no' ? 'Không' : null;
  if (q.type === 'scale') return key;
  return q.options?.find((o) => o.key === key)?.label ?? null;
}

/** Counts and shares per option (choices, yes/no, scale points), by group and in total. One statement. */
export async function choices(ctx: Context, scope: AnalyticsScope, q: Question): Promise<ChoiceBreakdown> {
  if (!['single_choice', 'multiple_choice', 'yes_no', 'scale'].includes(q.type)) {
    throw new BadUserInputError(`"${q.key}" is a ${q.type} question: use numbers, dates or textAnswers`, 'key');
  }
  // A single choice, yes/no or scale answer is one row per response, a multiple choice one per ticked
  // option: rows count responses per option, and per group except for a multiple choice. Hash
  // aggregates, no sort for a distinct count in every grouping set.
  const oneRowPerResponse = q.type !== 'multiple_choice';
  const rows = await query<{
    unitId: number | null;
    unitName: string | null;
    key: string | null;
    gg: number;
    gk: number;
    n: number;
    mean: number | null;
    others: string[] | null;
  }>(
    ctx.em,
    // Counts from the covering index alone; the "Other" texts from answer_text (the other option's rows
    // only); names joined to the few groups at the end.
    sql`with t as ${oneRowPerResponse ? sql`not materialized` : sql`materialized`} (
          select ${groupOf(sql.ref('x.unit_path'), scope.level)} as gid,
                 coalesce(x.option_key, trim_scale(x.numeric_value)::text) as k, x.response_id, x.numeric_value as v
            from answer x where x.question_key = ${q.key} and ${answerConditions(scope, 'x')}
        ), counts as (
          ${
            oneRowPerResponse
              ? sql`select t.gid, t.k, grouping(t.gid) as gg, grouping(t.k) as gk, count(*)::int as n, avg(t.v)::float8 as mean
                      from t group by grouping sets ((t.gid, t.k), (t.gid), (t.k), ())`
              : sql`-- per option: one row per response and option, so rows are responses
                    select t.gid, t.k, grouping(t.gid) as gg, 0 as gk, count(*)::int as n, null::float8 as mean
                      from t group by grouping sets ((t.gid, t.k), (t.k))
                    union all
                    -- per group: each response once
                    select h.gid, null, grouping(h.gid), 1, count(*)::int, null::float8
                      from (select distinct t.gid, t.response_id from t) h group by grouping sets ((h.gid), ())`
          }
        ), others as (
          select o.gid, grouping(o.gid) as gg, (array_agg(o.text order by o.text))[1:50] as texts
            from (select ${groupOf(sql.ref('x.unit_path'), scope.level)} as gid, x.text_value as text
                    from answer_text x
                   where x.question_key = ${q.key} and x.option_key = any(${otherKeysOf(q)}::text[])
                     and ${answerConditions(scope, 'x')}) o
           group by grouping sets ((o.gid), ())
        )
        select c.gid as "unitId", gu.name as "unitName", c.k as key, c.gg, c.gk, c.n, c.mean,
               case when c.gk = 1 then o.texts end as others
          from counts c
          left join unit gu on gu.id = c.gid
          left join others o on o.gg = c.gg and o.gid is not distinct from c.gid
         order by gu.name collate "vi-VN-x-icu", c.gid, c.k`,
  );
  const optionOrder =
    q.type === 'yes_no'
      ? ['yes', 'no']
      : q.type === 'scale'
        ? Array.from({ length: q.scale?.points ?? 5 }, (_, i) => String(i + 1))
        : (q.options ?? []).map((o) => o.key);
  const build = (unitId: number | null, unitName: string | null, part: typeof rows): ChoiceGroup => {
    const head = part.find((r) => r.gk === 1);
    const responses = head?.n ?? 0;
    const counts = new Map(part.filter((r) => r.gk === 0).map((r) => [r.key!, r.n]));
    return {
      unitId,
      unitName,
      responses,
      options: optionOrder.map((key) => ({
        key,
        label: labelOf(q, key),
        count: counts.get(key) ?? 0,
        share: rate(counts.get(key) ?? 0, responses),
      })),
      otherTexts: head?.others ?? [],
      mean: q.type === 'scale' ? (head?.mean ?? null) : null,
    };
  };
  const groups = new Map<number, typeof rows>();
  for (const r of rows.filter((r) => r.gg === 0)) groups.set(r.unitId!, [...(groups.get(r.unitId!) ?? []), r]);
  return {
    total: build(
      null,
      null,
      rows.filter((r) => r.gg === 1),
    ),
    groups: [...groups.entries()].map(([id, part]) => build(id, part[0]!.unitName, part)),
  };
}

/** Count, sum, mean, min, max and quartiles of a number question (or one matrix row), by group and in total. One statement. */
export async function numbers(
  ctx: Context,
  scope: AnalyticsScope,
  q: Question,
  row?: string | null,
): Promise<NumberBreakdown> {
  const numeric = ['integer', 'decimal', 'percentage', 'scale'].includes(q.type);
  if (!numeric && q.type !== 'matrix') throw new BadUserInputError(`"${q.key}" is not a number question`, 'key');
  if (q.type === 'matrix' && !q.rows?.some((r) => r.key === row))
    throw new BadUserInputError('give one of the matrix rows', 'row');
  const rows = await query<NumberGroup & { gg: number }>(
    ctx.em,
    sql`select p.*, gu.name as "unitName" from (
          select t.gid as "unitId", grouping(t.gid) as gg, count(*)::int as count,
                 sum(t.v)::float8 as sum, avg(t.v)::float8 as mean, min(t.v)::float8 as min, max(t.v)::float8 as max,
                 percentile_cont(0.25) within group (order by t.v) as q1, percentile_cont(0.5) within group (order by t.v) as median,
                 percentile_cont(0.75) within group (order by t.v) as q3
            from (select ${groupOf(sql.ref('x.unit_path'), scope.level)} as gid, x.numeric_value as v
                    from answer x where x.question_key = ${q.key} ${q.type === 'matrix' ? sql`and x.option_key = ${row}` : sql``}
                     and x.numeric_value is not null and ${answerConditions(scope, 'x')}) t
           group by grouping sets ((t.gid), ())) p
          left join unit gu on gu.id = p."unitId"
         order by p.gg desc, gu.name collate "vi-VN-x-icu", p."unitId"`,
  );
  const clean = ({ gg: _, ...r }: NumberGroup & { gg: number }): NumberGroup => r;
  const total = rows.find((r) => r.gg === 1);
  return {
    total: total
      ? { ...clean(total), unitId: null, unitName: null }
      : {
          unitId: null,
          unitName: null,
          count: 0,
          sum: null,
          mean: null,
          min: null,
          max: null,
          q1: null,
          median: null,
          q3: null,
        },
    groups: rows.filter((r) => r.gg === 0).map(clean),
  };
}

/** Earliest, latest and counts per month of a date question, by group and in total. One statement. */
export async function dates(ctx: Context, scope: AnalyticsScope, q: Question): Promise<DateBreakdown> {
  if (q.type !== 'date') throw new BadUserInputError(`"${q.key}" is not a date question`, 'key');
  const rows = await query<{
    unitId: number | null;
    unitName: string | null;
    month: string | null;
    gg: number;
    gm: number;
    count: number;
    earliest: string | null;
    latest: string | null;
  }>(
    ctx.em,
    sql`select p.*, gu.name as "unitName" from (
          select t.gid as "unitId", t.month, grouping(t.gid) as gg, grouping(t.month) as gm, count(*)::int as count,
                 to_char(min(t.d), 'YYYY-MM-DD') as earliest, to_char(max(t.d), 'YYYY-MM-DD') as latest
            from (select ${groupOf(sql.ref('x.unit_path'), scope.level)} as gid, x.date_value as d,
                         to_char(x.date_value, 'YYYY-MM') as month
                    from answer x where x.question_key = ${q.key} and x.date_value is not null and ${answerConditions(scope, 'x')}) t
           group by grouping sets ((t.gid, t.month), (t.gid), (t.month), ())) p
          left join unit gu on gu.id = p."unitId"
         order by gu.name collate "vi-VN-x-icu", p."unitId", p.month`,
  );
  const build = (unitId: number | null, unitName: string | null, part: typeof rows): DateGroup => {
    const head = part.find((r) => r.gm === 1);
    return {
      unitId,
      unitName,
      count: head?.count ?? 0,
      earliest: head?.earliest ?? null,
      latest: head?.latest ?? null,
      byMonth: part.filter((r) => r.gm === 0).map((r) => ({ month: r.month!, count: r.count })),
    };
  };
  const groups = new Map<number, typeof rows>();
  for (const r of rows.filter((r) => r.gg === 0)) groups.set(r.unitId!, [...(groups.get(r.unitId!) ?? []), r]);
  return {
    total: build(
      null,
      null,
      rows.filter((r) => r.gg === 1),
    ),
    groups: [...groups.entries()].map(([id, part]) => build(id, part[0]!.unitName, part)),
  };
}

/**
 * The survey's indicators: per response the numerator and denominator sums, then the ratio of the
 * sums over the responses that answered both — never a mean of ratios. One statement for all.
 */
export async function indicators(ctx: Context, scope: AnalyticsScope): Promise<IndicatorStats[]> {
  const defs = scope.content.indicators ?? [];
  if (defs.length === 0) return [];
  const rows = await query<{
    key: string;
    unitId: number | null;
    unitName: string | null;
    gg: number;
    numerator: number | null;
    denominator: number | null;
    responses: number;
  }>(
    ctx.em,
    // Per indicator, its numerator and denominator sides as index scans (summed per response when a side
    // has several questions), hash-joined on the response: only responses with both count. Names last.
    sql`select p.*, gu.name as "unitName" from (
          ${sql.join(
            defs.map((d) => {
              const side = (keys: string[], alias: string, withGroup: boolean) => {
                const one = keys.length === 1;
                const t = sql.ref(alias);
                return sql`(select ${sql.ref(`${alias}.response_id`)}${
                  withGroup ? sql`, ${groupOf(sql.ref(`${alias}.unit_path`), scope.level)} as gid` : sql``
                }, ${one ? sql.ref(`${alias}.numeric_value`) : sql`sum(${sql.ref(`${alias}.numeric_value`)})`} as v
                  from answer ${t}
                 where ${sql.ref(`${alias}.question_key`)} = any(${keys}::text[])
                   and ${sql.ref(`${alias}.numeric_value`)} is not null and ${answerConditions(scope, alias)}
                 ${one ? sql`` : sql`group by ${sql.ref(`${alias}.response_id`)}${withGroup ? sql`, gid` : sql``}`})`;
              };
              return sql`select ${d.key}::text as key, n.gid as "unitId", grouping(n.gid) as gg,
                       sum(n.v)::float8 as numerator, sum(dd.v)::float8 as denominator, count(*)::int as responses
                  from ${side(d.numerator, 'xn', true)} n
                  join ${side(d.denominator, 'xd', false)} dd on dd.response_id = n.response_id
                 group by grouping sets ((n.gid), ())`;
            }),
            sql` union all `,
          )}) p
          left join unit gu on gu.id = p."unitId"
         order by gu.name collate "vi-VN-x-icu", p."unitId"`,
  );
  return defs.map((d) => {
    const percent = d.percent ?? true;
    const value = (num: number | null, den: number | null) =>
      num === null || den === null || den === 0 ? null : Math.round((num / den) * (percent ? 100 : 1) * 10) / 10;
    const mine = rows.filter((r) => r.key === d.key);
    const total = mine.find((r) => r.gg === 1);
    return {
      key: d.key,
      label: d.label,
      labelEn: d.labelEn ?? null,
      percent,
      total: {
        unitId: null,
        unitName: null,
        numerator: total?.numerator ?? null,
        denominator: total?.denominator ?? null,
        value: value(total?.numerator ?? null, total?.denominator ?? null),
        responses: total?.responses ?? 0,
      },
      groups: mine
        .filter((r) => r.gg === 0)
        .map((r) => ({
          unitId: r.unitId,
          unitName: r.unitName,
          numerator: r.numerator,
          denominator: r.denominator,
          value: value(r.numerator, r.denominator),
          responses: r.responses,
        })),
    };
  });
}

/** Units counted by their answers to two choice, yes/no or scale questions. One statement. */
export async function crossTab(
  ctx: Context,
  scope: AnalyticsScope,
  rowKey: string,
  columnKey: string,
): Promise<CrossTab> {
  const allowed = ['single_choice', 'multiple_choice', 'yes_no', 'scale'];
  const rq = questionOf(scope, rowKey, 'rowKey');
  const cq = questionOf(scope, columnKey, 'columnKey');
  if (!allowed.includes(rq.type))
    throw new BadUserInputError(`"${rowKey}" (${rq.type}) cannot be cross-tabulated`, 'rowKey');
  if (!allowed.includes(cq.type))
    throw new BadUserInputError(`"${columnKey}" (${cq.type}) cannot be cross-tabulated`, 'columnKey');
  const rows = await query<{ r: string | null; c: string | null; n: number }>(
    ctx.em,
    // Two scans of the covering index, hash-joined on the response. A response has one row per question
    // and option, so a cell's rows are its responses; the total counts each response once.
    sql`with j as materialized (
          select x.response_id, x.k as r, y.k as c
            from (select x.response_id, coalesce(x.option_key, trim_scale(x.numeric_value)::text) as k
                    from answer x where x.question_key = ${rq.key} and ${answerConditions(scope, 'x')}) x
            join (select y.response_id, coalesce(y.option_key, trim_scale(y.numeric_value)::text) as k
                    from answer y where y.survey_id = ${scope.survey.id} and y.question_key = ${cq.key}) y
              on y.response_id = x.response_id)
        select j.r, j.c, count(*)::int as n from j group by j.r, j.c
        union all
        select null, null, ${rq.type === 'multiple_choice' || cq.type === 'multiple_choice' ? sql`count(distinct j.response_id)` : sql`count(*)`}::int
          from j`,
  );
  const keysOf = (q: Question) =>
    q.type === 'yes_no'
      ? ['yes', 'no']
      : q.type === 'scale'
        ? Array.from({ length: q.scale?.points ?? 5 }, (_, i) => String(i + 1))
        : (q.options ?? []).map((o) => o.key);
  const cells = rows.filter((r) => r.r !== null && r.c !== null);
  const rowTotal = (k: string) => cells.filter((c) => c.r === k).reduce((s, c) => s + c.n, 0);
  const colTotal = (k: string) => cells.filter((c) => c.c === k).reduce((s, c) => s + c.n, 0);
  const rowKeys = keysOf(rq);
  const colKeys = keysOf(cq);
  return {
    rows: rowKeys,
    columns: colKeys,
    responses: rows.find((r) => r.r === null && r.c === null)?.n ?? 0,
    cells: rowKeys.flatMap((rk) =>
      colKeys.map((ck) => {
        const count = cells.find((c) => c.r === rk && c.c === ck)?.n ?? 0;
        return {
          row: rk,
          column: ck,
          count,
          rowShare: rate(count, rowTotal(rk)),
          columnShare: rate(count, colTotal(ck)),
        };
      }),
    ),
  };
}

/** Text answers with the unit's name and path, newest first, searchable without accents. One statement. */
export async function textAnswers(
  ctx: Context,
  scope: AnalyticsScope,
  key: string,
  search: string | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
) {
  const q = questionOf(scope, key);
  const withOther = ['single_choice', 'multiple_choice'].includes(q.type);
  if (!['short_text', 'long_text'].includes(q.type) && !withOther) {
    throw new BadUserInputError(`"${key}" has no text answers`, 'key');
  }
  const limit = pageSize(first);
  const cursor = decodeCursor(after, ['string', 'number']) as [string, number] | null;
  const needle = search?.normalize('NFC').trim();
  const rows = await query<{
    text: string;
    unitName: string;
    unitCode: string;
    pathNames: string[];
    submittedAt: Date;
    answeredAt: Date;
    responseId: number;
    total: number;
  }>(
    ctx.em,
    // From the narrow answer_text (trigram index per survey and question): the page is chosen and the
    // total counted there; the unit, its path and the response are joined to the page's rows only.
    sql`select t.text, t."responseId", t."answeredAt", t.total, u.name as "unitName", u.code as "unitCode",
               r.submitted_at as "submittedAt",
               array(select p.name from unit p where p.path @> t.path order by p.level) as "pathNames"
          from (select * from (
                  select x.text_value as text, x.unit_path as path, x.answered_at as "answeredAt",
                         x.response_id as "responseId", count(*) over ()::int as total
                    from answer_text x
                   where x.question_key = ${key} and ${answerConditions(scope, 'x')}
                     ${needle ? sql`and lower(immutable_unaccent(x.text_value)) like '%' || lower(immutable_unaccent(${needle}::text)) || '%'` : sql``}
                ) m
                ${cursor ? sql`where (m."answeredAt", m."responseId") < (${cursor[0]}::timestamptz, ${cursor[1]}::int)` : sql``}
                order by m."answeredAt" desc, m."responseId" desc
                limit ${limit + 1}) t
          join response r on r.id = t."responseId"
          join unit u on u.id = ltree2text(subpath(t.path, -1, 1))::int
         order by t."answeredAt" desc, t."responseId" desc`,
  );
  return {
    ...connectionFrom(rows, limit, (r) => [r.answeredAt.toISOString(), r.responseId]),
    totalCount: rows[0]?.total ?? 0,
  };
}
