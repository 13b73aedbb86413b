/**
 * Availability, as the person types: a one-line verdict in a polite live region ("No conflicts:
 * 12 dates", "3 of 12 dates conflict"), the conflicts by date (with whom, why), and the
 * server's alternatives as buttons that change the form in one click.
 */
import type { Ref } from 'preact';
import { useState } from 'preact/hooks';
import type { Analysis, Conflict } from '../api/types.js';
import { SchoolChip } from '../app/SchoolChip.js';
import { formatDate, formatRange, formatTime } from '../i18n/format.js';
import { language, useT } from '../i18n/i18n.js';
import { alternativesFor, type Alternative } from './booking-form.js';
import type { CheckState } from './useDryRun.js';

const SHOWN_DATES = 8;

interface Props {
  check: CheckState;
  /** Why there is nothing to check yet (an i18n key), or null when the form is complete. */
  pending: string | null;
  /** When the check failed, what to say (an i18n key): fix the fields, reload, or just "could not". */
  failedKey: string;
  alert: string | null;
  canSkip: boolean;
  spaceName: string;
  onApply: (alternative: Alternative) => void;
  headingRef: Ref<HTMLHeadingElement>;
}

const hm = (time: string) => formatTime(`2000-01-01T${time}`);
/** "2:30 – 3:30 PM" / "14:30–15:30": wall times shown as UTC print their own digits. */
const timeRange = (start: string, end: string) =>
  new Intl.DateTimeFormat(language.value, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).formatRange(new Date(`${start}:00Z`), new Date(`${end}:00Z`));

function ConflictLine({ conflict, spaceName }: { conflict: Conflict; spaceName: string }) {
  const t = useT();
  const kind = <strong>{t(`booking.conflict.kind.${conflict.kind}`)}</strong>;
  switch (conflict.kind) {
    case 'overlap': {
      const w = conflict.with;
      if (!w) return <>{kind}</>;
      return (
        <>
          {kind}: <SchoolChip schoolId={w.schoolId} code={w.schoolCode} />{' '}
          {t('booking.conflict.overlap', { title: w.title, school: w.schoolName, space: w.spaceName, time: timeRange(w.localStart, w.localEnd) })}
        </>
      );
    }
    case 'closure': {
      const c = conflict.closure;
      const reason = c ? t(`booking.closureReason.${c.reason}`, { defaultValue: c.reason }) : '';
      return (
        <>
          {kind}: {reason}
          {c?.note ? ` — ${c.note}` : ''}
        </>
      );
    }
    case 'outside_hours': {
      const hours = conflict.openHours ?? [];
      return (
        <>
          {kind}:{' '}
          {hours.length === 0
            ? t('booking.conflict.closedThatDay', { space: spaceName })
            : t('booking.conflict.openHours', { space: spaceName, hours: hours.map((h) => `${hm(h.open)} – ${hm(h.close)}`).join(', ') })}
        </>
      );
    }
    case 'capacity':
      return (
        <>
          {kind}: {t('booking.conflict.capacity', { attendees: conflict.attendees ?? 0, capacity: conflict.capacity ?? 0, space: spaceName })}
        </>
      );
  }
}

function groupByDate(conflicts: Conflict[]): Array<{ occurrence: Conflict['occurrence']; conflicts: Conflict[] }> {
  const groups = new Map<string, { occurrence: Conflict['occurrence']; conflicts: Conflict[] }>();
  for (const c of conflicts) {
    const group = groups.get(c.occurrence.localStart) ?? { occurrence: c.occurrence, conflicts: [] };
    group.conflicts.push(c);
    groups.set(c.occurrence.localStart, group);
  }
  return [...groups.values()].sort((a, b) => (a.occurrence.localStart < b.occurrence.localStart ? -1 : 1));
}

