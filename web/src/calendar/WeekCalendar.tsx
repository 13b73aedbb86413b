/**
 * The one place that knows EventCalendar: creates it on mount, passes on every option that
 * changed, destroys it on unmount. Loaded on its own (WeekPage imports it lazily) so the rest of
 * the app does not carry the calendar's weight.
 *
 * Time zone: the calendar is fed campus wall-clock strings without an offset ("floating") and runs
 * in UTC, so it draws exactly those digits whatever the browser's zone; slots come back as the
 * same kind of string (see wallFromIso).
 */
import { createCalendar, destroyCalendar, Interaction, ResourceTimeGrid, type Calendar } from '@event-calendar/core';
import '@event-calendar/core/index.css';
import { useEffect, useRef } from 'preact/hooks';
import { addMinutes, wallFromIso } from './week.js';

export interface WeekCalendarProps {
  span: 'week' | 'day';
  /** Any date of the week (week view) or the day shown. */
  date: string;
  resources: Calendar.ResourceInput[];
  events: Calendar.EventInput[];
  slotMinTime: string;
  slotMaxTime: string;
  hiddenDays: number[];
  /** The grid's accessible name. */
  label: string;
  /** The campus's today, highlighted (the calendar's own "today" is the browser's). */
  today: string;
  language: string;
  selectable: boolean;
  /** Formats for headers and the time axis (campus wall clock, current language). */
  dayHeader: (date: string) => string;
  dayHeaderLong: (date: string) => string;
  slotLabel: (time: string) => string;
  eventContent: (event: Calendar.Event) => Calendar.Content;
  resourceContent: (resource: Calendar.Resource) => Calendar.Content;
  /** Data attributes, name and keyboard help for one rendered event. */
  decorateEvent: (el: HTMLElement, event: Calendar.Event) => void;
  onEventOpen: (eventId: string) => void;
  /** A slot picked on the grid: resource id, wall start, wall end. */
  onSlotPick: (resourceId: string, start: string, end: string) => void;
}

/**
 * The calendar marks its grid up as an ARIA table whose rows also hold toolbars and event boxes,
 * which no table may contain (axe: aria-required-children). The grid is a picture of the week:
 * we drop the table roles and let each booking be a real button whose name says everything
 * (the list below the grid carries the same information as text).
 */
const TABLE_ROLES = new Set(['table', 'row', 'rowgroup', 'cell', 'columnheader', 'rowheader']);
const TABLE_ATTRIBUTES = ['aria-colindex', 'aria-colspan', 'aria-rowindex', 'aria-rowspan', 'aria-colcount', 'aria-rowcount'];
function adjustMarkup(root: HTMLElement, label: string): void {
  // The scrolling grid is a named region the keyboard can reach and scroll, even in an empty week.
  const main = root.querySelector<HTMLElement>('.ec-main');
  if (main && main.getAttribute('tabindex') !== '0') main.setAttribute('tabindex', '0');
  if (main && main.getAttribute('aria-label') !== label) main.setAttribute('aria-label', label);
  for (const el of root.querySelectorAll<HTMLElement>('[role]')) {
    const role = el.getAttribute('role')!;
    if (TABLE_ROLES.has(role)) {
      el.removeAttribute('role');
    } else if (role === 'button' && el.classList.contains('ec-event')) {
      // The button is inside (see eventContent): the box itself is neither a second one nor an article.
      el.setAttribute('role', 'none');
      el.removeAttribute('tabindex');
    }
  }
  for (const el of root.querySelectorAll<HTMLElement>('article:not([role])')) el.setAttribute('role', 'none');
  // Table positions mean nothing without the table roles (axe: aria-allowed-attr).
  for (const el of root.querySelectorAll<HTMLElement>(TABLE_ATTRIBUTES.map((a) => `[${a}]`).join(','))) {
    for (const attribute of TABLE_ATTRIBUTES) el.removeAttribute(attribute);
  }
}

/** "YYYY-MM-DD" / "HH:mm" from a Date the calendar built from our floating strings (its local fields are the wall clock). */
const pad = (n: number) => String(n).padStart(2, '0');
const dateOf = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const timeOf = (d: Date) => `${pad(d.getHours())}:${pad(d.getMinutes())}`;

