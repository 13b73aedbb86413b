/** The frame around every signed-in screen: skip link, header, navigation, language, live state. */
import type { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso';
import { useT } from '../i18n/i18n.js';
import { can, me, selectCampus, selectedCampusId, signOutNow } from '../session/session.state.js';
import { campus, liveStatus } from './campus.state.js';
import { LanguageSelect } from './LanguageSelect.js';

function NavLink({ href, children }: { href: string; children: ComponentChildren }) {
  const { path } = useLocation();
  const current = path === href || path.startsWith(`${href}/`);
  return (
    <a href={href} aria-current={current ? 'page' : undefined}>
      {children}
    </a>
  );
}

export function Shell({ children }: { children: ComponentChildren }) {
  const t = useT();
  const { route } = useLocation();
  const person = me.value;
  const campuses = person?.campuses ?? [];
  const admin = can.manageFacilities.value || can.manageMembers.value;
  return (
    <>
      <a class="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header class="top">
        <div class="brand">
          <span class="logo" aria-hidden="true">
            ◧
          </span>{' '}
          {t('app.name')}
          {campus.value && <span class="campus-name"> · {campus.value.name}</span>}
        </div>
        <nav aria-label={t('app.nav.label')}>
          <NavLink href="/week">{t('app.nav.week')}</NavLink>
          {can.book.value && <NavLink href="/book">{t('app.nav.book')}</NavLink>}
          {can.book.value && <NavLink href="/bookings">{t('app.nav.mine')}</NavLink>}
          <NavLink href="/council">{t('app.nav.council')}</NavLink>
          {admin && <NavLink href="/admin">{t('app.nav.admin')}</NavLink>}
        </nav>
        <div class="tools">
          {campuses.length > 1 && (
            <label>
              {t('app.campus')}{' '}
              <select value={String(selectedCampusId.value)} onChange={(e) => selectCampus(Number(e.currentTarget.value))}>
                {campuses.map((c) => (
                  <option key={c.campusId} value={c.campusId}>
                    {c.campusName}
                  </option>
                ))}
              </select>
            </label>
          )}
          <LanguageSelect />
          <span class={`live live-${liveStatus.value}`} role="status" title={t(`app.live.${liveStatus.value}`)}>
            <span aria-hidden="true">●</span> {t(`app.live.${liveStatus.value}`)}
          </span>
          {person && (
            <span class="who">
              {t('app.signedInAs', { name: person.user.name })}{' '}
              <button type="button" class="link" onClick={() => void signOutNow().then(() => route('/signin'))}>
                {t('app.signOut')}
              </button>
            </span>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
