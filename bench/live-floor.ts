/**
 * The floor of the live benchmark, in its own child process of bench/live.bench.ts (forked with
 * IPC): a bare `ws` WebSocketServer on 127.0.0.1 — no Fastify, no session, no database, no hub —
 * that fans a frame out to every connected client the idiomatic way,
 * `for (const client of wss.clients) client.send(frame)`, with the same server options as the
 * app's endpoint (no compression, the same incoming size limit). Whatever latency this shows is
 * what sending the same bytes to the same sockets costs on this machine.
 *
 * It is a process of its own, like the app's, so each server's memory is its own. Its "commit"
 * for a frame is the moment the broadcast order arrives, stamped just before the broadcast loop
 * on the clock shared by every process of the run (process.hrtime.bigint(), see live-clients.ts).
 *
 * Not run on its own: `npm run bench:live` starts it.
 */
import type { AddressInfo } from 'node:net';
import { PerformanceObserver } from 'node:perf_hooks';
import { WebSocket, WebSocketServer } from 'ws';
import { MAX_INCOMING_BYTES } from '../server/realtime/live.plugin.js';
import { fullGc, stopObservers } from './stats.js';

export type ToFloor =
  | { type: 'start'; base: string }
  | { type: 'memory'; gc: boolean }
  | { type: 'mark' }
  | { type: 'broadcast'; entityId: number; frame: string }
  | { type: 'report' }
  | { type: 'exit' };

export interface GcSummary {
  count: number;
  totalMs: number;
  maxMs: number;
}

export type FromFloor =
  | { type: 'started'; url: string; origin: string }
  | { type: 'memory'; rss: number; heapUsed: number }
  | { type: 'report'; clients: number; commits: Array<[entityId: number, commitAt: number, fanoutMs: number]>; gc: GcSummary };

const send = (message: FromFloor): void => {
  process.send!(message);
};

let base = 0n;
const now = (): number => Number(process.hrtime.bigint() - base) / 1e6;
let wss: WebSocketServer | null = null;
const commits: Array<[number, number, number]> = [];
const gc: GcSummary = { count: 0, totalMs: 0, maxMs: 0 };
let counting = false;
const observer = new PerformanceObserver((list) => {
  if (!counting) return;
  for (const e of list.getEntries()) {
    gc.count += 1;
    gc.totalMs += e.duration;
    gc.maxMs = Math.max(gc.maxMs, e.duration);
  }
});
observer.observe({ entryTypes: ['gc'] });

function broadcast(frame: string): void {
  for (const client of wss!.clients) if (client.readyState === WebSocket.OPEN) client.send(frame);
}

process.on('message', (message: ToFloor) => {
  switch (message.type) {
    case 'start': {
      base = BigInt(message.base);
      wss = new WebSocketServer({ host: '127.0.0.1', port: 0, maxPayload: MAX_INCOMING_BYTES, perMessageDeflate: false });
      wss.once('listening', () => {
        const { port } = wss!.address() as AddressInfo;
        send({ type: 'started', url: `ws://127.0.0.1:${port}/`, origin: `http://127.0.0.1:${port}` });
      });
      break;
    }
    case 'memory': {
      if (message.gc) fullGc();
      const m = process.memoryUsage();
      send({ type: 'memory', rss: m.rss, heapUsed: m.heapUsed });
      break;
    }
    case 'mark':
      counting = true;
      break;
    case 'broadcast': {
      const commitAt = now();
      broadcast(message.frame);
      commits.push([message.entityId, commitAt, now() - commitAt]);
      break;
    }
    case 'report':
      send({ type: 'report', clients: wss?.clients.size ?? 0, commits, gc });
      break;
    case 'exit':
      for (const client of wss?.clients ?? []) client.terminate();
      observer.disconnect();
      stopObservers();
      if (wss) wss.close(() => process.disconnect());
      else process.disconnect();
      break;
  }
});
process.on('disconnect', () => process.exit(0));
