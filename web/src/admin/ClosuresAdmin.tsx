/**
 * Closures: holidays, testing days, maintenance, building-wide events. A closure never cancels
 * bookings by itself: after a save the page lists the bookings it now stands in the way of.
 */
import { useState } from 'preact/hooks';
import type { Closure, Space } from '../api/types';
import { bumpRevision, campus } from '../app/campus.state';
import { ErrorMessage, Loading } from '../app/Status';
import { campusNow, formatRange } from '../i18n/format';
import { language, useT } from '../i18n/i18n';
import { selectedCampusId } from '../session/session.state';
import { AdminDialog, ConfirmDialog } from './AdminDialog';
import { issueText, problemMessage, useAdminList, useSave } from './admin-hooks';
import { closuresApi, spacesApi, type BlockedOccurrence, type ClosureWithImpact } from './admin.service';
import { CLOSURE_REASONS, closureInputFromDraft, draftFromClosure, splitClosures, validateClosureDraft, type ClosureDraft } from './closure-form';
import { issueFor } from './form-errors';
import { describedBy, ErrorSummary, Field, FieldError, FormButtons, RequiredMark, RequiredNote } from './FormParts';
import { nestedOrder } from './space-form';

type T = ReturnType<typeof useT>;

function wallDate(wall: string): Date {
  const [date = '', time = '00:00'] = wall.split('T');
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!, hh!, mm!));
}

