/**
 * A deterministic, realistic party-unit tree of one Vietnamese province, for `pnpm seed:demo`, tests and benchmarks.
 *
 * It is modelled on Thanh Hóa before the 2025 reorganisation (the seed documents describe its 798-bridge-point
 * conference, province → districts → communes → villages): the provincial committee, its 27 real district-level
 * committees, three agency / armed-forces committees beside them, 557 commune-level committees and 2,000 grassroots
 * cells. The district tier and the counts are fixed; the seed only varies the generated commune and village names,
 * the mix of cells and how many cells each commune has (2–6). Same seed → byte-identical output.
 *
 * Commune and village names are generated from Sino-Vietnamese syllables (they are not the real communes), many of
 * them sharing a district-typical syllable the way real ones do (Xuân… in Thọ Xuân, Hoằng… in Hoằng Hóa, …Lộc in
 * Hậu Lộc). All text is NFC. No person names.
 */

export type DemoUnitKind =
  | 'PROVINCE_COMMITTEE'
  | 'DISTRICT_COMMITTEE'
  | 'COMMUNE_COMMITTEE'
  | 'GRASSROOTS_CELL'
  | 'AGENCY'
  | 'ARMED_FORCES';

export type DemoUnitRow = { code: string; name: string; kind: DemoUnitKind; parentCode: string | null };

export type DemoAccount = {
  username: string;
  displayName: string;
  role: 'ADMIN' | 'ORGANIZER' | 'ANALYST';
  scopeCode: string;
  password: string;
};

const nfc = (text: string): string => text.normalize('NFC');
const words = (text: string): string[] => nfc(text).split(/\s+/).filter(Boolean);

type DemoUnitKindInfo = { code: DemoUnitKind; nameVi: string; nameEn: string };

const unitKinds: DemoUnitKindInfo[] = [
  { code: 'PROVINCE_COMMITTEE', nameVi: 'Tỉnh ủy', nameEn: 'Province committee' },
  { code: 'DISTRICT_COMMITTEE', nameVi: 'Huyện ủy, Thị ủy, Thành ủy', nameEn: 'District committee' },
  { code: 'COMMUNE_COMMITTEE', nameVi: 'Đảng ủy xã, phường, thị trấn', nameEn: 'Commune committee' },
  { code: 'GRASSROOTS_CELL', nameVi: 'Chi bộ', nameEn: 'Grassroots cell' },
  { code: 'AGENCY', nameVi: 'Đảng ủy cơ quan', nameEn: 'Agency committee' },
  { code: 'ARMED_FORCES', nameVi: 'Đảng ủy lực lượng vũ trang', nameEn: 'Armed forces committee' },
];

export const demoUnitKinds: DemoUnitKindInfo[] = unitKinds.map((kind) => ({ ...kind, nameVi: nfc(kind.nameVi) }));

const PROVINCE_CODE = 'TH';
const PROVINCE_NAME = 'Tỉnh ủy Thanh Hóa';
/** Grassroots cells in the whole tree (commune cells + agency / armed-forces cells), for every seed. */
const TOTAL_CELLS = 2000;
const MIN_CELLS_PER_COMMUNE = 2;
const MAX_CELLS_PER_COMMUNE = 6;

type DistrictType = 'city' | 'town' | 'rural';

type DistrictProfile = {
  /** Place name, as in "Huyện ủy <name>". */
  name: string;
  type: DistrictType;
  /** Commune-level units (wards, townships and communes together). */
  communes: number;
  /** Cities and towns: how many of them are wards (phường); the rest are communes (xã). */
  wards?: number;
  /** District-typical first syllables of commune names (Hoằng… in Hoằng Hóa). */
  first?: readonly string[];
  /** District-typical last syllables of commune names (…Lộc in Hậu Lộc). */
  last?: readonly string[];
  /** Share of commune names that use a typical syllable. */
  typicalRate: number;
  /** Mountain district: many villages are "bản" with Thái / Mường names. */
  highland?: boolean;
};

/**
 * The 27 district-level units of Thanh Hóa before 2025, cities and towns first. Commune counts approximate the real
 * ones after the 2019–2020 mergers (559 then); Hoằng Hóa is trimmed from 37 to 35.
 */
