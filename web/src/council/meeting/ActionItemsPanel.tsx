/**
 * Action items: what this meeting asked someone to do (added here while the minutes can
 * change), and those still open from earlier meetings, followed up here. Any council member
 * marks one done or cancelled, with the version they saw.
 */
import { useState } from 'preact/hooks';
import { ErrorMessage } from '../../app/Status.js';
import { formatDate } from '../../i18n/format.js';
import { useT } from '../../i18n/i18n.js';
import { me } from '../../session/session.state.js';
import { FieldError, fieldProps } from '../Field.js';
import { createActionItem, setActionItemStatus } from './meeting.service.js';
import type { ActionItem, AttendanceEntry, CouncilMeeting, CouncilPerson } from './meeting.types.js';
import { SchoolName, schoolText } from './SchoolName.js';
import { useWrite } from './useWrite.js';

interface Props {
  campusId: number;
  meetingId: number;
  recorded: ActionItem[];
  earlier: ActionItem[];
  members: AttendanceEntry[];
  mySchoolIds: number[];
  /** The person sits on the council. */
  member: boolean;
  /** This meeting's minutes still change (new items may be recorded). */
  editable: boolean;
  meetings: CouncilMeeting[];
  /** Owners' names the agenda knows (by action item id): the action item itself carries only the person's id. */
  /** Who sits on the council: owners are chosen and named from it. */
  people: CouncilPerson[];
  announce: (text: string) => void;
}

export function ActionItemsPanel({ campusId, meetingId, recorded, earlier, members, mySchoolIds, member, editable, meetings, people, announce }: Props) {
  const ownerNames = new Map(people.map((p) => [p.userId, p.name]));
  const t = useT();
  return (
    <section class="card meeting-section" aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t('meeting.actions.heading')}</h2>
      <h3>{t('meeting.actions.thisMeeting')}</h3>
      <ActionList items={recorded} campusId={campusId} member={member} meetings={meetings} ownerNames={ownerNames} announce={announce} showOrigin={false} />
      {member && editable && <AddActionItem campusId={campusId} meetingId={meetingId} members={members} people={people} mySchoolIds={mySchoolIds} announce={announce} />}
      <h3>{t('meeting.actions.earlier')}</h3>
      <ActionList items={earlier} campusId={campusId} member={member} meetings={meetings} ownerNames={ownerNames} announce={announce} showOrigin />
    </section>
  );
}

function ActionList(props: { items: ActionItem[]; campusId: number; member: boolean; meetings: CouncilMeeting[]; ownerNames: Map<number, string>; announce: (text: string) => void; showOrigin: boolean }) {
  const t = useT();
  if (props.items.length === 0) return <p class="muted">{t('meeting.actions.none')}</p>;
  return (
    <ul class="room-actions">
      {props.items.map((item) => (
        <ActionRow key={item.id} item={item} {...props} />
      ))}
    </ul>
  );
}

function ActionRow({ item, campusId, member, meetings, ownerNames, announce, showOrigin }: { item: ActionItem; campusId: number; member: boolean; meetings: CouncilMeeting[]; ownerNames: Map<number, string>; announce: (text: string) => void; showOrigin: boolean }) {
  const t = useT();
  const writer = useWrite();
  const self = me.value?.user;
  const person = item.ownerUserId === null ? null : item.ownerUserId === self?.id ? self.name : (ownerNames.get(item.ownerUserId) ?? null);
  const origin = meetings.find((m) => m.id === item.meetingId);

  const mark = (status: 'done' | 'cancelled') =>
    void writer.run(async () => {
      await setActionItemStatus(campusId, item.id, status, item.version);
      announce(t('meeting.actions.marked', { what: item.what, status: t(`meeting.actions.statuses.${status}`) }));
    });

  return (
    <li class="room-action">
      <p class="room-action-what">{item.what}</p>
      <p class="room-action-meta">
        <SchoolName id={item.ownerSchoolId} short />
        {person && ` ${person}`}
        {' · '}
        {item.dueDate ? t('meeting.actions.dueOn', { date: formatDate(item.dueDate) }) : t('meeting.actions.noDue')}
        {' · '}
        <span class={`action-status status-${item.status}`}>{t(`meeting.actions.statuses.${item.status}`)}</span>
        {showOrigin && origin && (
          <>
            {' · '}
            <a href={`/council/meetings/${origin.id}`}>{t('meeting.actions.from', { date: formatDate(origin.localStart) })}</a>
          </>
        )}
      </p>
      {member && item.status === 'open' && (
        <div class="room-action-tools">
          <button type="button" disabled={writer.busy} onClick={() => mark('done')} aria-label={`${t('meeting.actions.markDone')}: ${item.what}`}>
            {t('meeting.actions.markDone')}
          </button>
          <button type="button" disabled={writer.busy} onClick={() => mark('cancelled')} aria-label={`${t('meeting.actions.cancelItem')}: ${item.what}`}>
            {t('meeting.actions.cancelItem')}
          </button>
        </div>
      )}
      <ErrorMessage message={writer.error} />
    </li>
  );
}

