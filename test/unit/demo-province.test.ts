import { describe, expect, it } from 'vitest';
import {
  buildDemoProvince,
  type DemoUnitKind,
  type DemoUnitRow,
  demoAccounts,
  demoUnitKinds,
} from '../../server/src/demo/demo-province.ts';

const DISTRICT_NAMES = [
  'Thành ủy Thanh Hóa',
  'Thành ủy Sầm Sơn',
  'Thị ủy Bỉm Sơn',
  'Thị ủy Nghi Sơn',
  ...[
    'Thọ Xuân',
    'Triệu Sơn',
    'Đông Sơn',
    'Quảng Xương',
    'Hoằng Hóa',
    'Hậu Lộc',
    'Nga Sơn',
    'Hà Trung',
    'Vĩnh Lộc',
    'Yên Định',
    'Thiệu Hóa',
    'Nông Cống',
    'Như Thanh',
    'Như Xuân',
    'Thạch Thành',
    'Cẩm Thủy',
    'Ngọc Lặc',
    'Lang Chánh',
    'Bá Thước',
    'Quan Hóa',
    'Quan Sơn',
    'Mường Lát',
    'Thường Xuân',
  ].map((name) => `Huyện ủy ${name}`),
].map((name) => name.normalize('NFC'));

const ofKind = (rows: DemoUnitRow[], kind: DemoUnitKind) => rows.filter((row) => row.kind === kind);

