/** The shared spaces: capacity, how they nest (a gym and its halves), buffers and open hours. */
import { useState } from 'preact/hooks';
import type { Space } from '../api/types';
import { bumpRevision } from '../app/campus.state';
import { ErrorMessage, Loading } from '../app/Status';
import { weekdayNames } from '../i18n/format';
import { useT } from '../i18n/i18n';
import { selectedCampusId } from '../session/session.state';
import { AdminDialog, ConfirmDialog } from './AdminDialog';
import { explainState, issueText, problemMessage, useAdminList, useSave } from './admin-hooks';
import { spacesApi } from './admin.service';
import { issueFor } from './form-errors';
import { ErrorSummary, Field, FormButtons, RequiredNote } from './FormParts';
import { hoursFieldLabel, OpenHoursEditor } from './OpenHoursEditor';
import { summariseHours } from './open-hours';
import { COMMON_KINDS, draftFromSpace, MAX_BUFFER_MINUTES, nestedOrder, OTHER_KIND, parentChoices, spaceInputFromDraft, validateSpaceDraft } from './space-form';

type T = ReturnType<typeof useT>;

/** A kind in the reader's language when it is one we know; as typed otherwise. */
export function kindLabel(kind: string, t: T): string {
  return (COMMON_KINDS as readonly string[]).includes(kind) ? t(`admin.spaces.kinds.${kind.replace(' ', '_')}`) : kind.charAt(0).toUpperCase() + kind.slice(1);
}

export function SpacesAdmin() {
  const t = useT();
  const { items, error } = useAdminList(spacesApi.list);
  const [editing, setEditing] = useState<Space | 'new' | null>(null);
  const [archiving, setArchiving] = useState<Space | null>(null);
  const [notice, setNotice] = useState('');
  const campusId = selectedCampusId.value!;
  const all = items ?? [];
  const nameOf = (id: number | null) => all.find((s) => s.id === id)?.name ?? '';
  const days = weekdayNames('short');
  const rows = nestedOrder(all).sort((a, b) => Number(a.space.archived) - Number(b.space.archived));

  return (
    <section aria-labelledby="admin-title">
      <h1 id="admin-title" tabIndex={-1}>
        {t('admin.spaces.title')}
      </h1>
      <p class="muted">{t('admin.spaces.intro')}</p>
      <p>
        <button type="button" class="primary" onClick={() => setEditing('new')}>
          {t('admin.spaces.add')}
        </button>
      </p>
      <p role="status" class="admin-notice">
        {notice}
      </p>
      <ErrorMessage message={problemMessage(error, t)} />
      {items === null && !error && <Loading />}
      {items && (
        <table class="admin-table">
          <caption class="visually-hidden">{t('admin.spaces.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.spaces.name')}</th>
              <th scope="col">{t('admin.spaces.kind')}</th>
              <th scope="col">{t('admin.spaces.capacity')}</th>
              <th scope="col">{t('admin.spaces.parent')}</th>
              <th scope="col">{t('admin.spaces.buffers')}</th>
              <th scope="col">{t('admin.hours.title')}</th>
              <th scope="col">{t('admin.status')}</th>
              <th scope="col">{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ space, depth }) => (
              <tr key={space.id} class={space.archived ? 'archived' : undefined}>
                <th scope="row" data-label={t('admin.spaces.name')} class={depth > 0 && !space.archived ? 'nested' : undefined}>
                  {space.name}
                </th>
                <td data-label={t('admin.spaces.kind')}>{kindLabel(space.kind, t)}</td>
                <td data-label={t('admin.spaces.capacity')}>{space.capacity}</td>
                <td data-label={t('admin.spaces.parent')}>{space.parentId === null ? <span class="muted">{t('admin.none')}</span> : nameOf(space.parentId)}</td>
                <td data-label={t('admin.spaces.buffers')}>{t('admin.spaces.buffersValue', { setup: space.setupMinutes, teardown: space.teardownMinutes })}</td>
                <td data-label={t('admin.hours.title')}>{summariseHours(space.openHours, days, { always: t('admin.hours.alwaysShort'), closed: t('admin.hours.neverOpen') })}</td>
                <td data-label={t('admin.status')} class="status">{space.archived ? t('admin.archived') : t('admin.active')}</td>
                <td data-label={t('admin.actions')} class="row-actions">
                  {!space.archived && (
                    <button type="button" onClick={() => setEditing(space)}>
                      {t('admin.edit')}
                      <span class="visually-hidden"> {space.name}</span>
                    </button>
                  )}
                  <button type="button" onClick={() => setArchiving(space)}>
                    {space.archived ? t('admin.restore') : t('admin.archive')}
                    <span class="visually-hidden"> {space.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && (
        <SpaceForm
          space={editing === 'new' ? null : editing}
          spaces={all}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setNotice(t('admin.spaces.saved', { name: saved.name }));
            bumpRevision();
          }}
        />
      )}
      {archiving && (
        <ConfirmDialog
          title={t(archiving.archived ? 'admin.spaces.restoreTitle' : 'admin.spaces.archiveTitle', { name: archiving.name })}
          body={<p>{t(archiving.archived ? 'admin.spaces.restoreBody' : 'admin.spaces.archiveBody')}</p>}
          confirmLabel={archiving.archived ? t('admin.restore') : t('admin.archive')}
          danger={!archiving.archived}
          onClose={() => setArchiving(null)}
          onConfirm={async () => {
            const saved = await explainState(spacesApi.setArchived(campusId, archiving.id, !archiving.archived), t('admin.spaces.restoreParentFirst'));
            setArchiving(null);
            setNotice(t(saved.archived ? 'admin.spaces.archivedNotice' : 'admin.spaces.restoredNotice', { name: saved.name }));
            bumpRevision();
          }}
        />
      )}
    </section>
  );
}

