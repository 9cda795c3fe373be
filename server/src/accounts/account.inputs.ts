import { Field, ID, InputType, Int } from 'type-graphql';
import { RoleEnum } from './account.types.ts';

@InputType()
export class CreateAccountInput {
  @Field(() => String, { description: 'Lowercase letters, digits, . _ - (2–64).' })
  username!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => RoleEnum)
  role!: RoleEnum;

  @Field(() => ID, { nullable: true, description: 'Required except for ADMIN.' })
  scopeUnitId?: string | null;

  @Field(() => String, { description: 'At least 10 characters.' })
  password!: string;
}

@InputType({ description: 'Only the fields given change. Disabling signs the account out everywhere.' })
export class UpdateAccountInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  displayName?: string | null;

  @Field(() => RoleEnum, { nullable: true })
  role?: RoleEnum | null;

  @Field(() => ID, { nullable: true })
  scopeUnitId?: string | null;

  @Field(() => Boolean, { nullable: true })
  disabled?: boolean | null;
}

@InputType()
export class CreateApiTokenInput {
  @Field(() => String, { description: 'What the token is for, e.g. "Jupyter — báo cáo sơ kết".' })
  name!: string;

  @Field(() => Int, { nullable: true, defaultValue: 90, description: 'Days until it expires (1–365).' })
  expiresInDays?: number;
}
