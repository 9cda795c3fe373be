import type { LiveBridgePointRow } from '@diemcau/schema';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType } from '../graphql/connection.ts';

export enum ConferenceStatus {
  SCHEDULED = 'SCHEDULED',
  LIVE = 'LIVE',
  ENDED = 'ENDED',
}
registerEnumType(ConferenceStatus, {
  name: 'ConferenceStatus',
  description: 'SCHEDULED → LIVE (started by the organizer) → ENDED (the attendance record is frozen).',
});

export enum BridgePointStatus {
  CONNECTED = 'CONNECTED',
  UNSTABLE = 'UNSTABLE',
  DROPPED = 'DROPPED',
  NEVER_CONNECTED = 'NEVER_CONNECTED',
}
registerEnumType(BridgePointStatus, {
  name: 'BridgePointStatus',
  description:
    'CONNECTED: an operator console is online. UNSTABLE: the last console dropped within the reconnect grace window ' +
    '(~10 s). DROPPED: gone longer than that. NEVER_CONNECTED: no console yet.',
});

export enum AttendanceFileFormat {
  CSV = 'CSV',
}
registerEnumType(AttendanceFileFormat, {
  name: 'AttendanceFileFormat',
  description: 'CSV: UTF-8 with a BOM (Excel shows Vietnamese correctly), CRLF line ends.',
});

export enum AttendanceFileKind {
  BRIDGE_POINTS = 'BRIDGE_POINTS',
  CHECK_INS = 'CHECK_INS',
}
registerEnumType(AttendanceFileKind, {
  name: 'AttendanceFileKind',
  description: 'BRIDGE_POINTS: one row per bridge point. CHECK_INS: the roll call, one row per participant.',
});

@ObjectType({ description: 'A document studied at the conference, e.g. 21-KL/TW.' })
export class ConferenceDocument {
  @Field(() => String, { description: 'Code such as 21-KL/TW or 13-KH/TU.' })
  code!: string;

  @Field(() => String)
  title!: string;
}

@ObjectType({
  description: 'An online study conference (hội nghị trực tuyến) from a host bridge point to many others.',
})
export class Conference {
  @Field(() => ID)
  id!: number;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  description!: string;

  @Field(() => [ConferenceDocument])
  documents!: ConferenceDocument[];

  @Field(() => Date)
  scheduledStartAt!: Date;

  @Field(() => Date)
  scheduledEndAt!: Date;

  @Field(() => ConferenceStatus)
  status!: ConferenceStatus;

  @Field(() => Date, { nullable: true })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  endedAt!: Date | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Boolean, {
    description: 'Anyone may read its big numbers (`publicLiveCounter`), e.g. for a host portal’s embedded counter.',
  })
  publicCounter!: boolean;

  // Resolved by ConferenceResolver: organizingUnit, bridgePoints, live, timeline, attendance …
  organizingUnitId!: number;
  organizingUnitPath!: string;
  peakPresent!: number;
  peakPresentAt!: Date | null;
}

export const ConferenceConnection = connectionType('Conference', Conference, {
  connection: 'Conferences, latest scheduled start first.',
});

@ObjectType({
  description: 'A site (điểm cầu) of a conference: one unit, one operator console link, one check-in code.',
})
export class BridgePoint {
  @Field(() => ID)
  id!: number;

  @Field(() => String)
  displayName!: string;

  @Field(() => Boolean, { description: 'The host bridge point (điểm cầu chính); one per conference.' })
  host!: boolean;

  @Field(() => Int)
  expectedHeadcount!: number;

  @Field(() => String, { description: 'The short code participants type (or scan as a QR code) to check in.' })
  checkInCode!: string;

  @Field(() => Int, { nullable: true, description: 'The operator’s last reported headcount.' })
  reportedHeadcount!: number | null;

  @Field(() => Date, { nullable: true })
  reportedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When a console first connected.' })
  firstConnectedAt!: Date | null;

  @Field(() => Int, { description: 'Highest present count while the conference was LIVE.' })
  peakPresent!: number;

  @Field(() => Date, { nullable: true })
  peakPresentAt!: Date | null;

  @Field(() => Date)
  createdAt!: Date;

  conferenceId!: number;
  unitId!: number;
  unitPath!: string;
  operatorSelector!: string | null;
  operatorLinkCreatedAt!: Date | null;
}

