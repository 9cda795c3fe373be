import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType } from '../graphql/connection.ts';

export enum SurveyStatus {
  DRAFT = 'DRAFT',
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(SurveyStatus, {
  name: 'SurveyStatus',
  description: 'DRAFT (editable) → OPEN (published, content frozen as a version) → CLOSED (no more writes) → ARCHIVED.',
});

export enum ReviewKind {
  PRELIMINARY = 'PRELIMINARY',
  FINAL = 'FINAL',
  ANNUAL = 'ANNUAL',
}
registerEnumType(ReviewKind, {
  name: 'ReviewKind',
  description: 'Sơ kết (preliminary), tổng kết (final), hằng năm (annual).',
});

export enum AssignmentState {
  NOT_OPENED = 'NOT_OPENED',
  OPENED = 'OPENED',
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  AMENDED = 'AMENDED',
}
registerEnumType(AssignmentState, {
  name: 'AssignmentState',
  description: 'Where a unit is: link not opened, opened, a draft saved, submitted, or submitted and then amended.',
});

export enum SubmissionKind {
  FIRST = 'FIRST',
  AMENDMENT = 'AMENDMENT',
}
registerEnumType(SubmissionKind, {
  name: 'SubmissionKind',
  description: 'The first submission of a response, or a later amendment of it.',
});

export enum LinkStatus {
  ACTIVE = 'ACTIVE',
  REVOKED = 'REVOKED',
}
registerEnumType(LinkStatus, { name: 'LinkStatus' });

export enum RespondentClosedReason {
  NOT_OPEN_YET = 'NOT_OPEN_YET',
  CLOSED = 'CLOSED',
  DEADLINE_PASSED = 'DEADLINE_PASSED',
}
registerEnumType(RespondentClosedReason, {
  name: 'RespondentClosedReason',
  description: 'Why a respondent link cannot be written to now.',
  valuesConfig: {
    NOT_OPEN_YET: { description: 'Published, but the opening time is still ahead (see opensAt).' },
    CLOSED: { description: 'Closed or archived by the organizer.' },
    DEADLINE_PASSED: { description: 'This unit’s deadline (with its extension, if any) has passed.' },
  },
});

@ObjectType({ description: 'The document under review, e.g. 21-KL/TW.' })
export class SurveyDocument {
  @Field(() => String, { description: 'Code such as 21-KL/TW or 13-KH/TU.' })
  code!: string;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => String, { nullable: true, description: 'RESOLUTION, DIRECTIVE, CONCLUSION, REGULATION, PLAN …' })
  kind!: string | null;

  @Field(() => String, { nullable: true, description: 'Signing date, YYYY-MM-DD.' })
  signedOn!: string | null;
}

@ObjectType({ description: 'A published, immutable version of a questionnaire.' })
export class SurveyVersion {
  @Field(() => ID)
  id!: number;

  @Field(() => Int)
  number!: number;

  @Field(() => GraphQLJSONObject, {
    description: 'The questionnaire: { sections: [...] } (see README, "Questionnaire format").',
  })
  content!: Record<string, unknown>;

  @Field(() => Date)
  publishedAt!: Date;
}

@ObjectType({ description: 'Counts of the units assigned, by state.' })
export class SurveyProgress {
  @Field(() => Int)
  assigned!: number;

  @Field(() => Int)
  notOpened!: number;

  @Field(() => Int)
  opened!: number;

  @Field(() => Int)
  draft!: number;

  @Field(() => Int, { description: 'Submitted, amended or not.' })
  submitted!: number;

  @Field(() => Int)
  amended!: number;
}

@ObjectType({ description: 'A fact-finding questionnaire sent to units before a review.' })
export class Survey {
  @Field(() => ID)
  id!: number;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  description!: string;

  @Field(() => String)
  instructions!: string;

  @Field(() => SurveyDocument, { nullable: true })
  document!: SurveyDocument | null;

  @Field(() => ReviewKind)
  reviewKind!: ReviewKind;

  @Field(() => SurveyStatus)
  status!: SurveyStatus;

  @Field(() => Date, { nullable: true })
  opensAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'The deadline; single units may be given later ones.' })
  closesAt!: Date | null;

  @Field(() => Boolean, { description: 'Whether a unit may amend its response until its deadline.' })
  allowAmend!: boolean;

  @Field(() => GraphQLJSONObject, { description: 'The working copy of the questionnaire (editable while DRAFT).' })
  draftContent!: Record<string, unknown>;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;

  // Resolved by SurveyResolver: ownerUnit, currentVersion, versions, progress.
  ownerUnitId!: number;
  currentVersionId!: number | null;
}

export const SurveyConnection = connectionType('Survey', Survey);

