import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../harness/browser.ts';
import { loadDemoProvince, signIn } from '../harness/factories.ts';
import { graphql } from '../harness/graphql.ts';
import { startTestServer, type TestServer } from '../harness/server.ts';
import { surveyFixtureText } from '../harness/survey-fixture.ts';

let server: TestServer;
let browser: Browser;
let surveyId: string;

const answers = (i: number) => ({
  members_total: 20 + i,
  held_study: i % 4 !== 0,
  ...(i % 4 !== 0
    ? { study_date: '2026-04-10', studied_members: 18 + i, study_form: { choice: 'truc_tiep' } }
    : { no_study_reason: 'Chưa có tài liệu' }),
  action_program: { choice: i % 2 ? 'da_ban_hanh' : 'dang_xay_dung' },
  effectiveness: 1 + (i % 5),
  proposals: i % 3 ? 'Đề nghị bổ sung tài liệu học tập' : 'Tăng cường giám sát',
  reporter: 'Bí thư',
});

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  await loadDemoProvince(server);
  const headers = { cookie: await signIn(server, 'tuyengiao', 'tuyengiao-demo-2026') };
  const gql = async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const res = await graphql<T>(server.url, query, { variables, headers });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data as T;
  };
  const root = (await gql<{ unit: { id: string } }>('{ unit(code: "TH") { id } }')).unit.id;
  surveyId = (
    await gql<{ importSurvey: { id: string } }>(
      'mutation ($o: ID!, $f: String!) { importSurvey(ownerUnitId: $o, file: $f) { id } }',
      { o: root, f: surveyFixtureText },
    )
  ).importSurvey.id;
  await gql('mutation ($i: UpdateSurveyInput!) { updateSurvey(input: $i) { id } }', {
    i: {
      id: surveyId,
      opensAt: new Date(Date.now() - 86_400_000).toISOString(),
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    },
  });
  await gql('mutation ($id: ID!) { publishSurvey(id: $id) { id } }', { id: surveyId });
  const th05 = (await gql<{ unit: { id: string } }>('{ unit(code: "TH-05") { id } }')).unit.id;
  await gql('mutation ($i: AssignSurveyInput!) { assignSurvey(input: $i) { added } }', {
    i: { surveyId, underId: th05, kindCodes: ['COMMUNE_COMMITTEE'] },
  });
  const csv = (
    await gql<{ respondentLinksCsv: string }>('query ($s: ID!) { respondentLinksCsv(surveyId: $s) }', { s: surveyId })
  ).respondentLinksCsv;
  const tokens = csv
    .trim()
    .split('\r\n')
    .slice(1)
    .map((l) => l.split('/s/')[1]!);
  for (const [i, token] of tokens.slice(0, 12).entries()) {
    const res = await graphql(
      server.url,
      'mutation ($t: String!, $a: JSONObject!, $k: String!) { submitResponse(token: $t, answers: $a, submittedBy: "Bí thư", idempotencyKey: $k) { number } }',
      {
        variables: { t: token, a: answers(i), k: `browser-${i}-key` },
      },
    );
    if (res.errors) throw new Error(JSON.stringify(res.errors));
  }
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("the analyst's page in Chromium", () => {
  it('shows progress, indicators, question figures, a cross-tab, text answers and exports', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-in?next=/analytics`);
    await page.getByTestId('signin-username').fill('phantich');
    await page.getByTestId('signin-password').fill('phantich-demo-2026');
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('analytics-surveys').getByRole('link').first().click();

    const progress = page.getByTestId('analytics-progress');
    await progress.waitFor({ timeout: 8000 });
    await page.getByTestId('analytics-basis').filter({ hasText: 'Dựa trên 12 phiếu' }).waitFor({ timeout: 8000 });
    expect(await progress.locator('tr.total-row').textContent()).toContain('Tổng cộng');
    // 12 held the study out of 12 submitted; 9 of them (i % 4 !== 0) held it: members who studied / members.
    const studied = [...Array(12).keys()].filter((i) => i % 4 !== 0);
    const expected = (studied.reduce((s, i) => s + 18 + i, 0) / studied.reduce((s, i) => s + 20 + i, 0)) * 100;
    expect(await page.getByTestId('indicator-study_rate').textContent()).toContain(
      expected.toFixed(1).replace('.', ','),
    );

    await page.locator('summary', { hasText: 'action_program' }).click();
    await page.getByText('Đã ban hành').waitFor({ timeout: 8000 });

    // A number card draws a histogram: 12 answers (20…31) in 10 bins from the minimum to the maximum.
    await page.locator('summary', { hasText: 'members_total' }).click();
    const histogram = page.getByTestId('histogram-members_total');
    await histogram.waitFor({ timeout: 8000 });
    expect(await histogram.locator('tbody tr').count()).toBe(10);
    expect(await histogram.locator('tbody tr').first().textContent()).toContain('20');
    const binCounts = (await histogram.locator('.bar-label').allTextContents()).map(Number);
    expect(binCounts.reduce((a, b) => a + b, 0)).toBe(12);
    expect(await histogram.locator('.bar-fill').count()).toBe(10);

    // A date card: earliest and latest, and the responses by month as bars (9 held it, all in April).
    await page.locator('summary', { hasText: 'study_date' }).click();
    await page.getByTestId('earliest-study_date').filter({ hasText: '2026-04-10' }).waitFor({ timeout: 8000 });
    const months = page.getByTestId('months-study_date');
    expect(await months.locator('tbody tr').count()).toBe(1);
    expect(await months.locator('th').textContent()).toBe('2026-04');
    expect(await months.locator('.bar-label').textContent()).toBe('9');

    // Yes/no and scale cards are there too.
    await page.locator('summary', { hasText: 'held_study' }).click();
    await page.getByTestId('choices-held_study').filter({ hasText: 'Có' }).waitFor({ timeout: 8000 });
    await page.locator('summary', { hasText: 'effectiveness' }).click();
    await page.getByTestId('choices-effectiveness').waitFor({ timeout: 8000 });
    expect(await page.getByTestId('choices-effectiveness').locator('tbody tr').count()).toBe(5);

    // The level menu offers the tree's levels from the analyst's scope down: province, district, commune.
    expect(await page.getByTestId('analytics-level').locator('option').allTextContents()).toEqual([
      'Cấp 1',
      'Cấp 2',
      'Cấp 3',
    ]);

    await page.getByTestId('analytics-level').selectOption('3');
    await page.getByTestId('analytics-basis').filter({ hasText: 'Dựa trên 12 phiếu' }).waitFor({ timeout: 8000 });

    await page.getByRole('button', { name: 'Lập bảng' }).click();
    await page.getByTestId('crosstab').waitFor({ timeout: 8000 });
    // Row and column shares in each cell.
    expect(await page.getByTestId('crosstab').locator('tbody td').first().textContent()).toMatch(/hàng .*%.*cột .*%/);

    // The first text question is the reason for not studying: 3 units gave "Chưa có tài liệu".
    await page.getByTestId('text-count').filter({ hasText: 'Tìm thấy 3 ý kiến' }).waitFor({ timeout: 8000 });
    await page.getByTestId('text-question').selectOption('proposals');
    await page.getByTestId('text-search').fill('tai lieu');
    await page.getByTestId('text-search').press('Enter');
    await page.getByTestId('text-count').filter({ hasText: 'Tìm thấy 8 ý kiến' }).waitFor({ timeout: 8000 });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    const file = readFileSync((await download.path())!);
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.toString('utf8').trim().split('\r\n')).toHaveLength(13);
    await screenshot(page, 'analytics-desktop');
    await context.close();
  });
});
