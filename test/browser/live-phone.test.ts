import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../harness/browser.ts';
import { copyOfWebDist } from '../harness/bundle.ts';
import { loadDemoProvince, signIn } from '../harness/factories.ts';
import { eventually, gql } from '../harness/live.ts';
import {
  conferenceWithBridgePoints,
  expectAccessible,
  liveTotals,
  newPage,
  openContext,
  type TestBridgePoint,
} from '../harness/live-pages.ts';
import { startTestServer, type TestServer } from '../harness/server.ts';

/**
 * The two public phone pages in Chromium at 360 px: the bridge-point operator's console (from its
 * link) and the participant's check-in page (from the QR code's address), against the real server.
 */

/** A short heartbeat: a page closed without a clean goodbye leaves the count within seconds. */
const env: Record<string, string> = {
  LIVE_GRACE_MS: '1500',
  LIVE_PUBLISH_MS: '50',
  LIVE_SAMPLE_MS: '500',
  SOCKET_PING_INTERVAL_MS: '1000',
  SOCKET_PING_TIMEOUT_MS: '3000',
};
let server: TestServer;
let browser: Browser;
let organizer: string;
let conference: { id: string; bridgePoints: TestBridgePoint[] };

/** A link as PUBLIC_URL writes it, opened on this test server (PUBLIC_URL is http://localhost:0 with PORT=0). */
function local(url: string): string {
  return url.replace(/^https?:\/\/[^/]+/, server.url);
}

async function bridgePointLive(bridgePointId: string) {
  const data = await gql<{
    bridgePoint: { live: { status: string; reportedHeadcount: number | null; checkIns: number } };
  }>(
    server.url,
    organizer,
    'query ($id: ID!) { bridgePoint(id: $id) { live { status reportedHeadcount checkIns present } } }',
    { id: bridgePointId },
  );
  return data.bridgePoint.live;
}