function SpaceForm({ space, spaces, onClose, onSaved }: { space: Space | null; spaces: Space[]; onClose: () => void; onSaved: (space: Space) => void }) {
  const t = useT();
  const [draft, setDraft] = useState(() => draftFromSpace(space));
  const { issues, failure, saving, attempt, save } = useSave();
  const campusId = selectedCampusId.value!;
  const set = (changes: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...changes }));
  const error = (field: string) => issueText(issueFor(issues, field, true), t);
  const labels: Record<string, string> = {
    name: t('admin.spaces.name'),
    kind: t('admin.spaces.kind'),
    capacity: t('admin.spaces.capacity'),
    parentId: t('admin.spaces.parent'),
    setupMinutes: t('admin.spaces.setup'),
    teardownMinutes: t('admin.spaces.teardown'),
  };
  const labelFor = (field: string) => (field.startsWith('openHours') ? hoursFieldLabel(field, t) : (labels[field.split('/')[0]!] ?? field));
  const parents = nestedOrder(parentChoices(spaces, space?.id ?? null));

  async function submit(event: Event) {
    event.preventDefault();
    const saved = await save(validateSpaceDraft(draft), () => {
      const input = spaceInputFromDraft(draft);
      return space ? spacesApi.update(campusId, space.id, input) : spacesApi.create(campusId, input);
    });
    if (saved) onSaved(saved);
  }

  return (
    <AdminDialog title={space ? t('admin.spaces.editTitle', { name: space.name }) : t('admin.spaces.addTitle')} onClose={onClose} wide>
      <form onSubmit={submit} noValidate class="admin-form">
        <RequiredNote />
        <ErrorSummary issues={issues} failure={failure} attempt={attempt} labelFor={labelFor} />
        <Field id="space-name" label={labels.name} required error={error('name')}>
          {(p) => <input {...p} type="text" maxLength={200} value={draft.name} onInput={(e) => set({ name: e.currentTarget.value })} />}
        </Field>
        <div class="field-row">
          <Field id="space-kind" label={labels.kind} required error={draft.kindChoice === OTHER_KIND ? undefined : error('kind')}>
            {(p) => (
              <select {...p} value={draft.kindChoice} onChange={(e) => set({ kindChoice: e.currentTarget.value })}>
                <option value="">{t('admin.choose')}</option>
                {COMMON_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {kindLabel(kind, t)}
                  </option>
                ))}
                <option value={OTHER_KIND}>{t('admin.spaces.otherKind')}</option>
              </select>
            )}
          </Field>
          {draft.kindChoice === OTHER_KIND && (
            <Field id="space-kind-other" label={t('admin.spaces.otherKindName')} required error={error('kind')}>
              {(p) => <input {...p} type="text" maxLength={40} value={draft.kindOther} onInput={(e) => set({ kindOther: e.currentTarget.value })} />}
            </Field>
          )}
        </div>
        <div class="field-row">
          <Field id="space-capacity" label={labels.capacity} required hint={t('admin.spaces.capacityHint')} error={error('capacity')}>
            {(p) => <input {...p} type="text" inputMode="numeric" size={8} value={draft.capacity} onInput={(e) => set({ capacity: e.currentTarget.value })} />}
          </Field>
          <Field id="space-parent" label={labels.parentId} hint={t('admin.spaces.parentHint')} error={error('parentId')}>
            {(p) => (
              <select {...p} value={draft.parentId} onChange={(e) => set({ parentId: e.currentTarget.value })}>
                <option value="">{t('admin.none')}</option>
                {parents.map(({ space: s, depth }) => (
                  <option key={s.id} value={String(s.id)}>
                    {`${'\u00a0\u00a0'.repeat(depth)}${s.name}`}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div class="field-row">
          <Field id="space-setup" label={labels.setupMinutes} hint={t('admin.spaces.bufferHint', { max: MAX_BUFFER_MINUTES })} error={error('setupMinutes')}>
            {(p) => <input {...p} type="text" inputMode="numeric" size={5} value={draft.setupMinutes} onInput={(e) => set({ setupMinutes: e.currentTarget.value })} />}
          </Field>
          <Field id="space-teardown" label={labels.teardownMinutes} hint={t('admin.spaces.bufferHint', { max: MAX_BUFFER_MINUTES })} error={error('teardownMinutes')}>
            {(p) => <input {...p} type="text" inputMode="numeric" size={5} value={draft.teardownMinutes} onInput={(e) => set({ teardownMinutes: e.currentTarget.value })} />}
          </Field>
        </div>
        <OpenHoursEditor value={draft.hours} onChange={(hours) => set({ hours })} issues={issues} />
        <FormButtons saving={saving} onCancel={onClose} />
      </form>
    </AdminDialog>
  );
}
