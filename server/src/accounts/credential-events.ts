import type { Runtime } from '../runtime.ts';
import type { Viewer } from './viewer.ts';

/**
 * Credentials that stopped working just now (a sign-out, a revoked token, a disabled account, a
 * password reset). HTTP requests check the credential on every request; open sockets checked it
 * only at their handshake, so the live namespaces listen here and close the sockets signed in with
 * it. One listener per running server (keyed by its runtime: tests run several in one process).
 */
export type EndedCredentials = { sessionIds?: number[]; apiTokenIds?: number[]; accountIds?: number[] };

const listeners = new WeakMap<Runtime, (rooms: string[]) => void>();

/** Socket.IO room of the sockets opened with a credential. */
export function credentialRoom(credential: Viewer['credential']): string {
  return credential.kind === 'session' ? `session:${credential.id}` : `api-token:${credential.id}`;
}

/** Socket.IO room of every socket an account opened. */
export function accountRoom(accountId: number): string {
  return `account:${accountId}`;
}

export function onCredentialsEnded(runtime: Runtime, listener: (rooms: string[]) => void): void {
  listeners.set(runtime, listener);
}

/** Closes the open sockets of these credentials, in every process of a cluster. */
export function credentialsEnded(runtime: Runtime, ended: EndedCredentials): void {
  const rooms = [
    ...(ended.sessionIds ?? []).map((id) => credentialRoom({ kind: 'session', id })),
    ...(ended.apiTokenIds ?? []).map((id) => credentialRoom({ kind: 'api', id })),
    ...(ended.accountIds ?? []).map(accountRoom),
  ];
  if (rooms.length > 0) listeners.get(runtime)?.(rooms);
}