export const BridgePointConnection = connectionType('BridgePoint', BridgePoint, {
  connection: 'Bridge points: the host first, then by unit level and name.',
});

@ObjectType({ description: 'Result of creating bridge points for every unit of some kinds under a unit.' })
export class BridgePointsCreated {
  @Field(() => Int)
  created!: number;

  @Field(() => Int, { description: 'Units that already had a bridge point in this conference.' })
  skipped!: number;

  @Field(() => [BridgePoint], { description: 'The new bridge points.' })
  bridgePoints!: BridgePoint[];
}

@ObjectType({ description: 'A person excused from the conference by their bridge point’s operator (vắng có lý do).' })
export class ExcusedAbsence {
  @Field(() => ID)
  id!: number;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  reason!: string;

  @Field(() => Date)
  recordedAt!: Date;

  bridgePointId!: number;
}

@ObjectType('LiveTotals', { description: 'Counts of a set of bridge points.' })
export class LiveTotalsType {
  @Field(() => Int)
  bridgePoints!: number;

  @Field(() => Int)
  connected!: number;

  @Field(() => Int)
  unstable!: number;

  @Field(() => Int)
  dropped!: number;

  @Field(() => Int)
  neverConnected!: number;

  @Field(() => Int, { description: 'Sum over bridge points of max(reported headcount, live check-ins).' })
  present!: number;

  @Field(() => Int)
  expected!: number;

  @Field(() => Int, { description: 'Participants checked in and online now.' })
  checkIns!: number;

  @Field(() => Int, { description: 'Reported headcounts of connected and unstable bridge points.' })
  reported!: number;
}

@ObjectType('LivePeak')
export class LivePeakType {
  @Field(() => Int)
  present!: number;

  @Field(() => Date)
  at!: Date;
}

@ObjectType('LiveBridgePoint', { description: 'A bridge point as the live counter sees it now.' })
export class LiveBridgePointType {
  @Field(() => ID)
  bridgePointId!: number;

  @Field(() => ID)
  unitId!: number;

  @Field(() => String)
  displayName!: string;

  @Field(() => Boolean)
  host!: boolean;

  @Field(() => BridgePointStatus)
  status!: BridgePointStatus;

  @Field(() => Int, { description: 'Operator consoles online.' })
  consoles!: number;

  @Field(() => Int, { nullable: true })
  reportedHeadcount!: number | null;

  @Field(() => Int, { description: 'Participants checked in and online (each person once).' })
  checkIns!: number;

  @Field(() => Int, {
    description: 'max(reported headcount, live check-ins); the report counts while connected or unstable.',
  })
  present!: number;

  @Field(() => Int)
  expected!: number;

  @Field(() => Date, { nullable: true, description: 'When the last console dropped (UNSTABLE, DROPPED).' })
  downSince!: Date | null;
}

@ObjectType('LiveRollupRow', {
  description:
    'Totals of the bridge points under one unit at the asked level (a bridge point above that level is its own group; ' +
    'nothing groups above the organizing unit).',
})
export class LiveRollupRowType {
  @Field(() => LiveTotalsType)
  totals!: LiveTotalsType;

  unitId!: number;
}

@ObjectType({ description: 'A sample of the conference’s totals, taken every 5 seconds while LIVE.' })
export class TimelineSample {
  @Field(() => Date)
  at!: Date;

  @Field(() => Int)
  bridgePoints!: number;

  @Field(() => Int)
  connected!: number;

  @Field(() => Int)
  unstable!: number;

  @Field(() => Int)
  present!: number;

  @Field(() => Int)
  expected!: number;

  @Field(() => Int)
  checkIns!: number;

  @Field(() => Int)
  reported!: number;
}

@ObjectType()
export class ConnectedInterval {
  @Field(() => Date)
  connectedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'Null while still connected.' })
  disconnectedAt!: Date | null;
}

@ObjectType({ description: 'One participant’s check-in (điểm danh) at a bridge point.' })
export class CheckIn {
  @Field(() => ID)
  id!: number;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  memberNumber!: string | null;

  @Field(() => Date)
  firstSeenAt!: Date;

  @Field(() => Date)
  lastSeenAt!: Date;

  @Field(() => Int, { description: 'Times the participant’s pages connected (reconnects and extra devices).' })
  connections!: number;

  bridgePointId!: number;
}

