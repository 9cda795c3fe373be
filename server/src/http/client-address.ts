import type { IncomingMessage } from 'node:http';
import proxyaddr from '@fastify/proxy-addr';

export type TrustProxy = boolean | string[];

/**
 * Whose address a request comes from, trusting `X-Forwarded-For` only from the proxies named in
 * `TRUST_PROXY` — the same rule Fastify applies to `req.ip`, here for Socket.IO handshakes (the
 * check-in rate limit) so that everyone behind one proxy is not one client.
 */
export function clientAddressResolver(trust: TrustProxy): (req: IncomingMessage) => string {
  if (trust === false) return (req) => req.socket.remoteAddress ?? '';
  const check = trust === true ? () => true : proxyaddr.compile(trust);
  return (req) => proxyaddr(req, check);
}

/** Parses `TRUST_PROXY`: `true`, `false`, or addresses / CIDRs / `loopback` `linklocal` `uniquelocal`, comma-separated. */
export function parseTrustProxy(value: string): TrustProxy | Error {
  const v = value.trim().toLowerCase();
  if (v === 'true') return true;
  if (v === 'false' || v === '') return false;
  const list = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  try {
    proxyaddr.compile(list);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
  return list;
}
