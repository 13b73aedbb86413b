/** The space form's state, its checks, and the body it sends. Pure. */
import type { Space } from '../api/types.js';
import { wholeNumber, type Issue } from './form-errors.js';
import { draftFromHours, hoursFromDraft, validateHoursDraft, type HoursDraft } from './open-hours.js';

/** The kinds offered in the select (stored in English, lower case, as the server keeps them). */
export const COMMON_KINDS = ['library', 'auditorium', 'gym', 'field', 'cafeteria', 'art room', 'parent center', 'lab', 'meeting room'] as const;
export const OTHER_KIND = '__other';
/** The server's limit on setup and teardown buffers (server/domain/limits.ts). */
export const MAX_BUFFER_MINUTES = 240;

export interface SpaceDraft {
  name: string;
  /** One of COMMON_KINDS, OTHER_KIND, or '' (not chosen yet). */
  kindChoice: string;
  kindOther: string;
  capacity: string;
  parentId: string;
  setupMinutes: string;
  teardownMinutes: string;
  hours: HoursDraft;
}

/** What POST and PATCH take: a space's writable fields. */
export type SpaceInput = Pick<Space, 'name' | 'kind' | 'capacity' | 'parentId' | 'setupMinutes' | 'teardownMinutes' | 'openHours'>;

export function draftFromSpace(space: Space | null): SpaceDraft {
  if (!space) {
    return { name: '', kindChoice: '', kindOther: '', capacity: '', parentId: '', setupMinutes: '0', teardownMinutes: '0', hours: draftFromHours(undefined) };
  }
  const common = (COMMON_KINDS as readonly string[]).includes(space.kind);
  return {
    name: space.name,
    kindChoice: common ? space.kind : OTHER_KIND,
    kindOther: common ? '' : space.kind,
    capacity: String(space.capacity),
    parentId: space.parentId === null ? '' : String(space.parentId),
    setupMinutes: String(space.setupMinutes),
    teardownMinutes: String(space.teardownMinutes),
    hours: draftFromHours(space.openHours),
  };
}

export function kindOf(draft: SpaceDraft): string {
  return (draft.kindChoice === OTHER_KIND ? draft.kindOther : draft.kindChoice).trim().toLowerCase();
}

export function validateSpaceDraft(draft: SpaceDraft): Issue[] {
  const issues: Issue[] = [];
  if (!draft.name.trim()) issues.push({ field: 'name', key: 'admin.errors.required' });
  if (!kindOf(draft)) issues.push({ field: 'kind', key: 'admin.errors.required' });
  if (!draft.capacity.trim()) issues.push({ field: 'capacity', key: 'admin.errors.required' });
  else if (wholeNumber(draft.capacity, 1, 100_000) === null) issues.push({ field: 'capacity', key: 'admin.errors.wholeNumber', values: { min: 1, max: 100_000 } });
  for (const field of ['setupMinutes', 'teardownMinutes'] as const) {
    if (wholeNumber(draft[field] || '0', 0, MAX_BUFFER_MINUTES) === null) issues.push({ field, key: 'admin.errors.wholeNumber', values: { min: 0, max: MAX_BUFFER_MINUTES } });
  }
  return [...issues, ...validateHoursDraft(draft.hours)];
}

/** The body of POST (new) or PATCH (every field: what you see is what is saved). Call after validating. */
export function spaceInputFromDraft(draft: SpaceDraft): SpaceInput {
  return {
    name: draft.name.trim(),
    kind: kindOf(draft),
    capacity: Number(draft.capacity.trim()),
    parentId: draft.parentId === '' ? null : Number(draft.parentId),
    setupMinutes: Number(draft.setupMinutes.trim() || '0'),
    teardownMinutes: Number(draft.teardownMinutes.trim() || '0'),
    openHours: hoursFromDraft(draft.hours),
  };
}

/** Spaces that may be this one's parent: not itself, not one of its parts (no cycles), not archived. */
export function parentChoices(spaces: readonly Space[], selfId: number | null): Space[] {
  if (selfId === null) return spaces.filter((s) => !s.archived);
  const inside = new Set<number>([selfId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const s of spaces) {
      if (s.parentId !== null && inside.has(s.parentId) && !inside.has(s.id)) {
        inside.add(s.id);
        grew = true;
      }
    }
  }
  return spaces.filter((s) => !s.archived && !inside.has(s.id));
}

/** Spaces listed with their parts right after them (a gym, then its halves), by name otherwise. */
export function nestedOrder(spaces: readonly Space[]): Array<{ space: Space; depth: number }> {
  const byName = [...spaces].sort((a, b) => a.name.localeCompare(b.name));
  const ids = new Set(spaces.map((s) => s.id));
  const out: Array<{ space: Space; depth: number }> = [];
  const placed = new Set<number>();
  const visit = (space: Space, depth: number) => {
    if (placed.has(space.id)) return;
    placed.add(space.id);
    out.push({ space, depth });
    for (const child of byName.filter((s) => s.parentId === space.id)) visit(child, depth + 1);
  };
  for (const s of byName) if (s.parentId === null || !ids.has(s.parentId)) visit(s, 0);
  for (const s of byName) visit(s, 0); // a corrupt cycle: still list everything once
  return out;
}
