import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it, type TestContext } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_PASSWORD, E2E_START } from './server.js';

/** Debian's Chromium (apt-get install -y chromium); CHROMIUM_PATH names another. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveBrowser = existsSync(CHROMIUM_PATH);
const inCi = Boolean(process.env.CI);

/**
 * describe() for browser tests. Without Chromium they are skipped — loudly — on a developer's
 * machine; in CI (CI set) a missing browser is a failure, not a skip.
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (haveBrowser) {
    describe(name, body);
    return;
  }
  if (inCi) {
    describe(name, () => it(`needs Chromium at ${CHROMIUM_PATH}`, () => expect.fail(`CI has no browser at ${CHROMIUM_PATH}: .ci/run must apt-get install -y chromium`)));
    return;
  }
  console.warn(`\n!!! SKIPPED browser tests "${name}": no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH) !!!\n`);
  describe.skip(name, body);
}

/**
 * The launch the machines need: no sandbox as root, and no calls to Google's services.
 * Playwright gives each launch a fresh, empty profile of its own.
 */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface ContextOptions {
  /** The browser's own zone: deliberately not the campus's, to prove screens use the campus zone. */
  timezoneId?: string;
  viewport?: { width: number; height: number };
  locale?: string;
}

/** A fresh browser profile whose clock reads E2E_START (timers still run). */
export async function newContext(browser: Browser, base: string, options: ContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: base,
    timezoneId: options.timezoneId ?? 'Europe/Madrid',
    locale: options.locale ?? 'en-US',
    viewport: options.viewport ?? { width: 1280, height: 900 },
  });
  await context.clock.setFixedTime(new Date(E2E_START));
  context.setDefaultTimeout(10_000);
  const problems: string[] = [];
  pageProblems.set(context, problems);
  context.on('page', (page) => {
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    page.on('console', (message) => {
      // A refused request (401 before sign-in, 409 of a conflict) is logged by the browser itself: not a fault.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(message.text());
    });
  });
  return context;
}

const pageProblems = new WeakMap<BrowserContext, string[]>();

/** Uncaught errors and console errors (a CSP refusal among them) the context's pages logged. */
export function browserProblems(context: BrowserContext): string[] {
  return pageProblems.get(context) ?? [];
}

export async function signIn(page: Page, email: string, next = '/week'): Promise<void> {
  await page.goto(`/signin?next=${encodeURIComponent(next)}`);
  await page.getByLabel(/e-mail|correo/i).fill(email);
  await page.getByLabel(/password|contraseña/i).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /sign in|iniciar sesión/i }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
}

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core's WCAG 2.1 A/AA rules on what the page shows now; returns the violations, summarised. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated over the DevTools protocol: the app's CSP (script-src 'self') rightly refuses a <script> tag.
  // (Page functions run in the browser: its globals are reached through globalThis, as Node's types know no DOM.)
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(readFileSync(axeSource, 'utf8'));
  const result = await page.evaluate(async () => {
    type Axe = { run: (ctx: unknown, options: unknown) => Promise<{ violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }> }> };
    const { axe, document } = globalThis as unknown as { axe: Axe; document: unknown };
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
  });
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}

/** On a failed test, keep a screenshot of every open page in test-results/. */
export async function screenshotOnFailure(context: TestContext, pages: Page[]): Promise<void> {
  if (context.task.result?.state !== 'fail') return;
  mkdirSync('test-results', { recursive: true });
  const name = context.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 80);
  await Promise.all(pages.map((page, i) => page.screenshot({ path: `test-results/${name}-${i}.png`, fullPage: true }).catch(() => undefined)));
  console.error(`screenshots of the failure: test-results/${name}-*.png`);
}
