import { randomInt } from 'node:crypto';
import { checkInCodeAlphabet, liveLimits, rollUpLive } from '@diemcau/schema';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import QRCode from 'qrcode';
import { assertPathInScope, pathInScope, requireRole, requireViewer } from '../accounts/access.ts';
import { pgError, UNIQUE_VIOLATION } from '../db/pg-errors.ts';
import { query, queryOne, sql } from '../db/sql.ts';
import { BadUserInputError, NotFoundError } from '../graphql/app-error.ts';
import { connectionFrom, decodeCursor, encodeCursor, pageSize } from '../graphql/connection.ts';
import type { Context } from '../graphql/context.ts';
import { toId, toOptionalId } from '../graphql/ids.ts';
import { deriveToken, issueDerivedToken } from '../security/tokens.ts';
import { getUnit } from '../units/unit.service.ts';
import {
  BridgePointExistsError,
  BridgePointHasHistoryError,
  ConferenceEndedError,
  ConferenceStatusError,
  NoHostBridgePointError,
} from './conference.errors.ts';
import type {
  ConferenceDocumentInput,
  ConferencesFilter,
  CreateBridgePointInput,
  CreateBridgePointsForUnitsInput,
  CreateConferenceInput,
  UpdateBridgePointInput,
  UpdateConferenceInput,
} from './conference.inputs.ts';
import * as repo from './conference.repository.ts';
import type {
  BridgePoint,
  BridgePointsCreated,
  CheckIn,
  Conference,
  ConferenceDocument,
  ConferenceLive,
  ExcusedAbsence,
  LiveRollupRowType,
  PublicLiveCounter,
  TimelineSample,
} from './conference.types.ts';

const TITLE_MAX = 300;
const DESCRIPTION_MAX = 5000;
const DOCUMENTS_MAX = 20;
const DOCUMENT_TITLE_MAX = 500;
const documentCodePattern = /^[\p{L}\p{N}][\p{L}\p{N}./-]{0,49}$/u;
const MAX_DURATION_MS = 7 * 24 * 3600 * 1000;
/** Bridge points one conference may have (the national conference has 900). */
export const BRIDGE_POINTS_MAX = 5000;
const EXPECTED_MAX = 100_000;

// ----- per-request loaders ----------------------------------------------------------------------

function createConferenceLoaders(ctx: Context) {
  return {
    conference: new DataLoader<number, Conference | null>(async (ids) => {
      const found = await repo.conferencesByIds(ctx.em, ids);
      return ids.map((id) => found.get(id) ?? null);
    }),
    bridgePoint: new DataLoader<number, BridgePoint | null>(async (ids) => {
      const found = await repo.bridgePointsByIds(ctx.em, ids);
      return ids.map((id) => found.get(id) ?? null);
    }),
    bridgePointCount: new DataLoader<number, number>(async (ids) => {
      const counts = await repo.countBridgePoints(ctx.em, ids);
      return ids.map((id) => counts.get(id) ?? 0);
    }),
    host: new DataLoader<number, BridgePoint | null>(async (ids) => {
      const hosts = await repo.hostBridgePoints(ctx.em, ids);
      return ids.map((id) => hosts.get(id) ?? null);
    }),
    excused: new DataLoader<number, ExcusedAbsence[]>(async (ids) => {
      const found = await repo.excusedAbsencesOf(ctx.em, ids);
      return ids.map((id) => found.get(id) ?? []);
    }),
    live: new Map<number, Promise<ConferenceLive>>(),
  };
}

const loaderCache = new WeakMap<Context, ReturnType<typeof createConferenceLoaders>>();

export function conferenceLoaders(ctx: Context) {
  let loaders = loaderCache.get(ctx);
  if (!loaders) {
    loaders = createConferenceLoaders(ctx);
    loaderCache.set(ctx, loaders);
  }
  return loaders;
}

// ----- reading ----------------------------------------------------------------------------------

