import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, expectProblem, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Every [METHOD, /path/{param}] the router really serves under /api, from its own route tree. */
function servedApiRoutes(): string[] {
  const tree = t.app.printRoutes({ commonPrefix: false });
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([\s│]*)[└├]── (\S+)(?: \(([^)]*)\))?/.exec(line);
    if (!m) continue;
    const depth = (m[1] ?? '').length / 4;
    stack.length = depth;
    const path = `${stack[depth - 1] ?? ''}${m[2]}`.replace('//', '/');
    stack[depth] = path;
    for (const method of (m[3] ?? '').split(', ').filter(Boolean)) {
      if (method === 'HEAD' || !path.startsWith('/api/')) continue;
      if (path.startsWith('/api/docs') || path === '/api/openapi.json') continue;
      routes.push(`${method} ${path.replace(/:(\w+)/g, '{$1}')}`);
    }
  }
  return routes.sort();
}

describe('GET /api/health', () => {
  it('answers ok after touching the database', async () => {
    const res = await t.call('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: 'ok' });
  });
});

describe('GET /api/openapi.json', () => {
  it('documents exactly the routes the server serves', async () => {
    const res = await t.call('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    const documented = Object.entries(res.body.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, ops]) => Object.keys(ops).filter((m) => HTTP_METHODS.includes(m)).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    const served = servedApiRoutes();
    expect(served.length).toBeGreaterThanOrEqual(25);
    expect(documented).toEqual(served);
  });

  it('includes the core paths named in the booking-engine issue', async () => {
    const { paths } = (await t.call('GET', '/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const core: Array<[string, string]> = [
      ['get', '/api/campuses'], ['post', '/api/campuses'],
      ['get', '/api/campuses/{campusId}/schools'], ['post', '/api/campuses/{campusId}/schools'],
      ['get', '/api/campuses/{campusId}/spaces'], ['post', '/api/campuses/{campusId}/spaces'],
      ['get', '/api/campuses/{campusId}/closures'], ['post', '/api/campuses/{campusId}/closures'],
      ['post', '/api/campuses/{campusId}/bookings'], ['get', '/api/campuses/{campusId}/occurrences'],
      ['get', '/api/bookings/{bookingId}'], ['patch', '/api/bookings/{bookingId}'], ['delete', '/api/bookings/{bookingId}'],
      ['get', '/api/health'],
    ];
    for (const [method, path] of core) expect(paths[path]?.[method], `${method} ${path}`).toBeDefined();
  });

  it('gives every operation a success response schema and problem responses for its errors', async () => {
    const { paths } = (await t.call('GET', '/api/openapi.json')).body as {
      paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: object }> }>; parameters?: unknown[]; requestBody?: unknown }>>;
    };
    for (const [path, ops] of Object.entries(paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (!HTTP_METHODS.includes(method)) continue;
        const where = `${method.toUpperCase()} ${path}`;
        const responses = op.responses ?? {};
        // 101: a WebSocket endpoint's success is the protocol switch.
        const success = Object.keys(responses).filter((s) => /^(2\d\d|101)$/.test(s));
        expect(success.length, `${where} has a 2xx response`).toBeGreaterThan(0);
        // 204 has no body by definition; every other success says what it returns.
        for (const s of success.filter((code) => code !== '204' && code !== '101')) expect(Object.values(responses[s]?.content ?? {})[0]?.schema, `${where} ${s} schema`).toBeDefined();
        // Every route that takes input can refuse it.
        if (op.requestBody || op.parameters?.length) expect(responses['400'], `${where} documents 400`).toBeDefined();
        if (path.includes('{')) expect(responses['404'], `${where} documents 404`).toBeDefined();
      }
    }
  });

  it('documents the booking conflict (409) with its conflicts and alternatives', async () => {
    const { paths } = (await t.call('GET', '/api/openapi.json')).body;
    const conflict = paths['/api/campuses/{campusId}/bookings'].post.responses['409'];
    const schema = Object.values(conflict.content as Record<string, { schema: { properties: Record<string, unknown> } }>)[0]!.schema;
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['code', 'conflicts', 'alternatives']));
  });
});

describe('GET /api/docs', () => {
  it('serves browsable HTML documentation', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toMatch(/swagger/i);
  });
});

describe('unknown routes', () => {
  it('answer 404 problem+json naming the route', async () => {
    const res = await t.call('GET', '/api/nothing-here');
    expectProblem(res, { status: 404, code: 'route.not_found' });
    expect(res.body.detail).toContain('/api/nothing-here');
  });

  it('the root page links to the API docs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('/api/docs');
  });
});
