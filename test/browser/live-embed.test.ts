import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../harness/browser.ts';
import { copyOfWebDist } from '../harness/bundle.ts';
import { loadDemoProvince, signIn } from '../harness/factories.ts';
import { connectLive, gql, type OperatorSocket, tokenOf } from '../harness/live.ts';
import { conferenceWithBridgePoints, newPage, openContext } from '../harness/live-pages.ts';
import { startTestServer, type TestServer } from '../harness/server.ts';

/** `<diemcau-live-counter>` on a host portal of another origin, with the portal's hostile CSS. */

let server: TestServer;
let browser: Browser;
let host: Server;
let hostOrigin: string;
let organizer: string;

function portal(conferenceId: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Cổng thông tin Tỉnh ủy</title>
<style>* { font-family: serif; color: rgb(0, 255, 0) !important; } span { display: none; }</style></head>
<body><h1>Cổng thông tin điện tử Tỉnh ủy Thanh Hóa</h1>
<p>Hội nghị trực tuyến đang diễn ra:</p>
<diemcau-live-counter conference="${conferenceId}" interval="3"></diemcau-live-counter>
<script src="${server.url}/live-counter.js"></script></body></html>`;
}

beforeAll(async () => {
  host = createServer((req, res) => {
    const id = new URL(req.url ?? '/', 'http://x').searchParams.get('conference') ?? '';
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(portal(id));
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  // Another host name and port than the API's 127.0.0.1: a foreign origin.
  hostOrigin = `http://localhost:${(host.address() as AddressInfo).port}`;
  [server, browser] = await Promise.all([
    startTestServer({ PUBLIC_ORIGINS: hostOrigin, LIVE_PUBLISH_MS: '50', WEB_DIST: await copyOfWebDist() }),
    launchBrowser(),
  ]);
  await loadDemoProvince(server);
  organizer = await signIn(server, 'tuyengiao', 'tuyengiao-demo-2026');
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise((resolve) => host?.close(resolve));
});

describe('the embeddable live counter', () => {
  it('shows the big numbers on a portal of another origin once the organizer makes them public', async () => {
    const conference = await conferenceWithBridgePoints(server, organizer, {
      underCode: 'TH-05',
      kindCodes: ['COMMUNE_COMMITTEE'],
      start: true,
    });
    const total = conference.bridgePoints.length;
    const operator = await connectLive<OperatorSocket>(server.url, '/operator', {
      conferenceId: conference.id,
      token: tokenOf(conference.bridgePoints[3]!.operatorLink),
    });
    await new Promise<void>((resolve) =>
      operator.emit('operator:report-headcount', { headcount: 42 }, () => resolve()),
    );

    const context = await openContext(browser, server, { width: 800, height: 600 });
    const page = await newPage(context);
    await page.goto(`${hostOrigin}/?conference=${conference.id}`);
    // Not public yet: no figures, and nothing says which conference.
    await page.getByText('Chưa có số liệu trực tiếp.').waitFor();

    await gql(server.url, organizer, 'mutation ($i: UpdateConferenceInput!) { updateConference(input: $i) { id } }', {
      i: { id: conference.id, publicCounter: true },
    });
    await page.reload();
    const bridgePoints = page.getByTestId('counter-bridge-points');
    await bridgePoints.filter({ hasText: `trên ${total}` }).waitFor();
    expect(await bridgePoints.textContent()).toContain('Điểm cầu đã kết nối1');
    const present = page.getByTestId('counter-present');
    expect(await present.textContent()).toContain('42');
    // Shadow root: the portal's styles do not reach in.
    const color = await present.locator('.value').evaluate((el) => getComputedStyle(el).color);
    expect(color).not.toBe('rgb(0, 255, 0)');

    // It follows the conference: a second site reports, the numbers move without a reload.
    const second = await connectLive<OperatorSocket>(server.url, '/operator', {
      conferenceId: conference.id,
      token: tokenOf(conference.bridgePoints[4]!.operatorLink),
    });
    await new Promise<void>((resolve) => second.emit('operator:report-headcount', { headcount: 8 }, () => resolve()));
    await present.filter({ hasText: '50' }).waitFor({ timeout: 10_000 });
    await bridgePoints.filter({ hasText: 'Điểm cầu đã kết nối2' }).waitFor();
    await screenshot(page, 'live-counter-embedded');
    expect(page.errors).toEqual([]);
    operator.disconnect();
    second.disconnect();
    await context.close();
  });
});
