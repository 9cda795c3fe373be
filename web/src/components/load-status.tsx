import { t } from '../lib/i18n.ts';
import type { Load } from '../lib/use-load.ts';

/** "Loading…", said politely to screen readers. */
export function Loading() {
  return (
    <p class="muted" role="status">
      {t('common.loading')}
    </p>
  );
}

/** What a page says while its data loads, or why it could not: a polite status, then an alert. */
export function LoadStatus({ state }: { state: Load<unknown> }) {
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') {
    return (
      <p class="notice notice--error" role="alert">
        {t('common.loadFailed', { message: state.message })}
      </p>
    );
  }
  return null;
}
