import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserProblems, launchBrowser, newContext, screenshotOnFailure, type ContextOptions } from './browser.js';
import { startDemoServer, type DemoServer } from './server.js';

/**
 * One demo server and one browser for a test file; each test opens the contexts it needs
 * (`open`), which are closed after it, with a screenshot of every page if it failed, and the
 * test fails if a page logged an error (a CSP refusal, an uncaught exception).
 */
export function useBrowserSession() {
  const state = { server: undefined as unknown as DemoServer, browser: undefined as unknown as Browser };
  let contexts: BrowserContext[] = [];

  beforeAll(async () => {
    state.server = await startDemoServer();
    state.browser = await launchBrowser();
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.server?.close();
  });
  afterEach(async (ctx) => {
    await screenshotOnFailure(ctx, contexts.flatMap((c) => c.pages()));
    const problems = contexts.flatMap((c) => browserProblems(c));
    await Promise.all(contexts.map((c) => c.close()));
    contexts = [];
    expect(problems).toEqual([]);
  });

  return {
    get server() {
      return state.server;
    },
    /** A new browser profile (its own cookies) with one page. */
    async open(options: ContextOptions = {}): Promise<Page> {
      const context = await newContext(state.browser, state.server.base, options);
      contexts.push(context);
      return context.newPage();
    },
  };
}
