/** Schools of the campus: the SLCs, the autonomous small schools and the building office. */
import { useState } from 'preact/hooks';
import type { School } from '../api/types';
import { bumpRevision } from '../app/campus.state';
import { ErrorMessage, Loading } from '../app/Status';
import { useT } from '../i18n/i18n';
import { selectedCampusId } from '../session/session.state';
import { AdminDialog, ConfirmDialog } from './AdminDialog';
import { issueText, problemMessage, useAdminList, useSave } from './admin-hooks';
import { schoolsApi } from './admin.service';
import { issueFor } from './form-errors';
import { ErrorSummary, Field, FormButtons, RequiredNote } from './FormParts';
import { draftFromSchool, SCHOOL_KINDS, schoolInputFromDraft, validateSchoolDraft } from './school-form';

export function SchoolsAdmin() {
  const t = useT();
  const { items, error } = useAdminList(schoolsApi.list);
  const [editing, setEditing] = useState<School | 'new' | null>(null);
  const [archiving, setArchiving] = useState<School | null>(null);
  const [notice, setNotice] = useState('');
  const campusId = selectedCampusId.value!;
  const sorted = [...(items ?? [])].sort((a, b) => Number(a.archived) - Number(b.archived) || a.name.localeCompare(b.name));

  return (
    <section aria-labelledby="admin-title">
      <h1 id="admin-title" tabIndex={-1}>
        {t('admin.schools.title')}
      </h1>
      <p class="muted">{t('admin.schools.intro')}</p>
      <p>
        <button type="button" class="primary" onClick={() => setEditing('new')}>
          {t('admin.schools.add')}
        </button>
      </p>
      <p role="status" class="admin-notice">
        {notice}
      </p>
      <ErrorMessage message={problemMessage(error, t)} />
      {items === null && !error && <Loading />}
      {items && (
        <table class="admin-table">
          <caption class="visually-hidden">{t('admin.schools.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.schools.name')}</th>
              <th scope="col">{t('admin.schools.code')}</th>
              <th scope="col">{t('admin.schools.kind')}</th>
              <th scope="col">{t('admin.schools.enrollment')}</th>
              <th scope="col">{t('admin.status')}</th>
              <th scope="col">{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((school) => (
              <tr key={school.id} class={school.archived ? 'archived' : undefined}>
                <th scope="row" data-label={t('admin.schools.name')}>
                  {school.name}
                </th>
                <td data-label={t('admin.schools.code')}>{school.locationCode}</td>
                <td data-label={t('admin.schools.kind')}>{t(`admin.schools.kinds.${school.kind}`, { defaultValue: school.kind })}</td>
                <td data-label={t('admin.schools.enrollment')}>{school.enrollment}</td>
                <td data-label={t('admin.status')} class="status">{school.archived ? t('admin.archived') : t('admin.active')}</td>
                <td data-label={t('admin.actions')} class="row-actions">
                  {!school.archived && (
                    <button type="button" onClick={() => setEditing(school)}>
                      {t('admin.edit')}
                      <span class="visually-hidden"> {school.name}</span>
                    </button>
                  )}
                  <button type="button" onClick={() => setArchiving(school)}>
                    {school.archived ? t('admin.restore') : t('admin.archive')}
                    <span class="visually-hidden"> {school.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && (
        <SchoolForm
          school={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setNotice(t('admin.schools.saved', { name: saved.name }));
            bumpRevision();
          }}
        />
      )}
      {archiving && (
        <ConfirmDialog
          title={t(archiving.archived ? 'admin.schools.restoreTitle' : 'admin.schools.archiveTitle', { name: archiving.name })}
          body={<p>{t(archiving.archived ? 'admin.schools.restoreBody' : 'admin.schools.archiveBody')}</p>}
          confirmLabel={archiving.archived ? t('admin.restore') : t('admin.archive')}
          danger={!archiving.archived}
          onClose={() => setArchiving(null)}
          onConfirm={async () => {
            const saved = await schoolsApi.setArchived(campusId, archiving.id, !archiving.archived);
            setArchiving(null);
            setNotice(t(saved.archived ? 'admin.schools.archivedNotice' : 'admin.schools.restoredNotice', { name: saved.name }));
            bumpRevision();
          }}
        />
      )}
    </section>
  );
}

function SchoolForm({ school, onClose, onSaved }: { school: School | null; onClose: () => void; onSaved: (school: School) => void }) {
  const t = useT();
  const [draft, setDraft] = useState(() => draftFromSchool(school));
  const { issues, failure, saving, attempt, save } = useSave();
  const campusId = selectedCampusId.value!;
  const set = (changes: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...changes }));
  const error = (field: string) => issueText(issueFor(issues, field, true), t);
  const labels: Record<string, string> = {
    name: t('admin.schools.name'),
    locationCode: t('admin.schools.code'),
    kind: t('admin.schools.kind'),
    enrollment: t('admin.schools.enrollment'),
  };

  async function submit(event: Event) {
    event.preventDefault();
    const input = schoolInputFromDraft(draft);
    const saved = await save(validateSchoolDraft(draft), () => (school ? schoolsApi.update(campusId, school.id, input) : schoolsApi.create(campusId, input)));
    if (saved) onSaved(saved);
  }

  return (
    <AdminDialog title={school ? t('admin.schools.editTitle', { name: school.name }) : t('admin.schools.addTitle')} onClose={onClose}>
      <form onSubmit={submit} noValidate class="admin-form">
        <RequiredNote />
        <ErrorSummary issues={issues} failure={failure} attempt={attempt} labelFor={(f) => labels[f.split('/')[0]!] ?? f} />
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
        <FormButtons saving={saving} onCancel={onClose} />
      </form>
    </AdminDialog>
  );
}
