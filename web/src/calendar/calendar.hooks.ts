/** The week screen's hooks: the screen's width class, and the week's occurrences kept fresh. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ListedOccurrence } from '../api/types.js';
import { addDays } from '../i18n/format.js';
import { listOccurrences } from './calendar.service.js';

const NARROW = '(max-width: 699.98px)';
/** Phones get the day view unless the URL asks for the week. */
export function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => globalThis.matchMedia?.(NARROW).matches ?? false);
  useEffect(() => {
    const query = globalThis.matchMedia?.(NARROW);
    if (!query) return;
    const update = () => setNarrow(query.matches);
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return narrow;
}

/** The week's occurrences, fetched again when the week changes or anything on the campus does. */
export function useWeekOccurrences(campusId: number, week: string, tick: number) {
  const [loaded, setLoaded] = useState<{ week: string; items: ListedOccurrence[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const latest = useRef(0);
  useEffect(() => {
    // Only the newest request may answer: a slow reply for last week must not overwrite this one.
    const request = ++latest.current;
    listOccurrences(campusId, week, addDays(week, 7)).then(
      (items) => {
        if (request !== latest.current) return;
        setLoaded({ week, items });
        setError(null);
      },
      (failure: unknown) => {
        if (request !== latest.current) return;
        setError(failure);
      },
    );
  }, [campusId, week, tick]);
  return { items: loaded?.week === week ? loaded.items : null, error };
}
