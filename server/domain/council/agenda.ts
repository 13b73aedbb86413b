/**
 * The agenda drafts itself from the state of the campus: approval of the last minutes, open
 * action items, matters that need the council, the coming fortnight's high-impact bookings and
 * closures, submitted items and the standing topics — in that order, each with a default
 * time-box that members may change before the meeting. Pure: the use case gathers the state.
 */
import { invalidField } from '../errors.js';
import { minutesOfDay } from '../spaces.js';
import { addMinutesWall, localDateOf, type LocalDate, type LocalDateTime } from '../wallclock.js';
import { line, STANDING_TOPICS_EN, type LocalizedLine, type StandingTopicKey, type TextParams } from './agenda-text.js';
import type { MinutesStatus } from './lifecycle.js';
import { compareCodeUnits, rotationOrder, type MemberSchool } from './rotation.js';

export { rotationOrder, type MemberSchool } from './rotation.js';

export const AGENDA_SOURCES = ['minutes_approval', 'action_item', 'council_matter', 'high_impact', 'submitted', 'standing'] as const;
export type AgendaSource = (typeof AGENDA_SOURCES)[number];

export const DEFAULT_MINUTES: Readonly<Record<AgendaSource, number>> = {
  minutes_approval: 5,
  action_item: 3,
  council_matter: 10,
  high_impact: 5,
  submitted: 10,
  standing: 5,
};

/** The seeds' standing topics, in English; a campus edits its own list (see STANDING_TOPICS_EN). */
export const DEFAULT_STANDING_TOPICS: readonly string[] = Object.values(STANDING_TOPICS_EN);

/** Each default standing topic's English text → its key ('agenda.standing.security'). */
export const DEFAULT_STANDING_TOPIC_KEYS: Readonly<Record<string, StandingTopicKey>> = Object.freeze(
  Object.fromEntries(Object.entries(STANDING_TOPICS_EN).map(([key, text]) => [text, key as StandingTopicKey])),
);

/** The key of a standing topic whose text is exactly a default one; null for an edited or new topic. */
export function standingTopicKey(topic: string): StandingTopicKey | null {
  return Object.hasOwn(DEFAULT_STANDING_TOPIC_KEYS, topic) ? (DEFAULT_STANDING_TOPIC_KEYS[topic] ?? null) : null;
}

export interface OpenActionItem {
  id: number;
  what: string;
  ownerName: string;
  ownerSchoolCode: string;
  dueDate: LocalDate | null;
}

/**
 * Anything that needs the council (an escalated conflict, an appeal, a decision awaiting
 * ratification). Generic on purpose: each source names itself by sourceType. A source that
 * generates its title may pass a text key so the title can be translated too.
 */
export interface CouncilMatter {
  sourceType: string;
  sourceId: number;
  title: string;
  detail: string;
  titleKey?: string;
  titleParams?: TextParams;
}

export type HighImpactEntry =
  | {
      kind: 'booking';
      occurrenceId: number;
      bookingId: number;
      title: string;
      schoolCode: string;
      spaceName: string;
      localStart: LocalDateTime;
      localEnd: LocalDateTime;
      attendees: number;
    }
  | {
      kind: 'closure';
      closureId: number;
      reason: string;
      note: string | null;
      localStart: LocalDateTime;
      localEnd: LocalDateTime;
      /** null = the whole building is closed. */
      spaceNames: string[] | null;
    };

export interface SubmittedItem {
  id: number;
  title: string;
  detail: string;
  schoolId: number;
  schoolCode: string;
  /** Epoch ms. */
  submittedAt: number;
}

export interface AgendaInput {
  meeting: { id: number; sequence: number; localStart: LocalDateTime; localEnd: LocalDateTime };
  previousMeeting: { id: number; localStart: LocalDateTime; minutesStatus: MinutesStatus } | null;
  openActionItems: readonly OpenActionItem[];
  councilMatters: readonly CouncilMatter[];
  /** Already chosen by the use case: the 14 days from the meeting. */
  highImpact: readonly HighImpactEntry[];
  standingTopics: readonly string[];
  submitted: readonly SubmittedItem[];
  memberSchools: readonly MemberSchool[];
}

export interface DraftItem {
  source: AgendaSource;
  /** What kind of council matter (e.g. 'conflict'); null for the other sources. */
  sourceType: string | null;
  sourceId: number | null;
  /**
   * English; for generated titles and unchanged default standing topics, also titleKey +
   * titleParams to render it in another language (titleKey null: printed as written).
   */
  title: string;
  titleKey: string | null;
  titleParams: TextParams;
  /** English, lines joined by "\n". */
  detail: string;
  /** The generated detail, line by line, for translation; null when the detail is what people wrote. */
  detailLines: LocalizedLine[] | null;
  minutes: number;
  schoolId: number | null;
}

