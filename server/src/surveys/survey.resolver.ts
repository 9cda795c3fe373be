import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../graphql/context.ts';
import type { UnitRow } from '../units/unit.repository.ts';
import { Unit } from '../units/unit.types.ts';
import * as assignments from './assignment.service.ts';
import { AssignSurveyInput, CreateSurveyInput, UpdateSurveyInput } from './survey.inputs.ts';
import { deepestAssignedLevel, historyOf, progressOf, versionById, versionsOf } from './survey.repository.ts';
import * as surveys from './survey.service.ts';
import {
  Assignment,
  AssignmentConnection,
  AssignmentState,
  AssignResult,
  Submission,
  Survey,
  SurveyConnection,
  SurveyProgress,
  SurveyStatus,
  SurveyVersion,
} from './survey.types.ts';

@Resolver(() => Survey)
export class SurveyResolver {
  @Query(() => Survey, { description: 'A survey whose organizing unit is in your scope.' })
  async survey(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Survey> {
    return surveys.toSurvey(await surveys.readableSurvey(ctx, id));
  }

  @Query(() => SurveyConnection, { description: 'Surveys organized within your scope, newest first.' })
  surveys(
    @Ctx() ctx: Context,
    @Arg('status', () => SurveyStatus, { nullable: true }) status?: SurveyStatus | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return surveys.listSurveys(ctx, status, first, after);
  }

  @Query(() => String, { description: 'The survey as a diemcau.survey JSON file.' })
  exportSurvey(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<string> {
    return surveys.exportSurveyFile(ctx, id);
  }

  @Query(() => AssignmentConnection, {
    description: 'The units assigned (within your scope), by name, with their state.',
  })
  assignments(
    @Ctx() ctx: Context,
    @Arg('surveyId', () => ID) surveyId: string,
    @Arg('states', () => [AssignmentState], { nullable: true }) states?: AssignmentState[] | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('search', () => String, {
      nullable: true,
      description: 'Part of the unit name (accents and case ignored) or its exact code.',
    })
    search?: string | null,
  ) {
    return assignments.listAssignments(ctx, surveyId, { states, first, after, search });
  }

  @Query(() => String, {
    description:
      'ORGANIZER. Respondent links for mailing: CSV (UTF-8 with BOM) with unit code, name, path, state, deadline, link.',
  })
  respondentLinksCsv(
    @Ctx() ctx: Context,
    @Arg('surveyId', () => ID) surveyId: string,
    @Arg('onlyNotSubmitted', () => Boolean, { nullable: true }) onlyNotSubmitted?: boolean | null,
  ): Promise<string> {
    return assignments.exportLinks(ctx, surveyId, onlyNotSubmitted ?? false);
  }

  @FieldResolver(() => Unit, { nullable: true })
  ownerUnit(@Root() survey: Survey, @Ctx() ctx: Context): Promise<UnitRow | null> {
    return ctx.loaders.unit.load(survey.ownerUnitId);
  }

  @FieldResolver(() => SurveyVersion, { nullable: true, description: 'The version respondents answer now.' })
  async currentVersion(@Root() survey: Survey, @Ctx() ctx: Context) {
    return survey.currentVersionId ? versionById(ctx.em, survey.currentVersionId) : null;
  }

  @FieldResolver(() => [SurveyVersion])
  versions(@Root() survey: Survey, @Ctx() ctx: Context) {
    return versionsOf(ctx.em, survey.id);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'The deepest level among the assigned units: progress and analytics roll up at any level from your scope down to it. Null before any assignment.',
  })
  deepestAssignedLevel(@Root() survey: Survey, @Ctx() ctx: Context): Promise<number | null> {
    return deepestAssignedLevel(ctx.em, survey.id);
  }

  @FieldResolver(() => SurveyProgress)
  async progress(@Root() survey: Survey, @Ctx() ctx: Context): Promise<SurveyProgress> {
    const row = (await progressOf(ctx.em, [survey.id])).get(survey.id);
    return row ?? { assigned: 0, notOpened: 0, opened: 0, draft: 0, submitted: 0, amended: 0 };
  }

  @Mutation(() => Survey, { description: 'ORGANIZER. A new DRAFT survey organized by a unit in your scope.' })
  createSurvey(@Ctx() ctx: Context, @Arg('input', () => CreateSurveyInput) input: CreateSurveyInput) {
    return surveys.createSurvey(ctx, input);
  }

  @Mutation(() => Survey, {
    description: 'ORGANIZER. A DRAFT from a diemcau.survey JSON file; every problem of the file is reported.',
  })
  importSurvey(
    @Ctx() ctx: Context,
    @Arg('ownerUnitId', () => ID) ownerUnitId: string,
    @Arg('file', () => String) file: string,
  ) {
    return surveys.importSurvey(ctx, ownerUnitId, file);
  }

  @Mutation(() => Survey, { description: 'ORGANIZER. Edits; content of an OPEN survey only as a new version.' })
  updateSurvey(@Ctx() ctx: Context, @Arg('input', () => UpdateSurveyInput) input: UpdateSurveyInput) {
    return surveys.updateSurvey(ctx, input);
  }

  @Mutation(() => Survey, {
    description: 'ORGANIZER. DRAFT → OPEN: the questionnaire is checked and frozen as version 1.',
  })
  publishSurvey(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return surveys.publishSurvey(ctx, id);
  }

  @Mutation(() => Survey, { description: 'ORGANIZER. OPEN → CLOSED: no more answers.' })
  closeSurvey(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return surveys.setSurveyStatus(ctx, id, SurveyStatus.CLOSED);
  }

  @Mutation(() => Survey, { description: 'ORGANIZER. DRAFT or CLOSED → ARCHIVED.' })
  archiveSurvey(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return surveys.setSurveyStatus(ctx, id, SurveyStatus.ARCHIVED);
  }

  @Mutation(() => Survey, { description: 'ORGANIZER. A new DRAFT with the same questionnaire and settings.' })
  cloneSurvey(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return surveys.cloneSurvey(ctx, id);
  }

  @Mutation(() => AssignResult, {
    description: 'ORGANIZER. Assigns units in your scope (listed, or by subtree, kind and level).',
  })
  assignSurvey(@Ctx() ctx: Context, @Arg('input', () => AssignSurveyInput) input: AssignSurveyInput) {
    return assignments.assignSurvey(ctx, input);
  }

  @Mutation(() => Int, { description: 'ORGANIZER. Withdraws units; their answers are kept. Returns how many.' })
  withdrawAssignments(
    @Ctx() ctx: Context,
    @Arg('surveyId', () => ID) surveyId: string,
    @Arg('assignmentIds', () => [ID]) assignmentIds: string[],
  ) {
    return assignments.withdrawAssignments(ctx, surveyId, assignmentIds);
  }

  @Mutation(() => Assignment, { description: 'ORGANIZER. A later deadline for one unit; null restores the survey’s.' })
  extendDeadline(
    @Ctx() ctx: Context,
    @Arg('assignmentId', () => ID) assignmentId: string,
    @Arg('deadline', () => Date, { nullable: true }) deadline?: Date | null,
  ) {
    return assignments.extendDeadline(ctx, assignmentId, deadline ?? null);
  }

  @Mutation(() => Assignment, { description: 'ORGANIZER. A new respondent link; the old one stops working.' })
  rotateRespondentLink(@Ctx() ctx: Context, @Arg('assignmentId', () => ID) assignmentId: string) {
    return assignments.rotateLink(ctx, assignmentId);
  }

  @Mutation(() => Assignment, { description: 'ORGANIZER. The link stops working (rotate to issue a new one).' })
  revokeRespondentLink(@Ctx() ctx: Context, @Arg('assignmentId', () => ID) assignmentId: string) {
    return assignments.revokeLink(ctx, assignmentId);
  }
}

/** Per request (keyed by its loaders): the history of a page of assignments in one query. */
const historyLoaders = new WeakMap<object, DataLoader<number, Submission[]>>();

function historyLoader(ctx: Context): DataLoader<number, Submission[]> {
  let loader = historyLoaders.get(ctx.loaders);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const found = await historyOf(ctx.em, ids);
      return ids.map((id) => found.get(id) ?? []);
    });
    historyLoaders.set(ctx.loaders, loader);
  }
  return loader;
}

