import { pingDatabase } from '../db/orm.ts';
import type { Runtime } from '../runtime.ts';
import { serverVersion } from '../version.ts';

export type HealthReport = {
  status: 'ok' | 'degraded' | 'shutting_down';
  database: boolean;
  version: string;
  serverTime: Date;
  uptimeSeconds: number;
};

/** The one health computation behind `/readyz` and the `health` GraphQL query. */
export async function checkHealth(runtime: Runtime): Promise<HealthReport> {
  const database = await pingDatabase(runtime.orm);
  const now = new Date();
  return {
    status: runtime.shuttingDown ? 'shutting_down' : database ? 'ok' : 'degraded',
    database,
    version: serverVersion,
    serverTime: now,
    uptimeSeconds: Math.floor((now.getTime() - runtime.startedAt.getTime()) / 1000),
  };
}
