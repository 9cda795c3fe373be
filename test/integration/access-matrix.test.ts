import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, loadDemoProvince, signIn } from '../harness/factories.ts';
import { graphql } from '../harness/graphql.ts';
import { startTestServer, type TestServer } from '../harness/server.ts';

/**
 * Role × scope for every operation of the units and accounts API. `thoxuan` (ORGANIZER) and
 * `dongson` (ANALYST) are scoped to two different districts; each must get FORBIDDEN — and no
 * data, not even a count — for anything outside its subtree, and every ADMIN-only operation must
 * refuse them. Anonymous requests get UNAUTHENTICATED.
 */
let server: TestServer;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  await loadDemoProvince(server);
  await buildAccount(server, {
    username: 'dongson',
    password: 'dongson-password-1',
    role: 'ANALYST',
    scopeCode: 'TH-07',
  });
  cookies.admin = await signIn(server, 'admin', 'admin-demo-2026');
  cookies.thoxuan = await signIn(server, 'thoxuan', 'thoxuan-demo-2026');
  cookies.dongson = await signIn(server, 'dongson', 'dongson-password-1');
  for (const code of ['TH', 'TH-05', 'TH-05-001', 'TH-07', 'TH-07-001']) {
    const res = await graphql<{ unit: { id: string } }>(server.url, `{ unit(code: "${code}") { id } }`, {
      headers: { cookie: cookies.admin! },
    });
    ids[code] = res.data!.unit.id;
  }
  const account = await graphql<{ accounts: { edges: { node: { id: string; username: string } }[] } }>(
    server.url,
    '{ accounts(first: 50) { edges { node { id username } } } }',
    { headers: { cookie: cookies.admin! } },
  );
  ids.phantichAccount = account.data!.accounts.edges.find((e) => e.node.username === 'phantich')!.node.id;
});
afterAll(async () => {
  await server?.stop();
});

type Op = { name: string; query: (target: string) => string };

/** Operations on a unit of the tree; `target` is the unit's id. */
const unitOps: Op[] = [
  { name: 'unit(id)', query: (t) => `{ unit(id: "${t}") { id name } }` },
  { name: 'unit(code)', query: (t) => `{ unit(code: "${codeOf(t)}") { id name } }` },
  {
    name: 'units(parentId)',
    query: (t) => `{ units(filter: { parentId: "${t}" }) { totalCount edges { node { id } } } }`,
  },
  { name: 'units(underId)', query: (t) => `{ units(filter: { underId: "${t}" }) { totalCount } }` },
  { name: 'searchUnits(underId)', query: (t) => `{ searchUnits(query: "chi bo", underId: "${t}") { id } }` },
  { name: 'exportUnits(underId)', query: (t) => `{ exportUnits(format: CSV, underId: "${t}") }` },
];

/** Operations only an ADMIN may run, whatever the scope. */
const adminOps: Op[] = [
  { name: 'accounts', query: () => '{ accounts { totalCount } }' },
  {
    name: 'createUnit',
    query: (t) =>
      `mutation { createUnit(input: { code: "M-NEW", name: "Mới", kindCode: "GRASSROOTS_CELL", parentId: "${t}" }) { id } }`,
  },
  { name: 'updateUnit', query: (t) => `mutation { updateUnit(input: { id: "${t}", name: "Đổi tên" }) { id } }` },
  { name: 'archiveUnit', query: (t) => `mutation { archiveUnit(id: "${t}") { id } }` },
  { name: 'restoreUnit', query: (t) => `mutation { restoreUnit(id: "${t}") { id } }` },
  { name: 'deleteUnit', query: (t) => `mutation { deleteUnit(id: "${t}") }` },
  {
    name: 'importUnits',
    query: () =>
      'mutation { importUnits(format: CSV, content: "code,name,kind,parentCode\\nM-1,Mới,GRASSROOTS_CELL,TH-05") { applied } }',
  },
  {
    name: 'createUnitKind',
    query: () => 'mutation { createUnitKind(input: { code: "M_KIND", nameVi: "Mới", nameEn: "New" }) { code } }',
  },
  {
    name: 'createAccount',
    query: (t) =>
      `mutation { createAccount(input: { username: "m-user", displayName: "M", role: ANALYST, scopeUnitId: "${t}", password: "mat-khau-dai-123" }) { id } }`,
  },
  {
    name: 'updateAccount',
    query: () => `mutation { updateAccount(input: { id: "${ids.phantichAccount}", role: ADMIN }) { id } }`,
  },
  {
    name: 'resetAccountPassword',
    query: () => `mutation { resetAccountPassword(id: "${ids.phantichAccount}", password: "mat-khau-dai-123") }`,
  },
];

