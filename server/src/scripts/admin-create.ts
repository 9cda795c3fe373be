import 'reflect-metadata';
import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import { upsertAdmin } from '../accounts/bootstrap.ts';
import { withDatabase } from './with-database.ts';

/**
 * `pnpm admin:create <username>`: creates an administrator, or resets its password. The password
 * comes from ADMIN_PASSWORD or is asked for (not echoed).
 */
async function askPassword(): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _enc, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  const pending = rl.question('Mật khẩu / password (≥ 10 ký tự): ');
  muted = true;
  const answer = await pending;
  rl.close();
  process.stdout.write('\n');
  return answer;
}

const username = process.argv.slice(2).find((a) => !a.startsWith('-'));
if (!username) {
  process.stderr.write('usage: pnpm admin:create <username>   (password from ADMIN_PASSWORD or asked)\n');
  process.exit(2);
}
const password = process.env.ADMIN_PASSWORD ?? (await askPassword());
// The environment's ADMIN_* would otherwise also run the first-start bootstrap.
const { ADMIN_USERNAME: _u, ADMIN_PASSWORD: _p, ...env } = process.env;
await withDatabase(async (database) => {
  await upsertAdmin(database.orm.em.fork(), username, password);
  process.stdout.write(`administrator "${username.toLowerCase()}" is ready\n`);
}, env);
