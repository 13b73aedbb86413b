/**
 * The demo campus's bookings: a week-in, week-out fabric of recurring series plus a few
 * one-off events. Every series starts on a date its rule generates; occurrences that fall
 * on a closure are turned into EXDATEs by demo.ts, so the data never lists them by hand.
 * The fabric is designed to be conflict-free: the seed goes through createBooking, which
 * refuses any overlap (setup/teardown buffers included), any slot outside open hours and
 * any group larger than the room.
 */
import type { BookingInput } from '../usecases/bookings.js';
import { CODE, type SchoolCode, type SpaceKey } from './demo-campus.js';

/** A demo booking: a BookingInput naming its space and school by their demo keys. */
export interface BookingSeed extends Omit<BookingInput, 'spaceId' | 'schoolId' | 'exdates'> {
  space: SpaceKey;
  school: SchoolCode;
}

type Seed = Omit<BookingSeed, 'start' | 'end' | 'rrule'>;

/** A series whose first occurrence is on `date` from `from` to `to` (campus wall-clock time). */
function series(rrule: string, date: string, from: string, to: string, seed: Seed): BookingSeed {
  return { ...seed, rrule, start: `${date}T${from}`, end: `${date}T${to}` };
}

function once(date: string, from: string, to: string, seed: Seed): BookingSeed {
  return { ...seed, rrule: null, start: `${date}T${from}`, end: `${date}T${to}` };
}

const weekly = (days: string) => `FREQ=WEEKLY;BYDAY=${days}`;
const monthly = (day: string) => `FREQ=MONTHLY;BYDAY=${day}`;
const SCHOOL_DAYS = 'MO,TU,WE,TH,FR';

// First school week: Mon 2026-08-17 … Sat 08-22. Class visits and clubs start a week later.
const MON = '2026-08-24', TUE = '2026-08-25', WED = '2026-08-26', THU = '2026-08-27', FRI = '2026-08-28', SAT = '2026-08-29';

/** Each school's weekly library block: two per weekday, one in the morning, one after lunch. */
const LIBRARY_BLOCKS: Array<[string, string, SchoolCode, number]> = [
  ['MO', MON, CODE.arts, 34], ['MO', MON, CODE.health, 62],
  ['TU', TUE, CODE.humanitas, 58], ['TU', TUE, CODE.business, 33],
  ['WE', WED, CODE.stem, 66], ['WE', WED, CODE.global, 35],
  ['TH', THU, CODE.service, 31], ['TH', THU, CODE.green, 60],
  ['FR', FRI, CODE.newcomer, 36], ['FR', FRI, CODE.leadership, 64],
];

const libraryBlocks = LIBRARY_BLOCKS.map(([day, date, school, attendees], i) =>
  series(weekly(day), date, i % 2 === 0 ? '08:30' : '12:30', i % 2 === 0 ? '10:00' : '14:00', {
    space: 'library', school, attendees, title: 'Library block', purpose: 'Weekly class visit: research skills and book checkout',
  }),
);

