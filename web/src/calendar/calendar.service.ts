import { api } from '../api/client.js';
import type { ListedOccurrence } from '../api/types.js';

/** The active occurrences of a campus overlapping [from, to): local dates, `to` exclusive. */
export const listOccurrences = (campusId: number, from: string, to: string) =>
  api<ListedOccurrence[]>('GET', `/campuses/${campusId}/occurrences`, { query: { from, to } });