const DISTRICTS: readonly DistrictProfile[] = [
  {
    name: 'Thanh Hóa',
    type: 'city',
    communes: 34,
    wards: 20,
    first: ['Đông', 'Quảng', 'Thiệu', 'Hoằng'],
    typicalRate: 0.45,
  },
  { name: 'Sầm Sơn', type: 'city', communes: 11, wards: 8, first: ['Quảng', 'Trung'], typicalRate: 0.5 },
  { name: 'Bỉm Sơn', type: 'town', communes: 7, wards: 6, first: ['Bắc', 'Đông', 'Lam', 'Ngọc'], typicalRate: 0.3 },
  {
    name: 'Nghi Sơn',
    type: 'town',
    communes: 31,
    wards: 16,
    first: ['Hải', 'Tĩnh', 'Nghi', 'Trúc'],
    typicalRate: 0.55,
  },
  { name: 'Thọ Xuân', type: 'rural', communes: 30, first: ['Xuân', 'Thọ'], typicalRate: 0.75 },
  { name: 'Triệu Sơn', type: 'rural', communes: 34, first: ['Thọ', 'Hợp', 'Dân', 'Đồng', 'Minh'], typicalRate: 0.6 },
  { name: 'Đông Sơn', type: 'rural', communes: 14, first: ['Đông'], typicalRate: 0.8 },
  { name: 'Quảng Xương', type: 'rural', communes: 26, first: ['Quảng'], typicalRate: 0.9 },
  { name: 'Hoằng Hóa', type: 'rural', communes: 35, first: ['Hoằng'], typicalRate: 0.95 },
  { name: 'Hậu Lộc', type: 'rural', communes: 23, last: ['Lộc'], typicalRate: 0.85 },
  { name: 'Nga Sơn', type: 'rural', communes: 24, first: ['Nga'], typicalRate: 0.9 },
  { name: 'Hà Trung', type: 'rural', communes: 20, first: ['Hà'], typicalRate: 0.7 },
  { name: 'Vĩnh Lộc', type: 'rural', communes: 13, first: ['Vĩnh'], typicalRate: 0.75 },
  { name: 'Yên Định', type: 'rural', communes: 26, first: ['Định', 'Yên'], typicalRate: 0.65 },
  { name: 'Thiệu Hóa', type: 'rural', communes: 25, first: ['Thiệu'], typicalRate: 0.9 },
  {
    name: 'Nông Cống',
    type: 'rural',
    communes: 29,
    first: ['Tế', 'Trường', 'Công', 'Vạn', 'Thăng', 'Tượng'],
    typicalRate: 0.6,
  },
  { name: 'Như Thanh', type: 'rural', communes: 14, first: ['Xuân', 'Hải', 'Phú', 'Thanh'], typicalRate: 0.4 },
  { name: 'Như Xuân', type: 'rural', communes: 16, first: ['Xuân', 'Thanh', 'Bình'], typicalRate: 0.4 },
  { name: 'Thạch Thành', type: 'rural', communes: 25, first: ['Thạch', 'Thành'], typicalRate: 0.75 },
  { name: 'Cẩm Thủy', type: 'rural', communes: 17, first: ['Cẩm'], typicalRate: 0.85 },
  { name: 'Ngọc Lặc', type: 'rural', communes: 21, first: ['Ngọc', 'Phùng', 'Minh', 'Lộc'], typicalRate: 0.45 },
  {
    name: 'Lang Chánh',
    type: 'rural',
    communes: 10,
    first: ['Giao', 'Tam', 'Đồng', 'Yên', 'Trí'],
    typicalRate: 0.4,
    highland: true,
  },
  {
    name: 'Bá Thước',
    type: 'rural',
    communes: 21,
    first: ['Lũng', 'Điền', 'Thành', 'Lương', 'Ái', 'Thiết'],
    typicalRate: 0.4,
    highland: true,
  },
  {
    name: 'Quan Hóa',
    type: 'rural',
    communes: 15,
    first: ['Phú', 'Trung', 'Thành', 'Nam', 'Hiền'],
    typicalRate: 0.45,
    highland: true,
  },
  {
    name: 'Quan Sơn',
    type: 'rural',
    communes: 12,
    first: ['Trung', 'Tam', 'Sơn', 'Mường', 'Na'],
    typicalRate: 0.45,
    highland: true,
  },
  {
    name: 'Mường Lát',
    type: 'rural',
    communes: 8,
    first: ['Mường', 'Pù', 'Trung', 'Tam', 'Quang', 'Nhi'],
    typicalRate: 0.5,
    highland: true,
  },
  {
    name: 'Thường Xuân',
    type: 'rural',
    communes: 16,
    first: ['Xuân', 'Lương', 'Vạn', 'Ngọc', 'Luận'],
    typicalRate: 0.45,
    highland: true,
  },
];

