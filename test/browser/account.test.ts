import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../harness/browser.ts';
import { loadDemoProvince, signIn } from '../harness/factories.ts';
import { graphql } from '../harness/graphql.ts';
import { startTestServer, type TestServer } from '../harness/server.ts';

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  await loadDemoProvince(server);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const phone = { width: 360, height: 740 };
const desktop = { width: 1280, height: 900 };

/** A page that records console errors, to check none happened. */
async function openPage(viewport: { width: number; height: number }) {
  const page = await browser.newPage({ viewport });
  const consoleErrors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  return { page, consoleErrors };
}

async function signInWithForm(page: Page, username: string, password: string) {
  await page.getByTestId('signin-username').fill(username);
  await page.getByTestId('signin-password').fill(password);
  await page.getByTestId('signin-submit').click();
}

/** Waits until the keyboard focus is on the element with this test id (pages move it after rendering). */
async function focusOn(page: Page, testId: string) {
  await page.waitForFunction((id) => document.activeElement?.getAttribute('data-testid') === id, testId, {
    timeout: 5_000,
  });
}

/** What a script holding `token` is told about itself. */
async function viewerWithToken(token: string) {
  const res = await graphql<{ viewer: { username: string } | null }>(server.url, '{ viewer { username } }', {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.errors).toBeUndefined();
  return res.data?.viewer ?? null;
}

describe('account page in Chromium', () => {
  it('signs an analyst in, makes a personal API token that works from a script, then revokes it', async () => {
    const { page, consoleErrors } = await openPage(phone);

    // Signed out, the account page sends you to sign in and brings you back afterwards.
    await page.goto(`${server.url}/account`);
    await page.getByTestId('signin-username').waitFor();
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/sign-in?next=%2Faccount');
    expect(await page.locator('h1').textContent()).toBe('Đăng nhập');
    expect(await page.getByTestId('signin-username').getAttribute('autocomplete')).toBe('username');
    expect(await page.getByTestId('signin-password').getAttribute('autocomplete')).toBe('current-password');

    // A mistyped password: the Vietnamese error, read out and focused.
    await signInWithForm(page, 'phantich', 'mat-khau-sai-roi');
    const notice = page.getByTestId('signin-notice');
    await notice.filter({ hasText: 'Sai tên đăng nhập hoặc mật khẩu' }).waitFor({ timeout: 10_000 });
    expect(await notice.getAttribute('aria-live')).toBe('polite');
    await focusOn(page, 'signin-notice');
    await screenshot(page, 'signin-error-vi-360');

    await signInWithForm(page, 'phantich', 'phantich-demo-2026');
    await page.waitForURL(/\/account$/, { timeout: 10_000 });
    await page.getByTestId('account-role').filter({ hasText: 'Phân tích' }).waitFor();
    expect(await page.getByTestId('account-username').textContent()).toBe('phantich');
    expect(await page.getByTestId('viewer-name').textContent()).toContain('Chuyên viên phân tích');
    // An analyst gets no admin links.
    expect(await page.getByTestId('nav-units').count()).toBe(0);
    await screenshot(page, 'account-vi-360');

    // A new token, shown once, with its curl example.
    await page.getByTestId('token-name').fill('Sổ tay phân tích');
    await page.getByTestId('token-create').click();
    const tokenField = page.getByTestId('token-value');
    await tokenField.waitFor({ timeout: 10_000 });
    const token = await tokenField.inputValue();
    expect(token).toMatch(/^dcp_[\w-]+\.[\w-]+$/);
    expect(await tokenField.getAttribute('readonly')).not.toBeNull();
    expect(await page.getByText('sẽ không được hiển thị lại').count()).toBe(1);
    expect(await page.getByTestId('token-curl').textContent()).toBe(
      `curl -H "Authorization: Bearer ${token}" -H "content-type: application/json" -d '{"query":"{ viewer { username } }"}' ${server.url}/graphql`,
    );
    await screenshot(page, 'account-token-created-360');

    // The token works from outside the browser.
    expect(await viewerWithToken(token)).toEqual({ username: 'phantich' });

    // Listed as active; revoking it takes a confirmation.
    const item = page.getByTestId('token-list').locator('li', { hasText: 'Sổ tay phân tích' });
    await item.waitFor();
    const id = (await item.getAttribute('data-testid'))?.replace('token-item-', '');
    expect(id).toMatch(/^\d+$/);
    expect(await page.getByTestId(`token-status-${id}`).textContent()).toBe('Đang hiệu lực');
    await page.getByTestId(`token-revoke-${id}`).click();
    const confirm = page.getByTestId(`token-revoke-confirm-${id}`);
    await confirm.waitFor();
    await focusOn(page, `token-revoke-confirm-${id}`);
    await confirm.click();
    await page.getByTestId(`token-status-${id}`).filter({ hasText: 'Đã thu hồi' }).waitFor({ timeout: 10_000 });
    expect(await page.getByTestId(`token-revoke-${id}`).count()).toBe(0);

    // Revoked means revoked, at once.
    expect(await viewerWithToken(token)).toBeNull();

    await page.setViewportSize(desktop);
    await screenshot(page, 'account-vi-desktop');

    // Signing out leads back to the sign-in page, and the account page is closed again.
    await page.getByTestId('sign-out').click();
    await page.waitForURL(/\/sign-in$/);
    await page.goto(`${server.url}/account`);
    await page.waitForURL(/\/sign-in\?next=%2Faccount$/);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});

describe('units admin page in Chromium', () => {
  const badCsv = 'code,name,kind,parentCode\r\nTH-05-TN1,Chi bộ Thử nghiệm,GRASSROOTS_CELL,KHONG-CO-MA-NAY\r\n';
  const goodCsv = 'code,name,kind,parentCode\r\nTH-05-TN1,Chi bộ Thử nghiệm,GRASSROOTS_CELL,TH-05\r\n';

  async function unitByCode(cookie: string, code: string) {
    return graphql<{ unit: { name: string; parent: { code: string } | null } }>(
      server.url,
      'query ($code: String!) { unit(code: $code) { name parent { code } } }',
      { variables: { code }, headers: { cookie } },
    );
  }

  it('lets an admin find a unit accent-insensitively and import a checked CSV file', async () => {
    const { page, consoleErrors } = await openPage(desktop);
    // Signed out, the admin page asks to sign in first and comes back afterwards.
    await page.goto(`${server.url}/admin/units`);
    await page.getByTestId('signin-username').waitFor();
    expect(new URL(page.url()).search).toBe('?next=%2Fadmin%2Funits');
    await signInWithForm(page, 'admin', 'admin-demo-2026');
    await page.waitForURL(/\/admin\/units$/, { timeout: 10_000 });
    expect(await page.getByTestId('nav-units').getAttribute('aria-current')).toBe('page');
    expect(await page.getByTestId('viewer-name').textContent()).toContain('Quản trị hệ thống');

    // The tree starts at the root and opens one level at a time.
    await page.getByTestId('unit-toggle-TH').click();
    await page.getByTestId('unit-row-TH-05').waitFor({ timeout: 10_000 });

    // Search without accents.
    await page.getByTestId('unit-search').fill('tho xuan');
    const result = page.getByTestId('unit-search-results').getByText('Huyện ủy Thọ Xuân', { exact: false }).first();
    await result.waitFor({ timeout: 10_000 });
    await page.getByTestId('unit-result-TH-05').click();
    await page.getByTestId('unit-detail-code').filter({ hasText: 'TH-05' }).waitFor();
    await screenshot(page, 'admin-units-desktop');

    // A file with a bad row: the problem with its line, nothing applied and nothing to apply.
    await page.getByTestId('import-file').setInputFiles({
      name: 'don-vi-loi.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(badCsv, 'utf8'),
    });
    const problem = page.getByTestId('import-problem');
    await problem.first().waitFor({ timeout: 10_000 });
    expect(await problem.count()).toBe(1);
    expect(await page.getByTestId('import-problem-line').textContent()).toBe('2');
    expect(await problem.textContent()).toContain('Không tìm thấy đơn vị cấp trên');
    expect(await page.getByTestId('import-apply').count()).toBe(0);
    await screenshot(page, 'admin-import-problems-desktop');
    const cookie = await signIn(server, 'admin', 'admin-demo-2026');
    expect((await unitByCode(cookie, 'TH-05-TN1')).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    // A good file: checked first (one to create), then applied.
    await page.getByTestId('import-file').setInputFiles({
      name: 'don-vi.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(goodCsv, 'utf8'),
    });
    await page.getByTestId('import-apply').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('import-summary-created').textContent()).toBe('1');
    expect((await unitByCode(cookie, 'TH-05-TN1')).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await page.getByTestId('import-apply').click();
    await page.getByTestId('import-notice').filter({ hasText: 'Đã áp dụng' }).waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('import-result-created').textContent()).toBe('1');
    const created = await unitByCode(cookie, 'TH-05-TN1');
    expect(created.data?.unit).toEqual({ name: 'Chi bộ Thử nghiệm', parent: { code: 'TH-05' } });

    // The new unit shows in the tree under Thọ Xuân.
    await page.getByTestId('unit-toggle-TH-05').click();
    await page.getByTestId('unit-row-TH-05-TN1').waitFor({ timeout: 10_000 });
    await page.getByTestId('unit-toggle-TH-05').click();
    expect(await page.getByTestId('unit-toggle-TH-05').getAttribute('aria-expanded')).toBe('false');

    await page.setViewportSize(phone);
    await screenshot(page, 'admin-units-360');
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});

describe('accounts admin page in Chromium', () => {
  it('changes an account’s role and scope, and adds a unit kind', async () => {
    const { page, consoleErrors } = await openPage(desktop);
    await page.goto(`${server.url}/sign-in?next=/admin/accounts`);
    await signInWithForm(page, 'admin', 'admin-demo-2026');
    await page.waitForURL(/\/admin\/accounts$/, { timeout: 10_000 });

    // thoxuan: ORGANIZER of Thọ Xuân → ANALYST of Đông Sơn.
    await page.getByTestId('account-edit-thoxuan').click();
    await page.getByTestId('account-edit-role-thoxuan').selectOption('ANALYST');
    await page.getByTestId('account-edit-scope-thoxuan').locator('input').fill('dong son');
    await page
      .getByTestId('account-edit-scope-thoxuan')
      .getByRole('button', { name: /Huyện ủy Đông Sơn/ })
      .first()
      .click();
    await page.getByTestId('account-edit-scope-thoxuan-value').waitFor();
    await page.getByTestId('account-edit-save-thoxuan').click();
    await page.getByTestId('account-list-notice').filter({ hasText: 'thoxuan' }).waitFor({ timeout: 10_000 });
    const cookie = await signIn(server, 'admin', 'admin-demo-2026');
    const accounts = await graphql<{
      accounts: { edges: { node: { username: string; role: string; scopeUnit: { code: string } | null } }[] };
    }>(server.url, '{ accounts(first: 50) { edges { node { username role scopeUnit { code } } } } }', {
      headers: { cookie },
    });
    expect(accounts.data!.accounts.edges.find((e) => e.node.username === 'thoxuan')!.node).toEqual({
      username: 'thoxuan',
      role: 'ANALYST',
      scopeUnit: { code: 'TH-07' },
    });

    await page.goto(`${server.url}/admin/units`);
    await page.getByTestId('unit-kind-code').fill('youth_union');
    await page.getByTestId('unit-kind-name-vi').fill('Đoàn thanh niên');
    await page.getByTestId('unit-kind-name-en').fill('Youth union');
    await page.getByTestId('unit-kind-create').click();
    await page.getByTestId('unit-kind-notice').filter({ hasText: 'Đoàn thanh niên' }).waitFor({ timeout: 10_000 });
    const kinds = await graphql<{ unitKinds: { code: string; nameVi: string }[] }>(
      server.url,
      '{ unitKinds { code nameVi } }',
      { headers: { cookie } },
    );
    expect(kinds.data!.unitKinds).toContainEqual({ code: 'YOUTH_UNION', nameVi: 'Đoàn thanh niên' });
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});
