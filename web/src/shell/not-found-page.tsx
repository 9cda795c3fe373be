import { Page } from '../components/page.tsx';
import { t } from '../lib/i18n.ts';

export function NotFoundPage() {
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.text')}</p>
      <p>
        <a href="/">{t('notFound.home')}</a>
      </p>
    </Page>
  );
}

/** Shown when a page's chunk could not be fetched (offline, or a new version was deployed meanwhile). */
export function PageLoadFailed() {
  return (
    <Page title={t('pageLoad.title')}>
      <p role="alert">{t('pageLoad.text')}</p>
      <p>
        <button type="button" class="button" onClick={() => location.reload()}>
          {t('pageLoad.reload')}
        </button>
      </p>
    </Page>
  );
}
