import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe } from '../harness/axe.ts';
import { launchBrowser, screenshot } from '../harness/browser.ts';
import { connect } from '../harness/database.ts';
import { loadDemoProvince, signIn } from '../harness/factories.ts';
import { type GraphQLResponse, graphql } from '../harness/graphql.ts';
import { startTestServer, type TestServer } from '../harness/server.ts';

const fixture = readFileSync(new URL('../fixtures/khao-sat-21-KL-TW.json', import.meta.url), 'utf8');

let server: TestServer;
let browser: Browser;
let host: Server;
let hostOrigin: string;
let organizer: Record<string, string>;
let surveyId: string;
/** Respondent links of the communes of Huyện ủy Thọ Xuân, one per test. */
let assignments: { id: string; token: string }[];

function ok<T>(res: GraphQLResponse<T>): T {
  expect(res.errors).toBeUndefined();
  return res.data as T;
}

const gql = <T>(query: string, variables: Record<string, unknown> = {}) =>
  graphql<T>(server.url, query, { variables, headers: organizer }).then(ok);

/** A host portal on another origin: its own hostile CSS, our script tag and element. */
function hostPage(token: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Cổng thông tin Tỉnh ủy</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>* { font-family: serif; } button { background: rgb(0, 255, 0) !important; } .q { display: none; } input { display: none; }</style>
</head><body><header><h1>Cổng thông tin điện tử Tỉnh ủy</h1></header>
<main><p>Khảo sát phục vụ sơ kết:</p><diemcau-survey token="${token}" lang="vi"></diemcau-survey></main>
<script src="${server.url}/survey.js"></script></body></html>`;
}

beforeAll(async () => {
  host = createServer((req, res) => {
    const token = new URL(req.url ?? '/', 'http://x').searchParams.get('token') ?? '';
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(hostPage(token));
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  // Another host name and port than the API's 127.0.0.1: a foreign origin.
  hostOrigin = `http://localhost:${(host.address() as AddressInfo).port}`;
  [server, browser] = await Promise.all([startTestServer({ PUBLIC_ORIGINS: hostOrigin }), launchBrowser()]);
  await loadDemoProvince(server);
  organizer = { cookie: await signIn(server, 'tuyengiao', 'tuyengiao-demo-2026') };
  const unitId = async (code: string) =>
    (await gql<{ unit: { id: string } }>('query ($c: String!) { unit(code: $c) { id } }', { c: code })).unit.id;
  const survey = (
    await gql<{ importSurvey: { id: string } }>(
      'mutation ($o: ID!, $f: String!) { importSurvey(ownerUnitId: $o, file: $f) { id } }',
      { o: await unitId('TH'), f: fixture },
    )
  ).importSurvey;
  surveyId = survey.id;
  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
  await gql('mutation ($i: UpdateSurveyInput!) { updateSurvey(input: $i) { id } }', {
    i: { id: survey.id, opensAt: inDays(-1), closesAt: inDays(30), allowAmend: true },
  });
  await gql('mutation ($id: ID!) { publishSurvey(id: $id) { status } }', { id: survey.id });
  await gql('mutation ($i: AssignSurveyInput!) { assignSurvey(input: $i) { added } }', {
    i: { surveyId: survey.id, underId: await unitId('TH-05'), kindCodes: ['COMMUNE_COMMITTEE'] },
  });
  // The links as an organizer mails them (CSV), matched to the assignments they belong to.
  const csv = (
    await gql<{ respondentLinksCsv: string }>('query ($s: ID!) { respondentLinksCsv(surveyId: $s) }', { s: survey.id })
  ).respondentLinksCsv;
  const tokens = [...csv.matchAll(/\/s\/(dcr_[A-Za-z0-9._-]+)/g)].map((m) => m[1]!);
  const listed = await gql<{ assignments: { edges: { node: { id: string; link: string } }[] } }>(
    'query ($s: ID!) { assignments(surveyId: $s, first: 100) { edges { node { id link } } } }',
    { s: survey.id },
  );
  assignments = listed.assignments.edges.map(({ node }) => ({ id: node.id, token: node.link.split('/s/')[1]! }));
  expect(assignments.length).toBeGreaterThanOrEqual(12);
  expect(new Set(tokens)).toEqual(new Set(assignments.map((a) => a.token)));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise((resolve) => host?.close(resolve));
});

