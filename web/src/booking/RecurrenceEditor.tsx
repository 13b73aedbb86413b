/**
 * Repeat: none, or weekly on chosen days, every N weeks, ending on a date, after N dates or at
 * the end of the school year; and the dates to skip. A rule this editor cannot show (from the
 * API: monthly, daily…) is shown read-only and kept as it is.
 */
import { useState } from 'preact/hooks';
import { formatDate, weekdayNames } from '../i18n/format.js';
import { useT } from '../i18n/i18n.js';
import type { FieldName } from './booking-form.js';
import { controlProps, describedBy, FieldError } from './FieldError.js';
import { MAX_INTERVAL, MAX_OCCURRENCES, WEEKDAYS, addExdates, isLocalDate, removeExdate, seriesDates, strayExdates, toggleDay, weekdayOf, type Ends, type RepeatState } from './recurrence.js';

interface Props {
  repeat: RepeatState;
  exdates: string[];
  /** The first date, YYYY-MM-DD */
  date: string;
  yearEnd: string;
  errors: Partial<Record<FieldName, string>>;
  onChange: (repeat: RepeatState, exdates: string[]) => void;
}

function SkipDates({ repeat, exdates, date, yearEnd, errors, onChange }: Props) {
  const t = useT();
  const [pending, setPending] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const stray = new Set(strayExdates(repeat, exdates, date, yearEnd));

  function add() {
    if (!isLocalDate(pending)) return setProblem(t('booking.errors.skipDateRequired'));
    const dates = seriesDates(repeat, date, yearEnd);
    if (dates && !dates.includes(pending)) return setProblem(t('booking.errors.skipDateNotInSeries', { date: formatDate(pending, 'long') }));
    if (exdates.includes(pending)) return setProblem(t('booking.errors.skipDateTwice', { date: formatDate(pending, 'long') }));
    setProblem(null);
    setPending('');
    onChange(repeat, addExdates(exdates, [pending]));
  }

  function remove(date: string) {
    onChange(repeat, removeExdate(exdates, date));
    // The button goes away with its date: keep the keyboard in the skip dates.
    document.getElementById('bk-exdates')?.focus();
  }

  const error = problem ?? errors.exdates ?? null;
  return (
    <fieldset class="skip-dates">
      <legend>{t('booking.skip.legend')}</legend>
      {exdates.length === 0 ? (
        <p class="muted">{t('booking.skip.none')}</p>
      ) : (
        <ul class="skip-list">
          {exdates.map((d) => (
            <li key={d}>
              <span>
                {formatDate(d)}
                {stray.has(d) && <em class="field-error"> {t('booking.skip.notInSeries')}</em>}
              </span>{' '}
              <button type="button" class="link" aria-label={t('booking.skip.removeDate', { date: formatDate(d, 'long') })} onClick={() => remove(d)}>
                {t('booking.skip.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="skip-add">
        <label for="bk-exdates">
          {t('booking.skip.date')}
          <input
            {...controlProps('bk-exdates', 'exdates', error)}
            type="date"
            value={pending}
            min={date || undefined}
            max={yearEnd}
            onInput={(e) => setPending(e.currentTarget.value)}
            onKeyDown={(e) => {
              // Enter adds the date here rather than submitting the whole booking.
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
          />
        </label>
        <button type="button" onClick={add}>
          {t('booking.skip.add')}
        </button>
      </div>
      <FieldError id="bk-exdates" message={error} />
    </fieldset>
  );
}

export function RecurrenceEditor(props: Props) {
  const t = useT();
  const { repeat, exdates, date, yearEnd, errors, onChange } = props;
  const set = (patch: Partial<RepeatState>) => onChange({ ...repeat, ...patch }, exdates);
  const shortDays = weekdayNames('short');
  const longDays = weekdayNames('long');
  const startDay = isLocalDate(date) ? weekdayOf(date) : null;

  if (repeat.mode === 'custom') {
    return (
      <fieldset class="repeat">
        <legend>{t('booking.repeat.legend')}</legend>
        <p id="bk-rrule" tabIndex={-1}>
          {t('booking.repeat.custom')} <code>{repeat.custom}</code>
        </p>
        <FieldError id="bk-rrule" message={errors.rrule} />
        <SkipDates {...props} />
      </fieldset>
    );
  }

  const endChoices: Array<{ value: Ends; label: string }> = [
    { value: 'yearEnd', label: t('booking.repeat.endsYearEnd', { date: formatDate(yearEnd, 'long') }) },
    { value: 'until', label: t('booking.repeat.endsUntil') },
    { value: 'count', label: t('booking.repeat.endsCount') },
  ];

  return (
    <fieldset class="repeat">
      <legend>{t('booking.repeat.legend')}</legend>
      <div class="choices">
        <label class="inline">
          <input type="radio" name="repeat" value="none" checked={repeat.mode === 'none'} onChange={() => set({ mode: 'none' })} />
          {t('booking.repeat.none')}
        </label>
        <label class="inline">
          <input type="radio" name="repeat" value="weekly" checked={repeat.mode === 'weekly'} onChange={() => set({ mode: 'weekly', days: repeat.daysChosen || !startDay ? repeat.days : [startDay] })} />
          {t('booking.repeat.weekly')}
        </label>
      </div>
      <FieldError id="bk-rrule" message={errors.rrule} />

      {repeat.mode === 'weekly' && (
        <>
          <fieldset class="days" aria-describedby={describedBy('bk-days', !!errors.days)}>
            <legend>{t('booking.repeat.days')}</legend>
            <div class="day-boxes">
              {WEEKDAYS.map((code, i) => (
                <label class="inline day" key={code}>
                  <input
                    type="checkbox"
                    name="days"
                    id={i === 0 ? 'bk-days' : undefined}
                    checked={repeat.days.includes(code)}
                    aria-invalid={errors.days ? 'true' : undefined}
                    onChange={(e) => onChange(toggleDay(repeat, code, e.currentTarget.checked), exdates)}
                  />
                  <span aria-hidden="true">{shortDays[i]}</span>
                  <span class="visually-hidden">{longDays[i]}</span>
                </label>
              ))}
            </div>
            <FieldError id="bk-days" message={errors.days} />
            {startDay && repeat.days.length > 0 && !repeat.days.includes(startDay) && <p class="muted">{t('booking.repeat.firstDateToo', { date: formatDate(date, 'long') })}</p>}
          </fieldset>

          <label for="bk-interval" class="narrow">
            {t('booking.repeat.interval')}
            <input
              {...controlProps('bk-interval', 'interval', errors.interval, 'bk-interval-hint')}
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_INTERVAL}
              value={repeat.interval}
              onInput={(e) => set({ interval: e.currentTarget.value })}
            />
          </label>
          <p id="bk-interval-hint" class="muted hint">
            {t('booking.repeat.intervalHint')}
          </p>
          <FieldError id="bk-interval" message={errors.interval} />

          <fieldset class="ends">
            <legend>{t('booking.repeat.ends')}</legend>
            {endChoices.map((choice) => (
              <div key={choice.value}>
                <label class="inline">
                  <input type="radio" name="ends" value={choice.value} checked={repeat.ends === choice.value} onChange={() => set({ ends: choice.value })} />
                  {choice.label}
                </label>
                {choice.value === 'until' && repeat.ends === 'until' && (
                  <div class="sub-field">
                    <label for="bk-until" class="narrow">
                      {t('booking.repeat.untilDate')}
                      <input
                        {...controlProps('bk-until', 'until', errors.until)}
                        type="date"
                        value={repeat.until}
                        min={date || undefined}
                        max={yearEnd}
                        onInput={(e) => set({ until: e.currentTarget.value })}
                      />
                    </label>
                    <FieldError id="bk-until" message={errors.until} />
                  </div>
                )}
                {choice.value === 'count' && repeat.ends === 'count' && (
                  <div class="sub-field">
                    <label for="bk-count" class="narrow">
                      {t('booking.repeat.countTimes')}
                      <input
                        {...controlProps('bk-count', 'count', errors.count)}
                        type="number"
                        inputMode="numeric"
                        min={1}
                        max={MAX_OCCURRENCES}
                        value={repeat.count}
                        onInput={(e) => set({ count: e.currentTarget.value })}
                      />
                    </label>
                    <FieldError id="bk-count" message={errors.count} />
                  </div>
                )}
              </div>
            ))}
            {repeat.ends === 'yearEnd' && <p class="muted hint">{t('booking.repeat.yearEndHint')}</p>}
          </fieldset>
          <SkipDates {...props} />
        </>
      )}
    </fieldset>
  );
}
