import type { Logger } from 'pino';
import type { ClusterChannel, LiveClusterEvent, LiveClusterMessages } from './live.model.ts';
import type { IoServer } from './socket-server.ts';

type Untyped = {
  serverSideEmit: (event: string, ...args: unknown[]) => boolean;
  on: (event: string, listener: (...args: unknown[]) => void) => unknown;
};

/**
 * The live counter's messages between the processes of a cluster, carried by Socket.IO's
 * inter-server events (the Postgres adapter turns them into NOTIFY, or an attachment row when large).
 */
export function socketClusterChannel(io: IoServer, log: Logger): ClusterChannel {
  const main = io.of('/') as unknown as Untyped;
  const channelLog = log.child({ component: 'cluster-channel' });
  return {
    send(event, payload) {
      main.serverSideEmit(event, payload);
    },
    request(event, payload, timeoutMs) {
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve([]), timeoutMs + 100);
        main.serverSideEmit(event, payload, (error: unknown, responses: unknown[] | undefined) => {
          clearTimeout(timer);
          if (error) channelLog.warn({ event }, 'some processes did not answer in time');
          resolve(responses ?? []);
        });
      });
    },
    on<E extends LiveClusterEvent>(event: E, handler: (payload: LiveClusterMessages[E]) => unknown) {
      main.on(event, (...args: unknown[]) => {
        const last = args.at(-1);
        const ack = typeof last === 'function' ? (last as (answer: unknown) => void) : undefined;
        Promise.resolve()
          .then(() => handler(args[0] as LiveClusterMessages[E]))
          .then(
            (answer) => ack?.(answer ?? null),
            (error: unknown) => {
              channelLog.error({ err: error, event }, 'cluster message failed');
              ack?.(null);
            },
          );
      });
    },
  };
}
