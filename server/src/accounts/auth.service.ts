import type { EntityManager } from '@mikro-orm/postgresql';
import { query, queryOne, sql } from '../db/sql.ts';
import { AppError } from '../graphql/app-error.ts';
import type { Context } from '../graphql/context.ts';
import { decoyHash, verifyPassword } from '../security/passwords.ts';
import { issueToken, parseToken, tokenKindOf, verifierMatches } from '../security/tokens.ts';
import type { Role } from './account.entity.ts';
import { credentialsEnded } from './credential-events.ts';
import type { Viewer } from './viewer.ts';

export const SESSION_COOKIE = 'diemcau_session';
export const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;
/** `last_used_at` is written at most this often per credential, to keep reads cheap. */
const TOUCH_EVERY_MS = 60_000;

export class BadCredentialsError extends AppError {
  constructor() {
    // The same answer for an unknown username, a wrong password and a disabled account.
    super('BAD_CREDENTIALS', 'Sai tên đăng nhập hoặc mật khẩu / wrong username or password');
  }
}

type CredentialRow = {
  id: number;
  verifierHash: Buffer;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  accountId: number;
  username: string;
  displayName: string;
  role: Role;
  scopeUnitId: number | null;
  scopePath: string | null;
  disabledAt: Date | null;
};

async function credential(em: EntityManager, table: 'session' | 'api_token', selector: string) {
  const t = sql.table(table);
  return queryOne<CredentialRow>(
    em,
    sql`select c.id, c.verifier_hash as "verifierHash", c.expires_at as "expiresAt", c.revoked_at as "revokedAt",
               c.last_used_at as "lastUsedAt", a.id as "accountId", a.username, a.display_name as "displayName", a.role,
               a.scope_unit_id as "scopeUnitId", u.path::text as "scopePath", a.disabled_at as "disabledAt"
          from ${t} c join account a on a.id = c.account_id left join unit u on u.id = a.scope_unit_id
         where c.selector = ${selector}`,
  );
}

/**
 * The viewer behind a request: a personal API token (`Authorization: Bearer dcp_…`) or the session
 * cookie. Revoked, expired, malformed or disabled credentials give no viewer, at once.
 */
export async function resolveViewer(
  em: EntityManager,
  presented: { authorization?: string | undefined; cookie?: string | undefined },
): Promise<Viewer | null> {
  const bearer = presented.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const raw = bearer ?? presented.cookie;
  if (!raw) return null;
  const kind = tokenKindOf(raw);
  if (kind !== 'api' && kind !== 'session') return null;
  if (kind === 'session' && bearer) return null; // session tokens only travel in their cookie
  const parsed = parseToken(kind, raw);
  if (!parsed) return null;
  const table = kind === 'api' ? 'api_token' : 'session';
  const row = await credential(em, table, parsed.selector);
  if (!row || !verifierMatches(parsed.verifier, row.verifierHash)) return null;
  const now = Date.now();
  if (row.revokedAt || row.disabledAt || row.expiresAt.getTime() <= now) return null;
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await query(em, sql`update ${sql.table(table)} set last_used_at = now() where id = ${row.id}`);
  }
  return {
    accountId: row.accountId,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    scopeUnitId: row.role === 'ADMIN' ? null : row.scopeUnitId,
    scopePath: row.role === 'ADMIN' ? null : row.scopePath,
    credential: { kind, id: row.id },
  };
}

function setSessionCookie(ctx: Context, token: string | null): void {
  if (!ctx.reply) return;
  const options = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: ctx.runtime.config.isProduction,
  };
  if (token) void ctx.reply.setCookie(SESSION_COOKIE, token, { ...options, maxAge: SESSION_TTL_MS / 1000 });
  else void ctx.reply.clearCookie(SESSION_COOKIE, options);
}

/** Username and password → a session cookie. Rate-limited per username and per client address. */
export async function signIn(ctx: Context, username: string, password: string, userAgent?: string): Promise<number> {
  const name = username.trim().toLowerCase();
  await ctx.runtime.signInLimiter.check(ctx.em, name, ctx.ip);
  const account = await queryOne<{ id: number; passwordHash: string; disabledAt: Date | null }>(
    ctx.em,
    sql`select id, password_hash as "passwordHash", disabled_at as "disabledAt" from account where lower(username) = ${name}`,
  );
  const ok = await verifyPassword(account?.passwordHash ?? (await decoyHash()), password);
  if (!account || !ok || account.disabledAt) {
    await ctx.runtime.signInLimiter.failed(ctx.em, name);
    ctx.log.info({ username: name }, 'sign-in refused');
    throw new BadCredentialsError();
  }
  await ctx.runtime.signInLimiter.succeeded(ctx.em, name);
  const issued = issueToken('session');
  await query(
    ctx.em,
    sql`insert into session (account_id, selector, verifier_hash, user_agent, expires_at)
        values (${account.id}, ${issued.selector}, ${issued.verifierHash}, ${userAgent?.slice(0, 300) ?? null},
                ${new Date(Date.now() + SESSION_TTL_MS)})`,
  );
  setSessionCookie(ctx, issued.token);
  ctx.log.info({ accountId: account.id }, 'signed in');
  return account.id;
}

/** Ends the current session at once (an API token is revoked with revokeApiToken instead). */
export async function signOut(ctx: Context): Promise<boolean> {
  if (ctx.viewer?.credential.kind === 'session') {
    await query(ctx.em, sql`update session set revoked_at = now() where id = ${ctx.viewer.credential.id}`);
    credentialsEnded(ctx.runtime, { sessionIds: [ctx.viewer.credential.id] });
  }
  setSessionCookie(ctx, null);
  return true;
}

/** Revokes every session of an account, except `keepSessionId`; returns the ids revoked. */
export async function revokeSessions(em: EntityManager, accountId: number, keepSessionId?: number): Promise<number[]> {
  const rows = await query<{ id: number }>(
    em,
    sql`update session set revoked_at = now()
         where account_id = ${accountId} and revoked_at is null ${keepSessionId ? sql`and id <> ${keepSessionId}` : sql``}
         returning id`,
  );
  return rows.map((r) => r.id);
}

/** Revokes every session and API token of an account (disabled, or its password reset). */
export async function revokeAllCredentials(em: EntityManager, accountId: number): Promise<void> {
  await revokeSessions(em, accountId);
  await query(em, sql`update api_token set revoked_at = now() where account_id = ${accountId} and revoked_at is null`);
}