/** A conference the viewer may see (its organizing unit within the viewer's scope), or NOT_FOUND / FORBIDDEN. */
export async function getConference(ctx: Context, id: unknown, field = 'id'): Promise<Conference> {
  const viewer = requireViewer(ctx);
  const conference = await conferenceLoaders(ctx).conference.load(toId(id, field));
  if (!conference) throw new NotFoundError('Conference', { field });
  assertPathInScope(viewer, conference.organizingUnitPath);
  return conference;
}

/** A conference the viewer may change: ORGANIZER (or ADMIN) with the organizing unit in scope. */
async function getManagedConference(ctx: Context, id: unknown, field = 'id'): Promise<Conference> {
  requireRole(ctx, 'ORGANIZER');
  return getConference(ctx, id, field);
}

export function mayManage(ctx: Context, conference: Conference): boolean {
  const viewer = ctx.viewer;
  if (!viewer || (viewer.role !== 'ADMIN' && viewer.role !== 'ORGANIZER')) return false;
  return pathInScope(viewer, conference.organizingUnitPath);
}

function assertNotEnded(conference: Conference): void {
  if (conference.status === 'ENDED') throw new ConferenceEndedError();
}

export async function listConferences(
  ctx: Context,
  filter: ConferencesFilter | null | undefined,
  first?: number | null,
  after?: string | null,
) {
  const viewer = requireViewer(ctx);
  const limit = pageSize(first);
  const cursor = decodeCursor(after, ['string', 'number']) as [string, number] | null;
  const underPath = filter?.underUnitId ? (await getUnit(ctx, filter.underUnitId, 'filter.underUnitId')).path : null;
  const repoFilter = { underPath: underPath ?? viewer.scopePath, status: filter?.status ?? null };
  const [rows, totalCount] = await Promise.all([
    repo.listConferences(ctx.em, repoFilter, { after: cursor, limit: limit + 1 }),
    repo.countConferences(ctx.em, repoFilter),
  ]);
  for (const row of rows) conferenceLoaders(ctx).conference.prime(row.id, row);
  return { ...connectionFrom(rows, limit, (c) => [c.scheduledStartAt.toISOString(), c.id]), totalCount };
}

export async function getBridgePoint(ctx: Context, id: unknown, field = 'id'): Promise<BridgePoint> {
  requireViewer(ctx);
  const bp = await conferenceLoaders(ctx).bridgePoint.load(toId(id, field));
  if (!bp) throw new NotFoundError('Bridge point', { field });
  await getConference(ctx, bp.conferenceId, field);
  return bp;
}

