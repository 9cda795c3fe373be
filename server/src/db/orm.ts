import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, MikroORM, type Options } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { entities } from './entities.ts';
import { migrationsList } from './migrations/index.ts';

export const migrationsPath = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export function ormConfig(databaseUrl: string, log?: Logger): Options {
  const ormLog = log?.child({ component: 'orm' });
  return defineConfig({
    clientUrl: databaseUrl,
    entities,
    discovery: { warnWhenNoEntities: false },
    extensions: [Migrator],
    migrations: {
      path: migrationsPath,
      pathTs: migrationsPath,
      migrationsList,
      snapshotOnMigrate: false,
      silent: true,
    },
    pool: { min: 0, max: 20 },
    debug: false,
    logger: (message) => ormLog?.debug(message),
    // Entities are plain objects from defineEntity: no reflection, no decorators.
    ensureDatabase: false,
    allowGlobalContext: false,
  });
}

export async function openOrm(databaseUrl: string, log?: Logger): Promise<MikroORM> {
  return MikroORM.init(ormConfig(databaseUrl, log));
}

/** Applies the committed migrations that have not run yet; returns their names. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const done = await orm.migrator.up();
  return done.map((m) => m.name);
}

/** `select 1` with a deadline: the readiness probe. */
export async function pingDatabase(orm: MikroORM, timeoutMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      orm.em
        .getConnection()
        .execute('select 1 as ok')
        .then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      }),
    ]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
