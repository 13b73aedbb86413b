import { DomainError } from '../../server/domain/errors.js';

/** The first field a validation error names, or undefined when `fn` throws nothing; other errors are rethrown. */
export function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError && e.code === 'validation') return e.details.fields?.[0]?.field;
    throw e;
  }
  return undefined;
}
