import 'reflect-metadata';

export * from './config/config.ts';
export { type EmbeddedPostgresHandle, freePort, startEmbeddedPostgres } from './db/embedded-postgres.ts';
export { migrate, openOrm } from './db/orm.ts';
export { printSchemaFile } from './graphql/schema.ts';
export { createLogger } from './logger.ts';
export {
  EMBEDDED_DATABASE,
  type OpenDatabase,
  openDatabase,
  type RunningServer,
  StartupError,
  startServer,
} from './server.ts';
export { serverVersion } from './version.ts';
