import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoIfEmpty } from '../../server/src/demo/seed.ts';
import { buildAccount, loadDemoProvince, signIn } from '../harness/factories.ts';
import { errorCodes, graphql } from '../harness/graphql.ts';
import { startTestServer, type TestServer } from '../harness/server.ts';

let server: TestServer;
let admin: string;
let headers: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer();
  await loadDemoProvince(server);
  admin = await signIn(server, 'admin', 'admin-demo-2026');
  headers = { cookie: admin };
});
afterAll(async () => {
  await server?.stop();
});

type Problem = { line: number; code: string | null; field: string; problem: string };
type ImportResult = {
  applied: boolean;
  rows: number;
  created: number;
  updated: number;
  moved: number;
  unchanged: number;
  problems: Problem[];
};

async function importFile(format: 'CSV' | 'JSON', content: string, dryRun = false): Promise<ImportResult> {
  const res = await graphql<{ importUnits: ImportResult }>(
    server.url,
    `mutation ($f: UnitFileFormat!, $c: String!, $d: Boolean) {
       importUnits(format: $f, content: $c, dryRun: $d) { applied rows created updated moved unchanged problems { line code field problem message } }
     }`,
    { variables: { f: format, c: content, d: dryRun }, headers },
  );
  expect(res.errors).toBeUndefined();
  return res.data!.importUnits;
}

async function unitByCode(code: string) {
  const res = await graphql<{
    unit: { id: string; name: string; level: number; pathCodes: string[]; parent: { code: string } | null };
  }>(server.url, 'query ($c: String!) { unit(code: $c) { id name level pathCodes parent { code } } }', {
    variables: { c: code },
    headers,
  });
  return res;
}

