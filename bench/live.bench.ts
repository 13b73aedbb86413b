/**
 * npm run bench:live — commit→receipt latency of the live endpoint with many clients, against the
 * floor (the same frames fanned out by a bare `ws` server), in one run. Prints figures; not a test.
 * LIVE_CLIENTS (default 500) clients per server; LIVE_WRITES (default 200) measured writes.
 *
 * Three processes on one machine:
 * - this one is the server under test: the real app (buildApp over a temp database FILE,
 *   listening on 127.0.0.1:0), and it makes the writes;
 * - bench/live-floor.ts: the floor, a bare ws WebSocketServer, in a process of its own so that
 *   each server's memory is its own and neither shares a heap or event loop with the other;
 * - bench/live-clients.ts: every client of both servers. Clients on other machines would not share
 *   the servers' CPU; a separate process is the closest loopback gets to that on a 2-core box
 *   (client work still competes for the machine, equally for the app and the floor).
 *
 * The writes: createBooking through the real use case on the server's own connection, in the
 * server's process, one every INTERVAL_MS. Not over HTTP, because what is measured starts at the
 * commit: in-process, the commit is stamped exactly by a listener on the same commit hook the live
 * plugin drains from (onCommit, called right after the write transaction commits). An HTTP client
 * could only stamp its request or its response, and the plugin drains *after* the response has
 * been handed to the socket, so neither stamp is the commit; an HTTP client would also add CPU
 * work that the floor does not have. (Over HTTP the app would add, between commit and drain, the
 * rest of the request: reading the booking back and serialising the reply. Here only the reading
 * back remains.)
 *
 * The clock: process.hrtime.bigint() (CLOCK_MONOTONIC, one system-wide clock on Linux) in every
 * process, as ms since a base reading this process hands out; see bench/live-clients.ts. A latency
 * is receipt (first line of the client's 'message' handler) minus commit, per (client, event).
 *
 * The floor gets its own set of as many clients, the same frames byte for byte (the event rows
 * the app just wrote, serialised as the hub serialises them; the first client of each set hashes
 * what it receives, to prove it), the same warm-up and the same cadence. Its "commit" is the
 * moment before its broadcast loop: no database, no hub, no setImmediate between write and send.
 *
 * Interleaving: this machine is shared, and other work comes and goes within seconds, so app and
 * floor run in alternating blocks of BLOCK writes (app block k, then floor block k with the same
 * frames, …) instead of one after the other: both see the same background load. Within a block the
 * stream is steady; between blocks each waits until its clients have everything.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../server/app.js';
import { readConfig, type Config } from '../server/config.js';
import { onCommit, openDatabase, type Db } from '../server/db/connection.js';
import { systemActor, type Actor } from '../server/domain/actor.js';
import { systemClock } from '../server/system-clock.js';
import type { Role } from '../server/domain/permissions.js';
import { eventMessage } from '../server/realtime/messages.js';
import { createBooking, type BookingInput } from '../server/usecases/bookings.js';
import { createCampus } from '../server/usecases/campuses.js';
import type { UseCaseContext } from '../server/usecases/context.js';
import { createSchool } from '../server/usecases/schools.js';
import { startSession } from '../server/usecases/sessions.js';
import { createSpace } from '../server/usecases/spaces.js';
import type { ClientReport, FromClients, ToClients } from './live-clients.js';
import type { FromFloor, GcSummary, ToFloor } from './live-floor.js';
import { fmt, fullGc, load, machine, mb, percentile, stopObservers } from './stats.js';

function envCount(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

const CLIENTS = envCount('LIVE_CLIENTS', 500);
const WRITES = envCount('LIVE_WRITES', 200);
/** Unmeasured writes first, for each server: JIT, socket buffers and the client process warm up. */
const WARMUP = 20;
/** One write every INTERVAL_MS (50 a second), each fanned out to every client of that server. */
const INTERVAL_MS = 20;
/** Writes per block of the app/floor alternation. */
const BLOCK = 20;
const TARGET_P99_MS = 100;
const MAX_RATIO = 2;
/** How long to wait, after a block's last write, for every client to have every event. */
const DELIVERY_TIMEOUT_MS = 15_000;
const SPACES = 10;
const HOURS_PER_DAY = 12;
const ZONE = 'America/Los_Angeles';
const ROLES: Role[] = ['viewer', 'council', 'lead', 'principal', 'admin'];

