import { usernamePattern } from '@diemcau/schema';
import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { focusFirstError, focusSoon, SelectField, showSubmitError, TextField } from '../components/field.tsx';
import { Notice, type NoticeValue } from '../components/notice.tsx';
import { Page } from '../components/page.tsx';
import { graphql } from '../gql/gql.ts';
import type { AccountsQuery, Role } from '../gql/graphql.ts';
import { describeError } from '../lib/errors.ts';
import { request } from '../lib/graphql.ts';
import { formatDateTimeShort, type Text, t } from '../lib/i18n.ts';
import { passwordProblem } from '../lib/passwords.ts';
import { roleName, roles } from '../lib/roles.ts';
import { viewer } from '../lib/viewer.ts';
import { type PickedUnit, UnitPicker } from '../units/unit-picker.tsx';
import { at } from './admin-text.ts';

const accountsQuery = graphql(`
  query Accounts($first: Int, $after: String) {
    accounts(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          username
          displayName
          role
          disabledAt
          createdAt
          scopeUnit {
            id
            code
            name
          }
        }
      }
    }
  }
`);

const createAccountMutation = graphql(`
  mutation CreateAccount($input: CreateAccountInput!) {
    createAccount(input: $input) {
      id
      username
    }
  }
`);

const setAccountDisabledMutation = graphql(`
  mutation SetAccountDisabled($id: ID!, $disabled: Boolean!) {
    updateAccount(input: { id: $id, disabled: $disabled }) {
      id
      disabledAt
    }
  }
`);

const updateAccountAccessMutation = graphql(`
  mutation UpdateAccountAccess($id: ID!, $role: Role!, $scopeUnitId: ID) {
    updateAccount(input: { id: $id, role: $role, scopeUnitId: $scopeUnitId }) {
      id
      role
      scopeUnit {
        id
      }
    }
  }
`);

const resetAccountPasswordMutation = graphql(`
  mutation ResetAccountPassword($id: ID!, $password: String!) {
    resetAccountPassword(id: $id, password: $password)
  }
`);

type Account = AccountsQuery['accounts']['edges'][number]['node'];

const USERNAME_PATTERN = usernamePattern;
const pageSize = 50;

type CreateFields = 'username' | 'displayName' | 'role' | 'scopeUnitId' | 'password';

function CreateAccountForm({ onCreated }: { onCreated: (username: string) => void }) {
  const username = useSignal('');
  const displayName = useSignal('');
  const role = useSignal<Role>('ORGANIZER');
  const scope = useSignal<PickedUnit | null>(null);
  const password = useSignal('');
  const showPassword = useSignal(false);
  const errors = useSignal<Partial<Record<CreateFields, Text>>>({});
  const notice = useSignal<NoticeValue>(null);
  const busy = useSignal(false);
  const form = useRef<HTMLFormElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const name = username.value.trim().toLowerCase();
    const found: Partial<Record<CreateFields, Text>> = {};
    if (!USERNAME_PATTERN.test(name)) found.username = () => t('accounts.usernameRule');
    if (!displayName.value.trim()) found.displayName = () => t('accounts.displayNameRequired');
    if (role.value !== 'ADMIN' && !scope.value) found.scopeUnitId = () => t('accounts.scopeRequired');
    const chosen = password.value;
    if (passwordProblem(chosen, name)) found.password = () => passwordProblem(chosen, name) ?? '';
    errors.value = found;
    notice.value = null;
    if (Object.keys(found).length > 0) return focusFirstError(form.current);
    busy.value = true;
    notice.value = { kind: 'info', text: () => t('common.saving') };
    try {
      const { createAccount } = await request(createAccountMutation, {
        input: {
          username: name,
          displayName: displayName.value.trim(),
          role: role.value,
          scopeUnitId: role.value === 'ADMIN' ? null : (scope.value?.id ?? null),
          password: password.value,
        },
      });
      username.value = '';
      displayName.value = '';
      password.value = '';
      scope.value = null;
      notice.value = { kind: 'success', text: () => t('accounts.created', { username: createAccount.username }) };
      focusSoon(() => noticeRef.current);
      onCreated(createAccount.username);
    } catch (error) {
      showSubmitError(error, ['username', 'displayName', 'role', 'scopeUnitId', 'password'], {
        errors,
        notice,
        form,
        noticeRef,
      });
    } finally {
      busy.value = false;
    }
  };

  return (
    <section class="card" aria-labelledby="account-create-title">
      <h2 id="account-create-title">{t('accounts.createTitle')}</h2>
      <form class="form" ref={form} onSubmit={onSubmit} noValidate>
        <TextField
          id="account-username"
          label={t('accounts.username')}
          hint={t('accounts.usernameRule')}
          value={username.value}
          onValue={(v) => {
            username.value = v;
          }}
          error={errors.value.username?.()}
          autocomplete="off"
          autocapitalize="none"
          spellcheck={false}
          maxLength={64}
          required
          data-testid="account-username"
        />
        <TextField
          id="account-display-name"
          label={t('accounts.displayName')}
          value={displayName.value}
          onValue={(v) => {
            displayName.value = v;
          }}
          error={errors.value.displayName?.()}
          autocomplete="off"
          maxLength={200}
          required
          data-testid="account-display-name"
        />
        <SelectField
          id="account-role"
          label={t('accounts.role')}
          hint={t(`account.roleHelp.${role.value}`)}
          value={role.value}
          onValue={(v) => {
            role.value = v as Role;
          }}
          options={roles.map((r) => ({ value: r, label: roleName(r) }))}
          error={errors.value.role?.()}
          data-testid="account-role"
        />
        {role.value === 'ADMIN' ? (
          <p class="field-hint">{t('accounts.adminScope')}</p>
        ) : (
          <UnitPicker
            id="account-scope"
            label={t('accounts.scope')}
            hint={t('accounts.scopeHint')}
            value={scope.value}
            onChange={(unit) => {
              scope.value = unit;
            }}
            error={errors.value.scopeUnitId?.()}
            testId="account-scope"
          />
        )}
        <TextField
          id="account-password"
          label={t('accounts.initialPassword')}
          hint={t('password.rules')}
          type={showPassword.value ? 'text' : 'password'}
          value={password.value}
          onValue={(v) => {
            password.value = v;
          }}
          error={errors.value.password?.()}
          autocomplete="new-password"
          spellcheck={false}
          required
          data-testid="account-password"
        />
        <label class="checkbox">
          <input
            type="checkbox"
            checked={showPassword.value}
            onChange={(event) => {
              showPassword.value = event.currentTarget.checked;
            }}
          />
          {t('accounts.showPassword')}
        </label>
        <Notice value={notice.value} noticeRef={noticeRef} testId="account-create-notice" />
        <div class="actions">
          <button type="submit" class="button button--primary" disabled={busy.value} data-testid="account-create">
            {t('accounts.create')}
          </button>
        </div>
      </form>
    </section>
  );
}

