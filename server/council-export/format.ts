/**
 * Dates, times and generated titles and detail lines for the exports, in the export's language.
 *
 * Wall-clock strings are turned into the UTC instant with the same digits and formatted with
 * timeZone 'UTC', so the printed digits are exactly the campus's, whatever zone the server
 * runs in. Only instants (an amendment's moment) are formatted in the campus's zone.
 */
import { exportLabels, interpolate, lookupLabel, type ExportLabels } from './labels.js';
import type { AgendaItemView, ExportLanguage } from './view-model.js';

const LOCALES: Record<ExportLanguage, string> = { en: 'en-US', es: 'es-US' };
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

function wallAsUtc(date: string, time = '00:00'): Date {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number);
  const [hh = 0, mm = 0] = time.split(':').map(Number);
  return new Date(Date.UTC(y, m - 1, d, hh, mm));
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(lang: ExportLanguage, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(LOCALES[lang], { timeZone: 'UTC', ...options });
    formatters.set(key, found);
  }
  return found;
}

const TIME: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };

/** "Tuesday, December 1, 2026" / "martes, 1 de diciembre de 2026" from "YYYY-MM-DD[THH:mm]" */
export function formatWeekdayDate(wall: string, lang: ExportLanguage): string {
  return formatter(lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(wallAsUtc(wall.slice(0, 10)));
}

/** "December 1, 2026" / "1 de diciembre de 2026" */
export function formatLongDate(date: string, lang: ExportLanguage): string {
  return formatter(lang, { day: 'numeric', month: 'long', year: 'numeric' }).format(wallAsUtc(date.slice(0, 10)));
}

/** "Dec 8, 2026" / "8 dic 2026" */
export function formatShortDate(date: string, lang: ExportLanguage): string {
  return formatter(lang, { dateStyle: 'medium' }).format(wallAsUtc(date.slice(0, 10)));
}

/** "7:30 AM" / "7:30 a.m." from "HH:mm" */
export function formatTime(hhmm: string, lang: ExportLanguage): string {
  return formatter(lang, TIME).format(wallAsUtc('2000-01-01', hhmm));
}

/** "7:30 – 8:30 AM" / "7:30–8:30 a.m." from two "HH:mm" of one day */
export function formatTimeRange(start: string, end: string, lang: ExportLanguage): string {
  return formatter(lang, TIME).formatRange(wallAsUtc('2000-01-01', start), wallAsUtc('2000-01-01', end));
}

/** "Tuesday, December 1, 2026, 7:30 – 8:30 AM" from the meeting's wall-clock start and end */
export function formatMeetingWhen(localStart: string, localEnd: string, lang: ExportLanguage): string {
  const time = (wall: string) => wall.slice(11, 16);
  return `${formatWeekdayDate(localStart, lang)}, ${formatTimeRange(time(localStart), time(localEnd), lang)}`;
}

/** An instant (RFC 3339) in the campus's zone: "Dec 2, 2026, 3:15 PM" */
export function formatInstant(instant: string, timeZone: string, lang: ExportLanguage): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(instant));
}

/** Parameters that are local dates ("YYYY-MM-DD") and are printed as dates in the export's language. */
const DATE_PARAMS = new Set(['date', 'due', 'from']);

/**
 * A generated text (a title or a detail line) from the dictionary, in the export's language;
 * null when the key is not an agenda key the dictionary has. Parameters are printed as given
 * (people's words, codes of schools, the digits-only `when`), except dates, formatted for the
 * language, and a closure's `reason` code, translated.
 */
function generatedText(key: string | null, params: Readonly<Record<string, string>> | null, lang: ExportLanguage): string | null {
  const labels = exportLabels[lang];
  const template = key?.startsWith('agenda.') || key?.startsWith('decisions.') ? lookupLabel(labels, key) : null;
  if (template === null) return null;
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(params ?? {})) {
    if (DATE_PARAMS.has(name) && LOCAL_DATE.test(value)) values[name] = formatLongDate(value, lang);
    else if (name === 'reason') values[name] = lookupLabel(labels, `closureReason.${value}`) ?? value;
    else if (name === 'scope') values[name] = interpolate(lookupLabel(labels, `decisionScope.${value}`) ?? value, { from: params?.from ? formatLongDate(params.from, lang) : '' });
    else values[name] = value;
  }
  return interpolate(template, values);
}

/** A carried motion's decision in the export's language (people's words, like a policy, as written). */
export function decisionText(decision: { key: string; params: Record<string, string> }, lang: ExportLanguage): string {
  return generatedText(decision.key, decision.params, lang) ?? decision.params.text ?? '';
}

/**
 * The item's title in the export's language. Only generated items (and unchanged default
 * standing topics) carry a titleKey; whatever a person typed is printed as written.
 */
export function itemTitle(item: Pick<AgendaItemView, 'title' | 'titleKey' | 'titleParams'>, lang: ExportLanguage): string {
  return generatedText(item.titleKey, item.titleParams, lang) ?? item.title;
}

/**
 * The item's detail in the export's language, lines joined by "\n": a generated detail line by
 * line from the dictionary (a line whose key it lacks as the line's text), a written one as is.
 */
export function itemDetail(item: Pick<AgendaItemView, 'detail' | 'detailLines'>, lang: ExportLanguage): string {
  if (item.detailLines === null) return item.detail;
  return item.detailLines.map((l) => generatedText(l.key, l.params, lang) ?? l.text).join('\n');
}

export function labelsFor(lang: ExportLanguage): ExportLabels {
  return exportLabels[lang];
}

/** Items in their agenda order (by position; ties keep the order given). */
export function inAgendaOrder<T extends { position: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.position - b.position);
}

export interface VoteGroup {
  label: string;
  schoolCodes: string[];
}

/**
 * A motion's vote by school, grouped by answer (yes, no, abstain, then the schools on the
 * attendance list that cast no vote). Groups with no school are left out.
 */
export function voteGroups(
  motion: { votes: ReadonlyArray<{ schoolCode: string; vote: 'yes' | 'no' | 'abstain' }> },
  attendanceCodes: readonly string[],
  labels: ExportLabels,
): VoteGroup[] {
  const codesFor = (vote: string) => motion.votes.filter((v) => v.vote === vote).map((v) => v.schoolCode);
  const voted = new Set(motion.votes.map((v) => v.schoolCode));
  const groups: VoteGroup[] = [
    { label: labels.motions.yes, schoolCodes: codesFor('yes') },
    { label: labels.motions.no, schoolCodes: codesFor('no') },
    { label: labels.motions.abstain, schoolCodes: codesFor('abstain') },
    { label: labels.motions.notVoting, schoolCodes: attendanceCodes.filter((code) => !voted.has(code)) },
  ];
  return groups.filter((g) => g.schoolCodes.length > 0);
}

export function motionResultLabel(result: 'carried' | 'failed' | 'no_quorum' | null, labels: ExportLabels): string {
  switch (result) {
    case 'carried':
      return labels.motions.carried;
    case 'failed':
      return labels.motions.failed;
    case 'no_quorum':
      return labels.motions.noQuorum;
    case null:
      return labels.motions.pending;
  }
}
