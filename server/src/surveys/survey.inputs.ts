import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { ReviewKind } from './survey.types.ts';

@InputType()
export class SurveyDocumentInput {
  @Field(() => String)
  code!: string;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  kind?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  signedOn?: string | null;
}

@InputType()
export class CreateSurveyInput {
  @Field(() => String)
  title!: string;

  @Field(() => ID, { description: 'The organizing unit; must be in your scope.' })
  ownerUnitId!: string;

  @Field(() => ReviewKind)
  reviewKind!: ReviewKind;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  instructions?: string | null;

  @Field(() => SurveyDocumentInput, { nullable: true })
  document?: SurveyDocumentInput | null;

  @Field(() => Date, { nullable: true })
  opensAt?: Date | null;

  @Field(() => Date, { nullable: true })
  closesAt?: Date | null;

  @Field(() => Boolean, { nullable: true, defaultValue: true })
  allowAmend?: boolean;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The questionnaire { sections: [...] }.' })
  content?: Record<string, unknown> | null;
}

@InputType({ description: 'Only the fields given change.' })
export class UpdateSurveyInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  instructions?: string | null;

  @Field(() => SurveyDocumentInput, { nullable: true })
  document?: SurveyDocumentInput | null;

  @Field(() => ReviewKind, { nullable: true })
  reviewKind?: ReviewKind | null;

  @Field(() => Date, { nullable: true })
  opensAt?: Date | null;

  @Field(() => Date, { nullable: true })
  closesAt?: Date | null;

  @Field(() => Boolean, { nullable: true })
  allowAmend?: boolean | null;

  @Field(() => GraphQLJSONObject, { nullable: true })
  content?: Record<string, unknown> | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'With content on an OPEN survey: publish it at once as a new version (else VERSION_FROZEN).',
  })
  newVersion?: boolean | null;
}

@InputType({
  description: 'Which units to assign: listed ones, and/or every unit under a subtree matching kinds and levels.',
})
export class AssignSurveyInput {
  @Field(() => ID)
  surveyId!: string;

  @Field(() => [ID], { nullable: true })
  unitIds?: string[] | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Every unit under this one (not itself) that matches kindCodes and levels.',
  })
  underId?: string | null;

  @Field(() => [String], { nullable: true })
  kindCodes?: string[] | null;

  @Field(() => [Int], { nullable: true })
  levels?: number[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only count: how many units would be added and how many are assigned already; nothing changes.',
  })
  dryRun?: boolean | null;
}
