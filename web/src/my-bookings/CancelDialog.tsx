/**
 * Cancel one date, this and following, or the whole series: the app's modal Dialog, opened with
 * focus on the least destructive control. It sends the version the person saw, so a change made
 * meanwhile is reported (409 booking.stale) instead of cancelling something they have not seen.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/client.js';
import type { Booking, Occurrence } from '../api/types.js';
import { Dialog } from '../app/Dialog.js';
import { errorText } from '../app/error-text.js';
import { useT } from '../i18n/i18n.js';
import { formatRange } from '../i18n/format.js';
import { cancelQuery, type CancelScope } from './bookings-list.js';
import { cancelBooking } from './my-bookings.service.js';

const SCOPES: CancelScope[] = ['occurrence', 'following', 'series'];

interface Props {
  booking: Booking;
  /** The date the person chose; null when they chose the whole booking. */
  occurrence: Occurrence | null;
  /** How many dates are still to come (told when cancelling the whole series). */
  upcomingCount: number;
  onClose: () => void;
  onCancelled: (booking: Booking, scope: CancelScope) => void;
  onStale: () => void;
}

export function CancelDialog({ booking, occurrence, upcomingCount, onClose, onCancelled, onStale }: Props) {
  const t = useT();
  const first = useRef<HTMLInputElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const [scope, setScope] = useState<CancelScope>(occurrence ? 'occurrence' : 'series');
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // The version as the person saw it when they opened the dialog, whatever live refreshes bring.
  const [version] = useState(booking.version);
  const recurring = booking.rrule !== null;
  const choose = occurrence !== null && recurring;

  // The dialog is open by now (a child's effect runs first): start on the least destructive control.
  useEffect(() => {
    (choose ? first.current : keep.current)?.focus();
  }, []);

  async function confirm(event: Event) {
    event.preventDefault();
    setWorking(true);
    setError(null);
    try {
      const after = await cancelBooking(booking.id, cancelQuery(scope, occurrence?.id ?? null, version));
      onCancelled(after, scope);
    } catch (e) {
      setWorking(false);
      if (e instanceof ApiError && e.code === 'booking.stale') return onStale();
      setError(e);
    }
  }

  const message = !error ? '' : error instanceof ApiError && error.code === 'state' ? t('myBookings.cancelDialog.stateError') : errorText(error);
  const confirmLabel = !recurring ? t('myBookings.cancelDialog.confirm') : t(`myBookings.cancelDialog.confirmScope.${scope}`);
  return (
    <Dialog title={t('myBookings.cancelDialog.title', { title: booking.title })} class="mb-dialog" onClose={onClose}>
      <form onSubmit={confirm}>
        {occurrence && <p>{t('myBookings.cancelDialog.date', { when: formatRange(occurrence.localStart, occurrence.localEnd) })}</p>}
        {choose ? (
          <fieldset>
            <legend>{t('myBookings.cancelDialog.which')}</legend>
            {SCOPES.map((s, i) => (
              <label class="inline" key={s}>
                <input ref={i === 0 ? first : undefined} type="radio" name="cancel-scope" value={s} checked={scope === s} onChange={() => setScope(s)} />
                {t(`myBookings.cancelDialog.${s}`)}
              </label>
            ))}
          </fieldset>
        ) : (
          <p>{recurring ? t('myBookings.cancelDialog.seriesText', { count: upcomingCount }) : t('myBookings.cancelDialog.oneOffText')}</p>
        )}
        <p class="muted">{t('myBookings.cancelDialog.history')}</p>
        {/* Always there, so what it says is announced when it appears. */}
        <p class="error" role="alert">
          {message}
        </p>
        <div class="mb-dialog-buttons">
          <button type="button" ref={keep} onClick={onClose} disabled={working}>
            {t('myBookings.cancelDialog.keep')}
          </button>
          <button type="submit" class="danger" disabled={working}>
            {working ? t('myBookings.cancelDialog.working') : confirmLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
