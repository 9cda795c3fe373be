import { allQuestions, type Question, type QuestionnaireContent } from '@diemcau/schema';
import type { RawBuilder } from 'kysely';
import { pathInScope, requireRole } from '../accounts/access.ts';
import { query, queryOne, sql } from '../db/sql.ts';
import { BadUserInputError, ForbiddenError } from '../graphql/app-error.ts';
import { connectionFrom, decodeCursor, pageSize } from '../graphql/connection.ts';
import type { Context } from '../graphql/context.ts';
import { toId } from '../graphql/ids.ts';
import { type AssignmentRow, assignmentColumns, assignmentFrom } from '../surveys/assignment.service.ts';
import { effectiveDeadline, type SurveyRow, surveyById, versionById } from '../surveys/survey.repository.ts';
import type {
  AnalyticsFilterInput,
  AnalyticsSurvey,
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
  scopeLevel: number;
  /** The deepest level among the survey's assignments (at least the scope's). */
  deepestLevel: number;
  level: number;
  filter: AnalyticsFilterInput | null;
  /** Responses of withdrawn assignments: they count nowhere (usually none). */
  withdrawnResponses: number[];
  /**
   * false: the client did not ask for the field's `basis`, so its versions are not gathered (a pass
   * over the responses behind the figure, which would double a cheap field's time). Unset: gathered.
   */
  versions?: boolean;
};

const within = (path: string, root: string) => path === root || path.startsWith(`${root}.`);

/**
 * The survey, scope and level of an analytics query, checked: ANALYST, ORGANIZER or ADMIN; the
 * survey organized within the viewer's scope or covering it (a district analyst reads the province's
 * survey for the district only); the scope unit inside the viewer's scope; a level the tree has.
 * Every field below relies on this check alone (never on the survey owner rule of `survey(id)`).
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
  if (!survey) throw new BadUserInputError('Không có khảo sát này / no such survey', 'surveyId');
  if (viewer.scopePath && !within(survey.ownerPath, viewer.scopePath) && !within(viewer.scopePath, survey.ownerPath)) {
    throw new ForbiddenError('Khảo sát ngoài phạm vi của bạn / the survey is outside your scope', {
      field: 'surveyId',
    });
  }
  let scopePath = viewer.scopePath;
  if (scopeUnitId !== null && scopeUnitId !== undefined) {
    const unit = await ctx.loaders.unit.load(toId(scopeUnitId, 'scopeUnitId'));
    if (!unit) throw new BadUserInputError('Không có đơn vị này / no such unit', 'scopeUnitId');
    if (!pathInScope(viewer, unit.path))
      throw new ForbiddenError('Đơn vị nằm ngoài phạm vi của bạn / the unit is outside your scope', {
        field: 'scopeUnitId',
      });
    scopePath = unit.path;
  }
  if (!survey.currentVersionId)
    throw new BadUserInputError('Khảo sát chưa phát hành / the survey is not published', 'surveyId');
  const content = (await versionById(ctx.em, survey.currentVersionId)).content;
  const scopeLevel = scopePath ? scopePath.split('.').length : 1;
  const level = requestedLevel ?? scopeLevel;
  const deepest = await queryOne<{ n: number | null }>(
    ctx.em,
    sql`select max(unit_level) as n from assignment where survey_id = ${survey.id}`,
  );
  const deepestLevel = Math.max(deepest?.n ?? 1, scopeLevel);
  if (!Number.isInteger(level) || level < scopeLevel || level > deepestLevel) {
    throw new BadUserInputError(
      `Cấp phải từ ${scopeLevel} đến ${deepestLevel} / level must be between ${scopeLevel} and ${deepestLevel}`,
      'level',
    );
  }
  if (filter?.answer) questionOf({ content } as AnalyticsScope, filter.answer.questionKey, 'filter.answer.questionKey');
  for (const kind of filter?.unitKinds ?? []) {
    if (!/^[A-Z][A-Z0-9_]{0,63}$/.test(kind))
      throw new BadUserInputError(`unknown unit kind "${kind}"`, 'filter.unitKinds');
  }
  // Read once for every field of the query (assignment_withdrawn_idx), so that a field's statement
  // carries no condition at all in the usual case of none.
  const withdrawn = await query<{ id: number }>(
    ctx.em,
    sql`select r.id from assignment a join response r on r.assignment_id = a.id
         where a.survey_id = ${survey.id} and a.withdrawn_at is not null`,
  );
  return {
    survey,
    content,
    scopePath,
    scopeLevel,
    deepestLevel,
    level,
    filter: filter ?? null,
    withdrawnResponses: withdrawn.map((r) => r.id),
  };
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

/** Conditions of a scope on an answer row `x` (survey, subtree, unit kinds, another answer, not withdrawn). */
function answerConditions(scope: AnalyticsScope, x: string) {
  const path = sql.ref(`${x}.unit_path`);
  return sql`${sql.ref(`${x}.survey_id`)} = ${scope.survey.id}
    ${scope.scopePath ? sql`and ${path} <@ ${scope.scopePath}::ltree` : sql``}
    ${kindCondition(scope, sql`ltree2text(subpath(${path}, -1, 1))::int`)}
    ${answerCondition(scope, sql.ref(`${x}.response_id`))}
    ${notWithdrawn(scope, sql.ref(`${x}.response_id`))}`;
}

