/** What every administration section does the same way: load a list, save a form, word an error. */
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/client.js';
import { revision } from '../app/campus.state.js';
import { errorText } from '../app/error-text.js';
import { useT } from '../i18n/i18n.js';
import { selectedCampusId } from '../session/session.state.js';
import { issueFor, issuesFromProblem, type Issue } from './form-errors.js';

type T = ReturnType<typeof useT>;

/**
 * A list of the campus, archived records included (campus.state keeps only active ones). It is
 * fetched again whenever the campus changes (live stream) or `reload` is called.
 */
export function useAdminList<Item>(load: (campusId: number) => Promise<Item[]>) {
  const campusId = selectedCampusId.value;
  const tick = revision.value;
  const [own, setOwn] = useState(0);
  const [items, setItems] = useState<Item[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (campusId === null) return;
    let current = true;
    load(campusId).then(
      (found) => {
        if (!current) return;
        setItems(found);
        setError(null);
      },
      (failed: unknown) => current && setError(failed),
    );
    return () => {
      current = false;
    };
  }, [campusId, tick, own]);
  return { items, error, reload: () => setOwn((n) => n + 1) };
}

/** An error in words for a person: the administration's own words for its codes, the app's otherwise. */
export function problemMessage(error: unknown, t: T): string | null {
  if (!error) return null;
  if (error instanceof ApiError && error.code !== 'network') {
    if (error.code === 'forbidden' || error.status === 403) return t('admin.errors.forbidden');
    if (error.code === 'not_found') return t('admin.errors.notFound');
    if (error.code === 'validation') return t('admin.errors.checkFields');
  }
  return errorText(error);
}

/** Runs a call and words a refusal of code `state` ("not possible now") our own way. */
export async function explainState<Result>(call: Promise<Result>, message: string): Promise<Result> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof ApiError && error.code === 'state') throw new Error(message);
    throw error;
  }
}

export function issueText(issue: Issue | undefined, t: T): string | undefined {
  if (!issue) return undefined;
  return issue.key ? t(issue.key, issue.values) : (issue.message ?? '');
}

/**
 * A form's draft and its save: the client's own checks first, then the server's; field errors
 * from either end up in `issues`, anything else in `failure`. The form keeps what was typed either way.
 */
export function useAdminForm<Draft extends object>(initial: () => Draft) {
  const t = useT();
  const [draft, setDraft] = useState<Draft>(initial);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  /** Moves with every attempt that failed: the form moves focus to its error summary. */
  const [attempt, setAttempt] = useState(0);

  const set = (changes: Partial<Draft>) => setDraft((d) => ({ ...d, ...changes }));
  /** The message beside one input: its own field's, or one about anything under it. */
  const errorFor = (field: string) => issueText(issueFor(issues, field, true), t);

  async function save<Result>(local: Issue[], action: () => Promise<Result>): Promise<Result | undefined> {
    setFailure(null);
    if (local.length > 0) {
      setIssues(local);
      setAttempt((n) => n + 1);
      return undefined;
    }
    setIssues([]);
    setSaving(true);
    try {
      const result = await action();
      setSaving(false);
      return result;
    } catch (error) {
      const fromServer = error instanceof ApiError ? issuesFromProblem(error.problem.fields) : [];
      setIssues(fromServer);
      if (fromServer.length === 0) setFailure(error);
      setSaving(false);
      setAttempt((n) => n + 1);
      return undefined;
    }
  }

  return { draft, set, errorFor, issues, failure, saving, attempt, save };
}

/** What a form's frame shows of its save: the summary of problems and the busy Save button. */
export type SaveState = Pick<ReturnType<typeof useAdminForm>, 'issues' | 'failure' | 'saving' | 'attempt'>;
