/** What every screen tells the world: its name to the others on the campus (presence) and its title to the browser. */
import { useEffect } from 'preact/hooks';
import { t } from '../i18n/i18n.js';
import { announceScreen } from './campus.state.js';

/** `screen` names it for presence ("week", "booking/12"); `title` is the window's title, already translated. */
export function useScreen(screen: string, title: string): void {
  useEffect(() => {
    announceScreen(screen);
    return () => announceScreen(null);
  }, [screen]);
  useEffect(() => {
    document.title = title ? `${title} · ${t('app.name')}` : t('app.name');
  }, [title]);
}