function dateText(date: string): string {
  return new Intl.DateTimeFormat(language.value, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(wallDate(date));
}

/** Campus wall time, printed as is (formatted as UTC, so the browser's zone never shifts it). */
function dateTimeText(wall: string, withDate = true): string {
  const date: Intl.DateTimeFormatOptions = withDate ? { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' } : {};
  return new Intl.DateTimeFormat(language.value, { ...date, hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(wallDate(wall));
}

/** Whole days: "Mon, Dec 21, 2026 – Fri, Jan 8, 2027" (last day included); times: "Mon, Nov 30, 2026, 8:00 AM – 12:00 PM". */
export function closureWhen(closure: Closure): string {
  if (closure.allDay) {
    return closure.start === closure.end ? dateText(closure.start) : `${dateText(closure.start)} – ${dateText(closure.end)}`;
  }
  return `${dateTimeText(closure.start)} – ${dateTimeText(closure.end, closure.start.slice(0, 10) !== closure.end.slice(0, 10))}`;
}

/** The campus zone in words: "Pacific Time (America/Los_Angeles)". */
function zoneText(): string {
  const zone = campus.value?.timeZone ?? 'UTC';
  const name = new Intl.DateTimeFormat(language.value, { timeZone: zone, timeZoneName: 'longGeneric' }).formatToParts(new Date()).find((p) => p.type === 'timeZoneName')?.value;
  return name ? `${name} (${zone})` : zone;
}

export function ClosuresAdmin() {
  const t = useT();
  const { items, error } = useAdminList(closuresApi.list);
  const spaceList = useAdminList(spacesApi.list);
  const [editing, setEditing] = useState<Closure | 'new' | null>(null);
  const [lifting, setLifting] = useState<Closure | null>(null);
  const [notice, setNotice] = useState('');
  const [impact, setImpact] = useState<ClosureWithImpact | null>(null);
  const campusId = selectedCampusId.value!;
  const spaces = spaceList.items ?? [];
  const now = campusNow(campus.value?.timeZone ?? 'UTC');
  const { upcoming, past } = splitClosures(items ?? [], now);

  function afterSave(saved: ClosureWithImpact, noticeKey: string) {
    setNotice(t(noticeKey, { count: saved.blockedOccurrences.length }));
    setImpact(saved.blockedOccurrences.length > 0 ? saved : null);
    bumpRevision();
  }

  const table = (list: Closure[], caption: string) => (
    <ClosureTable closures={list} caption={caption} spaces={spaces} onEdit={setEditing} onLift={setLifting} />
  );

  return (
    <section aria-labelledby="admin-title">
      <h1 id="admin-title" tabIndex={-1}>
        {t('admin.closures.title')}
      </h1>
      <p class="muted">{t('admin.closures.intro')}</p>
      <p>
        <button type="button" class="primary" onClick={() => setEditing('new')}>
          {t('admin.closures.add')}
        </button>
      </p>
      <p role="status" class="admin-notice">
        {notice}
      </p>
      {impact && <BlockedList closure={impact} onDismiss={() => setImpact(null)} />}
      <ErrorMessage message={problemMessage(error ?? spaceList.error, t)} />
      {items === null && !error && <Loading />}
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
          onSaved={(saved) => {
            const isNew = editing === 'new';
            setEditing(null);
            afterSave(saved, isNew ? 'admin.closures.created' : 'admin.closures.saved');
          }}
        />
      )}
      {lifting && (
        <ConfirmDialog
          title={t(lifting.archived ? 'admin.closures.restoreTitle' : 'admin.closures.liftTitle')}
          body={
            <>
              <p>
                <strong>{closureWhen(lifting)}</strong> · {t(`admin.closures.reasons.${lifting.reason}`, { defaultValue: lifting.reason })}
                {lifting.note && ` · ${lifting.note}`}
              </p>
              <p>{t(lifting.archived ? 'admin.closures.restoreBody' : 'admin.closures.liftBody')}</p>
            </>
          }
          confirmLabel={lifting.archived ? t('admin.restore') : t('admin.closures.lift')}
          onClose={() => setLifting(null)}
          onConfirm={async () => {
            const saved = await closuresApi.setArchived(campusId, lifting.id, !lifting.archived);
            setLifting(null);
            afterSave(saved, saved.archived ? 'admin.closures.liftedNotice' : 'admin.closures.restoredNotice');
          }}
        />
      )}
    </section>
  );
}

function whereText(closure: Closure, spaces: Space[], t: T): string {
  if (!closure.spaceIds) return t('admin.closures.wholeCampus');
  return closure.spaceIds.map((id) => spaces.find((s) => s.id === id)?.name ?? `#${id}`).join(', ');
}

function ClosureTable({ closures, caption, spaces, onEdit, onLift }: { closures: Closure[]; caption: string; spaces: Space[]; onEdit: (c: Closure) => void; onLift: (c: Closure) => void }) {
  const t = useT();
  return (
    <table class="admin-table">
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('admin.closures.when')}</th>
          <th scope="col">{t('admin.closures.reason')}</th>
          <th scope="col">{t('admin.closures.where')}</th>
          <th scope="col">{t('admin.closures.note')}</th>
          <th scope="col">{t('admin.status')}</th>
          <th scope="col">{t('admin.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {closures.map((c) => {
          const name = `${c.note || t(`admin.closures.reasons.${c.reason}`, { defaultValue: c.reason })}, ${c.start}`;
          return (
            <tr key={c.id} class={c.archived ? 'archived' : undefined}>
              <th scope="row" data-label={t('admin.closures.when')}>
                {closureWhen(c)}
              </th>
              <td data-label={t('admin.closures.reason')}>{t(`admin.closures.reasons.${c.reason}`, { defaultValue: c.reason })}</td>
              <td data-label={t('admin.closures.where')}>{whereText(c, spaces, t)}</td>
              <td data-label={t('admin.closures.note')}>{c.note}</td>
              <td data-label={t('admin.status')} class="status">{c.archived ? t('admin.closures.lifted') : t('admin.closures.inForce')}</td>
              <td data-label={t('admin.actions')} class="row-actions">
                {!c.archived && (
                  <button type="button" onClick={() => onEdit(c)}>
                    {t('admin.edit')}
                    <span class="visually-hidden"> {name}</span>
                  </button>
                )}
                <button type="button" onClick={() => onLift(c)}>
                  {c.archived ? t('admin.restore') : t('admin.closures.lift')}
                  <span class="visually-hidden"> {name}</span>
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
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
  const [draft, setDraft] = useState<ClosureDraft>(() => draftFromClosure(closure, today));
  const { issues, failure, saving, attempt, save } = useSave();
  const campusId = selectedCampusId.value!;
  const set = (changes: Partial<ClosureDraft>) => setDraft((d) => ({ ...d, ...changes }));
  const error = (field: string) => issueText(issueFor(issues, field, true), t);
  const days = draft.mode === 'days';
  const labels: Record<string, string> = {
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

  async function submit(event: Event) {
    event.preventDefault();
    const saved = await save(validateClosureDraft(draft), () => {
      const input = closureInputFromDraft(draft);
      return closure ? closuresApi.update(campusId, closure.id, input) : closuresApi.create(campusId, input);
    });
    if (saved) onSaved(saved);
  }

  return (
    <AdminDialog title={closure ? t('admin.closures.editTitle') : t('admin.closures.addTitle')} onClose={onClose} wide>
      <form onSubmit={submit} noValidate class="admin-form">
        <RequiredNote />
        <ErrorSummary issues={issues} failure={failure} attempt={attempt} labelFor={(f) => labels[f.split('/')[0]!] ?? f} />
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
        <FormButtons saving={saving} onCancel={onClose} />
      </form>
    </AdminDialog>
  );
}
