import 'reflect-metadata';
import { SingleBar } from 'cli-progress';
import { demoAccounts } from '../demo/demo-province.ts';
import { seedDemo } from '../demo/seed.ts';
import { withDatabase } from './with-database.ts';

/** `pnpm seed:demo`: loads the demo province into DATABASE_URL (or the embedded database). */
await withDatabase(async (database) => {
  const bar = new SingleBar({
    format: 'Tỉnh demo / demo province |{bar}| {percentage}% {value}/{total} {step}',
    hideCursor: true,
  });
  bar.start(1, 0, { step: '' });
  const counts = await seedDemo(database.orm.em.fork(), (done, total, step) => {
    bar.setTotal(total);
    bar.update(done, { step });
  });
  bar.stop();
  process.stdout.write(
    `units: ${counts.created} created, ${counts.updated} renamed, ${counts.moved} moved, ${counts.unchanged} unchanged; ` +
      `accounts: ${counts.accountsCreated} created\n` +
      // Passwords are never printed, not even the demo's: they are in the README's quick start.
      `demo accounts: ${demoAccounts.map((a) => `${a.username} (${a.role})`).join(', ')} — passwords in README.md, "Quick start"\n`,
  );
});
