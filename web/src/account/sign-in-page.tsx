import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { focusFirstError, focusSoon, TextField } from '../components/field.tsx';
import { Notice, type NoticeValue } from '../components/notice.tsx';
import { Page } from '../components/page.tsx';
import { graphql } from '../gql/gql.ts';
import { describeError, errorCode } from '../lib/errors.ts';
import { request } from '../lib/graphql.ts';
import { type Text, t } from '../lib/i18n.ts';
import { loadViewer, viewer } from '../lib/viewer.ts';

const signInMutation = graphql(`
  mutation SignIn($username: String!, $password: String!) {
    signIn(username: $username, password: $password) {
      id
    }
  }
`);

/** Only a path of this site: never `//elsewhere` or `https://…`, so the link can't send anyone away. */
export function safeNext(next: string | undefined): string {
  return next && /^\/(?![/\\])/.test(next) && !next.startsWith('/sign-in') ? next : '/account';
}

export function SignInPage() {
  const { query, route } = useLocation();
  const next = safeNext(query.next);
  const username = useSignal('');
  const password = useSignal('');
  const errors = useSignal<{ username?: Text; password?: Text }>({});
  const notice = useSignal<NoticeValue>(null);
  const busy = useSignal(false);
  const form = useRef<HTMLFormElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  // Signed in (just now, or already): on to where the visitor was going.
  const signedIn = viewer.value !== null;
  useEffect(() => {
    if (signedIn) route(next, true);
  }, [signedIn]);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const found: typeof errors.value = {};
    if (!username.value.trim()) found.username = () => t('signIn.usernameRequired');
    if (!password.value) found.password = () => t('signIn.passwordRequired');
    errors.value = found;
    notice.value = null;
    if (found.username || found.password) {
      focusFirstError(form.current);
      return;
    }
    busy.value = true;
    notice.value = { kind: 'info', text: () => t('signIn.busy') };
    try {
      await request(signInMutation, { username: username.value.trim(), password: password.value });
      notice.value = { kind: 'success', text: () => t('signIn.done') };
      await loadViewer();
    } catch (error) {
      const code = errorCode(error);
      notice.value = {
        kind: 'error',
        text: () => (code === 'BAD_CREDENTIALS' ? t('signIn.badCredentials') : describeError(error)),
      };
      if (code === 'BAD_CREDENTIALS') password.value = '';
      focusSoon(() => noticeRef.current);
    } finally {
      busy.value = false;
    }
  };

  return (
    <Page title={t('signIn.title')}>
      <form class="card form" ref={form} onSubmit={onSubmit} noValidate aria-describedby="signin-intro">
        <p id="signin-intro" class="muted">
          {t('signIn.intro')}
        </p>
        <TextField
          id="signin-username"
          label={t('signIn.username')}
          value={username.value}
          onValue={(v) => {
            username.value = v;
          }}
          error={errors.value.username?.()}
          autocomplete="username"
          autocapitalize="none"
          spellcheck={false}
          required
          data-testid="signin-username"
        />
        <TextField
          id="signin-password"
          label={t('signIn.password')}
          type="password"
          value={password.value}
          onValue={(v) => {
            password.value = v;
          }}
          error={errors.value.password?.()}
          autocomplete="current-password"
          required
          data-testid="signin-password"
        />
        <Notice value={notice.value} noticeRef={noticeRef} testId="signin-notice" />
        <div class="actions">
          <button type="submit" class="button button--primary" disabled={busy.value} data-testid="signin-submit">
            {t('signIn.submit')}
          </button>
        </div>
      </form>
    </Page>
  );
}
