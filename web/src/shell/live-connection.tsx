import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { t } from '../lib/i18n.ts';
import { connectSocket } from '../lib/socket.ts';

type ConnectionState = 'connecting' | 'connected' | 'reconnecting';

const pingEveryMs = 10_000;

/** The Socket.IO connection and its round trip, measured with `system:ping`. */
export function LiveConnection() {
  const state = useSignal<ConnectionState>('connecting');
  const roundTripMs = useSignal<number | null>(null);

  useEffect(() => {
    const socket = connectSocket();
    const ping = () => {
      socket.timeout(pingEveryMs).emit('system:ping', { sentAt: performance.now() }, (error, reply) => {
        roundTripMs.value = error || 'error' in reply ? null : Math.round(performance.now() - reply.sentAt);
      });
    };
    socket.on('connect', () => {
      state.value = 'connected';
      ping();
    });
    socket.on('disconnect', () => {
      state.value = 'reconnecting';
      roundTripMs.value = null;
    });
    socket.on('connect_error', () => {
      state.value = 'reconnecting';
    });
    const timer = setInterval(() => {
      if (socket.connected) ping();
    }, pingEveryMs);
    return () => {
      clearInterval(timer);
      socket.disconnect();
    };
  }, []);

  return (
    <p class="line">
      <span class="indicator" data-state={state.value} data-testid="socket-status" aria-live="polite">
        {t(`socket.${state.value}`)}
      </span>
      {state.value === 'connected' && roundTripMs.value !== null && (
        <span class="muted"> · {t('socket.roundTrip', { ms: roundTripMs.value })}</span>
      )}
    </p>
  );
}
