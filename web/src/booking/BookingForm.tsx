/**
 * The booking's fields, shared by "Book a space" and "Change a booking": school, space, title,
 * purpose, attendees, date and times (campus wall clock), and the repeat rule. The pages own the
 * state, the availability check and the submit.
 */
import type { Space } from '../api/types.js';
import { campus } from '../app/campus.state.js';
import { SchoolChip } from '../app/SchoolChip.js';
import { formatDate } from '../i18n/format.js';
import { useT } from '../i18n/i18n.js';
import { MAX_PURPOSE, MAX_TITLE, orderSpaces, zoneCity, type FieldName, type FormShape, type FormState } from './booking-form.js';
import { controlProps, FieldError } from './FieldError.js';
import { isLocalDate, followStartDate } from './recurrence.js';
import { RecurrenceEditor } from './RecurrenceEditor.js';

export interface SchoolChoice {
  id: number;
  name: string;
  locationCode: string;
}

interface Props {
  form: FormState;
  onChange: (form: FormState) => void;
  errors: Partial<Record<FieldName, string>>;
  shape: FormShape;
  /** More than one: a select. One: shown as fixed text (and still sent). */
  schoolChoices: SchoolChoice[];
  spaces: Space[];
  /** The space the booking had: kept in the list even when archived since. */
  keepSpaceId?: number | null;
}

export function BookingForm({ form, onChange, errors, shape, schoolChoices, spaces, keepSpaceId = null }: Props) {
  const t = useT();
  const zone = campus.value?.timeZone ?? 'UTC';
  const yearEnd = campus.value?.yearEnd ?? '';
  const set = (patch: Partial<FormState>) => onChange({ ...form, ...patch });
  const options = orderSpaces(spaces, keepSpaceId);
  const chosenSchool = schoolChoices.find((s) => String(s.id) === form.schoolId) ?? (schoolChoices.length === 1 ? schoolChoices[0] : undefined);
  const field = (name: FieldName, id: string, ...hints: string[]) => controlProps(id, name, errors[name], ...hints);

  return (
    <div class="booking-fields">
      {schoolChoices.length > 1 ? (
        <div class="field">
          <label for="bk-school">{t('booking.fields.school')}</label>
          <select {...field('schoolId', 'bk-school')} value={form.schoolId} onChange={(e) => set({ schoolId: e.currentTarget.value })}>
            {schoolChoices.map((s) => (
              <option key={s.id} value={s.id}>
                {s.locationCode} {s.name}
              </option>
            ))}
          </select>
          <FieldError id="bk-school" message={errors.schoolId} />
        </div>
      ) : (
        <>
          <p class="field fixed-school">
            <span class="label-text">{t('booking.fields.school')}</span>{' '}
            {chosenSchool ? (
              <span class="fixed-value">
                <SchoolChip schoolId={chosenSchool.id} code={chosenSchool.locationCode} />{' '}
                {chosenSchool.name}
              </span>
            ) : (
              <span class="fixed-value">—</span>
            )}
          </p>
          <FieldError id="bk-school" message={errors.schoolId} />
        </>
      )}

      <div class="field">
        <label for="bk-space">{t('booking.fields.space')}</label>
        <select {...field('spaceId', 'bk-space')} value={form.spaceId} onChange={(e) => set({ spaceId: e.currentTarget.value })}>
          <option value="">{t('booking.fields.spaceChoose')}</option>
          {options.map(({ space, depth }) => (
            <option key={space.id} value={space.id}>
              {'\u2003'.repeat(depth)}
              {t('booking.fields.spaceOption', { name: space.name, kind: t(`booking.kinds.${space.kind}`, { defaultValue: space.kind }), count: space.capacity })}
            </option>
          ))}
        </select>
        <FieldError id="bk-space" message={errors.spaceId} />
      </div>

      <div class="field">
        <label for="bk-title">{t('booking.fields.title')}</label>
        <input {...field('title', 'bk-title')} type="text" maxLength={MAX_TITLE} autocomplete="off" value={form.title} onInput={(e) => set({ title: e.currentTarget.value })} />
        <FieldError id="bk-title" message={errors.title} />
      </div>

      {shape.purpose && (
        <div class="field">
          <label for="bk-purpose">
            {t('booking.fields.purpose')} <span class="muted optional">{t('booking.fields.optional')}</span>
          </label>
          <textarea {...field('purpose', 'bk-purpose')} rows={2} maxLength={MAX_PURPOSE} value={form.purpose} onInput={(e) => set({ purpose: e.currentTarget.value })} />
          <FieldError id="bk-purpose" message={errors.purpose} />
        </div>
      )}

      <div class="field narrow">
        <label for="bk-attendees">{t('booking.fields.attendees')}</label>
        <input {...field('attendees', 'bk-attendees')} type="number" inputMode="numeric" min={0} value={form.attendees} onInput={(e) => set({ attendees: e.currentTarget.value })} />
        <FieldError id="bk-attendees" message={errors.attendees} />
      </div>

      <fieldset class="when">
        <legend>{t('booking.fields.when')}</legend>
        <p id="bk-zone" class="muted hint">
          {t('booking.fields.zone', { zone: zoneCity(zone) })}
        </p>
        <div class="when-row">
          <div class="field">
            <label for="bk-date">{shape.recurrence && form.repeat.mode !== 'none' ? t('booking.fields.firstDate') : t('booking.fields.date')}</label>
            <input
              {...field('date', 'bk-date', 'bk-date-long')}
              type="date"
              value={form.date}
              onInput={(e) => {
                const date = e.currentTarget.value;
                set({ date, repeat: followStartDate(form.repeat, date) });
              }}
            />
          </div>
          <div class="field">
            <label for="bk-start">{t('booking.fields.start')}</label>
            <input {...field('startTime', 'bk-start', 'bk-zone')} type="time" step={300} value={form.startTime} onInput={(e) => set({ startTime: e.currentTarget.value })} />
          </div>
          <div class="field">
            <label for="bk-end">{t('booking.fields.end')}</label>
            <input {...field('endTime', 'bk-end', 'bk-zone')} type="time" step={300} value={form.endTime} onInput={(e) => set({ endTime: e.currentTarget.value })} />
          </div>
        </div>
        <p id="bk-date-long" class="muted hint">
          {isLocalDate(form.date) ? formatDate(form.date, 'long') : ''}
        </p>
        <FieldError id="bk-date" message={errors.date} />
        <FieldError id="bk-start" message={errors.startTime} />
        <FieldError id="bk-end" message={errors.endTime} />
      </fieldset>

      {shape.recurrence && (
        <RecurrenceEditor
          repeat={form.repeat}
          exdates={form.exdates}
          date={form.date}
          yearEnd={yearEnd}
          errors={errors}
          onChange={(repeat, exdates) => set({ repeat, exdates })}
        />
      )}
    </div>
  );
}
