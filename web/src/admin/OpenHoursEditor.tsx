/**
 * Open hours of a space, per weekday: closed, or open in one or more windows; "until midnight"
 * stands for a close of 24:00 (a time input cannot say it); "always open" means no hours limit.
 */
import type { Weekday } from '../api/types.js';
import { campus } from '../app/campus.state.js';
import { useT } from '../i18n/i18n.js';
import { weekdayNames } from '../i18n/format.js';
import { issueText } from './admin-hooks.js';
import { issueFor, type Issue } from './form-errors.js';
import { FieldError, describedBy } from './FormParts.js';
import { copyMondayToWeekdays, newWindow, WEEKDAYS, type DayDraft, type HoursDraft, type WindowDraft } from './open-hours.js';

type T = ReturnType<typeof useT>;

/** "Monday, window 1: closes" — how the error summary names an open-hours field. */
export function hoursFieldLabel(field: string, t: T): string {
  const [, day, index, part] = field.split('/');
  const dayIndex = WEEKDAYS.indexOf(day as Weekday);
  if (dayIndex < 0) return t('admin.hours.title');
  const long = weekdayNames('long')[dayIndex]!;
  const dayName = long.charAt(0).toUpperCase() + long.slice(1); // "lunes" starts a line here
  if (index === undefined) return dayName;
  const window = t('admin.hours.windowOf', { day: dayName, n: Number(index) + 1 });
  return part === 'open' ? `${window} (${t('admin.hours.opens')})` : part === 'close' ? `${window} (${t('admin.hours.closes')})` : window;
}

export function OpenHoursEditor({ value, onChange, issues }: { value: HoursDraft; onChange: (next: HoursDraft) => void; issues: Issue[] }) {
  const t = useT();
  const names = weekdayNames('long');
  const setDay = (day: Weekday, next: DayDraft) => onChange({ ...value, days: { ...value.days, [day]: next } });
  const whole = issueText(issueFor(issues, 'openHours'), t);
  return (
    <fieldset class="hours-editor" aria-describedby={describedBy('hours-zone', whole && 'hours-error')}>
      <legend>{t('admin.hours.title')}</legend>
      <p id="hours-zone" class="hint">
        {t('admin.hours.hint', { zone: campus.value?.timeZone ?? '' })}
      </p>
      <FieldError id="hours-error" message={whole} />
      <label class="inline">
        <input type="checkbox" checked={value.always} onChange={(e) => onChange({ ...value, always: e.currentTarget.checked })} />
        {t('admin.hours.always')}
      </label>
      {!value.always && (
        <>
          <ul class="hours-days">
            {WEEKDAYS.map((day, i) => (
              <DayRow key={day} day={day} name={names[i]!} value={value.days[day]} onChange={(next) => setDay(day, next)} issues={issues} />
            ))}
          </ul>
          <button type="button" onClick={() => onChange(copyMondayToWeekdays(value))}>
            {t('admin.hours.copyMonday')}
          </button>
        </>
      )}
    </fieldset>
  );
}

