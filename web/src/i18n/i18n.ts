/**
 * English and Spanish, switchable at any time. i18next holds the dictionaries; each feature
 * keeps its own (web/src/<feature>/<feature>.i18n.ts). The frame, sign-in and the week view —
 * what the first page needs — are in EAGER below; a page loaded on demand registers its
 * feature's dictionary when its module loads (registerDictionary), so the dictionary travels
 * in the page's own chunk. The current language is a signal: a component that calls useT()
 * re-renders when it changes.
 */
import i18next, { type TFunction } from 'i18next';
import { signal } from '@preact/signals';
import { appText } from '../app/app.i18n.js';
import { calendarText } from '../calendar/calendar.i18n.js';
import { sessionText } from '../session/session.i18n.js';

export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A feature's dictionary: the same keys in both languages. */
export type Dictionary = Record<Language, Record<string, unknown>>;

/** The dictionaries of what the first page shows, by namespace: t('calendar.title') reads calendarText.en.title. */
const EAGER: Record<string, Dictionary> = { app: appText, session: sessionText, calendar: calendarText };

function resourcesFor(language: Language): Record<string, unknown> {
  return Object.fromEntries(Object.entries(EAGER).map(([namespace, text]) => [namespace, text[language]]));
}

const STORAGE_KEY = 'commons.language';

function initialLanguage(): Language {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'es') return saved;
  return globalThis.navigator?.language?.toLowerCase().startsWith('es') ? 'es' : 'en';
}

export const language = signal<Language>(initialLanguage());

void i18next.init({
  lng: language.value,
  fallbackLng: 'en',
  resources: { en: { translation: resourcesFor('en') }, es: { translation: resourcesFor('es') } },
  interpolation: { escapeValue: false }, // Preact escapes what it renders
  initAsync: false, // the resources are bundled: ready at once
  returnNull: false,
});

/** Adds a feature's dictionary (idempotent); call it at the top of the module of a page loaded on demand. */
export function registerDictionary(namespace: string, text: Dictionary): void {
  for (const language of LANGUAGES) i18next.addResourceBundle(language, 'translation', { [namespace]: text[language] }, true, false);
}

export function setLanguage(next: Language): void {
  language.value = next;
  void i18next.changeLanguage(next);
  globalThis.localStorage?.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
}

/** The translate function of the current language; reading the signal subscribes the component. */
export function useT(): TFunction {
  return i18next.getFixedT(language.value);
}

/** The same outside components (services, formatters). */
export function t(key: string, options?: Record<string, unknown>): string {
  return i18next.getFixedT(language.value)(key, options);
}
