import { Breadcrumb } from '../components/breadcrumb.tsx';
import { Page } from '../components/page.tsx';
import { t } from '../lib/i18n.ts';
import { roleName } from '../lib/roles.ts';
import { viewer } from '../lib/viewer.ts';
import { ApiTokens } from './api-tokens.tsx';
import { ChangePassword } from './change-password.tsx';

/** Who you are, your password, your personal API tokens. */
export function AccountPage() {
  const account = viewer.value;
  if (!account) return null;
  const scope = account.scopeUnit;
  return (
    <Page title={t('account.title')}>
      <section class="card" aria-labelledby="account-who">
        <h2 id="account-who">{t('account.who')}</h2>
        <dl class="details">
          <div>
            <dt>{t('account.displayName')}</dt>
            <dd data-testid="account-display-name">{account.displayName}</dd>
          </div>
          <div>
            <dt>{t('account.username')}</dt>
            <dd data-testid="account-username">{account.username}</dd>
          </div>
          <div>
            <dt>{t('account.role')}</dt>
            <dd data-testid="account-role">{roleName(account.role)}</dd>
          </div>
          <div>
            <dt>{t('account.scope')}</dt>
            <dd data-testid="account-scope">
              {scope ? (
                <>
                  <strong>{scope.name}</strong> <span class="muted">({scope.code})</span>
                  {scope.ancestors.length > 0 && (
                    <Breadcrumb names={[...scope.ancestors.map((a) => a.name), scope.name]} />
                  )}
                </>
              ) : (
                t('account.scopeAll')
              )}
            </dd>
          </div>
        </dl>
        <p class="field-hint">{t(`account.roleHelp.${account.role}`)}</p>
      </section>
      <ChangePassword username={account.username} />
      <ApiTokens />
    </Page>
  );
}
