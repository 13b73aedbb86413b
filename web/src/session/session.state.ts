/**
 * The signed-in person and the campus they are looking at, as signals. Roles here only decide
 * what the screens offer; the server checks every request again.
 */
import { computed, signal } from '@preact/signals';
import { apiSession } from '../api/client.js';
import type { Me, RoleName } from '../api/types.js';
import { fetchMe, signIn, signOut } from './session.service.js';

/** undefined while the first GET /api/me is on its way. */
export const me = signal<Me | null | undefined>(undefined);
/** Set when a session ended on its own (expired, revoked): the sign-in page says so. */
export const sessionEnded = signal(false);
/** Why the first GET /api/me failed (no connection, a server fault): shown instead of "Loading…" for ever. */
export const sessionError = signal<unknown>(null);

const CAMPUS_KEY = 'commons.campus';
export const selectedCampusId = signal<number | null>(null);

function adopt(next: Me | null): void {
  me.value = next;
  apiSession.setCsrfToken(next?.csrfToken ?? null);
  const ids = next?.campuses.map((c) => c.campusId) ?? [];
  const saved = Number(globalThis.localStorage?.getItem(CAMPUS_KEY));
  selectedCampusId.value = ids.includes(saved) ? saved : (ids[0] ?? null);
}

export function selectCampus(campusId: number): void {
  selectedCampusId.value = campusId;
  globalThis.localStorage?.setItem(CAMPUS_KEY, String(campusId));
}

apiSession.onSessionLost(() => {
  sessionEnded.value = true;
  adopt(null);
});

/** Who is signed in; a failure is kept in `sessionError` (the screens offer to try again), never thrown. */
export async function loadSession(): Promise<void> {
  try {
    const found = await fetchMe();
    sessionError.value = null;
    adopt(found);
  } catch (error) {
    sessionError.value = error;
  }
}

export async function signInAs(email: string, password: string): Promise<void> {
  const next = await signIn(email, password);
  sessionEnded.value = false;
  adopt(next);
}

/** Signs out here whatever the server answers (offline: its session simply expires). */
export async function signOutNow(): Promise<void> {
  try {
    await signOut();
  } catch {
    // Signed out in this browser all the same.
  } finally {
    adopt(null);
  }
}

export const membership = computed(() => me.value?.campuses.find((c) => c.campusId === selectedCampusId.value) ?? null);
export const roles = computed(() => new Set((membership.value?.roles ?? []) as RoleName[]));

/** The schools the person may book for: the ones they lead (or, as principal, the building office). */
export const bookableSchools = computed(() => (membership.value?.schools ?? []).filter((s) => s.role === 'lead' || s.role === 'principal'));

export const can = {
  book: computed(() => bookableSchools.value.length > 0),
  manageFacilities: computed(() => roles.value.has('admin') || roles.value.has('principal')),
  manageSchools: computed(() => roles.value.has('admin')),
  manageMembers: computed(() => roles.value.has('admin')),
};
