import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../server/app.js';
import { openDatabase, type Db } from '../../../server/db/connection.js';
import { createRepositories } from '../../../server/db/repositories/index.js';
import { seedDemoCampusIfEmpty } from '../../../server/seed/demo.js';
import { hashPassword } from '../../../server/usecases/passwords.js';
import { testConfig } from '../../helpers/app.js';

/** The demo campus's password in browser tests. */
export const DEMO_PASSWORD = 'Browser-tests-2026!';

/**
 * Monday 2026-11-16, 06:00 in Los Angeles: a school week of the demo year, early enough that
 * items can still be submitted to Tuesday's council meeting (until 24 h before it). The
 * server's clock starts here and ticks, and the browser's Date is pinned to it, so the tests
 * see the same week whatever day they run on.
 */
export const E2E_START = Date.parse('2026-11-16T14:00:00Z');

export interface DemoServer {
  app: FastifyInstance;
  db: Db;
  base: string;
  campusId: number;
  /** School id by location code (1931, 1944, …, 1930 the building office). */
  schoolId: (code: string) => number;
  spaceId: (name: string) => number;
  close: () => Promise<void>;
}

/** The real app on a real SQLite file holding the demo campus, listening on loopback. */
export async function startDemoServer(): Promise<DemoServer> {
  const dir = mkdtempSync(join(tmpdir(), 'commons-e2e-'));
  const db = openDatabase(join(dir, 'commons.db'));
  const started = Date.now();
  const clock = () => E2E_START + (Date.now() - started);
  seedDemoCampusIfEmpty(db, clock, { passwordHash: await hashPassword(DEMO_PASSWORD) });
  const config = { ...testConfig(), cookieSecure: false, loginLimitPerMinute: 1000, rateLimitPerMinute: 100_000, livePollMs: 100 };
  const app = await buildApp({ config, db, clock });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  const repos = createRepositories(db);
  const campus = repos.campuses.list(true)[0]!;
  const schools = repos.schools.listByCampus(campus.id, true);
  const spaces = repos.spaces.listByCampus(campus.id, true);
  return {
    app,
    db,
    base: `http://localhost:${address.port}`,
    campusId: campus.id,
    schoolId: (code) => schools.find((s) => s.locationCode === code)?.id ?? fail(`no school ${code}`),
    spaceId: (name) => spaces.find((s) => s.name === name)?.id ?? fail(`no space ${name}`),
    close: async () => {
      await app.close();
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function fail(message: string): never {
  throw new Error(message);
}