/** Sino-Vietnamese syllables that make up commune and village names, in either position. */
const SYLLABLES: readonly string[] = words(
  'An Bình Hòa Phú Thịnh Hưng Long Lộc Phúc Thành Tân Sơn Hải Thắng Lợi Minh Quang Trung Tiến Thái ' +
    'Khánh Lâm Giang Hà Châu Lĩnh Lập Trường Phong Vinh Vân Tâm Đức Nghĩa Tín Mỹ Ninh Định Yên Quý Cát ' +
    'Tường Hợp Đồng Dương Nguyên Thuận Xuân Thọ Nam Bắc Đông Tây Tiên Hồng Kim Ngọc Hiền Cường Thanh Hoa ' +
    'Lam Liên Sinh Tài Thủy Thạch Lương Hoàng Điền Khê Hương Trạch Lạc Tú Nhân Vượng Quỳnh Hiệp Chính ' +
    'Kiên Phát Hùng Đạt Thiện Vĩnh Khang Phương Thông Mai Trúc Bảo Toàn Thống Nhất Hạnh Dũng Tiền Vạn Hậu',
);

/** Syllables of Thái / Mường village (bản) names in the mountain districts. */
const HIGHLAND_FIRST: readonly string[] = words('Na Pù Nà Chiềng Hang Co Pha Mường Lũng Khà');
const HIGHLAND_LAST: readonly string[] = words(
  'Mèo Lát Phai Hiềng Chang Xía Ngàm Pọng Sa Lốc Ban Cốc Cài Tân Trung Khạt Bôn Pạo',
);

/** Province-level agency and armed-forces committees beside the districts, each with its cells (fixed). */
const PROVINCE_BODIES: readonly { code: string; name: string; kind: DemoUnitKind; cells: readonly string[] }[] = [
  {
    code: 'TH-CQ',
    name: 'Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh',
    kind: 'AGENCY',
    cells: [
      'Chi bộ Sở Tài chính',
      'Chi bộ Sở Kế hoạch và Đầu tư',
      'Chi bộ Sở Tư pháp',
      'Chi bộ Sở Nội vụ',
      'Chi bộ Sở Xây dựng',
      'Chi bộ Sở Văn hóa, Thể thao và Du lịch',
    ],
  },
  {
    code: 'TH-CA',
    name: 'Đảng ủy Công an tỉnh',
    kind: 'ARMED_FORCES',
    cells: [
      'Chi bộ Phòng Tham mưu',
      'Chi bộ Phòng An ninh chính trị nội bộ',
      'Chi bộ Phòng Cảnh sát hình sự',
      'Chi bộ Phòng Cảnh sát giao thông',
      'Chi bộ Phòng Cảnh sát quản lý hành chính về trật tự xã hội',
    ],
  },
  {
    code: 'TH-QS',
    name: 'Đảng ủy Quân sự tỉnh',
    kind: 'ARMED_FORCES',
    cells: ['Chi bộ Phòng Tham mưu', 'Chi bộ Phòng Chính trị', 'Chi bộ Phòng Hậu cần', 'Chi bộ Phòng Kỹ thuật'],
  },
];

const pad = (value: number, width: number): string => String(value).padStart(width, '0');
const districtCode = (index: number): string => `${PROVINCE_CODE}-${pad(index + 1, 2)}`;

const committeeTitle: Record<DistrictType, string> = { city: 'Thành ủy', town: 'Thị ủy', rural: 'Huyện ủy' };

/** Strip tones and marks ("Hạ" and "Hà" compare equal), so a name never repeats a syllable. */
const toneless = (syllable: string): string =>
  syllable.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();

