import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../graphql/context.ts';
import { AssignmentConnection } from '../surveys/survey.types.ts';
import * as analytics from './analytics.service.ts';
import {
  AnalyticsFilterInput,
  AnalyticsSurveyConnection,
  Basis,
  ChoiceBreakdown,
  CrossTab,
  DateBreakdown,
  IndicatorStats,
  NumberBreakdown,
  ProgressReport,
  QuestionStats,
  SurveyAnalytics,
  TextAnswerConnection,
} from './analytics.types.ts';

type AnalyticsRoot = SurveyAnalytics & { scope: analytics.AnalyticsScope };
type QuestionRoot = QuestionStats & { scope: analytics.AnalyticsScope };

/** Heavier fields cost more in the query cost limit. */
const heavy = { complexity: 20 };

/** Whether the client selected `name` directly under this field (through fragments too). */
function selects(info: GraphQLResolveInfo, name: string): boolean {
  const within = (set: SelectionSetNode | undefined): boolean =>
    !!set &&
    set.selections.some((s) =>
      s.kind === Kind.FIELD
        ? s.name.value === name
        : s.kind === Kind.INLINE_FRAGMENT
          ? within(s.selectionSet)
          : within(info.fragments[s.name.value]?.selectionSet),
    );
  return info.fieldNodes.some((node) => within(node.selectionSet));
}

/** The scope, gathering the questionnaire versions of a field's basis only when the client asks for it. */
const withBasis = <S extends object>(scope: S, info: GraphQLResolveInfo): S => ({
  ...scope,
  versions: selects(info, 'basis'),
});

@Resolver(() => SurveyAnalytics)
export class SurveyAnalyticsResolver {
  @Query(() => SurveyAnalytics, {
    description:
      'ANALYST, ORGANIZER, ADMIN. Analytics of a survey within a scope (default: yours), grouped at a level (2 = by district; default: the scope’s own level).',
  })
  async surveyAnalytics(
    @Ctx() ctx: Context,
    @Arg('surveyId', () => ID) surveyId: string,
    @Arg('level', () => Int, { nullable: true }) level: number | null,
    @Arg('scopeUnitId', () => ID, { nullable: true }) scopeUnitId?: string | null,
    @Arg('filter', () => AnalyticsFilterInput, { nullable: true }) filter?: AnalyticsFilterInput | null,
  ): Promise<AnalyticsRoot> {
    const scope = await analytics.analyticsScope(ctx, surveyId, level, scopeUnitId, filter);
    return {
      surveyId: scope.survey.id,
      level: scope.level,
      title: scope.survey.title,
      content: scope.content as unknown as Record<string, unknown>,
      deepestLevel: scope.deepestLevel,
      scopeLevel: scope.scopeLevel,
      scope,
    };
  }

  @Query(() => AnalyticsSurveyConnection, {
    description:
      'ANALYST, ORGANIZER, ADMIN. Published surveys with units assigned in your scope (whoever organized them), newest first, with their progress in your scope.',
  })
  analyticsSurveys(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return analytics.analyticsSurveys(ctx, first, after);
  }

  @FieldResolver(() => ProgressReport, {
    ...heavy,
    description: 'Assigned, submitted (on time, late), drafts, not opened; rate.',
  })
  progress(@Root() root: AnalyticsRoot, @Ctx() ctx: Context) {
    return analytics.progress(ctx, root.scope);
  }

  @FieldResolver(() => Basis, { description: 'How many submitted responses the figures rest on, and their versions.' })
  basis(@Root() root: AnalyticsRoot, @Ctx() ctx: Context) {
    return analytics.basis(ctx, root.scope);
  }

  @FieldResolver(() => AssignmentConnection, {
    ...heavy,
    description: 'Units in scope that have not submitted, by name (with the same filter as progress).',
  })
  notSubmitted(
    @Root() root: AnalyticsRoot,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return analytics.notSubmitted(ctx, root.scope, first, after);
  }

  @FieldResolver(() => QuestionStats, { description: 'Statistics of one question, by its key.' })
  question(@Root() root: AnalyticsRoot, @Arg('key', () => String) key: string): QuestionRoot {
    const q = analytics.questionOf(root.scope, key);
    return { key: q.key, type: q.type, label: q.label, scope: root.scope };
  }

  @FieldResolver(() => [IndicatorStats], {
    ...heavy,
    description: 'The survey’s indicators (ratios of sums), by group and in total.',
  })
  indicators(@Root() root: AnalyticsRoot, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return analytics.indicators(ctx, withBasis(root.scope, info));
  }

  @FieldResolver(() => CrossTab, { ...heavy })
  crossTab(
    @Root() root: AnalyticsRoot,
    @Ctx() ctx: Context,
    @Arg('rowKey', () => String) rowKey: string,
    @Arg('columnKey', () => String) columnKey: string,
    @Info() info: GraphQLResolveInfo,
  ) {
    return analytics.crossTab(ctx, withBasis(root.scope, info), rowKey, columnKey);
  }

  @FieldResolver(() => TextAnswerConnection, {
    ...heavy,
    description: 'Text answers (and "Other" texts), newest first; search ignores accents.',
  })
  textAnswers(
    @Root() root: AnalyticsRoot,
    @Ctx() ctx: Context,
    @Arg('key', () => String) key: string,
    @Arg('search', () => String, { nullable: true }) search?: string | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return analytics.textAnswers(ctx, root.scope, key, search, first, after);
  }
}

@Resolver(() => QuestionStats)
export class QuestionStatsResolver {
  @FieldResolver(() => ChoiceBreakdown, {
    ...heavy,
    description: 'Single/multiple choice, yes/no, scale: counts and shares per option.',
  })
  choices(@Root() root: QuestionRoot, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return analytics.choices(ctx, withBasis(root.scope, info), analytics.questionOf(root.scope, root.key));
  }

  @FieldResolver(() => NumberBreakdown, {
    ...heavy,
    description: 'Numbers (and scales, and one matrix row): count, sum, mean, min, max, quartiles.',
  })
  numbers(
    @Root() root: QuestionRoot,
    @Ctx() ctx: Context,
    @Arg('row', () => String, { nullable: true }) row: string | null | undefined,
    @Arg('bins', () => Int, {
      nullable: true,
      description: 'With a histogram of this many bins (1–100) in each group; none without.',
    })
    bins: number | null | undefined,
    @Info() info: GraphQLResolveInfo,
  ) {
    return analytics.numbers(ctx, withBasis(root.scope, info), analytics.questionOf(root.scope, root.key), row, bins);
  }

  @FieldResolver(() => DateBreakdown, { ...heavy, description: 'Dates: earliest, latest, counts per month.' })
  dates(@Root() root: QuestionRoot, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return analytics.dates(ctx, withBasis(root.scope, info), analytics.questionOf(root.scope, root.key));
  }
}
