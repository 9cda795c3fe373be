import { Page } from '../components/page.tsx';
import { t } from '../lib/i18n.ts';
import { viewer, viewerState } from '../lib/viewer.ts';
import { SystemStatus } from './system-status.tsx';

/** The home page: where to go next, and the system status. */
export function HomePage() {
  const account = viewer.value;
  const ready = viewerState.value.status === 'ready';
  return (
    <Page title={t('home.title')}>
      {ready && (
        <p class="lead">
          {account ? (
            <>
              {t('home.greeting', { name: account.displayName })} <a href="/account">{t('home.toAccount')}</a>
              {(account.role === 'ADMIN' || account.role === 'ORGANIZER') && (
                <>
                  {' · '}
                  <a href="/surveys">{t('nav.surveys')}</a>
                </>
              )}
              {account.role === 'ADMIN' && (
                <>
                  {' · '}
                  <a href="/admin/units">{t('nav.units')}</a>
                  {' · '}
                  <a href="/admin/accounts">{t('nav.accounts')}</a>
                </>
              )}
            </>
          ) : (
            <>
              {t('home.signedOut')} <a href="/sign-in">{t('nav.signIn')}</a>
            </>
          )}
        </p>
      )}
      <SystemStatus />
    </Page>
  );
}
