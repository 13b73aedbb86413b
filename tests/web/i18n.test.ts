import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every fixed label of the SPA exists in English and Spanish. The TypeScript type of each Spanish
 * dictionary already demands the English keys; this also catches a label left in English,
 * empty, or missing an interpolation the English one has.
 */

/** Words that are the same in both languages. */
const SAME_IN_BOTH = new Set(['Commons', 'Campus', 'English', 'Español', 'Email', 'OK', 'Total', 'Normal', 'ID', 'PDF']);

function dictionaryFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? dictionaryFiles(join(dir, entry.name)) : entry.name.endsWith('.i18n.ts') ? [join(dir, entry.name)] : [],
  );
}

function leaves(value: unknown, path = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, inner]) => leaves(inner, path ? `${path}.${key}` : key));
  throw new Error(`${path}: not a string or a group`);
}

const files = dictionaryFiles('web/src');
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

describe.each(files)('%s', (file) => {
  it('has the same labels in English and Spanish, each translated', async () => {
    const module = (await import(`../../${file}`)) as Record<string, { en: unknown; es: unknown }>;
    const [dictionary] = Object.values(module);
    const en = new Map(leaves(dictionary!.en));
    const es = new Map(leaves(dictionary!.es));
    expect([...es.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [key, english] of en) {
      const spanish = es.get(key)!;
      expect(spanish.trim(), `${key} is empty in Spanish`).not.toBe('');
      expect(english.trim(), `${key} is empty in English`).not.toBe('');
      expect(english, `${key} still says TODO`).not.toMatch(/\bTODO\b/);
      // Text with a real word in it (not only placeholders, numbers or a unit like "min") must differ.
      const words = english.replace(/\{\{[^}]*\}\}/g, '');
      if (!SAME_IN_BOTH.has(english) && /[a-z]{4}/i.test(words)) expect(spanish, `${key} is not translated`).not.toBe(english);
      expect(placeholders(spanish), `${key}: the Spanish text has other {{placeholders}}`).toEqual(placeholders(english));
    }
  });
});

it('finds the dictionaries of every feature', () => {
  expect(files.length).toBeGreaterThanOrEqual(6);
});