export async function listBridgePoints(ctx: Context, conference: Conference, first?: number | null, after?: string) {
  const limit = pageSize(first);
  const cursor = decodeCursor(after, ['number']) as [number] | null;
  const offset = cursor ? cursor[0] : 0;
  const [rows, totalCount] = await Promise.all([
    repo.listBridgePoints(ctx.em, conference.id, { offset, limit: limit + 1 }),
    conferenceLoaders(ctx).bridgePointCount.load(conference.id),
  ]);
  for (const row of rows) conferenceLoaders(ctx).bridgePoint.prime(row.id, row);
  const page = rows.slice(0, limit);
  const edges = page.map((node, i) => ({ cursor: encodeCursor([offset + i + 1]), node }));
  return { edges, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
}

// ----- conferences ------------------------------------------------------------------------------

function cleanText(value: string, field: string, max: number, required = true): string {
  const clean = value.normalize('NFC').trim();
  if (required && !clean) throw new BadUserInputError('Không được để trống / required', field);
  if (clean.length > max) throw new BadUserInputError(`Dài quá ${max} ký tự / longer than ${max} characters`, field);
  return clean;
}

function cleanDocuments(documents: ConferenceDocumentInput[] | null | undefined): ConferenceDocument[] {
  const list = documents ?? [];
  if (list.length > DOCUMENTS_MAX) {
    throw new BadUserInputError(`Tối đa ${DOCUMENTS_MAX} văn bản / at most ${DOCUMENTS_MAX} documents`, 'documents');
  }
  return list.map((doc, i) => {
    const code = doc.code.normalize('NFC').trim();
    if (!documentCodePattern.test(code)) {
      throw new BadUserInputError('Số hiệu văn bản như 21-KL/TW / a code like 21-KL/TW', `documents.${i}.code`);
    }
    return { code, title: cleanText(doc.title, `documents.${i}.title`, DOCUMENT_TITLE_MAX) };
  });
}

function checkSchedule(start: Date, end: Date): void {
  if (Number.isNaN(start.getTime())) throw new BadUserInputError('Invalid time', 'scheduledStartAt');
  if (Number.isNaN(end.getTime())) throw new BadUserInputError('Invalid time', 'scheduledEndAt');
  if (end.getTime() <= start.getTime()) {
    throw new BadUserInputError('Giờ kết thúc phải sau giờ bắt đầu / the end must follow the start', 'scheduledEndAt');
  }
  if (end.getTime() - start.getTime() > MAX_DURATION_MS) {
    throw new BadUserInputError('Tối đa 7 ngày / at most 7 days', 'scheduledEndAt');
  }
}

export async function createConference(ctx: Context, input: CreateConferenceInput): Promise<Conference> {
  const viewer = requireRole(ctx, 'ORGANIZER');
  const title = cleanText(input.title, 'title', TITLE_MAX);
  const description = cleanText(input.description ?? '', 'description', DESCRIPTION_MAX, false);
  const documents = cleanDocuments(input.documents);
  checkSchedule(input.scheduledStartAt, input.scheduledEndAt);
  const unit = await getUnit(ctx, input.organizingUnitId, 'organizingUnitId');
  if (unit.archivedAt) throw new BadUserInputError('Đơn vị đã lưu trữ / the unit is archived', 'organizingUnitId');
  const row = await queryOne<{ id: number }>(
    ctx.em,
    sql`insert into conference (title, description, documents, organizing_unit_id, scheduled_start_at, scheduled_end_at,
                                created_by)
        values (${title}, ${description}, ${JSON.stringify(documents)}::jsonb, ${unit.id}, ${input.scheduledStartAt},
                ${input.scheduledEndAt}, ${viewer.accountId})
        returning id`,
  );
  ctx.log.info({ conferenceId: row!.id }, 'conference created');
  return (await repo.conferenceById(ctx.em, row!.id))!;
}

export async function updateConference(ctx: Context, input: UpdateConferenceInput): Promise<Conference> {
  const conference = await getManagedConference(ctx, input.id);
  assertNotEnded(conference);
  const title = input.title === null || input.title === undefined ? null : cleanText(input.title, 'title', TITLE_MAX);
  const description =
    input.description === null || input.description === undefined
      ? null
      : cleanText(input.description, 'description', DESCRIPTION_MAX, false);
  const documents = input.documents ? cleanDocuments(input.documents) : null;
  const start = input.scheduledStartAt ?? conference.scheduledStartAt;
  const end = input.scheduledEndAt ?? conference.scheduledEndAt;
  checkSchedule(start, end);
  await query(
    ctx.em,
    sql`update conference set title = coalesce(${title}, title), description = coalesce(${description}, description),
               documents = coalesce(${documents ? JSON.stringify(documents) : null}::jsonb, documents),
               public_counter = coalesce(${input.publicCounter ?? null}::boolean, public_counter),
               scheduled_start_at = ${start}, scheduled_end_at = ${end}, updated_at = now()
         where id = ${conference.id} and status <> 'ENDED'`,
  );
  await ctx.runtime.live.reload(conference.id);
  return (await repo.conferenceById(ctx.em, conference.id))!;
}

export async function startConference(ctx: Context, id: unknown): Promise<Conference> {
  const conference = await getManagedConference(ctx, id);
  if (conference.status !== 'SCHEDULED') throw new ConferenceStatusError(conference.status, 'SCHEDULED');
  const host = await conferenceLoaders(ctx).host.load(conference.id);
  if (!host) throw new NoHostBridgePointError();
  const row = await queryOne<{ id: number }>(
    ctx.em,
    sql`update conference set status = 'LIVE', started_at = now(), updated_at = now()
         where id = ${conference.id} and status = 'SCHEDULED' returning id`,
  );
  if (!row) throw new ConferenceStatusError('LIVE', 'SCHEDULED');
  ctx.log.info({ conferenceId: conference.id }, 'conference started');
  await ctx.runtime.live.conferenceStarted(conference.id);
  return (await repo.conferenceById(ctx.em, conference.id))!;
}

/**
 * Ends a LIVE conference and freezes its attendance record: connected intervals close, participants
 * still online are last seen now, the final sample and peaks are stored — in the same transaction as
 * the status. Then dashboards get the final state and consoles and participants are disconnected.
 */
export async function endConference(ctx: Context, id: unknown): Promise<Conference> {
  const conference = await getManagedConference(ctx, id);
  if (conference.status !== 'LIVE') throw new ConferenceStatusError(conference.status, 'LIVE');
  const live = await ctx.runtime.live.beginEnding(conference.id);
  if (!live) throw new NotFoundError('Conference');
  const endedAt = new Date();
  try {
    await ctx.em.transactional(async (em) => {
      const row = await queryOne<{ id: number }>(
        em,
        sql`update conference set status = 'ENDED', ended_at = ${endedAt}, updated_at = now()
             where id = ${conference.id} and status = 'LIVE' returning id`,
      );
      if (!row) throw new ConferenceStatusError('ENDED', 'LIVE');
      await ctx.runtime.live.freeze(em, live, endedAt);
    });
  } catch (error) {
    ctx.runtime.live.abortEnding(live);
    throw error;
  }
  ctx.log.info({ conferenceId: conference.id }, 'conference ended');
  await ctx.runtime.live.conferenceEnded(live, endedAt);
  return (await repo.conferenceById(ctx.em, conference.id))!;
}

/** Only a SCHEDULED conference nobody has connected to yet. */
export async function deleteConference(ctx: Context, id: unknown): Promise<boolean> {
  const conference = await getManagedConference(ctx, id);
  if (conference.status !== 'SCHEDULED') throw new ConferenceStatusError(conference.status, 'SCHEDULED');
  const used = await queryOne(
    ctx.em,
    sql`select 1 from bridge_point b where b.conference_id = ${conference.id}
         and (b.first_connected_at is not null or exists (select 1 from check_in c where c.bridge_point_id = b.id))
         limit 1`,
  );
  if (used) throw new BridgePointHasHistoryError();
  await query(ctx.em, sql`delete from conference where id = ${conference.id} and status = 'SCHEDULED'`);
  await ctx.runtime.live.reload(conference.id);
  return true;
}

// ----- bridge points ----------------------------------------------------------------------------

function newCheckInCode(taken: Set<string>): string {
  for (;;) {
    let code = '';
    for (let i = 0; i < liveLimits.checkInCodeLength; i += 1) {
      code += checkInCodeAlphabet[randomInt(checkInCodeAlphabet.length)];
    }
    if (!taken.has(code)) {
      taken.add(code);
      return code;
    }
  }
}

function checkExpected(value: number | null | undefined, field: string): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 0 || value > EXPECTED_MAX) {
    throw new BadUserInputError(`0…${EXPECTED_MAX}`, field);
  }
  return value;
}

