import { useSignal } from '@preact/signals';
import { useLocation } from 'preact-iso';
import { describeError } from '../lib/errors.ts';
import { type Text, t } from '../lib/i18n.ts';
import { signOut, viewer } from '../lib/viewer.ts';
import { LanguageSwitch } from './language-switch.tsx';

function NavLink({ href, label, testId }: { href: string; label: string; testId: string }) {
  const { path } = useLocation();
  return (
    // The section's own pages (/surveys/12/builder) keep its link marked.
    <a
      href={href}
      aria-current={path === href ? 'page' : path.startsWith(`${href}/`) ? 'location' : undefined}
      data-testid={testId}
    >
      {label}
    </a>
  );
}

/** The brand, the links the viewer may follow, who is signed in, signing out and the language. */
export function Header() {
  const { path, route } = useLocation();
  const signOutError = useSignal<Text | null>(null);
  const busy = useSignal(false);
  const account = viewer.value;

  const onSignOut = async () => {
    busy.value = true;
    signOutError.value = null;
    try {
      await signOut();
      route('/sign-in');
    } catch (error) {
      signOutError.value = () => describeError(error);
    } finally {
      busy.value = false;
    }
  };

  return (
    <header class="header">
      <a class="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <a class="brand" href="/">
        Điểm cầu
      </a>
      {account && (
        <nav class="nav" aria-label={t('nav.label')}>
          {(account.role === 'ADMIN' || account.role === 'ORGANIZER') && (
            <NavLink href="/surveys" label={t('nav.surveys')} testId="nav-surveys" />
          )}
          <NavLink href="/analytics" label={t('nav.analytics')} testId="nav-analytics" />
          <NavLink href="/conferences" label={t('nav.conferences')} testId="nav-conferences" />
          {account.role === 'ADMIN' && <NavLink href="/admin/units" label={t('nav.units')} testId="nav-units" />}
          {account.role === 'ADMIN' && (
            <NavLink href="/admin/accounts" label={t('nav.accounts')} testId="nav-accounts" />
          )}
        </nav>
      )}
      <div class="session">
        {account ? (
          <>
            <a
              class="viewer-name"
              href="/account"
              aria-current={path === '/account' ? 'page' : undefined}
              data-testid="viewer-name"
            >
              <span class="sr-only">{t('nav.myAccount')}: </span>
              {account.displayName}
            </a>
            <button
              type="button"
              class="button button--quiet"
              data-testid="sign-out"
              disabled={busy.value}
              onClick={onSignOut}
            >
              {t('nav.signOut')}
            </button>
          </>
        ) : (
          path !== '/sign-in' && (
            <a class="button button--quiet" href="/sign-in" data-testid="nav-sign-in">
              {t('nav.signIn')}
            </a>
          )
        )}
        <LanguageSwitch />
      </div>
      {signOutError.value && (
        <p class="header-error" role="alert">
          {signOutError.value()}
        </p>
      )}
    </header>
  );
}
