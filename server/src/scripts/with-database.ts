import { formatConfigProblems, loadConfig } from '../config/config.ts';
import { createLogger } from '../logger.ts';
import { type RunningServer, startServer } from '../server.ts';

/**
 * For the CLI scripts: configuration, database (DATABASE_URL or the embedded one) and migrations,
 * exactly as the server starts them, on a private port; runs `work`, then shuts down. Any failure
 * prints one line and exits 1.
 */
export async function withDatabase(work: (running: RunningServer) => Promise<void>, env = process.env): Promise<void> {
  const result = loadConfig({ ...env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: env.LOG_LEVEL ?? 'warn' });
  if (!result.ok) {
    process.stderr.write(`${formatConfigProblems(result.problems)}\n`);
    process.exit(1);
  }
  try {
    const running = await startServer(result.config, createLogger(result.config));
    try {
      await work(running);
    } finally {
      await running.close();
    }
  } catch (error) {
    process.stderr.write(`diemcau: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
