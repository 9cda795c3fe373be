import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../harness/database.ts';
import { logLines, spawnServer } from '../harness/process.ts';

const stackTrace = /\n\s+at .+:\d+/;

function oneLine(text: string): string[] {
  return text.trim().split('\n');
}

describe('start-up failures print one clear message and exit non-zero', () => {
  it('lists every bad configuration variable at once', async () => {
    const proc = spawnServer({ PORT: 'abc', LOG_LEVEL: 'chatty', DATABASE_URL: 'http://nope' });
    expect(await proc.exited).toBe(1);
    const err = proc.stderr();
    expect(err).toContain('invalid configuration (3 problems)');
    expect(err).toContain('PORT:');
    expect(err).toContain('LOG_LEVEL:');
    expect(err).toContain('DATABASE_URL:');
    expect(err).not.toMatch(stackTrace);
  });

  it('says so when the database is unreachable', async () => {
    const proc = spawnServer({ DATABASE_URL: 'postgres://u:secret@127.0.0.1:1/none', PORT: '0' });
    expect(await proc.exited).toBe(1);
    expect(oneLine(proc.stderr())).toHaveLength(1);
    expect(proc.stderr()).toMatch(
      /^diemcau: could not start: database unreachable at postgres:\/\/u:\*\*\*@127\.0\.0\.1:1\/none/,
    );
    expect(proc.stderr()).not.toContain('secret');
  });

  describe('with a database', () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await createTestDatabase();
    });
    afterAll(async () => {
      await db?.drop();
    });

    it('says so when the port is taken', async () => {
      const blocker = net.createServer();
      await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
      const port = (blocker.address() as net.AddressInfo).port;
      try {
        const proc = spawnServer({ DATABASE_URL: db.url, PORT: String(port), HOST: '127.0.0.1' });
        expect(await proc.exited).toBe(1);
        expect(oneLine(proc.stderr())).toEqual([
          `diemcau: could not start: port ${port} is already in use: stop the other server or set PORT`,
        ]);
      } finally {
        blocker.close();
      }
    });

    it('says so when a migration fails', async () => {
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      // A migration log that forgot a migration whose tables exist: running it again fails.
      await client.query("delete from mikro_orm_migrations where name like '%units_accounts'");
      await client.end();
      const proc = spawnServer({ DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1' });
      expect(await proc.exited).toBe(1);
      expect(oneLine(proc.stderr())).toHaveLength(1);
      expect(proc.stderr()).toMatch(/^diemcau: could not start: a database migration failed: /);
    });
  });
});

describe('embedded PostgreSQL lifecycle', () => {
  let dataParent: string;
  beforeAll(async () => {
    dataParent = await mkdtemp(path.join(os.tmpdir(), 'diemcau-lifecycle-'));
    await chmod(dataParent, 0o755);
  });
  afterAll(async () => {
    await rm(dataParent, { recursive: true, force: true });
  });

  function embeddedPort(output: string): number {
    const line = logLines(output).find((l) => l.msg === 'embedded PostgreSQL started');
    return Number(line?.port);
  }

  it('starts without DATABASE_URL, keeps data across restarts, survives a killed run and shuts down cleanly', async () => {
    const dataDir = path.join(dataParent, 'pg');
    const env = { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' };

    // 1. First start initialises the cluster and migrates.
    const first = spawnServer(env);
    const url = await first.listening;
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    const port = embeddedPort(first.stdout());
    const client = new pg.Client({ connectionString: `postgres://postgres:postgres@127.0.0.1:${port}/diemcau` });
    await client.connect();
    await client.query("create table kept (note text); insert into kept values ('điểm cầu')");
    await client.end();

    // 2. A killed run leaves postmaster.pid and an orphaned PostgreSQL behind.
    first.child.kill('SIGKILL');
    await first.exited;
    expect(existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(true);

    // 3. The next start recovers, and the data is still there.
    const second = spawnServer(env);
    const url2 = await second.listening;
    expect((await fetch(`${url2}/readyz`)).status).toBe(200);
    const port2 = embeddedPort(second.stdout());
    const again = new pg.Client({ connectionString: `postgres://postgres:postgres@127.0.0.1:${port2}/diemcau` });
    await again.connect();
    const { rows } = await again.query('select note from kept');
    await again.end();
    expect(rows).toEqual([{ note: 'điểm cầu' }]);

    // 4. SIGTERM: readiness drops, the process exits 0 and PostgreSQL is stopped.
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
    const messages = logLines(second.stdout()).map((l) => l.msg);
    expect(messages).toContain('shutting down');
    expect(messages).toContain('shut down cleanly');
  }, 90_000);
});

describe('pnpm db:migrate', () => {
  it('migrates an empty database and exits, without starting a server or asking for SECRET_KEY', async () => {
    const adminUrl = inject('pgAdminUrl');
    const name = `migrate_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    try {
      // The deploy pipeline's step: production, no SECRET_KEY, the migrations and nothing else.
      const proc = spawnServer(
        { DATABASE_URL: url.toString(), NODE_ENV: 'production', LOG_LEVEL: 'info', PORT: '1' },
        'src/scripts/migrate.ts',
      );
      expect(await proc.exited).toBe(0);
      expect(proc.stdout()).toContain('migrations are up to date');
      expect(proc.stdout()).not.toContain('is listening');
      const db = new pg.Client({ connectionString: url.toString() });
      await db.connect();
      const { rows } = await db.query<{ n: number }>('select count(*)::int as n from mikro_orm_migrations');
      const ext = await db.query<{ extname: string }>('select extname from pg_extension order by 1');
      await db.end();
      expect(rows[0]!.n).toBeGreaterThan(3);
      expect(ext.rows.map((r) => r.extname)).toEqual(expect.arrayContaining(['ltree', 'pg_trgm', 'unaccent']));
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});

describe('graceful shutdown', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('finishes a request in flight on SIGTERM before it exits 0, and refuses new ones', async () => {
    const proc = spawnServer({ DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1' });
    const base = new URL(await proc.listening);
    const body = JSON.stringify({ query: '{ health { status } }' });
    // A request whose body is still arriving when the signal comes.
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: base.hostname,
          port: base.port,
          path: '/graphql',
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8').on('data', (chunk: string) => {
            text += chunk;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 10));
      setTimeout(() => {
        proc.child.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(10)), 700);
      }, 300);
    });
    const done = await answer;
    expect(done.status).toBe(200);
    expect(JSON.parse(done.body)).toMatchObject({ data: { health: { status: expect.any(String) } } });
    expect(await proc.exited).toBe(0);
    await expect(fetch(`${base.origin}/healthz`)).rejects.toThrow();
  }, 60_000);
});
