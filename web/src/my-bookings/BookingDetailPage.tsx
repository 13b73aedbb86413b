/**
 * One booking and its dates. Everyone on the campus may read it (every school sees every
 * booking); only someone who acts for its school gets the edit and cancel controls, and only on
 * dates that have not started (they are history). Refreshes when the campus's revision ticks.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/client.js';
import type { Booking, Occurrence } from '../api/types.js';
import { bumpRevision, campus, revision, schools, spaces } from '../app/campus.state.js';
import { errorText } from '../app/error-text.js';
import { SchoolChip } from '../app/SchoolChip.js';
import { ErrorMessage, Loading, NotFound } from '../app/Status.js';
import { useScreen } from '../app/useScreen.js';
import { language, useT, registerDictionary } from '../i18n/i18n.js';
import { formatInstant, formatRange } from '../i18n/format.js';
import { bookableSchools, can } from '../session/session.state.js';
import { dateCounts, datesFor, editHref, isChangeable, LIST_FILTERS, mayChange, type CancelScope, type DateFilter } from './bookings-list.js';
import { CancelDialog } from './CancelDialog.js';
import { getBooking } from './my-bookings.service.js';
import { describeRule } from './rule-describe.js';
import './my-bookings.css';
import { myBookingsText } from './my-bookings.i18n.js';
import { bookingText } from '../booking/booking.i18n.js';

// This page loads on demand: its words come with it (web/src/i18n/i18n.ts).
registerDictionary('myBookings', myBookingsText);
registerDictionary('booking', bookingText);

/** Dates shown before "Show all": a year-long series has a hundred or more. */
const FIRST_ROWS = 20;

/** The time now, moving on every minute: a date that starts becomes history without a reload. */
function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

interface Opened {
  occurrence: Occurrence | null;
}