/** Responses of withdrawn assignments count nowhere, as progress does not count the assignments. */
export function notWithdrawn(scope: Pick<AnalyticsScope, 'withdrawnResponses'>, responseId: RawBuilder<unknown>) {
  if (scope.withdrawnResponses.length === 0) return sql``;
  return sql`and ${responseId} <> all(${scope.withdrawnResponses}::int[])`;
}

/** The questionnaire versions answered by the responses a subquery selects (its one column). */
function versionsOf(scope: AnalyticsScope, responseIds: RawBuilder<unknown>) {
  if (scope.versions === false) return sql`'{}'::int[]`;
  // From the distinct responses to their version (response_version_idx, index only): a hash join.
  return sql`(select coalesce(array_agg(distinct v.number order by v.number), '{}')
                from (select distinct d.id from (${responseIds}) d(id)) d
                join response vr on vr.survey_id = ${scope.survey.id} and vr.id = d.id
                join survey_version v on v.id = vr.version_id)`;
}

function kindCondition(scope: AnalyticsScope, unitId: RawBuilder<unknown>) {
  const kinds = scope.filter?.unitKinds;
  if (!kinds?.length) return sql``;
  // The units of those kinds hashed once, not a lookup per answer row.
  return sql`and ${unitId} in (select ku.id from unit ku where ku.kind_code = any(${kinds}::text[]))`;
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
                         r.first_submitted_at, ${effectiveDeadline} as due
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
           ${answerCondition(scope, sql.ref('x.id'))}
           ${notWithdrawn(scope, sql.ref('x.id'))}`}`,
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
    versions: number[];
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
               case when c.gk = 1 then o.texts end as others,
               ${versionsOf(scope, sql`select t.response_id from t`)} as versions
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
  const total = build(
    null,
    null,
    rows.filter((r) => r.gg === 1),
  );
  return {
    total,
    basis: { responses: total.responses, versions: rows[0]?.versions ?? [] },
    groups: [...groups.entries()].map(([id, part]) => build(id, part[0]!.unitName, part)),
  };
}

/**
 * Count, sum, mean, min, max and quartiles of a number question (or one matrix row), by group and in
 * total; with `bins`, a histogram of `bins` equal bins over the scope's minimum to maximum (the same
 * bins for every group, so groups compare), `width_bucket` in the same statement. One statement.
 */
