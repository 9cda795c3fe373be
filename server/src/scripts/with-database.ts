import { formatConfigProblems, loadConfig } from '../config/config.ts';
import { createLogger } from '../logger.ts';
import { type OpenDatabase, openDatabase } from '../server.ts';

/**
 * For the CLI scripts: configuration, database (DATABASE_URL or the embedded one) and migrations,
 * exactly as the server opens them — no HTTP, no sockets; runs `work`, then closes. Any failure
 * prints one line and exits 1. `secretKey: false`: the script signs no links, so production's
 * SECRET_KEY is not asked for (`pnpm db:migrate` in a deploy pipeline).
 */
export async function withDatabase(
  work: (database: OpenDatabase) => Promise<void>,
  options: { env?: NodeJS.ProcessEnv; secretKey?: boolean } = {},
): Promise<void> {
  const env = options.env ?? process.env;
  const result = loadConfig({
    ...env,
    LOG_LEVEL: env.LOG_LEVEL ?? 'warn',
    ...(options.secretKey === false && !env.SECRET_KEY
      ? { SECRET_KEY: 'not-used-by-this-script-0123456789abcdef' }
      : {}),
  });
  if (!result.ok) {
    process.stderr.write(`${formatConfigProblems(result.problems)}\n`);
    process.exit(1);
  }
  try {
    const database = await openDatabase(result.config, createLogger(result.config));
    try {
      await work(database);
    } finally {
      await database.close();
    }
  } catch (error) {
    process.stderr.write(`diemcau: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
