/**
 * Closures: holidays, testing days, maintenance, building-wide events. A closure never cancels
 * bookings by itself: after a save the page lists the bookings it now stands in the way of.
 */
import { useState } from 'preact/hooks';
import type { Closure, Space } from '../api/types.js';
import { campus } from '../app/campus.state.js';
import { campusNow, formatRange, wallAsUtc, zoneName } from '../i18n/format.js';
import { language, useT } from '../i18n/i18n.js';
import { selectedCampusId } from '../session/session.state.js';
import { AdminForm, ConfirmDialog } from './AdminDialog.js';
import { AdminSection, AdminTable, EditArchiveActions, useSectionState } from './AdminSection.js';
import { useAdminForm, useAdminList } from './admin-hooks.js';
import { closuresApi, spacesApi, type BlockedOccurrence, type ClosureWithImpact } from './admin.service.js';
import { CLOSURE_REASONS, closureInputFromDraft, draftFromClosure, splitClosures, validateClosureDraft, type ClosureDraft } from './closure-form.js';
import { describedBy, Field, FieldError, RequiredMark } from './FormParts.js';
import { nestedOrder } from './space-form.js';

type T = ReturnType<typeof useT>;

function dateText(date: string): string {
  return new Intl.DateTimeFormat(language.value, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(wallAsUtc(date));
}

/** Campus wall time, printed as is (formatted as UTC, so the browser's zone never shifts it). */
function dateTimeText(wall: string, withDate = true): string {
  const date: Intl.DateTimeFormatOptions = withDate ? { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' } : {};
  return new Intl.DateTimeFormat(language.value, { ...date, hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(wallAsUtc(wall));
}

/** Whole days: "Mon, Dec 21, 2026 – Fri, Jan 8, 2027" (last day included); times: "Mon, Nov 30, 2026, 8:00 AM – 12:00 PM". */
function closureWhen(closure: Closure): string {
  if (closure.allDay) {
    return closure.start === closure.end ? dateText(closure.start) : `${dateText(closure.start)} – ${dateText(closure.end)}`;
  }
  return `${dateTimeText(closure.start)} – ${dateTimeText(closure.end, closure.start.slice(0, 10) !== closure.end.slice(0, 10))}`;
}

/** The campus zone in words: "Pacific Time (America/Los_Angeles)". */
function zoneText(): string {
  const zone = campus.value?.timeZone ?? 'UTC';
  const name = zoneName(zone, 'longGeneric');
  return name === zone ? zone : `${name} (${zone})`;
}

export function ClosuresAdmin() {
  const t = useT();
  const { items, error } = useAdminList(closuresApi.list);
  const spaceList = useAdminList(spacesApi.list);
  const { editing, setEditing, archiving: lifting, setArchiving: setLifting, notice, done } = useSectionState<Closure>();
  const [impact, setImpact] = useState<ClosureWithImpact | null>(null);
  const campusId = selectedCampusId.value!;
  const spaces = spaceList.items ?? [];
  const now = campusNow(campus.value?.timeZone ?? 'UTC');
  const { upcoming, past } = splitClosures(items ?? [], now);

  /** Saved, lifted or restored: say how many bookings it now stands in the way of, and list them. */
  function afterSave(saved: ClosureWithImpact, noticeKey: string) {
    setImpact(saved.blockedOccurrences.length > 0 ? saved : null);
    done(t(noticeKey, { count: saved.blockedOccurrences.length }));
  }

  const table = (list: Closure[], caption: string) => (
    <ClosureTable closures={list} caption={caption} spaces={spaces} onEdit={setEditing} onLift={setLifting} />
  );

  return (
    <AdminSection
      section="closures"
      onAdd={() => setEditing('new')}
      notice={notice}
      error={error ?? spaceList.error}
      loading={items === null}
      aside={impact && <BlockedList closure={impact} onDismiss={() => setImpact(null)} />}
    >
      {items && (
        <>
          <h2>{t('admin.closures.upcoming')}</h2>
          {upcoming.length === 0 ? <p class="muted">{t('admin.closures.noneUpcoming')}</p> : table(upcoming, t('admin.closures.upcoming'))}
          {past.length > 0 && (
            <details class="past-closures">
              <summary>{t('admin.closures.past', { count: past.length })}</summary>
              {table(past, t('admin.closures.past', { count: past.length }))}
            </details>
          )}
        </>
      )}
      {editing && (
        <ClosureForm
          closure={editing === 'new' ? null : editing}
          spaces={spaces}
          onClose={() => setEditing(null)}
          onSaved={(saved) => afterSave(saved, editing === 'new' ? 'admin.closures.created' : 'admin.closures.saved')}
        />
      )}
      {lifting && (
        <ConfirmDialog
          title={t(lifting.archived ? 'admin.closures.restoreTitle' : 'admin.closures.liftTitle')}
          body={
            <>
              <p>
                <strong>{closureWhen(lifting)}</strong> · {reasonText(lifting, t)}
                {lifting.note && ` · ${lifting.note}`}
              </p>
              <p>{t(lifting.archived ? 'admin.closures.restoreBody' : 'admin.closures.liftBody')}</p>
            </>
          }
          confirmLabel={lifting.archived ? t('admin.restore') : t('admin.closures.lift')}
          onClose={() => setLifting(null)}
          onConfirm={async () => {
            const saved = await closuresApi.setArchived(campusId, lifting.id, !lifting.archived);
            afterSave(saved, saved.archived ? 'admin.closures.liftedNotice' : 'admin.closures.restoredNotice');
          }}
        />
      )}
    </AdminSection>
  );
}

const reasonText = (closure: Closure, t: T) => t(`admin.closures.reasons.${closure.reason}`, { defaultValue: closure.reason });

function whereText(closure: Closure, spaces: Space[], t: T): string {
  if (!closure.spaceIds) return t('admin.closures.wholeCampus');
  return closure.spaceIds.map((id) => spaces.find((s) => s.id === id)?.name ?? `#${id}`).join(', ');
}

function ClosureTable({ closures, caption, spaces, onEdit, onLift }: { closures: Closure[]; caption: string; spaces: Space[]; onEdit: (c: Closure) => void; onLift: (c: Closure) => void }) {
  const t = useT();
  const columns = [t('admin.closures.when'), t('admin.closures.reason'), t('admin.closures.where'), t('admin.closures.note'), t('admin.status'), t('admin.actions')];
  return (
    <AdminTable caption={caption} columns={columns}>
      {closures.map((c) => (
        <tr key={c.id} class={c.archived ? 'archived' : undefined}>
          <th scope="row" data-label={t('admin.closures.when')}>
            {closureWhen(c)}
          </th>
          <td data-label={t('admin.closures.reason')}>{reasonText(c, t)}</td>
          <td data-label={t('admin.closures.where')}>{whereText(c, spaces, t)}</td>
          <td data-label={t('admin.closures.note')}>{c.note}</td>
          <td data-label={t('admin.status')} class="status">{c.archived ? t('admin.closures.lifted') : t('admin.closures.inForce')}</td>
          <EditArchiveActions
            name={`${c.note || reasonText(c, t)}, ${c.start}`}
            archived={c.archived}
            onEdit={() => onEdit(c)}
            onArchive={() => onLift(c)}
            archiveLabel={t('admin.closures.lift')}
          />
        </tr>
      ))}
    </AdminTable>
  );
}

/** The bookings a saved closure stands in the way of: they stay booked until someone moves them. */
function BlockedList({ closure, onDismiss }: { closure: ClosureWithImpact; onDismiss: () => void }) {
  const t = useT();
  const blocked: BlockedOccurrence[] = closure.blockedOccurrences;
  return (
    <section class="card blocked" aria-labelledby="blocked-title">
      <h2 id="blocked-title">{t('admin.closures.blockedTitle', { count: blocked.length })}</h2>
      <p>{t('admin.closures.blockedBody')}</p>
      <ul>
        {blocked.map((b) => (
          <li key={b.occurrenceId}>
            <a href={`/bookings/${b.bookingId}`}>{b.title}</a> — {b.schoolName} · {b.spaceName} · {formatRange(b.localStart, b.localEnd)}
          </li>
        ))}
      </ul>
      <button type="button" onClick={onDismiss}>
        {t('admin.closures.blockedDismiss')}
      </button>
    </section>
  );
}

function ClosureForm({ closure, spaces, onClose, onSaved }: { closure: Closure | null; spaces: Space[]; onClose: () => void; onSaved: (saved: ClosureWithImpact) => void }) {
  const t = useT();
  const today = campusNow(campus.value?.timeZone ?? 'UTC').slice(0, 10);
  const form = useAdminForm<ClosureDraft>(() => draftFromClosure(closure, today));
  const { draft, set, errorFor: error } = form;
  const campusId = selectedCampusId.value!;
  const days = draft.mode === 'days';
  const labels = {
    reason: t('admin.closures.reason'),
    note: t('admin.closures.note'),
    spaceIds: t('admin.closures.spacesLegend'),
    start: days ? t('admin.closures.startDate') : t('admin.closures.startTime'),
    end: days ? t('admin.closures.endDate') : t('admin.closures.endTime'),
  };
  // Active spaces to choose from, and any archived one the closure already names.
  const choices = nestedOrder(spaces.filter((s) => !s.archived || draft.spaceIds.includes(s.id)));
  const spacesError = error('spaceIds');

  function toggleSpace(id: number, on: boolean) {
    set({ spaceIds: on ? [...draft.spaceIds, id] : draft.spaceIds.filter((x) => x !== id) });
  }

  async function submit() {
    const saved = await form.save(validateClosureDraft(draft), () => {
      const input = closureInputFromDraft(draft);
      return closure ? closuresApi.update(campusId, closure.id, input) : closuresApi.create(campusId, input);
    });
    if (saved) onSaved(saved);
  }

  return (
    <AdminForm title={closure ? t('admin.closures.editTitle') : t('admin.closures.addTitle')} wide onClose={onClose} onSubmit={submit} save={form} labels={labels}>
      <Field id="closure-reason" label={labels.reason} required error={error('reason')}>
        {(p) => (
          <select {...p} value={draft.reason} onChange={(e) => set({ reason: e.currentTarget.value })}>
            {CLOSURE_REASONS.map((reason) => (
              <option key={reason} value={reason}>
                {t(`admin.closures.reasons.${reason}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="closure-note" label={labels.note} hint={t('admin.closures.noteHint')} error={error('note')}>
        {(p) => <textarea {...p} rows={2} maxLength={500} value={draft.note} onInput={(e) => set({ note: e.currentTarget.value })} />}
      </Field>

      <fieldset>
        <legend>
          {t('admin.closures.where')}
          <RequiredMark />
        </legend>
        <div class="choice-row">
          <label class="inline">
            <input type="radio" name="closure-scope" checked={draft.scope === 'campus'} onChange={() => set({ scope: 'campus' })} />
            {t('admin.closures.wholeCampus')}
          </label>
          <label class="inline">
            <input type="radio" name="closure-scope" checked={draft.scope === 'spaces'} onChange={() => set({ scope: 'spaces' })} />
            {t('admin.closures.someSpaces')}
          </label>
        </div>
        {draft.scope === 'spaces' && (
          <fieldset class="space-choices" aria-describedby={describedBy('closure-spaces-hint', spacesError && 'closure-spaces-error')}>
            <legend>{labels.spaceIds}</legend>
            <p id="closure-spaces-hint" class="hint">
              {t('admin.closures.spacesHint')}
            </p>
            <ul>
              {choices.map(({ space, depth }) => (
                <li key={space.id} style={{ marginInlineStart: `${depth * 1.25}rem` }}>
                  <label class="inline">
                    <input type="checkbox" checked={draft.spaceIds.includes(space.id)} onChange={(e) => toggleSpace(space.id, e.currentTarget.checked)} />
                    {space.name}
                    {space.archived && ` (${t('admin.archived')})`}
                  </label>
                </li>
              ))}
            </ul>
            <FieldError id="closure-spaces-error" message={spacesError} />
          </fieldset>
        )}
      </fieldset>

      <fieldset>
        <legend>
          {t('admin.closures.when')}
          <RequiredMark />
        </legend>
        <div class="choice-row">
          <label class="inline">
            <input type="radio" name="closure-mode" checked={days} onChange={() => set({ mode: 'days' })} />
            {t('admin.closures.modeDays')}
          </label>
          <label class="inline">
            <input type="radio" name="closure-mode" checked={!days} onChange={() => set({ mode: 'times' })} />
            {t('admin.closures.modeTimes')}
          </label>
        </div>
        {days ? (
          <div class="field-row">
            <Field id="closure-start-date" label={labels.start} required error={error('start')}>
              {(p) => (
                <input
                  {...p}
                  type="date"
                  value={draft.startDate}
                  onInput={(e) => {
                    const start = e.currentTarget.value;
                    // A one-day closure is the common case: the end follows the start until set apart.
                    set({ startDate: start, endDate: !draft.endDate || draft.endDate === draft.startDate || draft.endDate < start ? start : draft.endDate });
                  }}
                />
              )}
            </Field>
            <Field id="closure-end-date" label={labels.end} required hint={t('admin.closures.endDateHint')} error={error('end')}>
              {(p) => <input {...p} type="date" value={draft.endDate} onInput={(e) => set({ endDate: e.currentTarget.value })} />}
            </Field>
          </div>
        ) : (
          <>
            <div class="field-row">
              <Field id="closure-start-time" label={labels.start} required hint={t('admin.closures.campusTime', { zone: zoneText() })} error={error('start')}>
                {(p) => <input {...p} type="datetime-local" value={draft.startTime} onInput={(e) => set({ startTime: e.currentTarget.value })} />}
              </Field>
              <Field id="closure-end-time" label={labels.end} required hint={t('admin.closures.campusTime', { zone: zoneText() })} error={error('end')}>
                {(p) => <input {...p} type="datetime-local" value={draft.endTime} onInput={(e) => set({ endTime: e.currentTarget.value })} />}
              </Field>
            </div>
          </>
        )}
      </fieldset>
    </AdminForm>
  );
}
