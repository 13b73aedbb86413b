import { describe, expect, it } from 'vitest';
import { exportLabels, interpolate, lookupLabel } from '../../server/council-export/labels.js';
import { AGENDA_TEXT_EN, STANDING_TOPICS_EN } from '../../server/domain/council/agenda-text.js';
import { DEFAULT_STANDING_TOPIC_KEYS, DEFAULT_STANDING_TOPICS } from '../../server/domain/council/agenda.js';
import type { ClosureReason } from '../../server/usecases/closures.js';
import { englishOnlyFragments, flatten } from './english-leaks.js';

// Spanish strings that are rightly the same as the English ones.
const LEGITIMATELY_EQUAL = ['agendaTable.minutes', 'decisions.policy']; // "{{count}} min": "min" is the abbreviation in both; a policy is the council's own words

describe('export dictionaries', () => {
  const en = flatten(exportLabels.en);
  const es = flatten(exportLabels.es);

  it('have the same keys', () => {
    expect([...es.keys()].sort()).toEqual([...en.keys()].sort());
  });

  it('translate every string, except the few that are the same word in Spanish', () => {
    const equal = [...en].filter(([key, value]) => es.get(key) === value).map(([key]) => key);
    expect(equal).toEqual(LEGITIMATELY_EQUAL);
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort();
    for (const [key, value] of en) expect(placeholders(es.get(key) ?? ''), key).toEqual(placeholders(value));
  });

  it('leave no string empty', () => {
    for (const [key, value] of [...en, ...es]) expect(value.trim(), key).not.toBe('');
  });

  it('give the leak check real English words to look for', () => {
    const fragments = englishOnlyFragments();
    expect(fragments).toContain('Approve the minutes of');
    expect(fragments).toContain('Present');
    expect(fragments).toContain('Page');
    expect(fragments).not.toContain('min'); // too short to tell languages apart
  });
});

describe('the agenda\'s words', () => {
  const domain = new Map<string, string>([...Object.entries(AGENDA_TEXT_EN), ...Object.entries(STANDING_TOPICS_EN)]);

  it('are in English exactly the domain\'s text, for every key, and the export has no agenda key of its own', () => {
    for (const [key, text] of domain) expect(lookupLabel(exportLabels.en, key), key).toBe(text);
    const exportKeys = [...flatten(exportLabels.en).keys()].filter((k) => k.startsWith('agenda.'));
    expect(exportKeys.sort()).toEqual([...domain.keys()].sort());
  });

  it('have a Spanish text for every key the domain generates, default standing topics included', () => {
    for (const key of domain.keys()) expect(lookupLabel(exportLabels.es, key), key).not.toBeNull();
    for (const topic of DEFAULT_STANDING_TOPICS) expect(lookupLabel(exportLabels.es, DEFAULT_STANDING_TOPIC_KEYS[topic] ?? ''), topic).not.toBeNull();
  });

  it('name every closure reason in both languages', () => {
    const reasons = { holiday: true, testing: true, maintenance: true, event: true, other: true } satisfies Record<ClosureReason, true>;
    for (const lang of ['en', 'es'] as const) {
      expect(Object.keys(exportLabels[lang].closureReason).sort()).toEqual(Object.keys(reasons).sort());
    }
  });
});

describe('interpolate', () => {
  it('fills placeholders, numbers included, and leaves unknown ones visible', () => {
    expect(interpolate('Page {{page}} of {{pages}}', { page: 1, pages: 2 })).toBe('Page 1 of 2');
    expect(interpolate('Hello {{ name }}, {{missing}}', { name: 'Ana' })).toBe('Hello Ana, {{missing}}');
  });

  it('does not read placeholders inside the values it puts in', () => {
    expect(interpolate('{{a}} and {{b}}', { a: '{{b}}', b: 'x' })).toBe('{{b}} and x');
  });
});

describe('lookupLabel', () => {
  it('finds strings by dotted key and nothing else', () => {
    expect(lookupLabel(exportLabels.es, 'agenda.standing.security')).toBe('Seguridad');
    expect(lookupLabel(exportLabels.es, 'agenda.standing')).toBeNull();
    expect(lookupLabel(exportLabels.es, 'agenda.nope')).toBeNull();
    expect(lookupLabel(exportLabels.es, 'agenda.toString')).toBeNull();
    expect(lookupLabel(exportLabels.es, '__proto__.constructor')).toBeNull();
  });
});
