import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'Which units to list. All conditions apply together.' })
export class UnitsFilter {
  @Field(() => ID, { nullable: true, description: 'Only the children of this unit.' })
  parentId?: number | null;

  @Field(() => ID, { nullable: true, description: 'Only this unit and everything under it.' })
  underId?: number | null;

  @Field(() => Int, { nullable: true, description: 'Only units at this depth (root = 1).' })
  level?: number | null;

  @Field(() => [String], { nullable: true, description: 'Only units of these kinds.' })
  kindCodes?: string[] | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  includeArchived?: boolean;
}

@InputType()
export class CreateUnitInput {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  kindCode!: string;

  @Field(() => ID, { nullable: true, description: 'Omit for a root unit.' })
  parentId?: number | null;
}

@InputType({ description: 'Only the fields given change. A new parent moves the whole subtree.' })
export class UpdateUnitInput {
  @Field(() => ID)
  id!: number;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  kindCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'The new parent; null moves the unit to the top of the tree.' })
  parentId?: number | null;
}

@InputType()
export class CreateUnitKindInput {
  @Field(() => String, { description: 'UPPER_SNAKE_CASE, e.g. YOUTH_UNION.' })
  code!: string;

  @Field(() => String)
  nameVi!: string;

  @Field(() => String)
  nameEn!: string;

  @Field(() => Int, { nullable: true })
  sortOrder?: number | null;
}
