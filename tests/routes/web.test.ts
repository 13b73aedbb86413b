import { existsSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';

/** The built SPA (npm test builds it first: `npm run build:web`). */
const assets = existsSync('dist/web/assets') ? readdirSync('dist/web/assets') : [];

describe('the SPA as the server serves it', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('is built (npm run build:web) before the tests run', () => {
    expect(assets.some((name) => name.endsWith('.js'))).toBe(true);
  });

  it.each(['/', '/week', '/bookings/12', '/admin/spaces', '/signin?next=%2Fweek'])('answers %s with the app page, never cached', async (url) => {
    const res = await t.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toMatch(/<div id="app"><\/div>/);
    expect(res.body).toMatch(/<script type="module" crossorigin src="\/assets\/index-[\w-]+\.js"><\/script>/);
  });

  it('serves hashed assets cached for a year, compressed when asked', async () => {
    const script = assets.find((name) => /^index-.*\.js$/.test(name))!;
    const res = await t.app.inject({ method: 'GET', url: `/assets/${script}`, headers: { 'accept-encoding': 'gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toMatch(/max-age=31536000.*immutable/);
    expect(res.headers['content-encoding']).toBe('gzip');
  });

  it('keeps a missing asset and an unknown API path a 404, not the app page', async () => {
    const asset = await t.app.inject({ method: 'GET', url: '/assets/nothing-here.js' });
    expect(asset.statusCode).toBe(404);
    expect(asset.body).not.toContain('<div id="app">');
    const api = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toMatch(/^application\/problem\+json/);
    const file = await t.app.inject({ method: 'GET', url: '/favicon.ico' });
    expect(file.statusCode).toBe(404);
  });

  it('sends a CSP that allows only its own scripts', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/week' });
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('unsafe-eval');
  });
});
