/**
 * "My school's bookings": for each school the person books for (a lead's school; the building
 * office for the principal), its series one card each — title, space, the rule in words, the
 * next date and how many are left — with upcoming, past and cancelled views. Refreshes when the
 * campus's revision ticks (live).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { BookingSummary, ListedOccurrence } from '../api/types.js';
import { campus, revision, schools, spaces } from '../app/campus.state.js';
import { errorText } from '../app/error-text.js';
import { SchoolChip } from '../app/SchoolChip.js';
import { ErrorMessage, Loading } from '../app/Status.js';
import { useScreen } from '../app/useScreen.js';
import { language, useT, registerDictionary } from '../i18n/i18n.js';
import { addDays, campusNow, formatInstant, formatRange } from '../i18n/format.js';
import { bookableSchools } from '../session/session.state.js';
import { comingByBooking, LIST_FILTERS, listFilterOf, rowsFor, type ListFilter, type ListRow } from './bookings-list.js';
import { listSchoolBookings, listSchoolOccurrences } from './my-bookings.service.js';
import { describeRule } from './rule-describe.js';
import './my-bookings.css';
import { myBookingsText } from './my-bookings.i18n.js';
import { bookingText } from '../booking/booking.i18n.js';

// This page loads on demand: its words come with it (web/src/i18n/i18n.ts).
registerDictionary('myBookings', myBookingsText);
registerDictionary('booking', bookingText);

/** The occurrences API answers at most 400 days at once: enough for a school year. */
const WINDOW_DAYS = 400;

export function MyBookingsPage() {
  const t = useT();
  const { query, route } = useLocation();
  const filter = listFilterOf(query.show);
  useScreen('my-bookings', t('myBookings.title'));

  return (
    <div class="my-bookings">
      <h1>{t('myBookings.title')}</h1>
      <p class="muted">{t('myBookings.intro')}</p>
      <div class="mb-toolbar">
        <fieldset class="mb-filter">
          <legend>{t('myBookings.show')}</legend>
          {LIST_FILTERS.map((f) => (
            <label class="inline" key={f}>
              <input type="radio" name="mb-filter" value={f} checked={filter === f} onChange={() => route(f === 'upcoming' ? '/bookings' : `/bookings?show=${f}`, true)} />
              {t(`myBookings.filters.${f}`)}
            </label>
          ))}
        </fieldset>
        <a href="/book">{t('myBookings.bookNew')}</a>
      </div>
      {bookableSchools.value.map((school) => (
        <SchoolBookings key={school.id} schoolId={school.id} filter={filter} />
      ))}
    </div>
  );
}

interface Loaded {
  bookings: BookingSummary[];
  occurrences: ListedOccurrence[];
}

function SchoolBookings({ schoolId, filter }: { schoolId: number; filter: ListFilter }) {
  const t = useT();
  const campusValue = campus.value!;
  const tick = revision.value;
  const [loaded, setLoaded] = useState<{ key: string; data: Loaded } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const latest = useRef(0);
  const key = `${campusValue.id}/${schoolId}/${filter}`;

  useEffect(() => {
    const call = ++latest.current;
    const today = campusNow(campusValue.timeZone).slice(0, 10);
    const load = async (): Promise<Loaded> => {
      if (filter === 'cancelled') return { bookings: await listSchoolBookings(campusValue.id, schoolId, 'cancelled'), occurrences: [] };
      // One occurrences call for the school's coming year gives every series its next date and count.
      const [bookings, occurrences] = await Promise.all([
        listSchoolBookings(campusValue.id, schoolId, 'active'),
        listSchoolOccurrences(campusValue.id, schoolId, today, addDays(today, WINDOW_DAYS)),
      ]);
      return { bookings, occurrences };
    };
    load()
      .then((data) => {
        if (call !== latest.current) return;
        setLoaded({ key, data });
        setError(null);
      })
      .catch((e: unknown) => {
        if (call !== latest.current) return;
        setError(e);
      });
  }, [key, tick]);

  const school = schools.value.find((s) => s.id === schoolId) ?? bookableSchools.value.find((s) => s.id === schoolId);
  const headingId = `mb-school-${schoolId}`;
  const now = Date.now();
  // While another filter loads, keep showing nothing of the old one rather than the wrong rows.
  const data = loaded?.key === key ? loaded.data : null;
  const rows = data ? rowsFor(filter, data.bookings, comingByBooking(data.occurrences, now), now) : null;

  return (
    <section class="mb-school" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <SchoolChip schoolId={schoolId} code={school?.locationCode} />{' '}
        {school?.name}
      </h2>
      <ErrorMessage message={error ? errorText(error) : null} />
      {rows === null ? (
        !error && <Loading />
      ) : (
        <>
          <p role="status" class="muted">
            {rows.length === 0 ? t(`myBookings.empty.${filter}`) : `${t(`myBookings.filters.${filter}`)}: ${t('myBookings.count', { count: rows.length })}`}
          </p>
          {rows.length > 0 && (
            <ul class="mb-cards">
              {rows.map((row) => (
                <BookingCard key={row.booking.id} row={row} filter={filter} />
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

function BookingCard({ row, filter }: { row: ListRow; filter: ListFilter }) {
  const t = useT();
  const { booking, coming } = row;
  const timeZone = campus.value!.timeZone;
  const space = spaces.value.find((s) => s.id === booking.spaceId)?.name ?? '';
  const rule = describeRule(booking.rrule, { start: booking.start, timeZone, locale: language.value, t });
  return (
    <li class="card mb-card">
      <h3>{booking.title}</h3>
      <p class="mb-space">{space}</p>
      <dl class="mb-facts">
        <div>
          <dt>{t('myBookings.repeats')}</dt>
          <dd>{rule}</dd>
        </div>
        {filter === 'upcoming' && (
          <>
            <div>
              <dt>{t('myBookings.next')}</dt>
              <dd>{coming ? formatRange(coming.next.localStart, coming.next.localEnd) : t('myBookings.none')}</dd>
            </div>
            <div>
              <dt>{t('myBookings.remaining')}</dt>
              <dd>{t('myBookings.remainingCount', { count: coming?.remaining ?? 0 })}</dd>
            </div>
          </>
        )}
        {filter === 'past' && (
          <div>
            <dt>{t('myBookings.ended')}</dt>
            <dd>{booking.lastEndUtc ? formatInstant(booking.lastEndUtc, timeZone) : t('myBookings.none')}</dd>
          </div>
        )}
        {filter === 'cancelled' && (
          <div>
            <dt>{t('myBookings.cancelledOn')}</dt>
            <dd>{booking.cancelledAt ? formatInstant(booking.cancelledAt, timeZone) : t('myBookings.none')}</dd>
          </div>
        )}
      </dl>
      <a href={`/bookings/${booking.id}`}>
        {t('myBookings.details')}
        <span class="visually-hidden"> {t('myBookings.detailsOf', { title: booking.title })}</span>
      </a>
    </li>
  );
}
