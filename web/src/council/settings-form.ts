/**
 * The council settings form: quorum, submission deadline, high-impact size and the standing
 * topics, as a draft of typed text. Pure: the panel validates the draft with the server's limits,
 * sends only what changed (PATCH /council/settings) and puts the server's field errors back
 * beside the fields with these helpers.
 */
import { moved } from './council-home.js';
import { councilText } from './council.i18n.js';
import type { CouncilSettings } from './council.types.js';

/** The server's limits (CouncilSettingsPatch). */
export const LIMITS = {
  quorumPercent: { min: 1, max: 99 },
  submissionDeadlineHours: { min: 0, max: 24 * 14 },
  highImpactAttendees: { min: 1, max: 100_000 },
} as const;
export const MAX_TOPICS = 30;
export const MAX_TOPIC_LENGTH = 200;

export type NumberField = keyof typeof LIMITS;
export const NUMBER_FIELDS = Object.keys(LIMITS) as NumberField[];

export interface SettingsDraft {
  standingTopics: string[];
  quorumPercent: string;
  submissionDeadlineHours: string;
  highImpactAttendees: string;
}

export type SettingsPatch = Partial<Omit<CouncilSettings, 'campusId'>>;

/** Where an issue is shown: a number field, the topic list as a whole, or one topic ("topic-2"). */
export type SettingsTarget = NumberField | 'standingTopics' | `topic-${number}`;

export interface SettingsIssue {
  field: SettingsTarget;
  /** An i18n key; `values` fill its placeholders. */
  key: string;
  values?: Record<string, number>;
}

export function draftOf(settings: CouncilSettings): SettingsDraft {
  return {
    standingTopics: [...settings.standingTopics],
    quorumPercent: String(settings.quorumPercent),
    submissionDeadlineHours: String(settings.submissionDeadlineHours),
    highImpactAttendees: String(settings.highImpactAttendees),
  };
}

/** A whole number typed by a person, within the limits; null otherwise ("1e3", "5.5", "" are refused). */
export function parseWhole(text: string, limits: { min: number; max: number }): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,7}$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= limits.min && value <= limits.max ? value : null;
}

/** Everything at fault in the draft, in the order of the form (numbers first, then the topics). */
export function validateDraft(draft: SettingsDraft): SettingsIssue[] {
  const issues: SettingsIssue[] = [];
  for (const field of NUMBER_FIELDS) {
    if (parseWhole(draft[field], LIMITS[field]) === null) issues.push({ field, key: 'council.settings.errors.range', values: { ...LIMITS[field] } });
  }
  if (draft.standingTopics.length > MAX_TOPICS) issues.push({ field: 'standingTopics', key: 'council.settings.errors.tooMany', values: { max: MAX_TOPICS } });
  const seen = new Map<string, number>();
  draft.standingTopics.forEach((topic, index) => {
    const text = topic.trim();
    const same = seen.get(text.toLowerCase());
    // The server would silently drop an empty topic: ask instead, the person may have meant to write one.
    if (text === '') issues.push({ field: `topic-${index}`, key: 'council.settings.errors.topicEmpty' });
    else if (text.length > MAX_TOPIC_LENGTH) issues.push({ field: `topic-${index}`, key: 'council.settings.errors.topicLong', values: { max: MAX_TOPIC_LENGTH } });
    // The server accepts a topic twice, but the agenda would then discuss it twice.
    else if (same !== undefined) issues.push({ field: `topic-${index}`, key: 'council.settings.errors.topicTwice', values: { number: same + 1 } });
    else seen.set(text.toLowerCase(), index);
  });
  return issues;
}

/** The topics as the server keeps them: trimmed, empty ones left out. */
export function cleanTopics(topics: readonly string[]): string[] {
  return topics.map((topic) => topic.trim()).filter((topic) => topic !== '');
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item, i) => item === b[i]);

/**
 * Only what the person changed since `base` (the settings the form started from): a field someone
 * else changed meanwhile is not sent back. Fields that do not parse are left out (validate first).
 */
export function settingsPatch(base: CouncilSettings, draft: SettingsDraft): SettingsPatch {
  const patch: SettingsPatch = {};
  for (const field of NUMBER_FIELDS) {
    const value = parseWhole(draft[field], LIMITS[field]);
    if (value !== null && value !== base[field]) patch[field] = value;
  }
  const topics = cleanTopics(draft.standingTopics);
  if (!sameList(topics, base.standingTopics)) patch.standingTopics = topics;
  return patch;
}

/** Whether the draft differs from `base` in anything the person typed (even text that does not parse yet). */
export function isDirty(base: CouncilSettings, draft: SettingsDraft): boolean {
  const start = draftOf(base);
  return NUMBER_FIELDS.some((field) => draft[field].trim() !== start[field]) || !sameList(draft.standingTopics, start.standingTopics);
}

/** The form field a server's problem+json field names: "standingTopics/3" → "topic-3", "/body/quorumPercent" → "quorumPercent". */
export function targetOf(path: string): SettingsTarget | null {
  const [name, index] = path.replace(/^\/?(body\/)?/, '').split('/');
  if (name === 'standingTopics') return index !== undefined && /^\d+$/.test(index) ? `topic-${Number(index)}` : 'standingTopics';
  return NUMBER_FIELDS.includes(name as NumberField) ? (name as NumberField) : null;
}

/** How many member schools must be present for quorum: more than `percent` of them (the server's rule). */
export function quorumNeeded(memberCount: number, percent: number): number {
  if (memberCount <= 0) return 0;
  return Math.min(Math.floor((memberCount * percent) / 100) + 1, memberCount);
}

/** The topic list with one topic moved up (-1) or down (+1). */
export const moveTopic = (topics: readonly string[], index: number, delta: number) => moved(topics, index, delta);

const DEFAULT_TOPIC_KEYS = new Map(Object.entries(councilText.en.agenda.standing).map(([key, text]) => [text, key]));

/**
 * The i18n key of a default topic left as it was ('council.agenda.standing.security'), which the
 * agenda shows in the reader's language; null for a topic a campus wrote or edited, printed as written.
 */
export function standingTopicKey(topic: string): string | null {
  const key = DEFAULT_TOPIC_KEYS.get(topic);
  return key ? `council.agenda.standing.${key}` : null;
}
