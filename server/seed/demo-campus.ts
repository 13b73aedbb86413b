/**
 * The demo campus as data: a made-up building shaped like the Belmont Zone of Choice
 * (nine SLCs, one autonomous small school and the building office sharing one building),
 * its shared spaces and the 2026–27 school year's closures. demo.ts feeds it to the use cases.
 */
import type { CampusInput } from '../usecases/campuses.js';
import type { ClosureInput } from '../usecases/closures.js';
import type { SchoolInput } from '../usecases/schools.js';
import type { SpaceInput } from '../usecases/spaces.js';
import type { OpenHours, OpenWindow } from '../domain/spaces.js';

export const DEMO_CAMPUS: CampusInput = {
  name: 'Westlake Commons Campus',
  timeZone: 'America/Los_Angeles',
  yearStart: '2026-08-17',
  yearEnd: '2027-06-11',
};

/** Local location codes, named so the booking data reads like the council's own shorthand. */
export const CODE = {
  office: '1930',
  arts: '1931',
  health: '1944',
  humanitas: '1957',
  business: '1962',
  stem: '1978',
  global: '1983',
  service: '1995',
  green: '2004',
  newcomer: '2016',
  leadership: '8547',
} as const;

export type SchoolCode = (typeof CODE)[keyof typeof CODE];

export const DEMO_SCHOOLS: SchoolInput[] = [
  { name: 'Building Office', locationCode: CODE.office, kind: 'building', enrollment: 0 },
  { name: 'Arts & Media SLC', locationCode: CODE.arts, kind: 'slc', enrollment: 384 },
  { name: 'Health Academy', locationCode: CODE.health, kind: 'slc', enrollment: 362 },
  { name: 'Social Justice Humanitas', locationCode: CODE.humanitas, kind: 'slc', enrollment: 341 },
  { name: 'Business & Entrepreneurship SLC', locationCode: CODE.business, kind: 'slc', enrollment: 318 },
  { name: 'STEM Academy', locationCode: CODE.stem, kind: 'slc', enrollment: 397 },
  { name: 'Global Studies & World Languages SLC', locationCode: CODE.global, kind: 'slc', enrollment: 335 },
  { name: 'Public Service & Law SLC', locationCode: CODE.service, kind: 'slc', enrollment: 309 },
  { name: 'Green Futures SLC', locationCode: CODE.green, kind: 'slc', enrollment: 326 },
  { name: 'Newcomer International SLC', locationCode: CODE.newcomer, kind: 'slc', enrollment: 352 },
  { name: 'Westlake Community Leadership School', locationCode: CODE.leadership, kind: 'autonomous', enrollment: 376 },
];

export type SpaceKey =
  | 'library'
  | 'cafeteria'
  | 'auditorium'
  | 'artA'
  | 'artB'
  | 'parentCenter'
  | 'gym'
  | 'gymNorth'
  | 'gymSouth'
  | 'field'
  | 'lab'
  | 'conference';

export interface SpaceSeed extends Omit<SpaceInput, 'parentId'> {
  key: SpaceKey;
  /** Listed before its halves, so it exists when they are created. */
  parent: SpaceKey | null;
}

function hours(weekday: OpenWindow, saturday?: OpenWindow): OpenHours {
  const result: OpenHours = { mon: [weekday], tue: [weekday], wed: [weekday], thu: [weekday], fri: [weekday] };
  if (saturday) result.sat = [saturday];
  return result;
}

const w = (open: string, close: string): OpenWindow => ({ open, close });

const GYM_HOURS = hours(w('06:30', '20:00'), w('08:00', '16:00'));

