import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../harness/browser.ts';
import { copyOfWebDist } from '../harness/bundle.ts';
import { loadDemoProvince, signIn } from '../harness/factories.ts';
import { connectLive, gql, type OperatorSocket } from '../harness/live.ts';
import { expectAccessible, newPage, openContext } from '../harness/live-pages.ts';
import { startTestServer, type TestServer } from '../harness/server.ts';

/** An organizer runs a conference from the web pages only: create, bridge points, host, start, links, sheet, end, report. */

let server: TestServer;
let browser: Browser;
let organizer: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startTestServer({ LIVE_PUBLISH_MS: '50', WEB_DIST: await copyOfWebDist() }),
    launchBrowser(),
  ]);
  await loadDemoProvince(server);
  organizer = await signIn(server, 'tuyengiao', 'tuyengiao-demo-2026');
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

type Listed = { conference: { status: string; bridgePoints: { totalCount: number; edges: { node: Row }[] } } };
type Row = { id: string; displayName: string; host: boolean; expectedHeadcount: number; operatorLink: string };

async function bridgePointsOf(id: string) {
  const data = await gql<Listed>(
    server.url,
    organizer,
    `query ($id: ID!) { conference(id: $id) { status bridgePoints(first: 200) { totalCount
      edges { node { id displayName host expectedHeadcount operatorLink } } } } }`,
    { id },
  );
  return data.conference;
}

