import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseTrustProxy, type TrustProxy } from '../http/client-address.ts';

/** The repository root, so that relative defaults do not depend on the working directory. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const origin = z.url({ protocol: /^https?$/ }).transform((value) => new URL(value).origin);

/**
 * Every environment variable the server reads, documented where it is declared.
 * The environment is read once, at start-up, by `loadConfig`.
 */
const envSchema = z
  .object({
    /** `development`, `test` or `production`. Production hides introspection and sets Secure cookies. */
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    /** TCP port of the HTTP server (GraphQL, Socket.IO, web). `0` picks a free port. */
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    /** Interface to listen on. */
    HOST: z.string().min(1).default('0.0.0.0'),
    /**
     * PostgreSQL connection string (`postgres://user:pass@host:5432/db`). When unset the server starts an
     * embedded PostgreSQL in `DATA_DIR`.
     */
    DATABASE_URL: z
      .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' })
      .optional(),
    /** Folder of the embedded PostgreSQL cluster (used only without `DATABASE_URL`). */
    DATA_DIR: z.string().min(1).default(path.join(repoRoot, '.data/pg')),
    /** pino log level. */
    LOG_LEVEL: z.enum(logLevels).default('info'),
    /** Comma-separated origins (scheme://host[:port]) allowed to call the API from a browser (CORS). */
    PUBLIC_ORIGINS: z
      .string()
      .default('')
      .transform((value, ctx) => {
        const out: string[] = [];
        for (const raw of value
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)) {
          const parsed = origin.safeParse(raw);
          if (parsed.success) out.push(parsed.data);
          else ctx.addIssue({ code: 'custom', message: `"${raw}" is not an http(s) origin` });
        }
        return out;
      }),
    /** Folder of the built web pages served at `/`. */
    WEB_DIST: z.string().min(1).default(path.join(repoRoot, 'web/dist')),
    /**
     * Proxies whose `X-Forwarded-For` names the real client (rate limits, logs): `loopback` (a proxy on
     * this machine), `true` (every hop: only when the server is never reachable directly), `false`,
     * or addresses and CIDRs, comma-separated.
     */
    TRUST_PROXY: z
      .string()
      .default('loopback')
      .transform((value, ctx) => {
        const parsed = parseTrustProxy(value);
        if (parsed instanceof Error) {
          ctx.addIssue({ code: 'custom', message: `not a list of addresses or CIDRs (${parsed.message})` });
          return z.NEVER;
        }
        return parsed;
      }),
    /** Largest accepted request body, in bytes. */
    BODY_LIMIT: z.coerce
      .number()
      .int()
      .min(1024)
      .default(1024 * 1024),
    /** Milliseconds to wait for in-flight requests on shutdown before closing anyway. */
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
    /** With ADMIN_PASSWORD: the first administrator, created at start-up when there is none. */
    ADMIN_USERNAME: z
      .string()
      .regex(/^[a-zA-Z0-9][a-zA-Z0-9._-]{1,63}$/, 'letters, digits, . _ - (2–64)')
      .optional(),
    /** Password of the first administrator (at least 10 characters). Never logged. */
    ADMIN_PASSWORD: z.string().min(10, 'at least 10 characters').optional(),
    /**
     * Secret (≥ 32 characters) from which respondent and operator links are derived, so they can be
     * shown again for mailing while the database holds only their hashes. Required in production;
     * elsewhere a random one is kept in `<DATA_DIR>/../secret.key`. Changing it invalidates every link.
     */
    SECRET_KEY: z.string().min(32, 'at least 32 characters').optional(),
    /** The address people open links at (respondent and operator links), e.g. https://khaosat.thanhhoa.gov.vn. */
    PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
    /** Failed sign-ins per username per 15 minutes before RATE_LIMITED. */
    SIGNIN_MAX_FAILURES: z.coerce.number().int().min(1).default(10),
    /** Sign-in attempts per client address per 15 minutes before RATE_LIMITED. */
    SIGNIN_MAX_PER_IP: z.coerce.number().int().min(1).default(50),
    /**
     * Live counter: how long a bridge point whose last operator console dropped stays "unstable" (it may
     * come back without counting as a drop), in milliseconds.
     */
    LIVE_GRACE_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
    /** Live counter: the timeline of a LIVE conference is sampled and stored this often, in milliseconds. */
    LIVE_SAMPLE_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
    /** Live counter: dashboards get coalesced changes at most this often, in milliseconds. */
    LIVE_PUBLISH_MS: z.coerce.number().int().min(20).max(10_000).default(250),
    /**
     * Socket.IO heartbeat: the server pings every client this often, in milliseconds … (Socket.IO's
     * own defaults, 25 s and 20 s: a vanished client is gone after 45 s. Pings are the largest single
     * cost of holding sockets — in the national bench's profile, a seventh of a busy worker's time —
     * so a shorter interval is paid by every socket.)
     */
    SOCKET_PING_INTERVAL_MS: z.coerce.number().int().min(100).default(25_000),
    /** … and a client that has not answered within this many more milliseconds is gone (network lost). */
    SOCKET_PING_TIMEOUT_MS: z.coerce.number().int().min(100).default(20_000),
    /**
     * New Socket.IO connections this process accepts per second at most (a ceiling against a flood;
     * what bounds a reconnect storm is SOCKET_MAX_JOINING); more are refused with a retry hint and the
     * clients come back after their jittered back-off. At 1,500 it refused joins a process could take
     * (bench live: 1,750 a second on one core).
     */
    SOCKET_HANDSHAKES_PER_SEC: z.coerce.number().int().min(1).default(5000),
    /**
     * While this process's event loop runs later than this (the median of the last second: late at
     * every turn, not one long garbage collection), it takes only SOCKET_BUSY_MAX_JOINING handshakes at
     * once, so those it took finish before their clients give up (20 s); `0` turns the gauge off. A
     * process serving a storm at full speed runs 200-300 ms late: lower than that only idles it.
     */
    SOCKET_MAX_EVENT_LOOP_LAG_MS: z.coerce.number().int().min(0).max(60_000).default(500),
    /**
     * Handshakes in progress at once (a connection taken whose namespace join has not finished);
     * more are refused with a retry hint, so a storm queues at the clients, not in this process.
     */
    SOCKET_MAX_JOINING: z.coerce.number().int().min(1).default(200),
    /**
     * … and only this many while the event loop runs late: admission then goes at the pace the
     * process finishes joins (never stops, so a process kept busy by the storm itself still brings
     * its clients back, and never more than it can take).
     */
    SOCKET_BUSY_MAX_JOINING: z.coerce.number().int().min(1).default(20),
    /**
     * `true`: this process is one of several sharing `DATABASE_URL` behind a load balancer. Live presence
     * and Socket.IO broadcasts then go through PostgreSQL, so every process shows the same exact count.
     */
    CLUSTER: z
      .enum(['true', 'false', '1', '0'])
      .default('false')
      .transform((v) => v === 'true' || v === '1'),
    /** `pnpm start` runs this many server processes behind a built-in balancer (Node's cluster module); 1: one process. */
    CLUSTER_NODES: z.coerce.number().int().min(1).max(64).default(1),
    /** Names this process's slot in the cluster (default host:port); a restart in the same slot replaces the old one at once. */
    CLUSTER_NODE_NAME: z.string().min(1).max(200).optional(),
    /** Cluster: how often a process proves it is alive, in milliseconds. */
    CLUSTER_HEARTBEAT_MS: z.coerce.number().int().min(100).max(60_000).default(2000),
    /**
     * Cluster: a process silent this long is dead and its connections stop counting, in milliseconds —
     * one whose event loop froze. A killed, crashed or vanished one goes sooner, by its liveness lock.
     */
    CLUSTER_NODE_EXPIRY_MS: z.coerce.number().int().min(500).max(600_000).default(30_000),
  })
  .refine((e) => !e.ADMIN_USERNAME === !e.ADMIN_PASSWORD, {
    message: 'set both ADMIN_USERNAME and ADMIN_PASSWORD, or neither',
    path: ['ADMIN_PASSWORD'],
  })
  .refine((e) => !e.CLUSTER || e.DATABASE_URL, {
    message: 'a cluster needs DATABASE_URL, one database for every process (or CLUSTER_NODES=N, which starts one)',
    path: ['CLUSTER'],
  })
  .refine((e) => e.CLUSTER_NODE_EXPIRY_MS > e.CLUSTER_HEARTBEAT_MS * 2, {
    message: 'must be more than twice CLUSTER_HEARTBEAT_MS',
    path: ['CLUSTER_NODE_EXPIRY_MS'],
  })
  .refine((e) => e.NODE_ENV !== 'production' || e.SECRET_KEY, {
    message: 'required in production (at least 32 random characters, e.g. `openssl rand -base64 48`)',
    path: ['SECRET_KEY'],
  });

