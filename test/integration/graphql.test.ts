import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, graphql } from '../harness/graphql.ts';
import { startTestServer, type TestServer } from '../harness/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

const stackTrace = /\bat .*\.(ts|js):\d+/;

describe('GraphQL over HTTP', () => {
  it('answers the health query from the real database', async () => {
    const res = await graphql<{ health: { status: string; database: boolean; version: string; serverTime: string } }>(
      server.url,
      '{ health { status database version serverTime uptimeSeconds } }',
    );
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    expect(res.data?.health).toMatchObject({ status: 'OK', database: true, version: '0.1.0' });
    expect(Math.abs(Date.parse(res.data?.health.serverTime ?? '') - Date.now())).toBeLessThan(60_000);
  });

  it('reports a malformed query as GRAPHQL_PARSE_FAILED, never a 500', async () => {
    const res = await graphql(server.url, '{ health { status ');
    expect(res.status).toBe(400);
    expect(errorCodes(res)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(JSON.stringify(res.errors)).not.toMatch(stackTrace);
  });

  it('reports an unknown field as GRAPHQL_VALIDATION_FAILED', async () => {
    const res = await graphql(server.url, '{ health { nope } }');
    expect(res.status).toBe(400);
    expect(errorCodes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(JSON.stringify(res.errors)).not.toMatch(stackTrace);
  });

  it('reports a bad variable as BAD_USER_INPUT', async () => {
    const res = await graphql(server.url, 'query ($on: Boolean!) { health @include(if: $on) { status } }', {
      variables: { on: 'many' },
    });
    expect(res.status).toBe(400);
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses a request without a JSON content type (CSRF prevention)', async () => {
    const res = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ health { status } }')}`);
    expect(res.status).toBe(400);
    expect(await res.text()).not.toMatch(stackTrace);
  });

  it('allows introspection outside production', async () => {
    const res = await graphql<{ __schema: { queryType: { name: string } } }>(
      server.url,
      '{ __schema { queryType { name } } }',
    );
    expect(res.data?.__schema.queryType.name).toBe('Query');
  });
});

describe('GraphQL in production', () => {
  it('turns introspection off', async () => {
    const prod = await startTestServer({ NODE_ENV: 'production' });
    try {
      const res = await graphql(prod.url, '{ __schema { queryType { name } } }');
      expect(errorCodes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(res.data ?? undefined).toBeUndefined();
      const health = await graphql<{ health: { status: string } }>(prod.url, '{ health { status } }');
      expect(health.data?.health.status).toBe('OK');
    } finally {
      await prod.stop();
    }
  });
});