@ObjectType({ description: 'A unit asked to answer a survey, once.' })
export class Assignment {
  @Field(() => ID)
  id!: number;

  @Field(() => AssignmentState)
  state!: AssignmentState;

  @Field(() => Int, { description: 'Depth of the unit when it was assigned.' })
  unitLevel!: number;

  @Field(() => Date, { nullable: true, description: 'This unit’s deadline: its own extension, or the survey’s.' })
  deadline!: Date | null;

  @Field(() => Boolean, { description: 'Whether the unit was given a later deadline than the survey’s.' })
  deadlineExtended!: boolean;

  @Field(() => Date)
  assignedAt!: Date;

  @Field(() => Date, { nullable: true })
  firstOpenedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  draftSavedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the response was first submitted (amendments keep it).' })
  firstSubmittedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the latest submission or amendment was made.' })
  submittedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'The name the respondent typed when submitting.' })
  submittedBy!: string | null;

  @Field(() => String, { nullable: true })
  receiptNumber!: string | null;

  @Field(() => Int)
  amendmentCount!: number;

  @Field(() => LinkStatus)
  linkStatus!: LinkStatus;

  // Resolved: unit, link.
  unitId!: number;
  surveyId!: number;
}

export const AssignmentConnection = connectionType('Assignment', Assignment);

@ObjectType()
export class AssignResult {
  @Field(() => Int, { description: 'Units newly assigned (or assigned again after a withdrawal).' })
  added!: number;

  @Field(() => Int, { description: 'Units that were already assigned.' })
  alreadyAssigned!: number;
}

@ObjectType({ description: 'Proof of a submission.' })
export class Receipt {
  @Field(() => String)
  number!: string;

  @Field(() => Date)
  submittedAt!: Date;

  @Field(() => String)
  submittedBy!: string;

  @Field(() => Int, { description: 'The questionnaire version answered.' })
  versionNumber!: number;

  @Field(() => Boolean, { description: 'True for an amendment of an earlier submission.' })
  amendment!: boolean;
}

@ObjectType({ description: 'One submission of a response: the first, or an amendment, with what it changed.' })
export class Submission {
  @Field(() => SubmissionKind)
  kind!: SubmissionKind;

  @Field(() => String)
  receiptNumber!: string;

  @Field(() => Date)
  submittedAt!: Date;

  @Field(() => String, { description: 'The name the respondent typed.' })
  submittedBy!: string;

  @Field(() => Int, { description: 'The questionnaire version answered.' })
  versionNumber!: number;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description:
      'Amendments: question key → { before, after } for every answer changed. Null for the first submission.',
  })
  changes!: Record<string, unknown> | null;
}

@ObjectType({ description: 'A saved draft.' })
export class DraftSaved {
  @Field(() => Date)
  savedAt!: Date;

  @Field(() => Int, {
    description: 'The version respondents answer now: when it is not the one the form shows, reload the questionnaire.',
  })
  versionNumber!: number;
}

@ObjectType({ description: 'The unit a respondent link is for.' })
export class RespondentUnit {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [String], { description: 'Names from the top of the tree down to the unit.' })
  pathNames!: string[];
}

@ObjectType({ description: 'What a respondent link opens: the questionnaire, for one unit.' })
export class RespondentQuestionnaire {
  @Field(() => String)
  title!: string;

  @Field(() => String)
  description!: string;

  @Field(() => String)
  instructions!: string;

  @Field(() => SurveyDocument, { nullable: true })
  document!: SurveyDocument | null;

  @Field(() => ReviewKind)
  reviewKind!: ReviewKind;

  @Field(() => SurveyVersion)
  version!: SurveyVersion;

  @Field(() => RespondentUnit)
  unit!: RespondentUnit;

  @Field(() => Date, { nullable: true, description: 'When the survey opens for answers.' })
  opensAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'This unit’s deadline: its own extension, or the survey’s.' })
  deadline!: Date | null;

  @Field(() => AssignmentState)
  state!: AssignmentState;

  @Field(() => GraphQLJSONObject, { description: 'The saved draft, or the submitted answers.' })
  answers!: Record<string, unknown>;

  @Field(() => Date, { nullable: true })
  draftSavedAt!: Date | null;

  @Field(() => Receipt, { nullable: true, description: 'The latest submission’s receipt.' })
  receipt!: Receipt | null;

  @Field(() => Boolean, { description: 'Whether answers can still be saved or submitted.' })
  writable!: boolean;

  @Field(() => RespondentClosedReason, {
    nullable: true,
    description: 'Why nothing can be written now; null while writable.',
  })
  closedReason!: RespondentClosedReason | null;

  @Field(() => Boolean, { description: 'Whether a submitted response may still be amended.' })
  canAmend!: boolean;
}
