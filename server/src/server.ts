import type { MikroORM } from '@mikro-orm/postgresql';
import { createAdapter } from '@socket.io/postgres-adapter';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import type { Logger } from 'pino';
import { ensureFirstAdmin } from './accounts/bootstrap.ts';
import { createSignInLimiter } from './accounts/rate-limit.ts';
import type { Config } from './config/config.ts';
import { type EmbeddedPostgresHandle, startEmbeddedPostgres } from './db/embedded-postgres.ts';
import { migrate, openOrm } from './db/orm.ts';
import { seedDemoIfEmpty } from './demo/seed.ts';
import { buildHttpApp } from './http/app.ts';
import { socketClusterChannel } from './live/cluster.channel.ts';
import { ClusterNode, clusterPool } from './live/cluster.ts';
import { attachLiveNamespaces } from './live/live.namespaces.ts';
import { LiveService } from './live/live.service.ts';
import { PostgresPresenceStore } from './live/presence.postgres.ts';
import { InMemoryPresenceStore, type PresenceStore } from './live/presence.store.ts';
import { attachSocketServer, closeSocketServer, type IoServer } from './live/socket-server.ts';
import type { Runtime } from './runtime.ts';
import { resolveSecretKey } from './security/secret.ts';

/** A start-up failure with the one line to print. */
export class StartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StartupError';
  }
}

export type RunningServer = {
  url: string;
  port: number;
  app: FastifyInstance;
  io: IoServer;
  orm: MikroORM;
  runtime: Runtime;
  /** The database the server uses (the embedded one's URL when `DATABASE_URL` is unset). */
  databaseUrl: string;
  /** Stops accepting, finishes in-flight requests, closes sockets, the ORM and the embedded database. */
  close: () => Promise<void>;
};

/** Releases the adapters' LISTEN connections, so the cluster pool can end. */
function closeAdapters(io: IoServer): void {
  const namespaces = (io as unknown as { _nsps: Map<string, { adapter: { close?: () => unknown } }> })._nsps;
  for (const nsp of namespaces.values()) void nsp.adapter.close?.();
}

/** Name of the product's database on the embedded cluster. */
export const EMBEDDED_DATABASE = 'diemcau';

/** One line describing an error (driver messages may carry hints on further lines). */
export function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describe(error.errors[0]);
  let text = String(error);
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    text = code && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
  }
  return text.replace(/\s*\n\s*/g, ' ');
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

export type OpenDatabase = {
  orm: MikroORM;
  /** The database in use (the embedded one's URL when `DATABASE_URL` is unset). */
  databaseUrl: string;
  /** Closes the ORM, then stops the embedded PostgreSQL if one was started. */
  close: () => Promise<void>;
};

/**
 * config → database (`DATABASE_URL`, or the embedded PostgreSQL in `DATA_DIR`) → migrations. What the
 * server starts first and what `pnpm db:migrate` does alone. A failing step undoes the ones before and
 * throws a `StartupError`.
 */