function DayRow({ day, name, value, onChange, issues }: { day: Weekday; name: string; value: DayDraft; onChange: (next: DayDraft) => void; issues: Issue[] }) {
  const t = useT();
  const dayError = issueText(issueFor(issues, `openHours/${day}`), t);
  const setWindow = (index: number, next: WindowDraft) => onChange({ ...value, windows: value.windows.map((w, i) => (i === index ? next : w)) });
  return (
    <li class="hours-day">
      <label class="inline day-name">
        <input
          type="checkbox"
          checked={value.open}
          aria-describedby={dayError ? `hours-${day}-error` : undefined}
          onChange={(e) => onChange({ ...value, open: e.currentTarget.checked, windows: value.windows.length ? value.windows : [newWindow()] })}
        />
        {name}
      </label>
      {!value.open && <span class="muted">{t('admin.hours.closed')}</span>}
      <FieldError id={`hours-${day}-error`} message={dayError} />
      {value.open && (
        <div role="group" aria-label={t('admin.hours.windowsOf', { day: name })} class="hours-windows">
          {value.windows.map((w, index) => (
            <WindowRow
              key={index}
              id={`hours-${day}-${index}`}
              context={t('admin.hours.windowOf', { day: name, n: index + 1 })}
              value={w}
              onChange={(next) => setWindow(index, next)}
              onRemove={
                value.windows.length > 1
                  ? () => {
                      onChange({ ...value, windows: value.windows.filter((_, i) => i !== index) });
                      // The button is gone with its window: keep focus in the day, not on the page.
                      requestAnimationFrame(() => document.getElementById(`hours-${day}-${Math.max(0, index - 1)}-open`)?.focus());
                    }
                  : undefined
              }
              issues={issues}
              path={`openHours/${day}/${index}`}
            />
          ))}
          <button type="button" class="link" onClick={() => onChange({ ...value, windows: [...value.windows, newWindow()] })}>
            {t('admin.hours.addWindow')}
            <span class="visually-hidden"> ({name})</span>
          </button>
        </div>
      )}
    </li>
  );
}

function WindowRow({
  id,
  context,
  value,
  onChange,
  onRemove,
  issues,
  path,
}: {
  id: string;
  context: string;
  value: WindowDraft;
  onChange: (next: WindowDraft) => void;
  onRemove?: () => void;
  issues: Issue[];
  path: string;
}) {
  const t = useT();
  const windowError = issueText(issueFor(issues, path), t);
  const openError = issueText(issueFor(issues, `${path}/open`), t);
  const closeError = issueText(issueFor(issues, `${path}/close`), t);
  const windowErrorId = windowError ? `${id}-error` : undefined;
  return (
    <div class="hours-window">
      <TimeInput id={`${id}-open`} label={t('admin.hours.opens')} context={context} value={value.open} error={openError} windowErrorId={windowErrorId} onInput={(open) => onChange({ ...value, open })} />
      <TimeInput
        id={`${id}-close`}
        label={t('admin.hours.closes')}
        context={context}
        value={value.midnight ? '' : value.close}
        disabled={value.midnight}
        error={closeError}
        windowErrorId={windowErrorId}
        onInput={(close) => onChange({ ...value, close })}
      />
      <label class="inline">
        <input type="checkbox" checked={value.midnight} onChange={(e) => onChange({ ...value, midnight: e.currentTarget.checked })} />
        {t('admin.hours.midnight')}
        <span class="visually-hidden"> ({context})</span>
      </label>
      {onRemove && (
        <button type="button" class="link" onClick={onRemove}>
          {t('admin.hours.removeWindow')}
          <span class="visually-hidden"> ({context})</span>
        </button>
      )}
      <FieldError id={`${id}-open-error`} message={openError} />
      <FieldError id={`${id}-close-error`} message={closeError} />
      <FieldError id={windowErrorId} message={windowError} />
    </div>
  );
}

/** Opens or closes: labelled with its window ("Opens (Monday, window 1)"), invalid with its own error or the window's. */
function TimeInput({
  id,
  label,
  context,
  value,
  disabled = false,
  error,
  windowErrorId,
  onInput,
}: {
  id: string;
  label: string;
  context: string;
  value: string;
  disabled?: boolean;
  error: string | undefined;
  windowErrorId: string | undefined;
  onInput: (time: string) => void;
}) {
  return (
    <span class="time-pair">
      <label for={id} class="inline">
        {label}
        <span class="visually-hidden"> ({context})</span>
      </label>
      <input
        id={id}
        type="time"
        value={value}
        disabled={disabled}
        aria-invalid={error || windowErrorId ? 'true' : undefined}
        aria-describedby={describedBy(error && `${id}-error`, windowErrorId)}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
    </span>
  );
}
