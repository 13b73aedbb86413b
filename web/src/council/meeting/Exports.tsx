/** The printable agenda and minutes, in the reader's language (web page or PDF). */
import { language, useT } from '../../i18n/i18n.js';
import { exportHref } from './meeting-view.js';

export function Exports({ campusId, meetingId, minutesReadable }: { campusId: number; meetingId: number; minutesReadable: boolean }) {
  const t = useT();
  const lang = language.value;
  const kinds: Array<'agenda' | 'minutes'> = minutesReadable ? ['agenda', 'minutes'] : ['agenda'];
  const links = kinds.flatMap((what) => (['html', 'pdf'] as const).map((format) => [what, format] as const));
  return (
    <section class="card meeting-section" aria-labelledby="exports-heading">
      <h2 id="exports-heading">{t('meeting.exports.heading')}</h2>
      <ul class="room-exports">
        {links.map(([what, format]) => (
          <li key={`${what}.${format}`}>
            <a href={exportHref(campusId, meetingId, what, format, lang)} hrefLang={lang}>
              {t(`meeting.exports.${what}`)} ({t(`meeting.exports.${format}`)})
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
