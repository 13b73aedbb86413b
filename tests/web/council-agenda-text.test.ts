import { describe, expect, it } from 'vitest';
import { AGENDA_TEXT_EN, STANDING_TOPICS_EN } from '../../server/domain/council/agenda-text.js';
import { itemDetailLines, itemTitle, localParams, whenText, type TextDeps } from '../../web/src/council/agenda-text.js';
import { councilText } from '../../web/src/council/council.i18n.js';

/** A dictionary lookup on the council's dictionary, with i18next's {{name}} interpolation. */
function depsFor(language: 'en' | 'es'): TextDeps {
  const lookup = (key: string): string | null => {
    const found = key
      .replace(/^council\./, '')
      .split('.')
      .reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), councilText[language]);
    return typeof found === 'string' ? found : null;
  };
  return {
    translate: (key, params) => lookup(key)?.replace(/\{\{(\w+)\}\}/g, (_, name: string) => params[name] ?? '') ?? null,
    date: (d) => `<${d}>`,
    range: (s, e) => `<${s}|${e}>`,
    reason: (code) => lookup(`closureReason.${code}`),
  };
}

const serverKeys = { ...AGENDA_TEXT_EN, ...STANDING_TOPICS_EN } as Record<string, string>;

describe('the agenda’s generated text', () => {
  it('has every server key, in English exactly as the server says it, and in Spanish', () => {
    const en = depsFor('en');
    const es = depsFor('es');
    for (const [key, english] of Object.entries(serverKeys)) {
      expect(en.translate(`council.${key}`, {}), key).not.toBeNull();
      // Same template: rendered with the placeholders themselves, it is the server's text.
      const params = Object.fromEntries([...english.matchAll(/\{\{(\w+)\}\}/g)].map((m) => [m[1]!, `{{${m[1]}}}`]));
      expect(en.translate(`council.${key}`, params), key).toBe(english);
      expect(es.translate(`council.${key}`, params), key).not.toBe(english);
    }
  });

  it('says when in the reader’s terms: whole closed days, or a time range', () => {
    const deps = depsFor('en');
    expect(whenText('2026-11-23T00:00', '2026-11-28T00:00', deps)).toBe('<2026-11-23> – <2026-11-27>');
    expect(whenText('2026-11-23T00:00', '2026-11-24T00:00', deps)).toBe('<2026-11-23>');
    expect(whenText('2026-12-01T08:00', '2026-12-01T09:30', deps)).toBe('<2026-12-01T08:00|2026-12-01T09:30>');
  });

  it('puts dates, times and closure reasons in words; keeps what it does not know', () => {
    const deps = depsFor('es');
    expect(localParams({ date: '2026-11-17', due: '2026-12-01', what: 'Keys' }, deps)).toEqual({ date: '<2026-11-17>', due: '<2026-12-01>', what: 'Keys' });
    expect(localParams({ when: '2026-11-23 – 2026-11-27', start: '2026-11-23T00:00', end: '2026-11-28T00:00', reason: 'holiday' }, deps)).toMatchObject({
      when: '<2026-11-23> – <2026-11-27>',
      reason: 'Día festivo',
    });
    expect(localParams({ reason: 'Boiler repair' }, deps).reason).toBe('Boiler repair');
    expect(localParams({ when: '2026-12-01 08:00–09:30' }, deps).when).toBe('2026-12-01 08:00–09:30');
  });

  it('renders titles and detail lines in Spanish, falling back to the server’s text for unknown keys', () => {
    const deps = depsFor('es');
    expect(itemTitle({ title: 'Security', titleKey: 'agenda.standing.security', titleParams: {} }, deps)).toBe('Seguridad');
    expect(itemTitle({ title: 'Approve the minutes of 2026-11-17', titleKey: 'agenda.minutesApproval', titleParams: { date: '2026-11-17' } }, deps)).toBe(
      'Aprobar el acta de la reunión del <2026-11-17>',
    );
    expect(itemTitle({ title: 'Parking', titleKey: null, titleParams: null }, deps)).toBe('Parking');
    expect(itemTitle({ title: 'Appeal 4', titleKey: 'conflict.appeal', titleParams: {} }, deps)).toBe('Appeal 4');
    // A group of keys is not a text.
    expect(itemTitle({ title: 'Standing', titleKey: 'agenda.standing', titleParams: {} }, deps)).toBe('Standing');

    const lines = itemDetailLines(
      {
        detail: 'ignored',
        detailLines: [
          { key: 'agenda.highImpactBuildingClosure', params: { when: '2026-11-23 – 2026-11-27', start: '2026-11-23T00:00', end: '2026-11-28T00:00', reason: 'holiday' }, text: 'x' },
          { key: 'agenda.closureNote', params: { note: 'Thanksgiving break' }, text: 'Note: Thanksgiving break' },
          { key: 'agenda.somethingNew', params: {}, text: 'As the server said it' },
        ],
      },
      deps,
    );
    expect(lines).toEqual(['<2026-11-23> – <2026-11-27> · Edificio cerrado: Día festivo', 'Nota: Thanksgiving break', 'As the server said it']);
    expect(itemDetailLines({ detail: 'Staff lot\n\nfull by 7:15', detailLines: null }, deps)).toEqual(['Staff lot', 'full by 7:15']);
  });
});