describe('the conference pages', () => {
  it('create a conference with bridge points, start it, hand out links and codes, end it and download the record', async () => {
    const context = await openContext(browser, server, { cookie: organizer, width: 1280, height: 900 });
    const page = await newPage(context);
    await page.goto(`${server.url}/`);
    await page.getByTestId('nav-conferences').click();
    await page.getByRole('heading', { name: 'Hội nghị trực tuyến', level: 1 }).waitFor();

    // Create: the organizing unit defaults to the account's scope (Tỉnh ủy Thanh Hóa).
    const form = page.getByTestId('create-conference');
    await form.getByTestId('create-submit').click();
    await form.getByText('Hãy nhập tên hội nghị').waitFor();
    await form.getByLabel('Tên hội nghị').fill('Hội nghị quán triệt Kết luận 21-KL/TW');
    await form.getByLabel('Số hiệu').fill('21-KL/TW');
    await form.getByLabel('Trích yếu').fill('Kết luận số 21-KL/TW về đẩy mạnh xây dựng, chỉnh đốn Đảng');
    await form.getByLabel('Kết thúc').fill('2020-01-01T08:00');
    await form.getByTestId('create-submit').click();
    await form.getByText('Giờ kết thúc phải sau giờ bắt đầu').waitFor();
    const day = new Date(Date.now() + 7 * 3600_000 + 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel('Bắt đầu').fill(`${day}T08:00`);
    await form.getByLabel('Kết thúc').fill(`${day}T11:30`);
    await form.getByTestId('create-submit').click();
    await page.waitForURL(/\/conferences\/\d+$/);
    const id = page.url().split('/').at(-1)!;
    await page.getByRole('heading', { name: 'Hội nghị quán triệt Kết luận 21-KL/TW', level: 1 }).waitFor();
    const created = await gql<{ conference: { scheduledStartAt: string; documents: { code: string }[] } }>(
      server.url,
      organizer,
      'query ($id: ID!) { conference(id: $id) { scheduledStartAt documents { code } } }',
      { id },
    );
    // 08:00 Vietnam time is 01:00 UTC.
    expect(created.conference.scheduledStartAt).toBe(`${day}T01:00:00.000Z`);
    expect(created.conference.documents).toEqual([{ code: '21-KL/TW' }]);

    // One bridge point for every commune of Huyện ủy Thọ Xuân.
    await page.getByText('Thêm điểm cầu hàng loạt').click();
    const bulk = page.getByTestId('bulk-create');
    await bulk
      .getByTestId('bulk-under')
      .getByRole('button', { name: /Chọn đơn vị khác/ })
      .click();
    await bulk.getByLabel('Các đơn vị thuộc').fill('tho xuan');
    await bulk.getByRole('button', { name: /^Huyện ủy Thọ Xuân/ }).click();
    await bulk.getByTestId('kind-COMMUNE_COMMITTEE').check();
    await bulk.getByLabel('Số đại biểu dự kiến mỗi điểm cầu').fill('25');
    await bulk.getByTestId('bulk-submit').click();
    const notice = page.getByTestId('conference-notice');
    await notice.filter({ hasText: /Đã thêm 30 điểm cầu; bỏ qua 0/ }).waitFor();
    await page.getByTestId('bridge-points').locator('tbody tr').nth(29).waitFor();
    let listed = await bridgePointsOf(id);
    expect(listed.bridgePoints.totalCount).toBe(30);
    expect(listed.bridgePoints.edges.every((e) => e.node.expectedHeadcount === 25)).toBe(true);

    // Start needs a host: the page says so, then the organizer marks one and starts.
    await page.getByTestId('start-conference').click();
    await page.getByTestId('start-conference-confirm').click();
    await notice.filter({ hasText: 'Cần chọn điểm cầu chính' }).waitFor();
    const first = listed.bridgePoints.edges[0]!.node;
    await page.getByTestId(`make-host-${first.id}`).click();
    await notice.filter({ hasText: `${first.displayName} là điểm cầu chính` }).waitFor();
    await page.getByTestId('start-conference').click();
    await page.getByTestId('start-conference-confirm').click();
    await notice.filter({ hasText: 'Hội nghị đã bắt đầu' }).waitFor();
    listed = await bridgePointsOf(id);
    expect(listed.status).toBe('LIVE');
    expect(listed.bridgePoints.edges.find((e) => e.node.host)?.node.id).toBe(first.id);

    // Operator links: shown on demand, reissued with confirmation (the old one stops working).
    const row = page.getByTestId(`bridge-point-${first.id}`);
    await row.getByRole('button', { name: 'Hiện' }).click();
    const shown = await row.getByTestId(`operator-link-${first.id}`).textContent();
    expect(shown).toBe(first.operatorLink);
    expect(shown).toMatch(new RegExp(`/operator/${id}#dco_`));
    await row.getByRole('button', { name: 'Cấp lại' }).click();
    await row.getByRole('button', { name: 'Cấp liên kết mới' }).click();
    await notice.filter({ hasText: `Đã cấp liên kết mới cho ${first.displayName}` }).waitFor();
    listed = await bridgePointsOf(id);
    const reissued = listed.bridgePoints.edges.find((e) => e.node.id === first.id)!.node.operatorLink;
    expect(reissued).not.toBe(first.operatorLink);
    const refused = await connectLive<OperatorSocket>(server.url, '/operator', {
      conferenceId: id,
      token: first.operatorLink.split('#')[1],
    }).catch((error: { data?: { code: string } }) => error.data?.code);
    expect(refused).toBe('TOKEN_REVOKED');
    const console_ = await connectLive<OperatorSocket>(server.url, '/operator', {
      conferenceId: id,
      token: reissued.split('#')[1],
    });
    await expectAccessible(page);
    await screenshot(page, 'live-conference-page');

    // The printable sheet: a card with the QR code and the code for every bridge point.
    await page.goto(`${server.url}/conferences/${id}/check-in-sheet`);
    const sheet = page.getByTestId('check-in-sheet');
    await sheet.locator('article').nth(29).waitFor();
    expect(await sheet.locator('article').count()).toBe(30);
    const qr = await sheet.locator('article img').first().getAttribute('src');
    expect(qr).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(
      await sheet
        .locator('article img')
        .first()
        .evaluate((img: HTMLImageElement) => img.naturalWidth),
    ).toBeGreaterThan(0);
    await screenshot(page, 'live-check-in-sheet');

    // End, with confirmation: the record is final and downloads as CSV.
    await page.goto(`${server.url}/conferences/${id}`);
    await page.getByTestId('end-conference').click();
    await page.getByTestId('end-conference-confirm').click();
    await notice.filter({ hasText: 'Hội nghị đã kết thúc' }).waitFor();
    const attendance = page.getByTestId('attendance');
    await attendance.getByText(/Biên bản đã khoá lúc/).waitFor();
    expect(await page.getByTestId('attendance-totals').textContent()).toContain('1/30');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      attendance.getByTestId('download-bridge-points').click(),
    ]);
    const file = readFileSync((await download.path())!);
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.toString('utf8').trim().split('\r\n')).toHaveLength(31);
    // And as a workbook: a zip (XLSX) with the same 30 bridge points and its header.
    const [workbook] = await Promise.all([
      page.waitForEvent('download'),
      attendance.getByTestId('download-bridge-points-xlsx').click(),
    ]);
    expect(workbook.suggestedFilename()).toBe(`tham-du-hoi-nghi-${id}.xlsx`);
    const xlsx = new ExcelJS.Workbook();
    await xlsx.xlsx.load(readFileSync((await workbook.path())!) as never);
    expect(xlsx.getWorksheet('Điểm cầu')!.rowCount).toBe(31);
    expect(page.errors).toEqual([]);
    console_.disconnect();
    await context.close();
  });
});
