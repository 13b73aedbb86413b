/**
 * Accounts and roles on this campus (admins only). Adding a role to an e-mail without an account
 * creates the account; its generated password is shown here once.
 */
import { useState } from 'preact/hooks';
import type { AddedMember, Member, School } from '../api/types.js';
import { useT } from '../i18n/i18n.js';
import { selectedCampusId } from '../session/session.state.js';
import { AdminForm, ConfirmDialog } from './AdminDialog.js';
import { AdminSection, AdminTable, RowActions, useSectionState } from './AdminSection.js';
import { explainState, useAdminForm, useAdminList } from './admin-hooks.js';
import { membersApi, schoolsApi } from './admin.service.js';
import { Field } from './FormParts.js';
import { emptyMemberDraft, memberInputFromDraft, needsSchool, ROLE_NAMES, schoolsForRole, sortMembers, validateMemberDraft, type MemberDraft } from './member-form.js';

export function MembersAdmin() {
  const t = useT();
  const { items, error, reload } = useAdminList(membersApi.list);
  const schoolList = useAdminList(schoolsApi.list);
  // Accounts show on no other screen: a change reloads this list only, not every list of the campus.
  const { editing, setEditing, archiving: removing, setArchiving: setRemoving, notice, done } = useSectionState<Member>(reload);
  const [added, setAdded] = useState<AddedMember | null>(null);
  const campusId = selectedCampusId.value!;
  const schools = schoolList.items ?? [];
  const schoolName = (id: number | null) => (id === null ? '' : (schools.find((s) => s.id === id)?.name ?? `#${id}`));
  const roleName = (role: string) => t(`admin.members.roles.${role}`, { defaultValue: role });
  const columns = [t('admin.members.name'), t('admin.members.email'), t('admin.members.role'), t('admin.members.school'), t('admin.members.account'), t('admin.actions')];

  return (
    <AdminSection
      section="members"
      onAdd={() => setEditing('new')}
      notice={notice}
      error={error ?? schoolList.error}
      loading={items === null}
      aside={added?.initialPassword && <InitialPassword member={added} onDone={() => setAdded(null)} />}
    >
      {items && (
        <AdminTable caption={t('admin.members.title')} columns={columns}>
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
              <RowActions name={t('admin.members.removeWhat', { role: roleName(m.role), name: m.user.name })} actions={[{ label: t('admin.members.remove'), onClick: () => setRemoving(m) }]} />
            </tr>
          ))}
        </AdminTable>
      )}
      {editing && (
        <MemberForm
          schools={schools}
          onClose={() => setEditing(null)}
          onSaved={(member) => {
            setAdded(member);
            done(t(member.initialPassword ? 'admin.members.addedWithPassword' : 'admin.members.added', { name: member.user.name, role: roleName(member.role) }));
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
            done(t('admin.members.removed', { role: roleName(removing.role), name: removing.user.name }));
          }}
        />
      )}
    </AdminSection>
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
  const form = useAdminForm<MemberDraft>(emptyMemberDraft);
  const { draft, set, errorFor: error } = form;
  const campusId = selectedCampusId.value!;
  const labels = {
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

  async function submit() {
    const saved = await form.save(validateMemberDraft(draft), () => membersApi.add(campusId, memberInputFromDraft(draft)));
    if (saved) onSaved(saved);
  }

  return (
    <AdminForm title={t('admin.members.addTitle')} onClose={onClose} onSubmit={submit} save={form} labels={labels} saveLabel={t('admin.members.addSubmit')}>
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
    </AdminForm>
  );
}