function AlternativeLabel({ alternative, analysis }: { alternative: Alternative; analysis: Analysis }) {
  const t = useT();
  const skip = alternative.skipDates.length > 0 && alternative.kind !== 'skip' ? t('booking.alt.andSkip', { count: alternative.skipDates.length }) : '';
  switch (alternative.kind) {
    case 'time':
      return <>{t('booking.alt.time', { time: timeRange(alternative.localStart, alternative.localEnd) }) + skip}</>;
    case 'space': {
      const space = analysis.alternatives?.spaces.find((s) => s.spaceId === alternative.spaceId);
      const kind = space ? t(`booking.kinds.${space.kind}`, { defaultValue: space.kind }) : '';
      return <>{t('booking.alt.space', { name: space?.name ?? '', kind, capacity: space?.capacity ?? 0 }) + skip}</>;
    }
    case 'skip':
      return <>{t('booking.alt.skip', { count: alternative.skipDates.length, dates: alternative.skipDates.map((d) => formatDate(d)).join('; ') })}</>;
  }
}

function Summary({ check, pending, failedKey }: Pick<Props, 'check' | 'pending' | 'failedKey'>) {
  const t = useT();
  if (pending) return <>{t(pending)}</>;
  if (check.phase === 'failed') return <>{t(failedKey)}</>;
  const analysis = check.analysis;
  if (!analysis) return <>{t('booking.check.checking')}</>;
  const total = analysis.occurrences.length;
  const conflicting = new Set(analysis.conflicts.map((c) => c.occurrence.localStart)).size;
  if (conflicting === 0) return <>{t('booking.check.free', { count: total })}</>;
  if (total <= 1) return <>{t('booking.check.oneConflicts')}</>;
  return <>{t('booking.check.conflicts', { count: conflicting, total })}</>;
}

export function ConflictPanel(props: Props) {
  const t = useT();
  const { check, pending, canSkip, spaceName, onApply, headingRef } = props;
  const [showAll, setShowAll] = useState(false);
  const analysis = pending ? null : check.analysis;
  const groups = analysis ? groupByDate(analysis.conflicts) : [];
  const shown = showAll ? groups : groups.slice(0, SHOWN_DATES);
  const alternatives = analysis ? alternativesFor(analysis.alternatives, canSkip, analysis.conflicts) : [];
  const verdict = analysis && !pending && check.phase !== 'failed' ? (groups.length === 0 ? 'ok' : 'conflict') : 'none';

  return (
    <section class="booking-check card" aria-labelledby="booking-check-title">
      <h2 id="booking-check-title" tabIndex={-1} ref={headingRef}>
        {t('booking.check.title')}
      </h2>
      <p class={`check-summary check-${verdict}`} role="status" aria-live="polite" aria-atomic="true" data-testid="availability">
        {verdict !== 'none' && (
          <span aria-hidden="true" class="check-icon">
            {verdict === 'ok' ? '✓' : '!'}
          </span>
        )}
        <Summary check={check} pending={pending} failedKey={props.failedKey} />
      </p>
      {check.phase === 'waiting' && !pending && <p class="muted checking">{t('booking.check.checking')}</p>}
      {props.alert && (
        <p class="error" role="alert">
          {props.alert}
        </p>
      )}
      {groups.length > 0 && (
        <>
          <h3>{t('booking.check.listTitle')}</h3>
          <ul class="conflict-dates">
            {shown.map((g) => (
              <li key={g.occurrence.localStart}>
                <span class="conflict-when">{formatRange(g.occurrence.localStart, g.occurrence.localEnd)}</span>
                <ul>
                  {g.conflicts.map((c, i) => (
                    <li key={i}>
                      <ConflictLine conflict={c} spaceName={spaceName} />
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          {groups.length > SHOWN_DATES && (
            <button type="button" class="link" aria-expanded={showAll} onClick={() => setShowAll(!showAll)}>
              {showAll ? t('booking.check.showFewer') : t('booking.check.showAll', { count: groups.length })}
            </button>
          )}
          <h3>{t('booking.alt.title')}</h3>
          {alternatives.length > 0 ? (
            <>
              <p class="muted">{t('booking.alt.hint')}</p>
              <ul class="alternatives">
                {alternatives.map((a, i) => (
                  <li key={i}>
                    <button type="button" onClick={() => onApply(a)}>
                      <AlternativeLabel alternative={a} analysis={analysis!} />
                    </button>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t('booking.alt.none')}</p>
          )}
        </>
      )}
    </section>
  );
}
