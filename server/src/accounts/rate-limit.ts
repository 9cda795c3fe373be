import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
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

/**
 * Sign-in limits (rate-limiter-flexible): failures per username (10 per 15 min) and attempts per
 * client address (50 per 15 min). In memory: one process; the cluster issue moves them to the
 * shared store.
 */
export function createSignInLimiter(options: { perUsername?: number; perIp?: number; windowSeconds?: number } = {}) {
  const windowSeconds = options.windowSeconds ?? 15 * 60;
  const byUsername = new RateLimiterMemory({
    keyPrefix: 'signin-user',
    points: options.perUsername ?? 10,
    duration: windowSeconds,
  });
  const byIp = new RateLimiterMemory({ keyPrefix: 'signin-ip', points: options.perIp ?? 50, duration: windowSeconds });

  const retryAfter = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  const blockedFor = async (limiter: RateLimiterMemory, key: string) => {
    const res = await limiter.get(key);
    return res && res.remainingPoints <= 0 ? retryAfter(res) : 0;
  };

  return {
    /** Throws RATE_LIMITED before any password work when either budget is spent. */
    async check(username: string, ip: string): Promise<void> {
      const wait = Math.max(await blockedFor(byUsername, username.toLowerCase()), await blockedFor(byIp, ip));
      if (wait > 0) throw new RateLimitedError(wait);
      try {
        await byIp.consume(ip);
      } catch (res) {
        if (res instanceof RateLimiterRes) throw new RateLimitedError(retryAfter(res));
        throw res;
      }
    },
    async failed(username: string): Promise<void> {
      await byUsername.penalty(username.toLowerCase(), 1);
    },
    async succeeded(username: string): Promise<void> {
      await byUsername.delete(username.toLowerCase());
    },
  };
}

export type SignInLimiter = ReturnType<typeof createSignInLimiter>;
