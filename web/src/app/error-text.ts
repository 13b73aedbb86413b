/**
 * An error in words for a person, in the current language. What any screen can run into (no
 * connection, not allowed, gone, too many requests, a server fault) has its own words; anything
 * else is the server's detail, written in English for developers — in Spanish behind a sentence
 * that says so. Screens with errors of their own (a form's fields, a conflict) word those first.
 */
import { ApiError } from '../api/client.js';
import { t } from '../i18n/i18n.js';

export function errorText(error: unknown): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  if (error.code === 'network') return t('app.error.network');
  if (error.code === 'forbidden' || error.status === 403) return t('app.error.forbidden');
  if (error.code === 'not_found' || error.status === 404) return t('app.error.notFound');
  if (error.code === 'rate_limited' || error.status === 429) return t('app.error.tooMany');
  if (error.status >= 500) return t('app.error.server');
  return t('app.error.detail', { detail: error.message });
}
