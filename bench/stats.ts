/**
 * Timing helpers for the benchmarks. Each sample is wall time (process.hrtime.bigint()); its
 * "net" time leaves out what is not the code's own: GC pauses that ran inside it (seen through a
 * PerformanceObserver) and time the main thread sat runnable on the run queue while other
 * processes held the CPUs (/proc/<pid>/task/<pid>/schedstat, Linux). Percentiles are nearest-rank.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { cpus, loadavg, platform, arch, totalmem } from 'node:os';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// Exposed at run time, so `tsx bench/…` needs no --expose-gc flag.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/** A full collection, run between blocks of samples so major GC work does not pile up inside them. */
export function fullGc(): void {
  collect();
}

// Every GC pause (minor ones included) as [start, end] on the performance.now() clock.
const gcPauses: Array<[number, number]> = [];
const observer = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcPauses.push([e.startTime, e.startTime + e.duration]);
});
observer.observe({ entryTypes: ['gc'] });

/** GC entries arrive asynchronously: wait for the pending ones before summarising. */
export async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 20));
}

// The main thread's run-queue wait in ns (second field of schedstat); 0 where unavailable.
const schedFd = (() => {
  try {
    return openSync(`/proc/self/task/${process.pid}/schedstat`, 'r');
  } catch {
    return null;
  }
})();
const schedBuf = Buffer.alloc(128);
function runQueueWaitNs(): number {
  if (schedFd === null) return 0;
  const fields = schedBuf.toString('latin1', 0, readSync(schedFd, schedBuf, 0, schedBuf.length, 0)).split(' ');
  return Number(fields[1] ?? 0);
}

export function stopObservers(): void {
  observer.disconnect();
  if (schedFd !== null) closeSync(schedFd);
}

export interface Sample {
  /** performance.now() at the start, to match GC pauses against. */
  at: number;
  ms: number;
  waitMs: number;
}

/** Runs fn once and records how long it took. */
export function timed<T>(samples: Sample[] | null, fn: () => T): T {
  const wait0 = samples ? runQueueWaitNs() : 0;
  const at = performance.now();
  const t0 = process.hrtime.bigint();
  const result = fn();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  samples?.push({ at, ms, waitMs: (runQueueWaitNs() - wait0) / 1e6 });
  return result;
}

export interface Summary {
  n: number;
  /** Samples a GC pause ran inside, and samples that waited for a CPU. */
  gcHit: number;
  preempted: number;
  /** Net of GC pauses and run-queue waits. */
  p50: number;
  p99: number;
  /** Wall time as measured. */
  rawP50: number;
  rawP99: number;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1] ?? NaN;
}

/** Call after settle(). */
export function summarize(samples: readonly Sample[]): Summary {
  const gcMs = (s: Sample) => {
    let total = 0;
    for (const [start, end] of gcPauses) total += Math.max(0, Math.min(end, s.at + s.ms) - Math.max(start, s.at));
    return total;
  };
  const gc = samples.map(gcMs);
  const net = samples.map((s, i) => Math.max(0, s.ms - (gc[i] ?? 0) - s.waitMs));
  const raw = samples.map((s) => s.ms);
  return {
    n: samples.length,
    gcHit: gc.filter((ms) => ms > 0.01).length,
    preempted: samples.filter((s) => s.waitMs > 0.01).length,
    p50: percentile(net, 50),
    p99: percentile(net, 99),
    rawP50: percentile(raw, 50),
    rawP99: percentile(raw, 99),
  };
}

export function machine(): string {
  const cpu = cpus();
  const model = (cpu[0]?.model ?? 'unknown cpu').replace(/\s+/g, ' ').trim();
  return `${cpu.length} cpus (${model}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, node ${process.version}, ${platform()} ${arch()}`;
}

export const load = (): string => loadavg().map((x) => x.toFixed(2)).join(' ');
export const fmt = (ms: number): string => (Number.isFinite(ms) ? (ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0)) : '-');
export const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MB`;