export async function openDatabase(config: Config, log: Logger): Promise<OpenDatabase> {
  const cleanups: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const fn of cleanups.reverse()) await fn().catch(() => undefined);
    cleanups.length = 0;
  };
  try {
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      let embedded: EmbeddedPostgresHandle;
      try {
        embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, log });
      } catch (error) {
        throw new StartupError(`could not start the embedded PostgreSQL: ${describe(error)}`, { cause: error });
      }
      cleanups.push(() => embedded.stop());
      await ensureDatabase(embedded.adminUrl, EMBEDDED_DATABASE);
      databaseUrl = embedded.urlFor(EMBEDDED_DATABASE);
    }

    let orm: MikroORM;
    try {
      orm = await openOrm(databaseUrl, log);
      await orm.em.getConnection().execute('select 1');
    } catch (error) {
      throw new StartupError(`database unreachable at ${redactUrl(databaseUrl)}: ${describe(error)}`, { cause: error });
    }
    cleanups.push(() => orm.close(true));

    try {
      const applied = await migrate(orm);
      if (applied.length > 0) log.info({ migrations: applied }, 'migrations applied');
    } catch (error) {
      throw new StartupError(`a database migration failed: ${describe(error)}`, { cause: error });
    }
    return { orm, databaseUrl, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * config → database → migrations → HTTP (GraphQL, Socket.IO, web, probes) → listen.
 * Each step that fails undoes the ones before and throws a `StartupError`.
 */
export async function startServer(
  config: Config,
  log: Logger,
  options: {
    demo?: boolean;
    /**
     * false: a worker of the built-in balancer (`CLUSTER_NODES`): it does not listen, the primary hands
     * it connections (`attachToPrimary`).
     */
    listen?: boolean;
  } = {},
): Promise<RunningServer> {
  const cleanups: (() => Promise<void>)[] = [];
  const undo = async () => {
    for (const fn of cleanups.reverse()) await fn().catch(() => undefined);
  };
  try {
    const database = await openDatabase(config, log);
    cleanups.push(() => database.close());
    const { orm, databaseUrl } = database;

    if (options.demo) await seedDemoIfEmpty(orm.em.fork(), log);
    await ensureFirstAdmin(orm.em.fork(), config.admin, log);

    // One process: presence in memory. A cluster: presence and broadcasts through PostgreSQL.
    let cluster: ClusterNode | undefined;
    let store: PresenceStore = new InMemoryPresenceStore();
    if (config.cluster.enabled) {
      const pool = clusterPool(databaseUrl, log);
      cleanups.push(() => pool.end());
      cluster = new ClusterNode(pool, databaseUrl, log, {
        label: config.cluster.nodeName,
        heartbeatMs: config.cluster.heartbeatMs,
        expiryMs: config.cluster.expiryMs,
      });
      store = new PostgresPresenceStore(cluster, log);
    }
    const runtime: Runtime = {
      config,
      orm,
      startedAt: new Date(),
      shuttingDown: false,
      signInLimiter: createSignInLimiter({ perUsername: config.signInMaxFailures, perIp: config.signInMaxPerIp }),
      secretKey: await resolveSecretKey(config, log),
      live: new LiveService(orm, log, config.live, store),
      cluster,
    };
    const { app } = await buildHttpApp(runtime, log);
    cleanups.push(() => app.close());
    const io = attachSocketServer(app.server, config, log, { accepting: () => !runtime.shuttingDown });
    if (cluster && store instanceof PostgresPresenceStore) {
      const node = cluster;
      const live = runtime.live;
      const shared = store;
      io.adapter(
        createAdapter(node.pool, {
          heartbeatInterval: Math.min(5000, config.cluster.heartbeatMs * 2),
          heartbeatTimeout: config.cluster.expiryMs,
          // While shutting down, a notification's attachment read after the pool ended is no news.
          errorHandler: (error: Error) => {
            if (!runtime.shuttingDown) log.warn({ err: error }, 'socket.io postgres adapter');
          },
        }),
      );
      live.attachCluster(socketClusterChannel(io, log));
      shared.onStored((stored) => live.presenceStored(stored));
      shared.onRecounted((conferenceId) => {
        const conference = live.loaded(conferenceId);
        if (conference) live.markDirty(conference);
      });
      node.on('leading', (leading) => {
        shared.setLeading(leading);
        live.setLeading(leading);
      });
      node.on('recovered', () => {
        shared.settle();
        void shared.requestResync();
        live.republishAll();
      });
      node.on('purged', (ids) => {
        shared.dropNodes(ids);
        live.republishAll();
      });
      try {
        await node.start();
      } catch (error) {
        throw new StartupError(`could not join the cluster: ${describe(error)}`, { cause: error });
      }
      cleanups.push(() => node.stop());
    }
    attachLiveNamespaces(io, runtime, runtime.live, log);
    await runtime.live.start();
    cleanups.push(() => runtime.live.stop());
    app.addHook('preClose', async () => {
      // Counting stops before the sockets close, so a restart is not recorded as every site dropping.
      await runtime.live.stop();
      // Our connections stop counting at once in the cluster (no waiting for the heartbeat to lapse).
      await runtime.cluster?.stop();
      closeSocketServer(io);
      if (runtime.cluster) closeAdapters(io);
    });

    try {
      if (options.listen === false) await app.ready();
      else await app.listen({ port: config.port, host: config.host });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') {
        throw new StartupError(`port ${config.port} is already in use: stop the other server or set PORT`, {
          cause: error,
        });
      }
      throw new StartupError(`could not listen on ${config.host}:${config.port}: ${describe(error)}`, { cause: error });
    }
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://${config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host}:${port}`;

    let closing: Promise<void> | undefined;
    const close = () => {
      closing ??= (async () => {
        runtime.shuttingDown = true;
        const force = setTimeout(() => {
          log.warn('in-flight requests did not finish in time; closing their connections');
          app.server.closeAllConnections();
        }, config.shutdownTimeoutMs);
        try {
          await app.close();
        } finally {
          clearTimeout(force);
        }
        await runtime.cluster?.pool.end().catch(() => undefined);
        await database.close();
      })();
      return closing;
    };
    return { url, port, app, io, orm, runtime, databaseUrl, close };
  } catch (error) {
    await undo();
    if (error instanceof StartupError) throw error;
    throw new StartupError(describe(error), { cause: error });
  }
}
