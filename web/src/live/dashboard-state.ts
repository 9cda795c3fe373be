import { applyLiveChanges, type LiveSnapshot } from '@diemcau/schema';
import { type Signal, signal } from '@preact/signals';
import { apiOrigin } from '../lib/api.ts';
import { type DashboardSocket, type LinkState, openLive } from './connection.ts';

export type DashboardStore = {
  /** The live state: the snapshot on join, then each coalesced change applied with the shared `applyLiveChanges`. */
  snapshot: Signal<LiveSnapshot | null>;
  link: Signal<LinkState>;
  /** Changes applied and resyncs asked for (a gap in `seq`), for the curious and for tests. */
  stats: { changes: number; resyncs: number };
  socket: DashboardSocket;
  close: () => void;
};

/**
 * The `/dashboard` namespace of one conference (the session cookie authenticates it). Unchanged
 * rows keep their identity from one state to the next (`applyLiveChanges` replaces only the rows a
 * message carries), so the table re-renders only the rows that changed.
 */
export function openDashboard(conferenceId: string): DashboardStore {
  const { socket, state, close } = openLive(apiOrigin(), '/dashboard', { conferenceId });
  const snapshot = signal<LiveSnapshot | null>(null);
  const stats = { changes: 0, resyncs: 0 };
  let resyncing = false;

  const resync = () => {
    if (resyncing) return;
    resyncing = true;
    stats.resyncs += 1;
    socket.timeout(10_000).emit('dashboard:resync', (error, reply) => {
      resyncing = false;
      if (error || 'error' in reply) return; // the next snapshot (on reconnect) or gap retries
      snapshot.value = reply;
    });
  };

  socket.on('dashboard:snapshot', (next) => {
    snapshot.value = next;
  });
  socket.on('dashboard:changes', (changes) => {
    const current = snapshot.peek();
    if (!current || resyncing) return;
    const next = applyLiveChanges(current, changes);
    if (next === null) {
      resync();
      return;
    }
    stats.changes += 1;
    if (next !== current) snapshot.value = next;
  });
  socket.on('conference:status', (event) => {
    const current = snapshot.peek();
    if (current && current.status !== event.status) snapshot.value = { ...current, status: event.status };
  });

  return { snapshot, link: state, stats, socket, close };
}
