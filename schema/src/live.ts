/**
 * The live conference counter's shared model: what a dashboard receives, and the pure functions that
 * turn per-bridge-point rows into totals, problem lists and roll-ups by unit level. The server computes
 * its GraphQL and socket snapshots with these; a dashboard applies coalesced changes and rolls up with
 * the very same code, so the two can't disagree.
 */

/** Limits of what operators and participants may send. */
export const liveLimits = {
  /** Largest headcount an operator may report for one bridge point. */
  reportedHeadcountMax: 5000,
  participantNameMax: 100,
  memberNumberMax: 20,
  excusedNameMax: 100,
  excusedReasonMax: 300,
  /** Excused absences one bridge point may record. */
  excusedPerBridgePointMax: 500,
  checkInCodeLength: 6,
} as const;

/** Letters and digits that can't be mistaken for one another (no 0/O, 1/I/L). */
export const checkInCodeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/**
 * - `CONNECTED`: at least one operator console is online.
 * - `UNSTABLE`: the last console dropped less than the grace window (~10 s) ago; it may come back.
 * - `DROPPED`: was connected, has been gone longer than the grace window.
 * - `NEVER_CONNECTED`: no console has ever connected.
 */
export type BridgePointStatus = 'CONNECTED' | 'UNSTABLE' | 'DROPPED' | 'NEVER_CONNECTED';

export type ConferenceStatus = 'SCHEDULED' | 'LIVE' | 'ENDED';

/** One bridge point as the counter sees it right now. */
export type LiveBridgePointRow = {
  id: number;
  unitId: number;
  /** Unit ids from the root of the tree down to the bridge point's unit (for roll-ups by level). */
  unitPath: number[];
  displayName: string;
  host: boolean;
  status: BridgePointStatus;
  /** Operator consoles online (two consoles of one bridge point still count it once). */
  consoles: number;
  /** The operator's last reported headcount, `null` before any report. */
  reportedHeadcount: number | null;
  /** Participants checked in and online now (each person once, however many devices). */
  checkIns: number;
  /** max(reported headcount while connected or unstable, live check-ins). */
  present: number;
  expected: number;
  /** ISO time the last console dropped (UNSTABLE and DROPPED), else null. */
  downSince: string | null;
};

/** A unit a roll-up may group by: the organizing unit and everything between it and the bridge points. */
export type LiveUnit = { id: number; code: string; name: string; level: number };

export type LiveTotals = {
  bridgePoints: number;
  connected: number;
  unstable: number;
  dropped: number;
  neverConnected: number;
  present: number;
  expected: number;
  checkIns: number;
  /** Sum of reported headcounts that count (connected or unstable bridge points). */
  reported: number;
};

export type LivePeak = { present: number; at: string } | null;

/** The full state a dashboard receives on join (and on `dashboard:resync`). */
export type LiveSnapshot = {
  conferenceId: number;
  status: ConferenceStatus;
  /** Increases with every published state; a dashboard that sees a gap asks for a resync. */
  seq: number;
  /** ISO time the state was computed. */
  at: string;
  totals: LiveTotals;
  peak: LivePeak;
  /** Every bridge point, in display order (host first, then by unit path). */
  bridgePoints: LiveBridgePointRow[];
  /** Units from the organizing unit down to the bridge points' units. */
  units: LiveUnit[];
  organizingUnitLevel: number;
};

/** What changed since the state numbered `seq - 1`: whole rows, replacing the old ones. */
export type LiveChanges = {
  conferenceId: number;
  status: ConferenceStatus;
  seq: number;
  at: string;
  totals: LiveTotals;
  peak: LivePeak;
  bridgePoints: LiveBridgePointRow[];
};

export type LiveRollupRow = {
  unitId: number;
  /** Bridge points grouped under this unit. */
  totals: LiveTotals;
};

export function emptyTotals(): LiveTotals {
  return {
    bridgePoints: 0,
    connected: 0,
    unstable: 0,
    dropped: 0,
    neverConnected: 0,
    present: 0,
    expected: 0,
    checkIns: 0,
    reported: 0,
  };
}

function addRow(totals: LiveTotals, row: LiveBridgePointRow): void {
  totals.bridgePoints += 1;
  if (row.status === 'CONNECTED') totals.connected += 1;
  else if (row.status === 'UNSTABLE') totals.unstable += 1;
  else if (row.status === 'DROPPED') totals.dropped += 1;
  else totals.neverConnected += 1;
  totals.present += row.present;
  totals.expected += row.expected;
  totals.checkIns += row.checkIns;
  if (row.status === 'CONNECTED' || row.status === 'UNSTABLE') totals.reported += row.reportedHeadcount ?? 0;
}

