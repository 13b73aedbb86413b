import { api } from '../api/client.js';
import type { Campus, Closure, School, Space } from '../api/types.js';

export const getCampus = (campusId: number) => api<Campus>('GET', `/campuses/${campusId}`);
export const listSchools = (campusId: number) => api<School[]>('GET', `/campuses/${campusId}/schools`);
export const listSpaces = (campusId: number) => api<Space[]>('GET', `/campuses/${campusId}/spaces`);
export const listClosures = (campusId: number) => api<Closure[]>('GET', `/campuses/${campusId}/closures`);