function ResetPasswordForm({ account, onClose }: { account: Account; onClose: (done: boolean) => void }) {
  const password = useSignal('');
  const error = useSignal<Text | null>(null);
  const busy = useSignal(false);
  const form = useRef<HTMLFormElement>(null);
  const id = `reset-password-${account.id}`;
  useEffect(() => {
    focusSoon(() => document.getElementById(id));
  }, []);
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const chosen = password.value;
    error.value = passwordProblem(chosen, account.username)
      ? () => passwordProblem(chosen, account.username) ?? ''
      : null;
    if (error.value) return focusFirstError(form.current);
    busy.value = true;
    try {
      await request(resetAccountPasswordMutation, { id: account.id, password: password.value });
      onClose(true);
    } catch (e) {
      error.value = () => describeError(e);
      focusFirstError(form.current);
    } finally {
      busy.value = false;
    }
  };
  return (
    <form class="form confirm" ref={form} onSubmit={onSubmit} noValidate>
      <TextField
        id={id}
        label={t('accounts.newPasswordFor', { username: account.username })}
        hint={t('accounts.resetHelp')}
        type="text"
        autocomplete="new-password"
        spellcheck={false}
        value={password.value}
        onValue={(v) => {
          password.value = v;
        }}
        error={error.value?.()}
        required
      />
      <div class="actions">
        <button type="submit" class="button button--primary" disabled={busy.value}>
          {t('accounts.resetPassword')}
        </button>
        <button type="button" class="button" disabled={busy.value} onClick={() => onClose(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Role and scope unit of an existing account (its open live screens close: they were let in for the old ones). */
function EditAccessForm({ account, onClose }: { account: Account; onClose: (done: boolean) => void }) {
  const role = useSignal<Role>(account.role);
  const scope = useSignal<PickedUnit | null>(null);
  const error = useSignal<Text | null>(null);
  const busy = useSignal(false);
  const form = useRef<HTMLFormElement>(null);
  const id = `account-edit-role-${account.id}`;
  useEffect(() => {
    focusSoon(() => document.getElementById(id));
  }, []);
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    // A non-admin needs a scope: the one chosen here, or the one it has.
    if (role.value !== 'ADMIN' && !scope.value && !account.scopeUnit) {
      error.value = () => t('accounts.scopeRequired');
      return focusFirstError(form.current);
    }
    busy.value = true;
    error.value = null;
    try {
      await request(updateAccountAccessMutation, {
        id: account.id,
        role: role.value,
        scopeUnitId: role.value === 'ADMIN' ? null : (scope.value?.id ?? null),
      });
      onClose(true);
    } catch (e) {
      error.value = () => describeError(e);
      focusFirstError(form.current);
    } finally {
      busy.value = false;
    }
  };
  return (
    <form
      class="form confirm"
      ref={form}
      onSubmit={onSubmit}
      noValidate
      data-testid={`account-edit-form-${account.username}`}
    >
      <fieldset>
        <legend>{at('edit.legend', { username: account.username })}</legend>
        <SelectField
          id={id}
          label={t('accounts.role')}
          hint={t(`account.roleHelp.${role.value}`)}
          value={role.value}
          onValue={(v) => {
            role.value = v as Role;
          }}
          options={roles.map((r) => ({ value: r, label: roleName(r) }))}
          data-testid={`account-edit-role-${account.username}`}
        />
        {role.value === 'ADMIN' ? (
          <p class="field-hint">{t('accounts.adminScope')}</p>
        ) : (
          <UnitPicker
            id={`account-edit-scope-${account.id}`}
            label={t('accounts.scope')}
            hint={
              account.scopeUnit
                ? at('edit.scopeKeep', { scope: `${account.scopeUnit.name} (${account.scopeUnit.code})` })
                : t('accounts.scopeHint')
            }
            value={scope.value}
            onChange={(unit) => {
              scope.value = unit;
            }}
            error={error.value?.()}
            testId={`account-edit-scope-${account.username}`}
          />
        )}
        {role.value === 'ADMIN' && error.value && (
          <p class="field-error" role="alert">
            {error.value()}
          </p>
        )}
      </fieldset>
      <div class="actions">
        <button
          type="submit"
          class="button button--primary"
          disabled={busy.value}
          data-testid={`account-edit-save-${account.username}`}
        >
          {at('edit.save')}
        </button>
        <button type="button" class="button" disabled={busy.value} onClick={() => onClose(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function AccountItem({ account, onChanged }: { account: Account; onChanged: (text: Text) => void }) {
  const mode = useSignal<'idle' | 'confirm-disable' | 'reset' | 'edit'>('idle');
  const editButton = useRef<HTMLButtonElement>(null);
  const busy = useSignal(false);
  const error = useSignal<Text | null>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const resetButton = useRef<HTMLButtonElement>(null);
  const disabled = Boolean(account.disabledAt);
  const isMe = viewer.value?.id === account.id;

  const setDisabled = async (value: boolean) => {
    busy.value = true;
    error.value = null;
    try {
      await request(setAccountDisabledMutation, { id: account.id, disabled: value });
      mode.value = 'idle';
      onChanged(() => t(value ? 'accounts.disabledNotice' : 'accounts.enabledNotice', { username: account.username }));
    } catch (e) {
      error.value = () => describeError(e);
    } finally {
      busy.value = false;
    }
  };

  return (
    <li class="item" data-testid={`account-item-${account.username}`} data-disabled={disabled}>
      <div class="item-head">
        <h3 class="item-title">
          {account.displayName} <span class="muted mono">{account.username}</span>
        </h3>
        <span class="badge" data-state={disabled ? 'revoked' : 'active'}>
          {t(disabled ? 'accounts.statusDisabled' : 'accounts.statusActive')}
        </span>
      </div>
      <dl class="details details--compact">
        <div>
          <dt>{t('accounts.role')}</dt>
          <dd>{roleName(account.role)}</dd>
        </div>
        <div>
          <dt>{t('accounts.scope')}</dt>
          <dd>
            {account.scopeUnit ? (
              <>
                {account.scopeUnit.name} <span class="muted mono">({account.scopeUnit.code})</span>
              </>
            ) : (
              t('account.scopeAll')
            )}
          </dd>
        </div>
        <div>
          <dt>{disabled ? t('accounts.disabledAt') : t('accounts.createdAt')}</dt>
          <dd>{formatDateTimeShort(account.disabledAt ?? account.createdAt)}</dd>
        </div>
      </dl>
      {mode.value === 'edit' ? (
        <EditAccessForm
          account={account}
          onClose={(done) => {
            mode.value = 'idle';
            if (done) onChanged(() => at('edit.saved', { username: account.username }));
            else focusSoon(() => editButton.current);
          }}
        />
      ) : mode.value === 'reset' ? (
        <ResetPasswordForm
          account={account}
          onClose={(done) => {
            mode.value = 'idle';
            if (done) onChanged(() => t('accounts.passwordReset', { username: account.username }));
            else focusSoon(() => resetButton.current);
          }}
        />
      ) : mode.value === 'confirm-disable' ? (
        <fieldset class="confirm">
          <legend>{t('accounts.disableConfirm', { username: account.username })}</legend>
          <div class="actions">
            <button
              type="button"
              class="button button--danger"
              ref={confirmButton}
              disabled={busy.value}
              onClick={() => void setDisabled(true)}
              data-testid={`account-disable-confirm-${account.username}`}
            >
              {t('accounts.disableNow')}
            </button>
            <button type="button" class="button" disabled={busy.value} onClick={() => (mode.value = 'idle')}>
              {t('common.cancel')}
            </button>
          </div>
        </fieldset>
      ) : (
        <div class="actions">
          {disabled ? (
            <button
              type="button"
              class="button"
              disabled={busy.value}
              onClick={() => void setDisabled(false)}
              data-testid={`account-enable-${account.username}`}
            >
              {t('accounts.enable')}
              <span class="sr-only"> {account.username}</span>
            </button>
          ) : (
            !isMe && (
              <button
                type="button"
                class="button"
                onClick={() => {
                  mode.value = 'confirm-disable';
                  focusSoon(() => confirmButton.current);
                }}
                data-testid={`account-disable-${account.username}`}
              >
                {t('accounts.disable')}
                <span class="sr-only"> {account.username}</span>
              </button>
            )
          )}
          {!isMe && (
            <button
              type="button"
              class="button"
              ref={editButton}
              onClick={() => {
                mode.value = 'edit';
              }}
              data-testid={`account-edit-${account.username}`}
            >
              {at('edit.open')}
              <span class="sr-only"> {account.username}</span>
            </button>
          )}
          <button
            type="button"
            class="button"
            ref={resetButton}
            onClick={() => {
              mode.value = 'reset';
            }}
            data-testid={`account-reset-${account.username}`}
          >
            {t('accounts.resetPassword')}
            <span class="sr-only"> {account.username}</span>
          </button>
        </div>
      )}
      {error.value && (
        <p class="field-error" role="alert">
          {error.value()}
        </p>
      )}
    </li>
  );
}

/** ADMIN: every account, a form to create one, and per account: role and scope, disable / enable, a new password. */
export function AccountsPage() {
  const accounts = useSignal<Account[] | null>(null);
  const total = useSignal(0);
  const endCursor = useSignal<string | null>(null);
  const hasNextPage = useSignal(false);
  const loadError = useSignal<Text | null>(null);
  const loading = useSignal(false);
  const listNotice = useSignal<NoticeValue>(null);
  const listNoticeRef = useRef<HTMLDivElement>(null);

  const load = async (more = false) => {
    loading.value = true;
    try {
      const shown = accounts.value?.length ?? 0;
      const { accounts: page } = await request(accountsQuery, {
        first: more ? pageSize : Math.min(200, Math.max(pageSize, shown)),
        after: more ? endCursor.value : null,
      });
      const items = page.edges.map((edge) => edge.node);
      accounts.value = more && accounts.value ? [...accounts.value, ...items] : items;
      total.value = page.totalCount;
      endCursor.value = page.pageInfo.endCursor ?? null;
      hasNextPage.value = page.pageInfo.hasNextPage;
      loadError.value = null;
    } catch (error) {
      loadError.value = () => describeError(error);
    } finally {
      loading.value = false;
    }
  };
  useEffect(() => {
    void load();
  }, []);

  const onChanged = (text: Text) => {
    listNotice.value = { kind: 'success', text };
    focusSoon(() => listNoticeRef.current);
    void load();
  };

  return (
    <Page title={t('accounts.title')} wide>
      <div class="admin-grid">
        <div class="admin-main">
          <section class="card" aria-labelledby="account-list-title">
            <h2 id="account-list-title">
              {t('accounts.listTitle')}
              {accounts.value && <span class="muted"> ({total.value})</span>}
            </h2>
            <Notice value={listNotice.value} noticeRef={listNoticeRef} testId="account-list-notice" />
            {loadError.value && (
              <p role="alert" class="field-error">
                {loadError.value()}{' '}
                <button type="button" class="button button--quiet" onClick={() => void load()}>
                  {t('common.retry')}
                </button>
              </p>
            )}
            {accounts.value === null && !loadError.value && <p class="muted">{t('common.loading')}</p>}
            {accounts.value && (
              <ul class="item-list" aria-labelledby="account-list-title" data-testid="account-list">
                {accounts.value.map((account) => (
                  <AccountItem key={account.id} account={account} onChanged={onChanged} />
                ))}
              </ul>
            )}
            {hasNextPage.value && (
              <button
                type="button"
                class="button button--quiet"
                disabled={loading.value}
                onClick={() => void load(true)}
              >
                {t('tree.more', { n: total.value - (accounts.value?.length ?? 0) })}
              </button>
            )}
          </section>
        </div>
        <div class="admin-side">
          <CreateAccountForm onCreated={() => void load()} />
        </div>
      </div>
    </Page>
  );
}
