/**
 * Finding English fixed labels in a Spanish export. The English labels are the dictionary's
 * strings cut at their {{placeholders}}; fragments of four letters or more that are not also
 * Spanish count. People's text (titles typed in English, names, notes) is removed from the
 * output first: it is printed as written on purpose.
 */
import { exportLabels } from '../../server/council-export/labels.js';
import type { MinutesView } from '../../server/council-export/view-model.js';

export function flatten(node: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

function fragments(template: string): string[] {
  return template
    .split(/\{\{\w+\}\}/)
    .map((f) => f.trim().replace(/^[\s:.,·()]+|[\s:.,·()]+$/g, ''))
    .filter((f) => (f.match(/\p{L}/gu) ?? []).length > 3);
}

export function englishOnlyFragments(): string[] {
  const spanish = new Set([...flatten(exportLabels.es).values()].flatMap(fragments));
  const english = new Set([...flatten(exportLabels.en).values()].flatMap(fragments));
  return [...english].filter((f) => !spanish.has(f));
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The English fragments found in `text` as whole words ("Present" is not found in "Presente"). */
export function englishLabelsIn(text: string, userText: readonly string[]): string[] {
  let rest = text.replace(/\s+/g, ' ');
  for (const user of [...userText].sort((a, b) => b.length - a.length)) {
    const normalized = user.replace(/\s+/g, ' ').trim();
    if (normalized) rest = rest.split(normalized).join(' ¶ ');
  }
  return englishOnlyFragments().filter((f) => new RegExp(`(?<!\\p{L})${escapeRegExp(f)}(?!\\p{L})`, 'u').test(rest));
}

/** Every piece of text in the view that people (or the campus's data) wrote. */
export function userTextOf(view: MinutesView): string[] {
  const texts = [view.campusName, view.timeZone, view.meeting.spaceName];
  for (const school of [view.meeting.chair, view.meeting.noteTaker]) if (school) texts.push(school.schoolName);
  for (const a of view.attendance) texts.push(a.schoolName, a.note ?? '');
  for (const item of view.items) {
    if (!item.titleKey) texts.push(item.title);
    texts.push(...Object.values(item.titleParams ?? {}), item.notes);
    // A generated detail is fixed text around people's words; a closure's reason is a code the export translates.
    if (item.detailLines === null) texts.push(item.detail);
    else for (const l of item.detailLines) texts.push(...Object.entries(l.params).filter(([name]) => name !== 'reason').map(([, value]) => value));
    for (const m of item.motions) texts.push(m.text, m.mover ?? '', m.seconder ?? '', m.decision ?? '');
  }
  for (const a of view.actionItems) texts.push(a.what, a.ownerName);
  for (const a of view.amendments) texts.push(a.text, a.byName);
  for (const text of [...texts]) texts.push(...text.split('\n')); // a multi-line text is printed line by line
  return texts.filter((t) => t.trim() !== '');
}
