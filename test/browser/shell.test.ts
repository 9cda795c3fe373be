import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../harness/browser.ts';
import { startTestServer, type TestServer } from '../harness/server.ts';

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('shell page in Chromium', () => {
  it('shows the server health and the live socket, in Vietnamese first, then English', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    const consoleErrors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(msg.text());
    });
    await page.goto(server.url);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await page.getByTestId('health-status').filter({ hasText: 'Hoạt động bình thường' }).waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('health-version').textContent()).toContain('0.1.0');
    await page.getByTestId('socket-status').filter({ hasText: 'Đã kết nối' }).waitFor({ timeout: 10_000 });
    await screenshot(page, 'shell-vi-360');

    await page.getByTestId('lang-en').click();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByTestId('lang-en').getAttribute('aria-pressed')).toBe('true');
    await page
      .getByTestId('health-status')
      .filter({ hasText: /operat/i })
      .waitFor({ timeout: 5_000 });

    // The choice is remembered across a reload.
    await page.reload();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await screenshot(page, 'shell-en-360');
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('says the server cannot be reached when it is down', async () => {
    const other = await startTestServer();
    const page = await browser.newPage();
    await page.goto(other.url);
    await page.getByTestId('health-status').filter({ hasText: 'Hoạt động bình thường' }).waitFor({ timeout: 10_000 });
    await other.stop();
    await page.getByText('Không kết nối được máy chủ').first().waitFor({ timeout: 20_000 });
    await page.close();
  });
});
