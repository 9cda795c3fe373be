import type { EntityManager } from '@mikro-orm/postgresql';
import { query, queryOne, sql } from '../db/sql.ts';
import { AppError } from '../graphql/app-error.ts';

export class RateLimitedError extends AppError {
  constructor(retryAfterSeconds: number) {
    super(
      'RATE_LIMITED',
      `Thử lại sau ${retryAfterSeconds} giây / too many attempts, retry in ${retryAfterSeconds} s`,
      {
        retryAfterSeconds,
      },
    );
  }
}

type Window = { points: number; msBeforeNext: number };

/**
 * Sign-in limits: failures per username (10 per 15 min) and attempts per client address (50 per
 * 15 min), each a fixed window in the `sign_in_limit` table, so every process of a cluster counts
 * against the same budget (one atomic upsert per attempt; sign-ins are rare). Not
 * rate-limiter-flexible's RateLimiterPostgres: it wants a raw pg pool and creates its own table
 * outside the migrations, where this runs on the request's own connection.
 */
export function createSignInLimiter(options: { perUsername?: number; perIp?: number; windowSeconds?: number } = {}) {
  const windowSeconds = options.windowSeconds ?? 15 * 60;
  const perUsername = options.perUsername ?? 10;
  const perIp = options.perIp ?? 50;
  const retryAfter = (w: Window) => Math.max(1, Math.ceil(w.msBeforeNext / 1000));
  const remaining = sql`greatest(0, ceil(extract(epoch from expires_at - now()) * 1000))::int as "msBeforeNext"`;

  /** Adds a point to the key's window (a new window once the old one has run out). */
  const consume = async (em: EntityManager, key: string): Promise<Window> =>
    (await queryOne<Window>(
      em,
      sql`insert into sign_in_limit as l (key, points, expires_at)
          values (${key}, 1, now() + make_interval(secs => ${windowSeconds}))
          on conflict (key) do update set
            points = case when l.expires_at <= now() then 1 else l.points + 1 end,
            expires_at = case when l.expires_at <= now() then excluded.expires_at else l.expires_at end
          returning points, ${remaining}`,
    ))!;
  const current = (em: EntityManager, key: string) =>
    queryOne<Window>(em, sql`select points, ${remaining} from sign_in_limit where key = ${key} and expires_at > now()`);

  return {
    /** Throws RATE_LIMITED before any password work when either budget is spent. */
    async check(em: EntityManager, username: string, ip: string): Promise<void> {
      // Now and then, forget windows that have run out.
      if (Math.random() < 0.01) await query(em, sql`delete from sign_in_limit where expires_at < now()`);
      const user = await current(em, `user:${username.toLowerCase()}`);
      if (user && user.points >= perUsername) throw new RateLimitedError(retryAfter(user));
      const address = await consume(em, `ip:${ip}`);
      if (address.points > perIp) throw new RateLimitedError(retryAfter(address));
    },
    async failed(em: EntityManager, username: string): Promise<void> {
      await consume(em, `user:${username.toLowerCase()}`);
    },
    async succeeded(em: EntityManager, username: string): Promise<void> {
      await query(em, sql`delete from sign_in_limit where key = ${`user:${username.toLowerCase()}`}`);
    },
  };
}

export type SignInLimiter = ReturnType<typeof createSignInLimiter>;