/** mulberry32: a tiny 32-bit PRNG, plenty for demo data and identical on every platform. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = {
  next: () => number;
  int: (maxExclusive: number) => number;
  pick: <T>(items: readonly T[]) => T;
  chance: (probability: number) => boolean;
};

function createRandom(seed: number): Random {
  const next = mulberry32(seed);
  const int = (maxExclusive: number): number => Math.floor(next() * maxExclusive);
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[int(items.length)] as T;
  };
  return { next, int, pick, chance: (probability) => next() < probability };
}

/** Two different syllables, e.g. "Đông Hải". */
function syllablePair(random: Random, first: readonly string[], last: readonly string[]): string {
  for (;;) {
    const a = random.pick(first);
    const b = random.pick(last);
    if (toneless(a) !== toneless(b)) return `${a} ${b}`;
  }
}

/** A commune (or ward) place name that is new in its district. */
function communePlaceName(random: Random, district: DistrictProfile, used: Set<string>): string {
  for (let attempt = 0; ; attempt += 1) {
    const typical = attempt < 50 && random.chance(district.typicalRate);
    let name: string;
    if (typical && district.first) name = syllablePair(random, district.first.map(nfc), SYLLABLES);
    else if (typical && district.last) name = syllablePair(random, SYLLABLES, district.last.map(nfc));
    else name = syllablePair(random, SYLLABLES, SYLLABLES);
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

type CommuneType = 'xã' | 'phường' | 'thị trấn';
type Commune = { code: string; type: CommuneType; place: string; district: DistrictProfile };

function buildCommunes(random: Random): Commune[] {
  const communes: Commune[] = [];
  DISTRICTS.forEach((district, index) => {
    // No commune is named like a district (a "xã Vĩnh Lộc" in Hậu Lộc would only confuse).
    const used = new Set<string>(DISTRICTS.map((other) => nfc(other.name)));
    const places: { type: CommuneType; place: string }[] = [];
    if (district.type === 'rural') {
      // The township carries the district's name (Thị trấn Thọ Xuân).
      places.push({ type: 'thị trấn', place: nfc(district.name) });
    } else {
      for (let i = 0; i < (district.wards ?? 0); i += 1) {
        places.push({ type: 'phường', place: communePlaceName(random, district, used) });
      }
    }
    while (places.length < district.communes) {
      places.push({ type: 'xã', place: communePlaceName(random, district, used) });
    }
    places.forEach((place, position) => {
      communes.push({ ...place, district, code: `${districtCode(index)}-${pad(position + 1, 3)}` });
    });
  });
  return communes;
}

/** Cells per commune: 2 each, then the rest of the total dealt out at random, a little more to towns, less uphill. */
function cellCounts(random: Random, communes: readonly Commune[], total: number): number[] {
  const counts = communes.map(() => MIN_CELLS_PER_COMMUNE);
  const weights = communes.map((commune) => (commune.type !== 'xã' ? 1.3 : commune.district.highland ? 0.8 : 1));
  let remaining = total - MIN_CELLS_PER_COMMUNE * communes.length;
  if (remaining < 0 || remaining > (MAX_CELLS_PER_COMMUNE - MIN_CELLS_PER_COMMUNE) * communes.length) {
    throw new Error(`cannot spread ${total} cells over ${communes.length} communes`);
  }
  while (remaining > 0) {
    let open = 0;
    for (let i = 0; i < communes.length; i += 1) if (counts[i]! < MAX_CELLS_PER_COMMUNE) open += weights[i]!;
    let target = random.next() * open;
    let chosen = -1;
    for (let i = 0; i < communes.length; i += 1) {
      if (counts[i]! >= MAX_CELLS_PER_COMMUNE) continue;
      chosen = i;
      target -= weights[i]!;
      if (target < 0) break;
    }
    counts[chosen]! += 1;
    remaining -= 1;
  }
  return counts;
}

/** The cells of one commune: villages / quarters first, then a few of its schools, health station, police, militia. */
function cellNames(random: Random, commune: Commune, count: number): string[] {
  const urban = commune.type !== 'xã';
  const institutions = [
    `Chi bộ Trường Mầm non ${commune.place}`,
    `Chi bộ Trường Tiểu học ${commune.place}`,
    `Chi bộ Trường Trung học cơ sở ${commune.place}`,
    'Chi bộ Trạm Y tế',
    `Chi bộ Công an ${commune.type}`,
    `Chi bộ Quân sự ${commune.type}`,
  ];
  const institutionCount = random.int(Math.min(2, count - 1) + 1);
  const residentialCount = count - institutionCount;

  const names: string[] = [];
  const villageWord = urban ? 'khu phố' : commune.district.highland && random.chance(0.6) ? 'bản' : 'thôn';
  // Mountain villages (bản) keep their Thái / Mường names; elsewhere villages are often just numbered.
  const numbered = villageWord !== 'bản' && random.chance(urban ? 0.7 : 0.45);
  if (numbered) {
    for (let i = 1; i <= residentialCount; i += 1) names.push(`Chi bộ ${villageWord} ${i}`);
  } else {
    const used = new Set<string>();
    while (names.length < residentialCount) {
      const place =
        villageWord === 'bản'
          ? syllablePair(random, HIGHLAND_FIRST, HIGHLAND_LAST)
          : syllablePair(random, SYLLABLES, SYLLABLES);
      if (used.has(place)) continue;
      used.add(place);
      names.push(`Chi bộ ${villageWord} ${place}`);
    }
  }

  const pool = [...institutions];
  for (let i = 0; i < institutionCount; i += 1) names.push(pool.splice(random.int(pool.length), 1)[0]!);
  return names.map(nfc);
}

/**
 * The demo province's units, parents before children (level by level: province, districts and province bodies,
 * their communes and cells, then the commune cells). Default seed 1.
 */
export function buildDemoProvince(options?: { seed?: number }): DemoUnitRow[] {
  const seed = options?.seed ?? 1;
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  const random = createRandom(seed);

  const rows: DemoUnitRow[] = [
    { code: PROVINCE_CODE, name: nfc(PROVINCE_NAME), kind: 'PROVINCE_COMMITTEE', parentCode: null },
  ];
  DISTRICTS.forEach((district, index) => {
    rows.push({
      code: districtCode(index),
      name: nfc(`${committeeTitle[district.type]} ${district.name}`),
      kind: 'DISTRICT_COMMITTEE',
      parentCode: PROVINCE_CODE,
    });
  });
  for (const body of PROVINCE_BODIES) {
    rows.push({ code: body.code, name: nfc(body.name), kind: body.kind, parentCode: PROVINCE_CODE });
  }
  let bodyCells = 0;
  for (const body of PROVINCE_BODIES) {
    body.cells.forEach((name, index) => {
      rows.push({
        code: `${body.code}-${pad(index + 1, 2)}`,
        name: nfc(name),
        kind: 'GRASSROOTS_CELL',
        parentCode: body.code,
      });
      bodyCells += 1;
    });
  }

  const communes = buildCommunes(random);
  for (const commune of communes) {
    rows.push({
      code: commune.code,
      name: nfc(`Đảng ủy ${commune.type} ${commune.place}`),
      kind: 'COMMUNE_COMMITTEE',
      parentCode: commune.code.slice(0, commune.code.lastIndexOf('-')),
    });
  }

  const counts = cellCounts(random, communes, TOTAL_CELLS - bodyCells);
  communes.forEach((commune, index) => {
    cellNames(random, commune, counts[index]!).forEach((name, position) => {
      rows.push({
        code: `${commune.code}-${pad(position + 1, 2)}`,
        name,
        kind: 'GRASSROOTS_CELL',
        parentCode: commune.code,
      });
    });
  });
  return rows;
}

const thoXuanCode = districtCode(DISTRICTS.findIndex((district) => district.name === 'Thọ Xuân'));

const demoAccountSpecs: Omit<DemoAccount, 'password'>[] = [
  { username: 'admin', displayName: 'Quản trị hệ thống', role: 'ADMIN', scopeCode: PROVINCE_CODE },
  { username: 'tuyengiao', displayName: 'Ban Tuyên giáo Tỉnh ủy', role: 'ORGANIZER', scopeCode: PROVINCE_CODE },
  { username: 'phantich', displayName: 'Chuyên viên phân tích', role: 'ANALYST', scopeCode: PROVINCE_CODE },
  { username: 'thoxuan', displayName: 'Ban Tuyên giáo Huyện ủy Thọ Xuân', role: 'ORGANIZER', scopeCode: thoXuanCode },
];

/** One demo account of each role (and a district-scoped organizer); passwords `<username>-demo-2026`, demo only. */
export const demoAccounts: DemoAccount[] = demoAccountSpecs.map((account) => ({
  ...account,
  displayName: nfc(account.displayName),
  password: `${account.username}-demo-2026`,
}));
