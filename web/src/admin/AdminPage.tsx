/**
 * Administration: schools, spaces, closures, accounts and roles. Each section shows only to the
 * roles that may use it (an admin sees all four, the building principal spaces and closures);
 * /admin opens the first one the person may use.
 */
import type { ComponentType } from 'preact';
import { useEffect } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { Loading, NoAccess, NotFound } from '../app/Status.js';
import { useScreen } from '../app/useScreen.js';
import { useT, registerDictionary } from '../i18n/i18n.js';
import { can } from '../session/session.state.js';
import { ClosuresAdmin } from './ClosuresAdmin.js';
import { MembersAdmin } from './MembersAdmin.js';
import { SchoolsAdmin } from './SchoolsAdmin.js';
import { SpacesAdmin } from './SpacesAdmin.js';
import './admin.css';
import { adminText } from './admin.i18n.js';

// This page loads on demand: its words come with it (web/src/i18n/i18n.ts).
registerDictionary('admin', adminText);

const SECTIONS: Array<{ id: string; allowed: () => boolean; Component: ComponentType }> = [
  { id: 'schools', allowed: () => can.manageSchools.value, Component: SchoolsAdmin },
  { id: 'spaces', allowed: () => can.manageFacilities.value, Component: SpacesAdmin },
  { id: 'closures', allowed: () => can.manageFacilities.value, Component: ClosuresAdmin },
  { id: 'members', allowed: () => can.manageMembers.value, Component: MembersAdmin },
];

export function AdminPage() {
  const t = useT();
  const { path, route } = useLocation();
  const section = path.split('/')[2] ?? '';
  const allowed = SECTIONS.filter((s) => s.allowed());
  const first = allowed[0]?.id;
  const current = SECTIONS.find((s) => s.id === section);

  useEffect(() => {
    if (!section && first) route(`/admin/${first}`, true);
  }, [section, first]);

  useScreen(current ? `admin/${current.id}` : 'admin', current ? t(`admin.${current.id}.title`) : t('app.nav.admin'));

  let body;
  if (!section) body = first ? <Loading /> : <NoAccess />;
  else if (!current) body = <NotFound />;
  else if (!current.allowed()) body = <NoAccess />;
  else body = <current.Component />;

  return (
    <div class="admin">
      {allowed.length > 0 && (
        <nav class="admin-nav" aria-label={t('admin.nav.label')}>
          <ul>
            {allowed.map((s) => (
              <li key={s.id}>
                <a href={`/admin/${s.id}`} aria-current={s.id === section ? 'page' : undefined}>
                  {t(`admin.${s.id}.title`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {body}
    </div>
  );
}