/** Operations every signed-in account may run on its own things. */
const selfOps: Op[] = [
  { name: 'unitKinds', query: () => '{ unitKinds { code } }' },
  { name: 'apiTokens', query: () => '{ apiTokens { id } }' },
  { name: 'createApiToken', query: () => 'mutation { createApiToken(input: { name: "matrix" }) { token } }' },
  { name: 'changePassword', query: () => 'mutation { changePassword(currentPassword: "x", newPassword: "y") }' },
  { name: 'units', query: () => '{ units { totalCount } }' },
  { name: 'searchUnits', query: () => '{ searchUnits(query: "xa") { id } }' },
  { name: 'exportUnits', query: () => '{ exportUnits(format: JSON) }' },
];

function codeOf(id: string): string {
  return Object.entries(ids).find(([, v]) => v === id)![0];
}

async function run(account: string | null, query: string) {
  return graphql<Record<string, unknown>>(server.url, query, { headers: account ? { cookie: cookies[account]! } : {} });
}

function expectRefused(res: Awaited<ReturnType<typeof run>>, code: string) {
  expect(res.errors?.map((e) => e.extensions?.code)).toEqual([code]);
  // Nothing of the data, not even a count, leaks with the refusal.
  expect(res.data ?? null).toBeNull();
}

describe.each([
  ['thoxuan', 'TH-05', 'TH-07'],
  ['dongson', 'TH-07', 'TH-05'],
])('%s (scope %s)', (account, own, other) => {
  it.each(unitOps)('$name outside the scope → FORBIDDEN, no data', async (op) => {
    expectRefused(await run(account, op.query(ids[`${other}-001`]!)), 'FORBIDDEN');
    expectRefused(await run(account, op.query(ids[other]!)), 'FORBIDDEN');
    expectRefused(await run(account, op.query(ids.TH!)), 'FORBIDDEN');
  });

  it.each(unitOps)('$name inside the scope → allowed', async (op) => {
    const res = await run(account, op.query(ids[`${own}-001`]!));
    expect(res.errors).toBeUndefined();
  });

  it.each(adminOps)('$name (ADMIN only) → FORBIDDEN even inside the scope', async (op) => {
    expectRefused(await run(account, op.query(ids[`${own}-001`]!)), 'FORBIDDEN');
  });

  it('lists, counts, searches and exports only its own subtree', async () => {
    const all = await run(account, '{ units(first: 200) { totalCount edges { node { code } } } }');
    const scopeSize = await run('admin', `{ unit(code: "${own}") { descendantCount } }`);
    const units = all.data!.units as { totalCount: number; edges: { node: { code: string } }[] };
    expect(units.totalCount).toBe((scopeSize.data!.unit as { descendantCount: number }).descendantCount + 1);
    expect(units.edges.every((e) => e.node.code === own || e.node.code.startsWith(`${own}-`))).toBe(true);

    const search = await run(account, '{ searchUnits(query: "Đảng ủy", first: 200) { code } }');
    const found = search.data!.searchUnits as { code: string }[];
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((u) => u.code.startsWith(own))).toBe(true);
    const otherByName = await run(
      account,
      `{ searchUnits(query: "${other === 'TH-05' ? 'Thọ Xuân' : 'Đông Sơn'}") { code } }`,
    );
    expect(otherByName.data!.searchUnits).toEqual([]);

    const csv = (await run(account, '{ exportUnits(format: CSV) }')).data!.exportUnits as string;
    const codes = csv
      .trim()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(',')[0]!);
    expect(codes.length).toBe(units.totalCount);
    expect(codes.every((c) => c.startsWith(own))).toBe(true);
  });

  it('sees its scope unit as the top: no parent, a breadcrumb starting there', async () => {
    const res = await run(
      account,
      `{ unit(code: "${own}-001") { ancestors { code } parent { code parent { code } } } }`,
    );
    expect(res.data!.unit).toEqual({ ancestors: [{ code: own }], parent: { code: own, parent: null } });
  });

  it.each(selfOps)('$name on its own things → allowed', async (op) => {
    const res = await run(account, op.query(''));
    // changePassword with a wrong current password is refused as bad input, not as forbidden.
    const codes = (res.errors ?? []).map((e) => e.extensions?.code);
    expect(codes.filter((c) => c !== 'BAD_USER_INPUT')).toEqual([]);
  });
});

describe('anonymous', () => {
  it.each([...unitOps, ...adminOps, ...selfOps])('$name → UNAUTHENTICATED', async (op) => {
    const res = await run(null, op.query(ids['TH-05-001']!));
    expectRefused(res, 'UNAUTHENTICATED');
  });

  it('viewer is null', async () => {
    expect((await run(null, '{ viewer { id } }')).data).toEqual({ viewer: null });
  });
});

describe('admin', () => {
  it.each(unitOps)('$name anywhere → allowed', async (op) => {
    for (const code of ['TH', 'TH-05-001', 'TH-07-001']) {
      expect((await run('admin', op.query(ids[code]!))).errors).toBeUndefined();
    }
  });
});
