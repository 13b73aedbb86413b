/**
 * What every screen of a campus needs — the campus (its time zone), schools, spaces and
 * closures — kept fresh by the live stream. `revision` ticks with every committed change on the
 * campus (and after a resync): screens that show bookings refetch when it moves.
 */
import { effect, signal } from '@preact/signals';
import type { Campus, Closure, School, Space } from '../api/types.js';
import { LiveClient, type LiveStatus } from '../live/live-client.js';
import type { LiveEvent } from '../live/messages.js';
import { me, selectedCampusId } from '../session/session.state.js';
import { getCampus, listClosures, listSchools, listSpaces } from './campus.service.js';

export const campus = signal<Campus | null>(null);
export const schools = signal<School[]>([]);
export const spaces = signal<Space[]>([]);
export const closures = signal<Closure[]>([]);
export const revision = signal(0);
export const lastEvent = signal<LiveEvent | null>(null);
export const liveStatus = signal<LiveStatus['state']>('closed');
export const loadError = signal<string | null>(null);

const loaders = {
  campus: async (id: number) => void (campus.value = await getCampus(id)),
  school: async (id: number) => void (schools.value = await listSchools(id)),
  space: async (id: number) => void (spaces.value = await listSpaces(id)),
  closure: async (id: number) => void (closures.value = await listClosures(id)),
};

async function reload(campusId: number, which: Array<keyof typeof loaders> = ['campus', 'school', 'space', 'closure']): Promise<void> {
  try {
    await Promise.all(which.map((name) => loaders[name](campusId)));
    loadError.value = null;
  } catch (error) {
    loadError.value = error instanceof Error ? error.message : String(error);
  }
}

let live: LiveClient | null = null;

function follow(campusId: number): void {
  live?.close();
  live = new LiveClient({ campusId });
  live.onStatus((status) => (liveStatus.value = status.state));
  live.subscribe((event) => {
    if (event.entityType in loaders) void reload(campusId, [event.entityType as keyof typeof loaders]);
    lastEvent.value = event;
    revision.value += 1;
  });
  live.onResync(() => {
    void reload(campusId);
    revision.value += 1;
  });
}

/** Tell the others on the campus which screen this person is on (presence). */
export function announceScreen(screen: string | null): void {
  live?.setScreen(screen);
}

effect(() => {
  const campusId = selectedCampusId.value;
  const signedIn = Boolean(me.value);
  if (!signedIn || campusId === null) {
    live?.close();
    live = null;
    campus.value = null;
    return;
  }
  void reload(campusId);
  follow(campusId);
});

/** After a write of our own: refresh now rather than wait for the live echo. */
export function bumpRevision(): void {
  revision.value += 1;
}
