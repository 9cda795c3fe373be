import { usernamePattern } from '@diemcau/schema';
import { pgError, UNIQUE_VIOLATION } from '../db/pg-errors.ts';
import { query, queryOne, sql } from '../db/sql.ts';
import { AppError, BadUserInputError, NotFoundError } from '../graphql/app-error.ts';
import { connectionFrom, decodeCursor, pageSize } from '../graphql/connection.ts';
import type { Context } from '../graphql/context.ts';
import { toId } from '../graphql/ids.ts';
import { hashPassword, passwordMessage, verifyPassword } from '../security/passwords.ts';
import { issueToken } from '../security/tokens.ts';
import { getUnit } from '../units/unit.service.ts';
import { requireRole, requireViewer } from './access.ts';
import { type Role, roles } from './account.entity.ts';
import type { CreateAccountInput, CreateApiTokenInput, UpdateAccountInput } from './account.inputs.ts';
import type { AccountType, ApiTokenType } from './account.types.ts';
import { revokeAllCredentials, revokeSessions } from './auth.service.ts';
import { credentialsEnded } from './credential-events.ts';

const accountColumns = sql`id, username, display_name as "displayName", role, scope_unit_id as "scopeUnitId",
  disabled_at as "disabledAt", created_at as "createdAt"`;
const tokenColumns = sql`id, name, 'dcp_' || left(selector, 4) || '…' as hint, created_at as "createdAt",
  expires_at as "expiresAt", last_used_at as "lastUsedAt", revoked_at as "revokedAt"`;

export async function accountById(ctx: Context, id: number): Promise<AccountType> {
  const row = await queryOne<AccountType>(ctx.em, sql`select ${accountColumns} from account where id = ${id}`);
  if (!row) throw new NotFoundError('Account', { field: 'id' });
  return row;
}

export async function me(ctx: Context): Promise<AccountType | null> {
  return ctx.viewer ? accountById(ctx, ctx.viewer.accountId) : null;
}

export async function listAccounts(ctx: Context, first?: number | null, after?: string | null) {
  requireRole(ctx, 'ADMIN');
  const limit = pageSize(first);
  const cursor = decodeCursor(after, ['string', 'number']) as [string, number] | null;
  const rows = await query<AccountType>(
    ctx.em,
    sql`select ${accountColumns} from account
         ${cursor ? sql`where (lower(username), id) > (${cursor[0]}, ${cursor[1]})` : sql``}
         order by lower(username), id limit ${limit + 1}`,
  );
  const total = await queryOne<{ n: number }>(ctx.em, sql`select count(*)::int as n from account`);
  return { ...connectionFrom(rows, limit, (a) => [a.username.toLowerCase(), a.id]), totalCount: total?.n ?? 0 };
}

function checkPassword(password: string, username: string, field: string): void {
  const problem = passwordMessage(password, username);
  if (problem) throw new BadUserInputError(problem, field);
}

async function scopeFor(ctx: Context, role: Role, scopeUnitId: unknown): Promise<number | null> {
  if (scopeUnitId === null || scopeUnitId === undefined || scopeUnitId === '') {
    if (role !== 'ADMIN')
      throw new BadUserInputError('Cần chọn đơn vị phạm vi / a scope unit is required', 'scopeUnitId');
    return null;
  }
  return (await getUnit(ctx, scopeUnitId, 'scopeUnitId')).id;
}

export async function createAccount(ctx: Context, input: CreateAccountInput): Promise<AccountType> {
  requireRole(ctx, 'ADMIN');
  const username = input.username.trim().toLowerCase();
  if (!usernamePattern.test(username)) {
    throw new BadUserInputError('Tên đăng nhập: chữ thường không dấu, số, . _ - (2–64)', 'username');
  }
  const displayName = input.displayName.normalize('NFC').trim();
  if (!displayName || displayName.length > 200)
    throw new BadUserInputError('Họ tên không hợp lệ / invalid name', 'displayName');
  if (!roles.includes(input.role as Role)) throw new BadUserInputError('unknown role', 'role');
  checkPassword(input.password, username, 'password');
  const scopeUnitId = await scopeFor(ctx, input.role as Role, input.scopeUnitId);
  const passwordHash = await hashPassword(input.password);
  try {
    const row = await queryOne<{ id: number }>(
      ctx.em,
      sql`insert into account (username, display_name, password_hash, role, scope_unit_id)
          values (${username}, ${displayName}, ${passwordHash}, ${input.role}, ${scopeUnitId}) returning id`,
    );
    ctx.log.info({ accountId: row!.id, by: ctx.viewer?.accountId }, 'account created');
    return accountById(ctx, row!.id);
  } catch (error) {
    if (pgError(error).code === UNIQUE_VIOLATION) {
      throw new AppError('CONFLICT', 'Tên đăng nhập đã có / username taken', { field: 'username' });
    }
    throw error;
  }
}

