import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axe } from './axe.ts';
import { bridgePointFields, createConference, gql } from './live.ts';
import type { TestServer } from './server.ts';

/** Helpers of the live conference pages' browser tests. */

/** axe-core on the page as it is now: no serious or critical violations (the shared check). */
export const expectAccessible = axe;

/** A browser context signed in with the `cookie` from `signIn()` (or signed out without one). */
export async function openContext(
  browser: Browser,
  server: TestServer,
  options: { cookie?: string; width?: number; height?: number } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    acceptDownloads: true,
  });
  if (options.cookie) {
    const eq = options.cookie.indexOf('=');
    await context.addCookies([
      { name: options.cookie.slice(0, eq), value: options.cookie.slice(eq + 1), url: server.url },
    ]);
  }
  return context;
}

/** A new page that records uncaught errors in `errors`. */
export async function newPage(context: BrowserContext): Promise<Page & { errors: string[] }> {
  const page = (await context.newPage()) as Page & { errors: string[] };
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.setDefaultTimeout(8000);
  return page;
}

export type TestBridgePoint = {
  id: string;
  displayName: string;
  host: boolean;
  checkInCode: string;
  checkInUrl: string;
  operatorLink: string;
  unit: { id: string; code: string; level: number };
};

export async function unitIdOf(server: TestServer, cookie: string, code: string): Promise<string> {
  return (
    await gql<{ unit: { id: string } }>(server.url, cookie, 'query ($c: String) { unit(code: $c) { id } }', { c: code })
  ).unit.id;
}

/**
 * A conference of the province committee (TH) with its host bridge point and one for every unit of
 * `kindCodes` under `underCode`, optionally started. Returns the bridge points, host first.
 */
export async function conferenceWithBridgePoints(
  server: TestServer,
  cookie: string,
  options: { underCode: string; kindCodes: string[]; expected?: number; start?: boolean; title?: string },
): Promise<{ id: string; title: string; bridgePoints: TestBridgePoint[] }> {
  const th = await unitIdOf(server, cookie, 'TH');
  const conference = (await createConference(server.url, cookie, th, options.title)) as { id: string; title: string };
  const host = await gql<{ createBridgePoint: TestBridgePoint }>(
    server.url,
    cookie,
    `mutation ($i: CreateBridgePointInput!) { createBridgePoint(input: $i) { ${bridgePointFields} } }`,
    { i: { conferenceId: conference.id, unitId: th, host: true, expectedHeadcount: 100 } },
  );
  const created = await gql<{ createBridgePointsForUnits: { bridgePoints: TestBridgePoint[] } }>(
    server.url,
    cookie,
    `mutation ($i: CreateBridgePointsForUnitsInput!) {
      createBridgePointsForUnits(input: $i) { bridgePoints { ${bridgePointFields} } } }`,
    {
      i: {
        conferenceId: conference.id,
        underUnitId: await unitIdOf(server, cookie, options.underCode),
        kindCodes: options.kindCodes,
        expectedHeadcount: options.expected ?? 20,
      },
    },
  );
  if (options.start) {
    await gql(server.url, cookie, 'mutation ($id: ID!) { startConference(id: $id) { status } }', { id: conference.id });
  }
  return {
    id: conference.id,
    title: conference.title,
    bridgePoints: [host.createBridgePoint, ...created.createBridgePointsForUnits.bridgePoints],
  };
}

/** The live totals over GraphQL (the same computation the dashboards get). */
export async function liveTotals(server: TestServer, cookie: string, conferenceId: string) {
  const data = await gql<{
    conference: { live: { totals: { connected: number; present: number; checkIns: number; dropped: number } } };
  }>(
    server.url,
    cookie,
    'query ($id: ID!) { conference(id: $id) { live { totals { connected present checkIns dropped } } } }',
    { id: conferenceId },
  );
  return data.conference.live.totals;
}
