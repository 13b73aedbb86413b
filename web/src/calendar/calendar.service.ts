import { api } from '../api/client';
import type { ListedOccurrence } from '../api/types';

/** The active occurrences of a campus overlapping [from, to): local dates, `to` exclusive. */
export const listOccurrences = (campusId: number, from: string, to: string) =>
  api<ListedOccurrence[]>('GET', `/campuses/${campusId}/occurrences`, { query: { from, to } });
