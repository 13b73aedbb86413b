/** JSON columns read and written by raw prepared statements, the way drizzle's json mode does it. */

/** The value to bind: absent and null stay SQL NULL. */
export function jsonOrNull(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

const SHARED_LIMIT = 1_000;
const shared = new Map<string, unknown>();

/**
 * Parses a JSON column that holds small reference data read on every check (a space's open
 * hours): the same few texts come back request after request, so each is parsed once and the
 * value is shared, deep-frozen so that no reader can change it for the others.
 */
export function sharedJson<T>(text: string | null): T | null {
  if (text === null) return null;
  let value = shared.get(text);
  if (value === undefined) {
    value = deepFreeze(JSON.parse(text));
    if (shared.size >= SHARED_LIMIT) shared.clear();
    shared.set(text, value);
  }
  return value as T;
}

function deepFreeze(value: unknown): unknown {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