export function draftAgenda(input: AgendaInput): DraftItem[] {
  const schoolIdByCode = new Map(input.memberSchools.map((s) => [s.code, s.id]));
  return [
    ...minutesApproval(input.previousMeeting),
    ...[...input.openActionItems].sort(byDueDate).map((a) => actionItem(a, schoolIdByCode.get(a.ownerSchoolCode) ?? null)),
    ...input.councilMatters.map(councilMatter),
    ...highImpact(input.highImpact),
    ...submittedInRotation(input.submitted, input.memberSchools, input.meeting.sequence).map(submittedItem),
    ...input.standingTopics.map((t) => t.trim()).filter((t) => t !== '').map(standingTopic),
  ];
}

function generated(source: AgendaSource, sourceId: number | null, title: LocalizedLine, lines: LocalizedLine[], schoolId: number | null = null): DraftItem {
  return {
    source,
    sourceType: null,
    sourceId,
    title: title.text,
    titleKey: title.key,
    titleParams: title.params,
    detail: lines.map((l) => l.text).join('\n'),
    detailLines: lines,
    minutes: DEFAULT_MINUTES[source],
    schoolId,
  };
}

function written(source: AgendaSource, sourceId: number | null, title: string, detail: string, schoolId: number | null): DraftItem {
  return { source, sourceType: null, sourceId, title, titleKey: null, titleParams: {}, detail, detailLines: null, minutes: DEFAULT_MINUTES[source], schoolId };
}

// Approved or locked minutes need no approval; draft ones are listed so that nobody forgets to
// circulate them, with a line saying they must be circulated first (approving a draft is refused).
function minutesApproval(previous: AgendaInput['previousMeeting']): DraftItem[] {
  if (!previous || (previous.minutesStatus !== 'circulated' && previous.minutesStatus !== 'draft')) return [];
  const lines = previous.minutesStatus === 'draft' ? [line('agenda.minutesNotCirculated')] : [];
  return [generated('minutes_approval', previous.id, line('agenda.minutesApproval', { date: localDateOf(previous.localStart) }), lines)];
}

// Most pressing first: by due date, undated last, then in the order they were recorded.
function byDueDate(a: OpenActionItem, b: OpenActionItem): number {
  if (a.dueDate !== b.dueDate) {
    if (a.dueDate === null) return 1;
    if (b.dueDate === null) return -1;
    return a.dueDate < b.dueDate ? -1 : 1;
  }
  return a.id - b.id;
}

function actionItem(a: OpenActionItem, schoolId: number | null): DraftItem {
  const owner = { owner: a.ownerName, school: a.ownerSchoolCode };
  const detail = a.dueDate === null ? line('agenda.actionItemOwnerNoDue', owner) : line('agenda.actionItemOwner', { ...owner, due: a.dueDate });
  return generated('action_item', a.id, line('agenda.actionItem', { what: a.what }), [detail], schoolId);
}

function councilMatter(m: CouncilMatter): DraftItem {
  return {
    ...written('council_matter', m.sourceId, m.title, m.detail, null),
    sourceType: m.sourceType,
    titleKey: m.titleKey ?? null,
    titleParams: m.titleKey ? (m.titleParams ?? {}) : {},
  };
}

// One item for the whole fortnight, in time order; a closure before a booking that starts with it.
function highImpact(entries: readonly HighImpactEntry[]): DraftItem[] {
  if (entries.length === 0) return [];
  const sorted = [...entries].sort(
    (a, b) =>
      compareCodeUnits(a.localStart, b.localStart) || kindRank(a) - kindRank(b) || compareCodeUnits(a.localEnd, b.localEnd) || entryId(a) - entryId(b),
  );
  return [generated('high_impact', null, line('agenda.highImpact'), sorted.flatMap(highImpactLines))];
}

function kindRank(e: HighImpactEntry): number {
  return e.kind === 'closure' ? 0 : 1;
}

function entryId(e: HighImpactEntry): number {
  return e.kind === 'booking' ? e.occurrenceId : e.closureId;
}

