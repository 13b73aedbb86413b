/**
 * The building's week: every booking of every school in every shared space, by space or by
 * school, a week or a day at a time, with the closures shaded — live, in campus time, whatever
 * the browser's zone. The URL holds what is shown (?week=…&view=…) so reload and back work.
 */
import type { Calendar } from '@event-calendar/core';
import type { ComponentType } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { ListedOccurrence } from '../api/types.js';
import { campus, closures, revision, schools, spaces } from '../app/campus.state.js';
import { errorText } from '../app/error-text.js';
import { schoolColor } from '../app/school-colors.js';
import { SchoolChip } from '../app/SchoolChip.js';
import { ErrorMessage } from '../app/Status.js';
import { useScreen } from '../app/useScreen.js';
import { addDays, campusNow, formatDate, formatTime, mondayOf, zoneName } from '../i18n/format.js';
import { language, useT } from '../i18n/i18n.js';
import { can } from '../session/session.state.js';
import { useNarrow, useWeekOccurrences } from './calendar.hooks.js';
import { eventButton, node } from './event-content.js';
import { OccurrenceDialog } from './OccurrenceDialog.js';
import {
  bookingFormUrl,
  closuresBetween,
  dayShown,
  formatDateSpan,
  idleWeekdays,
  occurrencesByDay,
  orderSpaces,
  parseWeekQuery,
  schoolColumns,
  visibleHours,
  weekQueryString,
  type Span,
  type WeekState,
} from './week.js';
import { closureEvents, occurrenceEvents } from './week-events.js';
import type { WeekCalendarProps } from './WeekCalendar.js';
import { ClosureList, useClosureText, WeekList } from './WeekList.js';
import { WeekToolbar } from './WeekToolbar.js';
import './calendar.css';

// The calendar library is the heaviest piece of the app: fetched once, on first use of this screen.
let gridModule: Promise<ComponentType<WeekCalendarProps>> | null = null;
const loadGrid = () => (gridModule ??= import('./WeekCalendar.js').then((m) => m.WeekCalendar));