export function BookingDetailPage({ bookingId }: { bookingId: string }) {
  const t = useT();
  const id = Number(bookingId);
  const tick = revision.value;
  const now = useNow();
  const [booking, setBooking] = useState<Booking | null>(null);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  /** The i18n key of what just happened (a key, so it follows a language switch). */
  const [notice, setNotice] = useState<string | null>(null);
  const [tab, setTab] = useState<DateFilter>('upcoming');
  const [showAll, setShowAll] = useState(false);
  const [opened, setOpened] = useState<Opened | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const latest = useRef(0);

  useScreen(`booking/${bookingId}`, missing ? t('app.notFound.title') : booking?.id === id ? booking.title : t('app.loading'));

  async function load(): Promise<void> {
    const call = ++latest.current;
    try {
      const found = await getBooking(id);
      if (call !== latest.current) return;
      setBooking(found);
      setMissing(false);
      setError(null);
    } catch (e) {
      if (call !== latest.current) return;
      if (e instanceof ApiError && (e.status === 404 || e.status === 400)) setMissing(true);
      else setError(e);
    }
  }

  useEffect(() => {
    if (!Number.isSafeInteger(id) || id <= 0) return setMissing(true);
    void load();
  }, [id, tick]);

  if (missing) return <NotFound />;
  // Until the booking asked for arrives (the page may be showing another one): loading, or why not.
  if (!booking || booking.id !== id) return error ? <ErrorMessage message={errorText(error)} /> : <Loading />;

  const timeZone = campus.value!.timeZone;
  const school = schools.value.find((s) => s.id === booking.schoolId);
  const space = (spaceId: number) => spaces.value.find((s) => s.id === spaceId)?.name ?? '';
  const actor = mayChange(booking, bookableSchools.value.map((s) => s.id));
  const recurring = booking.rrule !== null;
  const counts = dateCounts(booking.occurrences, now);
  const dates = datesFor(tab, booking.occurrences, now);
  const shown = showAll ? dates : dates.slice(0, FIRST_ROWS);
  const rowActions = actor && recurring && tab === 'upcoming';

  const open = (occurrence: Occurrence | null) => setOpened({ occurrence });

  function cancelled(after: Booking, scope: CancelScope) {
    setOpened(null);
    setBooking(after);
    setNotice(`myBookings.detail.done.${recurring ? scope : 'booking'}`);
    bumpRevision();
    // The row that opened the dialog is gone: the result is where focus goes next.
    requestAnimationFrame(() => noticeRef.current?.focus());
  }

  function stale() {
    setOpened(null);
    setNotice('myBookings.detail.stale');
    void load();
    requestAnimationFrame(() => noticeRef.current?.focus());
  }

  const schoolName = school?.name ?? '';
  return (
    <article class="mb-detail" aria-labelledby="booking-title">
      {can.book.value && (
        <p class="mb-back">
          <a href="/bookings">{t('myBookings.detail.back')}</a>
        </p>
      )}
      <h1 id="booking-title">{booking.title}</h1>
      <dl class="mb-facts mb-facts-detail">
        <div>
          <dt>{t('myBookings.detail.school')}</dt>
          <dd>
            <SchoolChip schoolId={booking.schoolId} code={school?.locationCode} />{' '}
            {schoolName}
          </dd>
        </div>
        <div>
          <dt>{t('myBookings.space')}</dt>
          <dd>{space(booking.spaceId)}</dd>
        </div>
        {booking.purpose && (
          <div>
            <dt>{t('myBookings.detail.purpose')}</dt>
            <dd>{booking.purpose}</dd>
          </div>
        )}
        <div>
          <dt>{t('myBookings.detail.attendees')}</dt>
          <dd>{booking.attendees}</dd>
        </div>
        <div>
          <dt>{t('myBookings.detail.repeats')}</dt>
          <dd>{describeRule(booking.rrule, { start: booking.start, timeZone, locale: language.value, t })}</dd>
        </div>
        <div>
          <dt>{t('myBookings.detail.created')}</dt>
          <dd>{formatInstant(booking.createdAt, timeZone)}</dd>
        </div>
      </dl>

      {booking.status === 'cancelled' && <p class="info">{t('myBookings.detail.cancelledBooking', { when: booking.cancelledAt ? formatInstant(booking.cancelledAt, timeZone) : '' })}</p>}
      {actor && counts.upcoming > 0 && (
        <div class="mb-actions">
          <a class="mb-button" href={editHref(booking.id, 'series')}>
            {t(recurring ? 'myBookings.detail.editSeries' : 'myBookings.detail.editBooking')}
          </a>
          <button type="button" class="danger" onClick={() => open(null)}>
            {t(recurring ? 'myBookings.detail.cancelSeries' : 'myBookings.detail.cancelBooking')}
          </button>
        </div>
      )}
      {booking.status === 'active' && !actor && <p class="info">{t('myBookings.detail.notYours', { school: schoolName })}</p>}

      <ErrorMessage message={error ? errorText(error) : null} />
      <p ref={noticeRef} class="mb-notice" role="status" tabIndex={-1}>
        {notice ? t(notice) : ''}
      </p>

      <h2 id="dates-title">{t('myBookings.detail.dates')}</h2>
      <fieldset class="mb-filter">
        <legend>{t('myBookings.show')}</legend>
        {LIST_FILTERS.map((f) => (
          <label class="inline" key={f}>
            <input
              type="radio"
              name="mb-dates"
              value={f}
              checked={tab === f}
              onChange={() => {
                setTab(f);
                setShowAll(false);
              }}
            />
            {t(`myBookings.filters.${f}`)} ({counts[f]})
          </label>
        ))}
      </fieldset>
      {actor && tab === 'past' && <p class="muted">{t('myBookings.detail.started')}</p>}
      {dates.length === 0 ? (
        <p>{t(`myBookings.detail.noDates.${tab}`)}</p>
      ) : (
        <table class="mb-dates" aria-labelledby="dates-title">
          <thead>
            <tr>
              <th scope="col">{t('myBookings.detail.when')}</th>
              <th scope="col">{t('myBookings.detail.status')}</th>
              {rowActions && <th scope="col">{t('myBookings.detail.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {shown.map((o) => {
              const when = formatRange(o.localStart, o.localEnd);
              return (
                <tr key={o.id}>
                  <td>
                    {when}
                    {o.spaceId !== booking.spaceId && <div class="muted">{t('myBookings.detail.movedTo', { space: space(o.spaceId) })}</div>}
                    {o.title && o.title !== booking.title && <div class="muted">{o.title}</div>}
                  </td>
                  <td>
                    {o.status === 'cancelled'
                      ? o.cancelledAt
                        ? t('myBookings.detail.cancelledAt', { when: formatInstant(o.cancelledAt, timeZone) })
                        : t('myBookings.detail.cancelled')
                      : o.isException
                        ? t('myBookings.detail.changed')
                        : t('myBookings.detail.scheduled')}
                  </td>
                  {rowActions && (
                    <td class="mb-row-actions">
                      {isChangeable(o, now) && (
                        <>
                          <a href={editHref(booking.id, 'occurrence', o.id)}>
                            {t('myBookings.detail.edit')}
                            <span class="visually-hidden"> {when}</span>
                          </a>
                          <button type="button" class="link" onClick={() => open(o)}>
                            {t('myBookings.detail.cancel')}
                            <span class="visually-hidden"> {when}</span>
                          </button>
                        </>
                      )}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {!showAll && dates.length > FIRST_ROWS && (
        <p>
          <button type="button" onClick={() => setShowAll(true)}>
            {t('myBookings.detail.showAll', { count: dates.length })}
          </button>
        </p>
      )}

      {opened && (
        <CancelDialog
          booking={booking}
          occurrence={opened.occurrence}
          upcomingCount={counts.upcoming}
          onClose={() => setOpened(null)}
          onCancelled={cancelled}
          onStale={stale}
        />
      )}
    </article>
  );
}
