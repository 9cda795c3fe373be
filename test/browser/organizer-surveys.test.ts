import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe } from '../harness/axe.ts';
import { launchBrowser, screenshot } from '../harness/browser.ts';
import { loadDemoProvince, signIn } from '../harness/factories.ts';
import { type GraphQLResponse, graphql } from '../harness/graphql.ts';
import { startTestServer, type TestServer } from '../harness/server.ts';
import { surveyFixtureText } from '../harness/survey-fixture.ts';

let server: TestServer;
let browser: Browser;
let organizer: Record<string, string>;

function ok<T>(res: GraphQLResponse<T>): T {
  expect(res.errors).toBeUndefined();
  return res.data as T;
}

const gql = <T>(query: string, variables: Record<string, unknown> = {}) =>
  graphql<T>(server.url, query, { variables, headers: organizer }).then(ok);

const unitId = async (code: string) =>
  (await gql<{ unit: { id: string } }>('query ($c: String!) { unit(code: $c) { id } }', { c: code })).unit.id;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  await loadDemoProvince(server);
  organizer = { cookie: await signIn(server, 'tuyengiao', 'tuyengiao-demo-2026') };
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A signed-in organizer's page; page errors fail the test at the end. */
async function organizerPage(
  width: number,
  height = 900,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const page = await context.newPage();
  page.setDefaultTimeout(8_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`${server.url}/sign-in?next=/surveys`);
  await page.getByTestId('signin-username').fill('tuyengiao');
  await page.getByTestId('signin-password').fill('tuyengiao-demo-2026');
  await page.getByTestId('signin-submit').click();
  await page.getByRole('heading', { level: 1, name: 'Khảo sát' }).waitFor();
  return { context, page, errors };
}

/** No sideways scrolling at this width; names what sticks out when something does. */
async function fitsWidth(page: Page, width: number) {
  const wide = await page.evaluate(
    (w) =>
      document.documentElement.scrollWidth > w
        ? [...document.querySelectorAll('*')]
            .filter((e) => e.getBoundingClientRect().left + e.scrollWidth > w + 1)
            .slice(-5)
            .map((e) => `${e.tagName.toLowerCase()}.${e.className}`)
        : [],
    width,
  );
  expect(wide).toEqual([]);
}

/** The question keys of the builder, in order. */
const builderKeys = (page: Page) =>
  page
    .locator('.builder-edit .q-card')
    .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-testid')?.slice(9)));

/** The builder's editor card of a question, found by its current key. */
const card = (page: Page, key: string): Locator => page.getByTestId(`question-${key}`);

async function openSurvey(id: string, closesInDays = 30) {
  await gql('mutation ($i: UpdateSurveyInput!) { updateSurvey(input: $i) { id } }', {
    i: { id, closesAt: new Date(Date.now() + closesInDays * 86_400_000).toISOString() },
  });
  await gql('mutation ($id: ID!) { publishSurvey(id: $id) { id } }', { id });
}

