/** One booking's details, opened from the grid or the list; focus goes back where it came from. */
import { useEffect, useRef } from 'preact/hooks';
import type { ListedOccurrence } from '../api/types';
import { formatDate, formatRange, formatTime } from '../i18n/format';
import { useT } from '../i18n/i18n';

interface Props {
  occurrence: ListedOccurrence | null;
  /** False when the occurrence is no longer in the week (cancelled or moved meanwhile). */
  current: boolean;
  color: string;
  onClose: () => void;
}

/** "Monday, November 30, 2026, 8:00 – 10:00 AM"; a booking past midnight shows both dates. */
export function whenText(o: Pick<ListedOccurrence, 'localStart' | 'localEnd'>): string {
  if (o.localStart.slice(0, 10) !== o.localEnd.slice(0, 10)) return formatRange(o.localStart, o.localEnd);
  return `${formatDate(o.localStart, 'long')}, ${formatTime(o.localStart)} – ${formatTime(o.localEnd)}`;
}

export function OccurrenceDialog({ occurrence, current, color, onClose }: Props) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (occurrence && !el.open) el.showModal();
    if (!occurrence && el.open) el.close();
  }, [occurrence]);

  const o = occurrence;
  return (
    <dialog ref={dialog} class="wk-dialog" aria-labelledby="wk-dialog-title" onClose={onClose}>
      {o && (
        <>
          <h2 id="wk-dialog-title">{o.title}</h2>
          {!current && (
            <p class="info" role="status">
              {t('calendar.details.gone')}
            </p>
          )}
          <dl class="wk-details">
            <dt>{t('calendar.details.school')}</dt>
            <dd>
              <span class="school-chip" style={{ background: color }}>
                {o.schoolCode}
              </span>{' '}
              {o.schoolName}
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
            <form method="dialog">
              <button type="submit" autoFocus>
                {t('calendar.details.close')}
              </button>
            </form>
          </div>
        </>
      )}
    </dialog>
  );
}