describe('import', () => {
  it('creates a subtree from CSV (BOM, CRLF), then is idempotent', async () => {
    const csv =
      '\uFEFFcode,name,kind,parentCode\r\n' +
      'NEW-1,Đảng ủy xã Mới Một,COMMUNE_COMMITTEE,TH-05\r\n' +
      'NEW-1-A,"Chi bộ thôn Đông, Tây",GRASSROOTS_CELL,NEW-1\r\n' +
      'NEW-1-B,Chi bộ thôn Nam,GRASSROOTS_CELL,NEW-1\r\n';
    const first = await importFile('CSV', csv);
    expect(first).toMatchObject({ applied: true, rows: 3, created: 3, updated: 0, moved: 0, problems: [] });
    const cell = await unitByCode('NEW-1-A');
    expect(cell.data?.unit).toMatchObject({
      name: 'Chi bộ thôn Đông, Tây',
      level: 4,
      pathCodes: ['TH', 'TH-05', 'NEW-1', 'NEW-1-A'],
    });
    const again = await importFile('CSV', csv);
    expect(again).toMatchObject({ applied: true, created: 0, updated: 0, moved: 0, unchanged: 3 });
  });

  it('renames and moves by code; a move carries the subtree', async () => {
    const json = JSON.stringify([
      { code: 'NEW-1', name: 'Đảng ủy xã Mới Một (đổi tên)', kind: 'COMMUNE_COMMITTEE', parentCode: 'TH-06' },
    ]);
    const dry = await importFile('JSON', json, true);
    expect(dry).toMatchObject({ applied: false, updated: 1, moved: 1 });
    expect((await unitByCode('NEW-1')).data?.unit.parent?.code).toBe('TH-05');
    const result = await importFile('JSON', json);
    expect(result).toMatchObject({ applied: true, updated: 1, moved: 1 });
    expect((await unitByCode('NEW-1')).data?.unit).toMatchObject({
      name: 'Đảng ủy xã Mới Một (đổi tên)',
      parent: { code: 'TH-06' },
    });
    expect((await unitByCode('NEW-1-B')).data?.unit.pathCodes).toEqual(['TH', 'TH-06', 'NEW-1', 'NEW-1-B']);
  });

  it('reports every bad row with its line and changes nothing', async () => {
    const before = await countUnits();
    const csv = [
      'code,name,kind,parentCode',
      'OK-1,Chi bộ hợp lệ,GRASSROOTS_CELL,TH-05', // line 2: fine on its own
      'BAD-PARENT,Chi bộ mồ côi,GRASSROOTS_CELL,NO-SUCH', // 3
      'OK-1,Chi bộ trùng mã,GRASSROOTS_CELL,TH-05', // 4
      'NO-NAME,,GRASSROOTS_CELL,TH-05', // 5
      'BAD-KIND,Chi bộ lạ,NOT_A_KIND,TH-05', // 6
      'CYC-A,Vòng A,GRASSROOTS_CELL,CYC-B', // 7
      'CYC-B,Vòng B,GRASSROOTS_CELL,CYC-A', // 8
      'TH-05,Huyện ủy Thọ Xuân,DISTRICT_COMMITTEE,NEW-1', // 9: NEW-1 is not under TH-05 now: fine
      'TH,Tỉnh ủy Thanh Hóa,PROVINCE_COMMITTEE,TH-01', // 10: the root under its own child
      'SELF,Tự làm cha,GRASSROOTS_CELL,SELF', // 11
      'bad code!,Mã sai,GRASSROOTS_CELL,TH-05', // 12
    ].join('\n');
    const result = await importFile('CSV', csv);
    expect(result.applied).toBe(false);
    const seen = result.problems.map((p) => `${p.line}:${p.field}:${p.problem}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        '3:parentCode:UNKNOWN_PARENT',
        '4:code:DUPLICATE_CODE',
        '5:name:REQUIRED',
        '6:kind:UNKNOWN_KIND',
        '7:parentCode:CYCLE',
        '8:parentCode:CYCLE',
        '10:parentCode:CYCLE',
        '11:parentCode:SELF_PARENT',
        '12:code:INVALID_CODE',
      ]),
    );
    expect(seen.some((s) => s.startsWith('2:'))).toBe(false);
    expect(await countUnits()).toBe(before);
    expect((await unitByCode('TH-05')).data?.unit.parent?.code).toBe('TH');
  });

  it('refuses a file it cannot read, or with the wrong header', async () => {
    expect((await importFile('JSON', '{"units": 5')).problems[0]).toMatchObject({ problem: 'BAD_FILE', line: 1 });
    expect((await importFile('CSV', 'ma,ten\nX,Y\n')).problems[0]).toMatchObject({ problem: 'BAD_FILE' });
  });

  it('exports CSV with a BOM that re-imports unchanged', async () => {
    const res = await graphql<{ exportUnits: string }>(
      server.url,
      'query ($id: ID) { exportUnits(format: CSV, underId: $id) }',
      { variables: { id: (await unitByCode('TH-05')).data?.unit.id }, headers },
    );
    const csv = res.data!.exportUnits;
    expect(csv.startsWith('\uFEFFcode,name,kind,parentCode\r\n')).toBe(true);
    expect(csv).toContain('TH-05,Huyện ủy Thọ Xuân,DISTRICT_COMMITTEE,TH\r\n');
    const again = await importFile('CSV', csv);
    expect(again.problems).toEqual([]);
    expect(again.created + again.updated + again.moved).toBe(0);
    expect(again.unchanged).toBe(again.rows);
  });
});

async function countUnits(): Promise<number> {
  const rows = await server.orm.em
    .fork()
    .getConnection()
    .execute<{ n: number }[]>('select count(*)::int as n from unit');
  return rows[0]!.n;
}

describe('tree queries', () => {
  it('finds "Thọ Xuân" from "tho xuan", accent- and case-insensitively', async () => {
    for (const text of ['tho xuan', 'THỌ XUÂN', 'Tho Xuan']) {
      const res = await graphql<{ searchUnits: { code: string; name: string }[] }>(
        server.url,
        'query ($q: String!) { searchUnits(query: $q, first: 5) { code name } }',
        { variables: { q: text }, headers },
      );
      expect(res.data?.searchUnits[0]).toEqual({ code: 'TH-05', name: 'Huyện ủy Thọ Xuân' });
    }
    const dong = await graphql<{ searchUnits: { name: string }[] }>(
      server.url,
      '{ searchUnits(query: "dong son", first: 3) { name } }',
      {
        headers,
      },
    );
    expect(dong.data?.searchUnits[0]?.name).toBe('Huyện ủy Đông Sơn');
  });

  it('lists children page by page in Vietnamese order, with counts and a breadcrumb', async () => {
    const th05 = (await unitByCode('TH-05')).data!.unit;
    const names: string[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const res: Awaited<
        ReturnType<
          typeof graphql<{
            units: {
              totalCount: number;
              edges: { node: { name: string; level: number; ancestors: { code: string }[] } }[];
              pageInfo: { hasNextPage: boolean; endCursor: string | null };
            };
          }>
        >
      > = await graphql(
        server.url,
        `query ($p: ID, $a: String) { units(filter: { parentId: $p }, first: 7, after: $a) {
             totalCount edges { node { name level ancestors { code } } } pageInfo { hasNextPage endCursor } } }`,
        { variables: { p: th05.id, a: after }, headers },
      );
      const page = res.data!.units;
      total = page.totalCount;
      for (const edge of page.edges) {
        names.push(edge.node.name);
        expect(edge.node.level).toBe(3);
        expect(edge.node.ancestors.map((a) => a.code)).toEqual(['TH', 'TH-05']);
      }
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(names).toHaveLength(total);
    expect(total).toBeGreaterThan(7);
    const collator = new Intl.Collator('vi');
    expect([...names].sort(collator.compare)).toEqual(names);
  });

  it('filters by level and kind, and counts descendants', async () => {
    const res = await graphql<{ units: { totalCount: number } }>(
      server.url,
      '{ units(filter: { level: 2, kindCodes: ["DISTRICT_COMMITTEE"] }) { totalCount } }',
      { headers },
    );
    expect(res.data?.units.totalCount).toBe(27);
    const root = await graphql<{ unit: { descendantCount: number; childCount: number } }>(
      server.url,
      '{ unit(code: "TH") { descendantCount childCount } }',
      { headers },
    );
    expect(root.data?.unit.descendantCount).toBe((await countUnits()) - 1);
    expect(root.data?.unit.childCount).toBe(30);
  });

  it('refuses a bad cursor, a bad page size and an unknown id with codes', async () => {
    const bad = await graphql(server.url, '{ units(first: 500) { totalCount } }', { headers });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const cursor = await graphql(server.url, '{ units(after: "nonsense") { totalCount } }', { headers });
    expect(cursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(errorCodes(await graphql(server.url, '{ unit(id: "999999") { id } }', { headers }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await graphql(server.url, '{ unit(id: "abc") { id } }', { headers }))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });
});

describe('editing the tree', () => {
  it('creates, moves with the subtree, refuses cycles, archives and deletes only without history', async () => {
    const create = await graphql<{ createUnit: { id: string; level: number } }>(
      server.url,
      `mutation { createUnit(input: { code: "EDIT-1", name: "Đảng ủy xã Thử", kindCode: "COMMUNE_COMMITTEE",
        parentId: "${(await unitByCode('TH-05')).data!.unit.id}" }) { id level } }`,
      { headers },
    );
    expect(create.data?.createUnit.level).toBe(3);
    const id = create.data!.createUnit.id;
    const child = await graphql<{ createUnit: { id: string } }>(
      server.url,
      `mutation { createUnit(input: { code: "EDIT-1-A", name: "Chi bộ Thử", kindCode: "GRASSROOTS_CELL", parentId: "${id}" }) { id } }`,
      { headers },
    );
    const dup = await graphql(
      server.url,
      `mutation { createUnit(input: { code: "EDIT-1", name: "Trùng", kindCode: "GRASSROOTS_CELL" }) { id } }`,
      { headers },
    );
    expect(dup.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'code' });

    const th06 = (await unitByCode('TH-06')).data!.unit.id;
    const moved = await graphql<{ updateUnit: { pathCodes: string[] } }>(
      server.url,
      `mutation { updateUnit(input: { id: "${id}", parentId: "${th06}" }) { pathCodes } }`,
      { headers },
    );
    expect(moved.data?.updateUnit.pathCodes).toEqual(['TH', 'TH-06', 'EDIT-1']);
    expect((await unitByCode('EDIT-1-A')).data?.unit.pathCodes).toEqual(['TH', 'TH-06', 'EDIT-1', 'EDIT-1-A']);

    const cycle = await graphql(
      server.url,
      `mutation { updateUnit(input: { id: "${id}", parentId: "${child.data!.createUnit.id}" }) { id } }`,
      { headers },
    );
    expect(cycle.errors?.[0]?.extensions).toMatchObject({ code: 'UNIT_CYCLE', field: 'parentId' });

    // A unit with an account scoped to it has history: delete refuses, archive works.
    await buildAccount(server, { username: 'edit1', scopeCode: 'EDIT-1' });
    const del = await graphql(server.url, `mutation { deleteUnit(id: "${id}") }`, { headers });
    expect(errorCodes(del)).toEqual(['UNIT_HAS_HISTORY']);
    const archived = await graphql<{ archiveUnit: { archivedAt: string | null } }>(
      server.url,
      `mutation { archiveUnit(id: "${id}") { archivedAt } }`,
      { headers },
    );
    expect(archived.data?.archiveUnit.archivedAt).not.toBeNull();
    const search = await graphql<{ searchUnits: unknown[] }>(
      server.url,
      '{ searchUnits(query: "Chi bộ Thử") { code } }',
      { headers },
    );
    expect(search.data?.searchUnits).toEqual([]);
    const restored = await graphql<{ restoreUnit: { archivedAt: string | null } }>(
      server.url,
      `mutation { restoreUnit(id: "${id}") { archivedAt } }`,
      { headers },
    );
    expect(restored.data?.restoreUnit.archivedAt).toBeNull();

    const toRoot = await graphql<{ updateUnit: { level: number; parent: null } }>(
      server.url,
      `mutation { updateUnit(input: { id: "${id}", parentId: null }) { level parent { code } } }`,
      { headers },
    );
    expect(toRoot.data?.updateUnit).toEqual({ level: 1, parent: null });
    expect((await unitByCode('EDIT-1-A')).data?.unit.pathCodes).toEqual(['EDIT-1', 'EDIT-1-A']);

    const leaf = await graphql(server.url, `mutation { deleteUnit(id: "${child.data!.createUnit.id}") }`, { headers });
    expect(leaf.data).toEqual({ deleteUnit: true });
  });

  it('lets an admin add a unit kind, and refuses bad input with the field', async () => {
    const kind = await graphql<{ createUnitKind: { code: string; nameVi: string } }>(
      server.url,
      'mutation { createUnitKind(input: { code: "YOUTH_UNION", nameVi: "Đoàn Thanh niên", nameEn: "Youth union" }) { code nameVi } }',
      { headers },
    );
    expect(kind.data?.createUnitKind).toEqual({ code: 'YOUTH_UNION', nameVi: 'Đoàn Thanh niên' });
    const empty = await graphql(
      server.url,
      'mutation { createUnit(input: { code: "X-EMPTY", name: "   ", kindCode: "YOUTH_UNION" }) { id } }',
      { headers },
    );
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
  });
});

describe('import: moves, limits, JSON rows', () => {
  it('refuses a move under its own grandchild (a cycle through units the file does not name), with its line', async () => {
    // TH-05 → TH-05-001 → a cell of that commune: moving TH-05 under the cell would close a loop.
    const commune = (await unitByCode('TH-05-001')).data!.unit;
    const cells = await graphql<{ units: { edges: { node: { code: string } }[] } }>(
      server.url,
      `{ units(filter: { parentId: "${commune.id}" }, first: 1) { edges { node { code } } } }`,
      { headers },
    );
    const grandchild = cells.data!.units.edges[0]!.node.code;
    const before = (await unitByCode('TH-05')).data!.unit;
    const file = `code,name,kind,parentCode\nTH-06,Huyện ủy Thử,DISTRICT_COMMITTEE,TH\nTH-05,${before.name},DISTRICT_COMMITTEE,${grandchild}\n`;
    for (const dryRun of [true, false]) {
      const result = await importFile('CSV', file, dryRun);
      expect(result.applied).toBe(false);
      expect(result.problems.map((p) => `${p.line}:${p.code}:${p.field}:${p.problem}`)).toEqual([
        '3:TH-05:parentCode:CYCLE',
      ]);
    }
    const after = (await unitByCode('TH-05')).data!.unit;
    expect(after).toEqual(before);
    expect((await unitByCode('TH-06')).data!.unit.name).not.toBe('Huyện ủy Thử');
  });

  it('names JSON items by their array index (`row`, from 0) as well as `line` (index + 1)', async () => {
    const res = await graphql<{
      importUnits: {
        applied: boolean;
        problems: { line: number; row: number | null; field: string; problem: string }[];
      };
    }>(
      server.url,
      `mutation ($c: String!) { importUnits(format: JSON, content: $c) { applied problems { line row field problem } } }`,
      {
        variables: {
          c: JSON.stringify([
            { code: 'J-1', name: 'Chi bộ J1', kind: 'GRASSROOTS_CELL', parentCode: 'TH-05' },
            { code: 'J-2', name: '', kind: 'GRASSROOTS_CELL', parentCode: 'TH-05' },
          ]),
        },
        headers,
      },
    );
    expect(res.data!.importUnits).toEqual({
      applied: false,
      problems: [{ line: 2, row: 1, field: 'name', problem: 'REQUIRED' }],
    });
    const csv = await graphql<{ importUnits: { problems: { row: number | null }[] } }>(
      server.url,
      'mutation { importUnits(format: CSV, content: "code,name,kind,parentCode\\nJ-3,,GRASSROOTS_CELL,TH-05") { problems { row } } }',
      { headers },
    );
    expect(csv.data!.importUnits.problems).toEqual([{ row: null }]);
  });

  it('refuses an oversized file: over BODY_LIMIT with HTTP 413, over 50,000 rows with TOO_MANY_ROWS', async () => {
    const rows = Array.from({ length: 50_001 }, (_, i) => `u${i},n,K,`).join('\n');
    const many = await importFile('CSV', `code,name,kind,parentCode\n${rows}`);
    expect(many).toMatchObject({ applied: false, problems: [{ line: 1, field: 'file', problem: 'TOO_MANY_ROWS' }] });

    const big = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: admin },
      body: JSON.stringify({
        query: 'mutation ($c: String!) { importUnits(format: CSV, content: $c) { applied } }',
        variables: { c: `code,name,kind,parentCode\n${'x'.repeat(1_100_000)}` },
      }),
    });
    expect(big.status).toBe(413);
    const body = (await big.json()) as { errors?: { extensions?: { code?: string } }[]; error?: { code?: string } };
    expect(body.errors?.[0]?.extensions?.code ?? body.error?.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('archives instead of deleting a unit with a bridge point', async () => {
    const parent = (await unitByCode('TH-05')).data!.unit.id;
    const created = await graphql<{ createUnit: { id: string } }>(
      server.url,
      `mutation { createUnit(input: { code: "BP-UNIT", name: "Chi bộ Điểm cầu", kindCode: "GRASSROOTS_CELL", parentId: "${parent}" }) { id } }`,
      { headers },
    );
    const id = created.data!.createUnit.id;
    const th = (await unitByCode('TH')).data!.unit.id;
    const conference = await graphql<{ createConference: { id: string } }>(
      server.url,
      `mutation { createConference(input: { title: "Hội nghị", organizingUnitId: "${th}",
         scheduledStartAt: "2027-03-01T01:00:00Z", scheduledEndAt: "2027-03-01T03:00:00Z" }) { id } }`,
      { headers },
    );
    const bp = await graphql(
      server.url,
      `mutation { createBridgePoint(input: { conferenceId: "${conference.data!.createConference.id}", unitId: "${id}" }) { id } }`,
      { headers },
    );
    expect(bp.errors).toBeUndefined();
    const del = await graphql(server.url, `mutation { deleteUnit(id: "${id}") }`, { headers });
    expect(errorCodes(del)).toEqual(['UNIT_HAS_HISTORY']);
    expect(del.data ?? null).toBeNull();
    const archived = await graphql<{ archiveUnit: { archivedAt: string | null } }>(
      server.url,
      `mutation { archiveUnit(id: "${id}") { archivedAt } }`,
      { headers },
    );
    expect(archived.data?.archiveUnit.archivedAt).not.toBeNull();
    expect((await unitByCode('BP-UNIT')).data!.unit.id).toBe(id);
  });

  it('seeding the demo province again adds nothing; a third time changes nothing', async () => {
    const countsOf = async () => {
      const em = server.orm.em.fork();
      const [units] = await em.getConnection().execute<{ n: number }[]>('select count(*)::int as n from unit');
      const [accounts] = await em.getConnection().execute<{ n: number }[]>('select count(*)::int as n from account');
      return { units: units!.n, accounts: accounts!.n };
    };
    const before = await countsOf();
    // The first run puts back what earlier tests renamed or moved; the next finds nothing to do.
    expect(await loadDemoProvince(server)).toMatchObject({ created: 0, accountsCreated: 0 });
    expect(await loadDemoProvince(server)).toMatchObject({ created: 0, updated: 0, moved: 0, accountsCreated: 0 });
    expect(await countsOf()).toEqual(before);
  });
});

describe('pnpm start -- --demo', () => {
  it('loads the demo into an empty database and logs the usernames, never the passwords', async () => {
    const empty = await startTestServer();
    try {
      const lines: string[] = [];
      const log = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
      await seedDemoIfEmpty(empty.orm.em.fork(), log);
      const loaded = lines
        .map((l) => JSON.parse(l) as { msg: string; accounts?: string[] })
        .find((l) => l.msg === 'demo province loaded');
      expect(loaded?.accounts).toEqual(['admin', 'tuyengiao', 'phantich', 'thoxuan']);
      expect(lines.join('\n')).not.toContain('demo-2026');
    } finally {
      await empty.stop();
    }
  });
});
