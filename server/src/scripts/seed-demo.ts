import 'reflect-metadata';
import { SingleBar } from 'cli-progress';
import { demoAccounts } from '../demo/demo-province.ts';
import { seedDemo } from '../demo/seed.ts';
import { withDatabase } from './with-database.ts';

/** `pnpm seed:demo`: loads the demo province into DATABASE_URL (or the embedded database). */
await withDatabase(async (running) => {
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
  process.stdout.write(
    `units: ${counts.created} created, ${counts.updated} renamed, ${counts.moved} moved, ${counts.unchanged} unchanged; ` +
      `accounts: ${counts.accountsCreated} created\n` +
      `sign in with: ${demoAccounts.map((a) => `${a.username} / ${a.password} (${a.role})`).join(', ')}\n`,
  );
});
