/** Administration over the API: schools, spaces, closures and members of one campus. */
import { api } from '../api/client.js';
import type { AddedMember, Closure, Member, School, Space } from '../api/types.js';
import type { ClosureInput } from './closure-form.js';
import type { AddMemberInput } from './member-form.js';
import type { SchoolInput } from './school-form.js';
import type { SpaceInput } from './space-form.js';

/** An existing booking a closure now stands in the way of (not cancelled by it). */
export interface BlockedOccurrence {
  occurrenceId: number;
  bookingId: number;
  title: string;
  schoolId: number;
  schoolName: string;
  spaceId: number;
  spaceName: string;
  localStart: string;
  localEnd: string;
}

export interface ClosureWithImpact extends Closure {
  blockedOccurrences: BlockedOccurrence[];
}

const base = (campusId: number) => `/campuses/${campusId}`;

/**
 * A campus's records that are archived rather than deleted (schools, spaces, closures): the
 * same four calls under /campuses/:id/<kind>. The list includes the archived ones.
 */
function archivable<Item, Input, Saved = Item>(kind: string) {
  const path = (campusId: number) => `${base(campusId)}/${kind}`;
  return {
    list: (campusId: number) => api<Item[]>('GET', path(campusId), { query: { includeArchived: true } }),
    create: (campusId: number, body: Input) => api<Saved>('POST', path(campusId), { body }),
    update: (campusId: number, id: number, body: Partial<Input>) => api<Saved>('PATCH', `${path(campusId)}/${id}`, { body }),
    setArchived: (campusId: number, id: number, archived: boolean) => api<Saved>('POST', `${path(campusId)}/${id}/${archived ? 'archive' : 'restore'}`),
  };
}

export const schoolsApi = archivable<School, SchoolInput>('schools');
export const spacesApi = archivable<Space, SpaceInput>('spaces');
/** Saving, lifting (archiving) or restoring a closure answers what it now blocks. */
export const closuresApi = archivable<Closure, ClosureInput, ClosureWithImpact>('closures');

export const membersApi = {
  list: (campusId: number) => api<Member[]>('GET', `${base(campusId)}/members`),
  add: (campusId: number, body: AddMemberInput) => api<AddedMember>('POST', `${base(campusId)}/members`, { body }),
  remove: (campusId: number, membershipId: number) => api<void>('DELETE', `${base(campusId)}/members/${membershipId}`),
};