function highImpactLines(e: HighImpactEntry): LocalizedLine[] {
  const when = whenText(e.localStart, e.localEnd);
  if (e.kind === 'booking') {
    return [line('agenda.highImpactBooking', { when, start: e.localStart, end: e.localEnd, space: e.spaceName, title: e.title, school: e.schoolCode, attendees: String(e.attendees) })];
  }
  const times = { when, start: e.localStart, end: e.localEnd, reason: e.reason };
  const closed = e.spaceNames === null
    ? line('agenda.highImpactBuildingClosure', times)
    : line('agenda.highImpactClosure', { ...times, spaces: e.spaceNames.join(', ') });
  const note = e.note?.trim();
  return note ? [closed, line('agenda.closureNote', { note })] : [closed];
}

/**
 * Digits only, so the same text reads in English and Spanish: "2026-11-20 18:00–20:00";
 * whole days (midnight to midnight) as dates, the end date being the last day closed.
 */
export function whenText(start: LocalDateTime, end: LocalDateTime): string {
  const startDate = localDateOf(start);
  if (start.endsWith('T00:00') && end.endsWith('T00:00') && end > start) {
    const lastDay = localDateOf(addMinutesWall(end, -1));
    return lastDay === startDate ? startDate : `${startDate} – ${lastDay}`;
  }
  if (localDateOf(end) === startDate) return `${startDate} ${start.slice(11)}–${end.slice(11)}`;
  return `${start.replace('T', ' ')} – ${end.replace('T', ' ')}`;
}

/**
 * Equal standing: no school always speaks first. Each school's oldest item comes in rotation
 * order, then each school's second, and so on, so one school's long list cannot push the
 * others to the end of the meeting. Items of a school that is no longer a member come last.
 */
function submittedInRotation(submitted: readonly SubmittedItem[], schools: readonly MemberSchool[], sequence: number): SubmittedItem[] {
  const sorted = [...submitted].sort((a, b) => a.submittedAt - b.submittedAt || a.id - b.id);
  const queues = rotationOrder(schools, sequence).map((id) => sorted.filter((s) => s.schoolId === id));
  const result: SubmittedItem[] = [];
  for (let round = 0; queues.some((q) => round < q.length); round++) {
    for (const q of queues) {
      const item = q[round];
      if (item) result.push(item);
    }
  }
  const members = new Set(schools.map((s) => s.id));
  return [...result, ...sorted.filter((s) => !members.has(s.schoolId))];
}

function submittedItem(s: SubmittedItem): DraftItem {
  return written('submitted', s.id, s.title, s.detail, s.schoolId);
}

// A default topic, unchanged, is printed in the reader's language; anything else as written.
function standingTopic(topic: string): DraftItem {
  const key = standingTopicKey(topic);
  return { ...written('standing', null, topic, '', null), titleKey: key };
}

export interface AgendaTimes {
  /** Per item, in the order given: 'HH:mm' wall-clock start and end. */
  items: Array<{ start: string; end: string }>;
  totalMinutes: number;
  plannedEnd: string;
}

/**
 * Planned times of each item from a 'HH:mm' start, by plain wall-clock arithmetic (a meeting is
 * never long enough for a DST change to matter). An agenda must end by midnight ('24:00' is
 * accepted as the end, as for open hours); one that would run past it is refused, because the
 * times would no longer say which day they are on. Reading an agenda that already runs past
 * midnight (a late meeting with a long generated agenda) must still work: with
 * `pastMidnight: 'wrap'` the times after midnight are given on the next day's clock instead.
 */
export function agendaTimes(items: ReadonlyArray<{ minutes: number }>, start: string, options: { pastMidnight?: 'refuse' | 'wrap' } = {}): AgendaTimes {
  const first = minutesOfDay(start);
  if (first === null || first === 1440) throw invalidField('start', `"${start}" is not a time of day (HH:mm)`);
  let at = first;
  const times = items.map((item, i) => {
    if (!Number.isInteger(item.minutes) || item.minutes < 0) {
      throw invalidField(`items/${i}/minutes`, 'must be a whole number of minutes, 0 or more');
    }
    const slot = { start: hhmm(at), end: hhmm(at + item.minutes) };
    at += item.minutes;
    return slot;
  });
  if (at > 1440 && options.pastMidnight !== 'wrap') {
    throw invalidField('items', `the agenda would run ${at - 1440} minutes past midnight; shorten it or start earlier`);
  }
  return { items: times, totalMinutes: at - first, plannedEnd: hhmm(at) };
}

/** 'HH:mm' of a minute of the day; past midnight (only when wrapping), on the next day's clock. */
function hhmm(minutes: number): string {
  const m = minutes > 1440 ? minutes % 1440 : minutes;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