// ---- one clock for every process ----------------------------------------------------------
const base = process.hrtime.bigint();
const now = (): number => Number(process.hrtime.bigint() - base) / 1e6;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));
/** A deadline to race against: does not keep the process alive once the race is decided. */
const deadline = (ms: number) => new Promise<null>((resolve) => setTimeout(() => resolve(null), ms).unref());

// ---- GC pauses in this (the app's) process, from the first measured write on ---------------
const appGc: GcSummary = { count: 0, totalMs: 0, maxMs: 0 };
let countingGc = false;
const gcObserver = new PerformanceObserver((list) => {
  if (!countingGc) return;
  for (const e of list.getEntries()) {
    appGc.count += 1;
    appGc.totalMs += e.duration;
    appGc.maxMs = Math.max(appGc.maxMs, e.duration);
  }
});
gcObserver.observe({ entryTypes: ['gc'] });

// ---- child processes ----------------------------------------------------------------------
/** A forked helper and its replies, each awaited by type (and client group, when it has one). */
class Child<To, From extends { type: string }> {
  private readonly child: ChildProcess;
  private readonly waiting = new Map<string, (message: From) => void>();

  constructor(script: string) {
    // execArgv is inherited, so the child runs under tsx like this process.
    this.child = fork(fileURLToPath(new URL(script, import.meta.url)), [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (message: From) => {
      const key = `${message.type}:${(message as { group?: string }).group ?? ''}`;
      const resolve = this.waiting.get(key);
      this.waiting.delete(key);
      resolve?.(message);
    });
    this.child.on('exit', (code) => {
      if (code !== 0 && code !== null) console.error(`${script} exited with ${code}`);
    });
  }

  /** Resolves with the next reply of this type (and group), or null after timeoutMs. Call before send. */
  next<T extends From['type']>(type: T, timeoutMs: number, group = ''): Promise<Extract<From, { type: T }> | null> {
    const key = `${type}:${group}`;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(key);
        resolve(null);
      }, timeoutMs).unref();
      this.waiting.set(key, (message) => {
        clearTimeout(timer);
        resolve(message as Extract<From, { type: T }>);
      });
    });
  }

  async ask<T extends From['type']>(message: To, type: T, timeoutMs: number, group = ''): Promise<Extract<From, { type: T }>> {
    const reply = this.next(type, timeoutMs, group);
    this.send(message);
    const answer = await reply;
    if (!answer) throw new Error(`no ${type} reply within ${timeoutMs} ms`);
    return answer;
  }

  send(message: To): void {
    this.child.send(message as object);
  }

  async exit(message: To): Promise<void> {
    if (this.child.exitCode !== null || !this.child.connected) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.send(message);
    await Promise.race([exited, deadline(3_000)]);
    if (this.child.exitCode === null) this.child.kill();
  }
}

// ---- the app: campus, people, sessions ---------------------------------------------------
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

interface AppSetup {
  app: FastifyInstance;
  db: Db;
  campusId: number;
  cookies: string[];
  writer: UseCaseContext;
  spaceIds: number[];
  schoolId: number;
  firstDay: number;
}