type NewBridgePoint = { unitId: number; unitPath: string; displayName: string; host: boolean; expected: number };

/** Inserts bridge points with check-in codes and operator links, in batches. */
async function insertBridgePoints(
  ctx: Context,
  em: EntityManager,
  conferenceId: number,
  items: NewBridgePoint[],
): Promise<number[]> {
  const count = await queryOne<{ n: number }>(
    em,
    sql`select count(*)::int as n from bridge_point where conference_id = ${conferenceId}`,
  );
  if ((count?.n ?? 0) + items.length > BRIDGE_POINTS_MAX) {
    throw new BadUserInputError(`Tối đa ${BRIDGE_POINTS_MAX} điểm cầu / at most ${BRIDGE_POINTS_MAX} bridge points`);
  }
  const taken = await repo.existingCheckInCodes(em, conferenceId);
  const ids: number[] = [];
  for (let i = 0; i < items.length; i += 1000) {
    const chunk = items.slice(i, i + 1000);
    const rows = await query<{ id: number }>(
      em,
      sql`insert into bridge_point (conference_id, unit_id, unit_path, display_name, is_host, expected_headcount,
                                    check_in_code)
          select ${conferenceId}, v.unit_id, v.unit_path::ltree, v.display_name, v.host, v.expected, v.code
            from unnest(${chunk.map((b) => b.unitId)}::int[], ${chunk.map((b) => b.unitPath)}::text[],
                        ${chunk.map((b) => b.displayName)}::text[], ${chunk.map((b) => b.host)}::boolean[],
                        ${chunk.map((b) => b.expected)}::int[], ${chunk.map(() => newCheckInCode(taken))}::text[])
                 with ordinality as v(unit_id, unit_path, display_name, host, expected, code, n)
           order by v.n
          returning id`,
    );
    const links = rows.map((r) => ({ id: r.id, ...issueDerivedToken('operator', ctx.runtime.secretKey) }));
    await query(
      em,
      sql`insert into operator_link (bridge_point_id, selector, verifier_hash, created_by)
          select * from unnest(${links.map((l) => l.id)}::int[], ${links.map((l) => l.selector)}::text[],
                               ${links.map((l) => l.verifierHash)}::bytea[],
                               ${links.map(() => ctx.viewer?.accountId ?? null)}::int[])`,
    );
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

async function unitForBridgePoint(ctx: Context, conference: Conference, unitId: unknown, field: string) {
  const unit = await getUnit(ctx, unitId, field);
  const org = conference.organizingUnitPath;
  if (unit.path !== org && !unit.path.startsWith(`${org}.`)) {
    throw new BadUserInputError(
      'Đơn vị phải thuộc đơn vị tổ chức hội nghị / the unit must be at or under the organizing unit',
      field,
    );
  }
  if (unit.archivedAt) throw new BadUserInputError('Đơn vị đã lưu trữ / the unit is archived', field);
  return unit;
}

export async function createBridgePoint(ctx: Context, input: CreateBridgePointInput): Promise<BridgePoint> {
  const conference = await getManagedConference(ctx, input.conferenceId, 'conferenceId');
  assertNotEnded(conference);
  const unit = await unitForBridgePoint(ctx, conference, input.unitId, 'unitId');
  const displayName =
    input.displayName === null || input.displayName === undefined
      ? unit.name
      : cleanText(input.displayName, 'displayName', TITLE_MAX);
  const expected = checkExpected(input.expectedHeadcount, 'expectedHeadcount') ?? 0;
  let id: number;
  try {
    id = await ctx.em.transactional(async (em) => {
      if (input.host) {
        await query(
          em,
          sql`update bridge_point set is_host = false where conference_id = ${conference.id} and is_host`,
        );
      }
      const [created] = await insertBridgePoints(ctx, em, conference.id, [
        { unitId: unit.id, unitPath: unit.path, displayName, host: input.host ?? false, expected },
      ]);
      return created!;
    });
  } catch (error) {
    if (pgError(error).code === UNIQUE_VIOLATION) throw new BridgePointExistsError();
    throw error;
  }
  await ctx.runtime.live.reload(conference.id);
  return (await repo.bridgePointById(ctx.em, id))!;
}

export async function createBridgePointsForUnits(
  ctx: Context,
  input: CreateBridgePointsForUnitsInput,
): Promise<BridgePointsCreated> {
  const conference = await getManagedConference(ctx, input.conferenceId, 'conferenceId');
  assertNotEnded(conference);
  const under = await unitForBridgePoint(ctx, conference, input.underUnitId, 'underUnitId');
  const kinds = [...new Set(input.kindCodes.map((k) => k.trim()).filter(Boolean))];
  if (kinds.length === 0 || kinds.length > 20) throw new BadUserInputError('1…20 unit kinds', 'kindCodes');
  const expected = checkExpected(input.expectedHeadcount, 'expectedHeadcount') ?? 0;
  const known = await query<{ code: string }>(
    ctx.em,
    sql`select code from unit_kind where code = any(${kinds}::text[])`,
  );
  const unknown = kinds.filter((k) => !known.some((r) => r.code === k));
  if (unknown.length > 0) throw new BadUserInputError(`Không có loại đơn vị ${unknown.join(', ')}`, 'kindCodes');
  const { ids, skipped } = await ctx.em.transactional(async (em) => {
    const units = await query<{ id: number; path: string; name: string; taken: boolean }>(
      em,
      sql`select u.id, u.path::text as path, u.name,
                 exists (select 1 from bridge_point b where b.conference_id = ${conference.id} and b.unit_id = u.id) as taken
            from unit u
           where u.path <@ ${under.path}::ltree and u.kind_code = any(${kinds}::text[]) and u.archived_at is null
           order by u.path`,
    );
    const fresh = units.filter((u) => !u.taken);
    const created = await insertBridgePoints(
      ctx,
      em,
      conference.id,
      fresh.map((u) => ({ unitId: u.id, unitPath: u.path, displayName: u.name, host: false, expected })),
    );
    return { ids: created, skipped: units.length - fresh.length };
  });
  ctx.log.info({ conferenceId: conference.id, created: ids.length, skipped }, 'bridge points created');
  await ctx.runtime.live.reload(conference.id);
  const rows = await repo.bridgePointsByIds(ctx.em, ids);
  return { created: ids.length, skipped, bridgePoints: ids.map((id) => rows.get(id)!) };
}

async function getManagedBridgePoint(ctx: Context, id: unknown, field = 'id') {
  requireRole(ctx, 'ORGANIZER');
  const bp = await getBridgePoint(ctx, id, field);
  const conference = await getManagedConference(ctx, bp.conferenceId, field);
  return { bp, conference };
}

export async function updateBridgePoint(ctx: Context, input: UpdateBridgePointInput): Promise<BridgePoint> {
  const { bp, conference } = await getManagedBridgePoint(ctx, input.id);
  assertNotEnded(conference);
  const displayName =
    input.displayName === null || input.displayName === undefined
      ? null
      : cleanText(input.displayName, 'displayName', TITLE_MAX);
  const expected = checkExpected(input.expectedHeadcount, 'expectedHeadcount');
  await ctx.em.transactional(async (em) => {
    if (input.host === true) {
      await query(
        em,
        sql`update bridge_point set is_host = false where conference_id = ${conference.id} and is_host and id <> ${bp.id}`,
      );
    }
    await query(
      em,
      sql`update bridge_point set display_name = coalesce(${displayName}, display_name),
                 expected_headcount = coalesce(${expected}::int, expected_headcount),
                 is_host = coalesce(${input.host ?? null}::boolean, is_host), updated_at = now()
           where id = ${bp.id}`,
    );
  });
  await ctx.runtime.live.reload(conference.id);
  return (await repo.bridgePointById(ctx.em, bp.id))!;
}

/** Only a bridge point that never connected and has no check-ins, before the conference ends. */
export async function deleteBridgePoint(ctx: Context, id: unknown): Promise<boolean> {
  const { bp, conference } = await getManagedBridgePoint(ctx, id);
  assertNotEnded(conference);
  const used = await queryOne(
    ctx.em,
    sql`select 1 from bridge_point b where b.id = ${bp.id}
         and (b.first_connected_at is not null or exists (select 1 from check_in c where c.bridge_point_id = b.id))`,
  );
  if (used) throw new BridgePointHasHistoryError();
  await query(ctx.em, sql`delete from bridge_point where id = ${bp.id}`);
  // The counter forgets the link before its consoles are told, so none can come straight back.
  await ctx.runtime.live.reload(conference.id);
  ctx.runtime.live.operatorLinkRevoked(bp.id);
  return true;
}

/** A new operator link; the old one stops working at once and its consoles are disconnected. */
export async function rotateOperatorLink(ctx: Context, id: unknown): Promise<BridgePoint> {
  const { bp, conference } = await getManagedBridgePoint(ctx, id, 'bridgePointId');
  assertNotEnded(conference);
  const issued = issueDerivedToken('operator', ctx.runtime.secretKey);
  await ctx.em.transactional(async (em) => {
    await query(
      em,
      sql`update operator_link set revoked_at = now() where bridge_point_id = ${bp.id} and revoked_at is null`,
    );
    await query(
      em,
      sql`insert into operator_link (bridge_point_id, selector, verifier_hash, created_by)
          values (${bp.id}, ${issued.selector}, ${issued.verifierHash}, ${ctx.viewer?.accountId ?? null})`,
    );
  });
  await ctx.runtime.live.reload(conference.id);
  ctx.runtime.live.operatorLinkRevoked(bp.id);
  return (await repo.bridgePointById(ctx.em, bp.id))!;
}

/** Revokes the operator link without a new one (rotate to issue one again). */
export async function revokeOperatorLink(ctx: Context, id: unknown): Promise<BridgePoint> {
  const { bp } = await getManagedBridgePoint(ctx, id, 'bridgePointId');
  await query(
    ctx.em,
    sql`update operator_link set revoked_at = now() where bridge_point_id = ${bp.id} and revoked_at is null`,
  );
  await ctx.runtime.live.reload(bp.conferenceId);
  ctx.runtime.live.operatorLinkRevoked(bp.id);
  return (await repo.bridgePointById(ctx.em, bp.id))!;
}

/** The operator link (only for those who manage the conference; null when revoked). */
export async function operatorLinkOf(ctx: Context, bp: BridgePoint): Promise<string | null> {
  if (!bp.operatorSelector) return null;
  const conference = await getConference(ctx, bp.conferenceId);
  if (!mayManage(ctx, conference)) return null;
  const { token } = deriveToken('operator', bp.operatorSelector, ctx.runtime.secretKey);
  return `${ctx.runtime.config.publicUrl}/operator/${bp.conferenceId}#${token}`;
}

export function checkInUrlOf(ctx: Context, bp: BridgePoint): string {
  return `${ctx.runtime.config.publicUrl}/check-in/${bp.conferenceId}?code=${bp.checkInCode}`;
}

/** The check-in URL as an SVG QR code, as a data URL for an `<img>` on the site's screen. */
export async function checkInQrCodeOf(ctx: Context, bp: BridgePoint): Promise<string> {
  const svg = await QRCode.toString(checkInUrlOf(ctx, bp), { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}

// ----- live, timeline, check-ins ----------------------------------------------------------------

/** The live counter's state now (the same computation the dashboard socket publishes). */
export function conferenceLive(ctx: Context, conference: Conference): Promise<ConferenceLive> {
  const cache = conferenceLoaders(ctx).live;
  let found = cache.get(conference.id);
  if (!found) {
    found = (async () => {
      const live = await ctx.runtime.live.conference(conference.id);
      if (!live) throw new NotFoundError('Conference');
      const snapshot = await ctx.runtime.live.currentSnapshot(live);
      return {
        conferenceId: snapshot.conferenceId,
        status: snapshot.status as ConferenceLive['status'],
        seq: snapshot.seq,
        at: new Date(snapshot.at),
        totals: snapshot.totals,
        peak: snapshot.peak ? { present: snapshot.peak.present, at: new Date(snapshot.peak.at) } : null,
        bridgePoints: snapshot.bridgePoints.map((row) => ({
          bridgePointId: row.id,
          unitId: row.unitId,
          displayName: row.displayName,
          host: row.host,
          status: row.status as ConferenceLive['bridgePoints'][number]['status'],
          consoles: row.consoles,
          reportedHeadcount: row.reportedHeadcount,
          checkIns: row.checkIns,
          present: row.present,
          expected: row.expected,
          downSince: row.downSince ? new Date(row.downSince) : null,
        })),
        organizingUnitLevel: snapshot.organizingUnitLevel,
        rows: snapshot.bridgePoints,
      };
    })();
    cache.set(conference.id, found);
  }
  return found;
}

/** How long the public big numbers are reused: many portal visitors polling cost one computation. */
const PUBLIC_COUNTER_TTL_MS = 2000;
type CachedCounter = { expires: number; counter: Promise<PublicLiveCounter | null> };
/** Per server (a test process may run several), by conference id. */
const publicCounterCache = new WeakMap<object, Map<number, CachedCounter>>();

/**
 * The big numbers of a conference whose organizer made them public; anyone may read them (no
 * account). Any other conference is NOT_FOUND, whether it exists or not.
 */
export async function publicLiveCounter(ctx: Context, id: unknown): Promise<PublicLiveCounter> {
  const conferenceId = toId(id, 'conferenceId');
  const now = Date.now();
  let publicCounters = publicCounterCache.get(ctx.runtime);
  if (!publicCounters) {
    publicCounters = new Map();
    publicCounterCache.set(ctx.runtime, publicCounters);
  }
  let cached = publicCounters.get(conferenceId);
  if (!cached || cached.expires <= now) {
    for (const [key, entry] of publicCounters) if (entry.expires <= now) publicCounters.delete(key);
    cached = {
      expires: now + PUBLIC_COUNTER_TTL_MS,
      counter: (async () => {
        const conference = await repo.conferenceById(ctx.em, conferenceId);
        if (!conference?.publicCounter) return null;
        const live = await ctx.runtime.live.conference(conferenceId);
        if (!live) return null;
        const snapshot = await ctx.runtime.live.currentSnapshot(live);
        return {
          conferenceId,
          title: conference.title,
          status: snapshot.status as PublicLiveCounter['status'],
          at: new Date(snapshot.at),
          totals: snapshot.totals,
          peak: snapshot.peak ? { present: snapshot.peak.present, at: new Date(snapshot.peak.at) } : null,
        };
      })(),
    };
    publicCounters.set(conferenceId, cached);
    cached.counter.catch(() => publicCounters.delete(conferenceId));
  }
  const counter = await cached.counter;
  if (!counter) throw new NotFoundError('Conference', { field: 'conferenceId' });
  return counter;
}

export function rollupOf(live: ConferenceLive, level: number): LiveRollupRowType[] {
  if (!Number.isInteger(level) || level < 1 || level > 64) throw new BadUserInputError('level: 1…64', 'level');
  return rollUpLive(live.rows, level, live.organizingUnitLevel);
}

export async function timelineOf(
  ctx: Context,
  conference: Conference,
  since?: Date | null,
  bucketSeconds?: number | null,
): Promise<TimelineSample[]> {
  if (bucketSeconds !== null && bucketSeconds !== undefined && (bucketSeconds < 1 || bucketSeconds > 86_400)) {
    throw new BadUserInputError('bucketSeconds: 1…86400', 'bucketSeconds');
  }
  return repo.timeline(ctx.em, conference.id, {
    since: since ?? null,
    bucketSeconds: bucketSeconds ?? null,
    limit: 20_000,
  });
}

export async function checkInsOf(
  ctx: Context,
  conference: Conference,
  bridgePointId?: string | null,
  first?: number | null,
  after?: string | null,
): Promise<{ edges: { cursor: string; node: CheckIn }[]; pageInfo: unknown; totalCount: number }> {
  const limit = pageSize(first);
  const cursor = decodeCursor(after, ['string', 'number']) as [string, number] | null;
  const bpId = toOptionalId(bridgePointId, 'bridgePointId');
  if (bpId !== null) {
    const bp = await getBridgePoint(ctx, bpId, 'bridgePointId');
    if (bp.conferenceId !== conference.id) throw new NotFoundError('Bridge point', { field: 'bridgePointId' });
  }
  const [rows, totalCount] = await Promise.all([
    repo.listCheckIns(ctx.em, conference.id, { bridgePointId: bpId, after: cursor, limit: limit + 1 }),
    repo.countCheckIns(ctx.em, conference.id, bpId),
  ]);
  return { ...connectionFrom(rows, limit, (c) => [c.firstSeenAt.toISOString(), c.id]), totalCount };
}