/** Whether an operator's reported headcount counts towards `present` for a bridge point in this state. */
export function reportCounts(status: BridgePointStatus): boolean {
  return status === 'CONNECTED' || status === 'UNSTABLE';
}

/** present = max(reported headcount while connected or unstable, live check-ins). */
export function presentOf(status: BridgePointStatus, reportedHeadcount: number | null, checkIns: number): number {
  return Math.max(reportCounts(status) ? (reportedHeadcount ?? 0) : 0, checkIns);
}

export function liveTotals(rows: Iterable<LiveBridgePointRow>): LiveTotals {
  const totals = emptyTotals();
  for (const row of rows) addRow(totals, row);
  return totals;
}

/** The unit a bridge point is grouped under at `level` (never above the organizing unit, never below its own unit). */
export function rollupUnitId(row: LiveBridgePointRow, level: number, organizingUnitLevel: number): number {
  const at = Math.min(Math.max(level, organizingUnitLevel), row.unitPath.length);
  return row.unitPath[at - 1]!;
}

/** Totals grouped by the ancestor at `level` of each bridge point's unit, biggest present first. */
export function rollUpLive(
  rows: Iterable<LiveBridgePointRow>,
  level: number,
  organizingUnitLevel: number,
): LiveRollupRow[] {
  const groups = new Map<number, LiveTotals>();
  for (const row of rows) {
    const unitId = rollupUnitId(row, level, organizingUnitLevel);
    let totals = groups.get(unitId);
    if (!totals) {
      totals = emptyTotals();
      groups.set(unitId, totals);
    }
    addRow(totals, row);
  }
  return [...groups.entries()]
    .map(([unitId, totals]) => ({ unitId, totals }))
    .sort((a, b) => b.totals.present - a.totals.present || a.unitId - b.unitId);
}

/** Bridge points never connected (display order), and those dropped, longest-down first. */
export function liveProblems(rows: Iterable<LiveBridgePointRow>): {
  neverConnected: LiveBridgePointRow[];
  dropped: LiveBridgePointRow[];
} {
  const neverConnected: LiveBridgePointRow[] = [];
  const dropped: LiveBridgePointRow[] = [];
  for (const row of rows) {
    if (row.status === 'NEVER_CONNECTED') neverConnected.push(row);
    else if (row.status === 'DROPPED') dropped.push(row);
  }
  dropped.sort((a, b) => (a.downSince ?? '').localeCompare(b.downSince ?? '') || a.id - b.id);
  return { neverConnected, dropped };
}

/**
 * Applies a `dashboard:changes` message to a snapshot. Returns `null` when the message does not follow
 * the snapshot (a gap in `seq`): the dashboard then asks for a resync.
 */
export function applyLiveChanges(snapshot: LiveSnapshot, changes: LiveChanges): LiveSnapshot | null {
  if (changes.conferenceId !== snapshot.conferenceId) return null;
  if (changes.seq <= snapshot.seq) return snapshot;
  if (changes.seq !== snapshot.seq + 1) return null;
  const byId = new Map(changes.bridgePoints.map((row) => [row.id, row]));
  return {
    ...snapshot,
    status: changes.status,
    seq: changes.seq,
    at: changes.at,
    totals: changes.totals,
    peak: changes.peak,
    bridgePoints: snapshot.bridgePoints.map((row) => byId.get(row.id) ?? row),
  };
}

/**
 * The key that makes one participant count once: the normalised member number when given, else the
 * normalised name (Unicode NFC, case-folded, spaces collapsed; diacritics kept, they tell names apart).
 */
export function participantKey(name: string, memberNumber?: string | null): string {
  const number = normaliseMemberNumber(memberNumber);
  if (number) return `m:${number}`;
  return `n:${normaliseParticipantName(name).toLocaleLowerCase('vi')}`;
}

export function normaliseParticipantName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ');
}

export function normaliseMemberNumber(memberNumber?: string | null): string | null {
  if (!memberNumber) return null;
  const clean = memberNumber
    .normalize('NFC')
    .replace(/[\s.\-/]/g, '')
    .toUpperCase();
  return clean || null;
}

/** Upper-cases a typed check-in code and drops spaces and dashes. */
export function normaliseCheckInCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}
