import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../graphql/context.ts';
import * as respond from './respond.service.ts';
import { DraftSaved, Receipt, RespondentQuestionnaire } from './survey.types.ts';

const versionArg = {
  nullable: true,
  description: 'The questionnaire version the form shows (questionnaire.version.number).',
} as const;

/** The respondent side: everything by the unit's link token; no account, no cookie. */
@Resolver()
export class RespondResolver {
  @Query(() => RespondentQuestionnaire, {
    description:
      'What a respondent link opens. Errors: LINK_INVALID, LINK_REVOKED, LINK_REPLACED, ASSIGNMENT_WITHDRAWN, SURVEY_NOT_OPEN.',
  })
  questionnaire(@Ctx() ctx: Context, @Arg('token', () => String) token: string) {
    return respond.openQuestionnaire(ctx, token);
  }

  @Mutation(() => DraftSaved, {
    description:
      'Saves partial answers (type checks only, against versionNumber when given, else the current version). Autosave-friendly.',
  })
  saveDraft(
    @Ctx() ctx: Context,
    @Arg('token', () => String) token: string,
    @Arg('answers', () => GraphQLJSONObject) answers: Record<string, unknown>,
    @Arg('versionNumber', () => Int, versionArg) versionNumber?: number | null,
  ) {
    return respond.saveDraft(ctx, token, answers, versionNumber);
  }

  @Mutation(() => Receipt, {
    description:
      'Submits the unit’s response, exactly once. Every problem comes back at once, one error each with extensions.code ' +
      '(REQUIRED, OUT_OF_RANGE, TOO_LONG, NOT_AN_OPTION, HIDDEN_QUESTION_ANSWERED …) and extensions.questionKey. ' +
      'Retrying with the same idempotencyKey returns the same receipt. VERSION_CHANGED when versionNumber is not the current version.',
  })
  submitResponse(
    @Ctx() ctx: Context,
    @Arg('token', () => String) token: string,
    @Arg('answers', () => GraphQLJSONObject) answers: Record<string, unknown>,
    @Arg('submittedBy', () => String) submittedBy: string,
    @Arg('idempotencyKey', () => String) idempotencyKey: string,
    @Arg('versionNumber', () => Int, versionArg) versionNumber?: number | null,
  ) {
    return respond.submitResponse(ctx, token, answers, submittedBy, idempotencyKey, 'submit', versionNumber);
  }

  @Mutation(() => Receipt, {
    description: 'Amends a submitted response until the deadline, when the survey allows it. Kept in history.',
  })
  amendResponse(
    @Ctx() ctx: Context,
    @Arg('token', () => String) token: string,
    @Arg('answers', () => GraphQLJSONObject) answers: Record<string, unknown>,
    @Arg('submittedBy', () => String) submittedBy: string,
    @Arg('idempotencyKey', () => String) idempotencyKey: string,
    @Arg('versionNumber', () => Int, versionArg) versionNumber?: number | null,
  ) {
    return respond.submitResponse(ctx, token, answers, submittedBy, idempotencyKey, 'amend', versionNumber);
  }
}
