/** Administration over the API: schools, spaces, closures and members of one campus. */
import { api } from '../api/client';
import type { AddedMember, Closure, Member, School, Space } from '../api/types';
import type { ClosureInput } from './closure-form';
import type { AddMemberInput } from './member-form';
import type { SchoolInput } from './school-form';
import type { SpaceInput } from './space-form';

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
const all = { includeArchived: true };

export const schoolsApi = {
  list: (campusId: number) => api<School[]>('GET', `${base(campusId)}/schools`, { query: all }),
  create: (campusId: number, body: SchoolInput) => api<School>('POST', `${base(campusId)}/schools`, { body }),
  update: (campusId: number, id: number, body: Partial<SchoolInput>) => api<School>('PATCH', `${base(campusId)}/schools/${id}`, { body }),
  setArchived: (campusId: number, id: number, archived: boolean) => api<School>('POST', `${base(campusId)}/schools/${id}/${archived ? 'archive' : 'restore'}`),
};

export const spacesApi = {
  list: (campusId: number) => api<Space[]>('GET', `${base(campusId)}/spaces`, { query: all }),
  create: (campusId: number, body: SpaceInput) => api<Space>('POST', `${base(campusId)}/spaces`, { body }),
  update: (campusId: number, id: number, body: Partial<SpaceInput>) => api<Space>('PATCH', `${base(campusId)}/spaces/${id}`, { body }),
  setArchived: (campusId: number, id: number, archived: boolean) => api<Space>('POST', `${base(campusId)}/spaces/${id}/${archived ? 'archive' : 'restore'}`),
};

export const closuresApi = {
  list: (campusId: number) => api<Closure[]>('GET', `${base(campusId)}/closures`, { query: all }),
  create: (campusId: number, body: ClosureInput) => api<ClosureWithImpact>('POST', `${base(campusId)}/closures`, { body }),
  update: (campusId: number, id: number, body: Partial<ClosureInput>) => api<ClosureWithImpact>('PATCH', `${base(campusId)}/closures/${id}`, { body }),
  /** Lift (archive) or restore; the answer says what a restored closure blocks again. */
  setArchived: (campusId: number, id: number, archived: boolean) => api<ClosureWithImpact>('POST', `${base(campusId)}/closures/${id}/${archived ? 'archive' : 'restore'}`),
};

export const membersApi = {
  list: (campusId: number) => api<Member[]>('GET', `${base(campusId)}/members`),
  add: (campusId: number, body: AddMemberInput) => api<AddedMember>('POST', `${base(campusId)}/members`, { body }),
  remove: (campusId: number, membershipId: number) => api<void>('DELETE', `${base(campusId)}/members/${membershipId}`),
};
