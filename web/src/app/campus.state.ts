/**
 * What every screen of a campus needs — the campus (its time zone), schools, spaces and
 * closures — kept fresh by the live stream. `revision` ticks with every committed change on the
 * campus (and after a resync): screens that show bookings refetch when it moves.
 */
import { batch, effect, signal } from '@preact/signals';
import type { Campus, Closure, School, Space } from '../api/types.js';
import { LiveClient, type LiveStatus } from '../live/live-client.js';
import { MAX_SCREEN_LENGTH } from '../live/messages.js';
import { me, selectedCampusId } from '../session/session.state.js';
import { getCampus, listClosures, listSchools, listSpaces } from './campus.service.js';

export const campus = signal<Campus | null>(null);
export const schools = signal<School[]>([]);
export const spaces = signal<Space[]>([]);
export const closures = signal<Closure[]>([]);
export const revision = signal(0);
export const liveStatus = signal<LiveStatus['state']>('closed');
/** Why the campus could not be loaded (the screens show it instead of "Loading…" for ever). */
export const loadError = signal<unknown>(null);

type Part = 'campus' | 'school' | 'space' | 'closure';
const ALL: Part[] = ['campus', 'school', 'space', 'closure'];

/** A part's fetch, answering how to apply it: applied only once every part asked for has arrived. */
function loader<T>(fetch: (campusId: number) => Promise<T>, apply: (found: T) => void) {
  return async (campusId: number) => {
    const found = await fetch(campusId);
    return () => apply(found);
  };
}

const loaders: Record<Part, (campusId: number) => Promise<() => void>> = {
  campus: loader(getCampus, (found) => (campus.value = found)),
  school: loader(listSchools, (found) => (schools.value = found)),
  space: loader(listSpaces, (found) => (spaces.value = found)),
  closure: loader(listClosures, (found) => (closures.value = found)),
};

/** The newest request of each part: two live events in a row may answer out of order, and a campus left behind must not write over the new one. */
const newest: Record<Part, number> = { campus: 0, school: 0, space: 0, closure: 0 };

async function reload(campusId: number, which: Part[] = ALL): Promise<void> {
  const asked = which.map((part) => ++newest[part]);
  try {
    const apply = await Promise.all(which.map((part) => loaders[part](campusId)));
    if (selectedCampusId.value !== campusId) return;
    batch(() => {
      apply.forEach((set, i) => newest[which[i]!] === asked[i] && set());
      loadError.value = null;
    });
  } catch (error) {
    if (selectedCampusId.value === campusId) loadError.value = error;
  }
}

/** "Try again" after the campus failed to load. */
export function retryCampus(): void {
  if (selectedCampusId.value !== null) void reload(selectedCampusId.value);
}

let live: LiveClient | null = null;

function follow(campusId: number): void {
  live?.close();
  live = new LiveClient({ campusId });
  // The client reported "connecting" from its constructor, before anyone listened.
  liveStatus.value = live.status.state;
  live.onStatus((status) => (liveStatus.value = status.state));
  live.subscribe((event) => {
    if (event.entityType in loaders) void reload(campusId, [event.entityType as Part]);
    revision.value += 1;
  });
  live.onResync(() => {
    void reload(campusId);
    revision.value += 1;
  });
}

/** Tell the others on the campus which screen this person is on (presence). */
export function announceScreen(screen: string | null): void {
  // A name the stream refuses (too long: a made-up address) is not worth breaking the screen for.
  live?.setScreen(screen === null ? null : screen.slice(0, MAX_SCREEN_LENGTH) || null);
}

effect(() => {
  const campusId = selectedCampusId.value;
  const signedIn = Boolean(me.value);
  live?.close();
  live = null;
  // Nothing of the campus left behind (or of the person signed out) shows while the next one loads.
  campus.value = null;
  schools.value = [];
  spaces.value = [];
  closures.value = [];
  loadError.value = null;
  if (!signedIn || campusId === null) return;
  void reload(campusId);
  follow(campusId);
});

/** After a write of our own: refresh now rather than wait for the live echo. */
export function bumpRevision(): void {
  revision.value += 1;
}