export async function numbers(
  ctx: Context,
  scope: AnalyticsScope,
  q: Question,
  row?: string | null,
  bins?: number | null,
): Promise<NumberBreakdown> {
  const numeric = ['integer', 'decimal', 'percentage', 'scale'].includes(q.type);
  if (!numeric && q.type !== 'matrix') throw new BadUserInputError(`"${q.key}" is not a number question`, 'key');
  if (q.type === 'matrix' && !q.rows?.some((r) => r.key === row))
    throw new BadUserInputError('give one of the matrix rows', 'row');
  if (bins !== null && bins !== undefined && (!Number.isInteger(bins) || bins < 1 || bins > 100))
    throw new BadUserInputError('bins must be between 1 and 100', 'bins');
  const rows = await query<
    Omit<NumberGroup, 'histogram'> & {
      gg: number;
      bin: number | null;
      lo: number | null;
      hi: number | null;
      versions: number[];
    }
  >(
    ctx.em,
    sql`with t as materialized (
          select ${groupOf(sql.ref('x.unit_path'), scope.level)} as gid, x.numeric_value as v, x.response_id
            from answer x where x.question_key = ${q.key} ${q.type === 'matrix' ? sql`and x.option_key = ${row}` : sql``}
             and x.numeric_value is not null and ${answerConditions(scope, 'x')}
        ), stats as (
          select t.gid, grouping(t.gid) as gg, null::int as bin, count(*)::int as count,
                 sum(t.v)::float8 as sum, avg(t.v)::float8 as mean, min(t.v)::float8 as min, max(t.v)::float8 as max,
                 percentile_cont(0.25) within group (order by t.v) as q1, percentile_cont(0.5) within group (order by t.v) as median,
                 percentile_cont(0.75) within group (order by t.v) as q3
            from t group by grouping sets ((t.gid), ())
        )${
          bins
            ? sql`, bounds as (select min(t.v) as lo, max(t.v) as hi from t),
        hist as (
          select h.gid, grouping(h.gid) as gg, h.bin, count(*)::int as count
            from (select t.gid, case when b.hi > b.lo then least(width_bucket(t.v, b.lo, b.hi, ${sql.lit(bins)}), ${sql.lit(bins)}) else 1 end as bin
                    from t cross join bounds b) h
           group by grouping sets ((h.gid, h.bin), (h.bin))
        )`
            : sql``
        }
        select p.*, gu.name as "unitName", ${bins ? sql`b.lo::float8 as lo, b.hi::float8 as hi` : sql`null::float8 as lo, null::float8 as hi`},
               ${versionsOf(scope, sql`select t.response_id from t`)} as versions
          from (select s.gid as "unitId", s.gg, s.bin, s.count, s.sum, s.mean, s.min, s.max, s.q1, s.median, s.q3 from stats s
                ${
                  bins
                    ? sql`union all
                select h.gid, h.gg, h.bin, h.count, null, null, null, null, null, null, null from hist h`
                    : sql``
                }) p
          ${bins ? sql`cross join bounds b` : sql``}
          left join unit gu on gu.id = p."unitId"
         order by p.gg desc, gu.name collate "vi-VN-x-icu", p."unitId", p.bin nulls first`,
  );
  const lo = rows[0]?.lo ?? null;
  const hi = rows[0]?.hi ?? null;
  const histogramOf = (unitId: number | null): NumberGroup['histogram'] => {
    if (!bins || lo === null || hi === null) return [];
    const counts = new Map(
      rows
        .filter((r) => r.bin !== null && r.unitId === unitId && (unitId === null) === (r.gg === 1))
        .map((r) => [r.bin!, r.count]),
    );
    // All values equal: one bin holding them all.
    const n = hi > lo ? bins : 1;
    const width = (hi - lo) / n;
    return Array.from({ length: n }, (_, i) => ({
      from: lo + i * width,
      to: i === n - 1 ? hi : lo + (i + 1) * width,
      count: counts.get(i + 1) ?? 0,
    }));
  };
  const clean = ({ gg: _, bin: _b, lo: _l, hi: _h, versions: _v, ...r }: (typeof rows)[number]): NumberGroup => ({
    ...r,
    histogram: histogramOf(r.unitId),
  });
  const stats = rows.filter((r) => r.bin === null);
  const total = stats.find((r) => r.gg === 1);
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
          histogram: [],
        },
    basis: { responses: total?.count ?? 0, versions: rows[0]?.versions ?? [] },
    groups: stats.filter((r) => r.gg === 0).map(clean),
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
    versions: number[];
  }>(
    ctx.em,
    sql`with t as materialized (
          select ${groupOf(sql.ref('x.unit_path'), scope.level)} as gid, x.date_value as d,
                 to_char(x.date_value, 'YYYY-MM') as month, x.response_id
            from answer x where x.question_key = ${q.key} and x.date_value is not null and ${answerConditions(scope, 'x')}
        )
        select p.*, gu.name as "unitName", ${versionsOf(scope, sql`select t.response_id from t`)} as versions from (
          select t.gid as "unitId", t.month, grouping(t.gid) as gg, grouping(t.month) as gm, count(*)::int as count,
                 to_char(min(t.d), 'YYYY-MM-DD') as earliest, to_char(max(t.d), 'YYYY-MM-DD') as latest
            from t
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
  const total = build(
    null,
    null,
    rows.filter((r) => r.gg === 1),
  );
  return {
    total,
    basis: { responses: total.count, versions: rows[0]?.versions ?? [] },
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
    versions: number[];
  }>(
    ctx.em,
    // Per indicator, its numerator and denominator sides as index scans (summed per response when a side
    // has several questions), hash-joined on the response: only responses with both count. Names last.
    sql`with ${sql.join(
      defs.map((d, i) => {
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
        return sql`${sql.ref(`j${i}`)} as materialized (
            select n.response_id, n.gid, n.v as num, dd.v as den
              from ${side(d.numerator, 'xn', true)} n
              join ${side(d.denominator, 'xd', false)} dd on dd.response_id = n.response_id)`;
      }),
      sql`, `,
    )}
        select p.*, gu.name as "unitName" from (
          ${sql.join(
            defs.map((d, i) => {
              const j = sql.ref(`j${i}`);
              return sql`select ${d.key}::text as key, j.gid as "unitId", grouping(j.gid) as gg,
                       sum(j.num)::float8 as numerator, sum(j.den)::float8 as denominator, count(*)::int as responses,
                       ${versionsOf(scope, sql`select response_id from ${j}`)} as versions
                  from ${j} j
                 group by grouping sets ((j.gid), ())`;
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
      basis: { responses: total?.responses ?? 0, versions: total?.versions ?? [] },
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
  const rows = await query<{ r: string | null; c: string | null; n: number; versions: number[] | null }>(
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
        select j.r, j.c, count(*)::int as n, null::int[] as versions from j group by j.r, j.c
        union all
        select null, null, ${rq.type === 'multiple_choice' || cq.type === 'multiple_choice' ? sql`count(distinct j.response_id)` : sql`count(*)`}::int,
               ${versionsOf(scope, sql`select j.response_id from j`)}
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
  const head = rows.find((r) => r.r === null && r.c === null);
  return {
    rows: rowKeys,
    columns: colKeys,
    responses: head?.n ?? 0,
    basis: { responses: head?.n ?? 0, versions: head?.versions ?? [] },
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

/**
 * The names along a path as it was stored (at assignment): looked up by the unit ids that are its
 * labels, so a unit moved or renamed later keeps its place in past figures and exports.
 */
export function pathNamesOf(path: RawBuilder<unknown>) {
  return sql`array(select p.name from unnest(string_to_array(ltree2text(${path}), '.')::int[]) with ordinality as e(id, n)
                     join unit p on p.id = e.id order by e.n)`;
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
  // LIKE's wildcards and escape typed by the analyst are matched as themselves.
  const needle = search
    ?.normalize('NFC')
    .trim()
    .slice(0, 200)
    .replace(/[\\%_]/g, '\\$&');
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
               ${pathNamesOf(sql.ref('t.path'))} as "pathNames"
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

/**
 * The units in scope that have not submitted, by name: on the analytics scope already checked (a
 * district analyst reading the province's survey sees the district's units), with the same filters
 * as progress. One statement (the page and the total count together).
 */
export async function notSubmitted(
  ctx: Context,
  scope: AnalyticsScope,
  first: number | null | undefined,
  after: string | null | undefined,
) {
  const limit = pageSize(first);
  const cursor = decodeCursor(after, ['string', 'number']) as [string, number] | null;
  const rows = await query<AssignmentRow & { total: number }>(
    ctx.em,
    sql`with m as materialized (
          select ${assignmentColumns}
            from ${assignmentFrom}
           where a.survey_id = ${scope.survey.id} and a.withdrawn_at is null and (r.status is null or r.status <> 'SUBMITTED')
             ${scope.scopePath ? sql`and a.unit_path <@ ${scope.scopePath}::ltree` : sql``}
             ${kindCondition(scope, sql.ref('a.unit_id'))}
             ${answerCondition(scope, sql.ref('r.id'))}
        )
        -- The count always comes back, with the page's rows (none past the last page).
        select p.*, c.total from (select count(*)::int as total from m) c
          left join lateral (
            select * from m
             ${cursor ? sql`where (m."unitName" collate "vi-VN-x-icu", m.id) > (${cursor[0]}::text collate "vi-VN-x-icu", ${cursor[1]}::int)` : sql``}
             order by m."unitName" collate "vi-VN-x-icu", m.id limit ${limit + 1}) p on true
         order by p."unitName" collate "vi-VN-x-icu", p.id`,
  );
  const page = rows.filter((r) => r.id !== null);
  return { ...connectionFrom(page, limit, (a) => [a.unitName, a.id]), totalCount: rows[0]?.total ?? 0 };
}

/**
 * Surveys with units assigned in the viewer's scope (ADMIN: all assigned surveys), newest first, with
 * their progress there: what an analyst may read with `surveyAnalytics`, whoever organized them.
 */
export async function analyticsSurveys(
  ctx: Context,
  first: number | null | undefined,
  after: string | null | undefined,
) {
  const viewer = requireRole(ctx, 'ANALYST', 'ORGANIZER');
  const limit = pageSize(first);
  const cursor = decodeCursor(after, ['string', 'number']) as [string, number] | null;
  const scopePath = viewer.role === 'ADMIN' ? null : viewer.scopePath;
  const rows = await query<AnalyticsSurvey & { total: number }>(
    ctx.em,
    sql`with m as materialized (
          select s.id, s.title, s.status, s.closes_at as "closesAt", s.created_at as "createdAt",
                 count(*)::int as assigned, count(*) filter (where r.status = 'SUBMITTED')::int as submitted
            from survey s
            join assignment a on a.survey_id = s.id and a.withdrawn_at is null
            left join response r on r.assignment_id = a.id
           where s.current_version_id is not null
             ${scopePath ? sql`and a.unit_path <@ ${scopePath}::ltree` : sql``}
           group by s.id
        )
        select p.*, c.total from (select count(*)::int as total from m) c
          left join lateral (
            select * from m
             ${cursor ? sql`where (m."createdAt", m.id) < (${cursor[0]}::timestamptz, ${cursor[1]}::int)` : sql``}
             order by m."createdAt" desc, m.id desc limit ${limit + 1}) p on true
         order by p."createdAt" desc, p.id desc`,
  );
  const page = rows.filter((r) => r.id !== null);
  return {
    ...connectionFrom(page, limit, (s) => [s.createdAt.toISOString(), s.id]),
    totalCount: rows[0]?.total ?? 0,
  };
}
