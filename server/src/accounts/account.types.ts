import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum RoleEnum {
  ADMIN = 'ADMIN',
  ORGANIZER = 'ORGANIZER',
  ANALYST = 'ANALYST',
}
registerEnumType(RoleEnum, {
  name: 'Role',
  description:
    'ADMIN: everything. ORGANIZER: creates surveys and conferences within its scope. ANALYST: reads results within its scope.',
});

@ObjectType({ description: 'A person who signs in. Sees and acts only on the subtree of its scope unit.' })
export class AccountType {
  @Field(() => ID)
  id!: number;

  @Field(() => String)
  username!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => RoleEnum)
  role!: RoleEnum;

  @Field(() => Date, { nullable: true })
  disabledAt!: Date | null;

  @Field(() => Date)
  createdAt!: Date;

  /** Resolved into `scopeUnit` by AccountResolver. */
  scopeUnitId!: number | null;
}

@ObjectType('ApiToken', { description: 'A personal API token. Its secret is shown once, when created.' })
export class ApiTokenType {
  @Field(() => ID)
  id!: number;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'The first characters, to tell tokens apart (dcp_xxxx…).' })
  hint!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => Date, { nullable: true })
  lastUsedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;
}

@ObjectType()
export class CreatedApiToken {
  @Field(() => String, { description: 'The whole token: copy it now, it is never shown again.' })
  token!: string;

  @Field(() => ApiTokenType)
  apiToken!: ApiTokenType;
}