async function setUpApp(file: string): Promise<AppSetup> {
  const db = openDatabase(file);
  const config: Config = {
    ...readConfig({ NODE_ENV: 'production' }),
    databasePath: file,
    seed: 'none',
    logLevel: 'silent',
    cookieSecure: false,
    // Every client connects from 127.0.0.1: the per-address limit must not refuse the 500th.
    rateLimitPerMinute: 1_000_000,
  };
  const app = await buildApp({ config, db, clock: systemClock });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const repos = app.commons.repos;
  const system: UseCaseContext = { repos, clock: systemClock, actor: systemActor };
  const today = Date.parse(`${isoDate(Date.now())}T00:00:00Z`);
  const campus = createCampus(system, { name: 'Live Bench Campus', timeZone: ZONE, yearStart: isoDate(today), yearEnd: isoDate(today + 364 * 86_400_000) });
  const schools = [
    createSchool(system, campus.id, { name: 'Jefferson SLC', locationCode: '8801', kind: 'slc', enrollment: 340 }).id,
    createSchool(system, campus.id, { name: 'Lincoln Academy', locationCode: '8802', kind: 'autonomous', enrollment: 380 }).id,
    createSchool(system, campus.id, { name: 'Building Office', locationCode: '8800', kind: 'building', enrollment: 0 }).id,
  ];
  const spaceIds = Array.from({ length: SPACES }, (_, i) =>
    createSpace(system, campus.id, { name: `Room ${101 + i}`, kind: 'classroom', capacity: 60, parentId: null, setupMinutes: 0, teardownMinutes: 0, openHours: null }).id);

  // People with every role, a session each, straight into the database as tests/helpers/session.ts
  // does it, in one transaction: signing in is not what is measured.
  const cookies: string[] = [];
  const at = Date.now();
  db.$client.transaction(() => {
    for (let i = 0; i < CLIENTS; i++) {
      const role = ROLES[i % ROLES.length] as Role;
      const schoolId = role === 'principal' ? (schools[2] as number) : role === 'lead' || role === 'council' ? (schools[i % 2] as number) : null;
      const user = repos.users.insert({ email: `person${i}@bench.test`, name: `Person ${i}`, passwordHash: '-', createdAt: at, updatedAt: at });
      repos.users.addMembership({ userId: user.id, campusId: campus.id, role, schoolId, createdAt: at });
      const { token } = startSession({ repos, clock: systemClock }, user, app.sessionPolicy, { userAgent: 'bench:live', ip: '127.0.0.1' });
      cookies.push(`${app.sessionCookie.name}=${token}`);
    }
  })();
  const writerUser = repos.users.insert({ email: 'writer@bench.test', name: 'Writer', passwordHash: '-', createdAt: at, updatedAt: at });
  repos.users.addMembership({ userId: writerUser.id, campusId: campus.id, role: 'lead', schoolId: schools[0] as number, createdAt: at });
  const writerActor: Actor = { userId: writerUser.id, memberships: [{ campusId: campus.id, role: 'lead', schoolId: schools[0] as number }], system: false };
  return { app, db, campusId: campus.id, cookies, writer: { repos, clock: systemClock, actor: writerActor }, spaceIds, schoolId: schools[0] as number, firstDay: today + 86_400_000 };
}

/** Write i: a one-hour booking, each in a slot of its own (space, then hour, then day). */
function bookingInput(s: AppSetup, i: number): BookingInput {
  const space = s.spaceIds[i % s.spaceIds.length] as number;
  const k = Math.floor(i / s.spaceIds.length);
  const hour = 8 + (k % HOURS_PER_DAY);
  const day = isoDate(s.firstDay + Math.floor(k / HOURS_PER_DAY) * 86_400_000);
  const hh = (h: number) => String(h).padStart(2, '0');
  return { spaceId: space, schoolId: s.schoolId, title: `Live bench ${i}`, purpose: 'benchmark', attendees: 20, start: `${day}T${hh(hour)}:00`, end: `${day}T${hh(hour + 1)}:00`, rrule: null, exdates: [] };
}

// ---- measuring ------------------------------------------------------------------------------
interface Memory {
  rss: number;
  heapUsed: number;
}

function appMemory(gc: boolean): Memory {
  if (gc) fullGc();
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed };
}

interface Side {
  name: string;
  connected: number;
  failures: string[];
  /** Connections the server itself still counted at the end (hub subscribers, ws clients). */
  serverSaw: number;
  memory: { before: Memory; connected: Memory; after: Memory; afterGc: Memory };
  /** entity id → commit time (ms since base). */
  commits: Map<number, number>;
  fanoutMs: number[];
  gc: GcSummary;
  lateWrites: number;
  report: ClientReport[];
  sha256: string;
}

interface Result {
  latencies: number[];
  perClient: number[];
  inOrder: number;
  closedByServer: number;
  frameBytes: number;
}

function analyse(side: Side, measured: Set<number>, total: number): Result {
  const latencies: number[] = [];
  let inOrder = 0;
  for (const client of side.report) {
    let ordered = client.eventIds.length === total;
    for (let j = 0; j < client.eventIds.length; j++) {
      if (j > 0 && (client.eventIds[j] as number) <= (client.eventIds[j - 1] as number)) ordered = false;
      const entityId = client.entityIds[j] as number;
      if (!measured.has(entityId)) continue;
      latencies.push((client.at[j] as number) - (side.commits.get(entityId) as number));
    }
    if (ordered) inOrder += 1;
  }
  const frames = side.report.reduce((n, c) => n + c.eventIds.length, 0);
  return {
    latencies,
    perClient: side.report.map((c) => c.eventIds.length),
    inOrder,
    closedByServer: side.report.filter((c) => c.closedWith !== null).length,
    frameBytes: frames === 0 ? 0 : side.report.reduce((n, c) => n + c.bytes, 0) / frames,
  };
}

