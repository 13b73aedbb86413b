/** The translation and formatting agenda-text.ts needs, from the app's i18n and campus-time formatters. */
import i18next from 'i18next';
import { formatDate, formatRange } from '../i18n/format.js';
import { t } from '../i18n/i18n.js';
import type { TextDeps } from './agenda-text.js';

/** A leaf of the dictionaries (an unknown key, or a group of keys, is not text). */
function known(key: string): boolean {
  return i18next.exists(key) && typeof i18next.t(key, { returnObjects: true }) === 'string';
}

export function agendaTextDeps(): TextDeps {
  return {
    translate: (key, params) => (known(key) ? t(key, params) : null),
    date: (date) => formatDate(date),
    range: (start, end) => formatRange(start, end),
    reason: (code) => (known(`council.closureReason.${code}`) ? t(`council.closureReason.${code}`) : null),
  };
}
