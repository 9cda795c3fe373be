import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { connectionType } from '../graphql/connection.ts';
import type { Context } from '../graphql/context.ts';
import type { UnitRow } from '../units/unit.repository.ts';
import { Unit } from '../units/unit.types.ts';
import { CreateAccountInput, CreateApiTokenInput, UpdateAccountInput } from './account.inputs.ts';
import * as accounts from './account.service.ts';
import { AccountType, ApiTokenType, CreatedApiToken } from './account.types.ts';
import { signIn, signOut } from './auth.service.ts';

const AccountConnection = connectionType('Account', AccountType);

@Resolver(() => AccountType)
export class AccountResolver {
  @Query(() => AccountType, { nullable: true, description: 'The signed-in account, or null.' })
  viewer(@Ctx() ctx: Context): Promise<AccountType | null> {
    return accounts.me(ctx);
  }

  @Query(() => AccountConnection, { description: 'ADMIN. Every account, by username.' })
  accounts(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return accounts.listAccounts(ctx, first, after);
  }

  @Query(() => [ApiTokenType], { description: 'Your personal API tokens (without their secrets).' })
  apiTokens(@Ctx() ctx: Context): Promise<ApiTokenType[]> {
    return accounts.listApiTokens(ctx);
  }

  @FieldResolver(() => Unit, { nullable: true, description: 'Null for an ADMIN: the whole tree.' })
  async scopeUnit(@Root() account: AccountType, @Ctx() ctx: Context): Promise<UnitRow | null> {
    return account.scopeUnitId === null ? null : ctx.loaders.unit.load(account.scopeUnitId);
  }

  @Mutation(() => AccountType, {
    description:
      'Signs in with username and password and sets the session cookie. Rate-limited; BAD_CREDENTIALS on any mismatch.',
  })
  async signIn(
    @Ctx() ctx: Context,
    @Arg('username', () => String) username: string,
    @Arg('password', () => String) password: string,
  ): Promise<AccountType> {
    const accountId = await signIn(ctx, username, password, ctx.userAgent);
    return accounts.accountById(ctx, accountId);
  }

  @Mutation(() => Boolean, { description: 'Ends this session at once and clears the cookie.' })
  signOut(@Ctx() ctx: Context): Promise<boolean> {
    return signOut(ctx);
  }

  @Mutation(() => Boolean, { description: 'Your own password; your other sessions are signed out.' })
  changePassword(
    @Ctx() ctx: Context,
    @Arg('currentPassword', () => String) currentPassword: string,
    @Arg('newPassword', () => String) newPassword: string,
  ): Promise<boolean> {
    return accounts.changePassword(ctx, currentPassword, newPassword);
  }

  @Mutation(() => CreatedApiToken, { description: 'A personal API token for scripts: shown once, stored hashed.' })
  createApiToken(@Ctx() ctx: Context, @Arg('input', () => CreateApiTokenInput) input: CreateApiTokenInput) {
    return accounts.createApiToken(ctx, input);
  }

  @Mutation(() => ApiTokenType, { description: 'Revokes one of your tokens (ADMIN: anyone’s), effective at once.' })
  revokeApiToken(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<ApiTokenType> {
    return accounts.revokeApiToken(ctx, id);
  }

  @Mutation(() => AccountType, { description: 'ADMIN.' })
  createAccount(@Ctx() ctx: Context, @Arg('input', () => CreateAccountInput) input: CreateAccountInput) {
    return accounts.createAccount(ctx, input);
  }

  @Mutation(() => AccountType, { description: 'ADMIN. Disabling signs the account out and revokes its tokens.' })
  updateAccount(@Ctx() ctx: Context, @Arg('input', () => UpdateAccountInput) input: UpdateAccountInput) {
    return accounts.updateAccount(ctx, input);
  }

  @Mutation(() => Boolean, { description: 'ADMIN. Sets a new password and signs the account out everywhere.' })
  resetAccountPassword(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('password', () => String) password: string,
  ): Promise<boolean> {
    return accounts.resetAccountPassword(ctx, id, password);
  }
}
