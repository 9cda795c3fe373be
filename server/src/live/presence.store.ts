/**
 * Who is connected right now, counted by key rather than by socket. This is the one piece of live
 * state that a cluster must share: the multi-node deployment replaces `InMemoryPresenceStore` with a
 * PostgreSQL-backed store of the same interface, and nothing that calls it changes.
 *
 * Membership is a set of socket ids per key, so adding a socket twice or removing one that was never
 * added does nothing, and a disconnect that races a reconnect (old socket removed after the new one
 * was added) leaves the key present. Callers serialise the add and the remove of one socket.
 */
export interface PresenceStore {
  /** True when other processes count into the same store (a cluster): the leader decides, from its counts. */
  readonly shared: boolean;
  /** A console of a bridge point connected; resolves with the number of its consoles online after. */
  addConsole(conferenceId: number, bridgePointId: number, socketId: string): Promise<number>;
  /** A console disconnected; resolves with the number still online (0: the bridge point has no console). */
  removeConsole(conferenceId: number, bridgePointId: number, socketId: string): Promise<number>;
  /** A participant's page connected; resolves with how many of the participant's sockets are online after. */
  addParticipant(
    conferenceId: number,
    bridgePointId: number,
    participantKey: string,
    socketId: string,
  ): Promise<number>;
  /** Resolves with how many of the participant's sockets remain (0: the participant left). */
  removeParticipant(
    conferenceId: number,
    bridgePointId: number,
    participantKey: string,
    socketId: string,
  ): Promise<number>;
  /** Consoles and distinct participants online per bridge point (bridge points with neither are absent). */
  counts(conferenceId: number): Promise<Map<number, PresenceCount>>;
  /** This process's own connections to one bridge point, at once (no database). */
  localCount(conferenceId: number, bridgePointId: number): PresenceCount;
  /** A shared store: presence another process stored, for the leader's tally. */
  applyRemote?(stored: StoredPresence): void;
  /** Keys of the participants online now (to stamp their last-seen time when a conference ends). */
  participantsOnline(conferenceId: number): Promise<{ bridgePointId: number; participantKey: string }[]>;
  /** Forgets a conference (it ended). */
  clear(conferenceId: number): Promise<void>;
}

export type PresenceCount = { consoles: number; participants: number };

type BridgePointPresence = {
  consoles: Set<string> | null;
  /** participant key → socket ids */
  participants: Map<string, Set<string> | string> | null;
};

type ConferencePresence = Map<number, BridgePointPresence>;

/**
 * Single-process presence. Kept lean for 18,000 sockets: a participant with one socket holds the id
 * string itself, a Set only appears for a second device.
 */
export class InMemoryPresenceStore implements PresenceStore {
  readonly shared = false;
  readonly #conferences = new Map<number, ConferencePresence>();

  #bridgePoint(conferenceId: number, bridgePointId: number): BridgePointPresence {
    let conference = this.#conferences.get(conferenceId);
    if (!conference) {
      conference = new Map();
      this.#conferences.set(conferenceId, conference);
    }
    let bp = conference.get(bridgePointId);
    if (!bp) {
      bp = { consoles: null, participants: null };
      conference.set(bridgePointId, bp);
    }
    return bp;
  }

  #existing(conferenceId: number, bridgePointId: number): BridgePointPresence | undefined {
    return this.#conferences.get(conferenceId)?.get(bridgePointId);
  }

  async addConsole(conferenceId: number, bridgePointId: number, socketId: string): Promise<number> {
    const bp = this.#bridgePoint(conferenceId, bridgePointId);
    bp.consoles ??= new Set();
    bp.consoles.add(socketId);
    return bp.consoles.size;
  }

  async removeConsole(conferenceId: number, bridgePointId: number, socketId: string): Promise<number> {
    const bp = this.#existing(conferenceId, bridgePointId);
    if (!bp?.consoles) return 0;
    bp.consoles.delete(socketId);
    const left = bp.consoles.size;
    if (left === 0) bp.consoles = null;
    return left;
  }

  async addParticipant(conferenceId: number, bridgePointId: number, key: string, socketId: string): Promise<number> {
    const bp = this.#bridgePoint(conferenceId, bridgePointId);
    bp.participants ??= new Map();
    const sockets = bp.participants.get(key);
    if (sockets === undefined) {
      bp.participants.set(key, socketId);
      return 1;
    }
    if (typeof sockets === 'string') {
      if (sockets === socketId) return 1;
      bp.participants.set(key, new Set([sockets, socketId]));
      return 2;
    }
    sockets.add(socketId);
    return sockets.size;
  }

  async removeParticipant(conferenceId: number, bridgePointId: number, key: string, socketId: string): Promise<number> {
    const participants = this.#existing(conferenceId, bridgePointId)?.participants;
    const sockets = participants?.get(key);
    if (!participants || sockets === undefined) return 0;
    if (typeof sockets === 'string') {
      if (sockets !== socketId) return 1;
      participants.delete(key);
      return 0;
    }
    sockets.delete(socketId);
    if (sockets.size === 1) participants.set(key, sockets.values().next().value!);
    return sockets.size;
  }

  async counts(conferenceId: number): Promise<Map<number, PresenceCount>> {
    const out = new Map<number, PresenceCount>();
    for (const [bridgePointId, bp] of this.#conferences.get(conferenceId) ?? []) {
      const consoles = bp.consoles?.size ?? 0;
      const participants = bp.participants?.size ?? 0;
      if (consoles > 0 || participants > 0) out.set(bridgePointId, { consoles, participants });
    }
    return out;
  }

  async participantsOnline(conferenceId: number): Promise<{ bridgePointId: number; participantKey: string }[]> {
    const out: { bridgePointId: number; participantKey: string }[] = [];
    for (const [bridgePointId, bp] of this.#conferences.get(conferenceId) ?? []) {
      for (const participantKey of bp.participants?.keys() ?? []) out.push({ bridgePointId, participantKey });
    }
    return out;
  }

  async clear(conferenceId: number): Promise<void> {
    this.#conferences.delete(conferenceId);
  }

  localCount(conferenceId: number, bridgePointId: number): PresenceCount {
    const bp = this.#existing(conferenceId, bridgePointId);
    return { consoles: bp?.consoles?.size ?? 0, participants: bp?.participants?.size ?? 0 };
  }

  /** Conferences with anyone connected to this process. */
  conferenceIds(): number[] {
    return [...this.#conferences.keys()];
  }

  /** Every console socket (`c`, keyed by socket id) and participant (`p`, keyed by participant key) of a conference. */
  *entries(conferenceId: number): Generator<{ bridgePointId: number; kind: 'c' | 'p'; key: string }> {
    for (const [bridgePointId, bp] of this.#conferences.get(conferenceId) ?? []) {
      for (const key of bp.consoles ?? []) yield { bridgePointId, kind: 'c', key };
      for (const key of bp.participants?.keys() ?? []) yield { bridgePointId, kind: 'p', key };
    }
  }
}
/** One presence key added or removed by a process ('c' a console socket, 'p' a participant key). */
export type PresenceChange = {
  add: boolean;
  conferenceId: number;
  bridgePointId: number;
  kind: 'c' | 'p';
  key: string;
};

/** What one process stored, for the leader's tally: the changes, or (after a resync) the conferences to count again. */
export type StoredPresence = {
  node: string;
  changes: PresenceChange[];
  /** The process replaced all its rows: the leader reads these conferences from the table again. */
  resync?: number[];
};
