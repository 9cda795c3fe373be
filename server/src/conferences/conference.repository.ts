import type { EntityManager } from '@mikro-orm/postgresql';
import { query, queryOne, sql } from '../db/sql.ts';
import type { BridgePoint, CheckIn, Conference, ExcusedAbsence, TimelineSample } from './conference.types.ts';

const conferenceColumns = sql`c.id, c.title, c.description, c.documents, c.organizing_unit_id as "organizingUnitId",
  u.path::text as "organizingUnitPath", c.scheduled_start_at as "scheduledStartAt", c.scheduled_end_at as "scheduledEndAt",
  c.status, c.started_at as "startedAt", c.ended_at as "endedAt", c.peak_present as "peakPresent",
  c.peak_present_at as "peakPresentAt", c.public_counter as "publicCounter", c.created_at as "createdAt"`;

export async function conferencesByIds(em: EntityManager, ids: readonly number[]): Promise<Map<number, Conference>> {
  if (ids.length === 0) return new Map();
  const rows = await query<Conference>(
    em,
    sql`select ${conferenceColumns} from conference c join unit u on u.id = c.organizing_unit_id
         where c.id = any(${[...ids]}::int[])`,
  );
  return new Map(rows.map((r) => [r.id, r]));
}

export async function conferenceById(em: EntityManager, id: number): Promise<Conference | undefined> {
  return (await conferencesByIds(em, [id])).get(id);
}

export type ConferenceListFilter = { underPath: string | null; status: string | null };

function conferenceWhere(filter: ConferenceListFilter) {
  const parts = [sql`true`];
  if (filter.underPath) parts.push(sql`u.path <@ ${filter.underPath}::ltree`);
  if (filter.status) parts.push(sql`c.status = ${filter.status}`);
  return sql.join(parts, sql` and `);
}

/** Latest scheduled start first; `after` is the last row's (start ISO, id). */
export async function listConferences(
  em: EntityManager,
  filter: ConferenceListFilter,
  page: { after: [string, number] | null; limit: number },
): Promise<Conference[]> {
  const after = page.after
    ? sql`and (c.scheduled_start_at, c.id) < (${page.after[0]}::timestamptz, ${page.after[1]}::int)`
    : sql``;
  return query<Conference>(
    em,
    sql`select ${conferenceColumns} from conference c join unit u on u.id = c.organizing_unit_id
         where ${conferenceWhere(filter)} ${after}
         order by c.scheduled_start_at desc, c.id desc limit ${page.limit}`,
  );
}

export async function countConferences(em: EntityManager, filter: ConferenceListFilter): Promise<number> {
  const row = await queryOne<{ n: number }>(
    em,
    sql`select count(*)::int as n from conference c join unit u on u.id = c.organizing_unit_id
         where ${conferenceWhere(filter)}`,
  );
  return row?.n ?? 0;
}

const bridgePointColumns = sql`b.id, b.conference_id as "conferenceId", b.unit_id as "unitId", b.unit_path::text as "unitPath",
  b.display_name as "displayName", b.is_host as host, b.expected_headcount as "expectedHeadcount",
  b.check_in_code as "checkInCode", b.reported_headcount as "reportedHeadcount", b.reported_at as "reportedAt",
  b.first_connected_at as "firstConnectedAt", b.peak_present as "peakPresent", b.peak_present_at as "peakPresentAt",
  b.created_at as "createdAt", l.selector as "operatorSelector", l.created_at as "operatorLinkCreatedAt"`;

const bridgePointFrom = sql`bridge_point b
  left join operator_link l on l.bridge_point_id = b.id and l.revoked_at is null`;

/** The display order everywhere: the host, then by unit level and name. */
export const bridgePointOrder = sql`b.is_host desc, nlevel(b.unit_path), b.display_name collate "vi-VN-x-icu", b.id`;

export async function bridgePointsByIds(em: EntityManager, ids: readonly number[]): Promise<Map<number, BridgePoint>> {
  if (ids.length === 0) return new Map();
  const rows = await query<BridgePoint>(
    em,
    sql`select ${bridgePointColumns} from ${bridgePointFrom} where b.id = any(${[...ids]}::int[])`,
  );
  return new Map(rows.map((r) => [r.id, r]));
}

export async function bridgePointById(em: EntityManager, id: number): Promise<BridgePoint | undefined> {
  return (await bridgePointsByIds(em, [id])).get(id);
}

