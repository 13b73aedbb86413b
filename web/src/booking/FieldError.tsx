/** A field's error, tied to it: the input names `${id}-error` in aria-describedby (see describedBy). */
export function FieldError({ id, message }: { id: string; message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p class="field-error" id={`${id}-error`}>
      {message}
    </p>
  );
}

/** aria-describedby for a field: its hint(s), and its error when there is one. */
export function describedBy(id: string, hasError: boolean, ...hints: string[]): string | undefined {
  const ids = [...hints, ...(hasError ? [`${id}-error`] : [])];
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** What ties a control to its name, error and hints: spread it on the input. */
export function controlProps(id: string, name: string, error: string | null | undefined, ...hints: string[]) {
  return { id, name, 'aria-invalid': error ? ('true' as const) : undefined, 'aria-describedby': describedBy(id, !!error, ...hints) };
}
