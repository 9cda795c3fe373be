import type { MikroORM } from '@mikro-orm/postgresql';
import type { SignInLimiter } from './accounts/rate-limit.ts';
import type { Config } from './config/config.ts';
import type { ClusterNode } from './live/cluster.ts';
import type { LiveService } from './live/live.service.ts';

/** What the running process knows about itself; shared by probes, resolvers and sockets. */
export type Runtime = {
  config: Config;
  orm: MikroORM;
  startedAt: Date;
  /** True from the moment a shutdown starts: readiness turns false so balancers stop sending. */
  shuttingDown: boolean;
  signInLimiter: SignInLimiter;
  /** Derives respondent and operator links (see security/secret.ts). */
  secretKey: string;
  /** The live conference counter: presence, grace windows, publishing, the timeline. */
  live: LiveService;
  /** Set when this process is one of a cluster (`CLUSTER=true`). */
  cluster: ClusterNode | undefined;
};
