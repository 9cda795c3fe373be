import type { EntityManager } from '@mikro-orm/postgresql';
import { SingleBar } from 'cli-progress';
import type { Logger } from 'pino';
import { query, queryOne, sql } from '../db/sql.ts';
import { hashPassword } from '../security/passwords.ts';
import { importUnitRows } from '../units/unit.import.ts';
import { buildDemoProvince, demoAccounts } from './demo-province.ts';

export type SeedProgress = (done: number, total: number, step: string) => void;

/**
 * The demo province (Thanh Hóa-like: 1 province, 27 districts, 557 communes, 2,000 cells) and one
 * account of each role. Idempotent: units are imported by code, accounts left alone if they exist.
 */
export async function seedDemo(em: EntityManager, onProgress: SeedProgress = () => {}) {
  const rows = buildDemoProvince().map((r, i) => ({
    line: i + 1,
    code: r.code,
    name: r.name,
    kind: r.kind,
    parentCode: r.parentCode ?? '',
  }));
  const total = rows.length + demoAccounts.length;
  const counts = { created: 0, updated: 0, moved: 0, unchanged: 0, accountsCreated: 0 };
  // Rows come parents first, so chunks can be imported one after the other.
  const chunk = 250;
  for (let i = 0; i < rows.length; i += chunk) {
    const result = await importUnitRows(em, rows.slice(i, i + chunk), { dryRun: false });
    if (result.problems.length > 0) {
      throw new Error(`demo data has problems: ${result.problems.map((p) => `${p.code}: ${p.message}`).join('; ')}`);
    }
    counts.created += result.created;
    counts.updated += result.updated;
    counts.moved += result.moved;
    counts.unchanged += result.unchanged;
    onProgress(Math.min(i + chunk, rows.length), total, 'units');
  }
  for (const [n, account] of demoAccounts.entries()) {
    const exists = await queryOne(em, sql`select 1 from account where lower(username) = ${account.username}`);
    if (!exists) {
      const scope = account.role === 'ADMIN' ? null : sql`(select id from unit where code = ${account.scopeCode})`;
      await query(
        em,
        sql`insert into account (username, display_name, password_hash, role, scope_unit_id)
            values (${account.username}, ${account.displayName}, ${await hashPassword(account.password)}, ${account.role}, ${scope})`,
      );
      counts.accountsCreated += 1;
    }
    onProgress(rows.length + n + 1, total, 'accounts');
  }
  return counts;
}

/** `pnpm start -- --demo`: seeds only a database without units. */
export async function seedDemoIfEmpty(em: EntityManager, log: Logger): Promise<void> {
  const any = await queryOne(em, sql`select 1 from unit limit 1`);
  if (any) {
    log.info('--demo: the database already has units; demo data not loaded');
    return;
  }
  // The same progress bar as `pnpm seed:demo` when a person watches the terminal (not in a log file).
  const bar = process.stderr.isTTY
    ? new SingleBar({
        format: 'Tỉnh demo / demo province |{bar}| {percentage}% {value}/{total} {step}',
        hideCursor: true,
      })
    : null;
  bar?.start(1, 0, { step: '' });
  let counts: Awaited<ReturnType<typeof seedDemo>>;
  try {
    counts = await seedDemo(em, (done, total, step) => {
      bar?.setTotal(total);
      bar?.update(done, { step });
    });
  } finally {
    bar?.stop();
  }
  // Usernames only: passwords never reach the log (the demo ones are in the README's quick start).
  log.info(
    { ...counts, accounts: demoAccounts.map((a) => a.username), passwords: 'README.md, "Quick start"' },
    'demo province loaded',
  );
}
