/** One write at a time for a part of the room: busy while it runs, its refusal in words after. */
import { useRef, useState } from 'preact/hooks';
import { bumpRevision } from '../../app/campus.state.js';
import { refusalText } from './meeting-errors.js';

export interface Writer {
  busy: boolean;
  error: string | null;
  setError: (message: string | null) => void;
  /** Runs `write`; true when it succeeded. The campus revision moves after it, so every part reloads. */
  run: (write: () => Promise<void>) => Promise<boolean>;
}

export function useWrite(): Writer {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const running = useRef(false);

  async function run(write: () => Promise<void>): Promise<boolean> {
    if (running.current) return false;
    running.current = true;
    setBusy(true);
    setError(null);
    try {
      await write();
      return true;
    } catch (failure) {
      setError(refusalText(failure));
      return false;
    } finally {
      running.current = false;
      setBusy(false);
      bumpRevision();
    }
  }

  return { busy, error, setError, run };
}
