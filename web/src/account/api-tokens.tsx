import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { focusFirstError, focusSoon, showSubmitError, TextField } from '../components/field.tsx';
import { Notice, type NoticeValue } from '../components/notice.tsx';
import { graphql } from '../gql/gql.ts';
import type { ApiTokensQuery } from '../gql/graphql.ts';
import { apiOrigin } from '../lib/api.ts';
import { describeError } from '../lib/errors.ts';
import { request } from '../lib/graphql.ts';
import { formatDateTimeShort, type Text, t } from '../lib/i18n.ts';

const apiTokensQuery = graphql(`
  query ApiTokens {
    apiTokens {
      id
      name
      hint
      createdAt
      expiresAt
      lastUsedAt
      revokedAt
    }
  }
`);

const createApiTokenMutation = graphql(`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      token
      apiToken {
        id
        name
      }
    }
  }
`);

const revokeApiTokenMutation = graphql(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) {
      id
      revokedAt
    }
  }
`);

type ApiToken = ApiTokensQuery['apiTokens'][number];
type TokenStatus = 'active' | 'revoked' | 'expired';

const NAME_MAX = 100;
const DAYS_MAX = 365;

function statusOf(token: ApiToken, now = Date.now()): TokenStatus {
  if (token.revokedAt) return 'revoked';
  return new Date(token.expiresAt).getTime() <= now ? 'expired' : 'active';
}

/** The one-line example of using a token from a script. */
export function curlExample(token: string): string {
  return `curl -H "Authorization: Bearer ${token}" -H "content-type: application/json" -d '{"query":"{ viewer { username } }"}' ${apiOrigin()}/graphql`;
}

/** Copies text to the clipboard; falls back to selecting `fallback` and the old copy command. */
async function copyText(text: string, fallback: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!fallback) return false;
    fallback.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

/** The token just created: shown once, with a copy button and an example. */
function NewToken({ name, token, onDone }: { name: string; token: string; onDone: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const copied = useSignal<NoticeValue>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const onCopy = async () => {
    const ok = await copyText(token, field.current);
    copied.value = ok
      ? { kind: 'success', text: () => t('tokens.copied') }
      : { kind: 'error', text: () => t('tokens.copyFailed') };
  };
  return (
    <div class="new-token" data-testid="token-created">
      <h3 ref={heading} tabIndex={-1}>
        {t('tokens.createdTitle', { name })}
      </h3>
      <p class="warning" id="token-warning">
        {t('tokens.onceWarning')}
      </p>
      <div class="field">
        <label for="token-value">{t('tokens.value')}</label>
        <div class="input-row">
          <input
            id="token-value"
            ref={field}
            class="mono"
            value={token}
            readOnly
            spellcheck={false}
            aria-describedby="token-warning"
            data-testid="token-value"
            onFocus={(event) => event.currentTarget.select()}
          />
          <button type="button" class="button" onClick={onCopy} data-testid="token-copy">
            {t('tokens.copy')}
          </button>
        </div>
      </div>
      <Notice value={copied.value} />
      <p class="field-hint" id="token-curl-label">
        {t('tokens.curlLabel')}
      </p>
      <pre class="code" data-testid="token-curl">
        <code>{curlExample(token)}</code>
      </pre>
      <div class="actions">
        <button type="button" class="button" onClick={onDone}>
          {t('tokens.done')}
        </button>
      </div>
    </div>
  );
}

function TokenItem({ token, onRevoked }: { token: ApiToken; onRevoked: (token: ApiToken) => void }) {
  const confirming = useSignal(false);
  const busy = useSignal(false);
  const error = useSignal<Text | null>(null);
  const revokeButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const status = statusOf(token);

  const onRevoke = async () => {
    busy.value = true;
    error.value = null;
    try {
      await request(revokeApiTokenMutation, { id: token.id });
      confirming.value = false;
      onRevoked(token);
    } catch (e) {
      error.value = () => describeError(e);
    } finally {
      busy.value = false;
    }
  };

  return (
    <li class="item" data-testid={`token-item-${token.id}`} data-status={status}>
      <div class="item-head">
        <h3 class="item-title">{token.name}</h3>
        <span class="badge" data-state={status} data-testid={`token-status-${token.id}`}>
          {t(`tokens.status.${status}`)}
        </span>
      </div>
      <dl class="details details--compact">
        <div>
          <dt>{t('tokens.hint')}</dt>
          <dd class="mono">{token.hint}</dd>
        </div>
        <div>
          <dt>{t('tokens.created')}</dt>
          <dd>{formatDateTimeShort(token.createdAt)}</dd>
        </div>
        <div>
          <dt>{status === 'revoked' ? t('tokens.revoked') : t('tokens.expires')}</dt>
          <dd>{formatDateTimeShort(token.revokedAt ?? token.expiresAt)}</dd>
        </div>
        <div>
          <dt>{t('tokens.lastUsed')}</dt>
          <dd>{token.lastUsedAt ? formatDateTimeShort(token.lastUsedAt) : t('tokens.neverUsed')}</dd>
        </div>
      </dl>
      {status === 'active' &&
        (confirming.value ? (
          <fieldset class="confirm">
            <legend>{t('tokens.confirmRevoke', { name: token.name })}</legend>
            <div class="actions">
              <button
                type="button"
                class="button button--danger"
                ref={confirmButton}
                disabled={busy.value}
                onClick={onRevoke}
                data-testid={`token-revoke-confirm-${token.id}`}
              >
                {t('tokens.revokeNow')}
              </button>
              <button
                type="button"
                class="button"
                disabled={busy.value}
                onClick={() => {
                  confirming.value = false;
                  error.value = null;
                  focusSoon(() => revokeButton.current);
                }}
              >
                {t('common.cancel')}
              </button>
            </div>
          </fieldset>
        ) : (
          <div class="actions">
            <button
              type="button"
              class="button"
              ref={revokeButton}
              onClick={() => {
                confirming.value = true;
                focusSoon(() => confirmButton.current);
              }}
              data-testid={`token-revoke-${token.id}`}
            >
              {t('tokens.revoke')}
              <span class="sr-only"> {token.name}</span>
            </button>
          </div>
        ))}
      {error.value && (
        <p class="field-error" role="alert">
          {error.value()}
        </p>
      )}
    </li>
  );
}

/** Personal API tokens: create one (shown once), see them all, revoke one. */
export function ApiTokens() {
  const tokens = useSignal<ApiToken[] | null>(null);
  const loadError = useSignal<Text | null>(null);
  const name = useSignal('');
  const days = useSignal('90');
  const errors = useSignal<{ name?: Text; expiresInDays?: Text }>({});
  const notice = useSignal<NoticeValue>(null);
  const created = useSignal<{ name: string; token: string } | null>(null);
  const busy = useSignal(false);
  const form = useRef<HTMLFormElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const listNotice = useSignal<NoticeValue>(null);
  const listNoticeRef = useRef<HTMLDivElement>(null);

  const load = async () => {
    try {
      tokens.value = (await request(apiTokensQuery)).apiTokens;
      loadError.value = null;
    } catch (error) {
      loadError.value = () => describeError(error);
    }
  };
  useEffect(() => {
    void load();
  }, []);

  const onCreate = async (event: Event) => {
    event.preventDefault();
    const found: typeof errors.value = {};
    const trimmed = name.value.trim();
    if (!trimmed) found.name = () => t('tokens.nameRequired');
    else if (trimmed.length > NAME_MAX) found.name = () => t('tokens.nameTooLong', { max: NAME_MAX });
    const expiresInDays = Number(days.value);
    if (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > DAYS_MAX) {
      found.expiresInDays = () => t('tokens.daysRange', { max: DAYS_MAX });
    }
    errors.value = found;
    notice.value = null;
    if (found.name || found.expiresInDays) {
      focusFirstError(form.current);
      return;
    }
    busy.value = true;
    notice.value = { kind: 'info', text: () => t('tokens.creating') };
    try {
      const { createApiToken } = await request(createApiTokenMutation, { input: { name: trimmed, expiresInDays } });
      notice.value = null;
      name.value = '';
      days.value = '90';
      created.value = { name: createApiToken.apiToken.name, token: createApiToken.token };
      await load();
    } catch (error) {
      showSubmitError(error, ['name', 'expiresInDays'], { errors, notice, form, noticeRef });
    } finally {
      busy.value = false;
    }
  };

  const onRevoked = (token: ApiToken) => {
    listNotice.value = { kind: 'success', text: () => t('tokens.revokedNotice', { name: token.name }) };
    focusSoon(() => listNoticeRef.current);
    void load();
  };

  return (
    <section class="card" aria-labelledby="tokens-title">
      <h2 id="tokens-title">{t('tokens.title')}</h2>
      <p class="muted">{t('tokens.intro')}</p>
      {created.value ? (
        <NewToken
          name={created.value.name}
          token={created.value.token}
          onDone={() => {
            created.value = null;
            focusSoon(() => document.getElementById('token-name'));
          }}
        />
      ) : (
        <form class="form" ref={form} onSubmit={onCreate} noValidate>
          <h3>{t('tokens.createTitle')}</h3>
          <TextField
            id="token-name"
            label={t('tokens.name')}
            hint={t('tokens.nameHint')}
            value={name.value}
            onValue={(v) => {
              name.value = v;
            }}
            error={errors.value.name?.()}
            maxLength={NAME_MAX}
            autocomplete="off"
            required
            data-testid="token-name"
          />
          <TextField
            id="token-days"
            label={t('tokens.days')}
            hint={t('tokens.daysHint', { max: DAYS_MAX })}
            type="number"
            inputMode="numeric"
            min={1}
            max={DAYS_MAX}
            value={days.value}
            onValue={(v) => {
              days.value = v;
            }}
            error={errors.value.expiresInDays?.()}
            class="input--short"
            data-testid="token-days"
          />
          <Notice value={notice.value} noticeRef={noticeRef} />
          <div class="actions">
            <button type="submit" class="button button--primary" disabled={busy.value} data-testid="token-create">
              {t('tokens.create')}
            </button>
          </div>
        </form>
      )}

      <h3 id="token-list-title">{t('tokens.listTitle')}</h3>
      <Notice value={listNotice.value} noticeRef={listNoticeRef} />
      {loadError.value && (
        <p role="alert" class="field-error">
          {loadError.value()}{' '}
          <button type="button" class="button button--quiet" onClick={() => void load()}>
            {t('common.retry')}
          </button>
        </p>
      )}
      {tokens.value === null && !loadError.value && <p class="muted">{t('common.loading')}</p>}
      {tokens.value?.length === 0 && <p class="muted">{t('tokens.none')}</p>}
      {tokens.value && tokens.value.length > 0 && (
        <ul class="item-list" aria-labelledby="token-list-title" data-testid="token-list">
          {tokens.value.map((token) => (
            <TokenItem key={token.id} token={token} onRevoked={onRevoked} />
          ))}
        </ul>
      )}
    </section>
  );
}
