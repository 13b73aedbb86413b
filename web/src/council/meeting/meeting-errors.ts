/** A refusal from the council API in the reader's words (meeting.errors.*), else the app's general wording. */
import { ApiError } from '../../api/client.js';
import { errorText } from '../../app/error-text.js';
import { t } from '../../i18n/i18n.js';
import { refusal } from './meeting-view.js';

export function refusalText(error: unknown, context: 'amend' | null = null): string {
  if (error instanceof ApiError) {
    const found = refusal(error.problem, context);
    if (found) {
      const params: Record<string, unknown> = { ...found.params };
      if (typeof params.status === 'string') params.status = t(`meeting.minutesStatusInline.${params.status}`);
      return t(`meeting.errors.${found.key}`, params);
    }
  }
  return errorText(error);
}

export function isStale(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'council.stale';
}
