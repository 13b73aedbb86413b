/** What a booking and a closure look like inside the calendar's boxes (built as DOM nodes for it). */
import type { ListedOccurrence } from '../api/types.js';
import { formatDate } from '../i18n/format.js';
import { language } from '../i18n/i18n.js';
import { formatTimeSpan, type WeekView } from './week.js';

export function node(tag: string, className: string, text: string): HTMLElement {
  const el = document.createElement(tag);
  el.className = className;
  el.textContent = text;
  return el;
}

/**
 * A booking on the grid: a button showing school code, title and time (and the space, by school),
 * whose name also says the school's name, the space and the date for those who cannot see the grid.
 */
export function eventButton(o: ListedOccurrence, view: WeekView): HTMLElement {
  const button = node('button', 'wk-ev', '') as HTMLButtonElement;
  button.type = 'button';
  button.setAttribute('aria-haspopup', 'dialog');
  // The calendar also opens on Enter/Space pressed on the box: let only the button's click do it.
  button.addEventListener('keydown', (e) => (e.key === 'Enter' || e.key === ' ') && e.stopPropagation());
  const hidden = (text: string) => node('span', 'visually-hidden', text);
  button.append(
    node('span', 'wk-ev-code', o.schoolCode),
    hidden(` ${o.schoolName}: `),
    node('span', 'wk-ev-title', o.title),
    hidden(', '),
    node('span', 'wk-ev-time', formatTimeSpan(o.localStart, o.localEnd, language.value)),
    hidden(', '),
    view === 'school' ? node('span', 'wk-ev-space', o.spaceName) : hidden(o.spaceName),
    hidden(`, ${formatDate(o.localStart, 'long')}`),
  );
  return button;
}
