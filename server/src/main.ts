import 'reflect-metadata';
import cluster from 'node:cluster';
import { acceptFromBalancer } from './cluster/balancer.ts';
import type { WorkerMessage } from './cluster/primary.ts';
import { formatConfigProblems, loadConfig } from './config/config.ts';
import { admitting } from './live/socket-server.ts';
import { createLogger } from './logger.ts';
import { StartupError, startServer } from './server.ts';

/**
 * `pnpm start`: one server process, or with `CLUSTER_NODES=N` a primary with N worker processes
 * behind its balancer. Exit codes: 0 after a clean shutdown, 1 on any start-up failure.
 */
async function main(): Promise<void> {
  const result = loadConfig(process.env);
  if (!result.ok) {
    process.stderr.write(`${formatConfigProblems(result.problems)}\n`);
    process.exitCode = 1;
    return;
  }
  const { config } = result;
  const log = createLogger(config);
  const primary = cluster.isPrimary && config.cluster.nodes > 1;
  const worker = cluster.isWorker;
  const tell = (message: WorkerMessage) => process.send?.(message);

  let running: { url: string; close: () => Promise<void> };
  try {
    if (primary) {
      const { startPrimary } = await import('./cluster/primary.ts');
      running = await startPrimary(config, log, { demo: process.argv.includes('--demo') });
    } else {
      const server = await startServer(config, log, {
        demo: !worker && process.argv.includes('--demo'),
        listen: !worker,
      });
      if (worker) acceptFromBalancer(server.app.server, server.io.engine, () => admitting(server.io));
      running = server;
    }
  } catch (error) {
    const message = error instanceof StartupError ? error.message : String(error);
    log.debug({ err: error }, 'start-up failed');
    if (worker) tell({ type: 'diemcau:failed', message });
    process.stderr.write(`diemcau: could not start: ${message}\n`);
    // Flush pino and let the embedded database's exit hook run.
    process.exit(1);
  }
  if (worker) {
    tell({ type: 'diemcau:ready' });
    log.info({ pid: process.pid }, 'server process ready behind the balancer');
  } else if (primary) {
    log.info({ url: running.url, processes: config.cluster.nodes }, `diemcau is listening on ${running.url}`);
  } else {
    log.info({ url: running.url }, `diemcau is listening on ${running.url}`);
  }

  let firstSignalAt = 0;
  /** The primary's `worker.kill()` disconnects, then signals: that signal is the same request. */
  let pendingKillSignal = false;
  const shutdown = (signal: NodeJS.Signals, viaDisconnect = false) => {
    // Ctrl-C reaches both pnpm and us, and pnpm forwards it: a repeat within 2 s is the same request.
    // A later one means "stop waiting" — except the primary's own signal after its disconnect, which
    // a worker busy closing thousands of sockets may only handle seconds later.
    if (firstSignalAt > 0) {
      // The primary's worker.kill() after our own first signal (Ctrl-C reaches the whole group):
      // its SIGTERM follows.
      if (viaDisconnect) {
        pendingKillSignal = true;
        return;
      }
      if (pendingKillSignal) {
        pendingKillSignal = false;
        return;
      }
      if (Date.now() - firstSignalAt < 2000) return;
      log.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    pendingKillSignal = viaDisconnect;
    firstSignalAt = Date.now();
    log.info({ signal }, 'shutting down');
    running
      .close()
      .then(() => {
        log.info('shut down cleanly');
        process.exit(0);
      })
      .catch((error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  // A worker whose primary died (SIGKILL, a crash) leaves too, instead of lingering unreachable.
  if (worker) process.once('disconnect', () => shutdown('SIGTERM', true));
}

await main();
