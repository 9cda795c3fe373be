import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { Loading } from '../components/load-status.tsx';
import { Page } from '../components/page.tsx';
import type { Role } from '../gql/graphql.ts';
import { describeError } from '../lib/errors.ts';
import { language, t } from '../lib/i18n.ts';
import { roleName } from '../lib/roles.ts';
import { loadViewer, viewerState } from '../lib/viewer.ts';

/** Where the sign-in page sends a visitor who tried to open `url` signed out. */
export function signInUrl(url: string): string {
  return `/sign-in?next=${encodeURIComponent(url)}`;
}

/**
 * Renders its page only for a signed-in viewer (of one of `roles`, when given). Signed out, it sends the
 * visitor to the sign-in page, which brings them back here afterwards.
 */
export function RequireViewer({ roles, children }: { roles?: Role[]; children: ComponentChildren }) {
  const { url, path, route } = useLocation();
  // The path this page was opened for. While the next page's chunk loads, the router keeps this one
  // rendered although the address has moved on: then it must not redirect again.
  const here = useRoute().path;
  const state = viewerState.value;
  const signedOut = state.status === 'ready' && !state.viewer;
  useEffect(() => {
    if (signedOut && path === here) route(signInUrl(url), true);
  }, [signedOut, url]);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') {
    return (
      <Page title={t('viewer.failedTitle')}>
        <p role="alert">{describeError(state.error)}</p>
        <button type="button" class="button" onClick={() => void loadViewer()}>
          {t('common.retry')}
        </button>
      </Page>
    );
  }
  if (!state.viewer) return null;
  if (roles && !roles.includes(state.viewer.role)) {
    return (
      <Page title={t('forbidden.title')}>
        <p>
          {t('forbidden.text', {
            roles: roles.map(roleName).join(language.value === 'vi' ? ' hoặc ' : ' or '),
            role: roleName(state.viewer.role),
          })}
        </p>
        <p>
          <a href="/account">{t('forbidden.account')}</a>
        </p>
      </Page>
    );
  }
  return <>{children}</>;
}
