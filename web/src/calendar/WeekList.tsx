/**
 * The week as text: the closures, and every booking by day as a button that opens its details.
 * It says everything the grid shows, for screen readers, keyboards and small screens.
 */
import type { Closure, ListedOccurrence, Space } from '../api/types.js';
import { SchoolChip } from '../app/SchoolChip.js';
import { formatDate, formatRange } from '../i18n/format.js';
import { language, useT } from '../i18n/i18n.js';
import { closedSpaceIds, closureDates, formatDateSpan, formatTimeSpan } from './week.js';

/** "Closed: Thanksgiving break, Nov 23–27 (whole building)" */
export function useClosureText(spaces: readonly Space[]): (closure: Closure) => string {
  const t = useT();
  return (closure) => {
    const reason = closure.note.trim() || t(`calendar.closures.reason.${closure.reason}`, { defaultValue: t('calendar.closures.reason.other') });
    const dates = closureDates(closure);
    const when = dates ? formatDateSpan(dates.first, dates.last, language.value) : formatRange(closure.localStart, closure.localEnd);
    const closed = closedSpaceIds(closure, spaces);
    const where = closed === null ? t('calendar.closures.wholeBuilding') : spaces.filter((s) => closed.includes(s.id)).map((s) => s.name).join(', ');
    return `${t('calendar.closures.closed', { reason, when })} (${where})`;
  };
}

export function ClosureList({ closures, spaces }: { closures: Closure[]; spaces: readonly Space[] }) {
  const t = useT();
  const text = useClosureText(spaces);
  if (closures.length === 0) return null;
  return (
    <section class="wk-closures" aria-labelledby="wk-closures-title">
      <h3 id="wk-closures-title">{t('calendar.closures.title')}</h3>
      <ul>
        {closures.map((c) => (
          <li key={c.id}>
            {text(c)}
          </li>
        ))}
      </ul>
    </section>
  );
}

interface ListProps {
  days: Array<{ date: string; items: ListedOccurrence[] }>;
  /** The day to show open (day view); null = let each day keep its state. */
  openDay: string | null;
  note: string | null;
  onOpen: (occurrence: ListedOccurrence) => void;
}

export function WeekList({ days, openDay, note, onOpen }: ListProps) {
  const t = useT();
  return (
    <section class="wk-list" aria-labelledby="wk-list-title">
      <h2 id="wk-list-title" tabIndex={-1}>{t('calendar.list.title')}</h2>
      {note && <p class="muted">{note}</p>}
      {days.map(({ date, items }) => (
        <details key={date} open={openDay === date ? true : undefined}>
          <summary>{t('calendar.list.summary', { date: formatDate(date, 'long'), count: items.length })}</summary>
          {items.length === 0 ? (
            <p class="muted">{t('calendar.list.none')}</p>
          ) : (
            <ul>
              {items.map((o) => (
                <li key={o.occurrenceId}>
                  <button type="button" class="wk-list-item" data-list-occurrence={o.occurrenceId} aria-haspopup="dialog" onClick={() => onOpen(o)}>
                    <span class="wk-list-time">{formatTimeSpan(o.localStart, o.localEnd, language.value)}</span>
                    <SchoolChip schoolId={o.schoolId} code={o.schoolCode} />
                    <span class="wk-list-title">{o.title}</span>
                    <span class="wk-list-space">{o.spaceName}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </details>
      ))}
    </section>
  );
}
