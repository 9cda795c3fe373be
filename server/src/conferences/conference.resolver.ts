import { liveProblems } from '@diemcau/schema';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireViewer } from '../accounts/access.ts';
import type { Context } from '../graphql/context.ts';
import type { UnitRow } from '../units/unit.repository.ts';
import { Unit } from '../units/unit.types.ts';
import * as attendance from './attendance.service.ts';
import {
  ConferencesFilter,
  CreateBridgePointInput,
  CreateBridgePointsForUnitsInput,
  CreateConferenceInput,
  UpdateBridgePointInput,
  UpdateConferenceInput,
} from './conference.inputs.ts';
import * as conferences from './conference.service.ts';
import {
  AttendanceFile,
  AttendanceFileFormat,
  AttendanceFileKind,
  AttendanceReport,
  BridgePoint,
  BridgePointConnection,
  BridgePointsCreated,
  CheckInConnection,
  Conference,
  ConferenceConnection,
  ConferenceLive,
  ExcusedAbsence,
  LiveBridgePointType,
  LiveRollupRowType,
  PublicLiveCounter,
  TimelineSample,
} from './conference.types.ts';

@Resolver(() => Conference)
export class ConferenceResolver {
  @Query(() => Conference, { description: 'A conference whose organizing unit is within your scope.' })
  conference(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Conference> {
    return conferences.getConference(ctx, id);
  }

  @Query(() => ConferenceConnection, { description: 'Conferences organized within your scope, latest first.' })
  conferences(
    @Ctx() ctx: Context,
    @Arg('filter', () => ConferencesFilter, { nullable: true }) filter?: ConferencesFilter | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return conferences.listConferences(ctx, filter, first, after);
  }

  @Query(() => PublicLiveCounter, {
    description:
      'Anyone, no account: the big numbers of a conference whose organizer made them public (`publicCounter`); ' +
      'NOT_FOUND otherwise. Refreshed at most every 2 s.',
  })
  publicLiveCounter(@Ctx() ctx: Context, @Arg('conferenceId', () => ID) id: string): Promise<PublicLiveCounter> {
    return conferences.publicLiveCounter(ctx, id);
  }

  @Query(() => AttendanceFile, { description: 'The attendance record as a file (CSV with a BOM).' })
  async attendanceFile(
    @Ctx() ctx: Context,
    @Arg('conferenceId', () => ID) conferenceId: string,
    @Arg('kind', () => AttendanceFileKind, { nullable: true }) kind?: AttendanceFileKind | null,
    @Arg('format', () => AttendanceFileFormat, { nullable: true }) _format?: AttendanceFileFormat | null,
  ): Promise<AttendanceFile> {
    const conference = await conferences.getConference(ctx, conferenceId, 'conferenceId');
    return attendance.attendanceFile(ctx, conference, kind ?? AttendanceFileKind.BRIDGE_POINTS);
  }

  @FieldResolver(() => Unit)
  async organizingUnit(@Root() conference: Conference, @Ctx() ctx: Context): Promise<UnitRow> {
    return (await ctx.loaders.unit.load(conference.organizingUnitId))!;
  }

  @FieldResolver(() => Int)
  bridgePointCount(@Root() conference: Conference, @Ctx() ctx: Context): Promise<number> {
    return conferences.conferenceLoaders(ctx).bridgePointCount.load(conference.id);
  }

  @FieldResolver(() => BridgePoint, { nullable: true })
  hostBridgePoint(@Root() conference: Conference, @Ctx() ctx: Context): Promise<BridgePoint | null> {
    return conferences.conferenceLoaders(ctx).host.load(conference.id);
  }

  @FieldResolver(() => Boolean, { description: 'Whether you may change it (ORGANIZER or ADMIN with scope).' })
  canManage(@Root() conference: Conference, @Ctx() ctx: Context): boolean {
    return conferences.mayManage(ctx, conference);
  }

  @FieldResolver(() => BridgePointConnection)
  bridgePoints(
    @Root() conference: Conference,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return conferences.listBridgePoints(ctx, conference, first, after ?? undefined);
  }

  @FieldResolver(() => ConferenceLive, { description: 'Who is connected and present now, with totals and roll-ups.' })
  live(@Root() conference: Conference, @Ctx() ctx: Context): Promise<ConferenceLive> {
    return conferences.conferenceLive(ctx, conference);
  }

  @FieldResolver(() => [TimelineSample], {
    description: 'Totals sampled every 5 s while LIVE; `bucketSeconds` keeps the maximum of each bucket.',
  })
  timeline(
    @Root() conference: Conference,
    @Ctx() ctx: Context,
    @Arg('since', () => Date, { nullable: true }) since?: Date | null,
    @Arg('bucketSeconds', () => Int, { nullable: true }) bucketSeconds?: number | null,
  ): Promise<TimelineSample[]> {
    return conferences.timelineOf(ctx, conference, since, bucketSeconds);
  }

  @FieldResolver(() => CheckInConnection, { description: 'The roll call, in order of arrival.' })
  checkIns(
    @Root() conference: Conference,
    @Ctx() ctx: Context,
    @Arg('bridgePointId', () => ID, { nullable: true }) bridgePointId?: string | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return conferences.checkInsOf(ctx, conference, bridgePointId, first, after);
  }

  @FieldResolver(() => AttendanceReport)
  attendance(@Root() conference: Conference, @Ctx() ctx: Context): Promise<AttendanceReport> {
    return attendance.attendanceReport(ctx, conference);
  }

  @Mutation(() => Conference, { description: 'ORGANIZER: a new SCHEDULED conference of a unit within your scope.' })
  createConference(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateConferenceInput) input: CreateConferenceInput,
  ): Promise<Conference> {
    return conferences.createConference(ctx, input);
  }

