/**
 * Form errors as data: the client's own checks and the server's problem+json fields end up in the
 * same shape, so a form shows both the same way (beside the field, and in a summary).
 * Pure: translation happens in the component (an issue carries an i18n key or the server's text).
 */

export interface Issue {
  /** The field's path as the server names it: "name", "openHours/mon/0", "spaceIds". */
  field: string;
  /** An i18n key for the message (client checks, and server messages we recognise)… */
  key?: string;
  values?: Record<string, unknown>;
  /** …or the server's own words when we don't. */
  message?: string;
}

/** "/body/openHours/mon/0/open" → "openHours/mon/0/open" (the API names fields either way). */
export function fieldPath(raw: string): string {
  return raw.replace(/^\/+/, '').replace(/^body(\/|$)/, '');
}

/** Server messages we know, in our own (translated) words; others keep the server's text. */
const KNOWN: Array<[RegExp, string, (m: RegExpMatchArray) => Record<string, unknown>]> = [
  [/^is required for a new account$/, 'admin.errors.nameForNewAccount', () => ({})],
  [/^must not be blank$|^is required/, 'admin.errors.required', () => ({})],
  [/^already used by school \d+ \((.*)\)$/, 'admin.errors.codeTaken', (m) => ({ name: m[1] })],
  [/^open must be before close$/, 'admin.errors.openBeforeClose', () => ({})],
  [/^overlaps another window/, 'admin.errors.overlap', () => ({})],
  [/^must not be before start$/, 'admin.errors.endBeforeStartDate', () => ({})],
  [/^must be after start$/, 'admin.errors.endBeforeStartTime', () => ({})],
  [/^is not an e-mail address$/, 'admin.errors.email', () => ({})],
  [/^must be at least (\d+) characters$/, 'admin.errors.passwordShort', (m) => ({ count: Number(m[1]) })],
  [/too common or too easy to guess/, 'admin.errors.passwordWeak', () => ({})],
  [/acts for a school: name it$/, 'admin.errors.schoolRequired', () => ({})],
  [/building principal books for the building office/, 'admin.errors.principalSchool', () => ({})],
  [/acts for an SLC or small school/, 'admin.errors.leadSchool', () => ({})],
  [/^space \d+ is archived$/, 'admin.errors.parentArchived', () => ({})],
  [/cannot be its own parent|would make a cycle/, 'admin.errors.parentCycle', () => ({})],
  [/^at most (\d+) minutes$/, 'admin.errors.bufferMax', (m) => ({ max: Number(m[1]) })],
];

export function issueFromServer(field: string, message: string): Issue {
  const path = fieldPath(field);
  for (const [pattern, key, values] of KNOWN) {
    const match = message.match(pattern);
    if (match) return { field: path, key, values: values(match) };
  }
  return { field: path, message };
}

/** The issues of a problem's `fields`, one per field path (ajv may name a field twice). */
export function issuesFromProblem(fields: ReadonlyArray<{ field: string; message: string }> | undefined): Issue[] {
  const seen = new Set<string>();
  const issues: Issue[] = [];
  for (const f of fields ?? []) {
    const issue = issueFromServer(f.field, f.message);
    if (seen.has(issue.field)) continue;
    seen.add(issue.field);
    issues.push(issue);
  }
  return issues;
}

/** The issue shown beside one input: its own path, or (with `within`) anything under it. */
export function issueFor(issues: readonly Issue[], field: string, within = false): Issue | undefined {
  return issues.find((i) => i.field === field || (within && i.field.startsWith(`${field}/`)));
}

/** A whole number typed in a text box, within bounds; null when it is not one. */
export function wholeNumber(text: string, min: number, max: number): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= min && value <= max ? value : null;
}
