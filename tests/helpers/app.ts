import { expect } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.js';
import { openDatabase, type Db } from '../../server/db/connection.js';
import { fixedClock } from '../../server/domain/clock.js';

/** Before the 2026–27 school year starts, so nothing a test books is "already over". */
export const DEFAULT_NOW = Date.parse('2026-08-01T12:00:00Z');

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  call: Caller;
  close: () => Promise<void>;
}

export interface Reply<T = any> {
  status: number;
  contentType: string;
  body: T;
  raw: string;
}

export type Caller = <T = any>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) => Promise<Reply<T>>;

/** The real app over a fresh in-memory database with the real migrations and a fixed clock. */
export async function buildTestApp({ now = DEFAULT_NOW }: { now?: number } = {}): Promise<TestApp> {
  const db = openDatabase(':memory:');
  const app = await buildApp({ config: { logLevel: 'silent', environment: 'test' }, db, clock: fixedClock(now) });
  await app.ready();
  return {
    app,
    db,
    call: caller(app),
    close: async () => {
      await app.close();
      db.$client.close();
    },
  };
}

/** inject() with the JSON body parsed (when there is one) and the content type at hand. */
export function caller(app: FastifyInstance): Caller {
  return async (method, url, payload) => {
    const res = await app.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as object }) });
    const contentType = String(res.headers['content-type'] ?? '');
    let body: unknown = res.body;
    if (/json/.test(contentType) && res.body !== '') body = JSON.parse(res.body);
    return { status: res.statusCode, contentType, body: body as any, raw: res.body };
  };
}

/** Asserts-friendly summary of an RFC 9457 answer. */
export function isProblem(reply: Reply): boolean {
  return reply.contentType.startsWith('application/problem+json');
}

/** The `field` names a validation problem reports, e.g. ['body/attendees']. */
export function problemFields(reply: Reply): string[] {
  const fields = (reply.body as { fields?: Array<{ field: string }> }).fields ?? [];
  return fields.map((f) => f.field);
}

/**
 * The answer is an RFC 9457 problem with this status and code; when `field` is given, one of the
 * reported fields names it (as "body/attendees", "attendees" or "exdates/0" alike).
 */
export function expectProblem(reply: Reply, expected: { status: number; code?: string; field?: string }): void {
  expect({ status: reply.status, problem: isProblem(reply) }, reply.raw).toEqual({ status: expected.status, problem: true });
  expect(reply.body.status).toBe(expected.status);
  if (expected.code) expect(reply.body.code).toBe(expected.code);
  expect(typeof reply.body.detail).toBe('string');
  if (expected.field) {
    const pattern = new RegExp(`(^|/)${expected.field.replace(/[/]/g, '\\/')}(/|$)`);
    expect(problemFields(reply).some((f) => pattern.test(f)), `fields ${JSON.stringify(problemFields(reply))} name ${expected.field}`).toBe(true);
  }
}