export const CheckInConnection = connectionType('CheckIn', CheckIn, {
  connection: 'Check-ins in the order people first arrived.',
});

@ObjectType({ description: 'The attendance record of one bridge point.' })
export class AttendanceBridgePoint {
  @Field(() => ID)
  bridgePointId!: number;

  @Field(() => String)
  unitCode!: string;

  @Field(() => String)
  unitName!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => Boolean)
  host!: boolean;

  @Field(() => Int)
  expectedHeadcount!: number;

  @Field(() => Int, { nullable: true })
  reportedHeadcount!: number | null;

  @Field(() => Int)
  peakPresent!: number;

  @Field(() => Date, { nullable: true })
  peakPresentAt!: Date | null;

  @Field(() => Int, { description: 'Distinct participants who checked in.' })
  checkIns!: number;

  @Field(() => Date, { nullable: true })
  firstConnectedAt!: Date | null;

  @Field(() => Int, { description: 'Seconds connected (intervals still open count up to now).' })
  connectedSeconds!: number;

  @Field(() => [ConnectedInterval])
  intervals!: ConnectedInterval[];

  @Field(() => [ExcusedAbsence])
  excusedAbsences!: ExcusedAbsence[];
}

@ObjectType()
export class AttendanceTotals {
  @Field(() => Int)
  bridgePoints!: number;

  @Field(() => Int)
  everConnected!: number;

  @Field(() => Int)
  neverConnected!: number;

  @Field(() => Int)
  expected!: number;

  @Field(() => Int, { description: 'Sum of the last reported headcounts.' })
  reported!: number;

  @Field(() => Int, { description: 'Distinct participants who checked in.' })
  checkIns!: number;

  @Field(() => Int)
  excusedAbsences!: number;

  @Field(() => Int)
  peakPresent!: number;

  @Field(() => Date, { nullable: true })
  peakPresentAt!: Date | null;
}

@ObjectType({ description: 'Who attended, per bridge point. Final once the conference has ENDED.' })
export class AttendanceReport {
  @Field(() => Boolean, { description: 'True once the conference has ENDED: the record no longer changes.' })
  final!: boolean;

  @Field(() => Date)
  generatedAt!: Date;

  @Field(() => AttendanceTotals)
  totals!: AttendanceTotals;

  @Field(() => [AttendanceBridgePoint])
  bridgePoints!: AttendanceBridgePoint[];
}

@ObjectType({ description: 'A file to download.' })
export class AttendanceFile {
  @Field(() => String)
  filename!: string;

  @Field(() => String)
  contentType!: string;

  @Field(() => String, { description: 'The file’s text (CSV, with its BOM).' })
  content!: string;
}

@ObjectType({
  description:
    'The live counter now: the same computation as the dashboard socket’s snapshot (compare `seq`). ' +
    'Roll-ups group bridge points by the ancestor of their unit at any level.',
})
export class ConferenceLive {
  @Field(() => ID)
  conferenceId!: number;

  @Field(() => ConferenceStatus)
  status!: ConferenceStatus;

  @Field(() => Int, { description: 'The last state published to dashboards.' })
  seq!: number;

  @Field(() => Date)
  at!: Date;

  @Field(() => LiveTotalsType)
  totals!: LiveTotalsType;

  @Field(() => LivePeakType, { nullable: true, description: 'The highest present total while LIVE, and when.' })
  peak!: LivePeakType | null;

  @Field(() => [LiveBridgePointType], { description: 'Every bridge point: the host first, then by level and name.' })
  bridgePoints!: LiveBridgePointType[];

  organizingUnitLevel!: number;
  rows!: LiveBridgePointRow[];
}

@ObjectType({
  description:
    'The big numbers of a conference whose organizer made them public (for `<diemcau-live-counter>` on a host ' +
    'portal): no names of sites or people.',
})
export class PublicLiveCounter {
  @Field(() => ID)
  conferenceId!: number;

  @Field(() => String)
  title!: string;

  @Field(() => ConferenceStatus)
  status!: ConferenceStatus;

  @Field(() => Date, { description: 'When the figures were computed (they may be a few seconds old).' })
  at!: Date;

  @Field(() => LiveTotalsType)
  totals!: LiveTotalsType;

  @Field(() => LivePeakType, { nullable: true })
  peak!: LivePeakType | null;
}
