import 'reflect-metadata';
import { withDatabase } from './with-database.ts';

/**
 * `pnpm db:migrate`: applies pending migrations to `DATABASE_URL` (or the embedded database) and
 * exits. The server also does this at start-up; this is for deploy pipelines that migrate first.
 */
await withDatabase(
  async () => {
    process.stdout.write('migrations are up to date\n');
  },
  { secretKey: false },
);
