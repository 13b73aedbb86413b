/**
 * What the four administration sections share: the frame (heading, intro, the add button, the
 * announcement of the last change, the load error, "Loading…"), the records' table, each row's
 * buttons, the archive/restore question, and the state that drives them.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { bumpRevision } from '../app/campus.state.js';
import { ErrorMessage, Loading } from '../app/Status.js';
import { useT } from '../i18n/i18n.js';
import { ConfirmDialog } from './AdminDialog.js';
import { problemMessage } from './admin-hooks.js';

type Section = 'schools' | 'spaces' | 'closures' | 'members';

/**
 * What a section is doing: the record open in its form ('new' for one being added), the one
 * being archived (or removed), and the announcement of the last change.
 * `done` closes whichever dialog is open, announces, and refreshes (`refresh`, by default the
 * campus revision: every list of the campus loads again).
 */
export function useSectionState<Item>(refresh: () => void = bumpRevision) {
  const [editing, setEditing] = useState<Item | 'new' | null>(null);
  const [archiving, setArchiving] = useState<Item | null>(null);
  const [notice, setNotice] = useState('');
  const done = (message: string) => {
    setEditing(null);
    setArchiving(null);
    setNotice(message);
    refresh();
  };
  return { editing, setEditing, archiving, setArchiving, notice, done };
}

export function AdminSection({
  section,
  onAdd,
  notice,
  error,
  loading,
  aside,
  children,
}: {
  section: Section;
  onAdd: () => void;
  /** The last change, announced (role=status) and shown until the next one. */
  notice: string;
  /** Why the list could not be loaded. */
  error: unknown;
  loading: boolean;
  /** Shown right under the notice: what the last change brought (blocked bookings, a password). */
  aside?: ComponentChildren;
  children: ComponentChildren;
}) {
  const t = useT();
  return (
    <section aria-labelledby="admin-title">
      <h1 id="admin-title" tabIndex={-1}>
        {t(`admin.${section}.title`)}
      </h1>
      <p class="muted">{t(`admin.${section}.intro`)}</p>
      <p>
        <button type="button" class="primary" onClick={onAdd}>
          {t(`admin.${section}.add`)}
        </button>
      </p>
      <p role="status" class="admin-notice">
        {notice}
      </p>
      {aside}
      <ErrorMessage message={problemMessage(error, t)} />
      {loading && !error && <Loading />}
      {children}
    </section>
  );
}

/** The records as a table (stacked into cards on phones, each cell labelled by its column). */
export function AdminTable({ caption, columns, children }: { caption: string; columns: string[]; children: ComponentChildren }) {
  return (
    <table class="admin-table">
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th scope="col" key={column}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

interface Action {
  label: string;
  onClick: () => void;
}

/** A row's buttons. Each one's accessible name ends with the record's: "Edit Library", "Archive Library". */
export function RowActions({ name, actions }: { name: string; actions: Array<Action | false> }) {
  const t = useT();
  return (
    <td data-label={t('admin.actions')} class="row-actions">
      {actions.map(
        (action) =>
          action && (
            <button key={action.label} type="button" onClick={action.onClick}>
              {action.label}
              <span class="visually-hidden"> {name}</span>
            </button>
          ),
      )}
    </td>
  );
}

/** The usual pair: Edit (while active), then Archive — or Restore once archived. */
export function EditArchiveActions({
  name,
  archived,
  onEdit,
  onArchive,
  archiveLabel,
}: {
  name: string;
  archived: boolean;
  onEdit: () => void;
  onArchive: () => void;
  /** "Archive" unless the section says otherwise ("Lift" a closure). */
  archiveLabel?: string;
}) {
  const t = useT();
  return (
    <RowActions
      name={name}
      actions={[
        !archived && { label: t('admin.edit'), onClick: onEdit },
        { label: archived ? t('admin.restore') : (archiveLabel ?? t('admin.archive')), onClick: onArchive },
      ]}
    />
  );
}

/** "Archive the Library?" or "Restore the Library?", worded by the section; `onDone` gets the announcement. */
export function ArchiveDialog<Item extends { name: string; archived: boolean }>({
  section,
  item,
  setArchived,
  onClose,
  onDone,
}: {
  section: 'schools' | 'spaces';
  item: Item;
  /** Archives an active record, restores an archived one; answers the record as it is now. */
  setArchived: () => Promise<Item>;
  onClose: () => void;
  onDone: (notice: string) => void;
}) {
  const t = useT();
  const restoring = item.archived;
  return (
    <ConfirmDialog
      title={t(`admin.${section}.${restoring ? 'restoreTitle' : 'archiveTitle'}`, { name: item.name })}
      body={<p>{t(`admin.${section}.${restoring ? 'restoreBody' : 'archiveBody'}`)}</p>}
      confirmLabel={restoring ? t('admin.restore') : t('admin.archive')}
      danger={!restoring}
      onClose={onClose}
      onConfirm={async () => {
        const saved = await setArchived();
        onDone(t(`admin.${section}.${saved.archived ? 'archivedNotice' : 'restoredNotice'}`, { name: saved.name }));
      }}
    />
  );
}