function AddActionItem({ campusId, meetingId, members, people, mySchoolIds, announce }: { campusId: number; meetingId: number; members: AttendanceEntry[]; people: CouncilPerson[]; mySchoolIds: number[]; announce: (text: string) => void }) {
  const t = useT();
  const writer = useWrite();
  const self = me.value?.user;
  const blank = { what: '', ownerSchoolId: mySchoolIds[0] === undefined ? '' : String(mySchoolIds[0]), ownerPerson: '', dueDate: '' };
  const [form, setForm] = useState(blank);
  const [errors, setErrors] = useState<{ what?: string; ownerSchoolId?: string; dueDate?: string }>({});
  const set = (change: Partial<typeof form>) => setForm((f) => ({ ...f, ...change }));

  async function submit(event: Event) {
    event.preventDefault();
    const found: typeof errors = {};
    if (form.what.trim() === '') found.what = t('meeting.actions.errors.what');
    if (form.ownerSchoolId === '') found.ownerSchoolId = t('meeting.actions.errors.school');
    if (form.dueDate !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(form.dueDate)) found.dueDate = t('meeting.actions.errors.due');
    setErrors(found);
    if (Object.keys(found).length > 0) {
      document.getElementById(found.what ? 'action-what' : found.ownerSchoolId ? 'action-school' : 'action-due')?.focus();
      return;
    }
    const ok = await writer.run(async () => {
      await createActionItem(campusId, {
        meetingId,
        what: form.what.trim(),
        ownerSchoolId: Number(form.ownerSchoolId),
        ownerUserId: form.ownerPerson === '' ? null : Number(form.ownerPerson),
        dueDate: form.dueDate === '' ? null : form.dueDate,
      });
      announce(t('meeting.actions.added', { what: form.what.trim() }));
    });
    if (ok) setForm(blank);
  }

  return (
    <form class="room-form" onSubmit={submit} noValidate aria-labelledby="action-add-heading">
      <h4 id="action-add-heading">{t('meeting.actions.add')}</h4>
      <div class="room-field">
        <label for="action-what">{t('meeting.actions.what')}</label>
        <input type="text" maxLength={500} value={form.what} onInput={(e) => set({ what: e.currentTarget.value })} {...fieldProps('action-what', errors.what)} />
      </div>
      <FieldError id="action-what" message={errors.what} />
      <div class="motion-row">
        <div class="room-field">
          <label for="action-school">{t('meeting.actions.owner')}</label>
          <select value={form.ownerSchoolId} onChange={(e) => set({ ownerSchoolId: e.currentTarget.value, ownerPerson: '' })} {...fieldProps('action-school', errors.ownerSchoolId)}>
            <option value="">{t('meeting.actions.chooseSchool')}</option>
            {members.map((m) => (
              <option key={m.schoolId} value={String(m.schoolId)}>
                {schoolText(m.schoolId) || `${m.schoolCode} ${m.schoolName}`}
              </option>
            ))}
          </select>
        </div>
        <div class="room-field">
          <label for="action-person">{t('meeting.actions.ownerPerson')}</label>
          <select id="action-person" value={form.ownerPerson} onChange={(e) => set({ ownerPerson: e.currentTarget.value })}>
            <option value="">{t('meeting.actions.nobody')}</option>
            {people
              .filter((p) => String(p.schoolId) === form.ownerSchoolId)
              .map((p) => (
                <option key={p.userId} value={String(p.userId)}>
                  {p.userId === self?.id ? t('meeting.actions.me', { name: p.name }) : p.name}
                </option>
              ))}
          </select>
        </div>
        <div class="room-field">
          <label for="action-due">{t('meeting.actions.due')}</label>
          <input type="date" value={form.dueDate} onInput={(e) => set({ dueDate: e.currentTarget.value })} {...fieldProps('action-due', errors.dueDate)} />
        </div>
      </div>
      <FieldError id="action-school" message={errors.ownerSchoolId} />
      <FieldError id="action-due" message={errors.dueDate} />
      <div>
        <button type="submit" class="primary" disabled={writer.busy}>
          {writer.busy ? t('meeting.saving') : t('meeting.actions.addButton')}
        </button>
      </div>
      <ErrorMessage message={writer.error} />
    </form>
  );
}
