// setup.ts must come first: it hooks route capture into Fastify before server/app.ts loads.
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildWorld, digest, isolated, send, type Answer } from './setup.js';
import { requestFor, type FuzzRequest } from './arbitraries.js';

/** Reproducible by default; FUZZ_SEED=<n> explores elsewhere (fast-check prints the seed of a failure). */
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_801);
if (!Number.isSafeInteger(SEED)) throw new Error(`FUZZ_SEED must be an integer, got ${process.env.FUZZ_SEED}`);
/** Runs per route: ~45 routes × (100 + 60) is about 7,000 requests, ~20 s on two cores. */
const SAFETY_RUNS = 100;
const CONTRACT_RUNS = 60;

const world = await buildWorld();
afterAll(() => world.close());

/**
 * Every request runs in a transaction rolled back afterwards, so each meets the same fixture even
 * after an accepted one (a sign-out, an archive). Nothing is left out of the digests: with a fixed
 * clock a session's lastSeenAt never moves, so a read leaves every table as it was.
 */
async function attempt(request: FuzzRequest): Promise<{ answer: Answer; wrote: boolean; changed: string }> {
  return isolated(world, async () => {
    const before = digest(world.db);
    const answer = await send(world, request);
    const after = digest(world.db);
    const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
    return { answer, wrote: changed.length > 0, changed: changed.join(', ') };
  });
}

const describeAnswer = (request: FuzzRequest, answer: Answer) =>
  `${request.actor} ${request.method} ${request.url} [${JSON.stringify(request.headers)}] ${request.payload?.slice(0, 200) ?? ''} → ${answer.status} ${answer.raw.slice(0, 300)}`;

describe.each(world.routes.map((r) => [r.key, r] as const))(`fuzz %s (seed ${SEED})`, (_key, route) => {
  it('never answers 5xx, and a refused request changes no row of any table', async () => {
    await fc.assert(
      fc.asyncProperty(requestFor(world, route), async (request) => {
        const { answer, wrote, changed } = await attempt(request);
        const what = describeAnswer(request, answer);
        expect(answer.status, what).toBeLessThan(500);
        if (answer.status >= 400) expect(wrote, `refused, yet wrote to ${changed}: ${what}`).toBe(false);
      }),
      { seed: SEED, numRuns: SAFETY_RUNS },
    );
  });

  it('answers every error as application/problem+json with a code', async () => {
    await fc.assert(
      fc.asyncProperty(requestFor(world, route), async (request) => {
        const answer = await isolated(world, () => send(world, request));
        if (answer.status < 400) return;
        const what = describeAnswer(request, answer);
        expect(answer.contentType, what).toMatch(/^application\/problem\+json/);
        expect(answer.body?.code, what).toEqual(expect.any(String));
      }),
      { seed: SEED + 1, numRuns: CONTRACT_RUNS },
    );
  });
});
