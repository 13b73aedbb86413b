/**
 * The agenda: numbered items with their planned times, in the reader's language. Members move
 * items up and down (each move sends the whole order with the meeting's version), time-box,
 * merge and withdraw them, and add what came up since. While the agenda is the live draft
 * (no ids yet), a change first writes it down (POST refresh) and is then applied to the same
 * item there. A move shows at once and keeps the focus on the moved item's button.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { schools } from '../app/campus.state.js';
import { wallAsUtc } from '../i18n/format.js';
import { language, useT } from '../i18n/i18n.js';
import { agendaTextDeps } from './agenda-deps.js';
import { itemDetailLines, itemTitle } from './agenda-text.js';
import { itemKeys, matchingItem, minutesOf, moved, positionAfterMove, withTimes } from './council-home.js';
import { mergeItem, refreshAgenda, reorderAgenda, timeBoxItem, withdrawItem } from './council.service.js';
import type { Agenda, AgendaItem } from './council.types.js';
import { Gone, type Run } from './council-write.js';
import { AgendaItemView } from './AgendaItemView.js';
import { ItemEditor } from './ItemEditor.js';

interface Props {
  agenda: Agenda;
  campusId: number;
  mySchoolIds: number[];
  busy: boolean;
  run: Run;
  /** Show an agenda the server answered (a new order). */
  show: (agenda: Agenda) => void;
  reload: () => Promise<void>;
}

