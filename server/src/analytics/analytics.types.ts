import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { connectionType } from '../graphql/connection.ts';

@InputType({ description: 'Only units whose answer to a question matches (e.g. "only units that held the study").' })
export class AnswerFilterInput {
  @Field(() => String)
  questionKey!: string;

  @Field(() => String, { description: 'equals, one_of, gt, gte, lt, lte.' })
  op!: string;

  @Field(() => [String], { description: 'Option keys, `yes`/`no`, or numbers as text.' })
  values!: string[];
}

@InputType()
export class AnalyticsFilterInput {
  @Field(() => [String], { nullable: true, description: 'Only units of these kinds.' })
  unitKinds?: string[] | null;

  @Field(() => AnswerFilterInput, { nullable: true })
  answer?: AnswerFilterInput | null;
}

/** What a figure rests on. */
@ObjectType()
export class Basis {
  @Field(() => Int, { description: 'Submitted responses counted.' })
  responses!: number;

  @Field(() => [Int], { description: 'Questionnaire versions those responses answered.' })
  versions!: number[];
}

@ObjectType({ description: 'Response progress of one group (a unit at the chosen level), or the total.' })
export class ProgressGroup {
  @Field(() => ID, { nullable: true, description: 'The group unit; null for the total.' })
  unitId!: number | null;

  @Field(() => String, { nullable: true })
  unitName!: string | null;

  @Field(() => String, { nullable: true })
  unitCode!: string | null;

  @Field(() => Int)
  assigned!: number;

  @Field(() => Int)
  submitted!: number;

  @Field(() => Int, { description: 'A draft saved, not submitted.' })
  drafts!: number;

  @Field(() => Int, { description: 'Opened the link, nothing saved.' })
  opened!: number;

  @Field(() => Int, { description: 'Never opened the link.' })
  notOpened!: number;

  @Field(() => Int)
  submittedOnTime!: number;

  @Field(() => Int)
  submittedLate!: number;

  @Field(() => Float, { description: 'submitted / assigned (0 when none assigned).' })
  rate!: number;
}

@ObjectType()
export class ProgressReport {
  @Field(() => ProgressGroup)
  total!: ProgressGroup;

  @Field(() => [ProgressGroup], { description: 'One per unit at the chosen level, by name.' })
  groups!: ProgressGroup[];
}

@ObjectType()
export class OptionCount {
  @Field(() => String, { description: 'Option key (`yes`/`no` for yes/no; the point for a scale).' })
  key!: string;

  @Field(() => String, { nullable: true })
  label!: string | null;

  @Field(() => Int)
  count!: number;

  @Field(() => Float, { description: 'count / responses answering (for multiple choice: share of units ticking it).' })
  share!: number;
}

@ObjectType()
export class ChoiceGroup {
  @Field(() => ID, { nullable: true })
  unitId!: number | null;

  @Field(() => String, { nullable: true })
  unitName!: string | null;

  @Field(() => Int, { description: 'Responses that answered the question.' })
  responses!: number;

  @Field(() => [OptionCount])
  options!: OptionCount[];

  @Field(() => [String], { description: '"Other (please specify)" texts (up to 50).' })
  otherTexts!: string[];

  @Field(() => Float, { nullable: true, description: 'Mean of a scale (null for other types).' })
  mean!: number | null;
}

@ObjectType()
export class ChoiceBreakdown {
  @Field(() => Basis, { description: 'The responses the total rests on and their questionnaire versions.' })
  basis!: Basis;

  @Field(() => ChoiceGroup)
  total!: ChoiceGroup;

  @Field(() => [ChoiceGroup])
  groups!: ChoiceGroup[];
}

@ObjectType({ description: 'One bar of a histogram: values in [from, to) (the last bin includes `to`).' })
export class HistogramBin {
  @Field(() => Float)
  from!: number;

  @Field(() => Float)
  to!: number;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class NumberGroup {
  @Field(() => ID, { nullable: true })
  unitId!: number | null;

  @Field(() => String, { nullable: true })
  unitName!: string | null;

  @Field(() => Int)
  count!: number;

  @Field(() => Float, { nullable: true })
  sum!: number | null;

  @Field(() => Float, { nullable: true })
  mean!: number | null;

  @Field(() => Float, { nullable: true })
  min!: number | null;

  @Field(() => Float, { nullable: true })
  max!: number | null;

  @Field(() => Float, { nullable: true })
  q1!: number | null;

  @Field(() => Float, { nullable: true })
  median!: number | null;

  @Field(() => Float, { nullable: true })
  q3!: number | null;

  @Field(() => [HistogramBin], {
    description:
      'Counts in `bins` equal bins between the minimum and maximum of the whole scope (the same bins for every group), computed in the same statement.',
  })
  histogram!: HistogramBin[];
}

@ObjectType()
export class NumberBreakdown {
  @Field(() => Basis, { description: 'The responses the total rests on and their questionnaire versions.' })
  basis!: Basis;

