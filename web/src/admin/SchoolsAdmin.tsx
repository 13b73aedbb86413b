/** Schools of the campus: the SLCs, the autonomous small schools and the building office. */
import type { School } from '../api/types.js';
import { useT } from '../i18n/i18n.js';
import { selectedCampusId } from '../session/session.state.js';
import { AdminForm } from './AdminDialog.js';
import { AdminSection, AdminTable, ArchiveDialog, EditArchiveActions, useSectionState } from './AdminSection.js';
import { useAdminForm, useAdminList } from './admin-hooks.js';
import { schoolsApi } from './admin.service.js';
import { Field } from './FormParts.js';
import { draftFromSchool, SCHOOL_KINDS, schoolInputFromDraft, validateSchoolDraft } from './school-form.js';

export function SchoolsAdmin() {
  const t = useT();
  const { items, error } = useAdminList(schoolsApi.list);
  const { editing, setEditing, archiving, setArchiving, notice, done } = useSectionState<School>();
  const campusId = selectedCampusId.value!;
  const sorted = [...(items ?? [])].sort((a, b) => Number(a.archived) - Number(b.archived) || a.name.localeCompare(b.name));

  return (
    <AdminSection section="schools" onAdd={() => setEditing('new')} notice={notice} error={error} loading={items === null}>
      {items && (
        <AdminTable
          caption={t('admin.schools.title')}
          columns={[t('admin.schools.name'), t('admin.schools.code'), t('admin.schools.kind'), t('admin.schools.enrollment'), t('admin.status'), t('admin.actions')]}
        >
          {sorted.map((school) => (
            <tr key={school.id} class={school.archived ? 'archived' : undefined}>
              <th scope="row" data-label={t('admin.schools.name')}>
                {school.name}
              </th>
              <td data-label={t('admin.schools.code')}>{school.locationCode}</td>
              <td data-label={t('admin.schools.kind')}>{t(`admin.schools.kinds.${school.kind}`, { defaultValue: school.kind })}</td>
              <td data-label={t('admin.schools.enrollment')}>{school.enrollment}</td>
              <td data-label={t('admin.status')} class="status">{school.archived ? t('admin.archived') : t('admin.active')}</td>
              <EditArchiveActions name={school.name} archived={school.archived} onEdit={() => setEditing(school)} onArchive={() => setArchiving(school)} />
            </tr>
          ))}
        </AdminTable>
      )}
      {editing && (
        <SchoolForm
          school={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => done(t('admin.schools.saved', { name: saved.name }))}
        />
      )}
      {archiving && (
        <ArchiveDialog
          section="schools"
          item={archiving}
          setArchived={() => schoolsApi.setArchived(campusId, archiving.id, !archiving.archived)}
          onClose={() => setArchiving(null)}
          onDone={done}
        />
      )}
    </AdminSection>
  );
}

function SchoolForm({ school, onClose, onSaved }: { school: School | null; onClose: () => void; onSaved: (school: School) => void }) {
  const t = useT();
  const form = useAdminForm(() => draftFromSchool(school));
  const { draft, set, errorFor: error } = form;
  const campusId = selectedCampusId.value!;
  const labels = {
    name: t('admin.schools.name'),
    locationCode: t('admin.schools.code'),
    kind: t('admin.schools.kind'),
    enrollment: t('admin.schools.enrollment'),
  };

  async function submit() {
    const input = schoolInputFromDraft(draft);
    const saved = await form.save(validateSchoolDraft(draft), () => (school ? schoolsApi.update(campusId, school.id, input) : schoolsApi.create(campusId, input)));
    if (saved) onSaved(saved);
  }

  return (
    <AdminForm title={school ? t('admin.schools.editTitle', { name: school.name }) : t('admin.schools.addTitle')} onClose={onClose} onSubmit={submit} save={form} labels={labels}>
      <Field id="school-name" label={labels.name} required error={error('name')}>
        {(p) => <input {...p} type="text" maxLength={200} value={draft.name} onInput={(e) => set({ name: e.currentTarget.value })} />}
      </Field>
      <Field id="school-code" label={labels.locationCode} required hint={t('admin.schools.codeHint')} error={error('locationCode')}>
        {(p) => <input {...p} type="text" maxLength={32} value={draft.locationCode} onInput={(e) => set({ locationCode: e.currentTarget.value })} />}
      </Field>
      <Field id="school-kind" label={labels.kind} required error={error('kind')}>
        {(p) => (
          <select {...p} value={draft.kind} onChange={(e) => set({ kind: e.currentTarget.value })}>
            {SCHOOL_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`admin.schools.kinds.${kind}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="school-enrollment" label={labels.enrollment} required hint={t('admin.schools.enrollmentHint')} error={error('enrollment')}>
        {(p) => <input {...p} type="text" inputMode="numeric" value={draft.enrollment} onInput={(e) => set({ enrollment: e.currentTarget.value })} />}
      </Field>
    </AdminForm>
  );
}