export function AgendaList({ agenda, campusId, mySchoolIds, busy, run, show, reload }: Props) {
  const t = useT();
  const deps = agendaTextDeps();
  const meetingId = agenda.meeting.id;
  const day = agenda.meeting.localStart.slice(0, 10);
  const start = agenda.meeting.localStart.slice(11, 16);
  // A move shows at once; the server's answer replaces it.
  const [pending, setPending] = useState<{ from: Agenda; items: AgendaItem[] } | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const focusAfter = useRef<{ position: number; which: 'up' | 'down' } | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  // After a merge or a withdrawal the item (and its dialog's opener) is gone: focus goes to the agenda's heading.
  const toHeading = useRef(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const shown = pending?.from === agenda ? pending.items : agenda.items;
  const timed = withTimes(shown, start);
  const items = timed.items;
  const keys = itemKeys(items);
  // How far the plan runs past the booked end (a meeting within one day, as the server plans it).
  const meetingEnd = agenda.meeting.localEnd.slice(11, 16);
  const over = agenda.meeting.localEnd.slice(0, 10) === day ? minutesOf(timed.plannedEnd) - minutesOf(meetingEnd) : 0;
  const member = mySchoolIds.length > 0;
  const arranging = member && agenda.meeting.status !== 'closed';
  const title = (item: AgendaItem) => itemTitle(item, deps);
  const times = new Intl.DateTimeFormat(language.value, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
  // Wall-clock digits as they are (see format.ts): "7:30 – 7:35 AM".
  const time = (hhmm: string) => times.format(wallAsUtc(`${day}T${hhmm}`));
  const span = (from: string, to: string) => times.formatRange(wallAsUtc(`${day}T${from}`), wallAsUtc(`${day}T${to}`));

  useLayoutEffect(() => {
    if (!toHeading.current) return;
    toHeading.current = false;
    headingRef.current?.focus();
  });

  // Moving a list item's node takes the focus away: give it back to the moved item's button.
  useLayoutEffect(() => {
    const wanted = focusAfter.current;
    if (!wanted || !listRef.current) return;
    const buttons = listRef.current.querySelectorAll<HTMLButtonElement>(`button[data-pos="${wanted.position}"]`);
    const preferred = [...buttons].find((b) => b.dataset.move === wanted.which && !b.disabled) ?? [...buttons].find((b) => !b.disabled);
    if (preferred && document.activeElement !== preferred) preferred.focus();
    if (!busy) focusAfter.current = null;
  });

  /** The agenda written down (ids and versions), and the item there that is `items[index]` here. */
  async function writtenDown(index: number): Promise<{ written: Agenda; item: AgendaItem }> {
    const written = agenda.drafted ? agenda : await refreshAgenda(campusId, meetingId);
    const item = matchingItem(items, index, written.items);
    if (!item || item.id === null) throw new Gone();
    return { written, item };
  }

  function move(index: number, delta: -1 | 1) {
    if (busy) return;
    const position = positionAfterMove(items.length, index, delta);
    if (position === index + 1) return;
    const name = title(items[index]!);
    setPending({ from: agenda, items: moved(items, index, delta) });
    focusAfter.current = { position: position - 1, which: delta < 0 ? 'up' : 'down' };
    void run(async () => {
      const { written, item } = await writtenDown(index);
      const at = written.items.indexOf(item);
      const order = moved(written.items, at, delta).map((i) => i.id!);
      show(await reorderAgenda(campusId, meetingId, order, written.version));
      return t('council.items.moved', { title: name, position });
    }).then((done) => {
      if (done) return;
      // Refused (someone changed it first): the item is back where it was, and so is the focus.
      setPending(null);
      focusAfter.current = { position: index, which: delta < 0 ? 'up' : 'down' };
    });
  }

  async function timeBox(index: number, minutes: number): Promise<boolean> {
    const name = title(items[index]!);
    return run(async () => {
      const { item } = await writtenDown(index);
      await timeBoxItem(campusId, meetingId, item.id!, minutes, item.version);
      await reload();
      return t('council.items.timeSet', { title: name, count: minutes });
    });
  }

  async function merge(index: number, intoIndex: number): Promise<boolean> {
    const name = title(items[index]!);
    const into = title(items[intoIndex]!);
    return run(async () => {
      const { written, item } = await writtenDown(index);
      const target = matchingItem(items, intoIndex, written.items);
      if (!target || target.id === null) throw new Gone();
      await mergeItem(campusId, meetingId, item.id!, target.id, written.version);
      await reload();
      return t('council.items.merged', { title: name, into });
    });
  }

  async function withdraw(index: number): Promise<boolean> {
    const item = items[index]!;
    return run(async () => {
      if (item.id === null) throw new Gone();
      await withdrawItem(campusId, meetingId, item.id);
      await reload();
      return t('council.items.withdrawn', { title: title(item) });
    });
  }

  const closeEditor = (done: boolean) => {
    if (done) {
      toHeading.current = true;
      setEditing(null);
    }
    return done;
  };

  const refresh = () =>
    void run(async () => {
      show(await refreshAgenda(campusId, meetingId));
      return t('council.items.refreshed');
    });

  return (
    <div class="council-agenda">
      <h3 ref={headingRef} tabIndex={-1}>
        {t('council.items.heading')}
      </h3>
      {!agenda.drafted && <p class="muted">{t('council.items.liveDraft')}</p>}
      {items.length === 0 ? (
        <p>{t('council.items.empty')}</p>
      ) : (
        <ol class="agenda-items" ref={listRef}>
          {items.map((item, index) => {
            const key = keys[index]!;
            const name = title(item);
            const school = item.source === 'submitted' && item.schoolId !== null ? schools.value.find((s) => s.id === item.schoolId) : undefined;
            const editorId = `agenda-edit-${index}`;
            return (
              <AgendaItemView
                key={key}
                item={item}
                index={index}
                count={items.length}
                name={name}
                lines={itemDetailLines(item, deps)}
                school={school}
                span={span(item.start, item.end)}
                arranging={arranging}
                editorId={editorId}
                editing={editing === key}
                onMove={(delta) => move(index, delta)}
                onToggle={() => setEditing(editing === key ? null : key)}
              >
                {arranging && editing === key && (
                  <ItemEditor
                    id={editorId}
                    item={item}
                    name={name}
                    others={items.map((other, i) => ({ index: i, label: `${i + 1}. ${title(other)}` })).filter((o) => o.index !== index)}
                    mayWithdraw={item.source === 'submitted' && item.id !== null && item.schoolId !== null && mySchoolIds.includes(item.schoolId) && agenda.meeting.status === 'scheduled'}
                    timeBox={(minutes) => timeBox(index, minutes)}
                    merge={(into) => merge(index, into).then(closeEditor)}
                    withdraw={() => withdraw(index).then(closeEditor)}
                  />
                )}
              </AgendaItemView>
            );
          })}
        </ol>
      )}
      <p class="council-total">
        {t('council.items.summary', { minutes: timed.totalMinutes, end: time(timed.plannedEnd) })}
        {over > 0 && <span class="council-over"> · {t('council.items.over', { count: over, end: time(meetingEnd) })}</span>}
      </p>
      {member && agenda.meeting.status === 'scheduled' && (
        <button type="button" onClick={refresh}>
          {t('council.items.refresh')}
        </button>
      )}
    </div>
  );
}
