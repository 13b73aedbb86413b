/**
 * Generated agenda text in the reader's language. The server sends each generated title and
 * detail line as a key with parameters (and the English text); this renders them from the
 * council dictionary, with dates and times formatted for the reader and closure reasons
 * translated. A key the dictionary does not know falls back to the server's text. Pure: the
 * translation and formatting functions are handed in.
 */
import type { AgendaItem } from './council.types.js';

export interface TextDeps {
  /** The dictionary's text for a full key (e.g. "council.agenda.actionItem"), or null when it has none. */
  translate(key: string, params: Record<string, string>): string | null;
  /** A campus local date "YYYY-MM-DD" for people. */
  date(localDate: string): string;
  /** Two campus wall times "YYYY-MM-DDTHH:mm" as a range for people. */
  range(start: string, end: string): string;
  /** A closure reason code in words, or null for a reason that is not a known code. */
  reason(code: string): string | null;
}

/** The dictionary namespace that holds the server's agenda keys ("agenda.highImpact" → "council.agenda.highImpact"). */
export const NAMESPACE = 'council.';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const WALL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

function previousDay(date: string): string {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

/**
 * When, for people: a whole-day closure (midnight to midnight) as its days, the last one being
 * the last day closed; anything else as a time range.
 */
export function whenText(start: string, end: string, deps: Pick<TextDeps, 'date' | 'range'>): string {
  if (start.endsWith('T00:00') && end.endsWith('T00:00') && end > start) {
    const first = start.slice(0, 10);
    const last = previousDay(end.slice(0, 10));
    return last === first ? deps.date(first) : `${deps.date(first)} – ${deps.date(last)}`;
  }
  return deps.range(start, end);
}

/** The parameters as the reader should see them: dates, times and reason codes put in words. */
export function localParams(params: Record<string, string>, deps: TextDeps): Record<string, string> {
  const out: Record<string, string> = { ...params };
  for (const name of ['date', 'due'] as const) {
    const value = params[name];
    if (value !== undefined && DATE.test(value)) out[name] = deps.date(value);
  }
  const { start, end } = params;
  if (params.when !== undefined && start !== undefined && end !== undefined && WALL.test(start) && WALL.test(end)) out.when = whenText(start, end, deps);
  if (params.reason !== undefined) out.reason = deps.reason(params.reason) ?? params.reason;
  return out;
}

function rendered(key: string | null, params: Record<string, string> | null, fallback: string, deps: TextDeps): string {
  if (!key) return fallback;
  return deps.translate(`${NAMESPACE}${key}`, localParams(params ?? {}, deps)) ?? fallback;
}

/** The item's title in the reader's language (what people wrote stays as written). */
export function itemTitle(item: Pick<AgendaItem, 'title' | 'titleKey' | 'titleParams'>, deps: TextDeps): string {
  return rendered(item.titleKey, item.titleParams, item.title, deps);
}

/** The item's detail, line by line, in the reader's language. */
export function itemDetailLines(item: Pick<AgendaItem, 'detail' | 'detailLines'>, deps: TextDeps): string[] {
  if (item.detailLines) return item.detailLines.map((line) => rendered(line.key, line.params, line.text, deps));
  return item.detail.split('\n').filter((line) => line.trim() !== '');
}
