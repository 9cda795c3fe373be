import 'reflect-metadata';
import { SingleBar } from 'cli-progress';
import { formatConfigProblems, loadConfig } from '../config/config.ts';
import { demoAccounts } from '../demo/demo-province.ts';
import { seedDemo } from '../demo/seed.ts';
import { createLogger } from '../logger.ts';
import { startServer } from '../server.ts';

/** `pnpm seed:demo`: loads the demo province into DATABASE_URL (or the embedded database). */
const result = loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
if (!result.ok) {
  process.stderr.write(`${formatConfigProblems(result.problems)}\n`);
  process.exit(1);
}
const log = createLogger(result.config);
try {
  const running = await startServer(result.config, log);
  const bar = new SingleBar({
    format: 'Tỉnh demo / demo province |{bar}| {percentage}% {value}/{total} {step}',
    hideCursor: true,
  });
  bar.start(1, 0, { step: '' });
  const counts = await seedDemo(running.orm.em.fork(), (done, total, step) => {
    bar.setTotal(total);
    bar.update(done, { step });
  });
  bar.stop();
  await running.close();
  process.stdout.write(
    `units: ${counts.created} created, ${counts.updated} renamed, ${counts.moved} moved, ${counts.unchanged} unchanged; ` +
      `accounts: ${counts.accountsCreated} created\n` +
      `sign in with: ${demoAccounts.map((a) => `${a.username} / ${a.password} (${a.role})`).join(', ')}\n`,
  );
} catch (error) {
  process.stderr.write(`diemcau: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