describe('buildDemoProvince', () => {
  const rows = buildDemoProvince();
  const byCode = new Map(rows.map((row) => [row.code, row]));

  it('has one province, the 27 real districts and the sizes of Thanh Hóa', () => {
    const provinces = ofKind(rows, 'PROVINCE_COMMITTEE');
    expect(provinces).toEqual([
      { code: 'TH', name: 'Tỉnh ủy Thanh Hóa', kind: 'PROVINCE_COMMITTEE', parentCode: null },
    ]);

    const districts = ofKind(rows, 'DISTRICT_COMMITTEE');
    expect(districts).toHaveLength(27);
    expect(districts.map((row) => row.name).sort()).toEqual([...DISTRICT_NAMES].sort());
    expect(districts.map((row) => row.code)).toEqual(
      Array.from({ length: 27 }, (_, i) => `TH-${String(i + 1).padStart(2, '0')}`),
    );
    expect(districts.every((row) => row.parentCode === 'TH')).toBe(true);

    const communes = ofKind(rows, 'COMMUNE_COMMITTEE');
    expect(communes.length).toBeGreaterThanOrEqual(550);
    expect(communes.length).toBeLessThanOrEqual(570);
    expect(communes.every((row) => /^TH-\d{2}-\d{3}$/.test(row.code))).toBe(true);
    expect(communes.every((row) => /^Đảng ủy (xã|phường|thị trấn) \S/u.test(row.name))).toBe(true);

    const cells = ofKind(rows, 'GRASSROOTS_CELL');
    expect(cells.length).toBeGreaterThanOrEqual(1950);
    expect(cells.length).toBeLessThanOrEqual(2050);
    expect(cells.every((row) => row.name.startsWith('Chi bộ '))).toBe(true);

    const bodies = rows.filter((row) => row.kind === 'AGENCY' || row.kind === 'ARMED_FORCES');
    expect(bodies.map((row) => row.name)).toEqual(
      expect.arrayContaining([
        'Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh',
        'Đảng ủy Công an tỉnh',
        'Đảng ủy Quân sự tỉnh',
      ]),
    );
    expect(ofKind(rows, 'AGENCY').length).toBeGreaterThanOrEqual(1);
    expect(ofKind(rows, 'ARMED_FORCES').length).toBeGreaterThanOrEqual(2);
    for (const body of bodies) {
      expect(body.parentCode).toBe('TH');
      const children = rows.filter((row) => row.parentCode === body.code);
      expect(children.length).toBeGreaterThanOrEqual(3);
      expect(children.length).toBeLessThanOrEqual(8);
      expect(children.every((row) => row.kind === 'GRASSROOTS_CELL')).toBe(true);
    }
  });

  it('gives every commune 2–6 cells and every district a spread of communes', () => {
    for (const commune of ofKind(rows, 'COMMUNE_COMMITTEE')) {
      const cells = rows.filter((row) => row.parentCode === commune.code);
      expect(cells.length, commune.code).toBeGreaterThanOrEqual(2);
      expect(cells.length, commune.code).toBeLessThanOrEqual(6);
      expect(cells.every((row) => row.kind === 'GRASSROOTS_CELL')).toBe(true);
    }
    const perDistrict = ofKind(rows, 'DISTRICT_COMMITTEE').map(
      (district) => rows.filter((row) => row.parentCode === district.code).length,
    );
    expect(Math.min(...perDistrict)).toBeLessThan(15);
    expect(Math.max(...perDistrict)).toBeGreaterThanOrEqual(25);
  });

  it('has unique codes, and every parent comes earlier', () => {
    expect(byCode.size).toBe(rows.length);
    const seen = new Set<string>();
    for (const row of rows) {
      if (row.parentCode !== null) expect(seen.has(row.parentCode), row.code).toBe(true);
      seen.add(row.code);
    }
    expect(rows.filter((row) => row.parentCode === null)).toHaveLength(1);
  });

  it('has non-empty NFC names, unique among siblings', () => {
    const siblings = new Map<string | null, Set<string>>();
    for (const row of rows) {
      expect(row.name.trim().length, row.code).toBeGreaterThan(0);
      expect(row.name, row.code).toBe(row.name.normalize('NFC'));
      expect(row.name, row.code).toBe(row.name.trim());
      const names = siblings.get(row.parentCode) ?? new Set<string>();
      expect(names.has(row.name), `${row.code} ${row.name}`).toBe(false);
      names.add(row.name);
      siblings.set(row.parentCode, names);
    }
    for (const kind of demoUnitKinds) expect(kind.nameVi).toBe(kind.nameVi.normalize('NFC'));
    expect(new Set(demoUnitKinds.map((kind) => kind.code)).size).toBe(6);
  });

  it('models Thọ Xuân with its township and Xuân… communes', () => {
    const thoXuan = rows.find((row) => row.name === 'Huyện ủy Thọ Xuân');
    expect(thoXuan).toBeDefined();
    const communes = rows.filter((row) => row.parentCode === thoXuan!.code);
    expect(communes.map((row) => row.name)).toContain('Đảng ủy thị trấn Thọ Xuân');
    const typical = communes.filter((row) => /^Đảng ủy xã (Xuân|Thọ) /u.test(row.name));
    expect(typical.length).toBeGreaterThan(communes.length / 2);
  });

  it('is deterministic for a seed and varies the communes with another seed', () => {
    expect(buildDemoProvince()).toEqual(rows);
    expect(buildDemoProvince({ seed: 1 })).toEqual(rows);
    expect(JSON.stringify(buildDemoProvince({ seed: 1 }))).toBe(JSON.stringify(rows));

    const other = buildDemoProvince({ seed: 2 });
    expect(ofKind(other, 'DISTRICT_COMMITTEE')).toEqual(ofKind(rows, 'DISTRICT_COMMITTEE'));
    expect(ofKind(other, 'PROVINCE_COMMITTEE')).toEqual(ofKind(rows, 'PROVINCE_COMMITTEE'));
    const communeNames = (list: DemoUnitRow[]) => ofKind(list, 'COMMUNE_COMMITTEE').map((row) => row.name);
    expect(communeNames(other)).not.toEqual(communeNames(rows));
  });

  it('scopes every demo account to an existing unit', () => {
    expect(new Set(demoAccounts.map((account) => account.role))).toEqual(new Set(['ADMIN', 'ORGANIZER', 'ANALYST']));
    for (const account of demoAccounts) {
      expect(byCode.has(account.scopeCode), account.username).toBe(true);
      expect(account.password).toBe(`${account.username}-demo-2026`);
    }
    const thoxuan = demoAccounts.find((account) => account.username === 'thoxuan');
    expect(byCode.get(thoxuan!.scopeCode)?.name).toBe('Huyện ủy Thọ Xuân');
  });
});
