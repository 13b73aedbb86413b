/**
 * The benchmark's WebSocket clients, in a child process of bench/live.bench.ts (forked with IPC):
 * groups of `ws` clients (one group per server under test) that connect with a cookie each and a
 * same-origin Origin header, stamp every frame the moment their 'message' handler runs, and
 * report what they got when asked.
 *
 * Clock: process.hrtime.bigint() is CLOCK_MONOTONIC on Linux, one system-wide clock shared by
 * every process of the machine (unlike performance.now(), whose zero is each process's own start).
 * The parent sends its reading of that clock as `base`; every process reports milliseconds since
 * it, so a receipt here and a commit stamped in a server process are on the same time line.
 *
 * Not run on its own: `npm run bench:live` starts it.
 */
import { createHash, type Hash } from 'node:crypto';
import WebSocket from 'ws';

export type ToClients =
  | { type: 'connect'; group: string; url: string; origin: string; cookies: string[]; base: string }
  | { type: 'expect'; group: string; events: number }
  | { type: 'report'; group: string }
  | { type: 'close'; group: string }
  | { type: 'exit' };

export interface ClientReport {
  /** Event ids, entity ids and receipt times (ms since base), in the order the frames arrived. */
  eventIds: number[];
  entityIds: number[];
  at: Float64Array;
  /** Bytes of the event frames' payloads. */
  bytes: number;
  /** Close code if the server closed this client, else null. */
  closedWith: number | null;
}

export type FromClients =
  | { type: 'connected'; group: string; open: number; failures: string[] }
  | { type: 'complete'; group: string }
  | { type: 'report'; group: string; clients: ClientReport[]; firstClientFramesSha256: string }
  | { type: 'closed'; group: string };

/** Connections opened at once: well under the listen backlog (511), so no SYN is dropped and retried. */
const CONNECT_BATCH = 50;
const CONNECT_TIMEOUT_MS = 15_000;

interface Client {
  socket: WebSocket;
  eventIds: number[];
  entityIds: number[];
  at: number[];
  bytes: number;
  closedWith: number | null;
  /** Only the first client of a group hashes its frames: proof that both servers sent the same bytes. */
  hash: Hash | null;
}

interface Group {
  clients: Client[];
  /** Events every client should have by now, and how many have them. */
  expected: number;
  complete: number;
}

let base = 0n;
const groups = new Map<string, Group>();

const send = (message: FromClients): void => {
  process.send!(message);
};

function checkComplete(name: string, group: Group): void {
  if (group.complete === group.clients.length) {
    group.expected = Infinity; // announced once
    send({ type: 'complete', group: name });
  }
}

function open(name: string, group: Group, url: string, origin: string, cookie: string, first: boolean): Promise<Client | string> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { headers: { cookie }, origin, perMessageDeflate: false, handshakeTimeout: CONNECT_TIMEOUT_MS });
    const client: Client = { socket, eventIds: [], entityIds: [], at: [], bytes: 0, closedWith: null, hash: first ? createHash('sha256') : null };
    socket.on('message', (data: Buffer) => {
      // Stamp first: everything after this line is the client's own work.
      const at = Number(process.hrtime.bigint() - base) / 1e6;
      const text = data.toString('utf8');
      const message = JSON.parse(text) as { type: string; id?: number; entityId?: number | null };
      if (message.type !== 'event') return;
      client.eventIds.push(message.id ?? -1);
      client.entityIds.push(message.entityId ?? -1);
      client.at.push(at);
      client.bytes += data.length;
      client.hash?.update(text).update('\n');
      if (client.at.length === group.expected) {
        group.complete += 1;
        checkComplete(name, group);
      }
    });
    socket.once('open', () => resolve(client));
    socket.once('unexpected-response', (_req, res) => {
      resolve(`HTTP ${res.statusCode}`);
      socket.terminate();
    });
    socket.on('error', (error) => resolve(error.message));
    socket.on('close', (code) => {
      client.closedWith = code;
    });
  });
}

async function connect(message: Extract<ToClients, { type: 'connect' }>): Promise<void> {
  base = BigInt(message.base);
  const group: Group = { clients: [], expected: Infinity, complete: 0 };
  groups.set(message.group, group);
  const failures: string[] = [];
  for (let i = 0; i < message.cookies.length; i += CONNECT_BATCH) {
    const batch = message.cookies.slice(i, i + CONNECT_BATCH).map((cookie, j) => open(message.group, group, message.url, message.origin, cookie, i + j === 0));
    for (const result of await Promise.all(batch)) {
      if (typeof result === 'string') failures.push(result);
      else group.clients.push(result);
    }
  }
  send({ type: 'connected', group: message.group, open: group.clients.length, failures });
}

function report(name: string): void {
  const clients = groups.get(name)?.clients ?? [];
  send({
    type: 'report',
    group: name,
    clients: clients.map((c) => ({ eventIds: c.eventIds, entityIds: c.entityIds, at: Float64Array.from(c.at), bytes: c.bytes, closedWith: c.closedWith })),
    firstClientFramesSha256: clients[0]?.hash?.copy().digest('hex') ?? '',
  });
}

async function close(name: string): Promise<void> {
  const clients = groups.get(name)?.clients ?? [];
  groups.delete(name);
  await Promise.all(
    clients.map(
      (c) =>
        new Promise<void>((resolve) => {
          if (c.socket.readyState === WebSocket.CLOSED) return resolve();
          c.socket.once('close', () => resolve());
          c.socket.close(1000, 'bench done');
          // A server that does not answer the close handshake is not waited for.
          setTimeout(() => {
            c.socket.terminate();
            resolve();
          }, 2_000).unref();
        }),
    ),
  );
  send({ type: 'closed', group: name });
}

process.on('message', (message: ToClients) => {
  switch (message.type) {
    case 'connect':
      void connect(message);
      break;
    case 'expect': {
      const group = groups.get(message.group);
      if (!group) break;
      group.expected = message.events;
      group.complete = group.clients.filter((c) => c.at.length >= message.events).length;
      checkComplete(message.group, group);
      break;
    }
    case 'report':
      report(message.group);
      break;
    case 'close':
      void close(message.group);
      break;
    case 'exit':
      for (const group of groups.values()) for (const c of group.clients) c.socket.terminate();
      process.disconnect();
      break;
  }
});
// The parent went away (Ctrl-C, crash): do not linger.
process.on('disconnect', () => process.exit(0));