let next = 0;
/** The link of the first test, submitted and amended. */
let submittedUrl = '';
function takeLink() {
  const a = assignments[next++];
  if (!a) throw new Error('more tests than links');
  return { ...a, url: `${server.url}/s/${a.token}` };
}

type Questionnaire = {
  state: string;
  answers: Record<string, unknown>;
  draftSavedAt: string | null;
  receipt: { number: string } | null;
};
async function serverView(token: string): Promise<Questionnaire> {
  const res = await graphql<{ questionnaire: Questionnaire }>(
    server.url,
    'query ($t: String!) { questionnaire(token: $t) { state answers draftSavedAt receipt { number } } }',
    { variables: { t: token } },
  );
  return ok(res).questionnaire;
}

async function newPage(width = 360, height = 780): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  page.setDefaultTimeout(8_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  (page as Page & { problems?: string[] }).problems = problems;
  return page;
}

const status = (page: Page) => page.getByTestId('save-status');
const next_ = (page: Page) => page.getByRole('button', { name: 'Tiếp tục' }).click();

async function fillStudy(page: Page) {
  await page.locator('#i-members_total').fill('42');
  await page.locator('#held_study-yes').check();
  await page.locator('#i-study_date').fill('2026-03-15');
  await page.locator('#i-studied_members').fill('40');
  await page.locator('#study_form-khac').check();
  await page.locator('#o-study_form').fill('Học theo tổ');
}

const expected = {
  members_total: 42,
  held_study: true,
  study_date: '2026-03-15',
  studied_members: 40,
  study_form: { choice: 'khac', other: 'Học theo tổ' },
  essays_written: 38,
  personal_plan_rate: 92.5,
  action_program: { choice: 'da_ban_hanh' },
  effectiveness: 4,
  change_by_area: { tu_tuong: 3, tu_phe_binh: 2, ky_luat: 4 },
  budget_million_vnd: 12.5,
  difficulties: { choices: ['tai_lieu', 'khac'], other: 'Mạng yếu' },
  proposals: 'Đề nghị cấp thêm tài liệu.',
  reporter: 'Nguyễn Văn A, Bí thư',
};