  @Mutation(() => Conference, { description: 'ORGANIZER. Not after it has ENDED.' })
  updateConference(
    @Ctx() ctx: Context,
    @Arg('input', () => UpdateConferenceInput) input: UpdateConferenceInput,
  ): Promise<Conference> {
    return conferences.updateConference(ctx, input);
  }

  @Mutation(() => Conference, { description: 'ORGANIZER. SCHEDULED → LIVE; needs a host bridge point.' })
  startConference(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Conference> {
    return conferences.startConference(ctx, id);
  }

  @Mutation(() => Conference, {
    description: 'ORGANIZER. LIVE → ENDED: freezes the attendance record and disconnects consoles and participants.',
  })
  endConference(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Conference> {
    return conferences.endConference(ctx, id);
  }

  @Mutation(() => Boolean, { description: 'ORGANIZER. Only a SCHEDULED conference nobody has connected to.' })
  deleteConference(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<boolean> {
    return conferences.deleteConference(ctx, id);
  }

  @Mutation(() => BridgePoint, { description: 'ORGANIZER. A bridge point for a unit at or under the organizing unit.' })
  createBridgePoint(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateBridgePointInput) input: CreateBridgePointInput,
  ): Promise<BridgePoint> {
    return conferences.createBridgePoint(ctx, input);
  }

  @Mutation(() => BridgePointsCreated, {
    description:
      'ORGANIZER. One bridge point for every unit of the given kinds under a unit (skips units that have one).',
  })
  createBridgePointsForUnits(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateBridgePointsForUnitsInput) input: CreateBridgePointsForUnitsInput,
  ): Promise<BridgePointsCreated> {
    return conferences.createBridgePointsForUnits(ctx, input);
  }

  @Mutation(() => BridgePoint, { description: 'ORGANIZER. Not after the conference has ENDED.' })
  updateBridgePoint(
    @Ctx() ctx: Context,
    @Arg('input', () => UpdateBridgePointInput) input: UpdateBridgePointInput,
  ): Promise<BridgePoint> {
    return conferences.updateBridgePoint(ctx, input);
  }

  @Mutation(() => Boolean, { description: 'ORGANIZER. Only a bridge point that never connected and has no check-ins.' })
  deleteBridgePoint(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<boolean> {
    return conferences.deleteBridgePoint(ctx, id);
  }

  @Mutation(() => BridgePoint, {
    description: 'ORGANIZER. A new operator link; the old one stops at once and its consoles are disconnected.',
  })
  rotateOperatorLink(@Ctx() ctx: Context, @Arg('bridgePointId', () => ID) id: string): Promise<BridgePoint> {
    return conferences.rotateOperatorLink(ctx, id);
  }

  @Mutation(() => BridgePoint, { description: 'ORGANIZER. Revokes the operator link (rotate to issue a new one).' })
  revokeOperatorLink(@Ctx() ctx: Context, @Arg('bridgePointId', () => ID) id: string): Promise<BridgePoint> {
    return conferences.revokeOperatorLink(ctx, id);
  }
}

@Resolver(() => BridgePoint)
export class BridgePointResolver {
  @Query(() => BridgePoint)
  bridgePoint(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<BridgePoint> {
    return conferences.getBridgePoint(ctx, id);
  }

  @FieldResolver(() => Conference)
  conference(@Root() bp: BridgePoint, @Ctx() ctx: Context): Promise<Conference> {
    return conferences.getConference(ctx, bp.conferenceId);
  }

  @FieldResolver(() => Unit)
  async unit(@Root() bp: BridgePoint, @Ctx() ctx: Context): Promise<UnitRow> {
    return (await ctx.loaders.unit.load(bp.unitId))!;
  }

  @FieldResolver(() => String, { description: 'The page participants open (what the QR code holds).' })
  checkInUrl(@Root() bp: BridgePoint, @Ctx() ctx: Context): string {
    requireViewer(ctx);
    return conferences.checkInUrlOf(ctx, bp);
  }

  @FieldResolver(() => String, { description: 'The check-in URL as a QR code: an SVG `data:` URL for an <img>.' })
  checkInQrCode(@Root() bp: BridgePoint, @Ctx() ctx: Context): Promise<string> {
    requireViewer(ctx);
    return conferences.checkInQrCodeOf(ctx, bp);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The operator console link (secret; only for those who manage the conference; null when revoked).',
  })
  operatorLink(@Root() bp: BridgePoint, @Ctx() ctx: Context): Promise<string | null> {
    return conferences.operatorLinkOf(ctx, bp);
  }

  @FieldResolver(() => Boolean)
  operatorLinkActive(@Root() bp: BridgePoint): boolean {
    return bp.operatorSelector !== null;
  }

  @FieldResolver(() => Date, { nullable: true })
  operatorLinkIssuedAt(@Root() bp: BridgePoint): Date | null {
    return bp.operatorLinkCreatedAt;
  }

  @FieldResolver(() => [ExcusedAbsence])
  excusedAbsences(@Root() bp: BridgePoint, @Ctx() ctx: Context): Promise<ExcusedAbsence[]> {
    return conferences.conferenceLoaders(ctx).excused.load(bp.id);
  }

  @FieldResolver(() => LiveBridgePointType, { description: 'This bridge point in the live counter now.' })
  async live(@Root() bp: BridgePoint, @Ctx() ctx: Context): Promise<LiveBridgePointType> {
    const conference = await conferences.getConference(ctx, bp.conferenceId);
    const live = await conferences.conferenceLive(ctx, conference);
    return live.bridgePoints.find((row) => row.bridgePointId === bp.id)!;
  }
}

@Resolver(() => ConferenceLive)
export class ConferenceLiveResolver {
  @FieldResolver(() => [LiveRollupRowType], {
    description: 'Totals grouped by the ancestor at `level` of each bridge point’s unit (root = 1), biggest first.',
  })
  rollup(@Root() live: ConferenceLive, @Arg('level', () => Int) level: number): LiveRollupRowType[] {
    return conferences.rollupOf(live, level);
  }

  @FieldResolver(() => [LiveBridgePointType], { description: 'Bridge points no console has connected to yet.' })
  neverConnected(@Root() live: ConferenceLive): LiveBridgePointType[] {
    return pick(live, liveProblems(live.rows).neverConnected);
  }

  @FieldResolver(() => [LiveBridgePointType], { description: 'Bridge points that dropped, longest-down first.' })
  dropped(@Root() live: ConferenceLive): LiveBridgePointType[] {
    return pick(live, liveProblems(live.rows).dropped);
  }
}

function pick(live: ConferenceLive, rows: { id: number }[]): LiveBridgePointType[] {
  const byId = new Map(live.bridgePoints.map((b) => [b.bridgePointId, b]));
  return rows.map((r) => byId.get(r.id)!);
}

@Resolver(() => LiveRollupRowType)
export class LiveRollupResolver {
  @FieldResolver(() => Unit)
  async unit(@Root() row: LiveRollupRowType, @Ctx() ctx: Context): Promise<UnitRow> {
    return (await ctx.loaders.unit.load(row.unitId))!;
  }
}

@Resolver(() => LiveBridgePointType)
export class LiveBridgePointResolver {
  @FieldResolver(() => BridgePoint)
  async bridgePoint(@Root() row: LiveBridgePointType, @Ctx() ctx: Context): Promise<BridgePoint> {
    return (await conferences.conferenceLoaders(ctx).bridgePoint.load(row.bridgePointId))!;
  }

  @FieldResolver(() => Unit)
  async unit(@Root() row: LiveBridgePointType, @Ctx() ctx: Context): Promise<UnitRow> {
    return (await ctx.loaders.unit.load(row.unitId))!;
  }
}