export async function updateAccount(ctx: Context, input: UpdateAccountInput): Promise<AccountType> {
  const viewer = requireRole(ctx, 'ADMIN');
  const account = await accountById(ctx, toId(input.id, 'id'));
  const role = (input.role ?? account.role) as Role;
  const displayName = input.displayName?.normalize('NFC').trim() ?? account.displayName;
  if (!displayName || displayName.length > 200)
    throw new BadUserInputError('Họ tên không hợp lệ / invalid name', 'displayName');
  const scopeUnitId =
    input.scopeUnitId !== undefined && input.scopeUnitId !== null
      ? await scopeFor(ctx, role, input.scopeUnitId)
      : role === 'ADMIN'
        ? account.scopeUnitId
        : await scopeFor(ctx, role, account.scopeUnitId);
  const disable = input.disabled === true;
  const rescoped = role !== account.role || scopeUnitId !== account.scopeUnitId;
  if (disable && account.id === viewer.accountId)
    throw new BadUserInputError('Không thể tự khoá tài khoản của mình', 'disabled');
  await query(
    ctx.em,
    sql`update account set display_name = ${displayName}, role = ${role}, scope_unit_id = ${scopeUnitId},
          disabled_at = ${input.disabled === undefined || input.disabled === null ? sql`disabled_at` : disable ? sql`coalesce(disabled_at, now())` : null},
          updated_at = now()
         where id = ${account.id}`,
  );
  if (disable) await revokeAllCredentials(ctx.em, account.id);
  // Open dashboards were let in for the old role and scope: they close and must sign in again.
  if (disable || rescoped) credentialsEnded(ctx.runtime, { accountIds: [account.id] });
  return accountById(ctx, account.id);
}

export async function resetAccountPassword(ctx: Context, id: unknown, password: string): Promise<boolean> {
  requireRole(ctx, 'ADMIN');
  const account = await accountById(ctx, toId(id, 'id'));
  checkPassword(password, account.username, 'password');
  await ctx.em.transactional(async (em) => {
    await setPassword({ ...ctx, em }, account.id, password);
    // Whoever knew the old password may have made a token with it: those go too.
    await revokeAllCredentials(em, account.id);
  });
  credentialsEnded(ctx.runtime, { accountIds: [account.id] });
  return true;
}

async function setPassword(ctx: Context, accountId: number, password: string): Promise<void> {
  const hash = await hashPassword(password);
  await query(
    ctx.em,
    sql`update account set password_hash = ${hash}, password_changed_at = now(), updated_at = now() where id = ${accountId}`,
  );
}

/** Own password; other sessions are signed out, this one stays. */
export async function changePassword(ctx: Context, currentPassword: string, newPassword: string): Promise<boolean> {
  const viewer = requireViewer(ctx);
  const row = await queryOne<{ passwordHash: string }>(
    ctx.em,
    sql`select password_hash as "passwordHash" from account where id = ${viewer.accountId}`,
  );
  if (!row || !(await verifyPassword(row.passwordHash, currentPassword))) {
    throw new BadUserInputError('Mật khẩu hiện tại không đúng / current password is wrong', 'currentPassword');
  }
  checkPassword(newPassword, viewer.username, 'newPassword');
  await setPassword(ctx, viewer.accountId, newPassword);
  const revoked = await revokeSessions(
    ctx.em,
    viewer.accountId,
    viewer.credential.kind === 'session' ? viewer.credential.id : undefined,
  );
  credentialsEnded(ctx.runtime, { sessionIds: revoked });
  return true;
}

export async function listApiTokens(ctx: Context): Promise<ApiTokenType[]> {
  const viewer = requireViewer(ctx);
  return query<ApiTokenType>(
    ctx.em,
    sql`select ${tokenColumns} from api_token where account_id = ${viewer.accountId} order by created_at desc, id desc`,
  );
}

export async function createApiToken(ctx: Context, input: CreateApiTokenInput) {
  const viewer = requireViewer(ctx);
  const name = input.name.normalize('NFC').trim();
  if (!name || name.length > 100)
    throw new BadUserInputError('Tên token: 1–100 ký tự / name: 1–100 characters', 'name');
  const days = input.expiresInDays ?? 90;
  if (!Number.isInteger(days) || days < 1 || days > 365)
    throw new BadUserInputError('1–365 ngày / 1–365 days', 'expiresInDays');
  const live = await queryOne<{ n: number }>(
    ctx.em,
    sql`select count(*)::int as n from api_token where account_id = ${viewer.accountId} and revoked_at is null and expires_at > now()`,
  );
  if ((live?.n ?? 0) >= 20)
    throw new BadUserInputError('Tối đa 20 token còn hiệu lực / at most 20 live tokens', 'name');
  const issued = issueToken('api');
  const apiToken = await queryOne<ApiTokenType>(
    ctx.em,
    sql`insert into api_token (account_id, name, selector, verifier_hash, expires_at)
        values (${viewer.accountId}, ${name}, ${issued.selector}, ${issued.verifierHash}, now() + make_interval(days => ${days}))
        returning ${tokenColumns}`,
  );
  ctx.log.info({ accountId: viewer.accountId, tokenId: apiToken!.id }, 'api token created');
  return { token: issued.token, apiToken: apiToken! };
}

/** Own tokens; an ADMIN may revoke anyone's. Takes effect at once (open dashboards close too). */
export async function revokeApiToken(ctx: Context, id: unknown): Promise<ApiTokenType> {
  const viewer = requireViewer(ctx);
  const tokenId = toId(id, 'id');
  const row = await queryOne<ApiTokenType>(
    ctx.em,
    sql`update api_token set revoked_at = coalesce(revoked_at, now())
         where id = ${tokenId} ${viewer.role === 'ADMIN' ? sql`` : sql`and account_id = ${viewer.accountId}`}
         returning ${tokenColumns}`,
  );
  if (!row) throw new NotFoundError('API token', { field: 'id' });
  credentialsEnded(ctx.runtime, { apiTokenIds: [row.id] });
  return row;
}