export function WeekPage() {
  const t = useT();
  const lang = language.value;
  const { query, route } = useLocation();
  const theCampus = campus.value!;
  const today = campusNow(theCampus.timeZone).slice(0, 10);
  const state = parseWeekQuery(query, today);
  const narrow = useNarrow();
  const span: Span = state.span ?? (narrow ? 'day' : 'week');
  const day = dayShown(state, today);
  const { items, error } = useWeekOccurrences(theCampus.id, state.week, revision.value);

  const [Grid, setGrid] = useState<ComponentType<WeekCalendarProps> | null>(null);
  const [gridFailed, setGridFailed] = useState(false);
  useScreen('week', t('calendar.title'));
  useEffect(() => {
    loadGrid().then(
      (component) => setGrid(() => component),
      () => {
        // The grid's code could not be fetched (offline, or a newer deployment): a later visit tries again.
        gridModule = null;
        setGridFailed(true);
      },
    );
  }, []);

  const go = (patch: Partial<WeekState>) => route(`/week?${weekQueryString({ ...state, ...patch })}`);
  const moveDay = (date: string) => go({ week: mondayOf(date), day: date });

  // Columns and what goes in them.
  const allSpaces = useMemo(() => orderSpaces(spaces.value), [spaces.value]);
  const schoolIds = useMemo(() => schools.value.map((s) => s.id), [schools.value]);
  const colorOf = (schoolId: number) => schoolColor(schoolId, schoolIds);
  const allSchools = useMemo(() => schoolColumns(schools.value, items ?? []), [schools.value, items]);
  // "Only this one": ignored when it names no column (an archived space, a stale link).
  const onlySpace = state.view === 'space' ? allSpaces.find((s) => s.id === state.only) : undefined;
  const onlySchool = state.view === 'school' ? allSchools.find((s) => s.id === state.only) : undefined;
  const only = onlySpace?.id ?? onlySchool?.id ?? null;
  const shownSpaces = onlySpace ? [onlySpace] : allSpaces;
  const shownSchools = onlySchool ? [onlySchool] : allSchools;
  const filterName = onlySpace?.name ?? onlySchool?.name ?? null;
  const shown = useMemo(() => (items ?? []).filter((o) => only === null || (state.view === 'space' ? o.spaceId : o.schoolId) === only), [items, state.view, only]);
  const weekClosures = useMemo(() => closuresBetween(closures.value, state.week, addDays(state.week, 7)), [closures.value, state.week]);
  const columnIds = state.view === 'space' ? shownSpaces.map((s) => s.id) : shownSchools.map((s) => s.id);

  const resources = useMemo<Calendar.ResourceInput[]>(
    () =>
      state.view === 'space'
        ? shownSpaces.map((s) => ({ id: String(s.id), title: s.name }))
        : shownSchools.map((s) => ({ id: String(s.id), title: s.name, extendedProps: { code: s.locationCode, color: colorOf(s.id) } })),
    // Names change live (a space renamed): follow the lists, not just the ids.
    [state.view, state.view === 'space' ? allSpaces : allSchools, only, schoolIds],
  );
  const events = useMemo(
    () => [...closureEvents(weekClosures, state.view, allSpaces, columnIds), ...occurrenceEvents(shown, state.view, colorOf)] as Calendar.EventInput[],
    [weekClosures, state.view, allSpaces, columnIds.join(), shown, schoolIds, lang],
  );
  const hours = useMemo(() => visibleHours(state.view === 'space' ? shownSpaces : allSpaces, shown), [shownSpaces, allSpaces, shown, state.view]);
  const hidden = useMemo(() => idleWeekdays(state.view === 'space' ? shownSpaces : allSpaces, shown, state.week), [shownSpaces, allSpaces, shown, state.week, state.view]);

  // The details dialog: the occurrence as loaded now, so a live change shows in it too (or as last seen, once gone).
  const [opened, setOpened] = useState<ListedOccurrence | null>(null);
  const current = opened && items?.find((o) => o.occurrenceId === opened.occurrenceId);

  const closureText = useClosureText(allSpaces);
  const selectable = can.book.value && state.view === 'space';

  const gridProps: WeekCalendarProps = {
    span,
    date: span === 'day' ? day : state.week,
    resources,
    events,
    slotMinTime: hours.min,
    slotMaxTime: hours.max,
    hiddenDays: hidden,
    today,
    label: t('calendar.grid'),
    language: lang,
    selectable,
    dayHeader: (date) => formatDate(date),
    dayHeaderLong: (date) => formatDate(date, 'long'),
    slotLabel: (time) => formatTime(`2000-01-01T${time}`),
    eventContent: (event) => {
      const o = event.extendedProps.occurrence as ListedOccurrence | undefined;
      if (!o) return { domNodes: [node('span', 'wk-closure-label', t('calendar.closures.short'))] };
      return { domNodes: [eventButton(o, state.view)] };
    },
    resourceContent: (resource) => {
      const code = resource.extendedProps.code as string | undefined;
      if (!code) return String(resource.title);
      const chip = node('span', 'school-chip', code);
      chip.style.background = String(resource.extendedProps.color);
      return { domNodes: [chip, document.createTextNode(` ${String(resource.title)}`)] };
    },
    decorateEvent: (el, event) => {
      const o = event.extendedProps.occurrence as ListedOccurrence | undefined;
      const closure = event.extendedProps.closure as (typeof weekClosures)[number] | undefined;
      if (o) {
        el.dataset.occurrenceId = String(o.occurrenceId);
        el.dataset.bookingId = String(o.bookingId);
      } else if (closure) {
        el.dataset.closureId = String(closure.id);
        el.title = closureText(closure);
      }
    },
    onEventOpen: (id) => setOpened(items?.find((x) => String(x.occurrenceId) === id) ?? null),
    onSlotPick: (resourceId, start, end) => {
      if (selectable) route(bookingFormUrl(Number(resourceId), start, end));
    },
  };

  const range = formatDateSpan(state.week, addDays(state.week, 6), lang, true);
  const heading = span === 'day' ? formatDate(day, 'long') : t('calendar.weekOf', { range });
  const zone = zoneName(theCampus.timeZone);

  return (
    <div class="wk-page">
      <div class="wk-head">
        <h1>{t('calendar.title')}</h1>
        <p class="muted">{t('calendar.timeZone', { zone })}</p>
      </div>
      <WeekToolbar
        state={{ ...state, only }}
        span={span}
        day={day}
        spaces={allSpaces}
        schools={allSchools}
        canBook={can.book.value}
        onPrevious={() => (span === 'day' ? moveDay(addDays(day, -1)) : go({ week: addDays(state.week, -7), day: null }))}
        onToday={() => (span === 'day' ? moveDay(today) : go({ week: mondayOf(today), day: null }))}
        onNext={() => (span === 'day' ? moveDay(addDays(day, 1)) : go({ week: addDays(state.week, 7), day: null }))}
        onGoTo={moveDay}
        onView={(view) => go({ view, only: null })}
        onSpan={(next) => go({ span: next, day: next === 'day' ? day : state.day })}
        onDay={moveDay}
        onOnly={(only) => go({ only })}
      />
      <section class="wk-week" aria-labelledby="wk-week-title">
        <h2 id="wk-week-title" tabIndex={-1}>
          {heading}
        </h2>
        <p role="status" class="visually-hidden">
          {items ? t('calendar.loaded', { range: heading, count: shown.length }) : t('calendar.loading')}
        </p>
        <ErrorMessage message={error ? t('calendar.error', { message: errorText(error) }) : gridFailed ? t('app.error.network') : null} />
        <ClosureList closures={span === 'day' ? closuresBetween(weekClosures, day, addDays(day, 1)) : weekClosures} spaces={allSpaces} />
        {selectable && <p class="muted wk-hint">{t('calendar.pickHint')}</p>}
        {!items && !error && (
          <p class="loading" aria-hidden="true">
            {t('calendar.loading')}
          </p>
        )}
        <a class="wk-skip" href="#wk-list-title">
          {t('calendar.skipGrid')}
        </a>
        <div class="wk-grid-wrap" data-testid="week-calendar">
          {Grid && <Grid {...gridProps} />}
        </div>
        {state.view === 'space' && (
          <details class="wk-legend">
            <summary>{t('calendar.legend')}</summary>
            <ul>
              {allSchools.map((s) => (
                <li key={s.id}>
                  <SchoolChip schoolId={s.id} code={s.locationCode} />{' '}
                  {s.name}
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>
      <WeekList
        days={occurrencesByDay(shown, state.week)}
        openDay={span === 'day' ? day : null}
        note={filterName ? t('calendar.list.filtered', { name: filterName }) : null}
        onOpen={setOpened}
      />
      {opened && <OccurrenceDialog occurrence={current ?? opened} current={Boolean(current)} onClose={() => setOpened(null)} />}
    </div>
  );
}