// ---- printing ----------------------------------------------------------------------------
const ms = (x: number) => `${fmt(x)} ms`;
/** Math.max(...xs) overflows the stack with 100k samples. */
const largest = (xs: readonly number[]) => xs.reduce((m, x) => Math.max(m, x), -Infinity);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const memLine = (m: Side['memory']) =>
  `rss ${mb(m.before.rss)} → ${mb(m.connected.rss)} → ${mb(m.after.rss)}; heapUsed ${mb(m.before.heapUsed)} → ${mb(m.connected.heapUsed)} → ${mb(m.after.heapUsed)} (${mb(m.afterGc.heapUsed)} after GC)`;
const row = (cells: string[]) => `  ${(cells[0] as string).padEnd(22)}${cells.slice(1).map((c) => c.padStart(10)).join('')}`;

function deliveryLine(side: Side, r: Result, total: number): string {
  const complete = r.perClient.filter((n) => n === total).length;
  const problems = [
    side.connected < CLIENTS ? `${CLIENTS - side.connected} failed to connect (${[...new Set(side.failures)].join(', ')})` : '',
    side.serverSaw !== side.connected ? `the server counted ${side.serverSaw} connections at the end` : '',
    r.closedByServer > 0 ? `${r.closedByServer} closed by the server` : '',
    side.lateWrites > 0 ? `${side.lateWrites} writes started over ${INTERVAL_MS} ms late` : '',
  ].filter(Boolean);
  return `  ${side.name.padEnd(5)}: ${side.connected}/${CLIENTS} connected; events per client min ${Math.min(...r.perClient)} max ${Math.max(...r.perClient)} of ${total}; ` +
    `${complete} clients got all, ${r.inOrder} in order without gap or duplicate${problems.length ? `; ${problems.join('; ')}` : ''}`;
}

