/**
 * Shared spaces as the conflict checker sees them: their open hours and how
 * divisible spaces nest (a gym and its two halves).
 */
import { DomainError, invalidField } from './errors.js';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One open window of a day, 'HH:mm'; close may be '24:00' (open until midnight). */
export interface OpenWindow {
  open: string;
  close: string;
}

/** A weekday that is absent is closed all day; `null` open hours (on SpaceRule) = always open. */
export type OpenHours = Partial<Record<Weekday, OpenWindow[]>>;

export interface SpaceRule {
  id: number;
  name: string;
  kind: string;
  capacity: number;
  parentId: number | null;
  setupMinutes: number;
  teardownMinutes: number;
  openHours: OpenHours | null;
  archived: boolean;
}

const TIME_OF_DAY = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;

/** Minutes since midnight of 'HH:mm' ('24:00' → 1440), or null when malformed. */
export function minutesOfDay(hhmm: string): number | null {
  const m = TIME_OF_DAY.exec(hhmm);
  if (!m) return null;
  return Number(m[1] ?? m[3]) * 60 + Number(m[2] ?? m[4]);
}

/** The weekday key for luxon/ISO numbering (1 = Monday … 7 = Sunday). */
export function weekdayKey(isoWeekday: number): Weekday {
  const key = WEEKDAYS[isoWeekday - 1];
  if (!key) throw new RangeError(`weekday out of range: ${isoWeekday}`);
  return key;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

interface ParsedWindow {
  index: number;
  open: number;
  close: number;
  window: OpenWindow;
}

function parseWindow(day: string, index: number, x: unknown): ParsedWindow {
  const field = `openHours/${day}/${index}`;
  if (!isRecord(x) || typeof x.open !== 'string' || typeof x.close !== 'string') {
    throw invalidField(field, 'expected { open: "HH:mm", close: "HH:mm" }');
  }
  const open = minutesOfDay(x.open);
  const close = minutesOfDay(x.close);
  if (open === null || open === 1440) throw invalidField(field, `bad open time "${x.open}"`);
  if (close === null) throw invalidField(field, `bad close time "${x.close}"`);
  if (open >= close) throw invalidField(field, 'open must be before close');
  return { index, open, close, window: { open: x.open, close: x.close } };
}

/**
 * Windows sorted by opening time; windows that touch (12:00 close, 12:00 open)
 * are merged, so that "fits in one window" means what an admin would expect.
 */
function validateDay(day: string, x: unknown): OpenWindow[] {
  if (!Array.isArray(x)) throw invalidField(`openHours/${day}`, 'expected a list of windows');
  const parsed = x.map((w, i) => parseWindow(day, i, w)).sort((a, b) => a.open - b.open);
  const merged: ParsedWindow[] = [];
  for (const w of parsed) {
    const last = merged[merged.length - 1];
    if (last && w.open < last.close) {
      throw invalidField(`openHours/${day}/${w.index}`, 'overlaps another window of the same day');
    }
    if (last && w.open === last.close) {
      last.close = w.close;
      last.window = { open: last.window.open, close: w.window.close };
    } else {
      merged.push({ ...w });
    }
  }
  return merged.map((w) => w.window);
}

/** Checks untrusted open hours and returns them normalised (sorted, touching windows merged). */
export function validateOpenHours(x: unknown): OpenHours {
  if (!isRecord(x)) throw invalidField('openHours', 'expected an object keyed by weekday');
  const result: OpenHours = {};
  for (const [day, windows] of Object.entries(x)) {
    if (!(WEEKDAYS as readonly string[]).includes(day)) {
      throw invalidField(`openHours/${day}`, `unknown weekday; use one of ${WEEKDAYS.join(', ')}`);
    }
    result[day as Weekday] = validateDay(day, windows);
  }
  return result;
}

/** The space or a not_found error: conflict checks against an unknown space are a caller bug. */
export function requireSpace(spaceId: number, spaces: ReadonlyMap<number, SpaceRule>): SpaceRule {
  const space = spaces.get(spaceId);
  if (!space) throw new DomainError('not_found', `space ${spaceId} not found`, { spaceId });
  return space;
}

function ancestorsOf(spaceId: number, spaces: ReadonlyMap<number, SpaceRule>): number[] {
  const seen = new Set<number>([spaceId]);
  const result: number[] = [];
  let parent = spaces.get(spaceId)?.parentId ?? null;
  // `seen` stops a corrupt cycle in stored data from looping forever.
  while (parent !== null && !seen.has(parent)) {
    seen.add(parent);
    result.push(parent);
    parent = spaces.get(parent)?.parentId ?? null;
  }
  return result;
}

function descendantsOf(spaceId: number, spaces: ReadonlyMap<number, SpaceRule>): number[] {
  const result: number[] = [];
  const seen = new Set<number>([spaceId]);
  const queue = [spaceId];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const s of spaces.values()) {
      if (s.parentId === id && !seen.has(s.id)) {
        seen.add(s.id);
        result.push(s.id);
        queue.push(s.id);
      }
    }
  }
  return result;
}

/**
 * Spaces that cannot be used at the same time as `spaceId`: itself, every
 * ancestor (a half blocks the whole gym) and every descendant (the whole gym
 * blocks both halves). Siblings are not included: the two halves are independent.
 */
export function spaceFamily(spaceId: number, spaces: ReadonlyMap<number, SpaceRule>): number[] {
  // A Set because a corrupt cycle would list a space as both ancestor and descendant.
  return [...new Set([spaceId, ...ancestorsOf(spaceId, spaces), ...descendantsOf(spaceId, spaces)])];
}

/** Refuses a parent that does not exist or that would make a space its own ancestor. */
export function assertNoParentCycle(
  spaceId: number,
  newParentId: number | null,
  spaces: ReadonlyMap<number, SpaceRule>,
): void {
  if (newParentId === null) return;
  if (newParentId === spaceId) throw invalidField('parentId', 'a space cannot be its own parent');
  if (!spaces.has(newParentId)) throw invalidField('parentId', `space ${newParentId} not found`);
  if (ancestorsOf(newParentId, spaces).includes(spaceId)) {
    throw invalidField('parentId', `space ${newParentId} is inside space ${spaceId}; that would make a cycle`);
  }
}