export const DEMO_SERIES: BookingSeed[] = [
  ...libraryBlocks,
  series(weekly('MO,TU,WE,TH'), MON, '15:30', '17:00', { space: 'library', school: CODE.office, attendees: 60, title: 'Homework Help Center', purpose: 'After-school tutoring open to every school' }),

  series(weekly('TU,TH'), TUE, '15:15', '16:45', { space: 'lab', school: CODE.service, attendees: 30, title: 'Credit recovery lab', purpose: 'Online credit-recovery courses with a teacher' }),
  series(weekly('WE'), WED, '15:30', '17:00', { space: 'lab', school: CODE.stem, attendees: 24, title: 'Coding club', purpose: 'Web and game programming' }),

  series(weekly('SA'), SAT, '09:00', '12:00', { space: 'cafeteria', school: CODE.newcomer, attendees: 60, title: 'Saturday family ESL classes', purpose: 'English classes for parents and guardians' }),

  series(monthly('-1FR'), FRI, '09:00', '10:30', { space: 'auditorium', school: CODE.office, attendees: 750, title: 'Grade-level assembly', purpose: 'Monthly assembly, rotating grade levels' }),
  series(monthly('2WE'), '2026-09-09', '10:00', '11:30', { space: 'auditorium', school: CODE.humanitas, attendees: 340, title: 'Humanitas town hall', purpose: 'Student-led town hall' }),
  series(weekly('MO,WE'), MON, '15:30', '17:30', { space: 'auditorium', school: CODE.arts, attendees: 45, title: 'Theatre rehearsal', purpose: 'Fall play, then spring musical' }),
  series(weekly('TU,TH'), TUE, '15:30', '17:00', { space: 'auditorium', school: CODE.global, attendees: 40, title: 'Ballet folklórico practice', purpose: 'Dance company rehearsal' }),

  series(weekly('MO,WE,FR'), '2026-08-17', '08:00', '10:00', { space: 'artA', school: CODE.arts, attendees: 34, title: 'Visual arts studio', purpose: 'Drawing and painting block' }),
  series(weekly('TU,TH'), '2026-08-18', '08:00', '10:00', { space: 'artA', school: CODE.humanitas, attendees: 32, title: 'Community mural project', purpose: 'Design and painting of the east-wall mural' }),
  series(weekly('WE'), WED, '15:30', '17:00', { space: 'artA', school: CODE.leadership, attendees: 20, title: 'Art club', purpose: 'Open studio' }),
  series(weekly('TU,TH'), '2026-08-18', '12:30', '14:30', { space: 'artB', school: CODE.green, attendees: 30, title: 'Ceramics', purpose: 'Ceramics elective with recycled clay' }),
  series(weekly('FR'), FRI, '15:30', '17:00', { space: 'artB', school: CODE.stem, attendees: 18, title: 'Comics & animation club', purpose: 'Storyboarding and digital animation' }),

  series(monthly('2TU'), '2026-09-08', '17:30', '19:00', { space: 'parentCenter', school: CODE.office, attendees: 35, title: 'Family workshop', purpose: 'Monthly workshop for families, in Spanish and English' }),
  series(monthly('1TH'), '2026-09-03', '08:30', '10:00', { space: 'parentCenter', school: CODE.newcomer, attendees: 30, title: 'ELAC meeting', purpose: 'English Learner Advisory Committee' }),
  series(monthly('1FR'), '2026-09-04', '08:00', '09:00', { space: 'parentCenter', school: CODE.leadership, attendees: 25, title: 'Coffee with the principal', purpose: 'Open conversation with families' }),
  series(weekly('SA'), SAT, '09:00', '12:00', { space: 'parentCenter', school: CODE.business, attendees: 20, title: 'Clases de computación para familias', purpose: 'Computer basics for parents' }),

  // Both halves at once by different schools is fine; the whole gym is then taken.
  series(weekly(SCHOOL_DAYS), '2026-08-17', '08:00', '09:30', { space: 'gymNorth', school: CODE.health, attendees: 70, title: 'PE', purpose: 'Physical education, periods 1–2' }),
  series(weekly(SCHOOL_DAYS), '2026-08-17', '08:00', '09:30', { space: 'gymSouth', school: CODE.stem, attendees: 70, title: 'PE', purpose: 'Physical education, periods 1–2' }),
  series(weekly(SCHOOL_DAYS), '2026-08-17', '10:00', '11:30', { space: 'gymNorth', school: CODE.service, attendees: 70, title: 'PE', purpose: 'Physical education, periods 3–4' }),
  series(weekly('MO,TU,WE,TH'), MON, '15:30', '17:30', { space: 'gymNorth', school: CODE.health, attendees: 28, title: "Girls' volleyball practice", purpose: 'Varsity and JV' }),
  series(weekly('MO,TU,WE,TH'), MON, '15:30', '17:30', { space: 'gymSouth', school: CODE.service, attendees: 24, title: "Boys' basketball practice", purpose: 'Varsity and JV' }),
  series(weekly('FR'), FRI, '16:00', '18:00', { space: 'gym', school: CODE.newcomer, attendees: 60, title: 'Futsal league', purpose: 'Friday intramural futsal' }),
  series(weekly('SA'), SAT, '09:00', '13:00', { space: 'gym', school: CODE.office, attendees: 150, title: 'Saturday youth basketball', purpose: 'Community youth league' }),

  series(weekly(SCHOOL_DAYS), '2026-08-17', '12:30', '14:00', { space: 'field', school: CODE.leadership, attendees: 70, title: 'PE', purpose: 'Physical education, periods 5–6' }),
  series(weekly('MO,WE'), MON, '15:30', '17:30', { space: 'field', school: CODE.global, attendees: 36, title: 'Soccer practice', purpose: 'Varsity and JV' }),
  series(weekly('TU,TH'), TUE, '15:30', '17:30', { space: 'field', school: CODE.green, attendees: 40, title: 'Track & field practice', purpose: 'Sprints, distance and field events' }),

  series(weekly('TU'), '2026-08-18', '07:30', '08:30', { space: 'conference', school: CODE.office, attendees: 14, title: 'Building Council meeting', purpose: 'Weekly council: scheduling, security, maintenance, shared staff' }),
  series(weekly('MO,TH'), '2026-08-17', '09:00', '12:00', { space: 'conference', school: CODE.office, attendees: 8, title: 'IEP meetings', purpose: 'Special education meetings with families' }),
  series(monthly('1WE'), '2026-09-02', '15:30', '17:00', { space: 'conference', school: CODE.leadership, attendees: 12, title: 'Instructional leadership team', purpose: 'Monthly planning of the school leadership team' }),
];

