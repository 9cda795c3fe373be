/**
 * One load process of `pnpm bench live` (started by `live.ts` with an IPC channel, never by hand): a
 * lean Socket.IO client — the engine.io v4 websocket transport over `ws`, no socket.io-client — that
 * opens one websocket per job, joins the job's namespace with its auth, answers the server's pings and
 * keeps the socket open until told to close. Like socket.io-client it tries again after a jittered,
 * capped back-off when the server refuses a new connection (busy: HTTP 403 at the handshake) and,
 * with `reconnect`, when the server drops a joined socket (a killed process).
 *
 * Parent → child: `{ type: 'start', ... }`, then `{ type: 'close' }`.
 * Child → parent: `{ type: 'ready' }`, `{ type: 'joined', ... }` once every job has an answer,
 * `{ type: 'closed' }`.
 */
import WebSocket from 'ws';

export type LoadStart = {
  type: 'start';
  /** `ws://127.0.0.1:<port>/socket.io/?EIO=4&transport=websocket` */
  url: string;
  /** Namespace connect packets, e.g. `40/participant,{"conferenceId":1,"code":"ABCDEF","name":"…"}`. */
  packets: string[];
  /** Joins in flight at once (from opening the websocket to the namespace's answer). */
  concurrency: number;
  /**
   * Source addresses of this process's sockets (any 127.x.y.z), used in turn: phases don't share
   * ephemeral ports, and no address holds more than a few thousand sockets. Linux picks the port of a
   * bound socket by scanning half the port range for a free one (`inet_csk_find_open_port`); with
   * 17,000 sockets on one address that scan ran to the end of a full half on every connect and the
   * load processes spent most of their time in the kernel.
   */
  localAddresses: string[];
  /** Come back after the server drops a joined socket. */
  reconnect: boolean;
};

export type LoadJoined = {
  type: 'joined';
  /** Per job, epoch ms (sub-ms precision): the websocket was opened / the namespace packet sent / answered. */
  openedAt: number[];
  sentAt: number[];
  ackAt: number[];
  /** Per job: true when the namespace accepted it. */
  ok: boolean[];
  failures: number;
  /** A few failure reasons, for the report. */
  reasons: string[];
  /** Sockets closed by the server or the network after they had joined. */
  dropped: number;
  /** Handshakes refused as busy and tried again. */
  retries: number;
};

const now = () => performance.timeOrigin + performance.now();

function send(message: object): void {
  process.send?.(message);
}

const sockets = new Set<WebSocket>();
let closing = false;
let dropped = 0;
let retries = 0;
let rejoined = 0;
const timers = new Set<NodeJS.Timeout>();

/** socket.io-client's defaults: 1 s doubling up to 5 s, ±50%. */
function backoff(attempt: number): number {
  const base = Math.min(5000, 1000 * 2 ** attempt);
  return base * (0.5 + Math.random());
}

function later(ms: number, fn: () => void): void {
  const timer = setTimeout(() => {
    timers.delete(timer);
    if (!closing) fn();
  }, ms);
  timers.add(timer);
}

