/**
 * npm run bench:web — the SPA's budgets, measured and printed (not a test):
 * 1. Initial JavaScript: the entry chunk of dist/web and every chunk it imports statically
 *    (lazy pages excluded), gzipped. Budget: under 150 KB.
 * 2. Lighthouse 12 (system Chromium) on the week view of the demo campus, signed in as a lead,
 *    with the mobile (default) and desktop presets. Budget: accessibility ≥ 95, performance ≥ 90.
 * Run `npm run build:web` first (the npm script does).
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import { DEMO_PASSWORD, startDemoServer } from '../tests/e2e/support/server.js';

const DIST = 'dist/web';
const JS_BUDGET_KB = 150;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const WEEK = '/week?week=2026-11-16';

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
  isEntry?: boolean;
}

/** The chunks a start at `entries` loads before anything is lazily imported: them and their static imports. */
function chunksOf(entries: string[]): Array<{ file: string; bytes: number; gzipped: number }> {
  const manifest = JSON.parse(readFileSync(`${DIST}/.vite/manifest.json`, 'utf8')) as Record<string, ManifestChunk>;
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    if (!manifest[key]) throw new Error(`${key} is not in the build manifest`);
    seen.add(key);
    for (const imported of manifest[key]?.imports ?? []) visit(imported);
  };
  for (const entry of entries) visit(entry);
  return [...seen].map((key) => {
    const content = readFileSync(`${DIST}/${manifest[key]!.file}`);
    return { file: manifest[key]!.file, bytes: content.length, gzipped: gzipSync(content).length };
  });
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

async function signInCookie(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'lead-1931@demo.test', password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

async function main(): Promise<void> {
  const initial = chunksOf(['index.html']);
  const total = initial.reduce((sum, c) => sum + c.gzipped, 0);
  console.log('Initial JavaScript (entry + static imports, gzip):');
  for (const c of initial) console.log(`  ${c.file.padEnd(40)} ${kb(c.bytes).padStart(7)} KB  → ${kb(c.gzipped).padStart(6)} KB gz`);
  console.log(`  total ${kb(total)} KB gz (budget < ${JS_BUDGET_KB} KB): ${verdict(total < JS_BUDGET_KB * 1024)}`);
  // The week view also loads the calendar component lazily, right after the first paint.
  const week = chunksOf(['index.html', 'src/calendar/WeekCalendar.tsx']);
  const weekTotal = week.reduce((sum, c) => sum + c.gzipped, 0);
  console.log(`  with the week view's lazily loaded calendar: ${kb(weekTotal)} KB gz (${verdict(weekTotal < JS_BUDGET_KB * 1024)} too)\n`);

  const server = await startDemoServer();
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const cookie = await signInCookie(server.base);
    const url = `${server.base}${WEEK}`;
    for (const [preset, config] of [['mobile', undefined], ['desktop', desktopConfig]] as const) {
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'], extraHeaders: { Cookie: cookie } }, config);
      if (!result) throw new Error('lighthouse gave no result');
      if (result.lhr.runtimeError) console.log(`  runtime error: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
      for (const warning of result.lhr.runWarnings) console.log(`  warning: ${warning}`);
      const { performance, accessibility } = result.lhr.categories;
      const perf = Math.round((performance?.score ?? 0) * 100);
      const a11y = Math.round((accessibility?.score ?? 0) * 100);
      const metric = (id: string) => result.lhr.audits[id]?.displayValue ?? '?';
      console.log(`Lighthouse ${preset} on ${WEEK}: performance ${perf} (≥ 90: ${verdict(perf >= 90)}), accessibility ${a11y} (≥ 95: ${verdict(a11y >= 95)})`);
      console.log(`  FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}`);
      const failed = Object.values(result.lhr.audits).filter((a) => a.score !== null && a.score < 1 && result.lhr.categories.accessibility?.auditRefs.some((r) => r.id === a.id && r.weight > 0));
      for (const audit of failed) console.log(`  accessibility audit not passed: ${audit.id} — ${audit.title}`);
    }
  } finally {
    chrome.kill();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