describe("the organizer's survey pages in Chromium", { timeout: 90_000 }, () => {
  it('creates a survey, builds it with a live preview, publishes it and assigns units', async () => {
    const { context, page, errors } = await organizerPage(1280);
    await axe(page);

    // A new survey: the title is checked before anything is sent.
    await page.getByTestId('new-survey').click();
    await page.getByRole('heading', { level: 1, name: 'Tạo khảo sát mới' }).waitFor();
    await page.getByTestId('new-survey-submit').click();
    await page.getByText('Hãy nhập tên cuộc khảo sát').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('new-survey-title');
    await page.locator('#new-survey-title').fill('Khảo sát việc thực hiện Kết luận 21-KL/TW');
    await page.locator('#new-survey-doc-code').fill('21-KL/TW');
    await page.locator('#new-survey-doc-kind').selectOption('CONCLUSION');
    await page.locator('#new-survey-doc-signed').fill('2021-10-25');
    // The usual rule for a central document: a preliminary review 5 years after signing.
    await page.getByText('hạn 5 năm sau ngày ký, khoảng 25/10/2026').waitFor();
    await page.locator('#new-survey-doc-title').fill('về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị');
    await page.locator('#new-survey-description').fill('Phục vụ sơ kết 5 năm thực hiện Kết luận 21-KL/TW.');
    await axe(page);
    await page.getByTestId('new-survey-submit').click();

    // The builder of the new draft.
    await page.getByRole('heading', { level: 1, name: /^Bảng hỏi: Khảo sát việc thực hiện/ }).waitFor();
    const surveyId = new URL(page.url()).pathname.split('/')[2]!;
    await page.getByText('Thêm một mục và câu hỏi để xem trước.').waitFor();
    await page.getByTestId('add-section').click();
    await page.getByLabel('Tên mục', { exact: true }).fill('I. Học tập, quán triệt');

    const addQuestion = async (type: string, label: string, key?: string) => {
      await page.getByTestId('new-question-type').selectOption(type);
      await page.getByTestId('add-question').click();
      const focused = page.locator(':focus');
      await focused.fill(label);
      if (key) {
        const id = (await focused.getAttribute('id'))!.replace(/-label$/, '-key');
        await page.locator(`#${id}`).fill(key);
      }
    };
    await addQuestion('yes_no', 'Chi bộ đã tổ chức học tập, quán triệt Kết luận chưa?', 'held_study');
    await addQuestion('integer', 'Tổng số đảng viên của chi bộ', 'members_total');
    await addQuestion('single_choice', 'Hình thức học tập');
    // The keys follow the label while they are not typed by hand.
    await card(page, 'hinh_thuc_hoc_tap').waitFor();
    const choice = card(page, 'hinh_thuc_hoc_tap');
    await choice.getByLabel('Lựa chọn 1').fill('Trực tiếp');
    await choice.getByLabel('Lựa chọn 2').fill('Trực tuyến');
    await choice.getByTestId('add-option').click();
    await choice.getByLabel('Lựa chọn 3').fill('Khác');
    await choice.getByLabel('“Khác (ghi rõ)”').nth(2).check();
    expect(
      await choice
        .locator('[id$="-key"][id*="-option-"]')
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
    ).toEqual(['truc_tiep', 'truc_tuyen', 'khac']);
    await addQuestion('date', 'Ngày học tập', 'members_total');

    // The shared content rules: a repeated key is named in the list and beside the field.
    const problems = page.getByTestId('builder-problems');
    await problems.getByText('Mã “members_total” bị trùng').waitFor();
    const dateCard = page.locator('.q-card').nth(3);
    await dateCard.locator('.field-error', { hasText: 'bị trùng' }).waitFor();
    await dateCard.getByLabel('Mã').fill('study_date');
    await problems.waitFor({ state: 'detached' });

    // Shown only when the study was held: question, operator and value.
    await dateCard.getByTestId('add-condition').click();
    await dateCard.getByLabel('Câu hỏi', { exact: true }).selectOption('held_study');
    await dateCard.getByLabel('Phép so sánh').selectOption('equals');
    await dateCard.getByLabel('Giá trị').selectOption('true');

    // Reorder by keyboard: the handle's arrow keys, announced.
    await card(page, 'members_total')
      .getByRole('button', { name: /^Đổi chỗ câu 2/ })
      .focus();
    await page.keyboard.press('ArrowUp');
    await page.getByTestId('builder-announce').getByText('tới vị trí 1/4').waitFor();
    expect(await builderKeys(page)).toEqual(['members_total', 'held_study', 'hinh_thuc_hoc_tap', 'study_date']);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^Đổi chỗ câu 1/);
    // … and by drag (questions folded, so both are in view): the study form goes after the date.
    await page.getByRole('button', { name: 'Thu gọn mọi câu hỏi' }).click();
    const target = (await card(page, 'study_date').boundingBox())!;
    await card(page, 'hinh_thuc_hoc_tap')
      .locator('.drag-handle')
      .dragTo(card(page, 'study_date'), {
        targetPosition: { x: 40, y: target.height - 12 },
      });
    await expect
      .poll(() => builderKeys(page))
      .toEqual(['members_total', 'held_study', 'study_date', 'hinh_thuc_hoc_tap']);

    // The live preview is the respondent form: the date shows only after "Có".
    const preview = page.getByTestId('preview');
    await preview.getByRole('heading', { name: 'I. Học tập, quán triệt' }).waitFor();
    await preview.getByText('Tổng số đảng viên của chi bộ').waitFor();
    expect(await preview.getByText('Ngày học tập').count()).toBe(0);
    await preview.locator('#held_study-yes').check();
    await preview.getByText('Ngày học tập').waitFor();
    await preview.getByRole('button', { name: 'Xem lại' }).click();
    await preview.locator('#e-members_total').getByText('Câu hỏi bắt buộc').waitFor();
    await axe(page);
    await screenshot(page, 'organizer-builder-1280');

    await page.getByTestId('builder-save').click();
    await page.getByTestId('builder-notice').getByText('Đã lưu bản nháp.').waitFor();
    await page.getByTestId('builder-state').getByText('Đã lưu mọi thay đổi').waitFor();
    const saved = await gql<{
      survey: { draftContent: { sections: { questions: { key: string; visibleIf?: unknown }[] }[] } };
    }>('query ($id: ID!) { survey(id: $id) { draftContent } }', { id: surveyId });
    const questions = saved.survey.draftContent.sections[0]!.questions;
    expect(questions.map((q) => q.key)).toEqual(['members_total', 'held_study', 'study_date', 'hinh_thuc_hoc_tap']);
    expect(questions[2]!.visibleIf).toEqual({ question: 'held_study', op: 'equals', value: true });

    // Publishing needs a deadline: the dialog says so and cannot go on.
    await page.getByTestId('builder-publish').click();
    await page.getByTestId('publish-problems').getByText('cần đặt hạn chót').waitFor();
    expect(await page.getByTestId('publish-confirm').isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    await page.getByTestId('publish-dialog').waitFor({ state: 'hidden' });

    await page.getByTestId('tab-overview').click();
    await page.getByRole('heading', { level: 1, name: /^Tổng quan:/ }).waitFor();
    await page.locator('#settings-closesAt').fill('2026-12-15T17:00');
    await page.getByTestId('settings-submit').click();
    await page.getByTestId('survey-notice').getByText('Đã lưu thiết lập.').waitFor();
    const settings = await gql<{
      survey: { closesAt: string; document: { code: string; kind: string; signedOn: string } };
    }>('query ($id: ID!) { survey(id: $id) { closesAt document { code kind signedOn } } }', { id: surveyId });
    // Typed as Vietnam time, whatever the computer's time zone.
    expect(settings.survey.closesAt).toBe('2026-12-15T10:00:00.000Z');
    expect(settings.survey.document).toEqual({ code: '21-KL/TW', kind: 'CONCLUSION', signedOn: '2021-10-25' });

    // The confirmation lists what will be frozen.
    await page.getByTestId('publish').click();
    const dialog = page.getByTestId('publish-dialog');
    await dialog.getByText('Phiên bản 1 gồm 1 mục, 4 câu hỏi và 0 chỉ số').waitFor();
    const frozen = await dialog.getByTestId('frozen-list').textContent();
    for (const text of [
      'members_total · Số nguyên',
      'held_study · Có / Không',
      'study_date · Ngày',
      '(truc_tiep, truc_tuyen, khac)',
    ])
      expect(frozen).toContain(text);
    await dialog.getByText('Mỗi mã câu hỏi giữ nguyên kiểu').waitFor();
    await axe(page);
    await dialog.getByTestId('publish-confirm').click();
    await page.getByTestId('survey-notice').getByText('Đã phát hành phiên bản 1').waitFor();
    await page.getByTestId('survey-status').getByText('Đang mở').waitFor();

    // Assign: every commune committee under Huyện ủy Thọ Xuân, plus two units picked by hand; counted first.
    const th05 = await unitId('TH-05');
    const communes = (
      await gql<{ units: { totalCount: number } }>(
        'query ($u: ID!) { units(filter: { underId: $u, kindCodes: ["COMMUNE_COMMITTEE"] }) { totalCount } }',
        { u: th05 },
      )
    ).units.totalCount;
    expect(communes).toBeGreaterThan(10);
    await page.getByTestId('tab-assign').click();
    await page.getByRole('heading', { level: 1, name: /^Giao đơn vị:/ }).waitFor();
    await page.getByTestId('assign-count').getByText('Chưa chọn đơn vị nào.').waitFor();
    await page.getByTestId('use-rule').check();
    await page
      .getByTestId('rule-under')
      .getByRole('button', { name: /Chọn đơn vị khác/ })
      .click();
    await page.locator('#rule-under').fill('tho xuan');
    await page
      .getByTestId('rule-under')
      .getByRole('button', { name: /^Huyện ủy Thọ Xuân/ })
      .click();
    await page.getByTestId('rule-under-value').getByText('Huyện ủy Thọ Xuân').waitFor();
    expect(await page.getByTestId('kind-COMMUNE_COMMITTEE').isChecked()).toBe(true);
    await page.getByTestId('assign-count').getByText(`Sẽ giao cho ${communes} đơn vị.`).waitFor();
    // By search, without accents …
    await page.getByTestId('assign-search').fill('hoang hoa');
    await page.getByTestId('assign-results').getByLabel('Huyện ủy Hoằng Hóa').check();
    // … and in the tree.
    await page.getByTestId('assign-tree').getByRole('button', { name: 'Mở Huyện ủy Yên Định' }).click();
    const yenDinhCommune = page.getByTestId('assign-tree').locator('.tree .tree .tree-check').first();
    const pickedName = (await yenDinhCommune.textContent())!;
    await yenDinhCommune.locator('input').check();
    await page.getByTestId('assign-chosen').getByText(pickedName).waitFor();
    await page
      .getByTestId('assign-count')
      .getByText(`Sẽ giao cho ${communes + 2} đơn vị.`)
      .waitFor();
    await axe(page);
    await page.getByTestId('assign-submit').click();
    await page
      .getByTestId('assign-notice')
      .getByText(`Đã giao thêm ${communes + 2} đơn vị`)
      .waitFor();
    const listed = await gql<{
      assignments: {
        totalCount: number;
        edges: { node: { id: string; link: string; unit: { code: string; name: string } } }[];
      };
    }>(
      'query ($s: ID!) { assignments(surveyId: $s, first: 100) { totalCount edges { node { id link unit { code name } } } } }',
      { s: surveyId },
    );
    expect(listed.assignments.totalCount).toBe(communes + 2);
    // Assigning the same again adds nothing: the count says so before anything is sent.
    await page.getByTestId('use-rule').check();
    await page
      .getByTestId('assign-count')
      .getByText(`Sẽ giao cho 0 đơn vị (${communes} đơn vị đã được giao từ trước, giữ nguyên).`)
      .waitFor();
    expect(await page.getByTestId('assign-submit').isDisabled()).toBe(true);
    await page.getByTestId('use-rule').uncheck();

    // One unit answers (through its link), so the progress has each state.
    const [first, second] = listed.assignments.edges.map((e) => e.node);
    const token = (link: string) => link.split('/s/')[1]!;
    ok(
      await graphql(
        server.url,
        'mutation ($t: String!, $a: JSONObject!) { submitResponse(token: $t, answers: $a, submittedBy: "Bí thư", idempotencyKey: "organizer-test-1") { number } }',
        {
          variables: {
            t: token(first!.link),
            a: {
              members_total: 30,
              held_study: true,
              study_date: '2026-11-20',
              hinh_thuc_hoc_tap: { choice: 'truc_tiep' },
            },
          },
        },
      ),
    );
    ok(
      await graphql(
        server.url,
        'mutation ($t: String!) { saveDraft(token: $t, answers: { members_total: 12 }) { savedAt } }',
        {
          variables: { t: token(second!.link) },
        },
      ),
    );

    await page.getByTestId('tab-progress').click();
    await page.getByRole('heading', { level: 1, name: /^Tiến độ:/ }).waitFor();
    expect(await page.getByTestId('count-submitted').textContent()).toBe('1');
    expect(await page.getByTestId('count-draft').textContent()).toBe('1');
    expect(await page.getByTestId('count-not-opened').textContent()).toBe(String(communes));
    const byLevel = page.getByTestId('progress-by-level');
    await byLevel.getByRole('rowheader', { name: 'Huyện ủy Thọ Xuân' }).waitFor();
    expect(await byLevel.locator('tr', { hasText: 'Huyện ủy Hoằng Hóa' }).locator('td').first().textContent()).toBe(
      '1',
    );
    expect(await byLevel.locator('tr.total-row td').first().textContent()).toBe(String(communes + 2));
    await page
      .getByTestId('units-count')
      .getByText(`${communes + 1} đơn vị`, { exact: true })
      .waitFor();

    // The list of units not submitted, with their links, as CSV for reminders.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-pending').click()]);
    const csv = readFileSync((await download.path())!);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').trim().split('\r\n');
    expect(lines).toHaveLength(communes + 2);
    expect(lines.some((line) => line.startsWith(`${first!.unit.code},`))).toBe(false);
    expect(lines.some((line) => line.startsWith(`${second!.unit.code},`))).toBe(true);

    // One unit: found without accents, its link copied, more time, a new link, revoked, withdrawn.
    await page.getByTestId('units-search').fill('hoang hoa');
    await page.getByTestId('units-count').getByText('1 đơn vị', { exact: true }).waitFor();
    const hoangHoa = listed.assignments.edges.find((e) => e.node.unit.name === 'Huyện ủy Hoằng Hóa')!.node;
    const row = page.getByTestId(`unit-${hoangHoa.unit.code}`);
    await row.getByTestId('copy-link').click();
    await page.getByTestId('units-notice').getByText('Đã chép đường dẫn của Huyện ủy Hoằng Hóa.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(hoangHoa.link);

    await row.getByTestId('extend').click();
    await page.locator('#extend-at').fill('2026-12-31T17:00');
    await page.getByTestId('extend-confirm').click();
    await page.getByTestId('units-notice').getByText('Đã gia hạn cho Huyện ủy Hoằng Hóa').waitFor();
    await row.getByText('(đã gia hạn)').waitFor();

    const more = () => row.locator('summary', { hasText: 'Thao tác khác' }).click();
    await more();
    await row.getByTestId('rotate').click();
    await page.getByTestId('rotate-dialog-confirm').click();
    await page.getByTestId('units-notice').getByText('Đã cấp đường dẫn mới cho Huyện ủy Hoằng Hóa.').waitFor();
    const rotated = await graphql(server.url, 'query ($t: String!) { questionnaire(token: $t) { title } }', {
      variables: { t: token(hoangHoa.link) },
    });
    expect(rotated.errors?.[0]?.extensions?.code).toBe('LINK_REPLACED');

    await more();
    await row.getByTestId('revoke').click();
    await page.getByTestId('revoke-dialog-confirm').click();
    await row.getByText('Đường dẫn đã bị thu hồi').waitFor();

    await more();
    await row.getByTestId('withdraw').click();
    await page.getByTestId('withdraw-dialog').getByText('Huyện ủy Hoằng Hóa').waitFor();
    await axe(page);
    await page.getByTestId('withdraw-dialog-confirm').click();
    await page.getByTestId('units-notice').getByText('Đã rút 1 đơn vị khỏi khảo sát.').waitFor();
    await page.getByTestId('units-count').getByText('0 đơn vị', { exact: true }).waitFor();
    await page.getByTestId('units-search').fill('');
    await page.getByTestId('units-count').getByText(`${communes} đơn vị`, { exact: true }).waitFor();
    await screenshot(page, 'organizer-progress-1280');

    // The survey list: each survey with its status, deadline (Vietnam time) and response progress.
    const { progress } = (
      await gql<{
        survey: { progress: { assigned: number; submitted: number; draft: number; opened: number; notOpened: number } };
      }>('query ($id: ID!) { survey(id: $id) { progress { assigned submitted draft opened notOpened } } }', {
        id: surveyId,
      })
    ).survey;
    expect(progress.submitted).toBe(1);
    expect(progress.draft).toBe(1);
    await page.getByRole('link', { name: 'Khảo sát', exact: true }).first().click();
    const item = page.getByTestId(`survey-item-${surveyId}`);
    await item.getByText('Đang mở').waitFor();
    const deadlineText = await page.evaluate(
      (iso) =>
        new Intl.DateTimeFormat('vi', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' }).format(
          new Date(iso),
        ),
      settings.survey.closesAt,
    );
    expect(await item.locator('.survey-deadline').textContent()).toBe(`Hạn chót: ${deadlineText}`);
    const rate = ((progress.submitted / progress.assigned) * 100).toLocaleString('vi', { maximumFractionDigits: 1 });
    await item.getByText(`${progress.submitted}/${progress.assigned} đơn vị đã gửi (${rate}%)`).waitFor();
    expect(await item.locator('.survey-counts').textContent()).toBe(
      `Đang điền ${progress.draft} · đã mở, chưa điền ${progress.opened} · chưa mở ${progress.notOpened}`,
    );
    await axe(page);

    expect(errors).toEqual([]);
    await context.close();
  });

  it('imports the example file, edits every question type, publishes version 2, duplicates and closes, at 360 px and in English', async () => {
    const { context, page, errors } = await organizerPage(360, 780);
    await fitsWidth(page, 360);
    await page.getByTestId('new-survey').click();
    await page.getByRole('heading', { level: 1, name: 'Tạo khảo sát mới' }).waitFor();

    // A bad file: every problem listed, nothing created.
    const bad = JSON.parse(surveyFixtureText);
    bad.title = '';
    bad.content.sections[0].questions[1].key = 'members_total';
    await page
      .getByTestId('import-file')
      .setInputFiles({ name: 'sai.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    await page.getByTestId('import-submit').click();
    const listedProblems = page.getByTestId('import-problems');
    await listedProblems.getByText('Mã “members_total” bị trùng').waitFor();
    expect(await listedProblems.locator('li').count()).toBeGreaterThanOrEqual(2);

    await page.getByTestId('import-file').setInputFiles({
      name: 'khao-sat-21-KL-TW.json',
      mimeType: 'application/json',
      buffer: Buffer.from(surveyFixtureText),
    });
    await page.getByTestId('import-submit').click();
    await page.getByRole('heading', { level: 1, name: /^Bảng hỏi: Phiếu khảo sát phục vụ sơ kết/ }).waitFor();
    await page.getByTestId('builder-state').getByText('3 mục, 17 câu hỏi').waitFor();
    const surveyId = new URL(page.url()).pathname.split('/')[2]!;

    // Exported as a file that imports again: the same format, settings and questionnaire keys.
    const [exported] = await Promise.all([page.waitForEvent('download'), page.getByTestId('builder-export').click()]);
    expect(exported.suggestedFilename()).toBe(`khao-sat-${surveyId}.json`);
    const file = JSON.parse(readFileSync((await exported.path())!, 'utf8'));
    const source = JSON.parse(surveyFixtureText);
    const keysOf = (content: { sections: { key: string; questions: { key: string }[] }[] }) =>
      content.sections.map((sec) => [sec.key, sec.questions.map((q) => q.key)]);
    expect(file).toMatchObject({ format: 'diemcau.survey', formatVersion: 1, title: source.title });
    expect(keysOf(file.content)).toEqual(keysOf(source.content));
    expect(file.content.sections[0].questions[0]).toEqual(source.content.sections[0].questions[0]);
    await fitsWidth(page, 360);
    // Every type has its own fields.
    for (const [key, label] of [
      ['study_form', 'Lựa chọn 1'],
      ['difficulties', 'Chọn nhiều nhất'],
      ['effectiveness', 'Số mức'],
      ['change_by_area', 'Dòng 1'],
      ['personal_plan_rate', 'Lớn nhất'],
      ['planned_date', 'Từ ngày'],
      ['proposals', 'Số ký tự tối đa'],
    ] as const) {
      await page.getByTestId(`toggle-${key}`).click();
      await card(page, key).getByLabel(label, { exact: true }).first().waitFor();
    }
    await card(page, 'planned_date').getByTestId('condition-0').waitFor();
    await fitsWidth(page, 360);
    await axe(page);
    await screenshot(page, 'organizer-builder-edit-360');
    await page.getByRole('button', { name: 'Thu gọn mọi câu hỏi' }).click();

    // At 360 px the preview is a view of its own.
    await page.getByTestId('view-preview').click();
    const preview = page.getByTestId('preview');
    await preview.getByRole('heading', { name: 'I. Học tập, quán triệt' }).waitFor();
    await fitsWidth(page, 360);
    await axe(page);
    await screenshot(page, 'organizer-builder-preview-360');
    await page.getByRole('button', { name: 'Soạn thảo' }).click();

    // Published (deadline and publishing through the API here; the first test does it on the pages).
    await openSurvey(surveyId);
    await page.reload();
    await page.getByTestId('builder-state').getByText('Giống phiên bản đang dùng').waitFor();
    await page.getByTestId('toggle-held_study').click();
    // A published key keeps its type.
    await card(page, 'held_study').getByLabel('Kiểu').selectOption('short_text');
    await card(page, 'held_study').getByText('Mã này đã phát hành với kiểu “Có / Không”').waitFor();
    await card(page, 'held_study').getByLabel('Kiểu').selectOption('yes_no');
    await page.getByTestId('toggle-members_total').click();
    await card(page, 'members_total')
      .getByLabel('Nội dung câu hỏi')
      .fill('Tổng số đảng viên của đơn vị (đến ngày 30/9)');
    await page.getByTestId('builder-state').getByText('Có thay đổi chưa phát hành').waitFor();
    await page.getByTestId('builder-publish').click();
    const dialog = page.getByTestId('publish-dialog');
    await dialog.getByRole('heading', { name: 'Phát hành phiên bản 2' }).waitFor();
    await dialog.getByText('Phiếu đã gửi giữ nguyên phiên bản đã trả lời').waitFor();
    await axe(page);
    await dialog.getByTestId('publish-confirm').click();
    await page.getByTestId('builder-notice').getByText('Đã phát hành phiên bản 2.').waitFor();
    const published = await gql<{
      survey: { currentVersion: { number: number; content: { sections: { questions: { label: string }[] }[] } } };
    }>('query ($id: ID!) { survey(id: $id) { currentVersion { number content } } }', { id: surveyId });
    expect(published.survey.currentVersion.number).toBe(2);
    expect(published.survey.currentVersion.content.sections[0]!.questions[0]!.label).toBe(
      'Tổng số đảng viên của đơn vị (đến ngày 30/9)',
    );

    // English second: the switch turns the pages and the preview.
    await page.getByTestId('lang-en').click();
    await page.getByRole('heading', { level: 1, name: /^Questionnaire: / }).waitFor();
    await page.getByTestId('builder-state').getByText('Same as the version in use').waitFor();
    await page.getByTestId('view-preview').click();
    await preview.getByRole('heading', { name: 'I. Study' }).waitFor();
    await axe(page);
    await page.getByTestId('lang-vi').click();
    await page.getByRole('heading', { level: 1, name: /^Bảng hỏi: / }).waitFor();

    // The other pages at 360 px.
    await page.getByTestId('tab-assign').click();
    await page.getByRole('heading', { level: 1, name: /^Giao đơn vị:/ }).waitFor();
    await page.getByTestId('assign-tree').getByLabel('Huyện ủy Thọ Xuân').waitFor();
    await fitsWidth(page, 360);
    await axe(page);
    await page.getByTestId('tab-progress').click();
    await page.getByRole('heading', { level: 1, name: /^Tiến độ:/ }).waitFor();
    await page.getByTestId('progress-counts').or(page.getByText('Chưa giao cho đơn vị nào.')).first().waitFor();
    await fitsWidth(page, 360);
    await axe(page);

    // Duplicate: a new draft with the same questionnaire.
    await page.getByTestId('tab-overview').click();
    await page.getByRole('heading', { level: 1, name: /^Tổng quan:/ }).waitFor();
    await fitsWidth(page, 360);
    await axe(page);
    await screenshot(page, 'organizer-overview-360');
    await page.getByTestId('clone').click();
    await page.getByTestId('clone-dialog-confirm').click();
    await page.getByRole('heading', { level: 1, name: /\(bản sao\)$/ }).waitFor();
    await page.getByTestId('survey-status').getByText('Bản nháp').waitFor();
    const copyId = new URL(page.url()).pathname.split('/')[2]!;
    expect(copyId).not.toBe(surveyId);

    // A questionnaire file imported into this draft: asked first (it has questions), then replaced.
    await page.getByTestId('tab-builder').click();
    await page.getByTestId('builder-state').getByText('3 mục, 17 câu hỏi').waitFor();
    const shorter = JSON.parse(surveyFixtureText).content;
    shorter.sections = shorter.sections.slice(0, 2);
    shorter.sections[0].questions[0].label = 'Số đảng viên (theo tệp nhập)';
    await page.getByTestId('builder-import-file').setInputFiles({
      name: 'bang-hoi.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(shorter)),
    });
    const importDialog = page.getByTestId('import-dialog');
    await importDialog.getByText('Thay bảng hỏi bằng nội dung của tệp?').waitFor();
    await importDialog.getByTestId('import-dialog-confirm').click();
    const importedCount = shorter.sections.reduce(
      (n: number, sec: { questions: unknown[] }) => n + sec.questions.length,
      0,
    );
    await page.getByTestId('builder-notice').getByText(`Đã nhập 2 mục, ${importedCount} câu hỏi từ tệp.`).waitFor();
    await page.getByTestId('builder-state').getByText(`2 mục, ${importedCount} câu hỏi`).waitFor();
    await page.getByTestId('builder-save').click();
    await page.getByTestId('builder-notice').getByText('Đã lưu bản nháp.').waitFor();
    const draft = await gql<{
      survey: { draftContent: { sections: { key: string; questions: { key: string; label: string }[] }[] } };
    }>('query ($id: ID!) { survey(id: $id) { draftContent } }', { id: copyId });
    expect(keysOf(draft.survey.draftContent)).toEqual(keysOf(shorter));
    expect(draft.survey.draftContent.sections[0]!.questions[0]!.label).toBe('Số đảng viên (theo tệp nhập)');

    // Close the original: no more answers, and its questionnaire is read only.
    await page.goto(`${server.url}/surveys/${surveyId}`);
    await page.getByTestId('close').click();
    await page.getByTestId('close-dialog').getByText('không đơn vị nào gửi hay sửa phiếu được nữa').waitFor();
    await page.getByTestId('close-dialog-confirm').click();
    await page.getByTestId('survey-status').getByText('Đã đóng').waitFor();
    await page.getByTestId('tab-builder').click();
    await page.getByTestId('builder-state').getByText('Khảo sát đã đóng: chỉ xem').waitFor();
    expect(await page.getByTestId('add-section').count()).toBe(0);

    // The list: both, with their status.
    await page.getByRole('link', { name: 'Khảo sát', exact: true }).first().click();
    await page.getByTestId(`survey-item-${surveyId}`).getByText('Đã đóng').waitFor();
    await page.getByTestId(`survey-item-${copyId}`).getByText('Bản nháp').waitFor();
    await fitsWidth(page, 360);
    await screenshot(page, 'organizer-list-360');

    expect(errors).toEqual([]);
    await context.close();
  });
});
