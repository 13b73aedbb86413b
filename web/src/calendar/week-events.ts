/**
 * What the calendar draws, as plain data: one event per occurrence in its space's (or school's)
 * column, coloured by school, and one background event per closure over the columns it closes.
 * Pure (no DOM): tests/web/calendar-week.test.ts covers it.
 */
import type { Closure, ListedOccurrence, Space } from '../api/types.js';
import { closedSpaceIds, type WeekView } from './week.js';

/** The subset of EventCalendar's EventInput we use (kept here so this file stays DOM-free). */
export interface GridEvent {
  id: string;
  resourceIds: string[];
  start: string;
  end: string;
  display: 'auto' | 'background';
  backgroundColor?: string;
  textColor?: string;
  classNames?: string[];
  extendedProps: { occurrence?: ListedOccurrence; closure?: Closure };
}

export function occurrenceEvents(occurrences: readonly ListedOccurrence[], view: WeekView, colorOf: (schoolId: number) => string): GridEvent[] {
  return occurrences.map((o) => ({
    id: String(o.occurrenceId),
    resourceIds: [String(view === 'space' ? o.spaceId : o.schoolId)],
    start: o.localStart,
    end: o.localEnd,
    display: 'auto',
    backgroundColor: colorOf(o.schoolId),
    textColor: '#ffffff',
    classNames: ['wk-event'],
    extendedProps: { occurrence: o },
  }));
}

/**
 * Closures as shaded backgrounds. By space: over the spaces each closes (all for a campus-wide
 * one). By school: a campus-wide closure shades every school's column; one of a few spaces does
 * not map onto schools and is only listed as text.
 */
export function closureEvents(closures: readonly Closure[], view: WeekView, spaces: readonly Space[], columnIds: readonly number[]): GridEvent[] {
  const events: GridEvent[] = [];
  for (const closure of closures) {
    const closed = closedSpaceIds(closure, spaces);
    if (view === 'school' && closed !== null) continue;
    const shown = new Set(columnIds);
    const resourceIds = (closed ?? columnIds).filter((id) => shown.has(id)).map(String);
    if (resourceIds.length === 0) continue;
    events.push({
      id: `closure-${closure.id}`,
      resourceIds,
      start: closure.localStart,
      end: closure.localEnd,
      display: 'background',
      classNames: ['wk-closure'],
      extendedProps: { closure },
    });
  }
  return events;
}