// ---- main ---------------------------------------------------------------------------------
async function main(): Promise<void> {
  const total = WARMUP + WRITES;
  const dir = mkdtempSync(join(tmpdir(), 'commons-live-bench-'));
  const cleanUp = () => rmSync(dir, { recursive: true, force: true });
  process.once('SIGINT', () => {
    cleanUp();
    process.exit(130);
  });
  const clients = new Child<ToClients, FromClients>('./live-clients.ts');
  const floor = new Child<ToFloor, FromFloor>('./live-floor.ts');
  let setup: AppSetup | null = null;
  try {
    const loadBefore = load();
    console.log(`Commons live benchmark — ${machine()}`);
    console.log(`${CLIENTS} WebSocket clients per server (ws, in one client process) on loopback; ${WARMUP} warm-up + ${WRITES} measured writes per server,`);
    console.log(`one every ${INTERVAL_MS} ms, each fanned out to every client; app and floor alternate in blocks of ${BLOCK} writes.`);
    console.log('App: buildApp over a temp database file (WAL, synchronous=FULL), writes by createBooking in the server process, commit stamped by an');
    console.log('onCommit listener. Floor: a bare ws WebSocketServer in its own process, broadcasting the same frames at the same cadence.');
    console.log("Latency: receipt in the client's message handler − commit, per (client, event), on CLOCK_MONOTONIC shared by the processes.");

    setup = await setUpApp(join(dir, 'live.db'));
    const s = setup;
    const { url: floorUrl, origin: floorOrigin } = await floor.ask({ type: 'start', base: base.toString() }, 'started', 30_000);
    const port = (s.app.server.address() as AddressInfo).port;

    // Measurement only, in the bench: stamp each commit, and time the hub's drain that sends it.
    let commitAt = NaN;
    let pending = false;
    let measuring = false;
    // Registered after the live plugin's own listener, so it runs right after it.
    onCommit(s.db, () => {
      commitAt = now();
      pending = true;
    });
    const hub = s.app.liveHub;
    const appFanout: number[] = [];
    const drain = hub.drain.bind(hub);
    hub.drain = () => {
      if (!pending) return drain();
      pending = false;
      const t = now();
      drain();
      if (measuring) appFanout.push(now() - t);
    };

    const app: Side = { name: 'app', connected: 0, failures: [], serverSaw: 0, memory: { before: appMemory(true) } as Side['memory'], commits: new Map(), fanoutMs: appFanout, gc: appGc, lateWrites: 0, report: [], sha256: '' };
    const bare: Side = { name: 'floor', connected: 0, failures: [], serverSaw: 0, memory: {} as Side['memory'], commits: new Map(), fanoutMs: [], gc: { count: 0, totalMs: 0, maxMs: 0 }, lateWrites: 0, report: [], sha256: '' };
    const floorMemory = async (gc: boolean): Promise<Memory> => {
      const { rss, heapUsed } = await floor.ask({ type: 'memory', gc }, 'memory', 30_000);
      return { rss, heapUsed };
    };
    bare.memory.before = await floorMemory(true);

    for (const [side, url, origin] of [[app, `ws://127.0.0.1:${port}/api/campuses/${s.campusId}/live`, `http://127.0.0.1:${port}`], [bare, floorUrl, floorOrigin]] as const) {
      const connected = await clients.ask({ type: 'connect', group: side.name, url, origin, cookies: s.cookies, base: base.toString() }, 'connected', 120_000, side.name);
      side.connected = connected.open;
      side.failures = connected.failures;
    }
    await sleep(500); // hello frames, straggling handshakes
    app.memory.connected = appMemory(true);
    bare.memory.connected = await floorMemory(true);

    // The blocks: app block k, then floor block k with the frames app block k produced.
    const entityIds: number[] = [];
    const runBlock = async (side: Side, from: number, to: number, write: (i: number) => void) => {
      const complete = clients.next('complete', (to - from) * INTERVAL_MS + 60_000, side.name);
      clients.send({ type: 'expect', group: side.name, events: to });
      const start = now() + 5;
      for (let i = from; i < to; i++) {
        const due = start + (i - from) * INTERVAL_MS;
        await sleep(due - now());
        if (now() - due > INTERVAL_MS) side.lateWrites += 1;
        write(i);
      }
      if (!(await Promise.race([complete, deadline(DELIVERY_TIMEOUT_MS)]))) {
        console.error(`  (${side.name}: not every client had its first ${to} events ${DELIVERY_TIMEOUT_MS / 1000} s after the block's last write)`);
      }
      await sleep(20);
    };
    const writeMs: number[] = [];
    for (let from = 0; from < total; from = Math.min(total, from + (from < WARMUP ? WARMUP : BLOCK))) {
      const to = Math.min(total, from + (from < WARMUP ? WARMUP : BLOCK));
      if (from === WARMUP) {
        measuring = true;
        countingGc = true;
        floor.send({ type: 'mark' });
      }
      await runBlock(app, from, to, (i) => {
        const t = now();
        const { booking } = createBooking(s.writer, s.campusId, bookingInput(s, i));
        if (i >= WARMUP) writeMs.push(now() - t);
        app.commits.set(booking.id, commitAt);
        entityIds.push(booking.id);
      });
      // The same bytes the hub sent: the event rows of this block, serialised as the hub does.
      const blockIds = new Set(entityIds.slice(from, to));
      const frames = new Map(s.app.commons.repos.events.after(s.campusId, 0, 1_000_000)
        .filter((r) => r.action === 'booking.create' && r.entityId !== null && blockIds.has(r.entityId))
        .map((r) => [r.entityId as number, JSON.stringify(eventMessage(r))]));
      await runBlock(bare, from, to, (i) => {
        const entityId = entityIds[i] as number;
        floor.send({ type: 'broadcast', entityId, frame: frames.get(entityId)! });
      });
    }
    countingGc = false;
    app.memory.after = appMemory(false);
    app.memory.afterGc = appMemory(true);
    bare.memory.after = await floorMemory(false);
    bare.memory.afterGc = await floorMemory(true);
    app.serverSaw = hub.subscriberCount();
    const floorReport = await floor.ask({ type: 'report' }, 'report', 30_000);
    bare.serverSaw = floorReport.clients;
    bare.gc = floorReport.gc;
    for (const [entityId, at, fanout] of floorReport.commits) {
      bare.commits.set(entityId, at);
      if (entityIds.indexOf(entityId) >= WARMUP) bare.fanoutMs.push(fanout);
    }
    for (const side of [app, bare]) {
      const report = await clients.ask({ type: 'report', group: side.name }, 'report', 60_000, side.name);
      side.report = report.clients;
      side.sha256 = report.firstClientFramesSha256;
      await clients.ask({ type: 'close', group: side.name }, 'closed', 30_000, side.name);
    }

    // ---- figures ----
    const measured = new Set(entityIds.slice(WARMUP));
    const a = analyse(app, measured, total);
    const f = analyse(bare, measured, total);
    const [p50, p99, max] = [percentile(a.latencies, 50), percentile(a.latencies, 99), largest(a.latencies)];
    const [f50, f99, fmax] = [percentile(f.latencies, 50), percentile(f.latencies, 99), largest(f.latencies)];
    const fan = (side: Side) => [percentile(side.fanoutMs, 50), percentile(side.fanoutMs, 99)] as const;
    const [a50, a99] = fan(app);
    const [b50, b99] = fan(bare);
    console.log('');
    console.log(row(['commit → receipt', 'p50', 'p99', 'max', 'samples', 'fan-out50', 'fan-out99']));
    console.log(row(['app (Fastify + hub)', ms(p50), ms(p99), ms(max), String(a.latencies.length), ms(a50), ms(a99)]));
    console.log(row(['floor (bare ws)', ms(f50), ms(f99), ms(fmax), String(f.latencies.length), ms(b50), ms(b99)]));
    console.log(row(['ratio app / floor', ratio(p50, f50), ratio(p99, f99), ratio(max, fmax), '', ratio(a50, b50), ratio(a99, b99)]));
    console.log('  samples: (client, event) pairs; fan-out: time the server spent sending one event to all its clients, timed in the server');
    console.log('');
    console.log(deliveryLine(app, a, total));
    console.log(deliveryLine(bare, f, total));
    console.log(`  frames: ${a.frameBytes.toFixed(0)} bytes per event frame (app), ${f.frameBytes.toFixed(0)} (floor); first client's frames ${app.sha256 === bare.sha256 && app.sha256 !== '' ? 'identical' : 'DIFFER'} (sha256 ${app.sha256.slice(0, 12)}…)`);
    console.log(`  app write (createBooking, commit included): p50 ${ms(percentile(writeMs, 50))}, p99 ${ms(percentile(writeMs, 99))}`);
    const gcLine = (g: GcSummary) => `${g.count} pauses, ${ms(g.totalMs)} in all, longest ${ms(g.maxMs)}`;
    console.log(`  GC in the server process during the measured writes: app ${gcLine(app.gc)}; floor ${gcLine(bare.gc)}`);
    console.log(`  server memory, before clients → ${CLIENTS} connected → after the writes:`);
    console.log(`    app:   ${memLine(app.memory)}`);
    console.log(`    floor: ${memLine(bare.memory)}`);
    console.log(`  load average (1, 5, 15 min) before ${loadBefore}, after ${load()}`);
    console.log('');
    const delivered = (side: Side, r: Result) => side.connected === CLIENTS && r.inOrder === CLIENTS && r.closedByServer === 0;
    const ratioOk = p50 / f50 <= MAX_RATIO && p99 / f99 <= MAX_RATIO;
    const pass = p99 < TARGET_P99_MS && ratioOk && delivered(app, a) && delivered(bare, f);
    const why = [
      p99 < TARGET_P99_MS ? '' : `p99 ${ms(p99)} ≥ ${TARGET_P99_MS} ms`,
      ratioOk ? '' : `above ${MAX_RATIO}× the floor (p50 ${ratio(p50, f50)}, p99 ${ratio(p99, f99)})`,
      delivered(app, a) ? '' : 'app: not every client got every event in order',
      delivered(bare, f) ? '' : 'floor: not every client got every event in order',
    ].filter(Boolean);
    console.log(`Target: p99 < ${TARGET_P99_MS} ms with ${CLIENTS} clients, p50 and p99 ≤ ${MAX_RATIO}× the floor, every event to every client in order: ` +
      `${pass ? 'PASS' : `MISS (${why.join('; ')})`}${CLIENTS === 500 ? '' : ' (the target is for 500 clients)'}`);
  } finally {
    await clients.exit({ type: 'exit' });
    await floor.exit({ type: 'exit' });
    if (setup) {
      await setup.app.close();
      setup.db.$client.close();
    }
    cleanUp();
    gcObserver.disconnect();
    stopObservers();
  }
}

await main();
