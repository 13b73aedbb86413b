import { describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../server/realtime/messages.js';
import type { TestUser } from '../helpers/session.js';
import { connect, useLiveWorld, type LiveSocket } from './helpers.js';

/** Who is looking at a screen right now, as the people on it see it over real sockets. */

type Presence = Extract<ServerMessage, { type: 'presence' }>;

const w = useLiveWorld();

async function open(as: TestUser, campusId = w.s.campusId): Promise<LiveSocket> {
  const socket = await connect(w.server, campusId, as);
  w.sockets.push(socket);
  await socket.until(() => socket.messages[0], 'hello');
  return socket;
}

/** Waits for the latest presence of that screen to list exactly these names. */
function seesOn(socket: LiveSocket, screen: string, names: string[]): Promise<Presence> {
  const latest = () => socket.messages.filter((m): m is Presence => m.type === 'presence' && m.screen === screen).at(-1);
  return socket.until(() => {
    const p = latest();
    return p && JSON.stringify(p.people.map((x) => x.name)) === JSON.stringify(names) && p;
  }, `${screen}: ${names.join(', ') || 'nobody'} (last: ${JSON.stringify(latest())})`);
}

describe('presence', () => {
  it('two people on the same screen see each other, with ids and names', async () => {
    const lead = await open(w.s.leads[0]!);
    const viewer = await open(w.s.viewer);
    lead.send({ type: 'presence', screen: 'meeting:12' });
    await seesOn(viewer, 'meeting:12', ['lead0']);
    viewer.send({ type: 'presence', screen: 'meeting:12' });
    const both = await seesOn(lead, 'meeting:12', ['lead0', 'viewer']);
    expect(both.people).toEqual([
      { userId: w.s.leads[0]!.id, name: 'lead0' },
      { userId: w.s.viewer.id, name: 'viewer' },
    ]);
    await seesOn(viewer, 'meeting:12', ['lead0', 'viewer']);
  });

  it('moving to another screen, clearing it, and disconnecting are seen by the others', async () => {
    const lead = await open(w.s.leads[0]!);
    const viewer = await open(w.s.viewer);
    lead.send({ type: 'presence', screen: 'calendar' });
    viewer.send({ type: 'presence', screen: 'calendar' });
    await seesOn(lead, 'calendar', ['lead0', 'viewer']);
    viewer.send({ type: 'presence', screen: 'agenda' });
    await seesOn(lead, 'calendar', ['lead0']);
    await seesOn(lead, 'agenda', ['viewer']);
    viewer.send({ type: 'presence', screen: null });
    await seesOn(lead, 'agenda', []);
    viewer.send({ type: 'presence', screen: 'calendar' });
    await seesOn(lead, 'calendar', ['lead0', 'viewer']);
    await viewer.close();
    await seesOn(lead, 'calendar', ['lead0']);
    expect(w.server.app.liveHub.peopleOn(w.s.campusId, 'calendar')).toEqual([{ userId: w.s.leads[0]!.id, name: 'lead0' }]);
  });

  it('one person in two tabs is listed once, and stays while one tab is still there', async () => {
    const tab1 = await open(w.s.viewer);
    const tab2 = await open(w.s.viewer);
    const lead = await open(w.s.leads[0]!);
    tab1.send({ type: 'presence', screen: 'calendar' });
    tab2.send({ type: 'presence', screen: 'calendar' });
    lead.send({ type: 'presence', screen: 'calendar' });
    await seesOn(lead, 'calendar', ['lead0', 'viewer']);
    const frames = () => lead.messages.filter((m): m is Presence => m.type === 'presence' && m.screen === 'calendar');
    const before = frames().length;
    await tab1.close();
    const after = await lead.until(() => frames().length > before && frames().at(-1), 'presence after a tab closed');
    expect(after.people.map((p) => p.name)).toEqual(['lead0', 'viewer']);
  });

  it('presence does not cross campuses', async () => {
    const outsider = await open(w.s.outsider, w.s.otherCampusId);
    const viewer = await open(w.s.viewer);
    outsider.send({ type: 'presence', screen: 'calendar' });
    await seesOn(outsider, 'calendar', ['outsider']);
    viewer.send({ type: 'presence', screen: 'calendar' });
    await seesOn(viewer, 'calendar', ['viewer']);
    expect(outsider.messages.filter((m) => m.type === 'presence').every((m) => (m as Presence).people.every((p) => p.name === 'outsider'))).toBe(true);
  });
});
