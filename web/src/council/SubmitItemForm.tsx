/**
 * A member puts an item on the agenda for their school, before the deadline. The server places
 * it among the submitted items by this meeting's rotation of schools.
 */
import { useState } from 'preact/hooks';
import { ApiError } from '../api/client.js';
import { bumpRevision } from '../app/campus.state.js';
import { errorText } from '../app/error-text.js';
import { SchoolChip } from '../app/SchoolChip.js';
import { ErrorMessage } from '../app/Status.js';
import { useT } from '../i18n/i18n.js';
import { parseMinutes } from './council-home.js';
import { submitItem } from './council.service.js';
import { FieldError, fieldProps } from './Field.js';
import type { CouncilSchool } from './NextMeeting.js';

type Field = 'title' | 'detail' | 'minutes';

interface Props {
  campusId: number;
  meetingId: number;
  schools: CouncilSchool[];
  announce: (text: string) => void;
  reload: () => Promise<void>;
}

export function SubmitItemForm({ campusId, meetingId, schools, announce, reload }: Props) {
  const t = useT();
  const [schoolId, setSchoolId] = useState(String(schools[0]!.id));
  const [title, setTitle] = useState('');
  const [detail, setDetail] = useState('');
  const [minutes, setMinutes] = useState('10');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  async function send() {
    if (saving) return;
    const found: Partial<Record<Field, string>> = {};
    if (title.trim() === '') found.title = t('council.submit.titleRequired');
    const count = parseMinutes(minutes);
    if (count === null) found.minutes = t('council.items.minutesInvalid');
    setErrors(found);
    setFailure(null);
    const first = (['title', 'minutes'] as const).find((f) => found[f]);
    if (first) {
      document.getElementById(`submit-${first}`)?.focus();
      return;
    }
    setSaving(true);
    try {
      const row = await submitItem(campusId, meetingId, { schoolId: Number(schoolId), title: title.trim(), detail: detail.trim(), minutes: count! });
      setTitle('');
      setDetail('');
      setMinutes('10');
      announce(t('council.submit.sent', { title: row.title }));
      await reload();
      bumpRevision();
    } catch (error) {
      const fields = error instanceof ApiError ? (['title', 'detail', 'minutes'] as const).filter((f) => error.fieldMessage(f)) : [];
      if (error instanceof ApiError && fields.length > 0) setErrors(Object.fromEntries(fields.map((f) => [f, error.fieldMessage(f)!])));
      else setFailure(error);
    } finally {
      setSaving(false);
    }
  }

  const only = schools.length === 1 ? schools[0]! : null;
  return (
    <section class="council-submit" aria-labelledby="council-submit-heading">
      <h3 id="council-submit-heading">{t('council.submit.heading')}</h3>
      <form
        class="council-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        {only ? (
          <p>
            {t('council.submit.school')}: <SchoolChip schoolId={only.id} code={only.locationCode} /> {only.name}
          </p>
        ) : (
          <label for="submit-school">
            {t('council.submit.school')}
            <select id="submit-school" value={schoolId} onChange={(e) => setSchoolId(e.currentTarget.value)}>
              {schools.map((s) => (
                <option key={s.id} value={String(s.id)}>
                  {s.locationCode} · {s.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label for="submit-title">
          {t('council.submit.title')}
          <input type="text" maxLength={200} required {...fieldProps('submit-title', errors.title)} value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
        </label>
        <FieldError id="submit-title" message={errors.title} />
        <label for="submit-detail">
          {t('council.submit.detail')}
          <textarea rows={3} maxLength={4000} {...fieldProps('submit-detail', errors.detail)} value={detail} onInput={(e) => setDetail(e.currentTarget.value)} />
        </label>
        <FieldError id="submit-detail" message={errors.detail} />
        <label for="submit-minutes" class="council-narrow">
          {t('council.submit.minutes')}
          <input type="number" inputMode="numeric" min={1} max={240} step={1} {...fieldProps('submit-minutes', errors.minutes)} value={minutes} onInput={(e) => setMinutes(e.currentTarget.value)} />
        </label>
        <FieldError id="submit-minutes" message={errors.minutes} />
        <ErrorMessage message={failure ? errorText(failure) : null} />
        <div class="council-actions">
          <button type="submit" class="primary" aria-disabled={saving || undefined}>
            {t('council.submit.send')}
          </button>
        </div>
      </form>
    </section>
  );
}
