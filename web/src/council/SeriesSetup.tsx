/**
 * Sets up the council's meetings (council.manage: admin or principal): a room, the first date,
 * the times and a weekday, weekly until the end of the school year. The server books them for
 * the building office; when the room is not free on some dates it answers 409 with each one,
 * and offers to skip the closed ones.
 */
import { useState } from 'preact/hooks';
import { ApiError } from '../api/client.js';
import { campus, spaces } from '../app/campus.state.js';
import { errorText } from '../app/error-text.js';
import { ErrorMessage } from '../app/Status.js';
import { campusNow, formatDate } from '../i18n/format.js';
import { useT } from '../i18n/i18n.js';
import { createSeries } from './council.service.js';
import { FieldError, fieldProps } from './Field.js';
import {
  firstOnWeekday,
  seriesConflicts,
  seriesDefaults,
  seriesInputFromDraft,
  validateSeriesDraft,
  weekdayOf,
  WEEKDAYS,
  type SeriesConflict,
  type SeriesDraft,
  type SeriesField,
} from './series-form.js';

const SHOWN_CONFLICTS = 8;

export function SeriesSetup({ onCreated }: { onCreated: () => void }) {
  const t = useT();
  const campusValue = campus.value!;
  const rooms = spaces.value.filter((s) => !s.archived);
  const [draft, setDraft] = useState<SeriesDraft>(() =>
    seriesDefaults(campusNow(campusValue.timeZone).slice(0, 10), rooms.find((s) => s.kind === 'meeting room')?.id ?? null),
  );
  const [shown, setShown] = useState<Partial<Record<SeriesField, string>>>({});
  const [error, setError] = useState<unknown>(null);
  const [conflicts, setConflicts] = useState<{ list: SeriesConflict[]; skipDates: string[] } | null>(null);
  const [saving, setSaving] = useState(false);

  const update = (changes: Partial<SeriesDraft>) => {
    setDraft((d) => ({ ...d, ...changes }));
    setConflicts(null);
  };

  async function book(exdates: string[]) {
    const issues = validateSeriesDraft(draft, { start: campusValue.yearStart, end: campusValue.yearEnd });
    setShown(Object.fromEntries(issues.map((i) => [i.field, t(i.key, i.values)])));
    if (issues.length > 0) {
      document.getElementById(`series-${issues[0]!.field}`)?.focus();
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await createSeries(campusValue.id, seriesInputFromDraft(draft, campusValue.yearEnd, exdates));
      onCreated();
      document.querySelector<HTMLElement>('main h1')?.focus();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'booking.conflict') {
        const found = seriesConflicts(e.problem);
        setConflicts({ list: found.conflicts, skipDates: [...new Set([...exdates, ...found.skipDates])] });
      } else setError(e);
    } finally {
      setSaving(false);
    }
  }

  const first = /^\d{4}-\d{2}-\d{2}$/.test(draft.firstDate) ? firstOnWeekday(draft.firstDate, draft.weekday) : null;
  const reasonText = (code: string | undefined) => t(`council.closureReason.${code && code in { holiday: 1, testing: 1, maintenance: 1, event: 1 } ? code : 'other'}`);
  const conflictText = (c: SeriesConflict) => {
    const date = formatDate(c.date);
    if (c.kind === 'closure') return t('council.series.conflicts.closure', { date, reason: reasonText(c.reason) });
    if (c.kind === 'overlap') {
      // The booking that holds the room, linked: freeing the room starts on its page.
      const [before = '', after = ''] = t('council.series.conflicts.overlap', { date, title: '\u0000', school: c.school }).split('\u0000');
      return (
        <>
          {before}
          <a href={`/bookings/${c.bookingId}`}>{c.title}</a>
          {after}
        </>
      );
    }
    return t('council.series.conflicts.other', { date });
  };
  const closedDates = conflicts ? conflicts.list.filter((c) => c.kind === 'closure').length : 0;

  return (
    <section class="card council-section" aria-labelledby="series-heading">
      <h2 id="series-heading">{t('council.series.heading')}</h2>
      <p class="muted">{t('council.series.intro', { date: formatDate(campusValue.yearEnd, 'long') })}</p>
      <form
        class="council-form series-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void book([]);
        }}
      >
        <label for="series-spaceId">
          {t('council.series.space')}
          <select {...fieldProps('series-spaceId', shown.spaceId)} value={draft.spaceId} onChange={(e) => update({ spaceId: e.currentTarget.value })}>
            <option value="">{t('council.series.chooseSpace')}</option>
            {rooms.map((s) => (
              <option key={s.id} value={String(s.id)}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <FieldError id="series-spaceId" message={shown.spaceId} />
        <label for="series-firstDate">
          {t('council.series.firstDate')}
          <input
            type="date"
            {...fieldProps('series-firstDate', shown.firstDate, 'series-first-hint')}
            value={draft.firstDate}
            min={campusValue.yearStart}
            max={campusValue.yearEnd}
            onChange={(e) => {
              const value = e.currentTarget.value;
              update(/^\d{4}-\d{2}-\d{2}$/.test(value) ? { firstDate: value, weekday: weekdayOf(value) } : { firstDate: value });
            }}
          />
        </label>
        <FieldError id="series-firstDate" message={shown.firstDate} />
        <label for="series-weekday">
          {t('council.series.weekday')}
          <select {...fieldProps('series-weekday', shown.weekday, 'series-first-hint')} value={draft.weekday} onChange={(e) => update({ weekday: e.currentTarget.value as SeriesDraft['weekday'] })}>
            {WEEKDAYS.slice(0, 5).map((day) => (
              <option key={day} value={day}>
                {t(`council.weekdays.${day}`)}
              </option>
            ))}
          </select>
        </label>
        <p id="series-first-hint" class="muted" aria-live="polite">
          {first ? formatDate(first, 'long') : ''}
        </p>
        <div class="council-times">
          <label for="series-start">
            {t('council.series.start')}
            <input type="time" {...fieldProps('series-start', shown.start)} value={draft.start} onChange={(e) => update({ start: e.currentTarget.value })} />
          </label>
          <label for="series-end">
            {t('council.series.end')}
            <input type="time" {...fieldProps('series-end', shown.end)} value={draft.end} onChange={(e) => update({ end: e.currentTarget.value })} />
          </label>
        </div>
        <FieldError id="series-start" message={shown.start} />
        <FieldError id="series-end" message={shown.end} />
        <ErrorMessage message={error ? errorText(error) : null} />
        {conflicts && (
          <div class="info council-conflicts">
            <p role="alert">
              {t('council.series.conflicts.nothingSaved')} {t('council.series.conflicts.title', { count: conflicts.list.length })}
            </p>
            <ul>
              {conflicts.list.slice(0, SHOWN_CONFLICTS).map((c) => (
                <li key={c.date}>{conflictText(c)}</li>
              ))}
            </ul>
            {conflicts.list.length > SHOWN_CONFLICTS && <p>{t('council.series.conflicts.more', { count: conflicts.list.length - SHOWN_CONFLICTS })}</p>}
            {closedDates < conflicts.list.length && <p>{t('council.series.conflicts.hint')}</p>}
            {closedDates > 0 && closedDates === conflicts.list.length && (
              <button type="button" disabled={saving} onClick={() => void book(conflicts.skipDates)}>
                {t('council.series.conflicts.skipClosed', { count: closedDates })}
              </button>
            )}
          </div>
        )}
        <div class="council-actions">
          <button type="submit" class="primary" disabled={saving}>
            {saving ? t('council.series.saving') : t('council.series.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
