import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../server/db/connection.js';
import { createRepositories } from '../../server/db/repositories/index.js';
import { CLOSE_SIGNED_OUT } from '../../server/realtime/live.plugin.js';
import { connect, http, listen, seed, type Listening, type LiveSocket, type Seeded } from './helpers.js';

/** Nobody keeps reading a campus they may no longer see: the stream ends at the next heartbeat. */

let db: Db;
let server: Listening;
let s: Seeded;
const sockets: LiveSocket[] = [];

afterEach(async () => {
  await Promise.all(sockets.splice(0).map((socket) => socket.close()));
  await server.close();
  db.$client.close();
});

async function start(): Promise<void> {
  db = openDatabase(':memory:');
  server = await listen(db, { liveHeartbeatSeconds: 1 });
  s = await seed(db, server.app.sessionCookie.name);
}

async function open(as: Seeded['viewer']): Promise<LiveSocket> {
  const socket = await connect(server, s.campusId, as);
  sockets.push(socket);
  await socket.until(() => socket.messages[0], 'hello');
  return socket;
}

describe('a live stream ends with the right to read it', () => {
  it('signing out closes that session\'s stream with 4401; others carry on', async () => {
    await start();
    const leaving = await open(s.leads[0]!);
    const staying = await open(s.leads[1]!);
    expect((await http(server.base, 'POST', '/api/auth/logout', s.leads[0]!)).status).toBe(204);
    expect(await leaving.closed).toMatchObject({ code: CLOSE_SIGNED_OUT });
    // Two more heartbeats later the other stream is still open.
    const pings = staying.pings;
    await staying.until(() => staying.pings >= pings + 2, 'two more pings');
    expect(staying.isOpen).toBe(true);
  });

  it('losing one\'s role on the campus closes the stream', async () => {
    await start();
    const viewer = await open(s.viewer);
    const repos = createRepositories(db);
    for (const m of repos.users.membershipsOf(s.viewer.id)) repos.users.removeMembership(m.id);
    expect(await viewer.closed).toMatchObject({ code: CLOSE_SIGNED_OUT });
  });
});
