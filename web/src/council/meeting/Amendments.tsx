/**
 * Corrections to approved minutes: the minutes themselves never change again, so a correction
 * is appended here with who made it and when, and never edited or removed.
 */
import { useState } from 'preact/hooks';
import { campus } from '../../app/campus.state.js';
import { ErrorMessage } from '../../app/Status.js';
import { formatInstant } from '../../i18n/format.js';
import { useT } from '../../i18n/i18n.js';
import { FieldError, fieldProps } from '../Field.js';
import { refusalText } from './meeting-errors.js';
import { addAmendment } from './meeting.service.js';
import type { Amendment } from './meeting.types.js';
import { useWrite } from './useWrite.js';

interface Props {
  campusId: number;
  meetingId: number;
  amendments: Amendment[];
  /** The minutes are approved or locked and the person sits on the council. */
  mayAmend: boolean;
  announce: (text: string) => void;
}

export function Amendments({ campusId, meetingId, amendments, mayAmend, announce }: Props) {
  const t = useT();
  const writer = useWrite();
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const zone = campus.value?.timeZone ?? 'UTC';

  async function submit(event: Event) {
    event.preventDefault();
    if (text.trim() === '') {
      setMissing(true);
      document.getElementById('amendment-text')?.focus();
      return;
    }
    setMissing(false);
    const ok = await writer.run(async () => {
      try {
        await addAmendment(campusId, meetingId, text.trim());
      } catch (failure) {
        throw new Error(refusalText(failure, 'amend'));
      }
      announce(t('meeting.amendments.added'));
    });
    if (ok) setText('');
  }

  return (
    <section class="card meeting-section" aria-labelledby="amendments-heading">
      <h2 id="amendments-heading">{t('meeting.amendments.heading')}</h2>
      <p class="muted">{t('meeting.amendments.intro')}</p>
      {amendments.length === 0 ? (
        <p class="muted">{t('meeting.amendments.none')}</p>
      ) : (
        <ol class="room-amendments">
          {amendments.map((a) => (
            <li key={a.id}>
              <p class="notes-text">{a.text}</p>
              <p class="muted">{t('meeting.amendments.by', { name: a.byName, when: formatInstant(a.at, zone) })}</p>
            </li>
          ))}
        </ol>
      )}
      {mayAmend && (
        <form class="room-form" onSubmit={submit} noValidate>
          <div class="room-field">
            <label for="amendment-text">{t('meeting.amendments.text')}</label>
            <textarea rows={3} maxLength={5000} value={text} onInput={(e) => setText(e.currentTarget.value)} {...fieldProps('amendment-text', missing ? t('meeting.amendments.required') : null)} />
          </div>
          <FieldError id="amendment-text" message={missing ? t('meeting.amendments.required') : null} />
          <div>
            <button type="submit" class="primary" disabled={writer.busy}>
              {writer.busy ? t('meeting.saving') : t('meeting.amendments.add')}
            </button>
          </div>
          <ErrorMessage message={writer.error} />
        </form>
      )}
    </section>
  );
}
