import type { Role } from '../../server/src/accounts/account.entity.ts';
import { query, sql } from '../../server/src/db/sql.ts';
import { seedDemo } from '../../server/src/demo/seed.ts';
import { hashPassword } from '../../server/src/security/passwords.ts';
import { importUnitRows } from '../../server/src/units/unit.import.ts';
import { graphql } from './graphql.ts';
import type { TestServer } from './server.ts';

/** Loads the demo province (2,588 units, accounts admin / tuyengiao / phantich / thoxuan). */
export async function loadDemoProvince(server: TestServer) {
  return seedDemo(server.orm.em.fork());
}

/** Imports `code,name,kind,parentCode` rows straight into the server's database. */
export async function buildUnits(
  server: TestServer,
  rows: { code: string; name: string; kind?: string; parentCode?: string | null }[],
) {
  const result = await importUnitRows(
    server.orm.em.fork(),
    rows.map((r, i) => ({
      line: i + 1,
      code: r.code,
      name: r.name,
      kind: r.kind ?? 'GRASSROOTS_CELL',
      parentCode: r.parentCode ?? '',
    })),
    { dryRun: false },
  );
  if (!result.applied) throw new Error(JSON.stringify(result.problems));
  return result;
}

/** An account with a known password; `scopeCode` names its scope unit (ignored for ADMIN). */
export async function buildAccount(
  server: TestServer,
  account: { username: string; password?: string; role?: Role; scopeCode?: string; displayName?: string },
) {
  const role = account.role ?? 'ORGANIZER';
  const password = account.password ?? `${account.username}-password-1`;
  await query(
    server.orm.em.fork(),
    sql`insert into account (username, display_name, password_hash, role, scope_unit_id)
        values (${account.username}, ${account.displayName ?? account.username}, ${await hashPassword(password)}, ${role},
                ${role === 'ADMIN' || !account.scopeCode ? null : sql`(select id from unit where code = ${account.scopeCode})`})`,
  );
  return { username: account.username, password };
}

/** Signs in over HTTP; returns the `cookie` header to send with later requests. */
export async function signIn(server: TestServer, username: string, password: string): Promise<string> {
  const res = await graphql(
    server.url,
    'mutation ($u: String!, $p: String!) { signIn(username: $u, password: $p) { id } }',
    {
      variables: { u: username, p: password },
    },
  );
  const cookie = res.headers.get('set-cookie');
  if (!cookie || res.errors) throw new Error(`sign-in failed: ${JSON.stringify(res.errors)}`);
  return cookie.split(';')[0]!;
}
