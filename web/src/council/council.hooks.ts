/** Data that stays fresh: refetched when the campus's revision ticks (every council change is a live event). */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { revision } from '../app/campus.state.js';

export interface Fresh<T> {
  data: T | null;
  error: unknown;
  /** Fetches again now; resolves once the answer is shown. */
  reload: () => Promise<void>;
  /** Shows a value the server already answered (a write that returns the new state). */
  set: (value: T) => void;
}

/**
 * Loads `fetch` for `key`, again whenever the campus revision ticks or `reload` is called. An
 * answer that arrives after a newer request was made is dropped, and nothing of another key is
 * shown while the new one loads.
 */
export function useFresh<T>(key: string, fetch: () => Promise<T>): Fresh<T> {
  const tick = revision.value;
  const [state, setState] = useState<{ key: string; data: T | null; error: unknown }>({ key, data: null, error: null });
  const latest = useRef(0);
  const fetchRef = useRef(fetch);
  fetchRef.current = fetch;

  const load = useCallback(async () => {
    const call = ++latest.current;
    try {
      const data = await fetchRef.current();
      if (call === latest.current) setState({ key, data, error: null });
    } catch (error) {
      if (call === latest.current) setState((s) => ({ key, data: s.key === key ? s.data : null, error }));
    }
  }, [key]);

  useEffect(() => {
    void load();
  }, [load, tick]);

  const set = useCallback(
    (value: T) => {
      ++latest.current; // an older request still under way must not overwrite it
      setState({ key, data: value, error: null });
    },
    [key],
  );

  const current = state.key === key ? state : { data: null, error: null };
  return { data: current.data, error: current.error, reload: load, set };
}