@Resolver(() => Assignment)
export class AssignmentResolver {
  @FieldResolver(() => [Unit], {
    description:
      'The units from the top of the tree down to this one as they stood when it was assigned (a later move does not change it).',
  })
  async assignedPath(@Root() assignment: assignments.AssignmentRow, @Ctx() ctx: Context): Promise<UnitRow[]> {
    const ids = assignment.unitPath.split('.').map(Number);
    const units = await ctx.loaders.unit.loadMany(ids);
    return units.filter((u): u is UnitRow => u !== null && !(u instanceof Error));
  }

  @FieldResolver(() => [Submission], {
    description:
      'Every submission of the unit’s response, oldest first: the first, then each amendment with what changed.',
  })
  history(@Root() assignment: Assignment, @Ctx() ctx: Context): Promise<Submission[]> {
    return historyLoader(ctx).load(assignment.id);
  }

  @FieldResolver(() => Unit, { nullable: true })
  unit(@Root() assignment: Assignment, @Ctx() ctx: Context): Promise<UnitRow | null> {
    return ctx.loaders.unit.load(assignment.unitId);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'ORGANIZER and ADMIN only: the respondent link (null when revoked).',
  })
  link(@Root() assignment: assignments.AssignmentRow, @Ctx() ctx: Context): string | null {
    if (!assignment.selector || ctx.viewer?.role === 'ANALYST') return null;
    return assignments.respondentUrl(ctx, assignment.selector);
  }
}
