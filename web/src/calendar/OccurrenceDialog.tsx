/** One booking's details, opened from the grid or the list; focus goes back where it came from. */
import type { ListedOccurrence } from '../api/types.js';
import { Dialog } from '../app/Dialog.js';
import { SchoolChip } from '../app/SchoolChip.js';
import { formatDate, formatRange, formatTime } from '../i18n/format.js';
import { useT } from '../i18n/i18n.js';

interface Props {
  occurrence: ListedOccurrence;
  /** False when the occurrence is no longer in the week (cancelled or moved meanwhile). */
  current: boolean;
  onClose: () => void;
}

/** "Monday, November 30, 2026, 8:00 – 10:00 AM"; a booking past midnight shows both dates. */
function whenText(o: Pick<ListedOccurrence, 'localStart' | 'localEnd'>): string {
  if (o.localStart.slice(0, 10) !== o.localEnd.slice(0, 10)) return formatRange(o.localStart, o.localEnd);
  return `${formatDate(o.localStart, 'long')}, ${formatTime(o.localStart)} – ${formatTime(o.localEnd)}`;
}

export function OccurrenceDialog({ occurrence: o, current, onClose }: Props) {
  const t = useT();
  // A live update may have redrawn the button that opened it: its successor, else the week's heading.
  const successor = () =>
    document.querySelector<HTMLElement>(`[data-occurrence-id="${o.occurrenceId}"] button, [data-list-occurrence="${o.occurrenceId}"]`) ?? document.getElementById('wk-week-title');
  return (
    <Dialog title={o.title} class="wk-dialog" onClose={onClose} fallbackFocus={successor}>
      {!current && (
        <p class="info" role="status">
          {t('calendar.details.gone')}
        </p>
      )}
      <dl class="wk-details">
        <dt>{t('calendar.details.school')}</dt>
        <dd>
          <SchoolChip schoolId={o.schoolId} code={o.schoolCode} /> {o.schoolName}
        </dd>
        <dt>{t('calendar.details.space')}</dt>
        <dd>{o.spaceName}</dd>
        <dt>{t('calendar.details.when')}</dt>
        <dd>{whenText(o)}</dd>
        <dt>{t('calendar.details.attendees')}</dt>
        <dd>{o.attendees}</dd>
        <dt>{t('calendar.details.repeats')}</dt>
        <dd>
          {o.recurring ? t('calendar.details.recurring') : t('calendar.details.oneTime')}
          {o.isException && <> {t('calendar.details.changed')}</>}
        </dd>
      </dl>
      <div class="wk-dialog-actions">
        <a href={`/bookings/${o.bookingId}`}>{t('calendar.details.open')}</a>
        <button type="button" autoFocus onClick={onClose}>
          {t('calendar.details.close')}
        </button>
      </div>
    </Dialog>
  );
}