/** A page in display order; the cursor is the row's position in that order. */
export async function listBridgePoints(
  em: EntityManager,
  conferenceId: number,
  page: { offset: number; limit: number },
): Promise<BridgePoint[]> {
  return query<BridgePoint>(
    em,
    sql`select ${bridgePointColumns} from ${bridgePointFrom} where b.conference_id = ${conferenceId}
         order by ${bridgePointOrder} offset ${page.offset} limit ${page.limit}`,
  );
}

export async function countBridgePoints(em: EntityManager, conferenceIds: readonly number[]) {
  const rows = await query<{ id: number; n: number }>(
    em,
    sql`select conference_id as id, count(*)::int as n from bridge_point
         where conference_id = any(${[...conferenceIds]}::int[]) group by conference_id`,
  );
  return new Map(rows.map((r) => [r.id, r.n]));
}

export async function hostBridgePoints(em: EntityManager, conferenceIds: readonly number[]) {
  const rows = await query<BridgePoint>(
    em,
    sql`select ${bridgePointColumns} from ${bridgePointFrom}
         where b.conference_id = any(${[...conferenceIds]}::int[]) and b.is_host`,
  );
  return new Map(rows.map((r) => [r.conferenceId, r]));
}

export async function excusedAbsencesOf(em: EntityManager, bridgePointIds: readonly number[]) {
  const rows = await query<ExcusedAbsence>(
    em,
    sql`select id, bridge_point_id as "bridgePointId", name, reason, recorded_at as "recordedAt"
          from excused_absence where bridge_point_id = any(${[...bridgePointIds]}::int[]) and withdrawn_at is null
         order by recorded_at, id`,
  );
  const out = new Map<number, ExcusedAbsence[]>();
  for (const row of rows) out.set(row.bridgePointId, [...(out.get(row.bridgePointId) ?? []), row]);
  return out;
}

export async function existingCheckInCodes(em: EntityManager, conferenceId: number): Promise<Set<string>> {
  const rows = await query<{ code: string }>(
    em,
    sql`select check_in_code as code from bridge_point where conference_id = ${conferenceId}`,
  );
  return new Set(rows.map((r) => r.code));
}

/** Samples since a time, optionally downsampled to buckets of `bucketSeconds` (the maximum of each). */
export async function timeline(
  em: EntityManager,
  conferenceId: number,
  options: { since: Date | null; bucketSeconds: number | null; limit: number },
): Promise<TimelineSample[]> {
  const since = options.since ? sql`and sampled_at >= ${options.since}` : sql``;
  if (!options.bucketSeconds) {
    return query<TimelineSample>(
      em,
      sql`select sampled_at as at, bridge_points as "bridgePoints", connected, unstable, present, expected,
                 check_ins as "checkIns", reported
            from conference_sample where conference_id = ${conferenceId} ${since}
           order by sampled_at limit ${options.limit}`,
    );
  }
  return query<TimelineSample>(
    em,
    sql`select date_bin(make_interval(secs => ${options.bucketSeconds}), sampled_at, timestamptz 'epoch') as at,
               max(bridge_points)::int as "bridgePoints", max(connected)::int as connected,
               max(unstable)::int as unstable, max(present)::int as present, max(expected)::int as expected,
               max(check_ins)::int as "checkIns", max(reported)::int as reported
          from conference_sample where conference_id = ${conferenceId} ${since}
         group by 1 order by 1 limit ${options.limit}`,
  );
}

export async function listCheckIns(
  em: EntityManager,
  conferenceId: number,
  options: { bridgePointId: number | null; after: [string, number] | null; limit: number },
): Promise<CheckIn[]> {
  const after = options.after
    ? sql`and (first_seen_at, id) > (${options.after[0]}::timestamptz, ${options.after[1]}::bigint)`
    : sql``;
  const bp = options.bridgePointId ? sql`and bridge_point_id = ${options.bridgePointId}` : sql``;
  return query<CheckIn>(
    em,
    sql`select id::int as id, bridge_point_id as "bridgePointId", name, member_number as "memberNumber",
               first_seen_at as "firstSeenAt", last_seen_at as "lastSeenAt", connections
          from check_in where conference_id = ${conferenceId} ${bp} ${after}
         order by first_seen_at, id limit ${options.limit}`,
  );
}

export async function countCheckIns(em: EntityManager, conferenceId: number, bridgePointId: number | null) {
  const row = await queryOne<{ n: number }>(
    em,
    sql`select count(*)::int as n from check_in where conference_id = ${conferenceId}
         ${bridgePointId ? sql`and bridge_point_id = ${bridgePointId}` : sql``}`,
  );
  return row?.n ?? 0;
}
