/**
 * Accounts and roles on this campus (admins only). Adding a role to an e-mail without an account
 * creates the account; its generated password is shown here once.
 */
import { useState } from 'preact/hooks';
import type { AddedMember, Member, School } from '../api/types';
import { ErrorMessage, Loading } from '../app/Status';
import { useT } from '../i18n/i18n';
import { selectedCampusId } from '../session/session.state';
import { AdminDialog, ConfirmDialog } from './AdminDialog';
import { explainState, issueText, problemMessage, useAdminList, useSave } from './admin-hooks';
import { membersApi, schoolsApi } from './admin.service';
import { issueFor } from './form-errors';
import { ErrorSummary, Field, FormButtons, RequiredNote } from './FormParts';
import { emptyMemberDraft, memberInputFromDraft, needsSchool, ROLE_NAMES, schoolsForRole, sortMembers, validateMemberDraft, type MemberDraft } from './member-form';

export function MembersAdmin() {
  const t = useT();
  const { items, error, reload } = useAdminList(membersApi.list);
  const schoolList = useAdminList(schoolsApi.list);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [notice, setNotice] = useState('');
  const [added, setAdded] = useState<AddedMember | null>(null);
  const campusId = selectedCampusId.value!;
  const schools = schoolList.items ?? [];
  const schoolName = (id: number | null) => (id === null ? '' : (schools.find((s) => s.id === id)?.name ?? `#${id}`));
  const roleName = (role: string) => t(`admin.members.roles.${role}`, { defaultValue: role });

  return (
    <section aria-labelledby="admin-title">
      <h1 id="admin-title" tabIndex={-1}>
        {t('admin.members.title')}
      </h1>
      <p class="muted">{t('admin.members.intro')}</p>
      <p>
        <button type="button" class="primary" onClick={() => setAdding(true)}>
          {t('admin.members.add')}
        </button>
      </p>
      <p role="status" class="admin-notice">
        {notice}
      </p>
      {added?.initialPassword && <InitialPassword member={added} onDone={() => setAdded(null)} />}
      <ErrorMessage message={problemMessage(error ?? schoolList.error, t)} />
      {items === null && !error && <Loading />}
      {items && (
        <table class="admin-table">
          <caption class="visually-hidden">{t('admin.members.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.members.name')}</th>
              <th scope="col">{t('admin.members.email')}</th>
              <th scope="col">{t('admin.members.role')}</th>
              <th scope="col">{t('admin.members.school')}</th>
              <th scope="col">{t('admin.members.account')}</th>
              <th scope="col">{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {sortMembers(items).map((m) => (
              <tr key={m.id} class={m.user.disabled ? 'archived' : undefined}>
                <th scope="row" data-label={t('admin.members.name')}>
                  {m.user.name}
                </th>
                <td data-label={t('admin.members.email')} class="email">
                  {m.user.email}
                </td>
                <td data-label={t('admin.members.role')}>{roleName(m.role)}</td>
                <td data-label={t('admin.members.school')}>{m.schoolId === null ? <span class="muted">{t('admin.members.noSchool')}</span> : schoolName(m.schoolId)}</td>
                <td data-label={t('admin.members.account')} class="status">{m.user.disabled ? t('admin.members.disabled') : t('admin.active')}</td>
                <td data-label={t('admin.actions')} class="row-actions">
                  <button type="button" onClick={() => setRemoving(m)}>
                    {t('admin.members.remove')}
                    <span class="visually-hidden"> {t('admin.members.removeWhat', { role: roleName(m.role), name: m.user.name })}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {adding && (
        <MemberForm
          schools={schools}
          onClose={() => setAdding(false)}
          onSaved={(member) => {
            setAdding(false);
            setAdded(member);
            setNotice(t(member.initialPassword ? 'admin.members.addedWithPassword' : 'admin.members.added', { name: member.user.name, role: roleName(member.role) }));
            reload();
          }}
        />
      )}
      {removing && (
        <ConfirmDialog
          title={t('admin.members.removeTitle', { role: roleName(removing.role), name: removing.user.name })}
          body={<p>{t('admin.members.removeBody', { email: removing.user.email })}</p>}
          confirmLabel={t('admin.members.remove')}
          danger
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            await explainState(membersApi.remove(campusId, removing.id), t('admin.members.lastAdmin'));
            setRemoving(null);
            setNotice(t('admin.members.removed', { role: roleName(removing.role), name: removing.user.name }));
            reload();
          }}
        />
      )}
    </section>
  );
}

/** The generated password of a new account: shown once, with a copy button. */
function InitialPassword({ member, onDone }: { member: AddedMember; onDone: () => void }) {
  const t = useT();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(member.initialPassword ?? '');
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  }
  return (
    <section class="card initial-password" aria-labelledby="initial-password-title">
      <h2 id="initial-password-title">{t('admin.members.passwordTitle', { name: member.user.name })}</h2>
      <p>{t('admin.members.passwordNote', { email: member.user.email })}</p>
      <p class="password-line">
        <span id="initial-password-label">{t('admin.members.password')}:</span>{' '}
        <code data-testid="initial-password">
          {member.initialPassword}
        </code>{' '}
        <button type="button" onClick={() => void copy()}>
          {t('admin.members.copy')}
        </button>{' '}
        <span role="status">{copied === 'yes' ? t('admin.members.copied') : copied === 'no' ? t('admin.members.copyFailed') : ''}</span>
      </p>
      <button type="button" class="primary" onClick={onDone}>
        {t('admin.members.passwordDone')}
      </button>
    </section>
  );
}

function MemberForm({ schools, onClose, onSaved }: { schools: School[]; onClose: () => void; onSaved: (member: AddedMember) => void }) {
  const t = useT();
  const [draft, setDraft] = useState<MemberDraft>(emptyMemberDraft);
  const { issues, failure, saving, attempt, save } = useSave();
  const campusId = selectedCampusId.value!;
  const set = (changes: Partial<MemberDraft>) => setDraft((d) => ({ ...d, ...changes }));
  const error = (field: string) => issueText(issueFor(issues, field, true), t);
  const labels: Record<string, string> = {
    email: t('admin.members.email'),
    name: t('admin.members.name'),
    role: t('admin.members.role'),
    schoolId: t('admin.members.school'),
    password: t('admin.members.password'),
  };
  const choices = schoolsForRole(draft.role, schools);

  function chooseRole(role: string) {
    const fits = schoolsForRole(role, schools);
    // Keep the school when it still fits the role; the building office is the principal's only choice.
    const schoolId = fits.some((s) => String(s.id) === draft.schoolId) ? draft.schoolId : fits.length === 1 ? String(fits[0]!.id) : '';
    set({ role, schoolId });
  }

  async function submit(event: Event) {
    event.preventDefault();
    const saved = await save(validateMemberDraft(draft), () => membersApi.add(campusId, memberInputFromDraft(draft)));
    if (saved) onSaved(saved);
  }

  return (
    <AdminDialog title={t('admin.members.addTitle')} onClose={onClose}>
      <form onSubmit={submit} noValidate class="admin-form">
        <RequiredNote />
        <ErrorSummary issues={issues} failure={failure} attempt={attempt} labelFor={(f) => labels[f.split('/')[0]!] ?? f} />
        <Field id="member-email" label={labels.email} required error={error('email')}>
          {(p) => <input {...p} type="email" autocomplete="off" maxLength={254} value={draft.email} onInput={(e) => set({ email: e.currentTarget.value })} />}
        </Field>
        <Field id="member-name" label={labels.name} hint={t('admin.members.nameHint')} error={error('name')}>
          {(p) => <input {...p} type="text" autocomplete="off" maxLength={200} value={draft.name} onInput={(e) => set({ name: e.currentTarget.value })} />}
        </Field>
        <Field id="member-role" label={labels.role} required hint={draft.role ? t(`admin.members.roleHelp.${draft.role}`) : t('admin.members.roleHint')} error={error('role')}>
          {(p) => (
            <select {...p} value={draft.role} onChange={(e) => chooseRole(e.currentTarget.value)}>
              <option value="">{t('admin.choose')}</option>
              {ROLE_NAMES.map((role) => (
                <option key={role} value={role}>
                  {t(`admin.members.roles.${role}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {needsSchool(draft.role) && (
          <Field id="member-school" label={labels.schoolId} required hint={t(draft.role === 'principal' ? 'admin.members.schoolHintPrincipal' : 'admin.members.schoolHint')} error={error('schoolId')}>
            {(p) => (
              <select {...p} value={draft.schoolId} onChange={(e) => set({ schoolId: e.currentTarget.value })}>
                <option value="">{t('admin.choose')}</option>
                {choices.map((s) => (
                  <option key={s.id} value={String(s.id)}>
                    {s.name} ({s.locationCode})
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field id="member-password" label={labels.password} hint={t('admin.members.passwordHint')} error={error('password')}>
          {(p) => <input {...p} type="password" autocomplete="new-password" maxLength={128} value={draft.password} onInput={(e) => set({ password: e.currentTarget.value })} />}
        </Field>
        <FormButtons saving={saving} onCancel={onClose} saveLabel={t('admin.members.addSubmit')} />
      </form>
    </AdminDialog>
  );
}
