/** What every administration section does the same way: load a list, save a form, word an error. */
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { revision } from '../app/campus.state';
import type { useT } from '../i18n/i18n';
import { selectedCampusId } from '../session/session.state';
import { issuesFromProblem, type Issue } from './form-errors';

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

/** An error in words for a person: known codes translated, the server's detail otherwise. */
export function problemMessage(error: unknown, t: T): string | null {
  if (!error) return null;
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  if (error.code === 'network') return t('app.error.network');
  if (error.code === 'forbidden' || error.status === 403) return t('admin.errors.forbidden');
  if (error.code === 'not_found') return t('admin.errors.notFound');
  if (error.code === 'validation') return t('admin.errors.checkFields');
  return error.message;
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
 * A form's save: the client's own checks first, then the server's; field errors from either end
 * up in `issues`, anything else in `failure`. The form keeps what was typed either way.
 */
export function useSave() {
  const [issues, setIssues] = useState<Issue[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  /** Moves with every attempt that failed: the form moves focus to its error summary. */
  const [attempt, setAttempt] = useState(0);

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

  return { issues, failure, saving, attempt, save };
}
