import { useSignal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import { focusFirstError, focusSoon, showSubmitError, TextField } from '../components/field.tsx';
import { Notice, type NoticeValue } from '../components/notice.tsx';
import { graphql } from '../gql/gql.ts';
import { describeError } from '../lib/errors.ts';
import { request } from '../lib/graphql.ts';
import { type Text, t } from '../lib/i18n.ts';
import { passwordProblem } from '../lib/passwords.ts';

const changePasswordMutation = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

type Fields = 'currentPassword' | 'newPassword' | 'repeatPassword';

/** Your own password: current, new, new again. Your other sessions are signed out by the server. */
export function ChangePassword({ username }: { username: string }) {
  const values = useSignal<Record<Fields, string>>({ currentPassword: '', newPassword: '', repeatPassword: '' });
  const errors = useSignal<Partial<Record<Fields, Text>>>({});
  const notice = useSignal<NoticeValue>(null);
  const busy = useSignal(false);
  const form = useRef<HTMLFormElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  const set = (field: Fields) => (value: string) => {
    values.value = { ...values.value, [field]: value };
  };

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const { currentPassword, newPassword, repeatPassword } = values.value;
    const found: Partial<Record<Fields, Text>> = {};
    if (!currentPassword) found.currentPassword = () => t('password.currentRequired');
    if (passwordProblem(newPassword, username)) found.newPassword = () => passwordProblem(newPassword, username) ?? '';
    else if (newPassword === currentPassword) found.newPassword = () => t('password.sameAsCurrent');
    if (!found.newPassword && repeatPassword !== newPassword) found.repeatPassword = () => t('password.mismatch');
    errors.value = found;
    notice.value = null;
    if (Object.keys(found).length > 0) {
      focusFirstError(form.current);
      return;
    }
    busy.value = true;
    notice.value = { kind: 'info', text: () => t('common.saving') };
    try {
      await request(changePasswordMutation, { currentPassword, newPassword });
      values.value = { currentPassword: '', newPassword: '', repeatPassword: '' };
      notice.value = { kind: 'success', text: () => t('password.changed') };
      focusSoon(() => noticeRef.current);
    } catch (error) {
      showSubmitError(error, ['currentPassword', 'newPassword'], { errors, notice, form, noticeRef }, (field) =>
        field === 'currentPassword' ? t('password.currentWrong') : describeError(error),
      );
    } finally {
      busy.value = false;
    }
  };

  return (
    <section class="card" aria-labelledby="password-title">
      <h2 id="password-title">{t('password.title')}</h2>
      <form class="form" ref={form} onSubmit={onSubmit} noValidate>
        {/* For password managers: which account this password belongs to. */}
        <input type="text" name="username" autocomplete="username" value={username} readOnly hidden />
        <TextField
          id="current-password"
          label={t('password.current')}
          type="password"
          autocomplete="current-password"
          value={values.value.currentPassword}
          onValue={set('currentPassword')}
          error={errors.value.currentPassword?.()}
          required
        />
        <TextField
          id="new-password"
          label={t('password.new')}
          hint={t('password.rules')}
          type="password"
          autocomplete="new-password"
          value={values.value.newPassword}
          onValue={set('newPassword')}
          error={errors.value.newPassword?.()}
          required
          minLength={10}
        />
        <TextField
          id="repeat-password"
          label={t('password.repeat')}
          type="password"
          autocomplete="new-password"
          value={values.value.repeatPassword}
          onValue={set('repeatPassword')}
          error={errors.value.repeatPassword?.()}
          required
        />
        <Notice value={notice.value} noticeRef={noticeRef} />
        <div class="actions">
          <button type="submit" class="button button--primary" disabled={busy.value}>
            {t('password.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
