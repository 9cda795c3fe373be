import 'reflect-metadata';
import { formatConfigProblems, loadConfig } from '../config/config.ts';
import { createLogger } from '../logger.ts';
import { startServer } from '../server.ts';

/**
 * `pnpm db:migrate`: applies pending migrations to `DATABASE_URL` (or the embedded database) and
 * exits. The server also does this at start-up; this is for deploy pipelines that migrate first.
 */
const result = loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1' });
if (!result.ok) {
  process.stderr.write(`${formatConfigProblems(result.problems)}\n`);
  process.exit(1);
}
const log = createLogger(result.config);
try {
  const running = await startServer(result.config, log);
  await running.close();
  process.stdout.write('migrations are up to date\n');
} catch (error) {
  process.stderr.write(`diemcau: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
