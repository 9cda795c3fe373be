import cluster, { type Worker } from 'node:cluster';
import net from 'node:net';
import type { Logger } from 'pino';
import { ensureFirstAdmin } from '../accounts/bootstrap.ts';
import type { Config } from '../config/config.ts';
import { type EmbeddedPostgresHandle, startEmbeddedPostgres } from '../db/embedded-postgres.ts';
import { migrate, openOrm } from '../db/orm.ts';
import { seedDemoIfEmpty } from '../demo/seed.ts';
import { describe, EMBEDDED_DATABASE, ensureDatabase, StartupError } from '../server.ts';
import { balanceConnections } from './balancer.ts';

/** What a worker tells the primary. */
export type WorkerMessage = { type: 'diemcau:ready' } | { type: 'diemcau:failed'; message: string };

export type RunningPrimary = { url: string; close: () => Promise<void> };

/** A worker that died this soon after starting is not restarted in a loop: the primary gives up. */
const CRASH_LOOP_MS = 5000;

/**
 * `CLUSTER_NODES=N pnpm start` (or `pnpm start:cluster`): N server processes on this machine behind a
 * small built-in balancer — Node's cluster module handing each connection to a worker, sticky by
 * Socket.IO session so that a long-polling client keeps reaching the process that holds it. The primary prepares the database once (the embedded one too, when
 * `DATABASE_URL` is unset), then every worker runs the whole server with `CLUSTER=true`. A worker that
 * dies is replaced in its slot; its connections stop counting at once (the new identity purges the
 * old one) and its clients reconnect through the balancer. Production uses a real load balancer.
 */
export async function startPrimary(
  config: Config,
  log: Logger,
  options: { demo?: boolean } = {},
): Promise<RunningPrimary> {
  let embedded: EmbeddedPostgresHandle | undefined;
  let databaseUrl = config.databaseUrl;
  try {
    if (!databaseUrl) {
      embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, log }).catch((error: unknown) => {
        throw new StartupError(`could not start the embedded PostgreSQL: ${describe(error)}`, { cause: error });
      });
      await ensureDatabase(embedded.adminUrl, EMBEDDED_DATABASE);
      databaseUrl = embedded.urlFor(EMBEDDED_DATABASE);
    }
    const orm = await openOrm(databaseUrl, log).catch((error: unknown) => {
      throw new StartupError(`database unreachable: ${describe(error)}`, { cause: error });
    });
    try {
      await migrate(orm).catch((error: unknown) => {
        throw new StartupError(`a database migration failed: ${describe(error)}`, { cause: error });
      });
      if (options.demo) await seedDemoIfEmpty(orm.em.fork(), log);
      await ensureFirstAdmin(orm.em.fork(), config.admin, log);
    } finally {
      await orm.close(true);
    }
  } catch (error) {
    await embedded?.stop().catch(() => undefined);
    throw error;
  }

  const listener = net.createServer();
  balanceConnections(listener);
  const listening = new Promise<void>((resolve, reject) => {
    listener.once('error', reject);
    listener.listen(config.port, config.host, () => resolve());
  });
  try {
    await listening;
  } catch (error) {
    await embedded?.stop().catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    throw new StartupError(
      code === 'EADDRINUSE'
        ? `port ${config.port} is already in use: stop the other server or set PORT`
        : `could not listen on ${config.host}:${config.port}: ${describe(error)}`,
      { cause: error },
    );
  }
  const address = listener.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host}:${port}`;

  let stopping = false;
  const slots = new Map<Worker, number>();
  const startedAt = new Map<Worker, number>();
  // Buffers (the first bytes of each request) cross to the workers intact only with advanced serialization.
  cluster.setupPrimary({ serialization: 'advanced', args: process.argv.slice(2).filter((arg) => arg !== '--demo') });
  const fork = (slot: number): Promise<void> => {
    const worker = cluster.fork({
      DATABASE_URL: databaseUrl,
      CLUSTER: 'true',
      CLUSTER_NODES: '1',
      PORT: String(port),
      CLUSTER_NODE_NAME: `${config.cluster.nodeName}/worker-${slot}`,
      // Links must keep pointing at the balancer, not at a worker.
      PUBLIC_URL: config.publicUrl,
    });
    slots.set(worker, slot);
    startedAt.set(worker, Date.now());
    return new Promise((resolve, reject) => {
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'diemcau:ready') resolve();
        if (message.type === 'diemcau:failed') reject(new StartupError(message.message));
      });
      worker.once('exit', (code, signal) => reject(new StartupError(`worker ${slot} exited (${signal ?? code})`)));
    });
  };

  cluster.on('exit', (worker, code, signal) => {
    const slot = slots.get(worker);
    slots.delete(worker);
    if (stopping || slot === undefined) return;
    const lived = Date.now() - (startedAt.get(worker) ?? 0);
    log.warn({ slot, code, signal }, 'a server process died; starting another in its slot');
    if (lived < CRASH_LOOP_MS) {
      log.error({ slot }, 'the server process died right after starting; not restarting it');
      return;
    }
    void fork(slot).catch((error: unknown) => log.error({ err: error, slot }, 'the replacement did not start'));
  });

  try {
    await Promise.all(Array.from({ length: config.cluster.nodes }, (_, slot) => fork(slot)));
  } catch (error) {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
    listener.close();
    await embedded?.stop().catch(() => undefined);
    throw error;
  }

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      stopping = true;
      listener.close();
      const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
      await Promise.all(
        workers.map(
          (worker) =>
            new Promise<void>((resolve) => {
              if (worker.isDead()) return resolve();
              const force = setTimeout(() => worker.kill('SIGKILL'), config.shutdownTimeoutMs + 5000);
              worker.once('exit', () => {
                clearTimeout(force);
                resolve();
              });
              worker.kill('SIGTERM');
            }),
        ),
      );
      await embedded?.stop();
    })();
    return closing;
  };
  return { url, close };
}
