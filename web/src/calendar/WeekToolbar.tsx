/**
 * The week's controls as real buttons, links and labelled fields (the calendar's own toolbar is
 * hidden): move by week or day, jump to a date, columns by space or school, week or day, one
 * space or school only, and "Book a space".
 */
import type { School, Space } from '../api/types.js';
import { weekdayIndex, weekdayNames } from '../i18n/format.js';
import { useT } from '../i18n/i18n.js';
import { isLocalDate, weekDates, type Span, type WeekState, type WeekView } from './week.js';

interface Props {
  state: WeekState;
  span: Span;
  day: string;
  spaces: Space[];
  schools: School[];
  canBook: boolean;
  onPrevious: () => void;
  onToday: () => void;
  onNext: () => void;
  onGoTo: (date: string) => void;
  onView: (view: WeekView) => void;
  onSpan: (span: Span) => void;
  onDay: (date: string) => void;
  onOnly: (id: number | null) => void;
}

function Toggle<T extends string>({ label, value, options, onChange }: { label: string; value: T; options: Array<[T, string]>; onChange: (v: T) => void }) {
  return (
    <div class="wk-toggle" role="group" aria-label={label}>
      {options.map(([key, text]) => (
        <button key={key} type="button" aria-pressed={value === key} onClick={() => value !== key && onChange(key)}>
          {text}
        </button>
      ))}
    </div>
  );
}

export function WeekToolbar(props: Props) {
  const t = useT();
  const { state, span, day } = props;
  const byDay = span === 'day';
  const names = weekdayNames('short');
  const columns = state.view === 'space' ? props.spaces.map((s) => [s.id, s.name] as const) : props.schools.map((s) => [s.id, `${s.locationCode} · ${s.name}`] as const);
  return (
    <div class="wk-toolbar" role="group" aria-label={t('calendar.nav.label')}>
      <div class="wk-row">
        <div class="wk-nav">
          <button type="button" onClick={props.onPrevious}>
            <span aria-hidden="true">‹ </span>
            {byDay ? t('calendar.nav.previousDay') : t('calendar.nav.previousWeek')}
          </button>
          <button type="button" onClick={props.onToday}>
            {byDay ? t('calendar.nav.today') : t('calendar.nav.thisWeek')}
          </button>
          <button type="button" onClick={props.onNext}>
            {byDay ? t('calendar.nav.nextDay') : t('calendar.nav.nextWeek')}
            <span aria-hidden="true"> ›</span>
          </button>
        </div>
        <label class="inline">
          {t('calendar.nav.goTo')}
          <input type="date" value={day} onChange={(e) => isLocalDate(e.currentTarget.value) && props.onGoTo(e.currentTarget.value)} />
        </label>
        {props.canBook && (
          <a class="wk-book button-like" href="/book">
            {t('calendar.book')}
          </a>
        )}
      </div>
      <div class="wk-row">
        <Toggle
          label={t('calendar.view.label')}
          value={state.view}
          options={[
            ['space', t('calendar.view.space')],
            ['school', t('calendar.view.school')],
          ]}
          onChange={props.onView}
        />
        <Toggle
          label={t('calendar.span.label')}
          value={span}
          options={[
            ['week', t('calendar.span.week')],
            ['day', t('calendar.span.day')],
          ]}
          onChange={props.onSpan}
        />
        <label class="inline">
          {state.view === 'space' ? t('calendar.only.space') : t('calendar.only.school')}
          <select value={state.only === null ? '' : String(state.only)} onChange={(e) => props.onOnly(e.currentTarget.value ? Number(e.currentTarget.value) : null)}>
            <option value="">{state.view === 'space' ? t('calendar.only.allSpaces') : t('calendar.only.allSchools')}</option>
            {columns.map(([id, name]) => (
              <option key={id} value={String(id)}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {byDay && (
        <div class="wk-days" role="group" aria-label={t('calendar.days')}>
          {weekDates(state.week).map((date) => (
            <button key={date} type="button" aria-pressed={date === day} onClick={() => props.onDay(date)}>
              <span>{names[weekdayIndex(date)]}</span> <span>{Number(date.slice(8))}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
