/** The shared spaces: capacity, how they nest (a gym and its halves), buffers and open hours. */
import type { Space } from '../api/types.js';
import { weekdayNames } from '../i18n/format.js';
import { useT } from '../i18n/i18n.js';
import { selectedCampusId } from '../session/session.state.js';
import { AdminForm } from './AdminDialog.js';
import { AdminSection, AdminTable, ArchiveDialog, EditArchiveActions, useSectionState } from './AdminSection.js';
import { explainState, useAdminList, useAdminForm } from './admin-hooks.js';
import { spacesApi } from './admin.service.js';
import { Field } from './FormParts.js';
import { hoursFieldLabel, OpenHoursEditor } from './OpenHoursEditor.js';
import { summariseHours } from './open-hours.js';
import { COMMON_KINDS, draftFromSpace, MAX_BUFFER_MINUTES, nestedOrder, OTHER_KIND, parentChoices, spaceInputFromDraft, validateSpaceDraft } from './space-form.js';

type T = ReturnType<typeof useT>;

/** A kind in the reader's language when it is one we know; as typed otherwise. */
function kindLabel(kind: string, t: T): string {
  return (COMMON_KINDS as readonly string[]).includes(kind) ? t(`admin.spaces.kinds.${kind.replace(' ', '_')}`) : kind.charAt(0).toUpperCase() + kind.slice(1);
}

export function SpacesAdmin() {
  const t = useT();
  const { items, error } = useAdminList(spacesApi.list);
  const { editing, setEditing, archiving, setArchiving, notice, done } = useSectionState<Space>();
  const campusId = selectedCampusId.value!;
  const all = items ?? [];
  const nameOf = (id: number | null) => all.find((s) => s.id === id)?.name ?? '';
  const days = weekdayNames('short');
  const rows = nestedOrder(all).sort((a, b) => Number(a.space.archived) - Number(b.space.archived));
  const columns = [
    t('admin.spaces.name'),
    t('admin.spaces.kind'),
    t('admin.spaces.capacity'),
    t('admin.spaces.parent'),
    t('admin.spaces.buffers'),
    t('admin.hours.title'),
    t('admin.status'),
    t('admin.actions'),
  ];

  return (
    <AdminSection section="spaces" onAdd={() => setEditing('new')} notice={notice} error={error} loading={items === null}>
      {items && (
        <AdminTable caption={t('admin.spaces.title')} columns={columns}>
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
              <EditArchiveActions name={space.name} archived={space.archived} onEdit={() => setEditing(space)} onArchive={() => setArchiving(space)} />
            </tr>
          ))}
        </AdminTable>
      )}
      {editing && (
        <SpaceForm
          space={editing === 'new' ? null : editing}
          spaces={all}
          onClose={() => setEditing(null)}
          onSaved={(saved) => done(t('admin.spaces.saved', { name: saved.name }))}
        />
      )}
      {archiving && (
        <ArchiveDialog
          section="spaces"
          item={archiving}
          setArchived={() => explainState(spacesApi.setArchived(campusId, archiving.id, !archiving.archived), t('admin.spaces.restoreParentFirst'))}
          onClose={() => setArchiving(null)}
          onDone={done}
        />
      )}
    </AdminSection>
  );
}

function SpaceForm({ space, spaces, onClose, onSaved }: { space: Space | null; spaces: Space[]; onClose: () => void; onSaved: (space: Space) => void }) {
  const t = useT();
  const form = useAdminForm(() => draftFromSpace(space));
  const { draft, set, errorFor: error } = form;
  const campusId = selectedCampusId.value!;
  const labels = {
    name: t('admin.spaces.name'),
    kind: t('admin.spaces.kind'),
    capacity: t('admin.spaces.capacity'),
    parentId: t('admin.spaces.parent'),
    setupMinutes: t('admin.spaces.setup'),
    teardownMinutes: t('admin.spaces.teardown'),
  };
  const labelFor = (field: string) => (field.startsWith('openHours') ? hoursFieldLabel(field, t) : undefined);
  const parents = nestedOrder(parentChoices(spaces, space?.id ?? null));

  async function submit() {
    const saved = await form.save(validateSpaceDraft(draft), () => {
      const input = spaceInputFromDraft(draft);
      return space ? spacesApi.update(campusId, space.id, input) : spacesApi.create(campusId, input);
    });
    if (saved) onSaved(saved);
  }

  return (
    <AdminForm
      title={space ? t('admin.spaces.editTitle', { name: space.name }) : t('admin.spaces.addTitle')}
      wide
      onClose={onClose}
      onSubmit={submit}
      save={form}
      labels={labels}
      labelFor={labelFor}
    >
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
      <OpenHoursEditor value={draft.hours} onChange={(hours) => set({ hours })} issues={form.issues} />
    </AdminForm>
  );
}
