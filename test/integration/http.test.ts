import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../harness/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

describe('probes', () => {
  it('/healthz says the process is up', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('/readyz says the database answers', async () => {
    const res = await fetch(`${server.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', database: true });
  });

  it('/readyz turns 503 when the database stops answering', async () => {
    const other = await startTestServer();
    try {
      await other.database.drop(); // terminates the server's connections and removes the database
      const res = await fetch(`${other.url}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ database: false });
    } finally {
      await other.close();
    }
  });
});

describe('request ids', () => {
  it('generates one and echoes it in a response header', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps a well-formed incoming id and replaces a malformed one', async () => {
    const kept = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'lb-1234.abc' } });
    expect(kept.headers.get('x-request-id')).toBe('lb-1234.abc');
    const replaced = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'bad id\twith spaces' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('bad requests', () => {
  it('answers 404 with a code for an unknown route', async () => {
    const res = await fetch(`${server.url}/no/such/page`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('answers 413 for a body over the limit, without a stack trace', async () => {
    const big = JSON.stringify({ query: '{ health { status } }', variables: { pad: 'x'.repeat(1024 * 1024 + 10) } });
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: big,
    });
    expect(res.status).toBe(413);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({
      errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
      error: { code: 'PAYLOAD_TOO_LARGE' },
    });
    expect(text).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  it('answers 400 for a body that is not JSON, without a stack trace', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).not.toMatch(/\bat .*\.(ts|js):\d+/);
    // A GraphQL error with a stable code, not the framework's own.
    expect(JSON.parse(text)).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
    expect(text).not.toContain('FST_');
  });
});

describe('web', () => {
  it('serves the built shell page at /', async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toContain('<div id="app"');
  });
});

describe('CORS', () => {
  it('allows only the configured public origins', async () => {
    const withOrigins = await startTestServer({ PUBLIC_ORIGINS: 'https://portal.example.vn' });
    try {
      const allowed = await fetch(`${withOrigins.url}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://portal.example.vn',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://portal.example.vn');
      const refused = await fetch(`${withOrigins.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'POST' },
      });
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await withOrigins.stop();
    }
  });
});
