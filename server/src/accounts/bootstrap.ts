import { usernamePattern } from '@diemcau/schema';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { query, queryOne, sql } from '../db/sql.ts';
import { hashPassword, passwordMessage } from '../security/passwords.ts';

/** Creates or replaces an ADMIN account (used by first start and `pnpm admin:create`). */
export async function upsertAdmin(
  em: EntityManager,
  username: string,
  password: string,
  displayName = 'Quản trị hệ thống',
) {
  const name = username.trim().toLowerCase();
  if (!usernamePattern.test(name)) throw new Error(`"${username}" is not a valid username (a-z, 0-9, . _ -; 2–64)`);
  const problem = passwordMessage(password, name);
  if (problem) throw new Error(`password: ${problem}`);
  const hash = await hashPassword(password);
  await query(
    em,
    sql`insert into account (username, display_name, password_hash, role) values (${name}, ${displayName}, ${hash}, 'ADMIN')
        on conflict (lower(username)) do update set password_hash = excluded.password_hash, role = 'ADMIN',
          scope_unit_id = null, disabled_at = null, password_changed_at = now(), updated_at = now()`,
  );
}

/**
 * On start: with no administrator yet, create one from ADMIN_USERNAME / ADMIN_PASSWORD, or say how.
 * An existing administrator is never touched by the environment.
 */
export async function ensureFirstAdmin(
  em: EntityManager,
  admin: { username?: string | undefined; password?: string | undefined },
  log: Logger,
): Promise<void> {
  const existing = await queryOne<{ n: number }>(em, sql`select count(*)::int as n from account where role = 'ADMIN'`);
  if ((existing?.n ?? 0) > 0) return;
  if (admin.username && admin.password) {
    await upsertAdmin(em, admin.username, admin.password);
    log.info({ username: admin.username }, 'first administrator created from ADMIN_USERNAME');
    return;
  }
  log.warn(
    'no administrator yet: set ADMIN_USERNAME and ADMIN_PASSWORD and restart, or run `pnpm admin:create <username>`',
  );
}