function run(start: LoadStart): Promise<LoadJoined> {
  const n = start.packets.length;
  const openedAt = new Array<number>(n).fill(0);
  const sentAt = new Array<number>(n).fill(0);
  const ackAt = new Array<number>(n).fill(0);
  const ok = new Array<boolean>(n).fill(false);
  const reasons: string[] = [];
  let failures = 0;
  let next = 0;
  let answered = 0;

  return new Promise((resolve) => {
    const finish = () => {
      answered += 1;
      if (answered === n) resolve({ type: 'joined', openedAt, sentAt, ackAt, ok, failures, reasons, dropped, retries });
      else launch();
    };
    const fail = (i: number, reason: string) => {
      failures += 1;
      if (reasons.length < 5) reasons.push(reason);
      ackAt[i] = now();
      finish();
    };
    const open = (i: number, attempt = 0, rejoin = false) => {
      const packet = start.packets[i]!;
      // A first join gives up after 20 tries (a failed join, counted); a client coming back after its
      // server died keeps trying, as socket.io-client does (reconnectionAttempts: Infinity).
      const mayRetry = rejoin || attempt < 20;
      const prefix = packet.slice(2, packet.indexOf(',') + 1); // "/participant,"
      let state: 'opening' | 'joining' | 'joined' | 'failed' | 'retrying' = 'opening';
      // A retry keeps the first attempt's time: the wait counts in the delays.
      if (attempt === 0 && !rejoin) openedAt[i] = now();
      const ws = new WebSocket(start.url, {
        localAddress: start.localAddresses[i % start.localAddresses.length],
        perMessageDeflate: false,
      });
      sockets.add(ws);
      const retry = () => {
        state = 'retrying';
        sockets.delete(ws);
        ws.terminate();
        retries += 1;
        later(backoff(attempt), () => open(i, attempt + 1, rejoin));
      };
      // As socket.io-client's `timeout` (20 s): an attempt that gets no answer is abandoned and retried.
      const deadline = setTimeout(() => {
        if ((state === 'opening' || state === 'joining') && mayRetry) retry();
      }, 20_000);
      ws.once('close', () => clearTimeout(deadline));
      ws.on('unexpected-response', (_req, res) => {
        // Refused at the handshake (busy, or restarting): as socket.io-client, try again later.
        res.resume();
        if (state === 'opening' && mayRetry) retry();
        else if (state === 'opening') {
          state = 'failed';
          rejoin ? undefined : fail(i, `HTTP ${res.statusCode}`);
        }
      });
      ws.on('message', (data: WebSocket.RawData) => {
        const text = data.toString();
        if (text === '2') {
          ws.send('3');
          return;
        }
        if (state === 'opening' && text.startsWith('0')) {
          state = 'joining';
          sentAt[i] = now();
          ws.send(packet);
          return;
        }
        if (state === 'joining') {
          if (text.startsWith(`40${prefix}`)) {
            state = 'joined';
            clearTimeout(deadline);
            if (rejoin) {
              rejoined += 1;
              return;
            }
            ackAt[i] = now();
            ok[i] = true;
            finish();
          } else if (text.startsWith(`44${prefix}`) && text.includes('UNAVAILABLE') && mayRetry) {
            // The server is restarting or its database is away: the client tries again.
            retry();
          } else if (text.startsWith(`44${prefix}`)) {
            state = 'failed';
            ws.close();
            if (!rejoin) fail(i, text.slice(0, 200));
          }
        }
        // Events of a joined socket (`42/…`) are read and dropped, as a page that only shows them.
      });
      ws.on('error', (error: Error) => {
        if (state === 'opening' && rejoin) {
          retry();
        } else if (state === 'opening' || state === 'joining') {
          state = 'failed';
          if (!rejoin) fail(i, `${error.message}`);
        }
      });
      ws.on('close', () => {
        sockets.delete(ws);
        if (state === 'opening' || state === 'joining') {
          if (rejoin) {
            retry();
            return;
          }
          state = 'failed';
          if (!rejoin) fail(i, 'closed before joining');
        } else if (state === 'joined' && !closing) {
          dropped += 1;
          if (start.reconnect) later(backoff(0), () => open(i, 0, true));
        }
      });
    };
    const launch = () => {
      if (next < n) open(next++);
    };
    if (n === 0) resolve({ type: 'joined', openedAt, sentAt, ackAt, ok, failures, reasons, dropped, retries });
    for (let k = 0; k < Math.min(start.concurrency, n); k += 1) launch();
  });
}

process.on('message', (message: LoadStart | { type: 'close' } | { type: 'stats' }) => {
  if (message.type === 'start') {
    void run(message).then((joined) => send({ ...joined, dropped }));
  } else if (message.type === 'stats') {
    send({ type: 'stats', dropped, rejoined, open: sockets.size });
  } else if (message.type === 'close') {
    closing = true;
    for (const timer of timers) clearTimeout(timer);
    for (const ws of sockets) ws.terminate();
    send({ type: 'closed', dropped, rejoined });
    setTimeout(() => process.exit(0), 50);
  }
});
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });
