import { createLogger, loadConfig, type RunningServer, startServer } from '@diemcau/server';
import { createTestDatabase, type TestDatabase } from './database.ts';

export type TestServer = RunningServer & {
  database: TestDatabase;
  /** Closes the server and drops its database. */
  stop: () => Promise<void>;
};

/**
 * The real server (Fastify, Apollo, Socket.IO, the built web) on port 0, against a fresh database
 * cloned from the template. `env` overrides any configuration variable. `options.database` reuses a
 * database instead (a restart: pass the old server's database and `PORT`).
 */
export async function startTestServer(
  env: Record<string, string> = {},
  options: { database?: TestDatabase } = {},
): Promise<TestServer> {
  const database = options.database ?? (await createTestDatabase());
  const result = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: database.url,
    SECRET_KEY: 'test-secret-key-test-secret-key-0123456789',
    // The server shares this process with the test's own clients (thousands in the live tests, without
    // reconnection), whose work makes its event loop late: shedding on lag is tested on its own
    // (socket.test.ts) and would otherwise refuse the very clients under test.
    SOCKET_MAX_EVENT_LOOP_LAG_MS: '0',
    ...env,
  });
  if (!result.ok) throw new Error(result.problems.join('\n'));
  const server = await startServer(result.config, createLogger(result.config));
  return {
    ...server,
    database,
    stop: async () => {
      await server.close();
      await database.drop();
    },
  };
}
