import { serverVersion } from '@diemcau/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../harness/server.ts';
import { connectSocket, handshake, joinDefault, nextEvent, pollingJoin } from '../harness/socket.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

describe('Socket.IO on the same HTTP server', () => {
  it('connects over websocket and is greeted with the server version', async () => {
    let hello: ReturnType<typeof nextEvent<'server:hello'>> | undefined;
    const socket = await connectSocket(server.url, {
      beforeConnect: (s) => {
        hello = nextEvent(s, 'server:hello');
      },
    });
    try {
      const greeting = await hello!;
      expect(socket.io.engine.transport.name).toBe('websocket');
      expect(greeting.version).toBe(serverVersion);
      expect(Number.isNaN(Date.parse(greeting.serverTime))).toBe(false);
    } finally {
      socket.disconnect();
    }
  });

  it('acknowledges a ping with the echoed timestamp and the server clock', async () => {
    const socket = await connectSocket(server.url);
    try {
      const sentAt = Date.now();
      const reply = await socket.timeout(5000).emitWithAck('system:ping', { sentAt });
      expect(reply).toMatchObject({ sentAt });
      expect('serverTime' in reply && Date.parse(reply.serverTime)).toBeGreaterThan(0);
    } finally {
      socket.disconnect();
    }
  });

  it('answers an invalid ping payload with BAD_USER_INPUT', async () => {
    const socket = await connectSocket(server.url);
    try {
      // @ts-expect-error deliberately wrong payload type
      const reply = await socket.timeout(5000).emitWithAck('system:ping', { sentAt: 'yesterday' });
      expect(reply).toEqual({ error: { code: 'BAD_USER_INPUT', message: expect.any(String) } });
    } finally {
      socket.disconnect();
    }
  });

  it('disconnects clients when the server shuts down', async () => {
    const other = await startTestServer();
    const socket = await connectSocket(other.url);
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    await other.stop();
    expect(await disconnected).toMatch(/io server disconnect|transport close/);
    socket.disconnect();
  });
});

/** Keeps this process (and so the in-process server's event loop) busy for `ms`. */
function blockFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // busy on purpose
  }
}

describe('shedding new connections in a reconnect storm', () => {
  it('refuses handshakes above SOCKET_HANDSHAKES_PER_SEC with a retry hint, and takes them again after', async () => {
    const limited = await startTestServer({ SOCKET_HANDSHAKES_PER_SEC: '3' });
    try {
      const answers = await Promise.all(Array.from({ length: 8 }, () => handshake(limited.url)));
      const accepted = answers.filter((a) => a.status === 200);
      const refused = answers.filter((a) => a.status !== 200);
      expect(accepted.length).toBe(3);
      expect(refused.length).toBe(5);
      for (const r of refused) {
        expect(r.status).toBe(403);
        expect(r.message).toMatch(/busy: retry in \d+ ms/);
      }
      await new Promise((r) => setTimeout(r, 1100));
      expect((await handshake(limited.url)).status).toBe(200);
    } finally {
      await limited.stop();
    }
  });

  it('refuses handshakes above SOCKET_MAX_JOINING in progress, and takes one again once another has joined', async () => {
    const capped = await startTestServer({ SOCKET_MAX_JOINING: '2' });
    try {
      const first = await handshake(capped.url);
      const second = await handshake(capped.url);
      expect([first.status, second.status]).toEqual([200, 200]);
      const third = await handshake(capped.url);
      expect(third.status).toBe(403);
      expect(third.message).toMatch(/busy: retry in \d+ ms/);
      // The first joins the default namespace: no longer in progress.
      await joinDefault(capped.url, first.message);
      expect((await handshake(capped.url)).status).toBe(200);
      expect((await handshake(capped.url)).status).toBe(403);
    } finally {
      await capped.stop();
    }
  });

  it('no longer counts a handshake in progress once a namespace has refused its join', async () => {
    const capped = await startTestServer({ SOCKET_MAX_JOINING: '1' });
    try {
      const opened = await handshake(capped.url);
      expect(opened.status).toBe(200);
      expect((await handshake(capped.url)).status).toBe(403);
      // The session asks to join /participant without a check-in code: refused, the session stays.
      const answer = await pollingJoin(capped.url, opened.message, '40/participant,{}');
      expect(answer).toMatch(/^44\/participant,.*BAD_INPUT/);
      expect((await handshake(capped.url)).status).toBe(200);
    } finally {
      await capped.stop();
    }
  });

  it('takes fewer handshakes in progress while its event loop runs late (SOCKET_BUSY_MAX_JOINING), and all once it has caught up', async () => {
    const gauged = await startTestServer({ SOCKET_MAX_EVENT_LOOP_LAG_MS: '200', SOCKET_BUSY_MAX_JOINING: '1' });
    try {
      const before = await handshake(gauged.url);
      expect(before.status).toBe(200);
      // One long pause (a garbage collection) is not being busy: still the usual cap.
      blockFor(500);
      await new Promise((r) => setTimeout(r, 300));
      const paused = await handshake(gauged.url);
      expect(paused.status).toBe(200);
      await joinDefault(gauged.url, paused.message);
      // Late at every turn (a process kept busy): a timer that blocks for 450 ms each time it runs.
      const hog = setInterval(() => blockFor(450), 1);
      try {
        await new Promise((r) => setTimeout(r, 2200));
        // One handshake is in progress already: busy, nothing more is taken, each told to wait.
        const during = await Promise.all([handshake(gauged.url), handshake(gauged.url), handshake(gauged.url)]);
        for (const r of during) {
          expect(r.status).toBe(403);
          expect(r.message).toMatch(/busy: retry in \d+ ms/);
        }
        // Once it has joined, one more is taken — still only one at a time.
        await joinDefault(gauged.url, before.message);
        const next = await Promise.all([handshake(gauged.url), handshake(gauged.url)]);
        expect(next.map((a) => a.status).sort()).toEqual([200, 403]);
      } finally {
        clearInterval(hog);
      }
      // A full second of running on time (the gauge is read every second): the usual cap again.
      await new Promise((r) => setTimeout(r, 2200));
      expect((await handshake(gauged.url)).status).toBe(200);
      expect((await handshake(gauged.url)).status).toBe(200);
    } finally {
      await gauged.stop();
    }
  });
});
