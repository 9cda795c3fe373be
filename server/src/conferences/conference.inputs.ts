import { Field, ID, InputType, Int } from 'type-graphql';
import { ConferenceStatus } from './conference.types.ts';

@InputType()
export class ConferenceDocumentInput {
  @Field(() => String, { description: 'Code such as 21-KL/TW or 13-KH/TU.' })
  code!: string;

  @Field(() => String)
  title!: string;
}

@InputType()
export class CreateConferenceInput {
  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [ConferenceDocumentInput], { nullable: true, description: 'The documents studied (up to 20).' })
  documents?: ConferenceDocumentInput[] | null;

  @Field(() => ID, { description: 'The unit that convenes it; must be within your scope.' })
  organizingUnitId!: string;

  @Field(() => Date)
  scheduledStartAt!: Date;

  @Field(() => Date)
  scheduledEndAt!: Date;
}

@InputType({ description: 'Only the fields given change. Not after the conference has ENDED.' })
export class UpdateConferenceInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [ConferenceDocumentInput], { nullable: true })
  documents?: ConferenceDocumentInput[] | null;

  @Field(() => Date, { nullable: true })
  scheduledStartAt?: Date | null;

  @Field(() => Date, { nullable: true })
  scheduledEndAt?: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'Lets anyone read the big numbers (`publicLiveCounter`).' })
  publicCounter?: boolean | null;
}

@InputType()
export class ConferencesFilter {
  @Field(() => ConferenceStatus, { nullable: true })
  status?: ConferenceStatus | null;

  @Field(() => ID, { nullable: true, description: 'Only conferences organized by this unit or units under it.' })
  underUnitId?: string | null;
}

@InputType()
export class CreateBridgePointInput {
  @Field(() => ID)
  conferenceId!: string;

  @Field(() => ID, { description: 'A unit at or under the organizing unit.' })
  unitId!: string;

  @Field(() => String, { nullable: true, description: 'Defaults to the unit’s name.' })
  displayName?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Makes this the host bridge point (the previous host is not).' })
  host?: boolean | null;

  @Field(() => Int, { nullable: true })
  expectedHeadcount?: number | null;
}

@InputType({ description: 'One bridge point for every unit of the given kinds at or under a unit, in one call.' })
export class CreateBridgePointsForUnitsInput {
  @Field(() => ID)
  conferenceId!: string;

  @Field(() => ID, { description: 'At or under the organizing unit.' })
  underUnitId!: string;

  @Field(() => [String], { description: 'Unit kind codes, e.g. ["COMMUNE_COMMITTEE"].' })
  kindCodes!: string[];

  @Field(() => Int, { nullable: true, description: 'Expected headcount of each new bridge point.' })
  expectedHeadcount?: number | null;
}

@InputType({ description: 'Only the fields given change.' })
export class UpdateBridgePointInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  displayName?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true makes it the host (the previous host is not).' })
  host?: boolean | null;

  @Field(() => Int, { nullable: true })
  expectedHeadcount?: number | null;
}