export const DEMO_SPACES: SpaceSeed[] = [
  { key: 'library', parent: null, name: 'Library', kind: 'library', capacity: 120, setupMinutes: 0, teardownMinutes: 0, openHours: hours(w('07:00', '17:30')) },
  { key: 'cafeteria', parent: null, name: 'Cafeteria', kind: 'cafeteria', capacity: 450, setupMinutes: 15, teardownMinutes: 15, openHours: hours(w('06:30', '20:00'), w('08:00', '14:00')) },
  { key: 'auditorium', parent: null, name: 'Auditorium', kind: 'auditorium', capacity: 800, setupMinutes: 30, teardownMinutes: 30, openHours: hours(w('07:00', '21:30'), w('09:00', '17:00')) },
  { key: 'artA', parent: null, name: 'Art Room A (Room 114)', kind: 'art room', capacity: 36, setupMinutes: 0, teardownMinutes: 15, openHours: hours(w('07:00', '18:00')) },
  { key: 'artB', parent: null, name: 'Art Room B (Room 116)', kind: 'art room', capacity: 36, setupMinutes: 0, teardownMinutes: 15, openHours: hours(w('07:00', '18:00')) },
  { key: 'parentCenter', parent: null, name: 'Parent Center', kind: 'parent center', capacity: 40, setupMinutes: 0, teardownMinutes: 10, openHours: hours(w('07:30', '19:30'), w('09:00', '13:00')) },
  { key: 'gym', parent: null, name: 'Gymnasium (whole)', kind: 'gym', capacity: 600, setupMinutes: 15, teardownMinutes: 15, openHours: GYM_HOURS },
  { key: 'gymNorth', parent: 'gym', name: 'Gym — North Court', kind: 'gym', capacity: 300, setupMinutes: 10, teardownMinutes: 10, openHours: GYM_HOURS },
  { key: 'gymSouth', parent: 'gym', name: 'Gym — South Court', kind: 'gym', capacity: 300, setupMinutes: 10, teardownMinutes: 10, openHours: GYM_HOURS },
  // Open hours cannot follow the season, so "till dusk" is the field's year-round 18:00 (no lights).
  { key: 'field', parent: null, name: 'Athletic Field', kind: 'field', capacity: 1200, setupMinutes: 0, teardownMinutes: 0, openHours: hours(w('07:00', '18:00'), w('08:00', '17:00')) },
  { key: 'lab', parent: null, name: 'Computer Lab (Room 210)', kind: 'lab', capacity: 40, setupMinutes: 0, teardownMinutes: 0, openHours: hours(w('07:30', '17:00')) },
  { key: 'conference', parent: null, name: 'Conference Room', kind: 'meeting room', capacity: 24, setupMinutes: 0, teardownMinutes: 0, openHours: hours(w('07:00', '19:00')) },
];

export interface ClosureSeed extends Omit<ClosureInput, 'spaceIds'> {
  /** null closes the whole campus. */
  spaces: SpaceKey[] | null;
}

const holiday = (note: string, start: string, end = start): ClosureSeed => ({ reason: 'holiday', note, spaces: null, start, end });

/** An LAUSD-like 2026–27 calendar; whole days, end inclusive. */
export const DEMO_CLOSURES: ClosureSeed[] = [
  holiday('Labor Day', '2026-09-07'),
  holiday('Veterans Day', '2026-11-11'),
  holiday('Thanksgiving break', '2026-11-23', '2026-11-27'),
  holiday('Winter break', '2026-12-21', '2027-01-08'),
  holiday('Martin Luther King Jr. Day', '2027-01-18'),
  holiday("Presidents' Day", '2027-02-15'),
  holiday('Spring break', '2027-03-29', '2027-04-02'),
  // Falls inside spring break, as it does on LAUSD calendars; kept as its own named holiday.
  holiday('Cesar Chavez Day', '2027-03-31'),
  holiday('Memorial Day', '2027-05-31'),
  { reason: 'testing', note: 'PSAT school day: library and computer lab are testing rooms', spaces: ['library', 'lab'], start: '2026-10-14', end: '2026-10-14' },
  { reason: 'testing', note: 'CAASPP testing: library and computer lab are testing rooms', spaces: ['library', 'lab'], start: '2027-04-27', end: '2027-04-28' },
  { reason: 'maintenance', note: 'North Court floor refinishing', spaces: ['gymNorth'], start: '2027-02-16', end: '2027-02-19' },
];
