/**
 * English and Spanish, switchable at any time. i18next holds the dictionaries; each feature
 * keeps its own (web/src/<feature>/<feature>.i18n.ts) and registers it in DICTIONARIES below.
 * The current language is a signal: a component that calls useT() re-renders when it changes.
 */
import i18next, { type TFunction } from 'i18next';
import { signal } from '@preact/signals';
import { adminText } from '../admin/admin.i18n.js';
import { appText } from '../app/app.i18n.js';
import { bookingText } from '../booking/booking.i18n.js';
import { calendarText } from '../calendar/calendar.i18n.js';
import { councilText } from '../council/council.i18n.js';
import { meetingText } from '../council/meeting/meeting.i18n.js';
import { myBookingsText } from '../my-bookings/my-bookings.i18n.js';
import { sessionText } from '../session/session.i18n.js';

export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Every feature's dictionary, by namespace: t('booking.title') reads bookingText.en.title. */
export const DICTIONARIES = {
  app: appText,
  session: sessionText,
  calendar: calendarText,
  booking: bookingText,
  myBookings: myBookingsText,
  admin: adminText,
  council: councilText,
  meeting: meetingText,
} as const;

function resourcesFor(language: Language): Record<string, unknown> {
  return Object.fromEntries(Object.entries(DICTIONARIES).map(([namespace, text]) => [namespace, text[language]]));
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
