/**
 * The live dry run: ~300 ms after the request last changed (and again whenever the campus
 * `revision` ticks — someone else booked), ask the server what would happen. Only the newest
 * answer counts: a slow answer to an older request is dropped by its sequence number.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Analysis } from '../api/types.js';

export interface DryRunRequest {
  /** Identifies the request: a new key means a new check. */
  key: string;
  run: () => Promise<Analysis>;
}

export interface CheckState {
  /** idle: nothing to check (the form is incomplete); waiting: a check is on its way. */
  phase: 'idle' | 'waiting' | 'done' | 'failed';
  /** The newest answer, kept while the next one is on its way so the panel does not flicker. */
  analysis: Analysis | null;
  error: unknown;
}

const DEBOUNCE_MS = 300;

export function useDryRun(request: DryRunRequest | null, revision: number): [CheckState, (analysis: Analysis) => void] {
  const [state, setState] = useState<CheckState>({ phase: 'idle', analysis: null, error: null });
  const sequence = useRef(0);
  const run = useRef(request?.run);
  run.current = request?.run;
  const key = request?.key ?? null;

  useEffect(() => {
    const mine = ++sequence.current;
    if (key === null) {
      setState({ phase: 'idle', analysis: null, error: null });
      return;
    }
    setState((s) => ({ ...s, phase: 'waiting' }));
    const timer = setTimeout(() => {
      const call = run.current;
      if (!call) return;
      call().then(
        (analysis) => mine === sequence.current && setState({ phase: 'done', analysis, error: null }),
        (error: unknown) => mine === sequence.current && setState({ phase: 'failed', analysis: null, error }),
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key, revision]);

  /** An analysis from elsewhere (a 409 on submit) replaces the dry run's, and outranks any answer on its way. */
  const show = (analysis: Analysis) => {
    sequence.current += 1;
    setState({ phase: 'done', analysis, error: null });
  };
  return [state, show];
}
