import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../harness/database.ts';
import { buildAccount, loadDemoProvince, signIn } from '../harness/factories.ts';
import { errorCodes, graphql } from '../harness/graphql.ts';
import { spawnServer } from '../harness/process.ts';
import { startTestServer, type TestServer } from '../harness/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ SIGNIN_MAX_FAILURES: '3', SIGNIN_MAX_PER_IP: '1000' });
  await loadDemoProvince(server);
});
afterAll(async () => {
  await server?.stop();
});

const SIGN_IN = 'mutation ($u: String!, $p: String!) { signIn(username: $u, password: $p) { username role } }';
const VIEWER = '{ viewer { username role scopeUnit { code } } }';

async function db<T = Record<string, unknown>>(sqlText: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: server.database.url });
  await client.connect();
  try {
    return (await client.query(sqlText, params)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('sign-in and sessions', () => {
  it('sets an httpOnly, SameSite=Lax session cookie that identifies the viewer', async () => {
    const res = await graphql<{ signIn: { username: string; role: string } }>(server.url, SIGN_IN, {
      variables: { u: 'Phantich', p: 'phantich-demo-2026' },
    });
    expect(res.data?.signIn).toEqual({ username: 'phantich', role: 'ANALYST' });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^diemcau_session=dcs_/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i); // only in production
    const me = await graphql<{ viewer: { username: string; scopeUnit: { code: string } } }>(server.url, VIEWER, {
      headers: { cookie: cookie.split(';')[0]! },
    });
    expect(me.data?.viewer).toEqual({ username: 'phantich', role: 'ANALYST', scopeUnit: { code: 'TH' } });
  });

  it('answers a wrong username and a wrong password the same way', async () => {
    const wrongUser = await graphql(server.url, SIGN_IN, { variables: { u: 'nobody', p: 'phantich-demo-2026' } });
    const wrongPass = await graphql(server.url, SIGN_IN, { variables: { u: 'tuyengiao', p: 'not-the-password' } });
    expect(wrongUser.errors).toEqual(wrongPass.errors);
    expect(errorCodes(wrongUser)).toEqual(['BAD_CREDENTIALS']);
    expect(wrongUser.headers.get('set-cookie')).toBeNull();
  });

  it('signs out at once', async () => {
    const cookie = await signIn(server, 'tuyengiao', 'tuyengiao-demo-2026');
    expect(
      (await graphql<{ viewer: unknown }>(server.url, VIEWER, { headers: { cookie } })).data?.viewer,
    ).not.toBeNull();
    const out = await graphql(server.url, 'mutation { signOut }', { headers: { cookie } });
    expect(out.headers.get('set-cookie')).toMatch(/diemcau_session=;/);
    expect((await graphql<{ viewer: unknown }>(server.url, VIEWER, { headers: { cookie } })).data?.viewer).toBeNull();
    expect(errorCodes(await graphql(server.url, '{ unitKinds { code } }', { headers: { cookie } }))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });

  it('a password change keeps this session and ends the others; a disabled account is out at once', async () => {
    await buildAccount(server, { username: 'doimatkhau', password: 'mat-khau-cu-123', scopeCode: 'TH-05' });
    const a = await signIn(server, 'doimatkhau', 'mat-khau-cu-123');
    const b = await signIn(server, 'doimatkhau', 'mat-khau-cu-123');
    const wrong = await graphql(
      server.url,
      'mutation { changePassword(currentPassword: "sai", newPassword: "mat-khau-moi-456") }',
      {
        headers: { cookie: a },
      },
    );
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currentPassword' });
    const weak = await graphql(
      server.url,
      'mutation { changePassword(currentPassword: "mat-khau-cu-123", newPassword: "ngan") }',
      { headers: { cookie: a } },
    );
    expect(weak.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    const ok = await graphql(
      server.url,
      'mutation { changePassword(currentPassword: "mat-khau-cu-123", newPassword: "mat-khau-moi-456") }',
      { headers: { cookie: a } },
    );
    expect(ok.data).toEqual({ changePassword: true });
    expect(
      (await graphql<{ viewer: unknown }>(server.url, VIEWER, { headers: { cookie: a } })).data?.viewer,
    ).not.toBeNull();
    expect(
      (await graphql<{ viewer: unknown }>(server.url, VIEWER, { headers: { cookie: b } })).data?.viewer,
    ).toBeNull();

    const admin = await signIn(server, 'admin', 'admin-demo-2026');
    const id = (await db<{ id: number }>("select id from account where username = 'doimatkhau'"))[0]!.id;
    await graphql(server.url, `mutation { updateAccount(input: { id: "${id}", disabled: true }) { disabledAt } }`, {
      headers: { cookie: admin },
    });
    expect(
      (await graphql<{ viewer: unknown }>(server.url, VIEWER, { headers: { cookie: a } })).data?.viewer,
    ).toBeNull();
    expect(
      errorCodes(await graphql(server.url, SIGN_IN, { variables: { u: 'doimatkhau', p: 'mat-khau-moi-456' } })),
    ).toEqual(['BAD_CREDENTIALS']);
  });

  it('a password reset by an admin ends every session and revokes every API token of the account', async () => {
    await buildAccount(server, { username: 'datlai', password: 'mat-khau-cu-789', scopeCode: 'TH-05' });
    const session = await signIn(server, 'datlai', 'mat-khau-cu-789');
    const created = await graphql<{ createApiToken: { token: string } }>(
      server.url,
      'mutation { createApiToken(input: { name: "sổ tay" }) { token } }',
      { headers: { cookie: session } },
    );
    const bearer = { authorization: `Bearer ${created.data!.createApiToken.token}` };
    expect((await graphql(server.url, VIEWER, { headers: bearer })).data?.viewer).not.toBeNull();
    const admin = await signIn(server, 'admin', 'admin-demo-2026');
    const id = (await db<{ id: number }>("select id from account where username = 'datlai'"))[0]!.id;
    const reset = await graphql(
      server.url,
      `mutation { resetAccountPassword(id: "${id}", password: "mat-khau-moi-789") }`,
      {
        headers: { cookie: admin },
      },
    );
    expect(reset.data).toEqual({ resetAccountPassword: true });
    expect((await graphql(server.url, VIEWER, { headers: { cookie: session } })).data?.viewer).toBeNull();
    expect((await graphql(server.url, VIEWER, { headers: bearer })).data?.viewer).toBeNull();
    const live = await db<{ n: number }>(
      'select count(*)::int as n from api_token where account_id = $1 and revoked_at is null',
      [id],
    );
    expect(live).toEqual([{ n: 0 }]);
    expect(
      errorCodes(await graphql(server.url, SIGN_IN, { variables: { u: 'datlai', p: 'mat-khau-moi-789' } })),
    ).toEqual([]);
  });

  it('loads accounts through MikroORM entities with real Dates', async () => {
    const { AccountSchema } = await import('../../server/src/accounts/account.entity.ts');
    const account = await server.orm.em.fork().findOneOrFail(AccountSchema, { username: 'phantich' });
    expect(account.role).toBe('ANALYST');
    expect(account.createdAt).toBeInstanceOf(Date);
    expect(account.createdAt.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('stores no password or session secret in the clear', async () => {
    const rows = await db<{ password_hash: string }>("select password_hash from account where username = 'phantich'");
    expect(rows[0]!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const sessions = await db<{ selector: string; verifier_hash: Buffer }>(
      'select selector, verifier_hash from session',
    );
    expect(sessions.length).toBeGreaterThan(0);
    for (const s of sessions) expect(s.verifier_hash).toHaveLength(32);
  });
});

describe('personal API tokens', () => {
  it('are shown once, work as Bearer tokens, list without secrets, and stop at once when revoked', async () => {
    const cookie = await signIn(server, 'phantich', 'phantich-demo-2026');
    const created = await graphql<{
      createApiToken: { token: string; apiToken: { id: string; hint: string; expiresAt: string } };
    }>(
      server.url,
      'mutation { createApiToken(input: { name: "Sổ tay Jupyter", expiresInDays: 30 }) { token apiToken { id hint expiresAt } } }',
      { headers: { cookie } },
    );
    const { token, apiToken } = created.data!.createApiToken;
    expect(token).toMatch(/^dcp_[A-Za-z0-9_-]{12}\.[A-Za-z0-9_-]{22}$/);
    expect(apiToken.hint).toBe(`${token.slice(0, 8)}…`);
    const days = (Date.parse(apiToken.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThan(30.1);

    const bearer = { authorization: `Bearer ${token}` };
    expect(
      (await graphql<{ viewer: { username: string } }>(server.url, VIEWER, { headers: bearer })).data?.viewer.username,
    ).toBe('phantich');

    const stored = await db<Record<string, unknown>>('select * from api_token where id = $1', [apiToken.id]);
    expect(JSON.stringify(stored)).not.toContain(token.split('.')[1]!);

    const list = await graphql<{ apiTokens: { id: string; name: string; revokedAt: string | null }[] }>(
      server.url,
      '{ apiTokens { id name revokedAt } }',
      { headers: bearer },
    );
    expect(list.data?.apiTokens).toEqual([{ id: apiToken.id, name: 'Sổ tay Jupyter', revokedAt: null }]);

    // Someone else cannot revoke it.
    const other = await signIn(server, 'tuyengiao', 'tuyengiao-demo-2026');
    expect(
      errorCodes(
        await graphql(server.url, `mutation { revokeApiToken(id: "${apiToken.id}") { id } }`, {
          headers: { cookie: other },
        }),
      ),
    ).toEqual(['NOT_FOUND']);
    const revoked = await graphql<{ revokeApiToken: { revokedAt: string } }>(
      server.url,
      `mutation { revokeApiToken(id: "${apiToken.id}") { revokedAt } }`,
      { headers: { cookie } },
    );
    expect(revoked.data?.revokeApiToken.revokedAt).toBeTruthy();
    expect((await graphql<{ viewer: unknown }>(server.url, VIEWER, { headers: bearer })).data?.viewer).toBeNull();
  });

  it('refuse expired, tampered and wrong-kind tokens', async () => {
    const cookie = await signIn(server, 'phantich', 'phantich-demo-2026');
    const created = await graphql<{ createApiToken: { token: string; apiToken: { id: string } } }>(
      server.url,
      'mutation { createApiToken(input: { name: "hết hạn" }) { token apiToken { id } } }',
      { headers: { cookie } },
    );
    const { token, apiToken } = created.data!.createApiToken;
    const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(
      (await graphql<{ viewer: unknown }>(server.url, VIEWER, { headers: { authorization: `Bearer ${tampered}` } }))
        .data?.viewer,
    ).toBeNull();
    // A session token is only accepted from its cookie.
    const sessionToken = cookie.split('=')[1]!;
    expect(
      (await graphql<{ viewer: unknown }>(server.url, VIEWER, { headers: { authorization: `Bearer ${sessionToken}` } }))
        .data?.viewer,
    ).toBeNull();
    await db("update api_token set expires_at = now() - interval '1 second' where id = $1", [apiToken.id]);
    expect(
      (await graphql<{ viewer: unknown }>(server.url, VIEWER, { headers: { authorization: `Bearer ${token}` } })).data
        ?.viewer,
    ).toBeNull();
    const bad = await graphql(
      server.url,
      'mutation { createApiToken(input: { name: "x", expiresInDays: 1000 }) { token } }',
      {
        headers: { cookie },
      },
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expiresInDays' });
  });
});

describe('rate limiting', () => {
  it('locks a username after repeated failures, even with the right password, and says when to retry', async () => {
    await buildAccount(server, { username: 'bikhoa', password: 'dung-mat-khau-1', scopeCode: 'TH' });
    for (let i = 0; i < 3; i += 1) {
      expect(
        errorCodes(await graphql(server.url, SIGN_IN, { variables: { u: 'bikhoa', p: `sai-${i}-mat-khau` } })),
      ).toEqual(['BAD_CREDENTIALS']);
    }
    const locked = await graphql(server.url, SIGN_IN, { variables: { u: 'BiKhoa', p: 'dung-mat-khau-1' } });
    expect(locked.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(locked.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    // Other usernames are unaffected.
    expect(
      (await graphql(server.url, SIGN_IN, { variables: { u: 'tuyengiao', p: 'tuyengiao-demo-2026' } })).errors,
    ).toBeUndefined();
  });

  it('counts failures in the database, so two processes on it share one budget per username', async () => {
    // A second server on the same database stands for another process of a cluster.
    const other = await startTestServer(
      { SIGNIN_MAX_FAILURES: '3', SIGNIN_MAX_PER_IP: '1000' },
      { database: server.database },
    );
    try {
      await buildAccount(server, { username: 'haimay', password: 'dung-mat-khau-2', scopeCode: 'TH' });
      const attempt = async (on: TestServer, p: string) =>
        errorCodes(await graphql(on.url, SIGN_IN, { variables: { u: 'haimay', p } }));
      expect(await attempt(server, 'sai-mat-khau-1')).toEqual(['BAD_CREDENTIALS']);
      expect(await attempt(other, 'sai-mat-khau-2')).toEqual(['BAD_CREDENTIALS']);
      expect(await attempt(server, 'sai-mat-khau-3')).toEqual(['BAD_CREDENTIALS']);
      expect(await attempt(other, 'dung-mat-khau-2')).toEqual(['RATE_LIMITED']);
      expect(await attempt(server, 'dung-mat-khau-2')).toEqual(['RATE_LIMITED']);
      const stored = await db<{ key: string; points: number }>(
        "select key, points from sign_in_limit where key = 'user:haimay'",
      );
      expect(stored).toEqual([{ key: 'user:haimay', points: 3 }]);
    } finally {
      await other.close();
    }
  });

  it('limits attempts per client address', async () => {
    const strict = await startTestServer({ SIGNIN_MAX_PER_IP: '4' });
    try {
      const codes: string[] = [];
      for (let i = 0; i < 6; i += 1) {
        codes.push(
          ...errorCodes(await graphql(strict.url, SIGN_IN, { variables: { u: `user${i}`, p: 'whatever-password' } })),
        );
      }
      expect(codes).toEqual([
        'BAD_CREDENTIALS',
        'BAD_CREDENTIALS',
        'BAD_CREDENTIALS',
        'BAD_CREDENTIALS',
        'RATE_LIMITED',
        'RATE_LIMITED',
      ]);
    } finally {
      await strict.stop();
    }
  });
});

describe('client addresses behind a proxy', () => {
  it('believes X-Forwarded-For only from a trusted proxy, so a client cannot dodge the limit by forging it', async () => {
    const attempt = (server: TestServer, forwardedFor: string) =>
      graphql(server.url, SIGN_IN, {
        variables: { u: `user-${forwardedFor}`, p: 'whatever-password' },
        headers: { 'x-forwarded-for': forwardedFor },
      }).then(errorCodes);
    // Directly exposed (nothing trusted): a forged header changes nothing, the address is the socket's.
    const direct = await startTestServer({ SIGNIN_MAX_PER_IP: '3', TRUST_PROXY: 'false' });
    try {
      const codes: string[] = [];
      for (let i = 0; i < 5; i += 1) codes.push(...(await attempt(direct, `203.0.113.${i + 1}`)));
      expect(codes.slice(3)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
    } finally {
      await direct.stop();
    }
    // Behind a proxy on this machine (the default, `loopback`): each forwarded client has its own limit.
    const proxied = await startTestServer({ SIGNIN_MAX_PER_IP: '3' });
    try {
      const codes: string[] = [];
      for (let i = 0; i < 5; i += 1) codes.push(...(await attempt(proxied, `203.0.113.${i + 1}`)));
      expect(codes).toEqual(Array(5).fill('BAD_CREDENTIALS'));
      for (let i = 0; i < 3; i += 1) await attempt(proxied, '198.51.100.7');
      expect(await attempt(proxied, '198.51.100.7')).toEqual(['RATE_LIMITED']);
    } finally {
      await proxied.stop();
    }
  });
});

describe('the first administrator', () => {
  it('is created from ADMIN_USERNAME / ADMIN_PASSWORD, and passwords never reach the log', async () => {
    const database = await createTestDatabase();
    const password = 'Quan-tri-Bi-Mat-2026';
    const proc = spawnServer({
      DATABASE_URL: database.url,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'debug',
      ADMIN_USERNAME: 'quantri',
      ADMIN_PASSWORD: password,
    });
    try {
      const url = await proc.listening;
      const ok = await graphql<{ signIn: { role: string } }>(url, SIGN_IN, {
        variables: { u: 'quantri', p: password },
      });
      expect(ok.data?.signIn.role).toBe('ADMIN');
      await graphql(url, SIGN_IN, { variables: { u: 'quantri', p: 'Sai-Mat-Khau-Bi-Mat' } });
      proc.child.kill('SIGTERM');
      expect(await proc.exited).toBe(0);
      const output = proc.stdout() + proc.stderr();
      expect(output).toContain('first administrator created from ADMIN_USERNAME');
      expect(output).not.toContain(password);
      expect(output).not.toContain('Sai-Mat-Khau-Bi-Mat');
      expect(output).not.toMatch(/dcs_[A-Za-z0-9_-]{12}\./);
    } finally {
      if (proc.child.exitCode === null) proc.child.kill('SIGKILL');
      await database.drop();
    }
  });

  it('without them, the server says how to create one', async () => {
    const database = await createTestDatabase();
    const proc = spawnServer({ DATABASE_URL: database.url, PORT: '0', HOST: '127.0.0.1' });
    try {
      await proc.listening;
      expect(proc.stdout()).toContain('pnpm admin:create');
      proc.child.kill('SIGTERM');
      await proc.exited;
    } finally {
      await database.drop();
    }
  });
});
