import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { graphql } from '../gql/gql.ts';
import type { HealthQuery } from '../gql/graphql.ts';
import { RequestError, request } from '../lib/graphql.ts';
import { formatDateTime, formatDuration, t } from '../lib/i18n.ts';
import { LiveConnection } from './live-connection.tsx';

const healthQuery = graphql(`
  query Health {
    health {
      status
      database
      version
      serverTime
      uptimeSeconds
    }
  }
`);

const refreshEveryMs = 10_000;

type HealthState =
  | { kind: 'loading' }
  | { kind: 'ready'; health: HealthQuery['health'] }
  | { kind: 'failed'; codes: readonly string[] };

/** Asks the server for its health now and every 10 s after the previous answer, until unmounted. */
function useHealth() {
  const state = useSignal<HealthState>({ kind: 'loading' });
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = async () => {
      let next: HealthState;
      try {
        const { health } = await request(healthQuery, {}, { signal: AbortSignal.timeout(refreshEveryMs) });
        next = { kind: 'ready', health };
      } catch (error) {
        next = { kind: 'failed', codes: error instanceof RequestError ? error.codes : ['NETWORK_ERROR'] };
      }
      if (stopped) return;
      state.value = next;
      timer = setTimeout(refresh, refreshEveryMs);
    };
    void refresh();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);
  return state.value;
}

function headline(state: HealthState): string {
  switch (state.kind) {
    case 'loading':
      return t('status.loading');
    case 'ready':
      return t(`status.${state.health.status}`);
    case 'failed':
      return state.codes.includes('NETWORK_ERROR')
        ? t('status.networkError')
        : t('status.serverError', { code: state.codes.join(', ') });
  }
}

/** The system status card: the server and its database over GraphQL, the live connection over Socket.IO. */
export function SystemStatus() {
  const state = useHealth();
  const health = state.kind === 'ready' ? state.health : null;
  return (
    <section class="card" aria-labelledby="system-status-title">
      <h2 id="system-status-title">{t('status.title')}</h2>
      <p class="line">
        <span
          class="indicator"
          data-state={health?.status ?? state.kind}
          data-testid="health-status"
          role="status"
          aria-live="polite"
        >
          {headline(state)}
        </span>
      </p>
      {health && (
        <dl class="details">
          <div>
            <dt>{t('status.database')}</dt>
            <dd data-testid="health-database" data-state={health.database ? 'up' : 'down'}>
              {t(health.database ? 'status.databaseUp' : 'status.databaseDown')}
            </dd>
          </div>
          <div>
            <dt>{t('status.version')}</dt>
            <dd data-testid="health-version">{health.version}</dd>
          </div>
          <div>
            <dt>{t('status.serverTime')}</dt>
            <dd>
              <time dateTime={health.serverTime}>{formatDateTime(health.serverTime)}</time>
            </dd>
          </div>
          <div>
            <dt>{t('status.uptime')}</dt>
            <dd>{formatDuration(health.uptimeSeconds)}</dd>
          </div>
        </dl>
      )}
      <LiveConnection />
    </section>
  );
}