export const DEMO_ONE_OFFS: BookingSeed[] = [
  once('2026-09-02', '15:00', '16:30', { space: 'cafeteria', school: CODE.office, attendees: 400, title: 'Club fair', purpose: 'Every club of every school recruits' }),
  once('2026-09-10', '18:00', '20:00', { space: 'auditorium', school: CODE.office, attendees: 700, title: 'Back-to-School Night', purpose: 'Welcome for families of all schools' }),
  once('2026-10-09', '14:00', '15:00', { space: 'gym', school: CODE.office, attendees: 550, title: 'Homecoming pep rally', purpose: 'Building-wide' }),
  once('2026-10-22', '09:00', '13:00', { space: 'cafeteria', school: CODE.health, attendees: 300, title: 'Health careers fair', purpose: 'Hospitals and clinics meet students' }),
  once('2026-10-30', '17:30', '20:00', { space: 'cafeteria', school: CODE.global, attendees: 300, title: 'Día de los Muertos family night', purpose: 'Ofrendas, music and food' }),
  once('2026-12-17', '18:30', '20:30', { space: 'auditorium', school: CODE.arts, attendees: 600, title: 'Winter concert', purpose: 'Choir, band and mariachi' }),
  once('2027-02-06', '09:30', '15:00', { space: 'auditorium', school: CODE.service, attendees: 200, title: 'Mock trial invitational', purpose: 'Hosting four visiting teams' }),
  once('2027-03-11', '09:00', '14:00', { space: 'cafeteria', school: CODE.stem, attendees: 350, title: 'Science fair', purpose: 'Judging and open gallery' }),
  once('2027-04-16', '19:00', '21:00', { space: 'auditorium', school: CODE.arts, attendees: 600, title: 'Spring musical', purpose: 'Opening night' }),
  once('2027-05-07', '11:30', '14:00', { space: 'cafeteria', school: CODE.business, attendees: 300, title: "Student entrepreneurs' market", purpose: 'Student businesses sell their products' }),
  once('2027-05-20', '18:00', '20:00', { space: 'auditorium', school: CODE.office, attendees: 650, title: 'Senior awards night', purpose: 'Scholarships and awards, all schools' }),
  once('2027-06-05', '08:00', '12:00', { space: 'field', school: CODE.office, attendees: 1100, title: 'Graduation', purpose: 'Commencement for every school in the building' }),
];