beforeAll(async () => {
  env.WEB_DIST = await copyOfWebDist();
  [server, browser] = await Promise.all([startTestServer(env), launchBrowser()]);
  await loadDemoProvince(server);
  organizer = await signIn(server, 'tuyengiao', 'tuyengiao-demo-2026');
  conference = await conferenceWithBridgePoints(server, organizer, {
    underCode: 'TH-05',
    kindCodes: ['COMMUNE_COMMITTEE'],
    start: true,
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the operator console', () => {
  it('connects from its link, reports a headcount the dashboard shows, records an excused absence, and shows reconnecting', async () => {
    const bp = conference.bridgePoints[1]!;
    const phone = await openContext(browser, server, { width: 360, height: 780 });
    const page = await newPage(phone);
    const wallContext = await openContext(browser, server, { cookie: organizer, width: 1400, height: 900 });
    const wall = await newPage(wallContext);
    await wall.goto(`${server.url}/conferences/${conference.id}/live`);
    await wall.getByTestId('big-present').waitFor();

    // The link as organizers hand it out: PUBLIC_URL/operator/<id>#dco_…
    expect(bp.operatorLink).toMatch(new RegExp(`/operator/${conference.id}#dco_`));
    await page.goto(local(bp.operatorLink));
    await page.getByTestId('link-state').filter({ hasText: 'Đã kết nối' }).waitFor();
    expect(await page.getByTestId('operator-title').textContent()).toContain(bp.displayName);
    expect(await page.getByTestId('conference-status').textContent()).toBe('Đang diễn ra');
    expect(await page.getByTestId('check-in-code').textContent()).toBe(bp.checkInCode);
    await eventually(async () => expect((await bridgePointLive(bp.id)).status).toBe('CONNECTED'));

    // Stepper: three taps are one report of 3 (the last change wins); then a typed 27.
    for (let i = 0; i < 3; i += 1) await page.getByTestId('plus').click();
    await page.getByTestId('headcount-status').filter({ hasText: 'Đã gửi 3 người' }).waitFor();
    await page.getByTestId('headcount').fill('27');
    await page.getByTestId('headcount').press('Enter');
    await page.getByTestId('headcount-status').filter({ hasText: 'Đã gửi 27 người' }).waitFor();
    expect((await bridgePointLive(bp.id)).reportedHeadcount).toBe(27);
    // The organizer's wall: the host has no console, so the province's present is this site's 27.
    await wall.getByTestId('big-present').filter({ hasText: '27/' }).waitFor({ timeout: 3000 });
    await page.getByTestId('present').filter({ hasText: '27' }).waitFor();

    // A value out of range is refused on the page, with the field marked.
    await page.getByTestId('headcount').fill('-4');
    await page.getByTestId('headcount').press('Enter');
    await page.getByRole('alert').filter({ hasText: 'từ 0 đến 5000' }).waitFor();
    expect(await page.getByTestId('headcount').getAttribute('aria-invalid')).toBe('true');
    await page.getByTestId('headcount').fill('27');

    await page.getByLabel('Họ và tên người vắng').fill('Lê Thị Hoa');
    await page.getByLabel('Lý do', { exact: true }).fill('Ốm, có giấy của trạm y tế');
    await page.getByRole('button', { name: 'Ghi nhận vắng' }).click();
    await page.getByTestId('excused-list').getByText('Lê Thị Hoa').waitFor();
    const excused = await gql<{ bridgePoint: { excusedAbsences: { name: string; reason: string }[] } }>(
      server.url,
      organizer,
      'query ($id: ID!) { bridgePoint(id: $id) { excusedAbsences { name reason } } }',
      { id: bp.id },
    );
    expect(excused.bridgePoint.excusedAbsences).toEqual([{ name: 'Lê Thị Hoa', reason: 'Ốm, có giấy của trạm y tế' }]);

    await expectAccessible(page);
    await screenshot(page, 'live-operator-360');

    // The server goes away: the console says so at once and keeps the next report for later.
    const { database } = server;
    const port = new URL(server.url).port;
    await server.close();
    await page.getByTestId('link-state').filter({ hasText: 'đang kết nối lại' }).waitFor({ timeout: 5000 });
    await page.getByTestId('plus').click();
    await page.getByTestId('headcount-status').filter({ hasText: 'Chưa gửi được 28' }).waitFor();
    await screenshot(page, 'live-operator-reconnecting-360');
    server = await startTestServer({ ...env, PORT: port }, { database });
    organizer = await signIn(server, 'tuyengiao', 'tuyengiao-demo-2026');
    await page.getByTestId('link-state').filter({ hasText: 'Đã kết nối' }).waitFor({ timeout: 20_000 });
    await page.getByTestId('headcount-status').filter({ hasText: 'Đã gửi 28 người' }).waitFor();
    await eventually(async () => expect((await bridgePointLive(bp.id)).reportedHeadcount).toBe(28));

    // Its link reissued by the organizer: the console is told, not left retrying.
    await gql(server.url, organizer, 'mutation ($id: ID!) { rotateOperatorLink(bridgePointId: $id) { id } }', {
      id: bp.id,
    });
    await page.getByTestId('operator-refused').filter({ hasText: 'thu hồi' }).waitFor();
    expect(page.errors).toEqual([]);
    await phone.close();
    await wallContext.close();
  });
});

describe('the check-in page', () => {
  it('checks a participant in from the QR code address, and the count rises', async () => {
    const bp = conference.bridgePoints[2]!;
    const before = await liveTotals(server, organizer, conference.id);
    const phone = await openContext(browser, server, { width: 360, height: 740 });
    const page = await newPage(phone);
    expect(new URL(bp.checkInUrl).pathname + new URL(bp.checkInUrl).search).toBe(
      `/check-in/${conference.id}?code=${bp.checkInCode}`,
    );
    await page.goto(local(bp.checkInUrl));
    await page.getByRole('heading', { name: 'Điểm danh' }).waitFor();
    expect(await page.locator('#code').inputValue()).toBe(bp.checkInCode);
    await expectAccessible(page);

    // Nothing typed: the name is asked for, next to its field.
    await page.getByTestId('check-in').click();
    await page.getByText('Hãy nhập họ và tên').waitFor();
    expect(await page.locator('#name').evaluate((el) => el === document.activeElement)).toBe(true);

    // A wrong code is refused by the server and shown at the code field.
    await page.locator('#name').fill('Nguyễn Văn An');
    await page.locator('#member-number').fill('12.345.678');
    await page.locator('#code').fill('ZZZZZZ');
    await page.getByTestId('check-in').click();
    await page.getByText('Mã điểm danh không đúng').waitFor();

    await page.locator('#code').fill(bp.checkInCode.toLowerCase());
    await page.getByTestId('check-in').click();
    const done = page.getByTestId('checked-in');
    await done.waitFor();
    expect(await done.textContent()).toContain(`Bạn đã điểm danh tại ${bp.displayName}.`);
    expect(await done.textContent()).toContain('12345678');
    // The count rises: the conference's check-ins, and the site's present (no report there, so its check-ins).
    await eventually(async () => {
      expect((await liveTotals(server, organizer, conference.id)).checkIns).toBe(before.checkIns + 1);
      expect(await bridgePointLive(bp.id)).toMatchObject({ checkIns: 1, present: 1 });
    });
    await expectAccessible(page);
    await screenshot(page, 'live-check-in-done-360');

    // The same person from a second tab counts once; closing both pages takes them off the live count.
    const second = await newPage(phone);
    await second.goto(local(bp.checkInUrl));
    expect(await second.locator('#name').inputValue()).toBe('Nguyễn Văn An');
    await second.getByTestId('check-in').click();
    await second.getByTestId('checked-in').waitFor();
    expect((await bridgePointLive(bp.id)).checkIns).toBe(1);
    await page.close();
    await second.close();
    // A tab closed in the middle of its transport upgrade is noticed by the heartbeat (1 s + 3 s here).
    await eventually(async () => expect((await bridgePointLive(bp.id)).checkIns).toBe(0));

    // English.
    const english = await newPage(phone);
    await english.goto(local(bp.checkInUrl));
    await english.getByTestId('lang-en').click();
    await english.getByRole('heading', { name: 'Check in' }).waitFor();
    expect(await english.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(page.errors).toEqual([]);
    await phone.close();
  });
});
