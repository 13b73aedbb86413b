/**
 * The API's shapes as the browser uses them. A copy of the server's response schemas (web/ does
 * not import server/): tests/web/api-types.test.ts checks at compile time that each one matches
 * the server's, so `npm run typecheck` fails when they drift apart.
 */

export type RoleName = 'admin' | 'principal' | 'lead' | 'council' | 'viewer';

export interface Me {
  user: { id: number; email: string; name: string };
  campuses: Array<{
    campusId: number;
    campusName: string;
    roles: string[];
    schools: Array<{ id: number; name: string; locationCode: string; role: string }>;
  }>;
  csrfToken: string;
  sessionExpiresAt: string;
}

export interface Campus {
  id: number;
  name: string;
  timeZone: string;
  yearStart: string;
  yearEnd: string;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface School {
  id: number;
  campusId: number;
  name: string;
  locationCode: string;
  kind: string;
  enrollment: number;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export type OpenHours = Partial<Record<Weekday, Array<{ open: string; close: string }>>> | null;

export interface Space {
  id: number;
  campusId: number;
  name: string;
  kind: string;
  capacity: number;
  parentId: number | null;
  setupMinutes: number;
  teardownMinutes: number;
  openHours: OpenHours;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface Closure {
  id: number;
  campusId: number;
  reason: string;
  note: string;
  spaceIds: number[] | null;
  allDay: boolean;
  start: string;
  end: string;
  localStart: string;
  localEnd: string;
  startUtc: string;
  endUtc: string;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

/** When something happens: campus wall clock ("YYYY-MM-DDTHH:mm") and the same as instants. */
interface Times {
  localStart: string;
  localEnd: string;
  startUtc: string;
  endUtc: string;
}

/** What every occurrence says of itself, however it is listed. */
interface OccurrenceTimes extends Times {
  /** Where the rule put it (it stays the occurrence's identity when moved). */
  originalLocalStart: string;
  status: string;
  isException: boolean;
}

/** One occurrence as the calendar lists it. */
export interface ListedOccurrence extends OccurrenceTimes {
  occurrenceId: number;
  bookingId: number;
  title: string;
  spaceId: number;
  spaceName: string;
  schoolId: number;
  schoolName: string;
  schoolCode: string;
  attendees: number;
  recurring: boolean;
}

export interface Occurrence extends OccurrenceTimes {
  id: number;
  bookingId: number;
  spaceId: number;
  schoolId: number;
  title: string | null;
  attendees: number | null;
  cancelledAt: string | null;
  cancelledBy: number | null;
}

interface BookingFields {
  id: number;
  campusId: number;
  spaceId: number;
  schoolId: number;
  title: string;
  purpose: string;
  attendees: number;
  start: string;
  end: string;
  rrule: string | null;
  exdates: string[];
  status: string;
  version: number;
  splitFromId: number | null;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
  cancelledBy: number | null;
  cancelledAt: string | null;
}

export interface Booking extends BookingFields {
  occurrences: Occurrence[];
}

export interface BookingSummary extends BookingFields {
  activeOccurrences: number;
  firstStartUtc: string | null;
  lastEndUtc: string | null;
}

/** What a person asks for: POST /api/campuses/:id/bookings. */
export interface BookingInput {
  spaceId: number;
  schoolId: number;
  title: string;
  purpose?: string;
  attendees: number;
  start: string;
  end: string;
  rrule?: string | null;
  exdates?: string[];
}

export type BookingChanges = Partial<Omit<BookingInput, 'schoolId'>>;
export type Scope = 'series' | 'following' | 'occurrence';

export interface Conflict {
  kind: 'overlap' | 'closure' | 'outside_hours' | 'capacity';
  occurrence: Times;
  with?: {
    bookingId: number;
    occurrenceId: number;
    title: string;
    schoolId: number;
    schoolName: string;
    schoolCode: string;
    spaceId: number;
    spaceName: string;
    localStart: string;
    localEnd: string;
  };
  closure?: { id: number; reason: string; note: string; localStart: string; localEnd: string };
  openHours?: Array<{ open: string; close: string }>;
  attendees?: number;
  capacity?: number;
}

export interface Alternatives {
  skipDates: string[];
  times: Array<{ shiftMinutes: number; localStart: string; localEnd: string }>;
  spaces: Array<{ spaceId: number; name: string; kind: string; capacity: number }>;
}

export interface Analysis {
  ok: boolean;
  occurrences: Times[];
  conflicts: Conflict[];
  alternatives: Alternatives | null;
}

export interface Member {
  id: number;
  campusId: number;
  role: string;
  schoolId: number | null;
  createdAt: string;
  user: { id: number; email: string; name: string; disabled: boolean };
}

export interface AddedMember extends Member {
  initialPassword: string | null;
}