export type Config = {
  nodeEnv: 'development' | 'test' | 'production';
  isProduction: boolean;
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: (typeof logLevels)[number];
  publicOrigins: string[];
  webDist: string;
  bodyLimit: number;
  trustProxy: TrustProxy;
  shutdownTimeoutMs: number;
  admin: { username: string | undefined; password: string | undefined };
  signInMaxFailures: number;
  signInMaxPerIp: number;
  live: { graceMs: number; sampleMs: number; publishMs: number };
  socket: {
    pingIntervalMs: number;
    pingTimeoutMs: number;
    handshakesPerSec: number;
    maxEventLoopLagMs: number;
    maxJoining: number;
    busyMaxJoining: number;
  };
  /** `enabled`: presence and broadcasts shared through PostgreSQL with the other processes. */
  cluster: { enabled: boolean; nodes: number; nodeName: string; heartbeatMs: number; expiryMs: number };
  /** `undefined`: resolved at start-up (see `secret.ts`). */
  secretKey: string | undefined;
  /** Base of the links people open; defaults to http://localhost:PORT. */
  publicUrl: string;
};

const secretVariables = new Set(['DATABASE_URL', 'ADMIN_PASSWORD', 'SECRET_KEY']);

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** Parses the environment; every problem is reported, none is thrown. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ConfigResult {
  // Empty strings count as unset, the way shells and compose files usually mean them.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = issue.path.join('.') || '(environment)';
      const key = typeof issue.path[0] === 'string' ? issue.path[0] : undefined;
      // Values that may carry secrets are never echoed.
      const got = key && !secretVariables.has(key) ? cleaned[key] : undefined;
      return `${name}: ${issue.message}${got === undefined ? '' : ` (got "${got}")`}`;
    });
    return { ok: false, problems };
  }
  const e = parsed.data;
  // Relative folders are read from where the command was typed: pnpm runs the server in server/ but
  // says in INIT_CWD where `pnpm start` was started.
  const base = env.INIT_CWD ?? process.cwd();
  return {
    ok: true,
    config: {
      nodeEnv: e.NODE_ENV,
      isProduction: e.NODE_ENV === 'production',
      port: e.PORT,
      host: e.HOST,
      databaseUrl: e.DATABASE_URL,
      dataDir: path.resolve(base, e.DATA_DIR),
      logLevel: e.LOG_LEVEL,
      publicOrigins: e.PUBLIC_ORIGINS,
      webDist: path.resolve(base, e.WEB_DIST),
      bodyLimit: e.BODY_LIMIT,
      trustProxy: e.TRUST_PROXY,
      shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
      admin: { username: e.ADMIN_USERNAME, password: e.ADMIN_PASSWORD },
      signInMaxFailures: e.SIGNIN_MAX_FAILURES,
      signInMaxPerIp: e.SIGNIN_MAX_PER_IP,
      live: { graceMs: e.LIVE_GRACE_MS, sampleMs: e.LIVE_SAMPLE_MS, publishMs: e.LIVE_PUBLISH_MS },
      socket: {
        pingIntervalMs: e.SOCKET_PING_INTERVAL_MS,
        pingTimeoutMs: e.SOCKET_PING_TIMEOUT_MS,
        handshakesPerSec: e.SOCKET_HANDSHAKES_PER_SEC,
        maxEventLoopLagMs: e.SOCKET_MAX_EVENT_LOOP_LAG_MS,
        maxJoining: e.SOCKET_MAX_JOINING,
        busyMaxJoining: e.SOCKET_BUSY_MAX_JOINING,
      },
      cluster: {
        enabled: e.CLUSTER,
        nodes: e.CLUSTER_NODES,
        nodeName: e.CLUSTER_NODE_NAME ?? `${os.hostname()}:${e.PORT === 0 ? `pid-${process.pid}` : e.PORT}`,
        heartbeatMs: e.CLUSTER_HEARTBEAT_MS,
        expiryMs: e.CLUSTER_NODE_EXPIRY_MS,
      },
      secretKey: e.SECRET_KEY,
      publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    },
  };
}

/** Formats the problems as the one message printed before exiting. */
export function formatConfigProblems(problems: string[]): string {
  return `diemcau: invalid configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems
    .map((p) => `  - ${p}`)
    .join('\n')}\nSee README.md, "Configuration".`;
}
