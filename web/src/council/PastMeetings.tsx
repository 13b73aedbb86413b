/**
 * Past meetings, newest first: the date and where the minutes stand (a meeting nobody wrote
 * anything about has no minutes), each linking to its meeting page.
 */
import { formatDate } from '../i18n/format.js';
import { useT } from '../i18n/i18n.js';
import type { CouncilMeeting } from './council.types.js';

export function PastMeetings({ meetings }: { meetings: CouncilMeeting[] }) {
  const t = useT();
  return (
    <section class="council-section" aria-labelledby="council-past-heading">
      <h2 id="council-past-heading">{t('council.past.heading')}</h2>
      {meetings.length === 0 ? (
        <p class="muted">{t('council.past.none')}</p>
      ) : (
        <table class="council-table">
          <thead>
            <tr>
              <th scope="col">{t('council.past.date')}</th>
              <th scope="col">{t('council.past.minutes')}</th>
            </tr>
          </thead>
          <tbody>
            {meetings.map((m) => (
              <tr key={m.id}>
                <td>
                  <a href={`/council/meetings/${m.id}`}>{formatDate(m.localStart, 'long')}</a>
                </td>
                <td>{m.cancelled ? t('council.past.cancelled') : m.version === null ? t('council.past.noMinutes') : t(`council.minutesStatus.${m.minutesStatus}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