function optionsOf(props: WeekCalendarProps): Calendar.Options {
  return {
    view: props.span === 'day' ? 'resourceTimeGridDay' : 'resourceTimeGridWeek',
    date: props.date,
    resources: props.resources,
    events: props.events,
    slotMinTime: props.slotMinTime,
    slotMaxTime: props.slotMaxTime,
    // Start at the top: the earliest hour shown is already the earliest anything happens.
    scrollTime: props.slotMinTime,
    hiddenDays: (props.span === 'day' ? [] : props.hiddenDays) as Calendar.dayOfWeek[],
    highlightedDates: [props.today],
    locale: props.language,
    selectable: props.selectable,
    // Narrow columns scroll sideways rather than squeeze a booking to nothing.
    columnWidth: props.span === 'day' ? 'minmax(6rem, 1fr)' : 'minmax(6.5rem, 1fr)',
    dayHeaderFormat: (d: Date) => props.dayHeader(dateOf(d)),
    dayHeaderAriaLabelFormat: (d: Date) => props.dayHeaderLong(dateOf(d)),
    slotLabelFormat: (d: Date) => props.slotLabel(timeOf(d)),
    eventTimeFormat: (start: Date, end: Date | null) => `${props.slotLabel(timeOf(start))}${end ? ` – ${props.slotLabel(timeOf(end))}` : ''}`,
  };
}

export function WeekCalendar(props: WeekCalendarProps) {
  const host = useRef<HTMLDivElement>(null);
  const calendar = useRef<Calendar | null>(null);
  const applied = useRef<Calendar.Options>({});
  // The calendar keeps the callbacks it was created with: they read the latest props from here.
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    const initial = optionsOf(latest.current);
    const created = createCalendar(host.current!, [ResourceTimeGrid, Interaction], {
      ...initial,
      timeZone: 'UTC',
      firstDay: 1,
      datesAboveResources: true,
      allDaySlot: false,
      nowIndicator: false,
      headerToolbar: { start: '', center: '', end: '' },
      // A fixed height keeps the headers and the sideways scrollbar in view while the hours scroll.
      height: '78vh',
      slotHeight: 24,
      slotDuration: '00:30',
      editable: false,
      eventStartEditable: false,
      eventDurationEditable: false,
      unselectAuto: true,
      selectMinDistance: 5,
      eventContent: (info) => latest.current.eventContent(info.event),
      resourceLabelContent: (info) => latest.current.resourceContent(info.resource),
      eventDidMount: (info) => latest.current.decorateEvent(info.el, info.event),
      eventClick: (info) => {
        if (info.event.display === 'auto') latest.current.onEventOpen(String(info.event.id));
      },
      // A drag over a range picks it; a plain click picks the hour from there.
      select: (info) => {
        if (info.resource) latest.current.onSlotPick(String(info.resource.id), wallFromIso(info.startStr), wallFromIso(info.endStr));
      },
      dateClick: (info) => {
        if (!latest.current.selectable || !info.resource) return;
        const start = wallFromIso(info.dateStr);
        latest.current.onSlotPick(String(info.resource.id), start, addMinutes(start, 60));
      },
    });
    calendar.current = created;
    applied.current = initial;
    const root = host.current!;
    adjustMarkup(root, latest.current.label);
    const observer = new MutationObserver(() => adjustMarkup(root, latest.current.label));
    observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['role', 'tabindex', ...TABLE_ATTRIBUTES] });
    return () => {
      observer.disconnect();
      calendar.current = null;
      void destroyCalendar(created);
    };
  }, []);

  useEffect(() => {
    const ec = calendar.current;
    if (!ec) return;
    const next = optionsOf(props);
    // Formatters are new functions every render: pass them on only when the language changed.
    const languageChanged = next.locale !== applied.current.locale;
    for (const key of Object.keys(next) as Array<keyof Calendar.Options>) {
      const value = next[key];
      const before = applied.current[key];
      const isFormatter = typeof value === 'function';
      const changed = isFormatter ? languageChanged : Array.isArray(value) && Array.isArray(before) && key !== 'resources' && key !== 'events' ? value.join() !== before.join() : value !== before;
      if (changed) ec.setOption(key, value as never);
    }
    applied.current = next;
    if (host.current) adjustMarkup(host.current, props.label);
  });

  return <div ref={host} class="week-grid" />;
}
