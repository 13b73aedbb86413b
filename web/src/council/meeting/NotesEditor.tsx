/**
 * The notes of one agenda item. Saved when the person leaves the box and with the Save button,
 * always with the version they started from. Someone else's newer text never replaces what the
 * person is typing: they are told, and choose. A save refused as stale shows both texts — theirs
 * (reloaded) and theirs-to-keep — and the person keeps one or merges them (notes-sync.ts).
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ErrorMessage } from '../../app/Status.js';
import { useT } from '../../i18n/i18n.js';
import { isStale, refusalText } from './meeting-errors.js';
import { getMinutes, writeNotes } from './meeting.service.js';
import type { MinutesStatus } from './meeting.types.js';
import { edit, focus, initNotes, isDirty, receive, reloadIncoming, resolve, saved, saveFailed, saveStarted, stale, toSave, type NotesState, type Resolution } from './notes-sync.js';

interface Props {
  campusId: number;
  meetingId: number;
  itemId: number;
  title: string;
  notes: string;
  version: number;
  editable: boolean;
  minutesStatus: MinutesStatus;
  announce: (text: string) => void;
}

export function NotesEditor({ campusId, meetingId, itemId, title, notes, version, editable, minutesStatus, announce }: Props) {
  const t = useT();
  const [state, setState] = useState<NotesState>(() => initNotes({ text: notes, version }));
  const current = useRef(state);
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const focusBox = useRef(false);
  const id = `notes-${itemId}`;

  function update(change: (s: NotesState) => NotesState): NotesState {
    current.current = change(current.current);
    setState(current.current);
    return current.current;
  }

  // Every refetch brings the server's notes: taken, or kept aside while the person writes.
  useEffect(() => {
    update((s) => receive(s, { text: notes, version }));
  }, [notes, version]);

  // Focus follows what replaced the control the person was on: the choice when a save is refused, the box after choosing.
  const panel = useRef<HTMLDivElement>(null);
  const hadConflict = useRef(false);
  useLayoutEffect(() => {
    if (state.conflict && !hadConflict.current) panel.current?.focus();
    hadConflict.current = state.conflict !== null;
    if (focusBox.current && box.current) {
      focusBox.current = false;
      box.current.focus();
    }
  });

  async function save() {
    const out = toSave(current.current);
    if (!out) return;
    update(saveStarted);
    setError(null);
    try {
      const answer = await writeNotes(campusId, meetingId, itemId, out.text, out.version);
      update((s) => saved(s, out.text, answer.version));
      announce(t('meeting.notes.saved', { title }));
    } catch (failure) {
      if (isStale(failure)) {
        try {
          const theirs = (await getMinutes(campusId, meetingId)).items.find((i) => i.id === itemId);
          if (theirs) {
            update((s) => stale(s, { text: theirs.notes, version: theirs.version }));
            return;
          }
        } catch {
          // fall through: say it could not be saved; the text stays in the box
        }
      }
      update(saveFailed);
      setError(refusalText(failure));
    }
  }

  function choose(choice: Resolution) {
    update((s) => resolve(s, choice));
    focusBox.current = true;
    if (choice === 'mine') void save();
    else if (choice === 'merge') announce(t('meeting.notes.merged'));
  }

  const dirty = isDirty(state);
  if (!editable && !dirty) {
    return (
      <div class="notes-read">
        <h4 class="notes-label">{t('meeting.notes.label')}</h4>
        {state.base.text.trim() === '' ? <p class="muted">{t('meeting.notes.none')}</p> : <p class="notes-text">{state.base.text}</p>}
      </div>
    );
  }

  const statusId = `${id}-status`;
  return (
    <div class="notes-edit">
      {state.conflict ? (
        <div class="notes-conflict" role="alert" aria-labelledby={`${id}-conflict`} ref={panel} tabIndex={-1}>
          <h4 id={`${id}-conflict`}>{t('meeting.notes.conflictTitle')}</h4>
          <p>{t('meeting.notes.conflictBody')}</p>
          <div class="notes-versions">
            <figure>
              <figcaption>{t('meeting.notes.theirs')}</figcaption>
              <p class="notes-text">{state.conflict.theirs.text.trim() === '' ? <span class="muted">{t('meeting.notes.none')}</span> : state.conflict.theirs.text}</p>
            </figure>
            <figure>
              <figcaption>{t('meeting.notes.mine')}</figcaption>
              <p class="notes-text">{state.conflict.mine}</p>
            </figure>
          </div>
          <div class="notes-tools">
            <button type="button" class="primary" onClick={() => choose('mine')}>
              {t('meeting.notes.keepMine')}
            </button>
            <button type="button" onClick={() => choose('theirs')}>
              {t('meeting.notes.useTheirs')}
            </button>
            <button type="button" onClick={() => choose('merge')}>
              {t('meeting.notes.merge')}
            </button>
          </div>
        </div>
      ) : (
        <>
          <label for={id} class="notes-label">
            <span>
              {t('meeting.notes.label')}
              <span class="visually-hidden">: {title}</span>
            </span>
          </label>
          <textarea
            id={id}
            ref={box}
            rows={4}
            maxLength={20000}
            value={state.draft}
            aria-describedby={statusId}
            onFocus={() => update((s) => focus(s, true))}
            onInput={(e) => update((s) => edit(s, e.currentTarget.value))}
            onBlur={() => {
              update((s) => focus(s, false));
              if (editable) void save();
            }}
          />
          <div class="notes-tools">
            {editable && (
              <button type="button" disabled={state.saving || !dirty} onClick={() => void save()}>
                {t('meeting.notes.save')}
              </button>
            )}
            <span id={statusId} class="muted" role="status">
              {state.saving ? t('meeting.saving') : dirty ? t('meeting.notes.unsaved') : ''}
            </span>
          </div>
          {state.incoming && (
            <p class="info notes-incoming" role="status">
              {t('meeting.notes.incoming')}{' '}
              <button type="button" class="link" onClick={() => update(reloadIncoming)}>
                {t('meeting.notes.reload')}
              </button>
            </p>
          )}
          {!editable && (
            <div class="info" role="alert">
              <p>{t('meeting.notes.finalDraft', { status: t(`meeting.minutesStatusInline.${minutesStatus}`) })}</p>
              <button type="button" onClick={() => update((s) => ({ ...s, draft: s.base.text, incoming: null }))}>
                {t('meeting.notes.discard')}
              </button>
            </div>
          )}
        </>
      )}
      <ErrorMessage message={error} />
    </div>
  );
}
