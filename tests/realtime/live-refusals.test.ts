import { describe, expect, it } from 'vitest';
import { connect, refusal, useLiveWorld, type ConnectOptions, type LiveSocket } from './helpers.js';
import type { TestUser } from '../helpers/session.js';

/**
 * Who may open the live stream, asserted on the HTTP answer to the upgrade itself (ws reports a
 * refused upgrade as 'unexpected-response'), and what a connection may send.
 */

const w = useLiveWorld();

async function open(campusId: number, as: TestUser, options: ConnectOptions = {}): Promise<LiveSocket> {
  const socket = await connect(w.server, campusId, as, options);
  w.sockets.push(socket);
  return socket;
}

const refuse = (campusId: number, headers: Record<string, string>, query = '') => refusal(w.server, campusId, headers, query);

describe('refused upgrades answer with a clear status and a problem', () => {
  it('no session: 401', async () => {
    const res = await refuse(w.s.campusId, { origin: w.server.origin });
    expect(res.status).toBe(401);
    expect(res.contentType).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('unauthenticated');
  });

  it('an unknown session token: 401', async () => {
    const res = await refuse(w.s.campusId, { origin: w.server.origin, cookie: `${w.server.app.sessionCookie.name}=forged` });
    expect(res.status).toBe(401);
  });

  it('a foreign Origin, even with a valid session: 403', async () => {
    for (const origin of ['http://evil.example', `http://localhost:${new URL(w.server.base).port}`, 'null']) {
      const res = await refuse(w.s.campusId, { origin, cookie: w.s.viewer.headers.cookie! });
      expect({ origin, status: res.status }).toEqual({ origin, status: 403 });
      expect(res.contentType).toMatch(/^application\/problem\+json/);
    }
  });

  it('a campus the person has no role on: 403', async () => {
    const res = await refuse(w.s.campusId, { origin: w.server.origin, cookie: w.s.outsider.headers.cookie! });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('forbidden');
  });

  it('an unknown campus: 404', async () => {
    const res = await refuse(987_654, { origin: w.server.origin, cookie: w.s.viewer.headers.cookie! });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('not_found');
  });

  it('a malformed ?after: 400', async () => {
    const res = await refuse(w.s.campusId, { origin: w.server.origin, cookie: w.s.viewer.headers.cookie! }, '?after=yesterday');
    expect(res.status).toBe(400);
  });

  // A refused upgrade'w.s connection is the w.server'w.s to end: left open, every refused attempt
  // (anyone can make them) holds a socket and a file descriptor until the client goes away, and
  // app.close() waits for it forever.
  it.each([
    ['no session', () => ({ origin: w.server.origin })],
    ['no role on the campus', () => ({ origin: w.server.origin, cookie: w.s.outsider.headers.cookie! })],
    ['unknown campus', () => ({ origin: w.server.origin, cookie: w.s.viewer.headers.cookie! })],
  ])('the w.server closes the connection of a refused upgrade (%w.s)', async (name, headers) => {
    const res = await refuse(name === 'unknown campus' ? 987_654 : w.s.campusId, headers());
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await res.serverClosed(3000)).toBe(true);
  });

  it('a plain GET without an upgrade: 426 problem+json', async () => {
    const res = await fetch(`${w.server.base}/api/campuses/${w.s.campusId}/live`, { headers: w.s.viewer.headers });
    expect(res.status).toBe(426);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await res.json()) as { code: string }).code).toBe('upgrade_required');
  });

  it('every role that may read the campus is let in; no Origin at all (a non-browser client) is accepted', async () => {
    const lead = await open(w.s.campusId, w.s.leads[0]!);
    const viewer = await open(w.s.campusId, w.s.viewer, { origin: null });
    for (const socket of [lead, viewer]) {
      expect(await socket.until(() => socket.messages[0], 'hello')).toMatchObject({ type: 'hello' });
    }
  });
});

describe('what a connection may send', () => {
  it('a frame over the size limit closes that connection with 1009; the others carry on', async () => {
    const big = await open(w.s.campusId, w.s.viewer);
    const other = await open(w.s.campusId, w.s.leads[0]!);
    big.send({ type: 'presence', screen: 'x'.repeat(64 * 1024) });
    expect((await big.closed).code).toBe(1009);
    other.send({ type: 'presence', screen: 'agenda' });
    const presence = await other.until(() => other.messages.find((m) => m.type === 'presence'), 'presence');
    expect(presence).toEqual({ type: 'presence', screen: 'agenda', people: [{ userId: w.s.leads[0]!.id, name: 'lead0' }] });
  });

  it('frames that are not messages are ignored without closing the connection', async () => {
    const socket = await open(w.s.campusId, w.s.viewer);
    for (const frame of ['not json', '{"type":"event"}', '{"type":"presence","screen":42}', JSON.stringify({ type: 'presence', screen: 'y'.repeat(121) }), 'null']) socket.send(frame);
    socket.send({ type: 'presence', screen: 'calendar' });
    const presence = await socket.until(() => socket.messages.find((m) => m.type === 'presence'), 'presence');
    expect(presence).toMatchObject({ screen: 'calendar' });
    expect(socket.messages.filter((m) => m.type === 'presence')).toHaveLength(1);
    expect(socket.isOpen).toBe(true);
  });
});