  @Field(() => NumberGroup)
  total!: NumberGroup;

  @Field(() => [NumberGroup])
  groups!: NumberGroup[];
}

@ObjectType()
export class MonthCount {
  @Field(() => String, { description: 'YYYY-MM.' })
  month!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class DateGroup {
  @Field(() => ID, { nullable: true })
  unitId!: number | null;

  @Field(() => String, { nullable: true })
  unitName!: string | null;

  @Field(() => Int)
  count!: number;

  @Field(() => String, { nullable: true })
  earliest!: string | null;

  @Field(() => String, { nullable: true })
  latest!: string | null;

  @Field(() => [MonthCount])
  byMonth!: MonthCount[];
}

@ObjectType()
export class DateBreakdown {
  @Field(() => Basis, { description: 'The responses the total rests on and their questionnaire versions.' })
  basis!: Basis;

  @Field(() => DateGroup)
  total!: DateGroup;

  @Field(() => [DateGroup])
  groups!: DateGroup[];
}

@ObjectType()
export class IndicatorGroup {
  @Field(() => ID, { nullable: true })
  unitId!: number | null;

  @Field(() => String, { nullable: true })
  unitName!: string | null;

  @Field(() => Float, { nullable: true })
  numerator!: number | null;

  @Field(() => Float, { nullable: true })
  denominator!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'numerator / denominator (×100 for percentages), rounded to 0.1.',
  })
  value!: number | null;

  @Field(() => Int)
  responses!: number;
}

@ObjectType({ description: 'A named ratio of sums, by group and in total.' })
export class IndicatorStats {
  @Field(() => String)
  key!: string;

  @Field(() => String)
  label!: string;

  @Field(() => String, { nullable: true })
  labelEn!: string | null;

  @Field(() => Boolean)
  percent!: boolean;

  @Field(() => IndicatorGroup)
  total!: IndicatorGroup;

  @Field(() => Basis, { description: 'The responses the total rests on and their questionnaire versions.' })
  basis!: Basis;

  @Field(() => [IndicatorGroup])
  groups!: IndicatorGroup[];
}

@ObjectType()
export class CrossTabCell {
  @Field(() => String)
  row!: string;

  @Field(() => String)
  column!: string;

  @Field(() => Int)
  count!: number;

  @Field(() => Float, { description: 'count / row total.' })
  rowShare!: number;

  @Field(() => Float, { description: 'count / column total.' })
  columnShare!: number;
}

@ObjectType({ description: 'Counts of units by their answers to two questions.' })
export class CrossTab {
  @Field(() => [String])
  rows!: string[];

  @Field(() => [String])
  columns!: string[];

  @Field(() => [CrossTabCell])
  cells!: CrossTabCell[];

  @Field(() => Int, { description: 'Responses that answered both.' })
  responses!: number;

  @Field(() => Basis, { description: 'The responses the table rests on and their questionnaire versions.' })
  basis!: Basis;
}

@ObjectType()
export class TextAnswer {
  @Field(() => String)
  text!: string;

  @Field(() => String)
  unitName!: string;

  @Field(() => String)
  unitCode!: string;

  @Field(() => [String], { description: 'Names from the top of the tree down to the unit.' })
  pathNames!: string[];

  @Field(() => Date)
  submittedAt!: Date;
}

export const TextAnswerConnection = connectionType('TextAnswer', TextAnswer);

@ObjectType({ description: 'Statistics of one question. Each field is one SQL statement.' })
export class QuestionStats {
  @Field(() => String)
  key!: string;

  @Field(() => String)
  type!: string;

  @Field(() => String)
  label!: string;
}

@ObjectType({
  description: 'Analytics of a survey within a scope, grouped at a level. Each field is one SQL statement.',
})
export class SurveyAnalytics {
  @Field(() => ID)
  surveyId!: number;

  @Field(() => Int, { description: 'The level groups are taken at (province = 1, district = 2 …).' })
  level!: number;

  @Field(() => String)
  title!: string;

  @Field(() => GraphQLJSONObject, { description: 'The questionnaire of the current version.' })
  content!: Record<string, unknown>;

  @Field(() => Int, {
    description: 'The deepest level of the assigned units (the levels to group by go from the scope’s down to this).',
  })
  deepestLevel!: number;

  @Field(() => Int, { description: 'The level of the scope unit.' })
  scopeLevel!: number;
}

@ObjectType({ description: 'A survey with units assigned in the analyst’s scope, and its progress there.' })
export class AnalyticsSurvey {
  @Field(() => ID)
  id!: number;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  status!: string;

  @Field(() => Date, { nullable: true })
  closesAt!: Date | null;

  @Field(() => Int, { description: 'Units assigned in your scope (withdrawn ones not counted).' })
  assigned!: number;

  @Field(() => Int, { description: 'Of those, submitted.' })
  submitted!: number;

  // Cursor key.
  createdAt!: Date;
}

export const AnalyticsSurveyConnection = connectionType('AnalyticsSurvey', AnalyticsSurvey);
