import { serverVersion } from '@diemcau/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../harness/server.ts';
import { connectSocket, nextEvent } from '../harness/socket.ts';

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
