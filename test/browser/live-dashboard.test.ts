import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../harness/browser.ts';
import { copyOfWebDist } from '../harness/bundle.ts';
import { loadDemoProvince, signIn } from '../harness/factories.ts';
import { connectLive, type OperatorSocket, tokenOf } from '../harness/live.ts';
import {
  conferenceWithBridgePoints,
  expectAccessible,
  newPage,
  openContext,
  type TestBridgePoint,
} from '../harness/live-pages.ts';
import { startTestServer, type TestServer } from '../harness/server.ts';

/** The organizer's wall-screen dashboard in Chromium, against the real server and real operator sockets. */

let server: TestServer;
let browser: Browser;
let organizer: string;

const sockets: OperatorSocket[] = [];

async function operatorOf(conferenceId: string, bp: TestBridgePoint, headcount?: number): Promise<OperatorSocket> {
  const socket = await connectLive<OperatorSocket>(server.url, '/operator', {
    conferenceId,
    token: tokenOf(bp.operatorLink),
  });
  sockets.push(socket);
  if (headcount !== undefined) {
    await new Promise<void>((resolve, reject) =>
      socket.emit('operator:report-headcount', { headcount }, (reply) =>
        'error' in reply ? reject(new Error(reply.error.code)) : resolve(),
      ),
    );
  }
  return socket;
}

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startTestServer({
      LIVE_GRACE_MS: '400',
      LIVE_PUBLISH_MS: '50',
      LIVE_SAMPLE_MS: '500',
      WEB_DIST: await copyOfWebDist(),
    }),
    launchBrowser(),
  ]);
  await loadDemoProvince(server);
  organizer = await signIn(server, 'tuyengiao', 'tuyengiao-demo-2026');
}, 120_000);

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await browser?.close();
  await server?.stop();
});

describe('the live dashboard', () => {
  it('shows the big numbers, then a bridge point going down within 2 s, with drill-down and a timeline', async () => {
    const conference = await conferenceWithBridgePoints(server, organizer, {
      underCode: 'TH-05',
      kindCodes: ['COMMUNE_COMMITTEE'],
      start: true,
    });
    const [host, first, second] = conference.bridgePoints as [TestBridgePoint, TestBridgePoint, TestBridgePoint];
    const total = conference.bridgePoints.length;
    await operatorOf(conference.id, host, 90);
    const leaving = await operatorOf(conference.id, first, 18);
    await operatorOf(conference.id, second, 15);

    const context = await openContext(browser, server, { cookie: organizer, width: 1600, height: 1000 });
    const page = await newPage(context);
    await page.goto(`${server.url}/conferences/${conference.id}/live`);
    const connected = page.getByTestId('big-bridge-points');
    await connected.filter({ hasText: `3/${total}` }).waitFor();
    await page.getByTestId('big-present').filter({ hasText: '123/' }).waitFor();
    await page.getByTestId('link-state').filter({ hasText: 'Đã kết nối' }).waitFor();
    expect(await page.getByTestId('count-never').textContent()).toBe(String(total - 3));
    // uPlot drew its canvas.
    await page.getByTestId('timeline').locator('canvas').first().waitFor();

    // An operator socket goes away: within 2 s the wall shows it dropped (grace 0.4 s, publish 50 ms).
    const started = Date.now();
    leaving.disconnect();
    await page.getByTestId('problems-dropped').getByText(first.displayName).waitFor({ timeout: 2000 });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(2000);
    await connected.filter({ hasText: `2/${total}` }).waitFor({ timeout: 500 });
    expect(await page.getByTestId('count-dropped').textContent()).toBe('1');
    // Its report no longer counts: 90 + 15.
    await page.getByTestId('big-present').filter({ hasText: '105/' }).waitFor();

    await expectAccessible(page);
    await screenshot(page, 'live-dashboard-wall');

    // Drill down: level 2 groups the province committee's own host and Huyện ủy Thọ Xuân.
    const groups = page.getByTestId('group-table');
    await groups.getByRole('button', { name: /Thọ Xuân/ }).click();
    const table = page.getByTestId('bp-table');
    await table.waitFor();
    expect(Number(await table.getAttribute('data-rows'))).toBe(total - 1);
    await expect
      .poll(async () => table.locator(`tr[data-testid="bp-row-${first.id}"]`).getAttribute('data-state'))
      .toBe('DROPPED');
    // Problems only: every commune of Thọ Xuân but the one still connected.
    await page.getByTestId('problems-only').check();
    await expect.poll(async () => Number(await table.getAttribute('data-rows'))).toBe(total - 2);

    // It comes back: connected again on the wall, gone from the problems.
    await operatorOf(conference.id, first);
    await connected.filter({ hasText: `3/${total}` }).waitFor({ timeout: 2000 });
    await page.getByTestId('problems-dropped').waitFor({ state: 'detached', timeout: 2000 });
    expect(page.errors).toEqual([]);
    await context.close();
  });

  it('stays usable with 2,500 bridge points: only the rows in view are in the page', async () => {
    const conference = await conferenceWithBridgePoints(server, organizer, {
      underCode: 'TH',
      kindCodes: ['COMMUNE_COMMITTEE', 'GRASSROOTS_CELL'],
      start: true,
    });
    const total = conference.bridgePoints.length;
    expect(total).toBeGreaterThan(2500);
    const context = await openContext(browser, server, { cookie: organizer, width: 1600, height: 1000 });
    const page = await newPage(context);
    await page.goto(`${server.url}/conferences/${conference.id}/live`);
    // The first snapshot of 2,558 rows: the live counter loads the conference on first use.
    await page
      .getByTestId('big-bridge-points')
      .filter({ hasText: `0/${total.toLocaleString('vi')}` })
      .waitFor({ timeout: 15_000 });
    await page.getByTestId('group-by').selectOption('each');
    const table = page.getByTestId('bp-table');
    await table.waitFor();
    expect(Number(await table.getAttribute('data-rows'))).toBe(total);
    const rendered = await table.locator('tbody tr:not(.spacer)').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(80);

    // Scrolled to the end, the last bridge point is rendered (and still only a window of rows).
    await page.locator('.table-window').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await table.locator(`tbody tr[aria-rowindex="${total + 1}"]`).waitFor();
    expect(await table.locator('tbody tr:not(.spacer)').count()).toBeLessThan(80);

    // A burst of 40 consoles arrives as coalesced changes; the counts follow.
    await Promise.all(conference.bridgePoints.slice(1, 41).map((bp, i) => operatorOf(conference.id, bp, i)));
    await page
      .getByTestId('big-bridge-points')
      .filter({ hasText: `40/${total.toLocaleString('vi')}` })
      .waitFor();
    await page
      .getByTestId('big-present')
      .filter({ hasText: `${((39 * 40) / 2).toLocaleString('vi')}/` })
      .waitFor();
    expect(page.errors).toEqual([]);
    await screenshot(page, 'live-dashboard-2500');
    await context.close();
  });
});