describe('respondent form in Chromium', () => {
  it('fills every question type, fixes a validation error, submits, prints a receipt and amends', async () => {
    const link = takeLink();
    submittedUrl = link.url;
    const page = await newPage();
    await page.goto(link.url);
    await page.getByRole('heading', { name: 'I. Học tập, quán triệt' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await page.getByText('Bước 1 trên 4').waitFor();
    await axe(page);
    await screenshot(page, 'survey-vi-360');
    // Reflows without sideways scrolling down to 320 CSS px (a 1280 px screen at 400% zoom).
    await page.setViewportSize({ width: 320, height: 700 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.setViewportSize({ width: 360, height: 780 });

    // Leaving the page with required answers missing: errors beside the fields, focus on the first.
    await next_(page);
    await page.locator('#e-members_total').getByText('Câu hỏi bắt buộc').waitFor();
    expect(await page.locator('#i-members_total').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#i-members_total').getAttribute('aria-describedby')).toContain('e-members_total');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.id))
      .toBe('i-members_total');

    await fillStudy(page);
    await next_(page);
    await page.getByRole('heading', { name: 'II. Kết quả thực hiện' }).waitFor();
    await page.locator('#i-essays_written').fill('38');
    await page.locator('#i-personal_plan_rate').fill('150');
    await page.locator('#action_program-da_ban_hanh').check();
    await page.locator('#effectiveness-4').check();
    await page.locator('#change_by_area-tu_tuong-3').check();
    await page.locator('#change_by_area-tu_phe_binh-2').check();
    await page.locator('#change_by_area-ky_luat-4').check();
    await page.locator('#i-budget_million_vnd').fill('12,5');
    // Instant feedback from the shared rules, before leaving the page.
    await page.locator('#e-personal_plan_rate').getByText('Giá trị phải từ 0 đến 100').waitFor();
    await next_(page);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.id))
      .toBe('i-personal_plan_rate');
    await axe(page);
    await screenshot(page, 'survey-error-vi-360');
    await page.locator('#i-personal_plan_rate').fill('92,5');
    await page.locator('#e-personal_plan_rate').waitFor({ state: 'detached' });
    await next_(page);

    await page.getByRole('heading', { name: 'III. Khó khăn, kiến nghị' }).waitFor();
    // At most 3 difficulties: a fourth is an error until one is unticked.
    const options = ['tai_lieu', 'thoi_gian', 'bao_cao_vien', 'ha_tang'];
    for (const key of options) await page.locator(`#difficulties-${key}`).check();
    await page.locator('#e-difficulties').getByText('Chọn nhiều nhất 3').waitFor();
    for (const key of options.slice(1)) await page.locator(`#difficulties-${key}`).uncheck();
    await page.locator('#difficulties-khac').check();
    await page.locator('#o-difficulties').fill('Mạng yếu');
    await page.locator('#i-proposals').fill('Đề nghị cấp thêm tài liệu.');
    await page.locator('#i-reporter').fill('Nguyễn Văn A, Bí thư');
    await page.getByRole('button', { name: 'Xem lại' }).click();

    await page.getByRole('heading', { name: 'Xem lại và gửi' }).waitFor();
    const review = await page.locator('.survey').textContent();
    for (const text of [
      '42 người',
      'Có',
      '15/03/2026',
      'Khác (ghi rõ): Học theo tổ',
      '92,5 %',
      'Đã ban hành',
      '4/5',
      '12,5',
      'Mạng yếu',
    ]) {
      expect(review).toContain(text);
    }
    await page.getByRole('button', { name: 'Gửi phiếu' }).click();
    // Who submits is required too.
    await page.locator('#e-by').waitFor();
    await page.locator('#i-by').fill('Nguyễn Văn A');
    await page.getByRole('button', { name: 'Gửi phiếu' }).click();

    await page.getByRole('heading', { name: 'Đã gửi phiếu' }).waitFor();
    const number = await page.getByTestId('receipt-number').textContent();
    expect(number).toMatch(/^KS\d+-\d{6}$/);
    // Standalone, the page is the form: the browser prints it (its print CSS hides the buttons).
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    await page.getByRole('button', { name: 'In biên nhận' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    expect(await page.locator('iframe').count()).toBe(0);
    await axe(page);
    await screenshot(page, 'survey-receipt-vi-360');
    const saved = await serverView(link.token);
    expect(saved.state).toBe('SUBMITTED');
    expect(saved.receipt?.number).toBe(number);
    expect(saved.answers).toEqual(expected);

    // Amend until the deadline.
    await page.getByRole('button', { name: 'Sửa phiếu đã gửi' }).click();
    await page.getByText('Bạn đang sửa phiếu đã gửi').waitFor();
    await page.locator('#i-members_total').fill('45');
    await next_(page);
    await next_(page);
    await page.getByRole('button', { name: 'Xem lại' }).click();
    await page.getByRole('button', { name: 'Gửi bản sửa' }).click();
    await page.getByRole('heading', { name: 'Đã gửi bản sửa' }).waitFor();
    const amended = await serverView(link.token);
    expect(amended.state).toBe('AMENDED');
    expect(amended.answers.members_total).toBe(45);
    expect((page as Page & { problems?: string[] }).problems).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('reads well at desktop width and in English', async () => {
    const link = takeLink();
    const page = await newPage(1280, 900);
    await page.goto(link.url);
    await page.getByRole('heading', { name: 'I. Học tập, quán triệt' }).waitFor();
    await fillStudy(page);
    await screenshot(page, 'survey-vi-desktop');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'I. Study' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByText('Party members in the unit').waitFor();
    await screenshot(page, 'survey-en-desktop');
    await axe(page);
    await page.context().close();
  });

  it('shows and hides questions along a visibility chain, dropping hidden answers', async () => {
    const link = takeLink();
    const page = await newPage();
    await page.goto(link.url);
    await page.locator('#held_study-yes').check();
    await page.locator('#i-study_date').fill('2026-03-15');
    // With the keyboard: arrows move within a radio group, space picks.
    await page.locator('#held_study-yes').focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#held_study-no').isChecked()).toBe(true);
    await page.locator('#i-study_date').waitFor({ state: 'detached' });
    await page.locator('#i-no_study_reason').waitFor();
    await page.locator('#plan_to_study-yes').waitFor();
    expect(await page.locator('#i-planned_date').count()).toBe(0);
    await page.locator('#plan_to_study-yes').focus();
    await page.keyboard.press('Space');
    await page.locator('#i-planned_date').fill('2026-12-20');
    await page.locator('#plan_to_study-no').check();
    await page.locator('#i-planned_date').waitFor({ state: 'detached' });
    await page.locator('#plan_to_study-yes').check();
    expect(await page.locator('#i-planned_date').inputValue()).toBe('');
    await status(page).getByText('Đã lưu').waitFor();
    const saved = await serverView(link.token);
    expect(saved.answers).toEqual({ held_study: false, plan_to_study: true });
    await page.context().close();
  });

  it('resumes after a reload, and keeps a draft on the device while offline until the network is back', async () => {
    const link = takeLink();
    const page = await newPage();
    await page.goto(link.url);
    await fillStudy(page);
    await status(page).getByText('Đã lưu').waitFor();
    await next_(page);
    await page.locator('#i-essays_written').fill('30');
    await status(page).getByText('Đã lưu').waitFor();

    await page.reload();
    await page.getByRole('heading', { name: 'II. Kết quả thực hiện' }).waitFor();
    expect(await page.locator('#i-essays_written').inputValue()).toBe('30');
    await page.getByRole('button', { name: 'Quay lại' }).click();
    expect(await page.locator('#o-study_form').inputValue()).toBe('Học theo tổ');
    await next_(page);

    await page.context().setOffline(true);
    await page.locator('#i-essays_written').fill('31');
    await page.locator('#action_program-dang_xay_dung').check();
    await page.locator('#effectiveness-3').check();
    await status(page).getByText('Mất mạng — đã giữ trên máy này').waitFor();
    await next_(page);
    await page.locator('#i-reporter').fill('Lê Thị B');
    await page.waitForTimeout(1200);
    expect(await status(page).textContent()).toBe('Mất mạng — đã giữ trên máy này');
    expect((await serverView(link.token)).answers.essays_written).toBe(30);

    await page.context().setOffline(false);
    await status(page).getByText('Đã lưu').waitFor({ timeout: 20_000 });
    const saved = await serverView(link.token);
    expect(saved.state).toBe('DRAFT');
    expect(saved.answers).toMatchObject({
      members_total: 42,
      essays_written: 31,
      action_program: { choice: 'dang_xay_dung' },
      reporter: 'Lê Thị B',
    });
    await page.context().close();
  }, 60_000);

  it('uses the newer copy on the device when a change never reached the server', async () => {
    const link = takeLink();
    const page = await newPage();
    await page.goto(link.url);
    await page.locator('#i-members_total').fill('12');
    await status(page).getByText('Đã lưu').waitFor();
    // Offline, a change is kept on the device only; the page is then reopened online.
    await page.context().setOffline(true);
    await page.locator('#i-members_total').fill('13');
    await status(page).getByText('Mất mạng — đã giữ trên máy này').waitFor();
    await page.context().setOffline(false);
    await page.reload();
    await page.getByRole('heading', { name: 'I. Học tập, quán triệt' }).waitFor();
    expect(await page.locator('#i-members_total').inputValue()).toBe('13');
    await status(page).getByText('Đã lưu').waitFor();
    expect((await serverView(link.token)).answers.members_total).toBe(13);
    await page.context().close();
  });

  it('works embedded in a host page on another origin, isolated in a shadow root', async () => {
    const link = takeLink();
    const page = await newPage();
    await page.goto(`${hostOrigin}/?token=${link.token}`);
    await page.getByRole('heading', { name: 'I. Học tập, quán triệt' }).waitFor();
    // The host's CSS does not reach inside, and ours does not leak out.
    expect(await page.locator('#i-members_total').isVisible()).toBe(true);
    expect(await page.locator('#q-members_total').isVisible()).toBe(true);
    expect(
      await page.getByRole('button', { name: 'Tiếp tục' }).evaluate((b) => getComputedStyle(b).backgroundColor),
    ).not.toBe('rgb(0, 255, 0)');
    expect(await page.locator('body > header h1').evaluate((h) => getComputedStyle(h).fontFamily)).toBe('serif');
    expect(await page.locator('.survey h1').evaluate((h) => getComputedStyle(h).fontFamily)).not.toBe('serif');

    await page.locator('#i-members_total').fill('20');
    await page.locator('#held_study-no').check();
    await page.locator('#i-no_study_reason').fill('Chưa nhận được tài liệu');
    await status(page).getByText('Đã lưu').waitFor();
    await next_(page);
    await page.locator('#action_program-chua_xay_dung').check();
    await page.locator('#effectiveness-2').check();
    await next_(page);
    await page.locator('#i-reporter').fill('Trần Văn C');
    await page.getByRole('button', { name: 'Xem lại' }).click();
    await page.locator('#i-by').fill('Trần Văn C');
    await page.getByRole('button', { name: 'Gửi phiếu' }).click();
    await page.getByRole('heading', { name: 'Đã gửi phiếu' }).waitFor();
    await screenshot(page, 'survey-embedded-360');

    // Printing the receipt prints the form alone (in a frame of its own, with our CSS), not the host's page.
    await page.evaluate(() => {
      const w = window as unknown as { hostPrinted: number; framePrints: { text: string; styles: number }[] };
      w.hostPrinted = 0;
      w.framePrints = [];
      window.print = () => void w.hostPrinted++;
      const get = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow')!.get!;
      Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', {
        configurable: true,
        get(this: HTMLIFrameElement) {
          const win = get.call(this) as Window | null;
          if (win)
            win.print = () => {
              const root = win.document.body.firstElementChild?.shadowRoot;
              w.framePrints.push({
                text: root?.querySelector('.survey')?.textContent ?? '',
                styles: root?.querySelectorAll('style').length ?? 0,
              });
            };
          return win;
        },
      });
    });
    const receiptNumber = (await page.getByTestId('receipt-number').textContent())!;
    await page.getByRole('button', { name: 'In biên nhận' }).click();
    const printed = await page.evaluate(() => {
      const w = window as unknown as { hostPrinted: number; framePrints: { text: string; styles: number }[] };
      return { host: w.hostPrinted, frames: w.framePrints };
    });
    expect(printed.host).toBe(0);
    expect(printed.frames).toHaveLength(1);
    expect(printed.frames[0]!.styles).toBe(1);
    expect(printed.frames[0]!.text).toContain(receiptNumber);
    expect(printed.frames[0]!.text).toContain('Trần Văn C');
    expect(printed.frames[0]!.text).not.toContain('Cổng thông tin điện tử Tỉnh ủy');
    await axe(page);
    const saved = await serverView(link.token);
    expect(saved.state).toBe('SUBMITTED');
    expect(saved.answers).toMatchObject({ members_total: 20, held_study: false, reporter: 'Trần Văn C' });
    expect((page as Page & { problems?: string[] }).problems).toEqual([]);
    await page.context().close();
  });

  it("puts the server's problems beside their fields when the questionnaire changed under the open form", async () => {
    const link = takeLink();
    const page = await newPage();
    await page.goto(link.url);
    await fillStudy(page);
    await page.locator('#i-members_total').fill('5000');
    await next_(page);
    await page.locator('#action_program-da_ban_hanh').check();
    await page.locator('#effectiveness-5').check();
    await next_(page);
    await page.locator('#i-reporter').fill('Phạm Văn D');
    await page.getByRole('button', { name: 'Xem lại' }).click();
    await page.locator('#i-by').fill('Phạm Văn D');

    // Meanwhile the organizer publishes a version 2 that allows at most 1,000 members.
    const content = JSON.parse(fixture).content;
    content.sections[0].questions[0].max = 1000;
    await gql('mutation ($i: UpdateSurveyInput!) { updateSurvey(input: $i) { id } }', {
      i: { id: surveyId, content, newVersion: true },
    });

    await page.getByRole('button', { name: 'Gửi phiếu' }).click();
    await page.locator('#e-members_total').getByText('Giá trị phải từ 0 đến 1000').waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.id))
      .toBe('i-members_total');
    await page.locator('#i-members_total').fill('900');
    await page.locator('#e-members_total').waitFor({ state: 'detached' });
    await next_(page);
    await next_(page);
    await page.getByRole('button', { name: 'Xem lại' }).click();
    await page.getByRole('button', { name: 'Gửi phiếu' }).click();
    await page.getByRole('heading', { name: 'Đã gửi phiếu' }).waitFor();
    expect((await serverView(link.token)).answers.members_total).toBe(900);
    await page.context().close();
  });

  it('shows the revoked page when the link is revoked while the form is open, at the next autosave', async () => {
    const link = takeLink();
    const page = await newPage();
    await page.goto(link.url);
    await page.locator('#i-members_total').fill('7');
    await status(page).getByText('Đã lưu').waitFor();
    await gql('mutation ($a: ID!) { revokeRespondentLink(assignmentId: $a) { id } }', { a: link.id });
    await page.locator('#i-members_total').fill('8');
    await page.getByRole('heading', { name: 'Đường dẫn đã bị thu hồi' }).waitFor();
    expect(await page.getByTestId('error-page').getAttribute('data-code')).toBe('LINK_REVOKED');
    // Announced: the page's heading takes the focus from the field that was being typed in.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.textContent))
      .toBe('Đường dẫn đã bị thu hồi');
    await axe(page);
    expect((page as Page & { problems?: string[] }).problems).toEqual([]);
    await page.context().close();
  });

  it('explains a link that does not work', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/s/dcr_not-a-real-link`);
    await page.getByRole('heading', { name: 'Đường dẫn không hợp lệ' }).waitFor();

    const link = takeLink();
    await gql('mutation ($a: ID!) { revokeRespondentLink(assignmentId: $a) { id } }', { a: link.id });
    await page.goto(link.url);
    await page.getByRole('heading', { name: 'Đường dẫn đã bị thu hồi' }).waitFor();
    await axe(page);
    await screenshot(page, 'survey-revoked-360');

    // Published, but opening later: its page, with the opening time.
    const opensAt = new Date(Date.now() + 2 * 86_400_000);
    await gql('mutation ($i: UpdateSurveyInput!) { updateSurvey(input: $i) { id } }', {
      i: { id: surveyId, opensAt: opensAt.toISOString() },
    });
    const early = takeLink();
    await page.goto(early.url);
    await page.getByRole('heading', { name: 'Khảo sát chưa mở' }).waitFor();
    expect(await page.getByTestId('error-page').getAttribute('data-code')).toBe('SURVEY_NOT_OPEN');
    const opening = await page.evaluate(
      (iso) => new Date(iso).toLocaleString('vi-VN', { dateStyle: 'full', timeStyle: 'short' }),
      opensAt.toISOString(),
    );
    expect(await page.getByTestId('error-date').textContent()).toBe(`Khảo sát mở nhận phiếu từ ${opening}.`);
    await axe(page);
    await gql('mutation ($i: UpdateSurveyInput!) { updateSurvey(input: $i) { id } }', {
      i: { id: surveyId, opensAt: new Date(Date.now() - 86_400_000).toISOString() },
    });

    // The survey's deadline has passed (an hour ago, in the database) and only the other units were
    // given more time: the late unit's page says so, with the deadline spelled out in each language.
    const late = takeLink();
    const db = await connect(server.database.url);
    const deadline = new Date(Date.now() - 3_600_000);
    try {
      await db.query('update survey set closes_at = $2 where id = $1', [Number(surveyId), deadline]);
      await db.query('update assignment set deadline = $3 where survey_id = $1 and id <> $2', [
        Number(surveyId),
        Number(late.id),
        new Date(Date.now() + 30 * 86_400_000),
      ]);
    } finally {
      await db.end();
    }
    await page.goto(late.url);
    await page.getByRole('heading', { name: 'Đã quá hạn gửi phiếu' }).waitFor();
    const spelled = (lang: string) =>
      page.evaluate(
        ([iso, l]) => new Date(iso!).toLocaleString(l, { dateStyle: 'full', timeStyle: 'short' }),
        [deadline.toISOString(), lang],
      );
    expect(await page.getByTestId('error-date').textContent()).toBe(
      `Hạn gửi phiếu của đơn vị là ${await spelled('vi-VN')}.`,
    );
    await page.getByText('đề nghị cơ quan tổ chức gia hạn').waitFor();
    expect(await page.getByRole('button', { name: 'Tiếp tục' }).count()).toBe(0);
    await axe(page);
    await screenshot(page, 'survey-deadline-passed-360');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'The deadline has passed' }).waitFor();
    expect(await page.getByTestId('error-date').textContent()).toBe(
      `Your unit's deadline was ${await spelled('en-GB')}.`,
    );
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();

    // A form open while the organizer closes the survey: the next autosave turns it into the closed page.
    const open = takeLink();
    const filling = await newPage();
    await filling.goto(open.url);
    await filling.locator('#i-members_total').fill('9');
    await status(filling).getByText('Đã lưu').waitFor();

    // Once the survey is closed: a unit that has not submitted is told so; one that has sees its receipt.
    await gql('mutation ($id: ID!) { closeSurvey(id: $id) { status } }', { id: surveyId });
    await filling.locator('#i-members_total').fill('10');
    await filling.getByRole('heading', { name: 'Khảo sát đã đóng' }).waitFor();
    expect(await filling.getByTestId('error-page').getAttribute('data-code')).toBe('SURVEY_CLOSED');
    await filling.getByText('Cơ quan tổ chức đã đóng cuộc khảo sát này').waitFor();
    await filling.context().close();
    // The closed page, not the deadline's nor the opening's.
    await page.goto(early.url);
    await page.getByRole('heading', { name: 'Khảo sát đã đóng' }).waitFor();
    expect(await page.getByTestId('error-date').count()).toBe(0);
    expect(await page.getByText('Đã quá hạn gửi phiếu').count()).toBe(0);
    await axe(page);
    await screenshot(page, 'survey-closed-360');
    await page.goto(submittedUrl);
    await page.getByRole('heading', { name: 'Đã gửi bản sửa' }).waitFor();
    await page.getByText('Khảo sát đã đóng; phiếu không còn sửa được.').waitFor();
    expect(await page.getByRole('button', { name: 'Sửa phiếu đã gửi' }).count()).toBe(0);
    await page.context().close();
  });
});
